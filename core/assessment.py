"""One assessment of an incident, the only answer to "where do I stand?" (conventions §24):
repair an invalid draft one way, grade it, plan its obligations with their statuses, list
what a report still lacks, collect warnings, and say which report comes next and which
channels fit each duty. ``check``, the wizard, the incident list and its stored columns,
reminders, the desk and the documents all read this answer, so they cannot disagree.

A draft may be invalid while the user types: every value that makes it invalid counts as
unknown (an object that lacks a required key, such as a system without a name, is dropped
whole), so a legal deadline keeps running whatever else is wrong. Does not read the clock
(``now`` is a parameter) or the database.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from core import completeness, fields, grading, obligations, paths
from core import field_paths as fp
from core.grading import GradeResult, Projection, duration_minutes
from core.incident import (
    DISCOVERY_LONG_AGO_DAYS,
    SCHEMA_ID,
    VOIDED_KEY,
    Doc,
    get,
    instant,
    involves_cii,
    parse,
    personal_info_contradiction,
    reason_problem,
    validate,
    written_reason,
)
from core.messages import FieldPaths, Finding
from core.obligations import EscalationInfo, Obligation
from core.rules import Channel, RulePack
from core.text import text
from core.timeutil import beijing, display_beijing, iso_beijing, whole_second
from core.vocab import REPORT_KINDS, Grade, ObligationId, Reportable, ReportKind, Status

# The public names the GUI calls for the third edition (the GUI asks this module only).
__all__ = [
    "Assessment",
    "ChannelAdvice",
    "assess",
    "channel_advice",
    "check",
    "discovery_problem",
    "discovery_warning",
    "duration_minutes",
    "has_running_duration",
    "next_change",
    "notice_channels",
    "obligation_channels",
    "projection_sentence",
    "reason_problem",
    "reassess",
    "recompute_due",
    "submission_channels",
    "written_reason",
]

MAX_REPAIR_ROUNDS = 50
# Errors that only show once the document's shape is sound (a repair round may reveal them).
CROSS_FIELD_CODES = frozenset(
    {
        "occurred_after_discovered",
        "ended_before_discovered",
        "subclass_mismatch",
        "subclass_unknown",
        "obligation_unknown",
        "duration_ended_before_started",
        "duration_starts_in_future",
    }
)
# An object missing a required key is dropped whole: its other values mean nothing alone.
DROP_PARENT_CODES = frozenset({"missing", "blank_reason"})


@dataclass(frozen=True)
class ChannelAdvice:
    """Which channels fit a duty (第九条, D13): the 12387 channels reach the 网信部门 only."""

    cyberspace: tuple[Channel, ...]  # the six 12387 channels, when they fit
    direct: bool  # report straight to the recipient (当面、电话、其指定方式)
    original: bool  # 原渠道 (summary report, 第八条)
    sector: bool  # as the sector regulator asks (D9)
    not_by_12387: bool  # 12387 cannot stand in for this recipient (D13)
    notice: tuple[Channel, ...] = ()  # a personal-information notice: the means that count (D16)
    channels: tuple[Channel, ...] = ()  # D13b: every channel that reaches the recipient, and only those


@dataclass(frozen=True)
class Assessment:
    """Everything the app knows about an incident at ``now``: grade, obligations, gaps, warnings."""

    doc: Doc  # the document assessed (the draft minus what made it invalid)
    now: datetime
    grading: GradeResult
    reportable: Reportable
    obligations: list[Obligation]
    escalations: list[EscalationInfo]
    missing: dict[str, list[str]]  # {"initial": [...], "complete": [...]}, JSON keys (product.md §4.3)
    warnings: list[Finding]
    valid: bool = True  # the draft as stored had no errors
    errors: list[Finding] = field(default_factory=list)  # the draft's own errors, when not valid
    projections: list[Projection] = field(default_factory=list)  # D18, sorted by ``at``
    validation_warnings: list[Finding] = field(default_factory=list)  # the document's own (for ``reassess``)
    future_counts: bool = False

    @property
    def voided(self) -> dict[str, Any] | None:
        """D17: ``{"at", "reason"}`` of a voided incident, else None."""
        found = self.doc.get(VOIDED_KEY)
        return found if isinstance(found, dict) else None

    @property
    def next_change(self) -> datetime | None:
        """The next moment this assessment can change by time alone (see ``next_change``)."""
        return next_change(self)

    @property
    def running(self) -> bool:
        """D18: a duration of the incident has begun and not ended."""
        return has_running_duration(self.doc)

    @property
    def next_due(self) -> Obligation | None:
        """The open obligation with the nearest due time (list, tray, reminders)."""
        return obligations.next_due(self.obligations)

    @property
    def grade_known(self) -> bool:
        return self.grading.grade != Grade.UNDETERMINED

    def obligation(self, obligation_id: str) -> Obligation | None:
        return next((o for o in self.obligations if o.id == obligation_id), None)

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        """The ``check --json`` object (product.md §4.3)."""
        g = self.grading
        return {
            "grade": g.grade,
            "computed_grade": g.computed_grade,
            "grade_basis": g.basis,
            "reportable": str(self.reportable),
            "triggered": [t.as_json() for t in g.triggered],
            "obligations": [o.as_json(lang) for o in self.obligations],
            "escalations": [e.as_json() for e in self.escalations],
            "missing": self.missing,
            "warnings": [w.as_json(lang) for w in self.warnings],
            "projections": [p.as_json() for p in self.projections],  # D18 (product.md §9.2)
            VOIDED_KEY: _voided_json(self.voided),  # D17
        }


def _voided_json(voided: dict[str, Any] | None) -> dict[str, Any] | None:
    if voided is None:
        return None
    at = instant(voided, "at")
    return {"at": iso_beijing(at) if at else None, "reason": voided.get("reason")}


# --- repair: one way for every caller ---


def _removal_target(error: Finding) -> str | None:
    if not error.path:
        return None
    if error.code in DROP_PARENT_CODES:
        steps = paths.parse(error.path)
        return paths.format_path(steps[:-1]) if len(steps) > 1 else error.path
    return error.path


def repair(draft: Any, pack: RulePack, now: datetime | None = None) -> tuple[Doc, bool, list[Finding]]:
    """``(document to assess, whether the draft was valid, the draft's errors)``.

    Each round removes every offending value (deepest and last list positions first, so
    positions stay right) and validates again, until nothing is wrong. A draft that is not
    even an object is assessed as empty."""
    if not isinstance(draft, dict):
        return {fp.SCHEMA: SCHEMA_ID}, False, [Finding("", "not_object")]
    errors, _warnings = validate(draft, pack, now)
    if not errors:
        return draft, True, []
    found: list[Finding] = list(errors)
    work = copy.deepcopy(draft)
    for _round in range(MAX_REPAIR_ROUNDS):
        work[fp.SCHEMA] = SCHEMA_ID
        errors, _warnings = validate(work, pack, now)
        if not errors:
            return work, False, found
        found.extend(e for e in errors if e.code in CROSS_FIELD_CODES and e not in found)
        targets = {t for e in errors if (t := _removal_target(e)) is not None and t != fp.SCHEMA}
        # An ancestor's removal covers its descendants; remove each once, last first.
        outer = [t for t in targets if not any(o != t and paths.is_within(t, o) for o in targets)]
        removed = [paths.delete(work, t) for t in sorted(outer, key=paths.sort_key, reverse=True)]
        if not any(removed):
            break
    return {fp.SCHEMA: SCHEMA_ID}, False, found


# --- the assessment ---


def _assess_valid(doc: Doc, pack: RulePack, now: datetime, warnings: list[Finding], future_counts: bool = True) -> Assessment:
    result = grading.grade(doc, pack, now)  # D18: running durations count up to ``now``
    planned = obligations.plan(doc, pack, result.grade, now, future_counts=future_counts)
    found = list(warnings) + list(result.warnings)
    found.extend(obligations.discovery_warnings(doc, now))  # D1b
    for extra in (
        obligations.in_force_warning(doc, pack),  # D14, 第十四条
        obligations.cii_unknown_warning(doc, pack),  # D3a
        _pi_contradiction(doc),  # D16b
        obligations.voided_warning(doc),  # D17
    ):
        if extra is not None:
            found.append(extra)
    found.extend(obligations.submission_warnings(doc, pack, planned, now))  # D13a
    reportable = Reportable(grading.reportable(result.grade, pack))
    if reportable == Reportable.NO:
        if result.unknown_facts:
            found.append(Finding(fp.IMPACT, "general_with_unknowns", {"fields": FieldPaths(result.unknown_facts)}))
        found.append(Finding("", "general_other_laws"))
    return Assessment(
        doc=doc,
        now=now,
        grading=result,
        reportable=reportable,
        obligations=planned,
        escalations=obligations.escalations(planned, pack, result.grade),
        missing=completeness.missing(doc, pack, grade_known=result.grade != Grade.UNDETERMINED),
        warnings=found,
        projections=[] if doc.get(VOIDED_KEY) is not None else grading.projections(doc, pack, result.grade, now),
        validation_warnings=list(warnings),
        future_counts=future_counts,
    )


def _pi_contradiction(doc: Doc) -> Finding | None:
    """D16b: ``affected`` no beside a recorded leak: the fact wins, and the user is told."""
    count = personal_info_contradiction(doc)
    return None if count is None else Finding(fp.PERSONAL_INFO_AFFECTED, "pi_answer_contradicts_count", {"count": count})


def assess(draft: Any, pack: RulePack, now: datetime, *, future_counts: bool = False) -> Assessment:
    """The assessment of a draft or a stored incident, valid or not, at ``now``: as
    ``check`` does, a submission timed after ``now`` does not count yet (it is warned).
    ``future_counts`` is for the stored list columns, which must not depend on the clock."""
    doc, valid, errors = repair(draft, pack, now)
    _errors, warnings = validate(doc, pack)
    result = _assess_valid(doc, pack, now, warnings, future_counts=future_counts)
    if valid:
        return result
    return Assessment(**{**result.__dict__, "valid": False, "errors": errors})


def reassess(previous: Assessment, pack: RulePack, now: datetime) -> Assessment:
    """The same document assessed again at a later ``now`` (the 1 Hz tick once
    ``next_change`` has come, D18): the document is not validated or repaired again, as only
    time moved. For an edited document, call ``assess``."""
    result = _assess_valid(previous.doc, pack, now, previous.validation_warnings, future_counts=previous.future_counts)
    if previous.valid:
        return result
    return Assessment(**{**result.__dict__, "valid": False, "errors": previous.errors})


def check(data: Any, pack: RulePack, now: datetime) -> Assessment:
    """Strict: validate ``data`` (raises ``InvalidIncident`` naming every error) and assess it.

    Strict about time too (product.md §8.2): a submission timed after ``now`` does not count
    yet. ``assess`` warns about it but counts it, so that its statuses depend on ``now``
    only through pending/overdue (the store's list columns are computed once)."""
    doc, warnings = parse(data, pack, now)  # D18: a duration may not begin after ``now``
    return _assess_valid(doc, pack, now, warnings, future_counts=False)


# --- what comes next, and on time or not: law, so it lives here and not in the GUI ---


def next_report_kind(doc: Doc) -> ReportKind:
    """The report most likely needed next (第七条、第八条): 首报 before any submission, the
    summary once handling has ended and none was sent, a supplement otherwise."""
    submissions = [s for s in doc.get(fp.SUBMISSIONS) or [] if isinstance(s, dict)]
    reports = [s for s in submissions if s.get("kind") in REPORT_KINDS]
    if not reports:
        return ReportKind.INITIAL
    if doc.get(fp.HANDLING_ENDED_AT) and not any(s.get("kind") == ReportKind.SUMMARY for s in reports):
        return ReportKind.SUMMARY
    return ReportKind.SUPPLEMENT


def submission_verdicts(result: Assessment) -> dict[int, Status]:
    """For each submission (by its position) that answers a deadline, ``MET`` or ``LATE``:
    the first report to a recipient answers its hour deadline (D2), the first summary
    report the 30-day one (D7). Supplements and follow-ups answer none."""
    verdicts: dict[int, Status] = {}
    for o in result.obligations:
        if o.due is None or o.answered_by is None:
            continue
        verdicts[o.answered_by] = Status.MET if o.status == Status.MET else Status.LATE
    return verdicts


def channel_advice(obligation: Obligation, pack: RulePack, doc: Doc | None = None) -> ChannelAdvice:
    """第九条, D13 and D13b: the channels that reach ``obligation``'s recipient (``channels``,
    from the rule pack's one reach table); for a personal-information notice (D16) the means
    that count for it. ``doc`` names the recipients the user typed (a sector regulator, the
    PI-protection department) and the first-report recipients of the summary report."""
    doc = doc or {}
    kind = obligations.recipient_kind(pack, doc, obligation.id)
    reaching = obligations.reaching_channels(pack, doc, obligation.id)
    if obligation.id in (ObligationId.PI_AUTHORITY_NOTICE, ObligationId.PI_INDIVIDUAL_NOTICE):
        return ChannelAdvice((), direct=False, original=False, sector=False, not_by_12387=False, notice=reaching, channels=reaching)
    cyberspace = tuple(c for c in reaching if c.reaches in pack.channel_reach.values_reaching("cyberspace") and c.reaches not in _reach_all(pack))
    authority = kind == "authority"
    if obligation.sector:
        return ChannelAdvice(cyberspace, direct=False, original=False, sector=True, not_by_12387=authority, channels=reaching)
    if obligation.id == ObligationId.SUMMARY_REPORT:  # 第八条 按原渠道: the channels that reach are in ``channels``
        return ChannelAdvice((), direct=False, original=True, sector=False, not_by_12387=authority, channels=reaching)
    return ChannelAdvice(cyberspace, direct=authority, original=False, sector=False, not_by_12387=authority, channels=reaching)


def _reach_all(pack: RulePack) -> tuple[str, ...]:
    """The ``reaches`` values that reach every kind of recipient (in person, telephone…)."""
    table = pack.channel_reach
    return tuple(v for v, kinds in table.reaches.items() if {"cyberspace", "authority", "individuals"} <= set(kinds))


def obligation_channels(obligation_id: str, doc: Doc, pack: RulePack) -> tuple[Channel, ...]:
    """D13b: the channels that reach an obligation's recipient (the review page, the card,
    the worksheet): only those; a submission through any other does not count (D13a)."""
    return obligations.reaching_channels(pack, doc, obligation_id)


def submission_channels(kind: str, pack: RulePack) -> tuple[Channel, ...]:
    """The channels a submission of ``kind`` can go by (D13b): notices to individuals by
    the channels that reach individuals (网络数据安全管理条例第十一条), reports by those that
    reach an authority or a 网信部门 (第九条)."""
    table = pack.channel_reach
    if kind == ReportKind.NOTICE:
        values = table.values_reaching("individuals")
    else:
        values = tuple(dict.fromkeys(table.values_reaching("cyberspace") + table.values_reaching("authority")))
    return tuple(c for c in pack.channels if c.reaches in values)


def notice_channels(obligation_id: str, doc: Doc, pack: RulePack) -> tuple[Channel, ...]:
    """The channels a personal-information notice can go by (D16, D13b): to individuals by
    the means of 网络数据安全管理条例第十一条 and any the user names; to the department by
    those that reach it (12387 only when the department named is a 网信部门)."""
    return obligations.reaching_channels(pack, doc, obligation_id)


def cii_channel_caution(result: Assessment) -> bool:
    """D13: say that 12387 cannot replace the report to the CII recipients."""
    return involves_cii(result.doc)


def open_deadlines(result: Assessment) -> list[Obligation]:
    """Obligations whose countdown runs, nearest first."""
    timed = [o for o in result.obligations if o.has_clock and o.due is not None]
    return sorted(timed, key=lambda o: o.due)  # type: ignore[arg-type,return-value]


def summary_days(pack: RulePack) -> int:
    """第八条, D7: the days after handling ends within which the summary report is due."""
    days = pack.obligation(ObligationId.SUMMARY_REPORT).days
    assert days is not None  # the pack's loader requires it
    return days


# --- the third edition's answers for every caller (D1b, D11a, D18) ---


def discovery_problem(discovered_at: datetime | None, now: datetime, lang: str = "zh") -> str | None:
    """D1b (D1a, 第四条): the one rule for a discovery time a user enters. A time later than
    ``now`` beyond 2 minutes of clock skew is refused: the message to show, in ``lang``;
    None when it may be recorded (including an unknown time)."""
    if discovered_at is None or obligations.discovery_code(discovered_at, now) != "discovery_in_future":
        return None
    return text("discovery_refused_future", lang, value=display_beijing(discovered_at), now=display_beijing(now))


def discovery_warning(discovered_at: datetime | None, now: datetime, lang: str = "zh") -> str | None:
    """D1b: the caution for a discovery time accepted with a warning (more than 30 days
    before ``now``), in ``lang``; None otherwise."""
    if discovered_at is None or obligations.discovery_code(discovered_at, now) != "discovery_long_ago":
        return None
    finding = Finding(fp.DISCOVERED_AT, "discovery_long_ago", {"value": display_beijing(discovered_at), "days": DISCOVERY_LONG_AGO_DAYS})
    return finding.message(lang)


def has_running_duration(doc: Any) -> bool:
    """D18: a duration (outage, defacement) has begun and not ended, and no minutes were
    typed for it: the grade may change as time passes. Cheap: no grading."""
    if not isinstance(doc, dict) or doc.get(VOIDED_KEY) is not None:
        return False
    for duration in fields.DURATIONS:
        started = get(doc, duration.started) if isinstance(doc.get(fp.IMPACT), dict) else None
        if isinstance(started, str) and get(doc, duration.ended) is None and get(doc, duration.minutes) is None:
            return True
    return False


def next_change(result: Assessment) -> datetime | None:
    """The next moment after ``result.now`` at which the assessment can change by time
    alone: the earliest projection (D18: a running duration reaches a higher grade) or the
    second after an open due time (pending turns overdue). None when nothing is timed. The
    GUI recomputes an incident when its 1 Hz tick reaches this moment, not on every tick."""
    moments = [p.at for p in result.projections]
    now = whole_second(result.now)
    moments += [o.due + timedelta(seconds=1) for o in result.obligations if o.has_clock and o.due is not None and o.due >= now]
    return min(moments) if moments else None


def recompute_due(watch: Mapping[str, datetime | None], now: datetime) -> list[str]:
    """Of ``{incident id: next_change}``, the ids whose moment has come at ``now`` (the
    tick's whole work when nothing crosses: one comparison per watched incident)."""
    return [incident_id for incident_id, at in watch.items() if at is not None and at <= now]


def _clock(at: datetime, now: datetime, lang: str) -> str:
    """Beijing time of ``at``: the time of day when it falls on ``now``'s day, else with the date."""
    local, today = beijing(at), beijing(now)
    time_text = local.strftime("%H:%M") if local.second == 0 else local.strftime("%H:%M:%S")
    if local.date() == today.date():
        return time_text
    return f"{local.month}月{local.day}日 {time_text}" if lang != "en" else f"{local.strftime('%Y-%m-%d')} {time_text}"


def projection_sentence(result: Assessment, pack: RulePack, lang: str = "zh", projection: Projection | None = None) -> str | None:
    """D18 in plain words for the earliest projection (or ``projection``): 「若首页篡改内容仍
    未清除，北京时间 14:40 起为较大事件，须在 18:10 前报告」. The report is due by the
    earliest open hour deadline, which runs from discovery (D1, D4), not from the
    threshold; None when nothing running can raise the grade."""
    chosen = projection or (result.projections[0] if result.projections else None)
    if chosen is None:
        return None
    grade = pack.grade(chosen.grade)
    at = _clock(chosen.at, result.now, lang)
    dues = [o.due for o in result.obligations if o.hours is not None and o.due is not None and o.statutory and o.status != Status.VOIDED]
    if o_due := (min(dues) if dues else None):
        reportable = pack.rank(chosen.grade) >= pack.rank(pack.reportable_from)
        tail = text("projection_report_by", lang, due=_clock(o_due, result.now, lang)) if reportable else ""
        return text("projection", lang, condition=chosen.duration.running(lang), at=at, grade=grade.name, grade_en=grade.name_en, tail=tail)
    return text("projection", lang, condition=chosen.duration.running(lang), at=at, grade=grade.name, grade_en=grade.name_en, tail="")


def projections_due(watch: Iterable[tuple[str, Projection]], now: datetime) -> list[tuple[str, Projection]]:
    """The projections (by incident id) whose moment has come at ``now``."""
    return [(incident_id, p) for incident_id, p in watch if p.at <= now]
