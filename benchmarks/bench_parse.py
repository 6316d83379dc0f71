"""Per-message cost of stream.formats.parse.parse on ~2,000-character stories in every format.

Run: /tmp/venv/bin/python benchmarks/bench_parse.py [--repeat N]
Prints median and p99 microseconds per parse for plain JSON, JSON with an HTML
body, ninjs 2.x, NewsML-G2 and plain text. The budget is ~300 us median.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from stream.formats.parse import parse

__all__ = ["main"]

_PARAGRAPH = (
    "Delegations from both capitals met on Tuesday near the border crossing and agreed to resume "
    "talks on the delimitation commission next month, officials said. "
)
_BODY = "\n\n".join([_PARAGRAPH * 2] * 7)[:1900]
_HEADLINE = "Neighbours agree to resume border talks after weeks of shelling"


def _samples() -> dict[str, tuple[bytes, str]]:
    html = "".join(f"<p>{para}</p>" for para in _BODY.split("\n\n"))
    newsml = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:b:1" version="2">'
        '<itemMeta><pubStatus qcode="stat:usable"/><versionCreated>2024-05-01T10:00:00Z</versionCreated>'
        '</itemMeta><contentMeta><urgency>3</urgency><language tag="en"/>'
        f"<headline>{_HEADLINE}</headline>"
        '<subject qcode="medtop:16000000"><name>conflict</name></subject>'
        '<located qcode="iso3166-1a2:AM"><name>Yerevan</name></located></contentMeta>'
        '<contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        f"{html}</body></html></inlineXML></contentSet></newsItem>"
    )
    common = {"versioncreated": "2024-05-01T10:00:00Z", "urgency": 3, "language": "en"}
    return {
        "json": (json.dumps({"id": "b1", "headline": _HEADLINE, "body": _BODY, **common}).encode(), "auto"),
        "json+html": (
            json.dumps({"id": "b1", "headline": _HEADLINE, "body_html": html, **common}).encode(),
            "auto",
        ),
        "ninjs2": (
            json.dumps(
                {
                    "uri": "urn:b:1",
                    "headlines": [{"value": _HEADLINE, "role": "main"}],
                    "bodies": [{"value": _BODY, "contenttype": "text/plain"}],
                    "subjects": [{"uri": "http://cv.iptc.org/newscodes/mediatopic/16000000", "name": "conflict"}],
                    "places": [{"name": "Yerevan", "literal": "AM"}],
                    "version": "2",
                    **common,
                }
            ).encode(),
            "auto",
        ),
        "newsml": (newsml.encode(), "auto"),
        "text": ((_HEADLINE + "\n\n" + _BODY).encode(), "auto"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3000)
    args = parser.parse_args()
    print(f"{'format':<10} {'bytes':>6} {'median us':>10} {'p99 us':>8}")
    for name, (raw, fmt) in _samples().items():
        for _ in range(200):  # warm caches and regex compilation
            parse(raw, fmt=fmt)
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter_ns()
            parse(raw, fmt=fmt)
            timings.append((time.perf_counter_ns() - start) / 1000)
        timings.sort()
        p99 = timings[int(len(timings) * 0.99) - 1]
        print(f"{name:<10} {len(raw):>6} {statistics.median(timings):>10.1f} {p99:>8.1f}")


if __name__ == "__main__":
    main()
