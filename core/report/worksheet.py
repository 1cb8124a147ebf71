"""The reporter's worksheet (报送工作单, product.md §9.4): the reporting unit's own page,
exported beside the report and never sent with it. It holds what the report leaves out
because the receiving office does not need it: every duty with its due time and status
(第四条、第八条, 个人信息保护法第五十七条, sector rules), the channels that reach each
recipient (第九条, D13b: the 12387 channels reach 网信部门 only; 短信、即时通信工具、公告
reach individuals only), what is still missing for a first and for a complete report
(第七条第二款), the running durations that will raise the grade if they go on (D18), the
warnings of the check, and what the worksheet was made from and with (program and rule
versions, the document's SHA-256).

``worksheet_content`` builds it as plain data; ``render_pdf`` and ``render_docx`` lay it
out (reportlab and python-docx load only there). Does not read the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from typing import Any

from core import assessment, fields
from core import field_paths as fp
from core.assessment import Assessment
from core.incident import get
from core.obligations import Obligation
from core.report import labels
from core.report.content import DeadlineRow, Line, channel_lines, deadline_row, grade_lines, voided_mark
from core.report.footer import footer_left
from core.report.labels import PENDING, when_dt
from core.rules import RulePack
from core.vocab import Reportable, ReportKind, Status

TITLE = "报送工作单"
VOLUNTARY = "一般事件：依《办法》第四条无须报告；如报送，为自愿报送"
PURPOSE = "本单供报告单位内部跟踪报送工作使用，不随报告报送。"

# A worksheet says what is still to do; a report says whether it meets its time limit.
NEXT_STEP_TEXT: dict[str, str] = {
    Status.PENDING: "尚未报送（期限未到）",
    Status.OVERDUE: "尚未报送，已过期限，请立即报送",
    Status.OPEN: "尚未办理，应及时办理",
    Status.WAITING: "处置工作结束后起算",
}


@dataclass(frozen=True)
class WorksheetContent:
    """Everything the worksheet prints, in order, before layout."""

    title: str
    drill: bool
    voided: str | None
    voluntary: str | None
    header: tuple[Line, ...]
    duties: tuple[DeadlineRow, ...]
    notes: tuple[str, ...]  # why a duty stays open for a 一般 incident, why a notice is waived
    channels: tuple[Line, ...]
    missing_initial: tuple[str, ...]
    missing_complete: tuple[str, ...]
    projections: tuple[str, ...]
    warnings: tuple[str, ...]
    made_with: tuple[Line, ...]
    now: datetime
    number: str | None
    author: str
    footer: dict[str, str] = field(default_factory=dict)

    @property
    def keywords(self) -> str:
        return "；".join(f"{line.label} {line.value}" for line in self.made_with)


def duty_row(o: Obligation, now: datetime) -> DeadlineRow:
    """One duty as the worksheet lists it: what is still to do, or when it was done."""
    row = deadline_row(o, now)
    next_step = NEXT_STEP_TEXT.get(o.status)
    return DeadlineRow(row.recipient, row.basis, row.due, next_step or row.status)


def projection_lines(result: Assessment, pack: RulePack) -> tuple[str, ...]:
    """D18: for each running duration, the moment it reaches a higher grade if it goes on,
    in the words the desk and the review page use (``core.assessment.projection_sentence``:
    「若首页篡改内容仍未清除，北京时间 14:40 起为较大事件，须在 18:10 前报告」), with the
    annex item it rests on. Empty when nothing running can raise the grade."""
    sentence = getattr(assessment, "projection_sentence", None)
    out = []
    for p in getattr(result, "projections", None) or ():
        item = _attr(p, "item")
        cite = f"（《办法》{''.join(str(item).split())}）" if item else ""
        said = sentence(result, pack, "zh", p) if sentence is not None and hasattr(p, "duration") else None
        if said:
            out.append(said.rstrip("。") + cite)
            continue
        at = _attr(p, "at")
        grade = labels.grade_name(_attr(p, "grade"), pack)
        moment = when_dt(at) if isinstance(at, datetime) else labels.when(at)
        path = str(_attr(p, "field") or "")
        what = fields.name(path) if path else ""
        subject = what if what and what != path else "持续中的影响"
        out.append(f"若{subject}仍未结束，{moment}起为{grade}事件{cite}")
    return tuple(out)


def _attr(value: Any, name: str) -> Any:
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def worksheet_content(result: Assessment, pack: RulePack, *, app_version: str, json_sha256: str) -> WorksheetContent:
    """The worksheet of the assessed incident at ``result.now``."""
    doc = result.doc
    title = str(doc.get(fp.TITLE) or "").strip() or PENDING
    number = str(doc.get(fp.NUMBER) or "").strip() or None
    header = [Line(fields.heading(fp.TITLE), title)]
    if number:
        header.append(Line(fields.heading(fp.NUMBER), number))
    header += [
        Line(fields.heading(fp.REPORTER_NAME), str(get(doc, fp.REPORTER_NAME) or "").strip() or PENDING),
        Line(fields.heading(fp.DISCOVERED_AT), labels.when(doc.get(fp.DISCOVERED_AT))),
        *grade_lines(result, pack),
        Line("制单时间", when_dt(result.now)),
    ]
    notes = []
    for o in result.obligations:
        if o.reason:  # D4a: why a duty stays open for a 一般 incident
            notes.append(f"{o.recipient}：{o.reason}")
        if o.waived_reason:  # D16: the written reason the individuals are not notified
            notes.append(f"{o.recipient}：不通知，理由：{o.waived_reason}")
    return WorksheetContent(
        title=TITLE,
        drill=doc.get(fp.DRILL) is True,
        voided=voided_mark(doc),
        voluntary=VOLUNTARY if result.reportable == Reportable.NO else None,
        header=tuple(header),
        duties=tuple(duty_row(o, result.now) for o in result.obligations),
        notes=tuple(notes),
        channels=channel_lines(doc, result.obligations, pack),
        missing_initial=tuple(fields.statutory_label(k, pack) for k in result.missing[ReportKind.INITIAL]),
        missing_complete=tuple(fields.statutory_label(k, pack) for k in result.missing["complete"]),
        projections=projection_lines(result, pack),
        warnings=tuple(w.message() for w in result.warnings),
        made_with=(
            Line("程序版本", f"incident-assistant {app_version}"),
            Line("规则版本", pack.version),
            Line("事件数据 SHA-256", json_sha256),
        ),
        now=result.now,
        number=number,
        author=str(get(doc, fp.REPORTER_NAME) or "").strip(),
    )


def _sections(content: WorksheetContent) -> list[tuple[str, tuple[str, ...]]]:
    """The worksheet's text sections after the duty table: heading and lines."""
    missing = (
        "首报尚缺（第七条第二款：可先报第一、二项）：" + ("、".join(content.missing_initial) or "无"),
        "完整报告尚缺：" + ("、".join(content.missing_complete) or "无"),
    )
    parts: list[tuple[str, tuple[str, ...]]] = []
    if content.notes:
        parts.append(("说明", content.notes))
    parts.append(("各报送对象可用的渠道（第九条）", tuple(f"{line.label}：{line.value}" for line in content.channels)))
    parts.append(("尚缺事项", missing))
    parts.append(("持续中的影响", content.projections or ("无正在持续、可能提高级别的影响。",)))
    if content.warnings:
        parts.append(("需要注意", content.warnings))
    return parts


def render_pdf(content: WorksheetContent) -> tuple[bytes, int]:
    """The worksheet as an A4 PDF: bytes and page count."""
    from reportlab.lib.units import mm  # lazy: reportlab loads only here

    from core.report import fonts
    from core.report import pdf as report_pdf
    from core.report.pdf import _canvas_maker, _document, _table, draw_footer, para, plain_table

    fonts.register()
    buffer = BytesIO()
    doc = _document(
        buffer,
        TITLE,
        content.drill,
        content.author,
        TITLE,
        keywords=content.keywords,
        creator=str(content.made_with[0].value),
        voided=content.voided,
    )
    flow: list[Any] = [para(f"{content.title}", "title"), para(PURPOSE, "basis")]
    if content.drill:
        flow.append(para("【演练】本工作单为演练材料。", "drill"))
    if content.voluntary:
        flow.append(para(content.voluntary, "note"))
    flow.append(plain_table(content.header + content.made_with))
    flow.append(para("报送事项、期限和状态", "heading"))
    rows = [[para(t, "cell") for t in ("报送对象", "依据", "期限（北京时间）", "状态")]]
    rows += [[para(r.recipient, "cell"), para(r.basis, "cell"), para(r.due, "cell"), para(r.status, "cell")] for r in content.duties]
    widths = [52 * mm, 30 * mm, 38 * mm]
    flow.append(_table(rows, [*widths, report_pdf.FRAME_W - sum(widths)], header=True))
    for heading, lines in _sections(content):
        flow.append(para(heading, "heading"))
        flow += [para(line, "item") for line in lines]
    pages: list[int] = []
    left = footer_left(_FooterView(content))
    doc.build(flow, canvasmaker=_canvas_maker(lambda c, n, m: draw_footer(c, left, n, m), pages, content.now))
    return buffer.getvalue(), pages[0]


def render_docx(content: WorksheetContent) -> bytes:
    """The worksheet as an editable Word file (.docx)."""
    from core.report import docx as report_docx  # lazy: python-docx loads only here

    document = report_docx.a4_document(20, 15, 18, 10.5)
    props = document.core_properties
    props.title = props.subject = TITLE
    props.author = content.author
    props.keywords = props.comments = content.keywords
    props.language = "zh-CN"
    props.created = props.modified = content.now.astimezone(UTC).replace(tzinfo=None)
    report_docx._para(document, content.title, size=16, bold=True, center=True)
    report_docx._para(document, PURPOSE, size=9, center=True)
    if content.drill:
        report_docx._para(document, "【演练】本工作单为演练材料。", bold=True, center=True)
    if content.voluntary:
        report_docx._para(document, content.voluntary, center=True)
    report_docx._table(document, [[line.label, line.value or PENDING] for line in content.header + content.made_with], [34, 136])
    report_docx._heading(document, "报送事项、期限和状态")
    rows = [["报送对象", "依据", "期限（北京时间）", "状态"], *[[r.recipient, r.basis, r.due, r.status] for r in content.duties]]
    report_docx._table(document, rows, [50, 28, 38, 54], header=True)
    for heading, lines in _sections(content):
        report_docx._heading(document, heading)
        for line in lines:
            report_docx._para(document, line)
    report_docx.page_marks(document, footer_left(_FooterView(content)), content.voided)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class _FooterView:
    """What ``core.report.footer.footer_left`` reads (the report's footer shape)."""

    content: WorksheetContent

    @property
    def number(self) -> str | None:
        return self.content.number

    @property
    def footer(self) -> dict[str, str]:
        return self.content.footer
