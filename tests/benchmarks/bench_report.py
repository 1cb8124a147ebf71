"""Benchmark (product.md §7): the PDF of a full report (every field, 200 timeline entries)
against a bare reportlab document of the same text and font, measured in the same run.
Target: at most 1.5x the bare document and under 0.5 s.

Run: ``.venv/bin/python tests/benchmarks/bench_report.py``. Not collected by pytest.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.assessment import check  # noqa: E402
from core.canonical import document_hash  # noqa: E402
from core.rules import default_pack  # noqa: E402
from core.timeutil import parse_instant  # noqa: E402

RUNS = 9
NOW = parse_instant("2026-11-24T11:00:00+08:00")


def full_document() -> dict[str, Any]:
    doc = json.loads((ROOT / "tests" / "core" / "report_fixtures" / "cii-hospital.json").read_text(encoding="utf-8"))
    doc["ransomware"] = {"amount": "2", "currency": "BTC", "method": "比特币转账", "date": "2026-11-26", "contact": "decrypt@example.invalid", "paid": False}
    doc["timeline"] = [
        {
            "at": f"2026-11-2{1 + n // 60}T{n % 24:02d}:{n % 60:02d}:00+08:00",
            "text": f"第 {n + 1} 条处置记录：值班人员检查服务器日志、核对备份并向领导报告进展。",
        }
        for n in range(200)
    ]
    return doc


def report_strings(doc: dict[str, Any]) -> list[str]:
    """Every string the report prints, one paragraph each (the bare document's text)."""
    from core.report import content

    pack = default_pack()
    c = content.build(check(doc, pack, NOW), pack, "initial", previous=None, attachments=None, app_version="bench", json_sha256=document_hash(doc))
    lines = [c.title, c.basis] + [f"{x.label}：{x.value}" for x in c.header + c.grade]
    for s in c.sections:
        lines += [s.heading] + [f"{x.label}：{x.value}" for x in s.lines]
    lines += [f"{at} {text}" for at, text in c.timeline] + [f"{x.label}：{x.value}" for x in c.signature]
    return lines + list(c.submissions)


def bare_pdf(strings: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from core.report import fonts

    fonts.register()
    style = ParagraphStyle("b", fontName=fonts.FONT_NAME, fontSize=10.5, leading=17, wordWrap="CJK")
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1, initialFontName=fonts.FONT_NAME).build([Paragraph(escape(s), style) for s in strings])
    return buffer.getvalue()


def report_pdf(doc: dict[str, Any]) -> bytes:
    from core.report import render_report_bytes

    return render_report_bytes(doc, default_pack(), "initial", NOW, app_version="bench")


def timed(fn: Any, *args: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    doc = full_document()
    start = time.perf_counter()
    from core.report import fonts

    fonts.register()
    cold = time.perf_counter() - start
    strings = report_strings(doc)
    report_pdf(doc), bare_pdf(strings)  # warm up both paths
    ours, bare = [], []
    for _ in range(RUNS):  # alternate so both see the same machine state
        ours.append(timed(report_pdf, doc))
        bare.append(timed(bare_pdf, strings))
    o, b = statistics.median(ours), statistics.median(bare)
    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(report_pdf(doc))).pages)
    print(f"text: {len(strings)} paragraphs, {sum(map(len, strings))} characters; report pages: {pages}")
    print(f"one-off: import reportlab + register font: {cold * 1000:.0f} ms")
    print(f"full report (200 timeline entries): median {o * 1000:.0f} ms (min {min(ours) * 1000:.0f})")
    print(f"bare reportlab, same text and font: median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f})")
    print(f"ratio: {o / b:.2f}x (target <= 1.5x); absolute target < 500 ms: {'met' if o < 0.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
