"""``pdf --now`` earlier than the real clock (issue 16): the document says
「按指定时刻 YYYY年M月D日 HH:MM 生成」 on every page (PDF and Word) and its bytes stay the
same for the same ``--now``; without ``--now``, or with one not earlier than the clock
(``core.cli.pdf_cmd.REAL_CLOCK``), the quiet footer says nothing about it (the report
time is in the header)."""

from __future__ import annotations

import argparse
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from core.cli import main, pdf_cmd
from core.clock import FixedClock
from core.report import stated_time_line
from core.timeutil import parse_instant

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
PAST = "2026-11-24T09:05:00+08:00"
STATED = "按指定时刻 2026年11月24日 09:05 生成"


def pages_text(path: Path) -> list[str]:
    return [(page.extract_text() or "").replace("\n", "") for page in PdfReader(BytesIO(path.read_bytes())).pages]


def make(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    assert main(["pdf", str(EXAMPLE), "-o", str(out), *extra]) == 0
    return out


def test_the_line_reads_in_beijing_time() -> None:
    assert stated_time_line(parse_instant("2026-01-02T01:07:00+00:00")) == "按指定时刻 2026年1月2日 09:07 生成"


def test_a_time_before_the_clock_is_stated_on_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_cmd, "REAL_CLOCK", FixedClock(parse_instant(PAST) + timedelta(days=3)))
    first = make(tmp_path, "a.pdf", "--now", PAST)
    second = make(tmp_path, "b.pdf", "--now", PAST)
    assert first.read_bytes() == second.read_bytes()  # deterministic for a given --now
    texts = pages_text(first)
    assert all(STATED in text for text in texts) and not any("生成于" in text for text in texts)
    word = make(tmp_path, "a.docx", "--now", PAST, "--format", "docx")
    footer = docx.Document(str(word)).sections[0].footer.paragraphs[0].text
    assert STATED in footer


@pytest.mark.parametrize("clock_offset", [timedelta(0), timedelta(seconds=-1)], ids=["same-time", "clock-earlier"])
def test_a_time_not_before_the_clock_is_not_stated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock_offset: timedelta) -> None:
    monkeypatch.setattr(pdf_cmd, "REAL_CLOCK", FixedClock(parse_instant(PAST) + clock_offset))
    texts = pages_text(make(tmp_path, "a.pdf", "--now", PAST))
    assert not any("按指定时刻" in text or "生成于" in text for text in texts)
    assert all("报告时间2026-11-24 09:05:00（北京时间）" in text.replace("\u3000", "") for text in texts[:1])


def test_without_now_nothing_is_stated(tmp_path: Path) -> None:
    texts = pages_text(make(tmp_path, "a.pdf"))
    assert not any("按指定时刻" in text for text in texts)


def test_the_stamp_follows_the_clock_object() -> None:
    now = parse_instant(PAST)
    given = argparse.Namespace(now=PAST)
    assert pdf_cmd.stamp_for(given, now, None, FixedClock(now + timedelta(minutes=1))).stated_time
    assert not pdf_cmd.stamp_for(given, now, None, FixedClock(now)).stated_time
    assert not pdf_cmd.stamp_for(argparse.Namespace(now=None), now, "1-0000-0000-0000-0000", FixedClock(now + timedelta(days=1))).stated_time
