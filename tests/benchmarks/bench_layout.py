"""Benchmark (issue 16): PDF layout time in one unbroken word (no spaces) is linear in
its length. The report of the example incident is made with a 5,000- and a
20,000-character word as its 事件危害 (Latin, then Chinese), and without one, in the same
run; the layout time of the word is the report's time minus the report without it.
The word alone is also laid out as the report lays out an item (the same paragraph
style and page frame, nothing else on the pages): the target applies to that figure.
In the report the short word often fits the room left on a page while the long one adds
whole pages (footers, tables moved), so that ratio is shown for information.
Target: the 20,000-character word takes at most 4.5x the 5,000-character one (linear:
4x; the quadratic breaker this replaced: 9-13x here, and more for longer words).

Run: ``.venv/bin/python tests/benchmarks/bench_layout.py [--runs N]``. Not collected by
pytest (the suite checks the same property by counting characters broken, not by time:
``tests/core/test_pdf_layout.py``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.rules import default_pack  # noqa: E402
from core.timeutil import parse_instant  # noqa: E402

EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
NOW = parse_instant("2026-11-24T11:00:00+08:00")
SHORT, LONG = 5_000, 20_000
TARGET = 4.5


def with_word(char: str, length: int) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["harm"] = char * length if length else doc.get("harm")
    return doc


def report_seconds(doc: dict[str, Any]) -> float:
    from core.report import render_report_bytes

    start = time.perf_counter()
    render_report_bytes(doc, default_pack(), "initial", NOW, app_version="bench")
    return time.perf_counter() - start


def layout_seconds(text: str) -> float:
    """The word alone, as ``core.report.pdf`` lays out an item of the report."""
    from io import BytesIO

    from core.report import pdf

    start = time.perf_counter()
    pdf._document(BytesIO(), "bench", False, "bench", "bench").build([pdf.para(text, "item")])
    return time.perf_counter() - start


def measure_alone(char: str, runs: int) -> tuple[float, float]:
    layout_seconds(char * SHORT)  # warm up
    short, long = [], []
    for _ in range(runs):
        short.append(layout_seconds(char * SHORT))
        long.append(layout_seconds(char * LONG))
    return statistics.median(short), statistics.median(long)


def measure(char: str, runs: int) -> dict[str, float]:
    """Median seconds of the report without the word, with the short and the long word."""
    docs = {"none": with_word(char, 0), "short": with_word(char, SHORT), "long": with_word(char, LONG)}
    for doc in docs.values():
        report_seconds(doc)  # warm up: font, rule pack, glyph cover
    times: dict[str, list[float]] = {k: [] for k in docs}
    for _ in range(runs):  # interleaved so all three see the same machine state
        for key, doc in docs.items():
            times[key].append(report_seconds(doc))
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    worst = 0.0
    for name, char in (("Latin", "a"), ("Chinese", "中")):
        alone_short, alone_long = measure_alone(char, args.runs)
        alone = alone_long / alone_short
        worst = max(worst, alone)
        print(
            f"{name} word alone: {SHORT:,} chars {alone_short * 1000:.0f} ms; {LONG:,} chars {alone_long * 1000:.0f} ms; "
            f"ratio {alone:.2f}x (target <= {TARGET}x: {'met' if alone <= TARGET else 'NOT met'})"
        )
        m = measure(char, args.runs)
        short, long = m["short"] - m["none"], m["long"] - m["none"]
        ratio = long / short if short > 0 else float("inf")
        print(
            f"{name} word in the report (info): report without it {m['none'] * 1000:.0f} ms; {SHORT:,} chars +{short * 1000:.0f} ms; "
            f"{LONG:,} chars +{long * 1000:.0f} ms; ratio {ratio:.2f}x"
        )
    print(f"worst ratio of the word alone {worst:.2f}x for {LONG // SHORT}x the length")
    return 0


if __name__ == "__main__":
    sys.exit(main())
