"""No document the user files carries a project decision code (D1…D16), an internal id or a
countdown (product.md §8.3): every report kind as PDF and Word, and every filing helper."""

from __future__ import annotations

import json
import re
from email import message_from_bytes, policy
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.notice import FORMATS, NOTICE_KINDS, preview, render_notice
from core.report import render_report_bytes, render_report_docx, render_worksheet_bytes
from core.report.filing import eml_draft, phone_script, render_fax_cover
from core.rules import default_pack
from core.timeutil import parse_instant
from tests.conftest import ROOT, example
from tests.core.notice_fixtures import leak, notified

PACK = default_pack()
NOW = parse_instant("2026-11-26T10:00:00+08:00")
FIXTURES = sorted((ROOT / "tests" / "core" / "report_fixtures").glob("*.json"))
DECISION = re.compile(r"(?<![A-Za-z0-9])D1?\d[a-z]?(?![0-9])")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
COUNTDOWN = re.compile(r"距期限|已超时\s*\d|还剩\s*\d+:\d{2}:\d{2}|\d+:\d{2}:\d{2}\s*后")


def documents() -> list[tuple[str, dict]]:
    docs = [("example", example())] + [(p.stem, json.loads(p.read_text(encoding="utf-8"))) for p in FIXTURES]
    for _name, doc in docs:
        doc["id"] = "7d7e0a52-1f0b-4c55-9d3e-0c1a2b3c4d5e"  # an internal id must never show
        doc["handling_ended_at"] = "2026-11-25T18:00:00+08:00"
    return docs


def clean(text: str) -> list[str]:
    return [m.group(0) for pattern in (DECISION, UUID, COUNTDOWN) for m in pattern.finditer(text)]


def pdf_text(data: bytes) -> str:
    return "".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages)


@pytest.mark.parametrize("name,doc", documents(), ids=lambda v: v if isinstance(v, str) else "")
@pytest.mark.parametrize("kind", ["initial", "supplement", "followup", "summary"])
def test_no_report_kind_carries_codes_ids_or_countdowns(name: str, doc: dict, kind: str, tmp_path: Path):
    previous = example() if kind in ("supplement", "followup") else None
    assert clean(pdf_text(render_report_bytes(doc, PACK, kind, NOW, previous=previous, app_version="t"))) == []
    from docx import Document

    word = Document(str(render_report_docx(doc, PACK, kind, NOW, tmp_path / "r.docx", previous=previous, app_version="t")))
    texts = [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert clean("\n".join(texts)) == []


@pytest.mark.parametrize("name,doc", documents(), ids=lambda v: v if isinstance(v, str) else "")
def test_the_worksheet_carries_no_codes_ids_or_countdowns(name: str, doc: dict):
    assert clean(pdf_text(render_worksheet_bytes(doc, PACK, NOW, app_version="t"))) == []
    from docx import Document

    word = Document(BytesIO(render_worksheet_bytes(doc, PACK, NOW, app_version="t", fmt="docx")))
    assert clean("\n".join([p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells])) == []


@pytest.mark.parametrize("name,doc", documents(), ids=lambda v: v if isinstance(v, str) else "")
def test_no_filing_helper_carries_codes_ids_or_countdowns(name: str, doc: dict, tmp_path: Path):
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_report_bytes(doc, PACK, "initial", NOW, app_version="t"))
    message = message_from_bytes(eml_draft(doc, PACK, "initial", pdf, NOW), policy=policy.default)
    body = message.get_body(("plain",))
    assert body is not None and clean(str(message["Subject"]) + body.get_content()) == []
    assert clean(phone_script(doc, PACK, NOW)) == []
    cover = render_fax_cover(doc, PACK, "initial", NOW, tmp_path / "fax.pdf", pages=2)
    assert clean(pdf_text(Path(cover).read_bytes())) == []


@pytest.mark.parametrize("kind,fmt", [(k, f) for k in NOTICE_KINDS for f in FORMATS[k]])
def test_no_personal_information_notice_carries_codes_ids_or_countdowns(kind: str, fmt: str):
    doc = notified(leak())
    doc["id"] = "7d7e0a52-1f0b-4c55-9d3e-0c1a2b3c4d5e"
    data = render_notice(doc, PACK, kind, fmt, NOW)
    if fmt == "pdf":
        text = pdf_text(data)
    elif fmt == "docx":
        from docx import Document

        word = Document(BytesIO(data))
        text = "\n".join([p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells])
    else:
        text = data.decode("utf-8")
    assert text.strip() and clean(text) == []
    assert clean(preview(doc, PACK, kind, NOW)) == []
