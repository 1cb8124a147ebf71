"""Lays out a ``ReportContent`` as an editable Word file (.docx, python-docx) for offices
that ask for one (product.md §8.3, §9.4): the same content as the PDF, in real Word
structures (headings, ruled tables, the signature block as a table row), A4, with 宋体
(SimSun) named as the East-Asian font; the quiet footer (page n / m as Word fields, the
incident number, the record anchor) and, for a voided incident, 「已作废」 with the reason
in the page header, so on every page (D17). Hash and versions go into the file's
properties (keywords, comments), not on the page. Word and LibreOffice substitute their own CJK font where
宋体 is missing; the file itself carries no font. Imports python-docx; import this module
only inside functions that export. Does not read the clock.
"""

from __future__ import annotations

from datetime import UTC
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from core.report.content import Line, ReportContent
from core.report.footer import footer_left
from core.report.labels import KIND_NAMES, PENDING
from core.vocab import CHANGE_KINDS

EAST_ASIAN_FONT = "宋体"  # SimSun, the font Chinese offices expect in an editable report
LATIN_FONT = "SimSun"
GREY = RGBColor(0x55, 0x55, 0x55)
RED = RGBColor(0xBF, 0x1A, 0x1A)


def _font(run_or_style: object, size: float | None = None, bold: bool | None = None) -> None:
    """Name the fonts of a run or style, East-Asian through ``w:eastAsia`` (python-docx has
    no property for it)."""
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    element = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _para(document: DocxDocument, text: str, *, size: float = 10.5, bold: bool = False, center: bool = False) -> Paragraph:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    _font(run, size, bold)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(2)
    return paragraph


def _heading(document: DocxDocument, text: str) -> None:
    heading = document.add_heading(level=2)
    run = heading.add_run(text)
    _font(run, 11, True)
    run.font.color.rgb = RGBColor(0, 0, 0)


def _value(line: Line) -> str:
    return line.value if line.value is not None else PENDING


def _table(document: DocxDocument, rows: list[list[str]], widths_mm: list[float], *, header: bool = False) -> Table:
    table: Table = document.add_table(rows=len(rows), cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for c, width in enumerate(widths_mm):
        table.columns[c].width = Mm(width)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Mm(widths_mm[c])
            cell.paragraphs[0].text = ""
            run = cell.paragraphs[0].add_run(text)
            _font(run, 9, bold=header and r == 0)
    return table


def _labelled(document: DocxDocument, lines: tuple[Line, ...], bare_single: bool = False) -> None:
    if bare_single and len(lines) == 1:
        _para(document, _value(lines[0]))
        return
    for line in lines:
        _para(document, f"{line.label}：{_value(line)}")


def _changes(document: DocxDocument, content: ReportContent) -> None:
    if content.kind not in CHANGE_KINDS:
        return
    _heading(document, "自上次报送以来的变化")
    if content.changes is None:
        _para(document, "未提供上次报送的报告，无法列出变化。")
    elif not content.changes:
        _para(document, "与上次报送的报告相比，各项内容没有变化。")
    for change in content.changes or ():
        _para(document, f"{change.label}：{change.old} → {change.new}")


def _appendices(document: DocxDocument, content: ReportContent) -> None:
    """Timeline, attachments and submissions: only those that hold something."""
    for kind, heading in content.appendices:
        _heading(document, heading)
        if kind == "timeline":
            _table(document, [[at, text] for at, text in content.timeline], [40, 130])
        elif kind == "attachments":
            _table(document, [["文件", "大小（字节）", "SHA-256"], *[[n, s, d] for n, s, d in content.attachments]], [45, 25, 100], header=True)
        else:
            for text in content.submissions:
                _para(document, text)


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    run = paragraph.add_run()
    _font(run, 8)
    run.font.color.rgb = GREY
    for tag, attrs in (("w:fldChar", {"w:fldCharType": "begin"}), ("w:instrText", {}), ("w:fldChar", {"w:fldCharType": "separate"})):
        element = run._r.makeelement(qn(tag), {qn(k): v for k, v in attrs.items()})
        if tag == "w:instrText":
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        run._r.append(element)
    number = paragraph.add_run("1")
    _font(number, 8)
    number.font.color.rgb = GREY
    end = paragraph.add_run()
    _font(end, 8)
    end._r.append(end._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): "end"}))


def _grey(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    _font(run, 8)
    run.font.color.rgb = GREY


def page_marks(document: DocxDocument, left: str, voided: str | None) -> None:
    """The quiet footer (``left``, then 「第 n 页 / 共 m 页」) and, for a voided incident, the
    已作废 line in the page header: both repeat on every page."""
    section = document.sections[0]
    footer = section.footer.paragraphs[0]
    if left:
        _grey(footer, f"{left}\u3000\u3000")
    _grey(footer, "第 ")
    _field(footer, "PAGE")
    _grey(footer, " 页 / 共 ")
    _field(footer, "NUMPAGES")
    _grey(footer, " 页")
    if voided:
        void_header(document, voided)


def void_header(document: DocxDocument, voided: str) -> None:
    """D17: 「已作废…：理由」 in red in the page header, so on every page."""
    run = document.sections[0].header.paragraphs[0].add_run(voided)
    _font(run, 9, bold=True)
    run.font.color.rgb = RED


def a4_document(side_mm: float, top_mm: float, bottom_mm: float, body_size: float) -> DocxDocument:
    """A new Word document on A4 with these margins and the body in the bundled CJK font
    (the report, the worksheet and the notices all start here)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(side_mm)
    section.top_margin, section.bottom_margin = Mm(top_mm), Mm(bottom_mm)
    _font(document.styles["Normal"], body_size)
    return document


def build_document(content: ReportContent) -> DocxDocument:
    """The Word document of a report, in the PDF's order."""
    document = a4_document(20, 15, 18, 10.5)
    props = document.core_properties
    props.title, props.author, props.subject = content.title, content.author, KIND_NAMES[content.kind]
    props.keywords = props.comments = content.keywords  # what it was made from and with: not on the page
    props.language = "zh-CN"
    props.created = props.modified = content.now.astimezone(UTC).replace(tzinfo=None)  # the generation time (UTC, as Word keeps it)
    _para(document, content.title, size=16, bold=True, center=True)
    _para(document, content.basis, size=9, center=True)
    if content.drill:
        _para(document, "【演练】本报告为演练材料，不是真实事件的报告。", bold=True, center=True)
    if content.voluntary:
        _para(document, content.voluntary, center=True)
    _table(document, [[line.label, _value(line)] for line in content.header + content.grade], [34, 136])
    _changes(document, content)
    for item in content.known_sections:
        _heading(document, item.heading)
        _labelled(document, item.lines, bare_single=True)
    if content.pending:
        _heading(document, content.pending)
    _appendices(document, content)
    _para(document, "")
    _table(document, [[f"{line.label}\n{line.value or ''}" for line in content.signature]], [170 / max(1, len(content.signature))] * len(content.signature))
    page_marks(document, footer_left(content), content.voided)
    return document


def render(content: ReportContent) -> bytes:
    """The .docx bytes of a report."""
    buffer = BytesIO()
    build_document(content).save(buffer)
    return buffer.getvalue()
