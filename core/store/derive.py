"""The list columns of an incident (title, grade, status, next due time, drill flag,
validity), taken from its one assessment (``core.assessment.assess``) whenever it is
written, so that listing 10,000 incidents never re-grades them and the list shows the
deadlines the wizard, reminders and ``check`` show.

The only time-dependent part of a status, pending versus overdue, is settled at listing
time from ``next_due``. Does not read the clock or the database.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from core import field_paths as fp
from core.timeutil import past_due
from core.vocab import Status

if TYPE_CHECKING:  # types only: the incident module and the rule pack load with the first write, not at start-up
    from core.incident import Doc
    from core.rules import RulePack

# When no countdown runs, the incident shows the most pressing remaining status.
STATIC_STATUS_ORDER = (Status.PENDING, Status.OPEN, Status.WAITING, Status.LATE, Status.MET, Status.DONE, Status.WAIVED, Status.NOT_REQUIRED)
NO_DUE_SORT_KEY = "9999-12-31T23:59:59+00:00"
# Bumped whenever the same document can derive different columns (the assessment or its
# repair of drafts changed); with the rule pack's version it stamps the stored columns.
DERIVATION = "assessment-5"  # 2: voided has no countdown; 3: the law's second edition; 4: status voided; 5: PI notices, number
DERIVED_WITH_KEY = "list_columns_from"  # meta key: the derivation the stored columns came from
_ANY_TIME = datetime(2000, 1, 1, tzinfo=UTC)  # statuses before any due time: pending, never overdue


class Derived(NamedTuple):
    """The list columns of one incident, taken from its assessment."""

    title: str | None
    grade: str
    status: str
    next_due: str | None  # UTC ISO 8601, sortable as text
    drill: bool
    valid: bool
    number: str | None = None  # the human incident number (2026-0003), shown in the list

    @property
    def sort_due(self) -> str:
        return self.next_due or NO_DUE_SORT_KEY

    def columns(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "grade": self.grade,
            "status": self.status,
            "next_due": self.next_due,
            "sort_due": self.sort_due,
            "drill": int(self.drill),
            "valid": int(self.valid),
            "number": self.number,
        }


# The stored list columns, in the order of ``Derived.columns()``; SQL fragments built from them.
LIST_COLUMNS = ("title", "grade", "status", "next_due", "sort_due", "drill", "valid", "number")
SET_LIST_COLUMNS = ", ".join(f"{c} = :{c}" for c in LIST_COLUMNS)
SAME_LIST_COLUMNS = " AND ".join(f"{c} IS :{c}" for c in LIST_COLUMNS)


def utc_iso(at: datetime) -> str:
    """UTC ISO 8601 to the second: the store's form of an instant (sorts as text)."""
    return at.astimezone(UTC).isoformat(timespec="seconds")


def live_status(static_status: str, next_due_utc: str | None, now: datetime) -> Status:
    """The incident's status at ``now``: overdue or pending while a countdown runs."""
    if next_due_utc is None:
        return Status(static_status)
    return Status.OVERDUE if past_due(datetime.fromisoformat(next_due_utc), now) else Status.PENDING


def derivation_id(pack: RulePack) -> str:
    """What the stored columns depend on besides the document: this module and the pack."""
    return f"{DERIVATION}|{pack.id}@{pack.version}"


def derive(doc: Doc, pack: RulePack) -> Derived:
    from core.assessment import assess  # lazy: listing needs only the stored columns, not the assessment

    result = assess(doc, pack, _ANY_TIME, future_counts=True)  # stored columns do not depend on the clock
    voided = result.doc.get("voided") is not None  # entered by mistake: nothing due, out of the list
    soonest = None if voided else result.next_due
    if voided:
        status, due = Status.VOIDED, None
    elif soonest is not None and soonest.due is not None:
        status, due = Status.PENDING, utc_iso(soonest.due)
    else:
        present = {o.status for o in result.obligations}
        status = next((s for s in STATIC_STATUS_ORDER if s in present), Status.PENDING)
        due = None
    title = doc.get(fp.TITLE) if isinstance(doc.get(fp.TITLE), str) else None
    number = doc.get(fp.NUMBER) if isinstance(doc.get(fp.NUMBER), str) else None
    return Derived(
        title=title, grade=str(result.grading.grade), status=str(status), next_due=due, drill=doc.get(fp.DRILL) is True, valid=result.valid, number=number
    )
