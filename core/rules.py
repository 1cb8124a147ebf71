"""Loads and validates the rule pack (``resources/rules/*.json``): the law as data.

Every threshold, hour count, recipient and citation the app applies comes from the
pack; the modules ``grading`` and ``obligations`` interpret it. A malformed pack fails
at load with ``RulePackError`` naming the file and the key. This module does not grade
or compute deadlines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

from core import resources
from core.text import pick as text_pick

DEFAULT_PACK = "rules/cn-incident-reporting-2025.json"
PACK_FORMAT = "incident-assistant/rule-pack@1"


class RulePackError(ValueError):
    """The rule pack is unreadable or malformed; the message names the file and key."""


# The English twin of a pack text when the language is English and the pack has one:
# core's one choice between a text's two languages (``core.text.pick``).
pick = text_pick


@dataclass(frozen=True)
class Grade:
    """One grade of the annex (特别重大 … 一般), with its rank and names."""

    id: str
    name: str
    name_en: str
    rank: int
    annex: str


@dataclass(frozen=True)
class SiteKind:
    """One kind of website the annex names, with its level."""

    id: str
    name: str
    name_en: str
    note: str | None
    note_en: str | None = None


@dataclass(frozen=True)
class Level:
    """One level of one annex criterion: reached when the value is >= ``min`` (注：以上均包括本数)
    or, on an ordered ``scale`` of findings, at least ``at_least`` (D15: a wider finding
    contains the narrower), and, for site criteria, the site kind is in ``sites``."""

    grade: str
    item: str
    text: str
    min: float | None
    at_least: str | None
    sites: tuple[str, ...] | None
    text_en: str = ""


@dataclass(frozen=True)
class Criterion:
    """One criterion of the annex: the field it reads and its levels."""

    id: str
    field: str
    site_field: str | None
    unit: str
    levels: tuple[Level, ...]
    scale: tuple[str, ...] = ()  # D15: the findings in order, narrowest first

    def position(self, value: object) -> int | None:
        """Where ``value`` stands on ``scale`` (0 = narrowest), None when it is not on it."""
        return self.scale.index(value) if isinstance(value, str) and value in self.scale else None


@dataclass(frozen=True)
class QualitativeItem:
    """The annex's qualitative description of one grade."""

    item: str
    text: str
    text_en: str = ""


@dataclass(frozen=True)
class ObligationRule:
    """One reporting duty of the rule pack: when it applies, to whom, within how long."""

    id: str
    when: str
    recipient: str
    recipient_en: str
    recipient_detail_field: str | None
    hours: float | None
    days: int | None
    basis: str
    statutory: bool
    text: str
    reached_by: tuple[str, ...] = ()  # D13a: the channel ``reaches`` values that satisfy it
    general_reason: str | None = None  # D4a: why it stays open for a 一般 incident
    general_reason_en: str | None = None
    waived_field: str | None = None  # D16: an object holding the written reason the duty is waived
    # D16: the ``reaches`` values that also count when the named recipient is a 网信部门
    cyberspace_names: tuple[str, ...] = ()
    cyberspace_reached_by: tuple[str, ...] = ()
    text_en: str = ""


@dataclass(frozen=True)
class Escalation:
    """A recipient's onward reporting duty (第四条), from the rule pack."""

    after: str
    min_grade: str
    by: str
    to: str
    within_minutes: int
    basis: str
    by_en: str = ""
    to_en: str = ""


@dataclass(frozen=True)
class Channel:
    """One way to send a report or a notice, and whom it reaches."""

    id: str
    name: str
    detail: str
    reaches: str
    name_en: str = ""  # the UI's English name (not used in reports)
    detail_en: str = ""


@dataclass(frozen=True)
class ReportItem:
    """One item of 第七条 and the fields that fill it."""

    id: str
    heading: str
    initial: bool
    fields: tuple[str, ...]
    ransomware_fields: tuple[str, ...]
    heading_en: str = ""


@dataclass(frozen=True)
class IncidentClass:
    """One incident class of GB/T 20986-2023 with its subclasses."""

    id: str
    name: str
    subclasses: tuple[str, ...]  # the Chinese names, which documents store
    name_en: str = ""
    subclasses_en: tuple[str, ...] = ()  # the English of each, in the same order (may be empty)

    def subclass_name(self, subclass: str, lang: str = "zh") -> str:
        """A subclass as the UI shows it; a name not in the class is returned as given."""
        if lang == "en" and subclass in self.subclasses and self.subclasses_en:
            return self.subclasses_en[self.subclasses.index(subclass)]
        return subclass


@dataclass(frozen=True)
class SummaryRule:
    """How the summary report's due day is counted (第八条)."""

    day_end: str
    basis: str


@dataclass(frozen=True)
class ChannelRule:
    """Which duties the 12387 channels answer and which they cannot (第九条)."""

    basis: str
    text: str
    cyberspace_obligations: tuple[str, ...]
    not_for_cyberspace_channels: tuple[str, ...]
    text_en: str = ""  # the UI's English wording (reports print ``text``)


# D13b: the kinds of recipient a channel may reach, and how an obligation's recipient is told.
RECIPIENT_KINDS = ("cyberspace", "authority", "individuals")  # 网信部门 / any other body / individuals
NAMED = "named"  # the recipient the user names: a 网信部门 when its name says so, else an authority
ORIGINAL = "original"  # the summary report, 按原渠道 (第八条): a 网信部门 only when every first report went to one
SECTOR_KEY = "sector"  # the recipients table's entry for every ``sector_<n>``


@dataclass(frozen=True)
class ChannelReach:
    """D13b (第四条、第八条、第九条; 个人信息保护法第五十七条; 网络数据安全管理条例第十一条):
    the one table of which channel reaches which recipient. ``reaches`` maps a channel's
    ``reaches`` value to the recipient kinds it reaches; ``recipients`` gives each
    obligation's recipient kind (``named``, ``original`` or one of ``RECIPIENT_KINDS``)."""

    basis: str
    reaches: dict[str, tuple[str, ...]]
    recipients: dict[str, str]
    cyberspace_names: tuple[str, ...]

    def values_reaching(self, kind: str) -> tuple[str, ...]:
        """The channel ``reaches`` values that reach a recipient of ``kind``."""
        return tuple(value for value, kinds in self.reaches.items() if kind in kinds)

    def is_cyberspace_name(self, name: object) -> bool:
        """D13b, D16: a named department is a 网信部门 when its name contains 网信 or 互联网信息办公室."""
        return isinstance(name, str) and any(part in name for part in self.cyberspace_names)


@dataclass(frozen=True)
class RulePack:
    """The rule pack: grades, criteria, obligations, channels and report items, as loaded."""

    id: str
    version: str
    title: str
    text_date: str
    in_force: str
    source: str
    grades: tuple[Grade, ...]
    undetermined: Grade
    reportable_from: str
    reportable_basis: str
    site_kinds: tuple[SiteKind, ...]
    criteria: tuple[Criterion, ...]
    qualitative: dict[str, QualitativeItem]
    obligations: tuple[ObligationRule, ...]
    sector_basis: str
    sector_label: str
    sector_reached_by: tuple[str, ...]
    sector_general_reason: str | None
    sector_general_reason_en: str | None
    summary_rule: SummaryRule
    escalations: tuple[Escalation, ...]
    report_items: tuple[ReportItem, ...]
    report_items_basis: str
    summary_headings: tuple[str, ...]
    summary_basis: str
    channels: tuple[Channel, ...]
    channel_rule: ChannelRule
    channel_reach: ChannelReach
    incident_classes: tuple[IncidentClass, ...]
    ransomware_subclass: str
    path: str
    title_en: str = ""  # the UI's English title (reports print ``title``)
    reportable_text: str = ""
    reportable_text_en: str = ""
    sector_text: str = ""
    sector_text_en: str = ""
    sector_label_en: str = ""
    summary_headings_en: tuple[str, ...] = ()

    def grade(self, grade_id: str) -> Grade:
        if grade_id == self.undetermined.id:
            return self.undetermined
        for g in self.grades:
            if g.id == grade_id:
                return g
        raise KeyError(grade_id)

    def rank(self, grade_id: str) -> int:
        """Rank of a grade; ``undetermined`` ranks below every real grade."""
        return -1 if grade_id == self.undetermined.id else self.grade(grade_id).rank

    def grade_ids(self) -> tuple[str, ...]:
        return tuple(g.id for g in self.grades)

    def obligation(self, obligation_id: str) -> ObligationRule:
        for o in self.obligations:
            if o.id == obligation_id:
                return o
        raise KeyError(obligation_id)

    def site(self, site_id: str) -> SiteKind:
        for s in self.site_kinds:
            if s.id == site_id:
                return s
        raise KeyError(site_id)

    def channel(self, channel_id: str) -> Channel:
        for c in self.channels:
            if c.id == channel_id:
                return c
        raise KeyError(channel_id)

    def incident_class(self, class_id: str) -> IncidentClass:
        for c in self.incident_classes:
            if c.id == class_id:
                return c
        raise KeyError(class_id)

    def subclass_name(self, subclass: str, lang: str = "zh") -> str:
        """Any subclass (as documents store it, e.g. the ransomware one) in ``lang``."""
        for c in self.incident_classes:
            if subclass in c.subclasses:
                return c.subclass_name(subclass, lang)
        return subclass

    def summary_heading_names(self, lang: str = "zh") -> tuple[str, ...]:
        """第八条's summary-report headings in ``lang``."""
        return self.summary_headings_en if lang == "en" and self.summary_headings_en else self.summary_headings


class _Reader:
    """Typed access to the raw JSON that names the failing key in every error."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, expected: str) -> RulePackError:
        return RulePackError(f"规则包 {self.file}：键 {key}：{expected}")

    def get(self, obj: Any, key: str, where: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
        path = f"{where}.{key}" if where else key
        if not isinstance(obj, dict):
            raise self.fail(where or "(根)", "应为对象")
        if key not in obj or obj[key] is None:
            if optional:
                return None
            raise self.fail(path, "缺失")
        value = obj[key]
        if isinstance(value, bool) and kind is not bool and not (isinstance(kind, tuple) and bool in kind):
            raise self.fail(path, f"类型应为 {_kind_name(kind)}")
        if not isinstance(value, kind):
            raise self.fail(path, f"类型应为 {_kind_name(kind)}")
        return value

    def items(self, obj: Any, key: str, where: str) -> list[tuple[str, Any]]:
        value = self.get(obj, key, where, list)
        path = f"{where}.{key}" if where else key
        return [(f"{path}[{i}]", v) for i, v in enumerate(value)]

    def strings(self, obj: Any, key: str, where: str, optional: bool = False) -> tuple[str, ...] | None:
        value = self.get(obj, key, where, list, optional)
        if value is None:
            return None
        path = f"{where}.{key}" if where else key
        for i, v in enumerate(value):
            if not isinstance(v, str):
                raise self.fail(f"{path}[{i}]", "类型应为字符串")
        return tuple(value)

    def en(self, obj: Any, key: str, where: str) -> str:
        """The optional English twin ``<key>_en`` of a text ("" when the pack has none)."""
        return self.get(obj, f"{key}_en", where, str, optional=True) or ""

    def twins(self, obj: Any, key: str, where: str) -> tuple[str, ...]:
        """The optional English list ``<key>_en``, one entry per entry of ``key``."""
        found = self.strings(obj, f"{key}_en", where, optional=True)
        if found is None:
            return ()
        if len(found) != len(self.strings(obj, key, where) or ()):
            raise self.fail(f"{where}.{key}_en" if where else f"{key}_en", f"应与 {key} 一一对应")
        return found


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "字符串", int: "整数", float: "数字", bool: "布尔值", list: "数组", dict: "对象"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return "或".join(names.get(k, k.__name__) for k in kinds)


def load(path: str | Path | None = None) -> RulePack:
    """Read and validate a rule pack (default: the bundled one). Raises ``RulePackError``."""
    file = Path(path) if path is not None else resources.path(DEFAULT_PACK)
    label = str(file if path is not None else DEFAULT_PACK)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulePackError(f"规则包 {label}：无法读取（{exc.strerror or exc}）") from exc
    except json.JSONDecodeError as exc:
        raise RulePackError(f"规则包 {label}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）") from exc
    return _build(raw, _Reader(label), label)


@cache
def default_pack() -> RulePack:
    """The bundled pack, loaded once per process."""
    return load()


def _build(raw: Any, r: _Reader, label: str) -> RulePack:
    """The pack from its raw JSON, section by section (each checked as it is read)."""
    if r.get(raw, "pack", "", str) != PACK_FORMAT:
        raise r.fail("pack", f"应为 {PACK_FORMAT}")
    grades, undetermined = _grades(raw, r)
    grade_ids = {g.id for g in grades}
    rf = r.get(raw, "reportable_from", "", dict)
    reportable_from = _check_grade(r, grade_ids, r.get(rf, "grade", "reportable_from", str), "reportable_from.grade")
    sites = _site_kinds(raw, r)
    criteria = _criteria(raw, r, grades, {s.id for s in sites})
    qualitative = _qualitative(raw, r, grade_ids)
    reach = _channel_reach(raw, r, {r.get(c, "reaches", w, str) for w, c in r.items(raw, "channels", "")})
    obligations = _obligations(raw, r, reach)
    escalations = _escalations(raw, r, grade_ids, {o.id for o in obligations})
    report_items = _report_items(raw, r)
    summary = r.get(raw, "summary_items", "", dict)
    sr = r.get(raw, "summary_rule", "", dict)
    day_end = _day_end(sr, r)
    channels, channel_rule, classes = _channels(raw, r), _channel_rule(raw, r), _incident_classes(raw, r)
    sector = r.get(raw, "sector_obligation", "", dict)
    return RulePack(
        **_about(raw, r),
        grades=grades,
        undetermined=undetermined,
        reportable_from=reportable_from,
        reportable_basis=r.get(rf, "basis", "reportable_from", str),
        site_kinds=sites,
        criteria=criteria,
        qualitative=qualitative,
        obligations=obligations,
        **_sector(sector, r, reach),
        reportable_text=r.get(rf, "text", "reportable_from", str, optional=True) or "",
        reportable_text_en=r.en(rf, "text", "reportable_from"),
        summary_headings_en=r.twins(summary, "headings", "summary_items"),
        summary_rule=SummaryRule(day_end, r.get(sr, "basis", "summary_rule", str)),
        escalations=escalations,
        report_items=report_items,
        report_items_basis=r.get(raw, "report_items_basis", "", str),
        summary_headings=r.strings(summary, "headings", "summary_items") or (),
        summary_basis=r.get(summary, "basis", "summary_items", str),
        channels=channels,
        channel_rule=channel_rule,
        channel_reach=reach,
        incident_classes=classes,
        ransomware_subclass=r.get(raw, "ransomware_subclass", "", str),
        path=label,
    )


class _About(TypedDict):
    id: str
    version: str
    title: str
    title_en: str
    text_date: str
    in_force: str
    source: str


def _about(raw: Any, r: _Reader) -> _About:
    """The pack's own name, version, dates and source."""
    return {
        "id": r.get(raw, "id", "", str),
        "version": r.get(raw, "version", "", str),
        "title": r.get(raw, "title", "", str),
        "title_en": r.get(raw, "title_en", "", str, optional=True) or "",
        "text_date": r.get(raw, "text_date", "", str),
        "in_force": r.get(raw, "in_force", "", str),
        "source": r.get(raw, "source", "", str),
    }


def _check_grade(r: _Reader, grade_ids: set[str], value: str, key: str) -> str:
    if value not in grade_ids:
        raise r.fail(key, f"等级 {value!r} 未在 grades 中定义")
    return value


def _grades(raw: Any, r: _Reader) -> tuple[tuple[Grade, ...], Grade]:
    """The annex's grades (特别重大 … 一般) and the grade of an incident not yet graded."""
    grades = tuple(
        Grade(r.get(g, "id", w, str), r.get(g, "name", w, str), r.get(g, "name_en", w, str), r.get(g, "rank", w, int), r.get(g, "annex", w, str))
        for w, g in r.items(raw, "grades", "")
    )
    und = r.get(raw, "undetermined", "", dict)
    undetermined = Grade(r.get(und, "id", "undetermined", str), r.get(und, "name", "undetermined", str), r.get(und, "name_en", "undetermined", str), -1, "")
    return grades, undetermined


def _site_kinds(raw: Any, r: _Reader) -> tuple[SiteKind, ...]:
    """The kinds of website the annex names, with their optional notes."""
    notes = r.get(raw, "site_notes", "", dict, optional=True) or {}
    notes_en = r.get(raw, "site_notes_en", "", dict, optional=True) or {}
    for key, table in (("site_notes", notes), ("site_notes_en", notes_en)):
        for site_id, note in table.items():
            if not isinstance(note, str):
                raise r.fail(f"{key}.{site_id}", "类型应为字符串")
    return tuple(
        SiteKind(
            r.get(s, "id", w, str),
            r.get(s, "name", w, str),
            r.get(s, "name_en", w, str),
            notes.get(s.get("id")) if isinstance(s, dict) else None,
            notes_en.get(s.get("id")) if isinstance(s, dict) else None,
        )
        for w, s in r.items(raw, "site_kinds", "")
    )


def _criteria(raw: Any, r: _Reader, grades: tuple[Grade, ...], site_ids: set[str]) -> tuple[Criterion, ...]:
    """The annex's criteria, each with its levels from the highest grade down."""
    criteria = []
    for w, c in r.items(raw, "criteria", ""):
        scale = r.strings(c, "scale", w, optional=True) or ()
        levels = [_level(lw, lv, r, {g.id for g in grades}, site_ids, w, scale) for lw, lv in r.items(c, "levels", w)]
        ranks = [next(g.rank for g in grades if g.id == lv.grade) for lv in levels]
        if ranks != sorted(ranks, reverse=True) or len(set(ranks)) != len(ranks):
            raise r.fail(f"{w}.levels", "须按等级从高到低排列且不重复")
        site_field = r.get(c, "site_field", w, str, optional=True)
        if site_field is not None and any(lv.sites is None for lv in levels):
            raise r.fail(f"{w}.levels", "有 site_field 的标准，每一级都须列出 sites")
        criteria.append(Criterion(r.get(c, "id", w, str), r.get(c, "field", w, str), site_field, r.get(c, "unit", w, str), tuple(levels), scale))
    return tuple(criteria)


def _level(lw: str, lv: Any, r: _Reader, grade_ids: set[str], site_ids: set[str], w: str, scale: tuple[str, ...]) -> Level:
    """One level of the criterion at ``w``: a ``min`` or an ``at_least`` on its ``scale`` (D15)."""
    minimum = r.get(lv, "min", lw, (int, float), optional=True)
    at_least = r.get(lv, "at_least", lw, str, optional=True)
    if (minimum is None) == (at_least is None):
        raise r.fail(lw, "须有且只有 min 或 at_least 之一")
    if minimum is not None and minimum < 0:
        raise r.fail(f"{lw}.min", "不能为负数")
    if at_least is not None and at_least not in scale:
        raise r.fail(f"{lw}.at_least", f"{at_least!r} 未在 {w}.scale 中列出")
    level_sites = r.strings(lv, "sites", lw, optional=True)
    for s in level_sites or ():
        if s not in site_ids:
            raise r.fail(f"{lw}.sites", f"网站类型 {s!r} 未在 site_kinds 中定义")
    grade = _check_grade(r, grade_ids, r.get(lv, "grade", lw, str), f"{lw}.grade")
    return Level(grade, r.get(lv, "item", lw, str), r.get(lv, "text", lw, str), minimum, at_least, level_sites, r.en(lv, "text", lw))


def _qualitative(raw: Any, r: _Reader, grade_ids: set[str]) -> dict[str, QualitativeItem]:
    """The annex's qualitative item for each grade."""
    qual_raw = r.get(raw, "qualitative", "", dict)
    qualitative = {}
    for gid in grade_ids:
        q = r.get(qual_raw, gid, "qualitative", dict)
        where = f"qualitative.{gid}"
        qualitative[gid] = QualitativeItem(r.get(q, "item", where, str), r.get(q, "text", where, str), r.en(q, "text", where))
    return qualitative


def _reached_by(r: _Reader, reach: ChannelReach, obligation_id: str, where: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """D13b: the ``reaches`` values that satisfy an obligation whatever its recipient is
    named, the name fragments of a 网信部门 and the values that also count for one."""
    kind = reach.recipients.get(obligation_id)
    if kind is None:
        raise r.fail("channel_reach.recipients", f"缺少义务 {obligation_id!r} 的接收方类别（{where}）")
    if kind == NAMED:
        authority = reach.values_reaching("authority")
        return authority, reach.cyberspace_names, tuple(v for v in reach.values_reaching("cyberspace") if v not in authority)
    return reach.values_reaching("authority" if kind == ORIGINAL else kind), (), ()


OBLIGATION_WHENS = {"involves_cii", "central_state_organ", "otherwise", "crime_suspected", "personal_info_affected", "always"}


def _obligations(raw: Any, r: _Reader, reach: ChannelReach) -> tuple[ObligationRule, ...]:
    """The reporting obligations; the summary report and the police case must be among them."""
    obligations = tuple(_obligation(w, o, r, reach) for w, o in r.items(raw, "obligations", ""))
    obligation_ids = {o.id for o in obligations}
    for required in ("summary_report", "police_case"):
        if required not in obligation_ids:
            raise r.fail("obligations", f"缺少义务 {required}")
    return obligations


def _obligation(w: str, o: Any, r: _Reader, reach: ChannelReach) -> ObligationRule:
    when = r.get(o, "when", w, str)
    if when not in OBLIGATION_WHENS:
        raise r.fail(f"{w}.when", f"应为 {sorted(OBLIGATION_WHENS)} 之一")
    hours = r.get(o, "hours", w, (int, float), optional=True)
    days = r.get(o, "days", w, int, optional=True)
    if hours is not None and hours <= 0:
        raise r.fail(f"{w}.hours", "应为正数")
    if days is not None and days <= 0:
        raise r.fail(f"{w}.days", "应为正整数")
    return ObligationRule(
        r.get(o, "id", w, str),
        when,
        r.get(o, "recipient", w, str),
        r.get(o, "recipient_en", w, str),
        r.get(o, "recipient_detail_field", w, str, optional=True),
        hours,
        days,
        r.get(o, "basis", w, str),
        r.get(o, "statutory", w, bool),
        r.get(o, "text", w, str),
        *_reached_by(r, reach, r.get(o, "id", w, str), w)[:1],
        r.get(o, "general_reason", w, str, optional=True),
        r.get(o, "general_reason_en", w, str, optional=True),
        r.get(o, "waived_field", w, str, optional=True),
        *_reached_by(r, reach, r.get(o, "id", w, str), w)[1:],
        r.en(o, "text", w),
    )


def _escalations(raw: Any, r: _Reader, grade_ids: set[str], obligation_ids: set[str]) -> tuple[Escalation, ...]:
    """Who tells whom, within how many minutes, after an obligation of a high enough grade."""
    escalations = []
    for w, e in r.items(raw, "escalations", ""):
        after = r.get(e, "after", w, str)
        if after not in obligation_ids:
            raise r.fail(f"{w}.after", f"义务 {after!r} 未定义")
        escalations.append(
            Escalation(
                after,
                _check_grade(r, grade_ids, r.get(e, "min_grade", w, str), f"{w}.min_grade"),
                r.get(e, "by", w, str),
                r.get(e, "to", w, str),
                r.get(e, "within_minutes", w, int),
                r.get(e, "basis", w, str),
                r.en(e, "by", w),
                r.en(e, "to", w),
            )
        )
    return tuple(escalations)


def _report_items(raw: Any, r: _Reader) -> tuple[ReportItem, ...]:
    """第七条's items of a report, with the fields each holds."""
    return tuple(
        ReportItem(
            r.get(i, "id", w, str),
            r.get(i, "heading", w, str),
            r.get(i, "initial", w, bool),
            r.strings(i, "fields", w) or (),
            r.strings(i, "ransomware_fields", w, optional=True) or (),
            r.en(i, "heading", w),
        )
        for w, i in r.items(raw, "report_items", "")
    )


def _day_end(sr: Any, r: _Reader) -> str:
    """The summary rule's end of a working day, ``HH:MM:SS``."""
    day_end: str = r.get(sr, "day_end", "summary_rule", str)
    parts = day_end.split(":")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise r.fail("summary_rule.day_end", "应为 HH:MM:SS")
    return day_end


def _channels(raw: Any, r: _Reader) -> tuple[Channel, ...]:
    """The ways a report can be sent, each with the kind of recipient it reaches."""
    return tuple(
        Channel(
            r.get(c, "id", w, str),
            r.get(c, "name", w, str),
            r.get(c, "detail", w, str),
            r.get(c, "reaches", w, str),
            r.en(c, "name", w),
            r.en(c, "detail", w),
        )
        for w, c in r.items(raw, "channels", "")
    )


def _channel_rule(raw: Any, r: _Reader) -> ChannelRule:
    """Which obligations go to the cyberspace authority and which channels do not reach it."""
    cr = r.get(raw, "channel_rule", "", dict)
    return ChannelRule(
        r.get(cr, "basis", "channel_rule", str),
        r.get(cr, "text", "channel_rule", str),
        r.strings(cr, "cyberspace_obligations", "channel_rule") or (),
        r.strings(cr, "not_for_cyberspace_channels", "channel_rule") or (),
        r.get(cr, "text_en", "channel_rule", str, optional=True) or "",
    )


def _incident_classes(raw: Any, r: _Reader) -> tuple[IncidentClass, ...]:
    """The classes of incident with their subclasses (names in both languages)."""
    return tuple(
        IncidentClass(r.get(c, "id", w, str), r.get(c, "name", w, str), r.strings(c, "subclasses", w) or (), r.en(c, "name", w), r.twins(c, "subclasses", w))
        for w, c in r.items(raw, "incident_classes", "")
    )


class _Sector(TypedDict):
    sector_basis: str
    sector_label: str
    sector_reached_by: tuple[str, ...]
    sector_general_reason: str | None
    sector_general_reason_en: str | None
    sector_text: str
    sector_text_en: str
    sector_label_en: str


def _sector(sector: Any, r: _Reader, reach: ChannelReach) -> _Sector:
    """The sector obligation's fields of the pack (its basis, label, reasons and reach)."""
    where = "sector_obligation"
    return {
        "sector_basis": r.get(sector, "basis", where, str),
        "sector_label": r.get(sector, "label", where, str),
        "sector_reached_by": _reached_by(r, reach, SECTOR_KEY, where)[0],
        "sector_general_reason": r.get(sector, "general_reason", where, str, optional=True),
        "sector_general_reason_en": r.get(sector, "general_reason_en", where, str, optional=True),
        "sector_text": r.get(sector, "text", where, str),
        "sector_text_en": r.en(sector, "text", where),
        "sector_label_en": r.en(sector, "label", where),
    }


def _channel_reach(raw: Any, r: _Reader, channel_reaches: set[str]) -> ChannelReach:
    """D13b: read and check the one table of channel reach (every channel's ``reaches``
    value listed, every kind known)."""
    where = "channel_reach"
    table = r.get(raw, where, "", dict)
    reaches_raw = r.get(table, "reaches", where, dict)
    reaches: dict[str, tuple[str, ...]] = {}
    for value in sorted(channel_reaches):
        kinds = r.strings(reaches_raw, value, f"{where}.reaches") or ()
        for kind in kinds:
            if kind not in RECIPIENT_KINDS:
                raise r.fail(f"{where}.reaches.{value}", f"应为 {list(RECIPIENT_KINDS)} 之中的值")
        reaches[value] = kinds
    recipients_raw = r.get(table, "recipients", where, dict)
    recipients: dict[str, str] = {}
    for key, kind in recipients_raw.items():
        if kind not in (*RECIPIENT_KINDS, NAMED, ORIGINAL):
            raise r.fail(f"{where}.recipients.{key}", f"应为 {[*RECIPIENT_KINDS, NAMED, ORIGINAL]} 之一")
        recipients[key] = kind
    if SECTOR_KEY not in recipients:
        raise r.fail(f"{where}.recipients", f"缺少 {SECTOR_KEY}")
    names = r.strings(table, "names_contain", where) or ()
    return ChannelReach(r.get(table, "basis", where, str), reaches, recipients, names)
