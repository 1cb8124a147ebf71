"""A voided incident (D17) is never silent on documents: every page of every document
made from it (report PDF and Word, worksheet, notices, fax cover, e-mail draft, phone
script, SMS text) says 「已作废」 with the reason."""

from __future__ import annotations

from email import message_from_bytes, policy
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from core.notice import FORMATS, NOTICE_KINDS, render_notice
from core.report import render_report_bytes, render_report_docx, render_worksheet_bytes
from core.report.filing import eml_draft, phone_script, render_fax_cover
from core.rules import default_pack
from core.timeutil import parse_instant
from tests.core.notice_fixtures import leak

PACK = default_pack()
NOW = parse_instant("2026-11-24T12:00:00+08:00")
REASON = "误报：弹窗为打印机驱动提示，文件未被加密"
MARK = f"已作废：{REASON}（2026年11月24日作废）"


def voided(**extra: Any) -> dict[str, Any]:
    doc = leak()
    doc["voided"] = {"at": "2026-11-24T11:30:00+08:00", "reason": REASON}
    doc.update(extra)
    return doc


def pages(data: bytes) -> list[str]:
    return ["".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(data)).pages]


def long_timeline() -> list[dict[str, str]]:
    return [{"at": "2026-11-24T10:00:00+08:00", "text": "核查记录" * 40}] * 30


@pytest.mark.parametrize("kind", ["initial", "supplement", "followup", "summary"])
def test_every_page_of_every_report_kind_says_voided_with_the_reason(kind: str) -> None:
    doc = voided(timeline=long_timeline(), handling_ended_at="2026-11-24T11:40:00+08:00")
    texts = pages(render_report_bytes(doc, PACK, kind, NOW, previous=leak() if kind in ("supplement", "followup") else None, app_version="t"))
    assert len(texts) >= 2
    assert all("".join(MARK.split()) in text for text in texts)


def test_a_voided_report_prints_no_time_limit_and_the_worksheet_no_open_duty() -> None:
    text = pages(render_report_bytes(voided(), PACK, "initial", NOW, app_version="t"))[0]
    assert "报告期限" not in text and "本报告在期限内" not in text
    worksheet = pages(render_worksheet_bytes(voided(title="门诊系统文件被加密" * 400), PACK, NOW, app_version="t"))
    assert len(worksheet) >= 2 and all("".join(MARK.split()) in t for t in worksheet)


def test_the_word_report_and_worksheet_carry_the_mark_in_the_page_header(tmp_path: Path) -> None:
    report = Document(str(render_report_docx(voided(), PACK, "initial", NOW, tmp_path / "r.docx", app_version="t")))
    assert report.sections[0].header.paragraphs[0].text == MARK
    sheet = Document(BytesIO(render_worksheet_bytes(voided(), PACK, NOW, app_version="t", fmt="docx")))
    assert sheet.sections[0].header.paragraphs[0].text == MARK


@pytest.mark.parametrize("kind,fmt", [(k, f) for k in NOTICE_KINDS for f in FORMATS[k]])
def test_every_notice_of_a_voided_incident_says_so(kind: str, fmt: str) -> None:
    data = render_notice(voided(), PACK, kind, fmt, NOW)
    if fmt == "pdf":
        assert all("".join(MARK.split()) in t for t in pages(data))
    elif fmt == "docx":
        assert Document(BytesIO(data)).sections[0].header.paragraphs[0].text == MARK
    else:
        assert data.decode("utf-8").startswith(f"【{MARK}】")


def test_the_filing_helpers_of_a_voided_incident_say_so(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_report_bytes(voided(), PACK, "initial", NOW, app_version="t"))
    message = message_from_bytes(eml_draft(voided(), PACK, "initial", pdf, NOW), policy=policy.default)
    body = message.get_body(("plain",))
    assert body is not None and MARK in body.get_content() and str(message["Subject"]).startswith("【已作废】")
    assert MARK in phone_script(voided(), PACK, NOW)
    cover = render_fax_cover(voided(), PACK, "initial", NOW, tmp_path / "fax.pdf", pages=1)
    assert "".join(MARK.split()) in pages(Path(cover).read_bytes())[0]


def test_a_record_that_is_not_voided_carries_no_mark(tmp_path: Path) -> None:
    assert not any("已作废" in t for t in pages(render_report_bytes(leak(), PACK, "initial", NOW, app_version="t")))
    assert not Document(str(render_report_docx(leak(), PACK, "initial", NOW, tmp_path / "r.docx", app_version="t"))).sections[0].header.paragraphs[0].text
