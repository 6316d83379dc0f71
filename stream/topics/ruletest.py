"""Run the examples each rule file carries, like unit tests for lexicons.

An example ``{lang, text, expect}`` passes when classifying ``text`` (as a
body-only story in ``lang``) assigns the file's own topic (``expect: true``)
or does not (``expect: false``). Failures say what matched, so an analyst can
see which term pushed a negative example over the threshold or which one a
positive example lacked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stream.story import Story
from stream.text.normalize import TokenStream
from stream.topics.classifier import _ruleset, classify, score_rules
from stream.topics.rules import DEFAULT_RULES_DIR, load_rules

__all__ = ["ExampleFailure", "run_examples"]


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    file: str
    line: int
    lang: str
    text: str
    expected: bool
    topic: str
    score: float  # raw score of this file's topic on the example
    threshold: float
    matched: tuple[str, ...]  # terms of this topic found in the example
    assigned: tuple[str, ...]  # codes the classifier assigned

    def __str__(self) -> str:
        want = "should match" if self.expected else "should NOT match"
        return (
            f"{self.file}:{self.line}: example ({self.lang}) {want} {self.topic}: {self.text!r}\n"
            f"    raw score {self.score:.2f} vs threshold {self.threshold:.2f}; "
            f"matched terms: {', '.join(self.matched) or '(none)'}; assigned: {', '.join(self.assigned) or '(none)'}"
        )


def run_examples(rules_dir: Path | None = None) -> list[ExampleFailure]:
    """Classify every example of every rule file; return the ones that disagree."""
    rules_dir = (rules_dir or DEFAULT_RULES_DIR).resolve()
    files = load_rules(rules_dir)
    ruleset = _ruleset(rules_dir)
    failures: list[ExampleFailure] = []
    for rf in files:
        for ex in rf.examples:
            story = Story(id="example", headline="", body=ex.text, language=ex.lang)
            result = classify(story, ex.lang, rules_dir=rules_dir)
            got = rf.code in result.codes
            if got == ex.expect:
                continue
            found = ruleset.matcher(ex.lang).scan(TokenStream.of(story.text))
            sections = [s for s in ("common", ex.lang) if s in rf.terms]
            raw, evidence = score_rules(rf, sections, found, len(story.text), 0)
            matched = tuple(dict.fromkeys(f"{e.term}({e.weight:g})" for e in evidence))
            failures.append(
                ExampleFailure(
                    Path(rf.path).name,
                    ex.line,
                    ex.lang,
                    ex.text,
                    ex.expect,
                    rf.code,
                    raw,
                    rf.threshold,
                    matched,
                    tuple(result.codes),
                )
            )
    return failures
