"""Lays out a ``ReportContent`` as an A4 PDF with reportlab platypus: a plain document
of the kind a government office receives (title, a ruled header table, the statutory
items as "label：value" paragraphs, the appendices that hold something, the signature
block), the bundled CJK font embedded as a subset, a quiet footer on every page (page n /
m, the incident number, the record anchor), a 演练 mark on every page of a drill and
「已作废」 with the reason on every page of a voided incident (D17). What the report was
made from and with (hash, versions) is in the PDF's metadata (Keywords, Creator).

Pages are laid out once: the canvas keeps each finished page and draws the footers at
the end, when the page count ("共 m 页") is known. Every string goes through
``fonts.markup``, so user text is data, never markup. Imports reportlab; import this
module only inside functions that export. Does not read the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from core.report import fonts
from core.report.content import Line, ReportContent
from core.report.footer import footer_left
from core.report.labels import KIND_NAMES, PENDING
from core.timeutil import BEIJING
from core.vocab import CHANGE_KINDS

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 14 * mm, 19 * mm
FRAME_W: float = PAGE_W - 2 * MARGIN_X  # points, as every length here
FRAME_H: float = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
LABEL_W: float = 31 * mm
PAIR_VALUE_W: float = (FRAME_W - 2 * LABEL_W) / 2
CELL_PADDING = 16  # left 4 + right 12 points
SIGN_ROW_H: float = 13 * mm  # room for a seal and a signature
GRID = colors.Color(0.55, 0.55, 0.55)
FOOTER_GREY = colors.Color(0.3, 0.3, 0.3)
DRILL_GREY = colors.Color(0.88, 0.88, 0.88)
VOID_RED = colors.Color(0.75, 0.1, 0.1)
VOID_PALE = colors.Color(0.97, 0.86, 0.86)


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle("body", fontName=fonts.FONT_NAME, fontSize=9.5, leading=14, wordWrap="CJK")
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=0),
        "basis": ParagraphStyle("basis", parent=base, fontSize=9, leading=12, alignment=TA_CENTER, spaceAfter=5),
        "heading": ParagraphStyle("heading", parent=base, fontSize=10, leading=15, spaceBefore=4, spaceAfter=1, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "item": ParagraphStyle("item", parent=base, leftIndent=2 * 9.5, spaceAfter=0.5),
        "timeline": ParagraphStyle("timeline", parent=base, fontSize=8.5, leading=12, leftIndent=30 * mm, firstLineIndent=-30 * mm, spaceAfter=1),
        "drill": ParagraphStyle("drill", parent=base, fontSize=10, leading=15, alignment=TA_CENTER, spaceAfter=6),
        "note": ParagraphStyle("note", parent=base, fontSize=10, leading=15, alignment=TA_CENTER, spaceAfter=5),
    }


class LinearParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints: Paragraph is Any
    """A paragraph that breaks its lines once, however many pages it runs over.

    reportlab's ``split`` gives the part that goes to the next page only the remaining
    text, which is broken into lines again there: a paragraph over *p* pages is broken
    *p* times, each time from its current start, so time grows with the square of its
    length (issue 16: 80,000 characters 3.9 s, 320,000 57 s). Here the remainder carries
    the lines already broken for the same width and takes them instead of breaking again;
    the lines are the ones the whole paragraph would have had."""

    _carried: tuple[float, Any] | None = None  # (line width, the remaining lines)

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - reportlab's name
        carried = self._carried
        widths = maxWidths if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        if carried is not None and all(abs(w - carried[0]) < 1e-6 for w in widths) and not self.bulletText:
            return carried[1]
        return super().breakLinesCJK(maxWidths)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 - reportlab's names
        parts: list[Any] = super().split(availWidth, availHeight)
        lines = getattr(self, "blPara", None)
        if len(parts) == 2 and lines is not None and isinstance(parts[1], LinearParagraph):
            first = parts[0].blPara.lines
            widths = getattr(self, "_wrapWidths", None)
            if widths:
                parts[1]._carried = (widths[-1], lines.clone(lines=lines.lines[len(first) :]))
        return parts


def para(text: str, style: str = "body") -> Paragraph:
    return LinearParagraph(fonts.markup(text), styles()[style])


def _value(line: Line) -> str:
    return line.value if line.value is not None else PENDING


def _table(
    rows: list[list[Any]], widths: list[float], header: bool = False, spans: list[tuple[Any, ...]] | None = None, heights: list[float] | None = None
) -> Table:
    table = Table(rows, colWidths=widths, rowHeights=heights, splitInRow=1, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("FONTNAME", (0, 0), (-1, -1), fonts.FONT_NAME),  # else reportlab adds an unembedded Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Closing punctuation may hang one character past the line (kinsoku): keep it in the cell.
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *(spans or []),
            ]
        )
    )
    return table


def _short(line: Line) -> bool:
    """True when the value fits one line of a half-width cell."""
    style = styles()["cell"]
    width: float = stringWidth(fonts.clean(_value(line)), fonts.FONT_NAME, style.fontSize)
    return width <= PAIR_VALUE_W - CELL_PADDING


def header_table(lines: tuple[Line, ...]) -> Table:
    """The header block: short values two to a row, long ones across the whole row."""
    rows: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    queue = list(lines)
    while queue:
        line = queue.pop(0)
        # a short value pairs with the next short one, which may come up to two rows early
        partner = next((i for i, x in enumerate(queue[:3]) if _short(x)), None) if _short(line) else None
        if partner is not None:
            other = queue.pop(partner)
            rows.append([para(line.label, "cell"), para(_value(line), "cell"), para(other.label, "cell"), para(_value(other), "cell")])
        else:
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
            rows.append([para(line.label, "cell"), para(_value(line), "cell"), "", ""])
    return _table(rows, [LABEL_W, PAIR_VALUE_W, LABEL_W, PAIR_VALUE_W], spans=spans)


def plain_table(lines: tuple[Line, ...]) -> Table:
    rows = [[para(line.label, "cell"), para(_value(line), "cell")] for line in lines]
    return _table(rows, [LABEL_W, FRAME_W - LABEL_W])


def signature_table(lines: tuple[Line, ...]) -> Table:
    """报告单位（盖章）、负责人（签字）、填报人及联系电话、报告日期 in one ruled row, each
    cell its label over its value, tall enough for a seal and a signature."""
    cells = [[para(line.label, "cell"), para(line.value or "", "cell")] for line in lines]
    width = FRAME_W / max(1, len(cells))
    return _table([cells], [width] * len(cells), heights=[SIGN_ROW_H])


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
    """Timeline, attachments and submissions: only those that hold something."""
    part: list[Flowable] = []
    for kind, heading in content.appendices:
        part.append(para(heading, "heading"))
        if kind == "timeline":
            part += [para(f"{at}\u3000{text}", "timeline") for at, text in content.timeline]
        elif kind == "attachments":
            part += [para(f"{name}（{size} 字节）SHA-256：{digest}", "item") for name, size, digest in content.attachments]
        else:
            part += [para(text, "item") for text in content.submissions]
    return part


def story(content: ReportContent) -> list[Flowable]:
    flow: list[Flowable] = [para(content.title, "title"), para(content.basis, "basis")]
    if content.drill:
        flow.append(para("【演练】本报告为演练材料，不是真实事件的报告。", "drill"))
    if content.voluntary:
        flow.append(para(content.voluntary, "note"))
    flow.append(header_table(content.header + content.grade))
    flow += changes_part(content)
    for section in content.known_sections:
        flow.append(para(section.heading, "heading"))
        flow += labelled(section.lines, bare_single=True)
    if content.pending:
        flow.append(para(content.pending, "heading"))
    flow += appendices(content)
    flow.append(KeepTogether([Spacer(1, 3 * mm), signature_table(content.signature)]))
    return flow


def _fit(canvas: Canvas, text: str, size: float, width: float) -> float:
    """Font size at which ``text`` fits ``width`` (never above ``size``)."""
    actual = canvas.stringWidth(text, fonts.FONT_NAME, size)
    return size if actual <= width else max(4.0, size * width / actual)


def draw_footer(canvas: Canvas, left_text: str, page: int, total: int) -> None:
    """Every page, small and grey: 「第 n 页 / 共 m 页」 and ``left_text`` (the incident
    number, the record anchor). No countdown: it is stale once printed."""
    right = f"第 {page} 页 / 共 {total} 页"
    left = fonts.clean(left_text)
    fonts.cover(left + right)
    canvas.saveState()
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, MARGIN_BOTTOM - 4 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 4 * mm)
    canvas.setFillColor(FOOTER_GREY)
    right_w = canvas.stringWidth(right, fonts.FONT_NAME, 8)
    canvas.setFont(fonts.FONT_NAME, 8)
    canvas.drawRightString(PAGE_W - MARGIN_X, MARGIN_BOTTOM - 8 * mm, right)
    if left:
        canvas.setFont(fonts.FONT_NAME, _fit(canvas, left, 8, FRAME_W - right_w - 6 * mm))
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM - 8 * mm, left)
    canvas.restoreState()


def _diagonal(canvas: Canvas, word: str, colour: Any, size: float) -> None:
    """A large pale word across the middle of the page, under the text (演练, 已作废)."""
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.setFont(fonts.FONT_NAME, size)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -40, word)
    canvas.restoreState()


def draw_void_mark(canvas: Canvas, text: str) -> None:
    """D17: a large pale 已作废 across the page, under the text, and 「已作废…：理由」 in red
    at the top of the page (above the frame), shrunk to one line."""
    _diagonal(canvas, "已作废", VOID_PALE, 110)
    line = fonts.clean(text)
    if len(line) > 160:
        line = line[:159] + "…"
    fonts.cover(line)
    canvas.saveState()
    canvas.setFillColor(VOID_RED)
    canvas.setFont(fonts.FONT_NAME, _fit(canvas, line, 9, FRAME_W))
    canvas.drawString(MARGIN_X, PAGE_H - 9 * mm, line)
    canvas.restoreState()


def draw_drill_mark(canvas: Canvas, _doc: Any) -> None:
    """A large light 演练 across the page, under the text, and a small one at the top."""
    _diagonal(canvas, "演练", DRILL_GREY, 120)
    canvas.saveState()
    canvas.setFont(fonts.FONT_NAME, 9)
    canvas.setFillColor(FOOTER_GREY)
    canvas.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 12 * mm, "【演练】")
    canvas.restoreState()


class _Stamp:
    """reportlab's ``TimeStamp`` for a given instant: CreationDate and ModDate become the
    generation time (Beijing time), and the bytes stay the same for the same ``now``."""

    def __init__(self, now: datetime) -> None:
        local = now.astimezone(BEIJING)
        offset = local.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        self.t = local.timestamp()
        self.lt = local.timetuple()
        self.YMDhms = tuple(self.lt)[:6]  # noqa: N815 - reportlab's name
        self.dhh, self.dmm = divmod(minutes, 60)
        self.tzname = "CST"


def _canvas_maker(decorate: Callable[[Canvas, int, int], None], pages: list[int], now: datetime) -> type[Canvas]:
    class FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints: Canvas is Any
        """Keeps finished pages and draws their footers once the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _Stamp(now)
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


def _document(
    buffer: BytesIO, title: str, drill: bool, author: str, subject: str, *, keywords: str = "", creator: str = "incident-assistant", voided: str | None = None
) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author or "（报告单位未填）",
        subject=subject,
        creator=creator,
        keywords=keywords,
        lang="zh-CN",
        invariant=1,
        initialFontName=fonts.FONT_NAME,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_marks(drill, voided))])
    return doc


def _marks(drill: bool, voided: str | None) -> Callable[[Canvas, Any], None]:
    """What every page carries under its text: the 演练 mark, the 已作废 mark (D17)."""

    def draw(canvas: Canvas, doc: Any) -> None:
        if drill:
            draw_drill_mark(canvas, doc)
        if voided:
            draw_void_mark(canvas, voided)

    return draw


def render(content: ReportContent) -> tuple[bytes, int]:
    """The PDF bytes and page count of a report."""
    fonts.register()
    buffer = BytesIO()
    doc = _document(
        buffer,
        content.title,
        content.drill,
        content.author,
        KIND_NAMES[content.kind],
        keywords=content.keywords,
        creator=content.meta.get("app", "incident-assistant"),
        voided=content.voided,
    )
    pages: list[int] = []
    left = footer_left(content)
    maker = _canvas_maker(lambda c, n, m: draw_footer(c, left, n, m), pages, content.now)
    doc.build(story(content) + [Spacer(1, 0)], canvasmaker=maker)
    return buffer.getvalue(), pages[0]


def render_cover(
    lines: list[tuple[str, str]], notes: list[str], drill: bool, signature: tuple[Line, ...], now: datetime, author: str, voided: str | None = None
) -> bytes:
    """A one-page fax cover sheet: a title, a ruled table, notes and the report's signature
    block, shrunk to fit one page; a voided incident's carries 已作废 (D17)."""
    fonts.register()
    buffer = BytesIO()
    doc = _document(buffer, "传真封面", drill, author, "传真封面", voided=voided)
    table = plain_table(tuple(Line(k, v) for k, v in lines))
    body: list[Flowable] = [para("传\u3000真", "title"), Spacer(1, 6 * mm), table, Spacer(1, 6 * mm)]
    body += [para(n, "body") for n in notes]
    body.append(para("随附网络安全事件报告，请查收。如有页数缺失或字迹不清，请按上述联系方式联系。", "body"))
    body += [Spacer(1, 8 * mm), signature_table(signature)]
    pages: list[int] = []
    doc.build([KeepInFrame(FRAME_W, FRAME_H, body, mode="shrink")], canvasmaker=_canvas_maker(lambda c, n, m: None, pages, now))
    return buffer.getvalue()
