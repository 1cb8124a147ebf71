"""Which deadline reminders are due (product.md §2.1: 60, 30, 15 and 5 minutes before each
due time, and when overdue), each exactly once.

A reminder is identified by incident, obligation, due time and threshold, so moving a
due time (new discovery time, new grade) makes fresh reminders. When several thresholds
were crossed at once (the app was closed), only the most urgent is shown and the others
are marked done, so a user returning to the app sees one message per deadline, not five.
Does not read the clock or the database: ``now`` and the set of keys already fired are
parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.obligations import Obligation
from core.timeutil import display_beijing, iso_beijing, time_left_text
from core.vocab import CLOCK_STATUSES, Status, Urgency

# Product choice (product.md §2.1), not a legal number: minutes before the due time.
THRESHOLD_MINUTES = (60, 30, 15, 5)
OVERDUE = str(Status.OVERDUE)  # the threshold past the due time
# How a running countdown card looks: within 5 minutes critical, 15 urgent, 60 soon.
URGENCY_MINUTES = ((5, Urgency.CRITICAL), (15, Urgency.URGENT), (60, Urgency.SOON))
LOOKAHEAD_MINUTES = max(THRESHOLD_MINUTES)


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
    if lang == "en":
        return f"{count} more reporting deadlines are near or past; see the incidents marked red in the list."
    return f"另有 {count} 项报告期限临近或已过，请查看事件列表中标红的事件。"


@dataclass(frozen=True)
class Reminder:
    key: str
    incident_id: str
    title: str
    obligation: Obligation
    threshold: str  # "60" | "30" | "15" | "5" | "overdue"

    def message(self, now: datetime, lang: str = "zh", recipient: str | None = None) -> str:
        """The reminder in ``lang``; ``recipient`` is the recipient's name in that language."""
        o = self.obligation
        assert o.due is not None
        who = recipient or o.recipient
        left, due = time_left_text(o.due, now, lang), display_beijing(o.due)
        if lang == "en":
            if self.threshold == OVERDUE:
                return f"'{self.title}': the report to {who} is {left} (due {due} Beijing time). Report as soon as you can."
            return f"'{self.title}': {left} left to report to {who} (due {due} Beijing time)."
        if self.threshold == OVERDUE:
            return f"「{self.title}」向{who}报告{left}（期限 {due} 北京时间），请尽快报告。"
        return f"「{self.title}」向{who}报告还剩 {left}（期限 {due} 北京时间）。"


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
