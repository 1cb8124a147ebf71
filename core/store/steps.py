"""The schema steps, in order: plain functions of anything that ``execute``s SQL, so
that a new file is created without sqlite-utils and an older one is migrated with it.

- ``m001_initial`` (schema 1): meta, profile, incidents (id, document, times),
  submissions, timeline, attachments, snapshots and the append-only audit log.
- ``m002_list_columns`` (schema 2): the list columns of each incident (title, grade,
  status, next due time, drill, validity) and an index to page by next due time.
- ``m003_number_column`` (schema 3): the human incident number as a list column, so
  the list shows it without parsing any document (issue 14).

``core.store.migrations`` registers these with sqlite-utils' ``Migrations`` to bring an
older file forward. ``create(db)`` gives a new, empty file every step in one transaction
and records each in ``_sqlite_migrations`` exactly as ``Migrations`` does (its table,
unique index and rows: a test compares the two files), without importing sqlite-utils,
click, pluggy and dateutil (~80 ms before the first window of a first run, issue 12).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from core.store import audit
from core.store.derive import derive
from core.store.documents import LIST_KEYS, assemble, loads_doc
from core.store.versions import MIGRATION_SET, TABLE

if TYPE_CHECKING:
    from core.store.sql import Db


class Executes(Protocol):
    """A ``sqlite3.Connection``, ``core.store.sql.Db`` or ``sqlite_utils.Database``."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def _set_version(db: Executes, version: int) -> None:
    db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(version),))


def m001_initial(db: Executes) -> None:
    statements = (
        """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) STRICT;
    CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
    CREATE TABLE incidents (id TEXT PRIMARY KEY, doc TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
    CREATE TABLE submissions (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id),
        data TEXT NOT NULL, recorded_at TEXT NOT NULL) STRICT;
    CREATE INDEX submissions_incident ON submissions(incident_id);
    CREATE TABLE timeline (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id),
        data TEXT NOT NULL, recorded_at TEXT NOT NULL) STRICT;
    CREATE INDEX timeline_incident ON timeline(incident_id);
    CREATE TABLE attachments (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id),
        name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, content BLOB NOT NULL, added_at TEXT NOT NULL) STRICT;
    CREATE INDEX attachments_incident ON attachments(incident_id);
    CREATE TABLE snapshots (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES incidents(id),
        kind TEXT NOT NULL, canonical_json BLOB NOT NULL, sha256 TEXT NOT NULL, pdf_sha256 TEXT,
        created_at TEXT NOT NULL) STRICT;
    CREATE INDEX snapshots_incident ON snapshots(incident_id);
    """
        + audit.CREATE_SQL
    )
    for statement in _split(statements):
        db.execute(statement)
    _set_version(db, 1)


def m002_list_columns(db: Executes) -> None:
    for column in (
        "title TEXT",
        "grade TEXT",
        "status TEXT",
        "next_due TEXT",
        "sort_due TEXT NOT NULL DEFAULT '9999-12-31T23:59:59+00:00'",
        "drill INTEGER NOT NULL DEFAULT 0",
        "valid INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(f"ALTER TABLE incidents ADD COLUMN {column}")
    db.execute("CREATE INDEX incidents_due ON incidents(sort_due, id)")
    rows = list(db.execute("SELECT id, doc FROM incidents"))
    if rows:  # an older file's incidents: their columns, from the assessment (loads the rule pack)
        from core.rules import default_pack  # lazy: the rule pack only for an older file with incidents

        pack = default_pack()
        for incident_id, text in rows:
            lists = {
                table: [json.loads(r[0]) for r in db.execute(f"SELECT data FROM {table} WHERE incident_id = ? ORDER BY id", (incident_id,))]  # noqa: S608
                for table in LIST_KEYS
            }
            cols = derive(assemble(loads_doc(text), lists), pack).columns()  # with its submissions, as Store writes them
            db.execute(
                "UPDATE incidents SET title = :title, grade = :grade, status = :status, next_due = :next_due, "
                "sort_due = :sort_due, drill = :drill, valid = :valid WHERE id = :id",
                {**cols, "id": incident_id},
            )
    _set_version(db, 2)


def m003_number_column(db: Executes) -> None:
    db.execute("ALTER TABLE incidents ADD COLUMN number TEXT")
    db.execute("UPDATE incidents SET number = json_extract(doc, '$.number') WHERE json_type(doc, '$.number') = 'text'")
    _set_version(db, 3)


STEPS: tuple[Callable[[Executes], None], ...] = (m001_initial, m002_list_columns, m003_number_column)

# sqlite-utils' record of applied steps: the table and index ``Migrations`` creates (the
# text ``core.store.schema`` expects), one row per step.
MIGRATIONS_DDL = (
    f'CREATE TABLE "{TABLE}" (\n   "id" INTEGER PRIMARY KEY,\n   "migration_set" TEXT,\n   "name" TEXT,\n   "applied_at" TEXT\n)',
    f'CREATE UNIQUE INDEX "idx_{TABLE}_migration_set_name"\n    ON "{TABLE}" ("migration_set", "name")',
)


def create(db: Db) -> None:
    """Every step on a new, empty file, each recorded as sqlite-utils records it (its
    ``applied_at`` is ``str()`` of an aware UTC datetime), all in one transaction."""
    with db.atomic():
        for statement in MIGRATIONS_DDL:
            db.execute(statement)
        for step in STEPS:
            step(db)
            db.execute(
                f'INSERT INTO "{TABLE}" ("migration_set", "name", "applied_at") VALUES (?, ?, ?)',  # noqa: S608
                (MIGRATION_SET, step.__name__, str(datetime.now(UTC))),
            )


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies (``BEGIN ... END;``) whole."""
    out: list[str] = []
    buf = ""
    for piece in script.split(";"):
        buf += piece + ";"
        upper = buf.upper()
        if "CREATE TRIGGER" in upper and not upper.rstrip(" ;\n").endswith("END"):
            continue
        if buf.strip(" ;\n"):
            out.append(buf.strip())
        buf = ""
    return out
