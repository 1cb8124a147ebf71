"""Which deadline reminders are due (product.md §2.1: 60, 30, 15 and 5 minutes before each
due time, and when overdue), each exactly once.

A reminder is identified by incident, obligation, due time and threshold, so moving a
due time (new discovery time, new grade) makes fresh reminders. When several thresholds
were crossed at once (the app was closed), only the most urgent is shown and the others
are marked done, so a user returning to the app sees one message per deadline, not five.
D18: a projection of a running duration reminds once when its moment is reached. D17: a
voided incident's duties are ``voided`` (no countdown), so they raise no reminder.
Does not read the clock or the database: ``now`` and the set of keys already fired are
parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.grading import Projection
from core.obligations import Obligation
from core.text import text
from core.timeutil import display_beijing, iso_beijing, time_left_text
from core.vocab import CLOCK_STATUSES, ObligationId, Status, Urgency

# Product choice (product.md §2.1), not a legal number: minutes before the due time.
THRESHOLD_MINUTES = (60, 30, 15, 5)
OVERDUE = str(Status.OVERDUE)  # the threshold past the due time
# How a running countdown card looks: within 5 minutes critical, 15 urgent, 60 soon.
URGENCY_MINUTES = ((5, Urgency.CRITICAL), (15, Urgency.URGENT), (60, Urgency.SOON))
LOOKAHEAD_MINUTES = max(THRESHOLD_MINUTES)
# Issue-set product choice, not a legal number: 个人信息保护法第五十七条 says 立即 (no hours, D16),
# so the app reminds internally 1 h and 24 h after discovery while a notice is still open.
INTERNAL_AFTER_HOURS = (1, 24)
INTERNAL_PREFIX = "internal_"  # threshold of an internal reminder: internal_1h, internal_24h
INTERNAL_OBLIGATIONS = (str(ObligationId.PI_AUTHORITY_NOTICE), str(ObligationId.PI_INDIVIDUAL_NOTICE))


def urgency(obligation: Obligation, now: datetime) -> Urgency | Status:
    """A card's look at ``now``: the urgency of a running countdown, ``OVERDUE`` past its due
    time, otherwise the obligation's own status."""
    if obligation.status not in CLOCK_STATUSES or obligation.due is None:
        return Urgency.CALM if obligation.status == Status.PENDING else obligation.status
    left = (obligation.due - now).total_seconds()
    if left < 0:
        return Status.OVERDUE
    for minutes, level in URGENCY_MINUTES:
        if left <= minutes * 60:
            return level
    return Urgency.CALM


def minutes_for(level: Urgency) -> int | None:
    """The threshold, in minutes, below which a countdown shows ``level``."""
    return next((m for m, lv in URGENCY_MINUTES if lv == level), None)


def overflow_message(count: int, lang: str = "zh") -> str:
    """One line for the reminders beyond those shown one by one."""
    return text("reminder_overflow", lang, count=count)


@dataclass(frozen=True)
class Reminder:
    """One reminder to show: the incident, the obligation and the threshold crossed."""

    key: str
    incident_id: str
    title: str
    obligation: Obligation
    threshold: str  # "60" | "30" | "15" | "5" | "overdue" | "internal_1h" | "internal_24h"
    since: datetime | None = None  # an internal reminder: the discovery time it counts from

    @property
    def internal(self) -> bool:
        """An internal reminder (not a legal deadline), labelled so."""
        return self.threshold.startswith(INTERNAL_PREFIX)

    def message(self, now: datetime, lang: str = "zh", recipient: str | None = None) -> str:
        """The reminder in ``lang``; ``recipient`` is the recipient's name in that language."""
        o = self.obligation
        who = recipient or o.recipient
        if self.internal:
            return self._internal_message(now, lang, who)
        assert o.due is not None
        key = "reminder_overdue" if self.threshold == OVERDUE else "reminder_left"
        return text(key, lang, title=self.title, who=who, left=time_left_text(o.due, now, lang), due=display_beijing(o.due))

    def _internal_message(self, now: datetime, lang: str, who: str) -> str:
        assert self.since is not None
        hours = int((now - self.since).total_seconds() // 3600)
        return text("reminder_internal", lang, title=self.title, hours=hours, since=display_beijing(self.since), who=who)


def internal_reminders(incidents: Iterable[tuple[str, str, datetime, list[Obligation]]], now: datetime, fired: set[str]) -> tuple[list[Reminder], set[str]]:
    """``incidents`` yields ``(incident_id, title, discovered_at, obligations)``. An open
    personal-information notice (D16: 立即, no hours) gets an internal reminder 1 h and 24 h
    after discovery, each once; when both were crossed while the app was closed, only the
    later one is shown."""
    show: list[Reminder] = []
    done: set[str] = set()
    for incident_id, title, discovered, obligations in incidents:
        for o in obligations:
            if o.id not in INTERNAL_OBLIGATIONS or o.status != Status.OPEN:
                continue
            crossed = [f"{INTERNAL_PREFIX}{h}h" for h in INTERNAL_AFTER_HOURS if now >= discovered + timedelta(hours=h)]
            fresh = [t for t in crossed if _internal_key(incident_id, o, discovered, t) not in fired]
            if not fresh:
                continue
            show.append(Reminder(_internal_key(incident_id, o, discovered, fresh[-1]), incident_id, title, o, fresh[-1], since=discovered))
            done.update(_internal_key(incident_id, o, discovered, t) for t in fresh)
    return show, done


def _internal_key(incident_id: str, o: Obligation, discovered: datetime, threshold: str) -> str:
    return f"{incident_id}|{o.id}|{iso_beijing(discovered)}|{threshold}"


def _key(incident_id: str, o: Obligation, threshold: str) -> str:
    assert o.due is not None
    return f"{incident_id}|{o.id}|{iso_beijing(o.due)}|{threshold}"


def due_reminders(incidents: Iterable[tuple[str, str, list[Obligation]]], now: datetime, fired: set[str]) -> tuple[list[Reminder], set[str]]:
    """``incidents`` yields ``(incident_id, title, obligations)``. Returns the reminders to
    show now and every key to remember as done (shown or skipped as superseded)."""
    show: list[Reminder] = []
    done: set[str] = set()
    for incident_id, title, obligations in incidents:
        for o in obligations:
            if not o.has_clock or o.due is None:
                continue
            crossed = [str(m) for m in THRESHOLD_MINUTES if now >= o.due - timedelta(minutes=m)]
            if now > o.due:
                crossed.append(OVERDUE)
            fresh = [t for t in crossed if _key(incident_id, o, t) not in fired]
            if not fresh:
                continue
            most_urgent = fresh[-1]
            show.append(Reminder(_key(incident_id, o, most_urgent), incident_id, title, o, most_urgent))
            done.update(_key(incident_id, o, t) for t in fresh)
    show.sort(key=lambda r: r.obligation.due or now)
    return show, done


@dataclass(frozen=True)
class ProjectionReminder:
    """D18: a running duration has reached the threshold a projection named: the grade may
    have risen (the deadlines still run from discovery). ``text`` is the projection's plain
    words, made by ``core.assessment.projection_sentence`` in the UI's language."""

    key: str
    incident_id: str
    title: str
    projection: Projection

    def message(self, lang: str = "zh", grade_name: str | None = None) -> str:
        """The reminder in ``lang``; ``grade_name`` is the grade's name in that language."""
        p = self.projection
        grade = grade_name or p.grade
        condition = p.duration.running(lang)
        lowered = condition[:1].lower() + condition[1:]
        return text("reminder_projection", lang, title=self.title, at=display_beijing(p.at), grade=grade, condition=condition, condition_en=lowered)


def projection_reminders(incidents: Iterable[tuple[str, str, list[Projection]]], now: datetime, fired: set[str]) -> tuple[list[ProjectionReminder], set[str]]:
    """``incidents`` yields ``(incident_id, title, projections)`` (a voided incident has none,
    D17). Each projection whose moment has come gives one reminder, once: its key holds the
    incident, the field, the moment and the grade, so a changed start makes a fresh one."""
    show: list[ProjectionReminder] = []
    done: set[str] = set()
    for incident_id, title, projections in incidents:
        for p in projections:
            if p.at > now:
                continue
            key = f"{incident_id}|{p.field}|{iso_beijing(p.at)}|{p.grade}"
            if key in fired:
                continue
            show.append(ProjectionReminder(key, incident_id, title, p))
            done.add(key)
    show.sort(key=lambda r: r.projection.at)
    return show, done
