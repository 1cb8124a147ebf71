"""Computes the reporting obligations an incident creates, their due times and
statuses, and the authorities' onward escalations, from the rule pack.

- D1/D2: an N-hour clock starts at ``discovered_at``; ``due = discovered_at + N h`` to the
  second; a report is on time if ``submitted_at <= due``.
- D3: CII → 保护工作部门 + 公安机关; central/state organ → 本部门网信工作机构; only if
  neither → 属地省级网信部门. CII and central organ together keep both.
- D4: the clocks run whatever the grade; for 一般 the Measures' obligations read
  ``not_required`` (police and sector duties stay: they do not depend on the annex grade).
- D5: escalations are information for 重大 and above, never the operator's countdown.
- D7: the summary report is due at the end of the 30th day after ``handling_ended_at``.
- D8/D9: 报案 has no hours; sector obligations carry their own hours.
Does not read the clock: ``now`` is a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from core.incident import Doc, get, instant, involves_cii
from core.rules import ObligationRule, RulePack
from core.timeutil import end_of_day_after, iso_beijing
from core.vocab import CLOCK_STATUSES, Grade, ReportKind, Status, sector_id


@dataclass(frozen=True)
class Obligation:
    id: str
    recipient: str
    basis: str
    hours: float | None
    days: int | None
    due: datetime | None
    status: Status
    submitted_at: datetime | None
    statutory: bool
    sector: bool = False
    note: str | None = None
    answered_by: int | None = None  # position of the submission that counts for it

    @property
    def countdown(self) -> bool:
        """True for an hours-based duty (it has a clock once discovery is known)."""
        return self.hours is not None

    @property
    def has_clock(self) -> bool:
        """True when a countdown applies (a due time and still open)."""
        return self.due is not None and self.status in CLOCK_STATUSES

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "recipient": self.recipient,
            "basis": self.basis,
            "hours": _number(self.hours),
            "days": self.days,
            "due": iso_beijing(self.due) if self.due else None,
            "status": str(self.status),
            "submitted_at": iso_beijing(self.submitted_at) if self.submitted_at else None,
        }


@dataclass(frozen=True)
class EscalationInfo:
    by: str
    to: str
    within_minutes: int
    basis: str

    def as_json(self) -> dict[str, Any]:
        return {"by": self.by, "to": self.to, "within_minutes": self.within_minutes, "basis": self.basis}


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def applicable_rules(doc: Doc, pack: RulePack) -> list[ObligationRule]:
    """D3, D8 and the summary report: which of the pack's obligations apply."""
    cii = involves_cii(doc)
    central = get(doc, "reporter.category") == "central_state_organ"
    chosen = []
    for rule in pack.obligations:
        applies = {
            "involves_cii": cii,
            "central_state_organ": central,
            "otherwise": not cii and not central,
            "crime_suspected": doc.get("crime_suspected") is True,
            "always": True,
        }[rule.when]
        if applies:
            chosen.append(rule)
    return chosen


def _first_submission(doc: Doc, obligation_id: str, summary: bool) -> tuple[datetime | None, int | None]:
    """The earliest submission that counts for an obligation, and its position. A summary
    report counts for ``summary_report`` whatever obligation it was recorded against
    (第八条: 原渠道)."""
    found: list[tuple[datetime, int]] = []
    for index, sub in enumerate(doc.get("submissions") or []):
        if summary:
            counts = sub["obligation"] == obligation_id or sub["kind"] == ReportKind.SUMMARY
        else:
            counts = sub["obligation"] == obligation_id and sub["kind"] != ReportKind.SUMMARY
        if counts:
            at = instant(sub, "submitted_at")
            if at is not None:
                found.append((at, index))
    if not found:
        return None, None
    at, index = min(found)
    return at, index


def _after(start: datetime | None, hours: float | None) -> datetime | None:
    """D2: ``start + hours``; None when either is unknown or the sum lies beyond the
    calendar (a year-9999 discovery, a sector rule of 10⁹ hours: the validator names those)."""
    if start is None or hours is None:
        return None
    try:
        return start + timedelta(hours=hours)
    except (OverflowError, ValueError):
        return None


def _status(due: datetime | None, submitted: datetime | None, now: datetime, timed: bool) -> Status:
    if not timed:
        return Status.DONE if submitted else Status.OPEN
    if due is None:
        return Status.DONE if submitted else Status.PENDING
    if submitted is not None:
        return Status.MET if submitted <= due else Status.LATE
    return Status.PENDING if now <= due else Status.OVERDUE


def plan(doc: Doc, pack: RulePack, grade_id: str, now: datetime) -> list[Obligation]:
    """Every obligation of ``doc`` at ``now``, in the pack's order, then sector ones."""
    discovered = instant(doc, "discovered_at")
    not_required = grade_id != Grade.UNDETERMINED and pack.rank(grade_id) < pack.rank(pack.reportable_from)
    result = []
    for rule in applicable_rules(doc, pack):
        recipient = rule.recipient
        detail = get(doc, rule.recipient_detail_field) if rule.recipient_detail_field else None
        if isinstance(detail, str) and detail.strip():
            recipient = f"{rule.recipient}（{detail.strip()}）"
        is_summary = rule.days is not None
        submitted, answered_by = _first_submission(doc, rule.id, summary=is_summary)
        if is_summary:
            assert rule.days is not None
            ended = instant(doc, "handling_ended_at")
            try:
                due = end_of_day_after(ended, rule.days, pack.summary_rule.day_end) if ended else None
            except (OverflowError, ValueError):
                due = None
            if not_required and rule.statutory:
                status = Status.NOT_REQUIRED
            elif ended is None:
                status = Status.DONE if submitted else Status.WAITING
            else:
                status = _status(due, submitted, now, timed=True)
        else:
            due = _after(discovered, rule.hours)
            if not_required and rule.statutory:
                status = Status.NOT_REQUIRED
            else:
                status = _status(due, submitted, now, timed=rule.hours is not None)
        result.append(Obligation(rule.id, recipient, rule.basis, rule.hours, rule.days, due, status, submitted, rule.statutory, answered_by=answered_by))

    for n, sector in enumerate(doc.get("sector_obligations") or [], start=1):
        oid = sector_id(n)
        hours = sector.get("hours")
        due = _after(discovered, hours)
        submitted, answered_by = _first_submission(doc, oid, summary=False)
        result.append(
            Obligation(
                oid,
                sector["recipient"],
                pack.sector_basis,
                hours,
                None,
                due,
                _status(due, submitted, now, timed=hours is not None),
                submitted,
                statutory=False,
                sector=True,
                note=sector.get("note"),
                answered_by=answered_by,
            )
        )
    return result


def escalations(obligations: list[Obligation], pack: RulePack, grade_id: str) -> list[EscalationInfo]:
    """D5: the recipients' onward deadlines for 重大 and above, as information."""
    if grade_id == Grade.UNDETERMINED:
        return []
    ids = {o.id for o in obligations}
    return [EscalationInfo(e.by, e.to, e.within_minutes, e.basis) for e in pack.escalations if e.after in ids and pack.rank(grade_id) >= pack.rank(e.min_grade)]


def next_due(obligations: list[Obligation]) -> Obligation | None:
    """The open obligation with the nearest due time (for lists and the tray)."""
    timed = [o for o in obligations if o.has_clock and o.due is not None]
    return min(timed, key=lambda o: o.due) if timed else None  # type: ignore[arg-type,return-value]
