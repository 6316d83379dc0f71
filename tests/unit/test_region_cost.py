"""benchmarks.region_cost runs the geotagger of an earlier commit and of this checkout on the same stories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from benchmarks import region_cost

_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("git") is None or not (_ROOT / ".git").exists(), reason="needs the git checkout")
def test_both_trees_are_measured_on_the_given_stories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stories = [
        {"headline": "Ceasefire talks in Geneva", "body": "Armenia and Azerbaijan met in Geneva.", "language": "en"},
        {"headline": "Тегеран", "body": "Переговоры в Тегеране продолжились.", "language": "ru"},
    ]
    (tmp_path / "s.jsonl").write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in stories), encoding="utf-8")
    assert region_cost.main(["--against", "HEAD", "--rounds", "1", "--data", str(tmp_path), "--by-language"]) == 0
    out = capsys.readouterr().out.splitlines()
    lines, by_language = out[::2], out[1::2]
    assert [line.split(":")[0].split()[-1] for line in lines] == ["checkout", "HEAD"]
    assert all(
        "2 stories  tokens + locate" in line
        and "  tokens " in line
        and "  walk " in line
        and " us (median / p95)" in line
        and " automaton matches a story" in line
        for line in lines
    )
    assert all(line.split(": ", 1)[1].startswith("en ") and ", ru " in line for line in by_language)
