"""Lays out a ``ReportContent`` as an A4 PDF with reportlab platypus: a plain document
of the kind a government office receives (title, a ruled header table, the deadlines,
the statutory items as "label：value" paragraphs, appendices), the bundled CJK font
embedded as a subset, a footer on every page and a 演练 mark on every page of a drill.

Pages are laid out once: the canvas keeps each finished page and draws the footers at
the end, when the page count ("共 m 页") is known. Every string goes through
``fonts.markup``, so user text is data, never markup. Imports reportlab; import this
module only inside functions that export. Does not read the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from core.report import fonts
from core.report.content import Line, ReportContent
from core.report.labels import PENDING
from core.vocab import CHANGE_KINDS

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 22 * mm, 20 * mm, 24 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
LABEL_W = 36 * mm
GRID = colors.Color(0.55, 0.55, 0.55)
FOOTER_GREY = colors.Color(0.3, 0.3, 0.3)
DRILL_GREY = colors.Color(0.88, 0.88, 0.88)


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle("body", fontName=fonts.FONT_NAME, fontSize=10.5, leading=17, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=28, alignment=TA_CENTER, spaceAfter=2),
        "basis": ParagraphStyle("basis", parent=base, fontSize=9.5, leading=14, alignment=TA_CENTER, spaceAfter=10),
        "heading": ParagraphStyle("heading", parent=base, fontSize=12.5, leading=20, spaceBefore=12, spaceAfter=4, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=14),
        "item": ParagraphStyle("item", parent=base, leftIndent=2 * 10.5, spaceAfter=2),
        "timeline": ParagraphStyle("timeline", parent=base, fontSize=9.5, leading=14, leftIndent=34 * mm, firstLineIndent=-34 * mm, spaceAfter=2),
        "drill": ParagraphStyle("drill", parent=base, fontSize=10.5, leading=16, alignment=TA_CENTER, spaceAfter=8),
    }


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(fonts.markup(text), styles()[style])


def _value(line: Line) -> str:
    return line.value if line.value is not None else PENDING


def _table(rows: list[list[Paragraph]], widths: list[float], header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, splitInRow=1, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("FONTNAME", (0, 0), (-1, -1), fonts.FONT_NAME),  # else reportlab adds an unembedded Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Closing punctuation may hang one character past the line (kinsoku): keep it in the cell.
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def header_table(lines: tuple[Line, ...]) -> Table:
    rows = [[para(line.label, "cell"), para(_value(line), "cell")] for line in lines]
    return _table(rows, [LABEL_W, FRAME_W - LABEL_W])


def deadline_table(content: ReportContent) -> Table:
    rows = [[para(t, "cell") for t in ("报告对象", "依据", "期限（北京时间）", "本报告是否在期限内")]]
    rows += [[para(r.recipient, "cell"), para(r.basis, "cell"), para(r.due, "cell"), para(r.status, "cell")] for r in content.deadlines]
    widths = [44 * mm, 28 * mm, 42 * mm]
    return _table(rows, widths + [FRAME_W - sum(widths)], header=True)


def labelled(lines: tuple[Line, ...], bare_single: bool = False) -> list[Flowable]:
    """ "label：value" paragraphs; a section with one line under a heading that already
    names it (第七条 三、四、七) prints the value alone."""
    if bare_single and len(lines) == 1:
        return [para(_value(lines[0]), "item")]
    return [para(f"{line.label}：{_value(line)}", "item") for line in lines]


def changes_part(content: ReportContent) -> list[Flowable]:
    if content.kind not in CHANGE_KINDS:
        return []
    part: list[Flowable] = [para("自上次报送以来的变化", "heading")]
    if content.changes is None:
        part.append(para("未提供上次报送的报告，无法列出变化。", "item"))
    elif not content.changes:
        part.append(para("与上次报送的报告相比，各项内容没有变化。", "item"))
    part += [para(f"{c.label}：{c.old} → {c.new}", "item") for c in content.changes or ()]
    return part


def appendices(content: ReportContent) -> list[Flowable]:
    part: list[Flowable] = [para("附录一　事件时间线（北京时间）", "heading")]
    part += [para(f"{at}\u3000{text}", "timeline") for at, text in content.timeline] or [para("无", "item")]
    part.append(para("附录二　附件及其 SHA-256", "heading"))
    part += [para(f"{name}（{size} 字节）SHA-256：{digest}", "item") for name, size, digest in content.attachments] or [para("无", "item")]
    part.append(para("附录三　报送记录", "heading"))
    part += [para(text, "item") for text in content.submissions] or [para("尚无报送记录", "item")]
    return part


def story(content: ReportContent) -> list[Flowable]:
    flow: list[Flowable] = [para(content.title, "title"), para(content.basis, "basis")]
    if content.drill:
        flow.append(para("【演练】本报告为演练材料，不是真实事件的报告。", "drill"))
    flow += [header_table(content.header + content.grade), para("报告期限", "heading"), deadline_table(content)]
    flow += changes_part(content)
    for section in content.sections:
        flow.append(para(section.heading, "heading"))
        flow += labelled(section.lines, bare_single=True)
    flow += [para("报送渠道（第九条）", "heading"), *labelled(content.channels)]
    flow += appendices(content)
    return flow


def _fit(canvas: Canvas, text: str, size: float, width: float) -> float:
    """Font size at which ``text`` fits ``width`` (never above ``size``)."""
    actual = canvas.stringWidth(text, fonts.FONT_NAME, size)
    return size if actual <= width else max(4.0, size * width / actual)


def draw_footer(canvas: Canvas, content: ReportContent, page: int, total: int) -> None:
    f = content.footer
    right = f"第 {page} 页 / 共 {total} 页"
    left = fonts.clean(f"生成于 {f['generated_at']}　{f['app']}　{f['rules']}")
    sha = f"事件数据（规范化 JSON）SHA-256：{f['sha256']}"
    fonts.cover(left + right + sha)
    canvas.saveState()
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, MARGIN_BOTTOM - 5 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 5 * mm)
    canvas.setFillColor(FOOTER_GREY)
    right_w = canvas.stringWidth(right, fonts.FONT_NAME, 8)
    canvas.setFont(fonts.FONT_NAME, 8)
    canvas.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 9.5 * mm, right)
    canvas.setFont(fonts.FONT_NAME, _fit(canvas, left, 7.5, FRAME_W - right_w - 6 * mm))
    canvas.drawString(MARGIN_X, MARGIN_BOTTOM - 9.5 * mm, left)
    canvas.setFont(fonts.FONT_NAME, _fit(canvas, sha, 7.5, FRAME_W))
    canvas.drawString(MARGIN_X, MARGIN_BOTTOM - 13.5 * mm, sha)
    canvas.restoreState()


def draw_drill_mark(canvas: Canvas, _doc: Any) -> None:
    """A large light 演练 across the page, under the text, and a small one at the top."""
    canvas.saveState()
    canvas.setFillColor(DRILL_GREY)
    canvas.setFont(fonts.FONT_NAME, 120)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -40, "演练")
    canvas.restoreState()
    canvas.saveState()
    canvas.setFont(fonts.FONT_NAME, 9)
    canvas.setFillColor(FOOTER_GREY)
    canvas.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 12 * mm, "【演练】")
    canvas.restoreState()


def _canvas_maker(decorate: Callable[[Canvas, int, int], None], pages: list[int]) -> type[Canvas]:
    class FooterCanvas(Canvas):
        """Keeps finished pages and draws their footers once the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                Canvas.showPage(self)
            pages.append(total)
            Canvas.save(self)

    return FooterCanvas


def _document(buffer: BytesIO, title: str, drill: bool) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="incident-assistant",
        creator="incident-assistant",
        invariant=1,
        initialFontName=fonts.FONT_NAME,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=draw_drill_mark if drill else _no_mark)])
    return doc


def render(content: ReportContent) -> tuple[bytes, int]:
    """The PDF bytes and page count of a report."""
    fonts.register()
    buffer = BytesIO()
    doc = _document(buffer, content.title, content.drill)
    pages: list[int] = []
    maker = _canvas_maker(lambda c, n, m: draw_footer(c, content, n, m), pages)
    doc.build(story(content) + [Spacer(1, 0)], canvasmaker=maker)
    return buffer.getvalue(), pages[0]


def _no_mark(_canvas: Canvas, _doc: Any) -> None:
    return None


def render_cover(lines: list[tuple[str, str]], notes: list[str], drill: bool) -> bytes:
    """A one-page fax cover sheet: a title, a ruled table and notes, shrunk to fit one page."""
    fonts.register()
    buffer = BytesIO()
    doc = _document(buffer, "传真封面", drill)
    table = header_table(tuple(Line(k, v) for k, v in lines))
    body: list[Flowable] = [para("传\u3000真", "title"), Spacer(1, 6 * mm), table, Spacer(1, 6 * mm)]
    body += [para(n, "body") for n in notes]
    body.append(para("随附网络安全事件报告，请查收。如有页数缺失或字迹不清，请按上述联系方式联系。", "body"))
    doc.build([KeepInFrame(FRAME_W, FRAME_H, body, mode="shrink")])
    return buffer.getvalue()
