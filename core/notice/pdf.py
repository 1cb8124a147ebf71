"""Lays out a notice (``core.notice.content.Notice``) as an A4 PDF, on top of the report's
building blocks (``core.report.pdf``: the document template with its true metadata and
deterministic time stamp, the paragraph and table helpers, the signature block, the 演练
mark) and the bundled CJK font: a centred title, the addressee, body paragraphs indented
two characters as a Chinese letter is, the three items under their headings, and the
sender and date set right. Page numbers show only when the notice runs over one page.
Imports reportlab; import this module only inside functions that export. Does not read the clock.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from core.notice.content import Notice
from core.report import fonts
from core.report import pdf as report_pdf

BODY_SIZE = 11


@cache
def notice_styles() -> dict[str, ParagraphStyle]:
    base = report_pdf.styles()["body"]
    return {
        "text": ParagraphStyle("notice-text", parent=base, fontSize=BODY_SIZE, leading=19, firstLineIndent=2 * BODY_SIZE, spaceAfter=2),
        "addressee": ParagraphStyle("notice-addressee", parent=base, fontSize=BODY_SIZE, leading=19, spaceBefore=6, spaceAfter=2),
        "heading": ParagraphStyle("notice-heading", parent=base, fontSize=BODY_SIZE, leading=19, spaceBefore=6, spaceAfter=1, keepWithNext=1),
        "sign": ParagraphStyle("notice-sign", parent=base, fontSize=BODY_SIZE, leading=19, alignment=TA_RIGHT),
    }


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(fonts.markup(text), notice_styles()[style])


def story(notice: Notice) -> list[Flowable]:
    flow: list[Flowable] = [report_pdf.para(notice.title, "title"), report_pdf.para(notice.basis, "basis")]
    if notice.drill:
        flow.append(report_pdf.para("【演练】本材料为演练材料，不是真实事件的通知。", "drill"))
    if notice.addressee:
        flow.append(_p(notice.addressee, "addressee"))
    flow.append(_p(notice.opening, "text"))
    if notice.table:
        flow += [Spacer(1, 2 * mm), report_pdf.plain_table(notice.table), Spacer(1, 1 * mm)]
    for part in notice.parts:
        flow.append(_p(part.heading, "heading"))
        flow += [_p(text, "text") for text in part.paragraphs]
    flow += [Spacer(1, 3 * mm), *(_p(text, "text") for text in notice.closing)]
    if notice.signature:
        flow.append(KeepTogether([Spacer(1, 4 * mm), report_pdf.signature_table(notice.signature)]))
    else:
        flow.append(KeepTogether([Spacer(1, 8 * mm), _p(notice.sender, "sign"), _p(notice.date, "sign")]))
    return flow


def draw_page_number(canvas: Canvas, page: int, total: int) -> None:
    """「第 n 页 / 共 m 页」 at the foot, only when there is more than one page."""
    if total <= 1:
        return
    canvas.saveState()
    canvas.setFont(fonts.FONT_NAME, 8)
    canvas.setFillColor(report_pdf.FOOTER_GREY)
    canvas.drawCentredString(report_pdf.PAGE_W / 2, report_pdf.MARGIN_BOTTOM - 8 * mm, f"第 {page} 页 / 共 {total} 页")
    canvas.restoreState()


def render(notice: Notice) -> bytes:
    """The PDF bytes of a notice; the same bytes for the same notice and ``now``."""
    fonts.register()
    buffer = BytesIO()
    doc = report_pdf._document(buffer, notice.title, notice.drill, notice.sender, notice.title, voided=notice.voided)
    pages: list[int] = []
    doc.build(story(notice) + [Spacer(1, 0)], canvasmaker=report_pdf._canvas_maker(draw_page_number, pages, notice.now))
    return buffer.getvalue()
