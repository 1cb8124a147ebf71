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
- D2a: ``now`` and every due time are kept to the whole second.
- D4a: for 一般 the police and sector duties stay open and carry the pack's reason.
- D13a: a submission through a channel that cannot reach the recipient (the pack's
  ``reached_by``) does not count; nor, yet, one timed after ``now``. Each is listed on the
  obligation and warned, as is a submission against an obligation that does not apply.
- D16: personal information leaked or possibly leaked adds the two notices of
  个人信息保护法第五十七条 whatever the grade; the individual notice may be waived with a
  written reason; 12387 channels reach the PI department only when it is a 网信部门.
- D14: a discovery before the Measures' ``in_force`` date is warned (第十四条).
- D1b: a discovery time later than ``now`` (beyond the clock skew) or long before it
  (``DISCOVERY_LONG_AGO_DAYS``) is warned; an unknown one leaves ``due`` null, pending.
- D3a: ``involves_cii`` unknown: D3 (b)/(c) apply and a warning gives the 1-hour duty.
- D7b: a summary report recorded before ``handling_ended_at`` is known is ``met``, warned.
- D13b: which channel reaches which recipient is the rule pack's one ``channel_reach``
  table, for counting submissions, for the warnings and for the channels each duty offers.
- D16a/D16b: one number of people whose personal information leaked; a recorded leak
  wins over an answer of "no".
- D17: a voided incident's open duties are ``voided`` (no countdown, no reminder).
Does not read the clock: ``now`` is a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from core import field_paths as fp
from core.incident import (
    DISCOVERY_LONG_AGO_DAYS,
    FUTURE_SKEW_SECONDS,
    NOTICE_CHANNELS,
    VOIDED_KEY,
    Doc,
    get,
    instant,
    involves_cii,
    personal_info_affected,
    written_reason,
)
from core.messages import Finding
from core.rules import NAMED, ORIGINAL, SECTOR_KEY, Channel, ObligationRule, RulePack
from core.text import pick
from core.timeutil import BEIJING, display_beijing, end_of_day_after, iso_beijing, parse_date, past_due, whole_second
from core.vocab import CLOCK_STATUSES, OPEN_STATUSES, SECTOR_PREFIX, Grade, ObligationId, ReportKind, Status, is_sector, sector_id

# Why a submission recorded against an obligation does not count for it.
CHANNEL_DOES_NOT_REACH = "channel_does_not_reach"  # D13a
AFTER_NOW = "after_now"  # timed after ``now``: not yet made


@dataclass(frozen=True)
class Ignored:
    """A submission (by position) that would answer an obligation but does not count."""

    index: int
    why: str

    def as_json(self) -> dict[str, Any]:
        return {"index": self.index, "counts": False, "why": self.why}


@dataclass(frozen=True)
class Obligation:
    """One reporting duty of an incident: recipient, basis, due time and status at ``now``."""

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
    ignored: tuple[Ignored, ...] = ()  # submissions recorded for it that do not count (D13a)
    reason: str | None = None  # D4a: why it stays open for a 一般 incident
    reason_en: str | None = None
    waived_reason: str | None = None  # D16: why the individual notice is not given

    @property
    def countdown(self) -> bool:
        """True for an hours-based duty (it has a clock once discovery is known)."""
        return self.hours is not None

    @property
    def has_clock(self) -> bool:
        """True when a countdown applies (a due time and still open)."""
        return self.due is not None and self.status in CLOCK_STATUSES

    @property
    def reported(self) -> bool:
        """A submission answered it, on time or late (``submitted_at`` says when)."""
        return self.status in (Status.MET, Status.LATE)

    @property
    def waived(self) -> bool:
        """D16: the individuals are not notified, with the written reason."""
        return self.status == Status.WAIVED

    @property
    def awaited(self) -> bool:
        """Still to be done, with no clock of hours (立即 for the personal-information notices, D16)."""
        return self.status == Status.OPEN

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "recipient": self.recipient,
            "basis": self.basis,
            "hours": _number(self.hours),
            "days": self.days,
            "due": iso_beijing(self.due) if self.due else None,
            "status": str(self.status),
            "submitted_at": iso_beijing(self.submitted_at) if self.submitted_at else None,
        }
        if self.reason:
            out["reason"] = pick(self.reason, self.reason_en, lang)
        if self.waived_reason:
            out["waived_reason"] = self.waived_reason
        if self.ignored:
            out["ignored_submissions"] = [i.as_json() for i in self.ignored]
        return out


@dataclass(frozen=True)
class EscalationInfo:
    """The recipient's own onward deadline (for information, not the operator's)."""

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
    central = get(doc, fp.REPORTER_CATEGORY) == "central_state_organ"
    chosen = []
    for rule in pack.obligations:
        applies = {
            fp.INVOLVES_CII: cii,
            "central_state_organ": central,
            "otherwise": not cii and not central,
            fp.CRIME_SUSPECTED: doc.get(fp.CRIME_SUSPECTED) is True,
            "personal_info_affected": personal_info_affected(doc),  # D16, whatever the grade
            "always": True,
        }[rule.when]
        if applies:
            chosen.append(rule)
    return chosen


def _reaches(pack: RulePack, channel: Any) -> str | None:
    """The ``reaches`` of a submission's channel; None when no channel is recorded."""
    if channel is None:
        return None
    for c in pack.channels:
        if c.id == channel:
            return c.reaches
    return "individuals" if channel in NOTICE_CHANNELS else None


def recipient_kind(pack: RulePack, doc: Doc, obligation_id: str) -> str | None:
    """D13b: whom an obligation's report reaches: ``cyberspace`` (a 网信部门), ``authority``
    (any other body) or ``individuals``; None for an id the pack does not know.

    A recipient the user names (``sector_<n>``, the PI-protection department) is a 网信部门
    when its name contains 网信 or 互联网信息办公室; the summary report goes 按原渠道
    (第八条), to a 网信部门 only when every first-report recipient of the incident is one."""
    table = pack.channel_reach
    kind = table.recipients.get(SECTOR_KEY if is_sector(obligation_id) else obligation_id)
    if kind == NAMED:
        return "cyberspace" if table.is_cyberspace_name(_named_recipient(pack, doc, obligation_id)) else "authority"
    if kind == ORIGINAL:
        first = [r.id for r in applicable_rules(doc, pack) if r.hours is not None and r.statutory]
        kinds = {table.recipients.get(oid) for oid in first}
        return "cyberspace" if kinds == {"cyberspace"} else "authority"
    return kind


def _named_recipient(pack: RulePack, doc: Doc, obligation_id: str) -> object:
    if is_sector(obligation_id):
        sectors = doc.get(fp.SECTOR_OBLIGATIONS) or []
        suffix = obligation_id.removeprefix(SECTOR_PREFIX)
        n = int(suffix) if suffix.isdigit() else 0
        return sectors[n - 1].get("recipient") if 0 < n <= len(sectors) and isinstance(sectors[n - 1], dict) else None
    for rule in pack.obligations:
        if rule.id == obligation_id and rule.recipient_detail_field:
            return get(doc, rule.recipient_detail_field)
    return None


def reached_by(pack: RulePack, doc: Doc, obligation_id: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
    """D13b: the channel ``reaches`` values that count for an obligation of ``doc``."""
    kind = recipient_kind(pack, doc, obligation_id)
    return default if kind is None else pack.channel_reach.values_reaching(kind)


def reaching_channels(pack: RulePack, doc: Doc, obligation_id: str) -> tuple[Channel, ...]:
    """D13b: the channels of the pack that reach an obligation's recipient, in the pack's
    order (the police: in person, telephone, e-mail, a letter; never SMS, IM or a notice)."""
    values = reached_by(pack, doc, obligation_id)
    return tuple(c for c in pack.channels if c.reaches in values)


def _waiver(doc: Doc, rule: ObligationRule) -> str | None:
    """D16 (第五十七条第二款): the written reason a duty is waived, or None."""
    waived = get(doc, rule.waived_field) if rule.waived_field else None
    reason = waived.get("reason") if isinstance(waived, dict) else None
    return reason.strip() if isinstance(reason, str) and written_reason(reason) else None  # D11a


def _first_submission(
    doc: Doc, pack: RulePack, obligation_id: str, summary: bool, default_reached: tuple[str, ...], now: datetime | None
) -> tuple[datetime | None, int | None, tuple[Ignored, ...]]:
    """The earliest submission that counts for an obligation, its position, and the ones
    recorded for it that do not count. A summary report counts for ``summary_report``
    whatever obligation it was recorded against (第八条: 原渠道), through a channel that
    reaches that obligation's recipient. D13a: a channel that cannot reach the recipient
    does not count; nor does a submission timed after ``now`` (unless ``now`` is None)."""
    found: list[tuple[datetime, int]] = []
    ignored: list[Ignored] = []
    for index, sub in enumerate(doc.get(fp.SUBMISSIONS) or []):
        if summary:
            counts = sub["obligation"] == obligation_id or sub["kind"] == ReportKind.SUMMARY
        else:
            counts = sub["obligation"] == obligation_id and sub["kind"] != ReportKind.SUMMARY
        if not counts:
            continue
        at = instant(sub, "submitted_at")
        if at is None:
            continue
        reaches = _reaches(pack, sub.get("channel"))
        # D13b: a summary report must reach the summary's own recipients (按原渠道).
        target = obligation_id if summary else sub["obligation"]
        if reaches is not None and reaches not in reached_by(pack, doc, target, default_reached):
            ignored.append(Ignored(index, CHANNEL_DOES_NOT_REACH))
        elif now is not None and at > now:
            ignored.append(Ignored(index, AFTER_NOW))
        else:
            found.append((at, index))
    if not found:
        return None, None, tuple(ignored)
    at, index = min(found)
    return at, index, tuple(ignored)


def _after(start: datetime | None, hours: float | None) -> datetime | None:
    """D2: ``start + hours``; None when either is unknown or the sum lies beyond the
    calendar (a year-9999 discovery, a sector rule of 10⁹ hours: the validator names those)."""
    if start is None or hours is None:
        return None
    try:
        return whole_second(start + timedelta(hours=hours))  # D2a
    except (OverflowError, ValueError):
        return None


def _status(due: datetime | None, submitted: datetime | None, now: datetime, timed: bool) -> Status:
    if not timed:
        return Status.DONE if submitted else Status.OPEN
    if due is None:
        # D1b, D7b: no due time it could be late against: a report made is met.
        return Status.MET if submitted else Status.PENDING
    if submitted is not None:
        return Status.MET if submitted <= due else Status.LATE
    return Status.OVERDUE if past_due(due, now) else Status.PENDING


def plan(doc: Doc, pack: RulePack, grade_id: str, now: datetime, future_counts: bool = False) -> list[Obligation]:
    """Every obligation of ``doc`` at ``now``, in the pack's order, then sector ones.

    A submission timed after ``now`` has not been made yet and does not count, unless
    ``future_counts`` (statuses then depend on ``now`` only through pending/overdue, as the
    store's list columns need); it is warned either way (``submission_warnings``)."""
    now = whole_second(now)  # D2a
    cutoff = None if future_counts else now
    discovered = instant(doc, fp.DISCOVERED_AT)
    voided = doc.get(VOIDED_KEY) is not None  # D17
    not_required = grade_id != Grade.UNDETERMINED and pack.rank(grade_id) < pack.rank(pack.reportable_from)
    result = []
    for rule in applicable_rules(doc, pack):
        recipient = rule.recipient
        detail = get(doc, rule.recipient_detail_field) if rule.recipient_detail_field else None
        if isinstance(detail, str) and detail.strip():
            recipient = f"{rule.recipient}（{detail.strip()}）"
        is_summary = rule.days is not None
        submitted, answered_by, ignored = _first_submission(doc, pack, rule.id, is_summary, rule.reached_by, cutoff)
        if is_summary:
            assert rule.days is not None
            ended = instant(doc, fp.HANDLING_ENDED_AT)
            try:
                due = end_of_day_after(ended, rule.days, pack.summary_rule.day_end) if ended else None
            except (OverflowError, ValueError):
                due = None
            if not_required and rule.statutory:
                status = Status.NOT_REQUIRED
            elif ended is None:
                status = Status.MET if submitted else Status.WAITING  # D7b: never ``done``
            else:
                status = _status(due, submitted, now, timed=True)
        else:
            due = _after(discovered, rule.hours)
            if not_required and rule.statutory:
                status = Status.NOT_REQUIRED
            else:
                status = _status(due, submitted, now, timed=rule.hours is not None)
        waived = _waiver(doc, rule)
        if waived is not None and submitted is None:
            status = Status.WAIVED  # D16: the card keeps a way back (the authority may demand the notice)
        if voided and status in OPEN_STATUSES:
            status = Status.VOIDED  # D17 (第十一条): met, late, done, waived and not_required stay
        # D4a: for 一般, a duty that rests on another rule (第四条第五款) stays open and says why.
        reason, reason_en = (rule.general_reason, rule.general_reason_en) if not_required and not rule.statutory else (None, None)
        result.append(
            Obligation(
                rule.id,
                recipient,
                rule.basis,
                rule.hours,
                rule.days,
                due,
                status,
                submitted,
                rule.statutory,
                answered_by=answered_by,
                ignored=ignored,
                reason=reason,
                reason_en=reason_en,
                waived_reason=waived if status == Status.WAIVED else None,
            )
        )

    for n, sector in enumerate(doc.get(fp.SECTOR_OBLIGATIONS) or [], start=1):
        oid = sector_id(n)
        hours = sector.get("hours")
        due = _after(discovered, hours)
        submitted, answered_by, ignored = _first_submission(doc, pack, oid, False, pack.sector_reached_by, cutoff)
        status = _status(due, submitted, now, timed=hours is not None)
        if voided and status in OPEN_STATUSES:
            status = Status.VOIDED  # D17
        result.append(
            Obligation(
                oid,
                sector["recipient"],
                pack.sector_basis,
                hours,
                None,
                due,
                status,
                submitted,
                statutory=False,
                sector=True,
                note=sector.get("note"),
                answered_by=answered_by,
                ignored=ignored,
                # D4a: sector rules (第四条第四款) do not depend on the annex grade.
                reason=pack.sector_general_reason if not_required else None,
                reason_en=pack.sector_general_reason_en if not_required else None,
            )
        )
    return result


def _channel_names(pack: RulePack, channel: str) -> dict[str, str]:
    found = next((c for c in pack.channels if c.id == channel), None)
    return {"channel": found.name, "channel_en": found.name_en or found.name} if found else {"channel": channel, "channel_en": channel}


def _recipient_names(pack: RulePack, obligation_id: str, recipient: str | None = None) -> dict[str, str]:
    rule = next((r for r in pack.obligations if r.id == obligation_id), None)
    zh = recipient or (rule.recipient if rule else obligation_id)
    return {"recipient": zh, "recipient_en": rule.recipient_en if rule else zh}


def submission_warnings(doc: Doc, pack: RulePack, obligations: list[Obligation], now: datetime) -> list[Finding]:
    """One warning per submission that counts for nothing it was meant to answer (D13a):
    through a channel that cannot reach the recipient, timed after ``now``, or recorded
    against an obligation that does not apply to this incident."""
    now = whole_second(now)
    by_id = {o.id: o for o in obligations}
    warned: set[int] = set()
    found: list[Finding] = []
    for o in obligations:
        for ignored in o.ignored:
            if ignored.why != CHANNEL_DOES_NOT_REACH or ignored.index in warned:
                continue
            warned.add(ignored.index)
            sub = doc[fp.SUBMISSIONS][ignored.index]
            # 第四条、第九条: only a channel that reaches the recipient discharges the duty.
            target = by_id.get(sub["obligation"], o)
            params = {"n": ignored.index + 1, **_channel_names(pack, sub["channel"]), **_recipient_names(pack, target.id, target.recipient)}
            found.append(Finding(f"submissions[{ignored.index}].channel", "channel_does_not_reach", params))
    summary = by_id.get(ObligationId.SUMMARY_REPORT)
    if summary is not None and summary.submitted_at is not None and instant(doc, fp.HANDLING_ENDED_AT) is None:
        found.append(Finding(fp.HANDLING_ENDED_AT, "handling_end_missing"))  # D7b (第八条)
    for index, sub in enumerate(doc.get(fp.SUBMISSIONS) or []):
        at = instant(sub, "submitted_at")
        if at is not None and at > now:
            found.append(Finding(f"submissions[{index}].submitted_at", "submission_in_future", {"n": index + 1, "value": display_beijing(at)}))
        if sub["obligation"] not in by_id and sub["kind"] != ReportKind.SUMMARY:
            found.append(
                Finding(f"submissions[{index}].obligation", "submission_not_applicable", {"n": index + 1, **_recipient_names(pack, sub["obligation"])})
            )
    return found


def in_force_warning(doc: Doc, pack: RulePack) -> Finding | None:
    """D14 (第十四条): the Measures apply from ``in_force``; an earlier discovery still gets
    its obligations computed (records, drills), with this warning."""
    discovered = instant(doc, fp.DISCOVERED_AT)
    if discovered is None:
        return None
    start = parse_date(pack.in_force)
    if discovered.astimezone(BEIJING).date() >= start:
        return None
    return Finding(fp.DISCOVERED_AT, "before_in_force", {"date": pack.in_force})


def discovery_warnings(doc: Doc, now: datetime) -> list[Finding]:
    """D1b (D1a, 第四条): the discovery time later than ``now`` beyond the clock skew, or more
    than ``DISCOVERY_LONG_AGO_DAYS`` whole days before it, is warned (the obligations are
    computed all the same)."""
    discovered = instant(doc, fp.DISCOVERED_AT)
    if discovered is None:
        return []
    problem = discovery_code(discovered, now)
    if problem is None:
        return []
    params = {"value": display_beijing(discovered), "now": display_beijing(now), "days": DISCOVERY_LONG_AGO_DAYS}
    return [Finding(fp.DISCOVERED_AT, problem, params)]


def discovery_code(discovered: datetime, now: datetime) -> str | None:
    """D1b: ``discovery_in_future``, ``discovery_long_ago`` or None."""
    seconds = (whole_second(discovered) - whole_second(now)).total_seconds()
    if seconds > FUTURE_SKEW_SECONDS:
        return "discovery_in_future"
    if -seconds > DISCOVERY_LONG_AGO_DAYS * 24 * 3600:
        return "discovery_long_ago"
    return None


def cii_unknown_warning(doc: Doc, pack: RulePack) -> Finding | None:
    """D3a (第四条第一款): ``involves_cii`` not answered. The obligations follow D3 (b)/(c)
    as if the incident did not involve CII; this warning says what changes if it does."""
    if doc.get(fp.INVOLVES_CII) is not None or involves_cii(doc):
        return None
    rules = [r for r in pack.obligations if r.when == fp.INVOLVES_CII and r.hours is not None]
    if not rules:
        return None
    hours = min(r.hours for r in rules if r.hours is not None)
    due = _after(instant(doc, fp.DISCOVERED_AT), hours)
    return Finding(fp.INVOLVES_CII, "cii_unknown", {"hours": _number(hours), "due": display_beijing(due) if due else "—"})


def voided_warning(doc: Doc) -> Finding | None:
    """D17 (第十一条): a voided incident says when and why."""
    voided = doc.get(VOIDED_KEY)
    if not isinstance(voided, dict):
        return None
    at = instant(voided, "at")
    return Finding(VOIDED_KEY, VOIDED_KEY, {"at": display_beijing(at) if at else "—", "reason": voided.get("reason") or ""})


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
