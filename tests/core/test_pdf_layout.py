"""PDF line breaking (issues 14 and 16): a long paragraph is broken into lines once
however many pages it runs over (layout linear in its length: counted, not timed; the
timing is ``tests/benchmarks/bench_layout.py``), with the lines the whole paragraph
has; a short parenthesised run such as 「（北京时间）」 stays on one line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import paragraph

from core.report import render_report_bytes
from core.rules import default_pack
from core.timeutil import parse_instant

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
NOW = parse_instant("2026-11-24T11:00:00+08:00")
LONG = 20_000


def example(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return doc | changes


def pdf_lines(data: bytes) -> list[str]:
    return [line for page in PdfReader(BytesIO(data)).pages for line in (page.extract_text() or "").splitlines()]


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The length of every text reportlab's CJK breakers are asked to break into lines."""
    from core.report import fonts

    fonts.register()  # installs the breakers first, so the counters wrap them
    sizes: list[int] = []
    word_split: Callable[..., Any] = paragraph.wordSplit
    frag_split: Callable[..., Any] = paragraph.cjkFragSplit

    def counting_word_split(text: str, *args: Any, **kwargs: Any) -> Any:
        sizes.append(len(text))
        return word_split(text, *args, **kwargs)

    def counting_frag_split(frags: list[Any], *args: Any, **kwargs: Any) -> Any:
        sizes.append(sum(len(getattr(f, "text", "") or "") for f in frags))
        return frag_split(frags, *args, **kwargs)

    monkeypatch.setattr(paragraph, "wordSplit", counting_word_split)
    monkeypatch.setattr(paragraph, "cjkFragSplit", counting_frag_split)
    yield sizes


@pytest.mark.parametrize(
    "word", ["a" * LONG, "中" * LONG, "门诊系统被加密，" * (LONG // 8), "中文\n" * (LONG // 3)], ids=["latin", "chinese", "sentence", "lines"]
)
def test_a_long_paragraph_over_many_pages_is_broken_once(broken: list[int], word: str) -> None:
    data = render_report_bytes(example(harm=word), default_pack(), "initial", NOW, app_version="test")
    assert len(PdfReader(BytesIO(data)).pages) >= 5
    long_breaks = [n for n in broken if n >= 1000]
    assert long_breaks and sum(long_breaks) <= len(word) * 1.01  # before: once per page from its current start, ~pages/2 times the text


def test_the_lines_after_a_page_break_are_the_whole_paragraphs(broken: list[int]) -> None:
    """Re-breaking the rest of a paragraph on the next page lost the spaces at line ends
    (「wordword」); the lines carried over keep them."""
    data = render_report_bytes(example(harm="word " * 4000), default_pack(), "initial", NOW, app_version="test")
    text = "\n".join(pdf_lines(data))
    assert "wordword" not in text and text.count("word") >= 4000


def test_every_character_of_a_long_word_is_printed() -> None:
    data = render_report_bytes(example(harm="中" * LONG), default_pack(), "initial", NOW, app_version="test")
    assert "".join(pdf_lines(data)).count("中") >= LONG


# --- short parentheses (issue 14) ---

RUNS = ["（北京时间）", "（盖章）", "（签字）", "(UTC)", "（第九条）"]


def line_texts(text: str, width: float) -> list[str]:
    from core.report import pdf

    para = pdf.para(text, "body")
    para.wrap(width, 1e6)
    bl = para.blPara
    if bl.kind == 0:
        return ["".join(line[1]) for line in bl.lines]
    return ["".join(getattr(w, "text", "") for w in line.words) for line in bl.lines]


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("newline", [False, True], ids=["one-style", "with-line-breaks"])
def test_a_short_parenthesis_is_never_split_across_lines(run: str, newline: bool) -> None:
    """Every position of the run against the line end is tried: no line holds part of it."""
    for lead in range(0, 24):
        text = ("第一行\n" if newline else "") + "报告" * lead + "事件发生时间" + run + "以后的说明文字" * 3
        lines = line_texts(text, 120)
        assert "".join(lines).replace("\n", "") == text.replace("\n", ""), lines
        assert any(run in line for line in lines), (lead, lines)


def test_a_run_wider_than_the_line_is_still_broken_to_fit() -> None:
    lines = line_texts("（北京时间）", 20)
    assert len(lines) > 1 and "".join(lines) == "（北京时间）"


@pytest.mark.parametrize("text", ["（北京时间之后的很长的说明）", "（a）", "（ 北京 ）"], ids=["long", "one-char", "spaces"])
def test_longer_or_spaced_parentheses_break_as_before(text: str) -> None:
    from core.report.fonts import keep_together

    assert keep_together("前文" + text) == {}


def test_no_line_of_the_report_ends_inside_beijing_time() -> None:
    data = render_report_bytes(example(), default_pack(), "initial", NOW, app_version="test")
    lines = pdf_lines(data)
    assert any("（北京时间）" in line for line in lines)
    assert not [line for line in lines for k in range(2, 6) if line.endswith("（北京时间）"[:k])]
