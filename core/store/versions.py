"""Which schema steps a file has, read with plain ``sqlite3`` (no sqlite-utils import).

The steps themselves are ``core.store.migrations`` (sqlite-utils ``Migrations``, which
records each applied step in ``_sqlite_migrations``: ``migration_set``, ``name``,
``applied_at``). ``KNOWN_NAMES`` lists them in order; a test keeps the two in step.
"""

from __future__ import annotations

import sqlite3

MIGRATION_SET = "incident-assistant"
KNOWN_NAMES = ("m001_initial", "m002_list_columns", "m003_number_column")
TABLE = "_sqlite_migrations"


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """Applied step names in the order they were applied (none for a new file)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is None:
        return []
    rows = conn.execute(f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,))  # noqa: S608
    return [str(r[0]) for r in rows]


def unknown_applied(conn: sqlite3.Connection) -> list[str]:
    """Applied step names this version does not know (a newer app wrote the file)."""
    return [name for name in applied_names(conn) if name not in KNOWN_NAMES]
