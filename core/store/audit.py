"""The append-only audit log and its hash chain, and the check that every stored row is
the one the log vouches for.

Each audit row holds ``seq`` (1, 2, 3, ... with no gaps), the UTC time, the action, the
incident id, ``detail`` (canonical JSON of what changed) and ``prev_hash``; its ``hash``
is ``sha256(prev_hash + canonical_json({seq, at, action, incident_id, detail}))``. The
first row's ``prev_hash`` is 64 zeros. The newest ``seq:hash`` is also kept in
``meta.audit_head`` so that deleting the last rows is noticed too. A detail that changed
stored data names it (``table``, ``row``) with the ``digest`` of the row as written, so
``verify`` also catches a value edited outside the app. Triggers refuse UPDATE and
DELETE on the audit table. This module never updates or deletes audit rows.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from core.canonical import canonical_flat, canonical_json, sha256_hex
from core.store.sql import Db
from core.text import Each, text

GENESIS = "0" * 64
HEAD_KEY = "audit_head"

# Tables whose rows the audit log vouches for, and the column that names a row.
DELETED = "deleted"  # the digest an audit row records for a row it removed (a drill deleted)
TRACKED_TABLES = {
    "incidents": "id",
    "profile": "id",
    "submissions": "id",
    "timeline": "id",
    "attachments": "id",
    "snapshots": "id",
}

CREATE_SQL = """
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    incident_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_incident ON audit(incident_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only: rows cannot be deleted'); END;
"""


def row_digest(table: str, row: Mapping[str, Any]) -> str:
    """The digest the audit log records for a stored row.

    An incident's digest covers its document text only (its other columns are caches
    recomputed from it); other rows are digested whole, minus their id, with blobs
    replaced by their SHA-256.
    """
    if table == "incidents":
        return sha256_hex(str(row["doc"]).encode("utf-8"))
    clean = {k: ({"sha256": sha256_hex(bytes(v))} if isinstance(v, (bytes, memoryview)) else v) for k, v in row.items() if k != TRACKED_TABLES.get(table, "id")}
    return sha256_hex(canonical_json(clean))


def entry_hash(prev_hash: str, seq: int, at: str, action: str, incident_id: str | None, detail: str) -> str:
    content = canonical_flat({"seq": seq, "at": at, "action": action, "incident_id": incident_id, "detail": detail})
    return sha256_hex(prev_hash.encode("ascii") + content)


def append(db: Db, at: str, action: str, incident_id: str | None, detail: Mapping[str, Any]) -> int:
    """Add one audit row after the current head; call inside the write transaction."""
    head = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
    text = canonical_json(dict(detail)).decode("utf-8")
    digest = entry_hash(prev, seq, at, action, incident_id, text)
    db.execute(
        "INSERT INTO audit (seq, at, action, incident_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, at, action, incident_id, text, prev, digest),
    )
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (HEAD_KEY, f"{seq}:{digest}"))
    return seq


def append_row_change(
    db: Db, at: str, action: str, incident_id: str | None, table: str, row_key: str | int, row: Mapping[str, Any], extra: Mapping[str, Any]
) -> int:
    """Audit a change to one stored row: what changed (``extra``) and the row's digest."""
    detail = dict(extra)
    detail.update({"table": table, "row": row_key, "digest": row_digest(table, row)})
    return append(db, at, action, incident_id, detail)


class Problem(NamedTuple):
    """One thing ``verify`` found: the table, the row (audit ``seq`` or the row's key) and
    why, in Chinese and, where the finding has it, English (``line`` picks)."""

    table: str
    row: str
    text: str
    text_en: str = ""

    def line(self, lang: str = "zh") -> str:
        key = "store_problem_schema" if self.table == "schema" else "store_problem_audit" if self.table == "audit" else "store_problem_row"
        return text(key, lang, table=self.table, row=self.row, why=Each(self.text, self.text_en or self.text))


def entry_matches(prev_hash: Any, seq: Any, at: Any, action: Any, incident_id: Any, detail: Any, stored: Any) -> bool:
    """An audit row's stored hash is what its content gives; content no app writes (a blob
    where text belongs…) gives no hash and so does not match."""
    try:
        return bool(entry_hash(prev_hash, seq, at, action, incident_id, detail) == stored)
    except (TypeError, ValueError, AttributeError):
        return False


def _no_tick() -> None:
    return None


def walk_chain(conn: sqlite3.Connection, tick: Callable[[], None] = _no_tick) -> tuple[int, list[Problem], dict[tuple[str, str], tuple[str, int]]]:
    """Check every audit row in order. Returns the row count, the problems (first broken
    row first) and, per stored row, the digest the newest audit row recorded for it.
    ``tick`` is called once per row (progress; it may raise to cancel)."""
    problems: list[Problem] = []
    expected: dict[tuple[str, str], tuple[str, int]] = {}
    prev, want, count = GENESIS, 1, 0
    cursor = conn.execute("SELECT seq, at, action, incident_id, detail, prev_hash, hash FROM audit ORDER BY seq")
    for seq, at, action, incident_id, detail, prev_hash, stored in cursor:
        tick()
        count += 1
        if seq != want:
            if seq > want:
                problems.append(
                    Problem("audit", str(want), f"审计记录缺失（第 {want} 至 {seq - 1} 行被删除）", f"audit rows missing (rows {want} to {seq - 1} deleted)")
                )
            else:
                problems.append(Problem("audit", str(want), "审计记录序号重复", "audit row number repeated"))
        elif prev_hash != prev:
            problems.append(
                Problem(
                    "audit",
                    str(seq),
                    "与上一行的哈希不相连（上一行被改动或删除）",
                    "does not link to the previous row's hash (that row was changed or deleted)",
                )
            )
        elif not entry_matches(prev_hash, seq, at, action, incident_id, detail, stored):
            problems.append(Problem("audit", str(seq), "内容与其哈希不符（本行被改动）", "its content does not match its hash (this row was changed)"))
        prev, want = stored, (seq + 1 if isinstance(seq, int) else want + 1)
        try:
            parsed = json.loads(detail)
        except (TypeError, ValueError):
            continue
        if isinstance(parsed, dict) and "table" in parsed and "digest" in parsed:
            expected[(str(parsed["table"]), str(parsed["row"]))] = (str(parsed["digest"]), seq)
    head = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    if count and head is None:
        problems.append(Problem("audit", str(want), "链尾记录（meta.audit_head）缺失", "the record of the chain's end (meta.audit_head) is missing"))
    elif head is not None:
        head_seq, _, head_hash = str(head[0]).partition(":")
        if head_seq.isdigit() and int(head_seq) >= want:
            problems.append(
                Problem(
                    "audit",
                    str(want),
                    f"最后的审计记录被删除（应有 {head_seq} 行，实有 {want - 1} 行）",
                    f"the last audit rows were deleted ({head_seq} expected, {want - 1} found)",
                )
            )
        elif head_hash != prev:
            problems.append(
                Problem("audit", str(want - 1), "与链尾记录（meta.audit_head）不符", "does not match the record of the chain's end (meta.audit_head)")
            )
    return count, problems, expected


def check_rows(conn: sqlite3.Connection, expected: dict[tuple[str, str], tuple[str, int]], tick: Callable[[], None] = _no_tick) -> list[Problem]:
    """Compare every row of the tracked tables with the digest the audit log recorded
    (``tick`` once per row, as in ``walk_chain``)."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    conn.row_factory = sys.modules[type(conn).__module__].Row  # sqlite3's, or SQLCipher's (issue 28)
    try:
        for table, key in TRACKED_TABLES.items():
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):  # noqa: S608 - fixed names
                tick()
                data = dict(row)
                ident = (table, str(data[key]))
                seen.add(ident)
                want = expected.get(ident)
                if want is not None and want[0] == DELETED:
                    problems.append(
                        Problem(
                            table,
                            f"id={data[key]}",
                            f"审计第 {want[1]} 行记录这一行已删除，它却又出现了（在本程序之外写入）",
                            f"audit row {want[1]} records this row as deleted, yet it is there (written outside this app)",
                        )
                    )
                elif want is None:
                    problems.append(
                        Problem(table, f"id={data[key]}", "没有对应的审计记录（在本程序之外写入）", "no audit row records it (written outside this app)")
                    )
                elif row_digest(table, data) != want[0]:
                    problems.append(
                        Problem(
                            table,
                            f"id={data[key]}",
                            f"内容与审计第 {want[1]} 行记录的哈希不符（在本程序之外被改动）",
                            f"its content does not match the hash audit row {want[1]} recorded (changed outside this app)",
                        )
                    )
    finally:
        conn.row_factory = None
    for ident, (_digest, seq) in expected.items():
        if ident not in seen and ident[0] in TRACKED_TABLES and _digest != DELETED:
            problems.append(
                Problem(ident[0], f"id={ident[1]}", f"审计第 {seq} 行记录的这一行已不存在（被删除）", f"the row audit row {seq} records is gone (deleted)")
            )
    return problems
