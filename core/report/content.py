"""What a report says, as plain data: what the receiving office reads (product.md §9.4):
the header block (reporter, recipient, discovery and report time, the time limit of this
report and whether it is met, or for a 一般 incident that the report is voluntary), the
grade and its basis in plain words, the statutory items that have content (第七条 一 to
八, or 第八条 for the summary report) and one line naming the items still to come, the
changes since the last submitted report, the appendices that hold something and the
signature block. A voided incident's report says so (D17).

The reporter's own worksheet (every duty, the channels that reach each recipient, what
is missing) is ``core.report.worksheet``; it reuses ``deadline_row`` and
``channel_lines`` from here. What the report was made from and with (the document's
SHA-256, program and rule-pack versions) goes into the file's metadata, not on the page.
Built from a validated document and its check result; the PDF and the Word export lay
out the same content. Does not lay out pages, import reportlab or read the clock
(``now`` is the report time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core import field_paths as fp
from core import fields
from core.assessment import Assessment, channel_advice
from core.incident import Doc, get, instant, involves_cii, is_ransomware, personal_info_affected
from core.obligations import Obligation
from core.report import labels
from core.report.changes import Change, changes_since
from core.report.labels import PENDING, display, label, number, report_date, shown, when, when_dt
from core.report.personal_info import happened_words, notified_sentence
from core.rules import RulePack
from core.timeutil import display_beijing
from core.vocab import CHANGE_KINDS, REPORT_KINDS, Reportable, ReportKind, Status
from core.vocab import label as label_of

KINDS = tuple(str(k) for k in REPORT_KINDS)


@dataclass(frozen=True)
class Line:
    """One labelled value; ``value`` None prints as （待补报）."""

    label: str
    value: str | None


@dataclass(frozen=True)
class Section:
    """One section of a report: a heading and its labelled lines."""

    heading: str
    lines: tuple[Line, ...]
    mark: str = ""  # how the pending line names it: （三）, or （四）责任追究 for 第八条

    @property
    def known(self) -> bool:
        return any(line.value is not None for line in self.lines)


@dataclass(frozen=True)
class DeadlineRow:
    """One row of a report's deadline table."""

    recipient: str
    basis: str
    due: str
    status: str


@dataclass(frozen=True)
class ReportContent:
    """Everything a report prints, in order, before layout."""

    kind: str
    title: str
    basis: str
    drill: bool
    header: tuple[Line, ...]
    grade: tuple[Line, ...]
    changes: tuple[Change, ...] | None
    sections: tuple[Section, ...]
    timeline: tuple[tuple[str, str], ...]
    attachments: tuple[tuple[str, str, str], ...]
    submissions: tuple[str, ...]
    now: datetime
    number: str | None  # the human incident number; the internal id never prints
    author: str  # the reporting unit, for the file's metadata
    signature: tuple[Line, ...] = ()
    footer: dict[str, str] = field(default_factory=dict)  # anchor, stated: the quiet footer's extras
    voluntary: str | None = None  # 一般 (第四条): 「依《办法》第四条无须报告；本报告为自愿报送」
    voided: str | None = None  # D17: 「已作废：理由」, on every page
    meta: dict[str, str] = field(default_factory=dict)  # app, rules, sha256: the file's metadata only

    @property
    def known_sections(self) -> tuple[Section, ...]:
        """The items printed under their heading: those with at least one known value."""
        return tuple(s for s in self.sections if s.known)

    @property
    def pending(self) -> str | None:
        """「以下事项待补报：（三）（四）…」 for the items with nothing known yet."""
        marks = "".join(s.mark for s in self.sections if not s.known)
        return f"以下事项待补报：{marks}" if marks else None

    @property
    def appendices(self) -> tuple[tuple[str, str], ...]:
        """(kind, heading) of the appendices that hold something, numbered in order:
        an empty appendix is left out, never printed as 「无」."""
        present = [
            ("timeline", "事件时间线（北京时间）", bool(self.timeline)),
            ("attachments", "附件及其 SHA-256", bool(self.attachments)),
            ("submissions", "报送记录", bool(self.submissions)),
        ]
        shown = [(k, h) for k, h, has in present if has]
        return tuple((k, f"附录{_NUMERALS[n]}　{h}") for n, (k, h) in enumerate(shown))

    @property
    def keywords(self) -> str:
        """What the report was made from and with, for the file's metadata (not the page)."""
        m = self.meta
        return f"{m.get('app', '')}；规则版本 {m.get('rules', '')}；事件数据 SHA-256 {m.get('sha256', '')}"


def build(
    result: Assessment, pack: RulePack, kind: str, *, previous: Doc | None, attachments: list[dict[str, Any]] | None, app_version: str, json_sha256: str
) -> ReportContent:
    """The report's content for ``kind`` at ``result.now`` (the report time)."""
    doc = result.doc
    summary = kind == ReportKind.SUMMARY
    return ReportContent(
        kind=kind,
        title=f"网络安全事件报告（{labels.KIND_NAMES[kind]}）",
        basis=f"依据《{pack.title}》{pack.summary_basis if summary else pack.report_items_basis}",
        drill=doc.get(fp.DRILL) is True,
        header=header_lines(doc, result, pack, kind),
        grade=grade_lines(result, pack),
        changes=changes_since(previous, doc, pack) if kind in CHANGE_KINDS and previous else None,
        sections=summary_sections(doc, pack) if summary else statutory_sections(doc, pack, result),
        timeline=timeline_rows(doc),
        attachments=tuple((str(a.get("name", "")), number(a.get("size", "")), str(a.get("sha256", ""))) for a in attachments or []),
        submissions=submission_lines(doc, pack),
        now=result.now,
        number=_text(doc.get(fp.NUMBER)),
        author=_text(get(doc, fp.REPORTER_NAME)) or "",
        signature=signature(doc, result.now),
        voluntary=VOLUNTARY if result.reportable == Reportable.NO else None,
        voided=voided_mark(doc),
        meta={"app": f"incident-assistant {app_version}", "rules": pack.version, "sha256": json_sha256},
    )


# 第四条第一至三款 bind from 较大 upwards; a 一般 incident may still be reported (D4).
VOLUNTARY = "依《办法》第四条无须报告；本报告为自愿报送"


def voided_mark(doc: Doc) -> str | None:
    """D17: 「已作废：理由（2026年11月24日作废）」 for a voided incident, on
    every page of every document made from it; None otherwise."""
    voided = doc.get("voided")
    if not isinstance(voided, dict):
        return None
    reason = " ".join((_text(voided.get("reason")) or "（未写明理由）").split())
    at = instant(voided, "at")
    when_text = f"（{report_date(at)}作废）" if at else ""
    return f"已作废：{reason}{when_text}"


def signature(doc: Doc, now: datetime) -> tuple[Line, ...]:
    """The signature block every filed report ends with (an e-mailed or faxed report
    carries the unit's seal, the head's signature and who filled it in): the unit and the
    reporter's contact are filled in where known; seal and signature stay blank."""
    reporter = "，".join(x for x in (_text(get(doc, fp.REPORTER_CONTACT_NAME)), _text(get(doc, fp.REPORTER_CONTACT_PHONE))) if x)
    return (
        Line("报告单位（盖章）", _text(get(doc, fp.REPORTER_NAME)) or ""),
        Line("负责人（签字）", ""),
        Line("填报人及联系电话", reporter),
        Line("报告日期", report_date(now)),
    )


def _text(value: Any) -> str | None:
    """A free-text value, or None when empty (unknown)."""
    if value is None:
        return None
    text = value if isinstance(value, str) else number(value)
    return text if text.strip() else None


def _line(doc: Doc, path: str, pack: RulePack) -> Line:
    value = get(doc, path)
    if value is None or (isinstance(value, str) and not value.strip()):
        return Line(label(path), None)
    return Line(label(path), display(path, value, pack))


def recipients(result: Assessment, kind: str) -> str:
    """Who receives this report: the timed duties (第四条, D3, D9); for a summary, 原渠道 (第八条)."""
    timed = "；".join(dict.fromkeys(o.recipient for o in result.obligations if o.hours is not None))
    if kind != ReportKind.SUMMARY:
        return timed or PENDING
    channel = next((o.recipient for o in result.obligations if o.days is not None), "")
    return f"{channel}（{timed}）" if timed else channel or PENDING


def header_lines(doc: Doc, result: Assessment, pack: RulePack, kind: str) -> tuple[Line, ...]:
    lines = [Line(fields.heading(fp.TITLE), _text(doc.get(fp.TITLE)))]
    if _text(doc.get(fp.NUMBER)):  # the human number; the internal id stays out of documents
        lines.append(Line(label(fp.NUMBER), doc[fp.NUMBER]))
    for path in (
        fp.REPORTER_NAME,
        fp.REPORTER_CREDIT_CODE,
        fp.REPORTER_CATEGORY,
        fp.REPORTER_PROVINCE,
        fp.REPORTER_PROTECTION_DEPARTMENT,
        fp.REPORTER_CYBERSPACE_OFFICE,
        fp.REPORTER_ADDRESS,
    ):
        if path in (fp.REPORTER_PROTECTION_DEPARTMENT, fp.REPORTER_CYBERSPACE_OFFICE) and not _text(get(doc, path)):
            continue
        lines.append(_line(doc, path, pack))
    contact = "，".join(
        x for x in (_text(get(doc, fp.REPORTER_CONTACT_NAME)), _text(get(doc, fp.REPORTER_CONTACT_PHONE)), _text(get(doc, fp.REPORTER_CONTACT_EMAIL))) if x
    )
    lines.append(Line("联系人及联系方式", contact or None))
    lines.append(Line("报送对象", recipients(result, kind)))
    lines.append(_line(doc, fp.DISCOVERED_AT, pack))
    if kind == ReportKind.SUMMARY or doc.get(fp.HANDLING_ENDED_AT):
        lines.append(_line(doc, fp.HANDLING_ENDED_AT, pack))
    lines.append(Line("报告时间", when_dt(result.now)))
    deadline = deadline_line(result, kind)
    if deadline is not None:
        lines.append(deadline)
    return tuple(lines)


def grade_lines(result: Assessment, pack: RulePack) -> tuple[Line, ...]:
    """The grade and its basis in plain words (第五条 and the annex): the annex items the
    facts reach, each with the value typed; a qualitative finding (附件 第1—3项、第8项) or a
    manual grade reads as the reporting unit's own judgement with its reason (D11), and a
    manual grade below the computed one says so."""
    g = result.grading
    name = labels.grade_name(g.grade, pack)
    if g.grade == pack.undetermined.id:
        return (Line("级别", "尚未确定（影响情况正在核实，将及时补报）"),)
    if g.basis == "manual":
        lines = [Line("级别", f"{name}（本单位研判确定）"), Line("定级理由", _text(g.reason) or PENDING)]
        if g.computed_grade != g.grade:
            computed = labels.grade_name(g.computed_grade, pack)
            lower = "，本单位确定的级别低于此级别" if g.lowered and pack.rank(g.grade) < pack.rank(g.computed_grade) else ""
            basis = "；".join(_basis_text(t, pack) for t in g.triggered if t.grade == g.computed_grade)
            lines.append(Line("按附件指标计算", f"{computed}{lower}" + (f"（{basis}）" if basis else "")))
        return tuple(lines)
    lines = [Line("级别", name)]
    if result.reportable == Reportable.NO and not any(t.grade == g.grade for t in g.triggered):
        lines.append(Line("定级依据", "所填影响情况未达到《办法》附件所列较大及以上事件的标准"))
    for t in g.triggered:
        if t.grade == g.grade:  # the items that decide the grade; lower ones add nothing
            lines.append(Line("定级依据", _basis_text(t, pack)))
    return tuple(lines)


def _annex(item: str) -> str:
    """「附件 二 通常情况 第7项」 → 「《办法》附件二通常情况第7项」."""
    return "《办法》" + "".join(item.split())


def _basis_text(t: Any, pack: RulePack) -> str:
    """One annex item the grade rests on, as a sentence: what was reached, the value typed
    and the item; a qualitative finding as the reporting unit's own judgement."""
    if t.field == "impact.qualitative":
        reason = str(t.text).split("：", 1)[1] if "：" in str(t.text) else str(t.text)
        return f"本单位判断：{reason.strip()}（对照{_annex(t.item)}）"
    value = "" if t.value is None else f"，实际为{shown(t.field, t.value, pack)}"
    return f"{t.text}{value}（{_annex(t.item)}）"


def deadline_line(result: Assessment, kind: str) -> Line | None:
    """「报告期限」 of this report for the office: the due time of the duties it answers and
    whether it meets it (第四条 for a first report, 第八条 for a summary). None for a 一般
    incident (voluntary, D4), a voided one (D17) and a supplement or follow-up (no time limit)."""
    if result.reportable == Reportable.NO or voided_mark(result.doc):
        return None
    if kind == ReportKind.SUMMARY:
        duties = [o for o in result.obligations if o.days is not None]
    elif kind == ReportKind.INITIAL:
        duties = [o for o in result.obligations if o.hours is not None and o.statutory]
    else:
        return None
    if not duties:
        return None
    rows = [deadline_row(o, result.now) for o in duties]
    texts = [f"{_due_words(r.due)}（{r.basis}），{r.status}" for r in rows]
    if len(set(texts)) == 1:
        return Line("报告期限", texts[0])
    return Line("报告期限", "；".join(f"{r.recipient}：{t}" for r, t in zip(rows, texts, strict=True)))


def _due_words(due: str) -> str:
    return f"{due}（北京时间）前" if due[:1].isdigit() else due


# A document states due times and on-time status only: no countdown, stale once printed.
STATUS_TEXT: dict[Status, Callable[[Obligation, datetime], str]] = {
    Status.PENDING: lambda o, now: "本报告在期限内报送" if o.due else label_of(Status.PENDING),
    Status.OVERDUE: lambda o, now: "本报告晚于期限报送" if o.due else label_of(Status.OVERDUE),
    Status.MET: lambda o, now: f"已于 {_at(o)} 报送，按时",
    Status.LATE: lambda o, now: f"已于 {_at(o)} 报送，迟于期限",
    Status.NOT_REQUIRED: lambda o, now: "一般事件，依《办法》第四条无须报告",
    Status.OPEN: lambda o, now: "无法定时限，应及时办理",
    Status.DONE: lambda o, now: f"已于 {_at(o)} 办理",
    Status.WAITING: lambda o, now: label_of(Status.WAITING),
    Status.WAIVED: lambda o, now: label_of(Status.WAIVED),
    Status.VOIDED: lambda o, now: "事件已作废，无须再办理",  # D17
}


def _at(o: Obligation) -> str:
    return when_dt(o.submitted_at) if o.submitted_at else "（时间不详）"


def deadline_row(o: Obligation, now: datetime) -> DeadlineRow:
    if o.due is not None:
        due = display_beijing(o.due)  # the column heading names the zone: 期限（北京时间）
    elif o.days is not None:
        due = f"处置工作结束后 {o.days} 日内"
    elif o.hours is None:
        due = "及时（无法定时限）"
    else:
        due = "发现时间未填，无法计算"
    recipient = o.recipient + (f"（{o.note}）" if o.note else "")
    text = STATUS_TEXT.get(o.status)
    return DeadlineRow(recipient, o.basis, due, text(o, now) if text else label_of(o.status))


def _systems(doc: Doc) -> list[Line]:
    lines = []
    for n, system in enumerate(doc.get(fp.SYSTEMS) or [], start=1):
        parts = [system.get("name") or ""]
        if _text(system.get("description")):
            parts.append(f"基本情况：{system['description']}")
        if system.get("is_cii") is not None:
            parts.append("属于关键信息基础设施" if system["is_cii"] else "不属于关键信息基础设施")
        lines.append(Line(f"{fields.heading(fp.SYSTEMS)}{n}", "；".join(parts)))
    return lines or [Line(fields.heading(fp.SYSTEMS), None)]


# incident@3 (D18): durations answered by when they began and, once over, when they ended.
RUNNING_BLOCKS = ("portal_outage", "defacement", "cii_full_outage", "cii_main_function_outage")


def _impact(doc: Doc, pack: RulePack) -> list[Line]:
    """The annex's impact facts that are known, with units (what the grade rests on); a
    duration answered by its start (D18) prints its start in Beijing time and, while it has
    no end, 「至报告时仍未结束」 (the report time is the moment it is counted to)."""
    paths = [f"impact.{block}.{key}" for block in RUNNING_BLOCKS for key in (get(doc, f"impact.{block}") or {}) if not key.endswith("ended_at")]
    paths += [path for path, _unit in labels.IMPACT_UNITS]
    lines = [_impact_line(doc, p, pack) for p in paths if get(doc, p) is not None]
    lines += _personal_info(doc)
    qualitative = get(doc, "impact.qualitative")
    if qualitative:
        lines.append(Line("定性判断", f"{labels.grade_name(qualitative.get('grade'), pack)}：{qualitative.get('reason')}"))
    return lines or [Line("影响情况（用于定级）", None)]


def _impact_line(doc: Doc, path: str, pack: RulePack) -> Line:
    if not path.endswith("started_at"):
        return Line(label(path), shown(path, get(doc, path), pack))
    end = get(doc, path.removesuffix("started_at") + "ended_at")
    until = f"至 {labels.when(end)}" if end is not None else "至报告时仍未结束"
    return Line(label(path).removesuffix("开始时间"), f"{labels.when(get(doc, path))}起，{until}")


def _personal_info(doc: Doc) -> list[Line]:
    """个人信息 (D16, D16a): what happened to whose information, when the annex's leaked
    count does not already say it (the number is held once)."""
    if not personal_info_affected(doc) or get(doc, fp.IMPACT_PERSONAL_INFO_LEAKED) is not None:
        return []
    may = "可能被" if get(doc, fp.PERSONAL_INFO_AFFECTED) == "possible" else "已被"
    count = get(doc, fp.PERSONAL_INFO_COUNT)
    people = f"约 {number(count)}{labels.NBSP}人的" if isinstance(count, int) and not isinstance(count, bool) and count > 0 else ""
    kinds = _text(get(doc, fp.PERSONAL_INFO_KINDS))
    return [Line("个人信息", f"{people}{kinds or '个人信息'}{may}{happened_words(doc)}")]


def _joined(heading: str, lines: list[Line]) -> Line:
    """Several short facts as one line (「a：1；b：2」), so a first report stays compact."""
    known = [x for x in lines if x.value is not None]
    if not known:
        return Line(heading, None)
    return Line(heading, "；".join(f"{x.label}：{x.value}" for x in known))


def amount(value: Any, currency: Any) -> str | None:
    """An amount with its currency, joined by a no-break space (「2 BTC」 stays on one line)."""
    if value is None:
        return None
    unit = _text(currency)
    return f"{number(value)}{labels.NBSP}{unit}" if unit else number(value)


def _ransomware(doc: Doc, pack: RulePack) -> list[Line]:
    """第七条第一款第二项: the ransom demanded, as one line."""
    if not is_ransomware(doc, pack):
        return []
    r = doc.get("ransomware") or {}
    parts = [Line(fields.heading(fp.RANSOMWARE_AMOUNT), amount(r.get("amount"), r.get("currency")))]
    if r.get("amount") is None:
        parts.append(_line(doc, fp.RANSOMWARE_CURRENCY, pack))
    parts += [_line(doc, p, pack) for p in (fp.RANSOMWARE_METHOD, fp.RANSOMWARE_DATE, fp.RANSOMWARE_CONTACT, fp.RANSOMWARE_PAID)]
    return [_joined("勒索赎金情况", parts)]


def _pair(first: Line, second: Line) -> Line:
    """Two short facts on one line; the second only when known."""
    if second.value is None:
        return first
    return Line(first.label, f"{_value(first)}；{second.label}：{second.value}")


def _times(doc: Doc, pack: RulePack) -> Line:
    """发现时间 and 发生时间 on one line."""
    return _pair(_line(doc, fp.DISCOVERED_AT, pack), _line(doc, fp.OCCURRED_AT, pack))


def _value(line: Line) -> str:
    return PENDING if line.value is None else line.value


def _pi_notices(doc: Doc) -> list[Line]:
    """个人信息保护法第五十七条 (D16): among the measures taken, that the individuals were
    notified (when, how, how many) or why they are not; nothing while neither is so."""
    if not personal_info_affected(doc):
        return []
    sentence = notified_sentence(doc)
    return [Line("通知个人情况", sentence)] if sentence else []


def _item_lines(item_id: str, doc: Doc, pack: RulePack, result: Assessment) -> list[Line]:
    """The labelled sub-fields of one 第七条 item (ids from the rule pack)."""
    if item_id == "item1":
        return [_line(doc, fp.REPORTER_NAME, pack), *_systems(doc), _line(doc, fp.INVOLVES_CII, pack)]
    if item_id == "item2":
        grade = labels.grade_name(result.grading.grade, pack)
        return [
            _times(doc, pack),
            _line(doc, fp.LOCATION, pack),
            _pair(Line("类型", labels.type_text(doc, pack)), Line("级别", None if result.grading.grade == pack.undetermined.id else grade)),
            _joined("影响情况", _impact(doc, pack)),
            _line(doc, fp.HARM, pack),
            _line(doc, fp.MEASURES_TAKEN, pack),
            *_pi_notices(doc),
            *_ransomware(doc, pack),
        ]
    if item_id == "item8":
        lines = [_line(doc, fp.OTHER, pack), _line(doc, fp.CRIME_SUSPECTED, pack)]
        for n, s in enumerate(doc.get(fp.SECTOR_OBLIGATIONS) or [], start=1):
            hours = f"{number(s['hours'])} 小时内" if s.get("hours") is not None else "时限未填"
            note = f"；{s['note']}" if _text(s.get("note")) else ""
            lines.append(Line(f"行业规定{n}", f"{s.get('recipient')}，{hours}{note}"))
        return lines
    fields = next((i.fields for i in pack.report_items if i.id == item_id), ())
    return [_line(doc, f, pack) for f in fields]


def statutory_sections(doc: Doc, pack: RulePack, result: Assessment) -> tuple[Section, ...]:
    """第七条 items 一 to 八 under their statutory headings, in the pack's order."""
    return tuple(Section(item.heading, tuple(_item_lines(item.id, doc, pack, result)), f"（{item.heading.split('、', 1)[0]}）") for item in pack.report_items)


_NUMERALS = "一二三四五六七八九十"

# 第八条 headings → the document fields that answer them (incident@2 adds
# accountability, remediation and lessons, product.md §8.1).
SUMMARY_FIELDS: dict[str, tuple[str, ...]] = {
    "发生原因": (fp.CAUSE,),
    "应急处置措施": (fp.MEASURES_TAKEN, fp.PLANNED_MEASURES),
    "造成的危害": (fp.HARM,),
    "责任追究": (fp.ACCOUNTABILITY,),
    "完善整改情况": (fp.REMEDIATION,),
    "教训": (fp.LESSONS,),
}


def summary_sections(doc: Doc, pack: RulePack) -> tuple[Section, ...]:
    sections = []
    for n, heading in enumerate(pack.summary_headings):
        numeral = _NUMERALS[n] if n < len(_NUMERALS) else str(n + 1)
        fields = SUMMARY_FIELDS.get(heading, ())
        lines = [_line(doc, f, pack) for f in fields] or [Line(heading, None)]
        if heading == "造成的危害":
            lines.extend(x for x in _impact(doc, pack) if x.value is not None)
        sections.append(Section(f"{numeral}、{heading}", tuple(lines), f"（{numeral}）{heading}"))
    return tuple(sections)


def channel_lines(doc: Doc, obligations: list[Obligation], pack: RulePack) -> tuple[Line, ...]:
    """第九条, D13 and D13b: the channels that reach each duty's recipient, and only those
    (the worksheet's list): the 12387 channels reach the 网信部门 only and never stand in
    for the CII recipients; 短信、即时通信工具、公告 reach individuals only."""
    rule = pack.channel_rule
    direct = "、".join(c.name for c in pack.channels if c.reaches == "any")
    lines = []
    for o in obligations:
        advice = channel_advice(o, pack, doc)
        reaching = tuple(getattr(advice, "channels", ()) or ())  # D13b: the pack's reach table, where it has one
        if advice.notice:
            text = "、".join(c.name for c in advice.notice) + f"（{o.basis}）"
        elif reaching:
            text = "；".join(f"{c.name}（{c.detail}）" if c.detail else c.name for c in reaching)
            if advice.original:
                text = f"按照原渠道上报（{o.basis}）：{text}"
            elif advice.sector:
                text = f"按行业主管监管部门要求的方式报送：{text}"
            if advice.not_by_12387:
                text += f"；12387 各渠道不能代替（{rule.basis}）"
        elif advice.cyberspace:
            text = "；".join(f"{c.name}（{c.detail}）" if c.detail else c.name for c in advice.cyberspace)
        elif advice.not_by_12387:
            text = f"直接报送（{direct}）；12387 各渠道不能代替（{rule.basis}）"
        elif advice.sector:
            text = "按行业主管监管部门要求的方式报送"
        else:
            used = [s.get("channel") for s in doc.get(fp.SUBMISSIONS) or [] if s.get("channel")]
            names = "、".join(dict.fromkeys(_channel_name(c, pack) for c in used))
            text = f"按照原渠道上报（{o.basis}）" + (f"：{names}" if names else "")
        lines.append(Line(o.recipient, text))
    if involves_cii(doc):
        lines.append(Line("注意", f"本事件涉及关键信息基础设施。{rule.text}（{rule.basis}）"))
    return tuple(lines)


def _channel_name(channel_id: str, pack: RulePack) -> str:
    try:
        return pack.channel(channel_id).name
    except KeyError:
        return channel_id


def timeline_rows(doc: Doc) -> tuple[tuple[str, str], ...]:
    entries = list(doc.get(fp.TIMELINE) or [])
    keyed = [(instant(e, "at"), i, e) for i, e in enumerate(entries)]
    keyed.sort(key=lambda k: (k[0] is None, k[0].timestamp() if k[0] else 0, k[1]))
    return tuple((when(e.get("at")).removesuffix(labels.BEIJING_SUFFIX), str(e.get("text", ""))) for _, _, e in keyed)


def submission_lines(doc: Doc, pack: RulePack) -> tuple[str, ...]:
    lines = []
    for s in doc.get(fp.SUBMISSIONS) or []:
        oid = s.get("obligation", "")
        try:
            recipient = pack.obligation(oid).recipient
        except KeyError:
            sector = _sector(doc, oid)
            recipient = sector or oid
        parts = [when(s.get("submitted_at")), labels.KIND_NAMES.get(s.get("kind", "")) or label_of(str(s.get("kind"))), f"报送对象：{recipient}"]
        if s.get("channel"):
            parts.append(f"渠道：{_channel_name(s['channel'], pack)}")
        if _text(s.get("person")):
            parts.append(f"报送人：{s['person']}")
        if _text(s.get("reference")):
            parts.append(f"回执或编号：{s['reference']}")
        count = s.get("recipients_count")
        if isinstance(count, int) and not isinstance(count, bool):
            parts.append(f"通知人数：{number(count)}{labels.NBSP}人")  # the count stays on one line with its unit
        lines.append("；".join(parts))
    return tuple(lines)


def _sector(doc: Doc, oid: str) -> str | None:
    sectors = doc.get(fp.SECTOR_OBLIGATIONS) or []
    suffix = oid.rsplit("_", 1)[-1]
    if suffix.isdigit() and 1 <= int(suffix) <= len(sectors):
        return str(sectors[int(suffix) - 1].get("recipient"))
    return None
