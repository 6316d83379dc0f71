"""Per-subscription alert throttling in fixed windows, with a summary of what was held back."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ThrottleSummary", "Window"]


@dataclass(frozen=True, slots=True)
class ThrottleSummary:
    subscription: str
    window_start: float
    window_end: float
    allowed: int
    suppressed: int
    story_ids: tuple[str, ...]  # the first held-back stories, for the analyst to look up


@dataclass(slots=True)
class Window:
    """At most ``limit`` admissions per ``seconds``; the clock is passed in, so this is deterministic."""

    subscription: str
    limit: int
    seconds: float
    start: float = 0.0
    allowed: int = 0
    suppressed: int = 0
    held: list[str] = field(default_factory=list)

    def admit(self, now: float, story_id: str) -> tuple[bool, ThrottleSummary | None]:
        """Whether one more alert may go out now; closing a window returns its summary."""
        summary = self.roll(now)
        if self.allowed < self.limit:
            self.allowed += 1
            return True, summary
        self.suppressed += 1
        if len(self.held) < 20:
            self.held.append(story_id)
        return False, summary

    def roll(self, now: float) -> ThrottleSummary | None:
        """Close the window if it has ended; a summary only when something was held back."""
        if now < self.start + self.seconds:
            return None
        summary = None
        if self.suppressed:
            summary = ThrottleSummary(
                self.subscription, self.start, self.start + self.seconds, self.allowed, self.suppressed, tuple(self.held)
            )
        self.start, self.allowed, self.suppressed, self.held = now, 0, 0, []
        return summary
