"""The list columns of an incident (title, grade, status, next due time, drill flag,
validity), computed from its document with ``core.check`` and ``core.obligations``
whenever it is written, so that listing 10,000 incidents never re-grades them.

A draft may be temporarily invalid; it is then assessed as if the offending fields
were still unknown. The only time-dependent part of a status, pending versus overdue,
is settled at listing time from ``next_due``. Does not read the clock or the database.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.check import check_document
from core.incident import SCHEMA_ID, Doc, validate
from core.obligations import next_due
from core.rules import RulePack

# When no countdown runs, the incident shows the most pressing remaining status.
STATIC_STATUS_ORDER = ("pending", "open", "waiting", "late", "met", "done", "not_required")
NO_DUE_SORT_KEY = "9999-12-31T23:59:59+00:00"
_ANY_TIME = datetime(2000, 1, 1, tzinfo=UTC)  # plan() needs a "now"; nothing stored depends on it
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Derived:
    title: str | None
    grade: str
    status: str
    next_due: str | None  # UTC ISO 8601, sortable as text
    drill: bool
    valid: bool

    @property
    def sort_due(self) -> str:
        return self.next_due or NO_DUE_SORT_KEY

    def columns(self) -> dict[str, Any]:
        return {"title": self.title, "grade": self.grade, "status": self.status, "next_due": self.next_due,
                "sort_due": self.sort_due, "drill": int(self.drill), "valid": int(self.valid)}


def utc_iso(at: datetime) -> str:
    """UTC ISO 8601 to the second: the store's form of an instant (sorts as text)."""
    return at.astimezone(UTC).isoformat(timespec="seconds")


def live_status(static_status: str, next_due_utc: str | None, now: datetime) -> str:
    """The incident's status at ``now``: overdue or pending while a countdown runs."""
    if next_due_utc is None:
        return static_status
    return "overdue" if now > datetime.fromisoformat(next_due_utc) else "pending"


def _drop(doc: Doc, path: str) -> bool:
    """Remove the value at ``path`` (a key, or a whole list element); False if impossible."""
    parts = [(m.group(1), m.group(2)) for m in _PART.finditer(path)]
    if not parts:
        return False
    current: Any = doc
    for key, index in parts[:-1]:
        current = current.get(key) if key is not None and isinstance(current, dict) else (
            current[int(index)] if index is not None and isinstance(current, list) and int(index) < len(current) else None)
        if current is None:
            return False
    key, index = parts[-1]
    if key is not None and isinstance(current, dict) and key in current:
        del current[key]
        return True
    if index is not None and isinstance(current, list) and int(index) < len(current):
        del current[int(index)]
        return True
    return False


def assessable(doc: Doc, pack: RulePack) -> tuple[Doc, bool]:
    """``(document to grade, whether the stored one is valid)``: an invalid draft minus
    the fields that make it invalid (treated as unknown)."""
    errors, _warnings = validate(doc, pack)
    if not errors:
        return doc, True
    work = copy.deepcopy(doc) if isinstance(doc, dict) else {}
    for _round in range(8):
        work["schema"] = SCHEMA_ID
        errors, _warnings = validate(work, pack)
        if not errors:
            return work, False
        # Remove whole list elements before keys so indexes stay right.
        if not any(_drop(work, e.path) for e in sorted(errors, key=lambda e: e.path, reverse=True)):
            break
    return {"schema": SCHEMA_ID}, False


def derive(doc: Doc, pack: RulePack) -> Derived:
    usable, valid = assessable(doc, pack)
    result = check_document(usable, pack, _ANY_TIME)
    soonest = next_due(result.obligations)
    if soonest is not None and soonest.due is not None:
        status, due = "pending", utc_iso(soonest.due)
    else:
        present = {o.status for o in result.obligations}
        status = next((s for s in STATIC_STATUS_ORDER if s in present), "pending")
        due = None
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    return Derived(title=title, grade=result.grading.grade, status=status, next_due=due,
                   drill=doc.get("drill") is True, valid=valid)
