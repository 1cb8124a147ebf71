"""Property tests: any Unicode text in any free-text field never makes the report or a
filing helper fail, and every character the bundled font can draw comes back out of the
PDF's text layer exactly as typed."""

from __future__ import annotations

import json
import re
import unicodedata
from email import message_from_bytes, policy
from io import BytesIO
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from core.incident import written_reason
from core.report import fonts, render_report_bytes
from core.report.filing import eml_draft, phone_script, render_fax_cover
from core.rules import default_pack
from core.timeutil import parse_instant

PACK = default_pack()
NOW = parse_instant("2026-11-24T11:00:00+08:00")
BASE = json.loads((Path(__file__).parent / "report_fixtures" / "cii-hospital.json").read_text(encoding="utf-8"))
BASE["ransomware"] = {"amount": "1", "currency": "BTC", "method": "转账", "date": "2026-11-26", "contact": "x", "paid": False}

# Every free-text field of the format (product.md §4.1), as paths into BASE.
FREE_TEXT = (
    "title",
    "number",
    "reporter.name",
    "reporter.credit_code",
    "reporter.province",
    "reporter.protection_department",
    "reporter.cyberspace_office",
    "reporter.contact_name",
    "reporter.contact_phone",
    "reporter.contact_email",
    "reporter.address",
    "location",
    "systems.0.name",
    "systems.0.description",
    "harm",
    "measures_taken",
    "trend",
    "cause",
    "leads.attacker",
    "leads.attack_path",
    "leads.vulnerabilities",
    "planned_measures",
    "support_requested",
    "scene_preservation",
    "other",
    "ransomware.amount",
    "ransomware.currency",
    "ransomware.method",
    "ransomware.date",
    "ransomware.contact",
    "sector_obligations.0.recipient",
    "sector_obligations.0.note",
    "submissions.0.person",
    "submissions.0.reference",
    "timeline.0.text",
)
NON_BLANK = ("grade_override.reason",)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

fonts.register()
SHOWABLE = [chr(c) for c in range(0x21, 0x30000) if fonts.has_glyph(chr(c)) and unicodedata.category(chr(c))[0] in "LNPS"]


def with_texts(texts: list[str], reason: str) -> dict[str, Any]:
    doc = json.loads(json.dumps(BASE)) | {"schema": "incident-assistant/incident@2"}  # the human number is @2
    for path, text in zip(FREE_TEXT + NON_BLANK, texts + [reason], strict=True):
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = text
    return doc


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_text(data: bytes) -> str:
    pages = [squash(p.extract_text() or "") for p in PdfReader(BytesIO(data)).pages]
    return "".join(re.sub(r"第\d+页/共\d+页生成于.*$", "", p) for p in pages)


any_text = st.text(max_size=80)
texts_any = st.lists(any_text, min_size=len(FREE_TEXT), max_size=len(FREE_TEXT))
reason_any = st.text(min_size=1, max_size=40).filter(written_reason)  # D11a: a reason holds a letter or number


@SETTINGS
@given(texts=texts_any, reason=reason_any)
def test_any_unicode_in_any_field_never_breaks_the_report(texts: list[str], reason: str) -> None:
    doc = with_texts(texts, reason)
    for kind in ("initial", "summary"):
        data = render_report_bytes(doc, PACK, kind, NOW, app_version="t", previous=BASE)
        assert data.startswith(b"%PDF")


@SETTINGS
@given(texts=texts_any, reason=reason_any)
def test_any_unicode_in_any_field_never_breaks_the_filing_helpers(texts: list[str], reason: str, tmp_path_factory: Any) -> None:
    doc = with_texts(texts, reason)
    folder = tmp_path_factory.mktemp("filing")
    pdf = folder / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    message = message_from_bytes(eml_draft(doc, PACK, "supplement", pdf, NOW), policy=policy.default)
    assert message["To"] == "12387@cert.org.cn"
    assert isinstance(phone_script(doc, PACK, NOW), str)
    cover = render_fax_cover(doc, PACK, "initial", NOW, folder / "fax.pdf", pages=3)
    assert len(PdfReader(cover).pages) == 1


showable_text = st.text(alphabet=st.sampled_from(SHOWABLE), min_size=1, max_size=60)


@SETTINGS
@given(texts=st.lists(showable_text, min_size=len(FREE_TEXT), max_size=len(FREE_TEXT)), reason=showable_text.filter(written_reason))
def test_what_the_font_can_show_comes_back_out_of_the_text_layer(texts: list[str], reason: str) -> None:
    doc = with_texts(texts, reason)
    text = body_text(render_report_bytes(doc, PACK, "initial", NOW, app_version="t"))
    assert [t for t in texts + [reason] if squash(t) not in text] == []


@SETTINGS
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=40))
def test_characters_outside_the_font_keep_their_code_points_in_the_text_layer(text: str) -> None:
    doc = json.loads(json.dumps(BASE))
    doc["harm"] = text
    body = body_text(render_report_bytes(doc, PACK, "initial", NOW, app_version="t"))
    assert all(ch in body for ch in squash(text) if not fonts.has_glyph(ch) and unicodedata.category(ch)[0] in "LNPS")
