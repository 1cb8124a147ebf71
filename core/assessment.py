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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core import completeness, grading, obligations, paths
from core.grading import GradeResult
from core.incident import SCHEMA_ID, Doc, involves_cii, parse, validate
from core.messages import FieldPaths, Finding
from core.obligations import EscalationInfo, Obligation
from core.rules import Channel, RulePack
from core.vocab import REPORT_KINDS, Grade, ObligationId, Reportable, ReportKind, Status
from core.vocab import Channel as ChannelId

MAX_REPAIR_ROUNDS = 50
# Errors that only show once the document's shape is sound (a repair round may reveal them).
CROSS_FIELD_CODES = frozenset({"occurred_after_discovered", "ended_before_discovered", "subclass_mismatch", "subclass_unknown", "obligation_unknown"})
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
        }


# --- repair: one way for every caller ---


def _removal_target(error: Finding) -> str | None:
    if not error.path:
        return None
    if error.code in DROP_PARENT_CODES:
        steps = paths.parse(error.path)
        return paths.format_path(steps[:-1]) if len(steps) > 1 else error.path
    return error.path


def repair(draft: Any, pack: RulePack) -> tuple[Doc, bool, list[Finding]]:
    """``(document to assess, whether the draft was valid, the draft's errors)``.

    Each round removes every offending value (deepest and last list positions first, so
    positions stay right) and validates again, until nothing is wrong. A draft that is not
    even an object is assessed as empty."""
    if not isinstance(draft, dict):
        return {"schema": SCHEMA_ID}, False, [Finding("", "not_object")]
    errors, _warnings = validate(draft, pack)
    if not errors:
        return draft, True, []
    found: list[Finding] = list(errors)
    work = copy.deepcopy(draft)
    for _round in range(MAX_REPAIR_ROUNDS):
        work["schema"] = SCHEMA_ID
        errors, _warnings = validate(work, pack)
        if not errors:
            return work, False, found
        found.extend(e for e in errors if e.code in CROSS_FIELD_CODES and e not in found)
        targets = {t for e in errors if (t := _removal_target(e)) is not None and t != "schema"}
        # An ancestor's removal covers its descendants; remove each once, last first.
        outer = [t for t in targets if not any(o != t and paths.is_within(t, o) for o in targets)]
        removed = [paths.delete(work, t) for t in sorted(outer, key=paths.sort_key, reverse=True)]
        if not any(removed):
            break
    return {"schema": SCHEMA_ID}, False, found


# --- the assessment ---


def _assess_valid(doc: Doc, pack: RulePack, now: datetime, warnings: list[Finding], future_counts: bool = True) -> Assessment:
    result = grading.grade(doc, pack)
    planned = obligations.plan(doc, pack, result.grade, now, future_counts=future_counts)
    found = list(warnings) + list(result.warnings)
    before = obligations.in_force_warning(doc, pack)  # D14, 第十四条
    if before is not None:
        found.append(before)
    found.extend(obligations.submission_warnings(doc, pack, planned, now))  # D13a
    reportable = Reportable(grading.reportable(result.grade, pack))
    if reportable == Reportable.NO:
        if result.unknown_facts:
            found.append(Finding("impact", "general_with_unknowns", {"fields": FieldPaths(result.unknown_facts)}))
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
    )


def assess(draft: Any, pack: RulePack, now: datetime, *, future_counts: bool = False) -> Assessment:
    """The assessment of a draft or a stored incident, valid or not, at ``now``: as
    ``check`` does, a submission timed after ``now`` does not count yet (it is warned).
    ``future_counts`` is for the stored list columns, which must not depend on the clock."""
    doc, valid, errors = repair(draft, pack)
    _errors, warnings = validate(doc, pack)
    result = _assess_valid(doc, pack, now, warnings, future_counts=future_counts)
    if valid:
        return result
    return Assessment(**{**result.__dict__, "valid": False, "errors": errors})


def check(data: Any, pack: RulePack, now: datetime) -> Assessment:
    """Strict: validate ``data`` (raises ``InvalidIncident`` naming every error) and assess it.

    Strict about time too (product.md §8.2): a submission timed after ``now`` does not count
    yet. ``assess`` warns about it but counts it, so that its statuses depend on ``now``
    only through pending/overdue (the store's list columns are computed once)."""
    doc, warnings = parse(data, pack)
    return _assess_valid(doc, pack, now, warnings, future_counts=False)


# --- what comes next, and on time or not: law, so it lives here and not in the GUI ---


def next_report_kind(doc: Doc) -> ReportKind:
    """The report most likely needed next (第七条、第八条): 首报 before any submission, the
    summary once handling has ended and none was sent, a supplement otherwise."""
    submissions = [s for s in doc.get("submissions") or [] if isinstance(s, dict)]
    reports = [s for s in submissions if s.get("kind") in REPORT_KINDS]
    if not reports:
        return ReportKind.INITIAL
    if doc.get("handling_ended_at") and not any(s.get("kind") == ReportKind.SUMMARY for s in reports):
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
    """第九条 and D13: the channels that fit ``obligation``; for a personal-information notice
    (D16) the means that count for it (``doc`` names the department it goes to)."""
    rule = pack.channel_rule
    if obligation.id in (ObligationId.PI_AUTHORITY_NOTICE, ObligationId.PI_INDIVIDUAL_NOTICE):
        return ChannelAdvice((), direct=False, original=False, sector=False, not_by_12387=False, notice=notice_channels(obligation.id, doc or {}, pack))
    cyberspace = tuple(c for c in pack.channels if c.reaches == "cyberspace")
    if obligation.id in rule.cyberspace_obligations:
        return ChannelAdvice(cyberspace, direct=False, original=False, sector=False, not_by_12387=False)
    if obligation.id in rule.not_for_cyberspace_channels:
        return ChannelAdvice((), direct=True, original=False, sector=False, not_by_12387=True)
    if obligation.sector:
        return ChannelAdvice((), direct=False, original=False, sector=True, not_by_12387=False)
    return ChannelAdvice((), direct=False, original=obligation.id == ObligationId.SUMMARY_REPORT, sector=False, not_by_12387=False)


def submission_channels(kind: str, pack: RulePack) -> tuple[Channel, ...]:
    """The channels a submission of ``kind`` can go by: notices to individuals by the means
    of 网络数据安全管理条例第十一条 (D16), reports by the others (第九条)."""
    for_individuals = kind == ReportKind.NOTICE
    return tuple(
        c
        for c in pack.channels
        if (c.reaches == "individuals") == for_individuals or (for_individuals and c.id in (ChannelId.PHONE, ChannelId.EMAIL_OTHER, ChannelId.OTHER))
    )


def notice_channels(obligation_id: str, doc: Doc, pack: RulePack) -> tuple[Channel, ...]:
    """The channels a personal-information notice can go by (D16): to individuals by the
    means of 网络数据安全管理条例第十一条; to the department by those that reach it (12387
    only when the department named is a 网信部门)."""
    if obligation_id == ObligationId.PI_INDIVIDUAL_NOTICE:
        return submission_channels(ReportKind.NOTICE, pack)
    reached = obligations.reached_by(pack, doc, obligation_id)
    return tuple(c for c in pack.channels if c.reaches in reached)


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
