"""The connection the ``Store`` reads and writes through: ``sqlite3`` with the few
sqlite-utils calls the store needs, done the same way (``atomic`` is sqlite-utils 4's
``Database.atomic``: ``BEGIN`` / ``COMMIT``, a savepoint when nested, a rollback that
keeps the original exception).

Why not ``sqlite_utils.Database`` itself: importing sqlite-utils also imports click,
pluggy and dateutil, 60–100 ms before the first window can be painted (issue 7,
measured with ``python -X importtime``). sqlite-utils stays in charge of the schema
(``core.store.migrations``, imported only when a file needs creating or migrating);
``Db.utils()`` hands out a ``sqlite_utils.Database`` on the same connection for
anything else.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

Params = Sequence[Any] | Mapping[str, Any]

_SAVEPOINTS = itertools.count(1)  # savepoint names unique within the process


class Db:
    """A ``sqlite3.Connection`` in sqlite3's default (legacy) transaction mode."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def insert(self, table: str, row: Mapping[str, Any]) -> int:
        """Insert one row; its rowid. ``table`` and the keys are the store's own names."""
        cols = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        rowid = self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", dict(row)).lastrowid  # noqa: S608
        assert isinstance(rowid, int)
        return rowid

    def upsert(self, table: str, row: Mapping[str, Any], pk: str) -> None:
        """Insert, or update every other column of the row with the same ``pk``."""
        cols = ", ".join(row)
        marks = ", ".join(f":{k}" for k in row)
        updates = ", ".join(f"{k} = excluded.{k}" for k in row if k != pk)
        self.conn.execute(
            f"INSERT INTO {table} ({cols}) VALUES ({marks}) "  # noqa: S608
            f"ON CONFLICT({pk}) DO UPDATE SET {updates}",
            dict(row),
        )

    @contextmanager
    def atomic(self) -> Iterator[Db]:
        """One transaction; nested blocks use savepoints (as ``sqlite_utils.Database.atomic``)."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"store_{os.getpid()}_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may already have ended it
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            conn.rollback()
            raise
        else:
            try:
                conn.execute("COMMIT")
            except BaseException:
                conn.rollback()
                raise

    @property
    def journal_mode(self) -> str:
        return str(self.conn.execute("PRAGMA journal_mode").fetchone()[0])

    def utils(self) -> Database:
        """sqlite-utils on this connection (imports it; no plugins)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False, recursive_triggers=False)

    def close(self) -> None:
        self.conn.close()
