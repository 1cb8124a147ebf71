"""Lays out a notice (``core.notice.content.Notice``) as an editable Word file (.docx) with
the report's Word helpers (``core.report.docx``: fonts with 宋体 for East-Asian text,
paragraphs, headings, ruled tables), so an office can adjust the wording before it
sends it. The zip is written with fixed entry times (the notice date), so the bytes are
the same for the same notice and ``now``. Imports python-docx; import this module only
inside functions that export. Does not read the clock.
"""

from __future__ import annotations

import zipfile
from datetime import UTC
from io import BytesIO

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from core.notice.content import Notice
from core.report import docx as report_docx
from core.timeutil import BEIJING

BODY_SIZE = 12


def _text(document: DocxDocument, text: str, *, indent: bool = True, right: bool = False) -> None:
    paragraph = report_docx._para(document, text, size=BODY_SIZE)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.line_spacing = 1.4


def build_document(notice: Notice) -> DocxDocument:
    document = report_docx.a4_document(25, 20, 20, BODY_SIZE)
    props = document.core_properties
    props.title, props.author, props.subject = notice.title, notice.sender, notice.title
    props.language = "zh-CN"
    props.created = props.modified = notice.now.astimezone(UTC).replace(tzinfo=None)
    props.last_modified_by = notice.sender
    props.revision = 1
    report_docx._para(document, notice.title, size=16, bold=True, center=True)
    report_docx._para(document, notice.basis, size=9, center=True)
    if notice.drill:
        report_docx._para(document, "【演练】本材料为演练材料，不是真实事件的通知。", bold=True, center=True)
    if notice.addressee:
        _text(document, notice.addressee, indent=False)
    _text(document, notice.opening)
    if notice.table:
        report_docx._table(document, [[line.label, line.value or ""] for line in notice.table], [40, 120])
    for part in notice.parts:
        report_docx._heading(document, part.heading)
        for text in part.paragraphs:
            _text(document, text)
    for text in notice.closing:
        _text(document, text)
    document.add_paragraph()
    if notice.signature:
        width = 160 / max(1, len(notice.signature))
        report_docx._table(document, [[f"{line.label}\n{line.value or ''}" for line in notice.signature]], [width] * len(notice.signature))
    else:
        _text(document, notice.sender, indent=False, right=True)
        _text(document, notice.date, indent=False, right=True)
    if notice.voided:  # D17: in the page header, so on every page
        report_docx.void_header(document, notice.voided)
    return document


def stable_zip(data: bytes, notice: Notice) -> bytes:
    """The same .docx with every entry dated the notice date (python-docx stamps the
    current time), so the bytes depend on the notice alone."""
    local = notice.now.astimezone(BEIJING)
    stamp = (max(local.year, 1980), local.month, local.day, local.hour, local.minute, local.second - local.second % 2)
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def render(notice: Notice) -> bytes:
    """The .docx bytes of a notice."""
    buffer = BytesIO()
    build_document(notice).save(buffer)
    return stable_zip(buffer.getvalue(), notice)
