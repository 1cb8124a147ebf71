"""The app's own database schema, object by object, for each schema version, and the
comparison of a file's ``sqlite_master`` with it (issue 16: a backup can carry
triggers and views that would run inside the app's own statements).

``check(conn, path)`` reads nothing but ``sqlite_master`` until the comparison passed,
so a hostile object never runs; only then does it read ``_sqlite_migrations``. A test
keeps ``EXPECTED`` in step with what ``core.store.migrations`` creates. Does not
write, and does not import sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.store.errors import ForeignSchema, NotADatabase, Said, StoreTooNew, Text, said
from core.store.versions import KNOWN_NAMES, MIGRATION_SET, TABLE

KIND_ZH = {"table": "表", "index": "索引", "view": "视图", "trigger": "触发器"}
# Statistics ANALYZE may leave; they hold numbers for the planner, never code. Only these
# exact tables, as SQLite itself creates them, are let through: any other object whose
# name starts with sqlite_stat (a trigger planted with writable_schema, issue 25) is
# compared like every other object, so it is named and refused.
SQLITE_OWN: dict[tuple[str, str], str] = {
    ("table", "sqlite_stat1"): "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
    ("table", "sqlite_stat4"): "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
}

_MIGRATIONS = {
    ("table", TABLE): 'CREATE TABLE "_sqlite_migrations" ( "id" INTEGER PRIMARY KEY, "migration_set" TEXT, "name" TEXT, "applied_at" TEXT )',
    (
        "index",
        "idx__sqlite_migrations_migration_set_name",
    ): 'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" ON "_sqlite_migrations" ("migration_set", "name")',
}
_V1: dict[tuple[str, str], str | None] = {
    **_MIGRATIONS,
    ("table", "meta"): "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) STRICT",
    ("index", "sqlite_autoindex_meta_1"): None,
    ("table", "profile"): "CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT",
    ("table", "incidents"): "CREATE TABLE incidents (id TEXT PRIMARY KEY, doc TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT",
    ("index", "sqlite_autoindex_incidents_1"): None,
    ("table", "submissions"): "CREATE TABLE submissions (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES "
    "incidents(id), data TEXT NOT NULL, recorded_at TEXT NOT NULL) STRICT",
    ("index", "submissions_incident"): "CREATE INDEX submissions_incident ON submissions(incident_id)",
    ("table", "timeline"): "CREATE TABLE timeline (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES "
    "incidents(id), data TEXT NOT NULL, recorded_at TEXT NOT NULL) STRICT",
    ("index", "timeline_incident"): "CREATE INDEX timeline_incident ON timeline(incident_id)",
    ("table", "attachments"): "CREATE TABLE attachments (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES "
    "incidents(id), name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
    "content BLOB NOT NULL, added_at TEXT NOT NULL) STRICT",
    ("index", "attachments_incident"): "CREATE INDEX attachments_incident ON attachments(incident_id)",
    ("table", "snapshots"): "CREATE TABLE snapshots (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL REFERENCES "
    "incidents(id), kind TEXT NOT NULL, canonical_json BLOB NOT NULL, sha256 TEXT NOT NULL, "
    "pdf_sha256 TEXT, created_at TEXT NOT NULL) STRICT",
    ("index", "snapshots_incident"): "CREATE INDEX snapshots_incident ON snapshots(incident_id)",
    ("table", "audit"): "CREATE TABLE audit ( seq INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, "
    "incident_id TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL )",
    ("index", "audit_incident"): "CREATE INDEX audit_incident ON audit(incident_id)",
    ("trigger", "audit_no_update"): "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, "
    "'audit log is append-only: rows cannot be changed'); END",
    ("trigger", "audit_no_delete"): "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, "
    "'audit log is append-only: rows cannot be deleted'); END",
}
_V2 = {
    **_V1,
    ("table", "incidents"): "CREATE TABLE incidents (id TEXT PRIMARY KEY, doc TEXT NOT NULL, created_at TEXT NOT NULL, "
    "updated_at TEXT NOT NULL, title TEXT, grade TEXT, status TEXT, next_due TEXT, sort_due TEXT "
    "NOT NULL DEFAULT '9999-12-31T23:59:59+00:00', drill INTEGER NOT NULL DEFAULT 0, valid "
    "INTEGER NOT NULL DEFAULT 0) STRICT",
    ("index", "incidents_due"): "CREATE INDEX incidents_due ON incidents(sort_due, id)",
}
_V3 = {
    **_V2,
    ("table", "incidents"): "CREATE TABLE incidents (id TEXT PRIMARY KEY, doc TEXT NOT NULL, created_at TEXT NOT NULL, "
    "updated_at TEXT NOT NULL, title TEXT, grade TEXT, status TEXT, next_due TEXT, sort_due TEXT "
    "NOT NULL DEFAULT '9999-12-31T23:59:59+00:00', drill INTEGER NOT NULL DEFAULT 0, valid "
    "INTEGER NOT NULL DEFAULT 0, number TEXT) STRICT",
}
# The objects a file has after each step (keyed by the last step applied).
EXPECTED: dict[str, dict[tuple[str, str], str | None]] = {"m001_initial": _V1, "m002_list_columns": _V2, "m003_number_column": _V3}


def normalized(sql: str | None) -> str | None:
    """The statement with runs of white space made one space (SQLite keeps the text as typed)."""
    return None if sql is None else " ".join(sql.split())


def objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    """The file's schema objects, ``(type, name) -> normalized SQL``, every one of them but
    SQLite's own statistics tables exactly as SQLite makes them (``SQLITE_OWN``); reading
    ``sqlite_master`` runs none of them."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    found = {(str(t), str(n)): normalized(s) for t, n, s in rows}
    return {key: sql for key, sql in found.items() if key not in SQLITE_OWN or normalized(SQLITE_OWN[key]) != sql}


def differences(actual: dict[tuple[str, str], str | None], expected: dict[tuple[str, str], str | None]) -> list[Said]:
    """Each object that is extra, missing or defined otherwise, naming it (keyed texts);
    triggers and views (which run code) first."""

    def order(key: tuple[str, str]) -> tuple[int, str]:
        return (_RANK.get(key[0], len(_RANK)), key[1])

    def named(template: str, key: tuple[str, str]) -> Said:
        return said(template, kind_zh=KIND_ZH.get(key[0], key[0]), kind_en=key[0], name=key[1])

    found: list[Said] = []
    for key in sorted(actual.keys() - expected.keys(), key=order):
        found.append(named("store_schema_extra", key))
    for key in sorted(expected.keys() - actual.keys(), key=order):
        found.append(named("store_schema_missing", key))
    for key in sorted(actual.keys() & expected.keys(), key=order):
        if actual[key] != expected[key]:
            found.append(named("store_schema_differs", key))
    return found


_RANK = {"trigger": 0, "view": 1, "table": 2, "index": 3}


def check(conn: sqlite3.Connection, path: Path) -> list[str]:
    """The applied schema steps of a file whose schema is exactly the app's own for
    that version (``[]`` for a file with no objects at all: a new database).

    Raises ``NotADatabase`` (objects, but not this app's), ``StoreTooNew`` (a step this
    version does not know) or ``ForeignSchema`` naming the first differing object."""
    applied, found = inspect(conn, path)
    if found:
        raise ForeignSchema(path, _summary(found))
    return applied


def inspect(conn: sqlite3.Connection, path: Path) -> tuple[list[str], list[Said]]:
    """``(applied steps, differences from the app's schema)`` for ``verify``, which goes
    on to check the rows when only indexes or triggers differ. Raises as ``check`` when
    the app's own tables are not all there as the app made them (reading them could
    then run the file's own code)."""
    actual = objects(conn)
    if not actual:
        return [], []
    if actual.get(("table", TABLE)) != _MIGRATIONS[("table", TABLE)]:
        if ("table", "audit") in actual or ("table", "incidents") in actual:
            raise ForeignSchema(path, _summary(differences(actual, _V2)))
        names = "、".join(sorted(n for _t, n in actual)[:3])
        raise NotADatabase(path, said("store_foreign_tables", names=names))
    applied = [str(r[0]) for r in conn.execute(f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,))]  # noqa: S608
    unknown = [n for n in applied if n not in KNOWN_NAMES]
    if unknown:
        raise StoreTooNew(path, said("store_unknown_steps", names="、".join(unknown)))
    if not applied or applied != list(KNOWN_NAMES[: len(applied)]):
        raise ForeignSchema(path, said("store_wrong_steps", names="、".join(applied) or said("store_none")))
    expected = EXPECTED[applied[-1]]
    found = differences(actual, expected)
    tables = {key for key in expected if key[0] == "table"}
    if any(actual.get(key) != expected[key] for key in tables):
        raise ForeignSchema(path, _summary(found))
    return applied, found


def _summary(found: list[Said], shown: int = 3) -> Text:
    if len(found) > shown:
        return said("store_schema_more", shown=tuple(found[:shown]), more=len(found) - shown)
    return tuple(found)
