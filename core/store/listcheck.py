"""``verify``'s check of the incident list's columns (issue 16): title, grade, status,
next due time, drill, validity and the human number are recomputed from each stored document (its own
fields with its submissions and timeline) with ``core.store.derive.derive`` and
compared with what is stored; created and updated times are compared with the audit
rows of the incident. A forged column is a finding naming the incident and column.
Reads only.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from core.rules import RulePack
from core.store.audit import Problem
from core.store.derive import DERIVED_WITH_KEY, LIST_COLUMNS, derivation_id, derive
from core.store.documents import assemble, loads_doc

# Columns that do not depend on the assessment's version: checked even when the stored
# columns came from another version (they are recomputed the next time the app opens the file).
STABLE = ("title", "drill", "number")
# Audit actions that set an incident's updated_at (attachments and snapshots do not).
_CHANGES = ("create", "import", "set_field", "submission", "timeline", "assign_number", "void")


def _lists(conn: sqlite3.Connection) -> dict[str, dict[str, list[Any]]]:
    lists: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {"submissions": [], "timeline": []})
    for table in ("submissions", "timeline"):
        for incident_id, data in conn.execute(f"SELECT incident_id, data FROM {table} ORDER BY id"):  # noqa: S608
            try:
                lists[str(incident_id)][table].append(json.loads(data))
            except (TypeError, ValueError):
                continue  # the row digest check names it
    return lists


def _times(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Per incident, the time of its creation (its first audit row, in the chain's order:
    a clock set back later must not move it) and of its latest change."""
    marks = ", ".join("?" for _ in _CHANGES)
    rows = conn.execute(
        f"SELECT incident_id, min(seq), max(at) FROM audit WHERE action IN ({marks}) "  # noqa: S608
        "GROUP BY incident_id",
        _CHANGES,
    )
    latest = {str(r[0]): (int(r[1]), str(r[2])) for r in rows if r[0] is not None}
    first = {seq: str(at) for seq, at in conn.execute(f"SELECT seq, at FROM audit WHERE seq IN ({', '.join(str(s) for s, _ in latest.values()) or 'NULL'})")}  # noqa: S608
    return {iid: (first[seq], last) for iid, (seq, last) in latest.items()}


def check_list_columns(conn: sqlite3.Connection, pack: RulePack) -> list[Problem]:
    problems: list[Problem] = []
    lists, times = _lists(conn), _times(conn)
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (DERIVED_WITH_KEY,)).fetchone()
    have = {str(r[1]) for r in conn.execute("PRAGMA table_info(incidents)")}
    derived = tuple(c for c in LIST_COLUMNS if c in have)  # a file of an earlier schema step lacks the later columns
    columns = tuple(c for c in (derived if row is not None and row[0] == derivation_id(pack) else STABLE) if c in derived)
    cursor = conn.execute(f"SELECT id, doc, created_at, updated_at, {', '.join(derived)} FROM incidents ORDER BY rowid")  # noqa: S608
    for row in cursor:
        incident_id, text, created_at, updated_at = str(row[0]), row[1], row[2], row[3]
        stored = dict(zip(derived, row[4:], strict=True))
        try:
            own = loads_doc(text)
        except (TypeError, ValueError):
            problems.append(Problem("incidents", f"id={incident_id}", "文档不是 JSON 对象", "the document is not a JSON object"))
            continue
        want = derive(assemble(own, lists[incident_id]), pack).columns()
        for column in columns:
            if stored[column] != want[column]:
                problems.append(_forged(incident_id, column, stored[column], want[column]))
        first, last = times.get(incident_id, (None, None))
        if created_at != first:
            problems.append(_forged(incident_id, "created_at", created_at, first))
        if updated_at != last:
            problems.append(_forged(incident_id, "updated_at", updated_at, last))
    return problems


def _forged(incident_id: str, column: str, stored: Any, want: Any) -> Problem:
    return Problem(
        "incidents",
        f"id={incident_id}",
        f"列表列 {column} 为 {stored!r}，按文档和审计记录应为 {want!r}（在本程序之外被改动）",
        f"list column {column} is {stored!r}, the document and audit rows give {want!r} (changed outside this app)",
    )
