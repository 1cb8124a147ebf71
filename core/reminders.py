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

# Product choice (product.md §2.1), not a legal number: minutes before the due time.
THRESHOLD_MINUTES = (60, 30, 15, 5)
OVERDUE = "overdue"


@dataclass(frozen=True)
class Reminder:
    key: str
    incident_id: str
    title: str
    obligation: Obligation
    threshold: str  # "60" | "30" | "15" | "5" | "overdue"

    def message(self, now: datetime) -> str:
        o = self.obligation
        assert o.due is not None
        if self.threshold == OVERDUE:
            return f"「{self.title}」向{o.recipient}报告{time_left_text(o.due, now)}（期限 {display_beijing(o.due)} 北京时间），请尽快报告。"
        return f"「{self.title}」向{o.recipient}报告还剩 {time_left_text(o.due, now)}（期限 {display_beijing(o.due)} 北京时间）。"


def _key(incident_id: str, o: Obligation, threshold: str) -> str:
    assert o.due is not None
    return f"{incident_id}|{o.id}|{iso_beijing(o.due)}|{threshold}"


def due_reminders(incidents: Iterable[tuple[str, str, list[Obligation]]], now: datetime,
                  fired: set[str]) -> tuple[list[Reminder], set[str]]:
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
