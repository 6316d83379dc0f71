"""A progress display for long publishes that stays silent when output is not a terminal."""

from __future__ import annotations

from types import TracebackType

__all__ = ["Progress"]


class Progress:
    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.count = 0
        self._bar: object | None = None
        self._task: object | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.progress import Progress as RichProgress
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            bar = RichProgress(
                SpinnerColumn(), TextColumn("published {task.completed} stories"), TimeElapsedColumn(), transient=True
            )
            bar.start()
            self._task = bar.add_task("publish", total=None)
            self._bar = bar
        return self

    def advance(self) -> None:
        self.count += 1
        if self._bar is not None and self.count % 100 == 0:
            self._bar.update(self._task, completed=self.count)  # type: ignore[attr-defined]

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()  # type: ignore[attr-defined]
