"""Read-only connections to database files the app did not just write itself (a
backup to restore, a file given with ``--db``, the file a read-only command reads):
``mode=ro``, ``PRAGMA query_only``, ``trusted_schema=OFF`` (no functions or virtual
tables from schema objects), ``cell_size_check=ON``, SQLite's defensive mode and no
triggers or views where this Python can set them (3.12+), and a time limit on every
statement through ``set_progress_handler`` (tech-notes: "SQLite files from elsewhere").
The schema itself is compared with the app's in ``core.store.schema`` before anything
else is read. Does not write.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from core.store import connection
from core.store.errors import translated
from core.store.paths import wal_companions

# A statement on a file from elsewhere may run this long; a full integrity_check of a
# 10,000-incident file takes well under a second, so only a crafted file reaches it.
STATEMENT_LIMIT_S = 60.0
_PROGRESS_STEPS = 10_000
# Failures to open for want of a -wal or -shm file (read-only folder, full disk).
_FOR_WANT_OF_COMPANIONS = (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL)


class StatementClock:
    """Interrupts a statement that runs longer than ``limit_s``. The time restarts at
    each statement the connection starts (its trace callback), not at a trigger's."""

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        self.started = time.monotonic()

    def restart(self, sql: str) -> None:
        if not sql.startswith("--"):  # "-- TRIGGER name": a trigger of the running statement
            self.started = time.monotonic()

    def over(self) -> int:
        return 1 if time.monotonic() - self.started > self.limit_s else 0


def harden(conn: sqlite3.Connection, limit_s: float = STATEMENT_LIMIT_S) -> sqlite3.Connection:
    """Apply the settings above to an open connection; returns it."""
    clock = StatementClock(limit_s)
    conn.set_trace_callback(clock.restart)
    conn.set_progress_handler(clock.over, _PROGRESS_STEPS)
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]
        setconfig(sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA, False)  # type: ignore[attr-defined]
        setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_TRIGGER, False)  # type: ignore[attr-defined]
        setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_VIEW, False)  # type: ignore[attr-defined]
    for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "query_only=ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def connect(path: Path, *, timeout: float = 5.0, limit_s: float = STATEMENT_LIMIT_S, leave_no_companions: bool = False) -> sqlite3.Connection:
    """A hardened read-only connection to ``path``.

    With ``leave_no_companions`` (checking a user's backup file) a file without a -wal
    file beside it is opened ``immutable``: nothing has it open (a WAL database keeps
    its -wal while any connection is open), and SQLite then creates no -wal or -shm
    next to it. So is a file without a -wal that SQLite cannot open for want of them: in
    a read-only folder (``SQLITE_READONLY_DIRECTORY``) or on a full disk (the -shm file
    cannot grow); with no -wal content, no other program is writing it."""
    wal = wal_companions(path)[0]
    with translated(path):
        try:
            return _open(path, timeout, limit_s, immutable=leave_no_companions and not wal.exists())
        except connection.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in _FOR_WANT_OF_COMPANIONS or _has_content(wal):
                raise  # a lock held by another program is reported, never read around
            return _open(path, timeout, limit_s, immutable=True)


def _has_content(wal: Path) -> bool:
    """A -wal file with frames in it (an empty one may be left by a failed attempt)."""
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _open(path: Path, timeout: float, limit_s: float, *, immutable: bool) -> sqlite3.Connection:
    conn = connection.connect(path, readonly=True, immutable=immutable, timeout=timeout)  # keyed when encrypted (issue 28)
    try:
        harden(conn, limit_s)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file now, not at first use
    except BaseException:
        conn.close()
        raise
    return conn
