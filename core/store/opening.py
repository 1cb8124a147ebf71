"""Opening the database file (the full check and backup are ``core.store.verifying``,
restoring is ``core.store.restoring``).

``open_store`` refuses, before anything is written, a file that is not a SQLite
database, whose schema is not exactly the app's own for its version (an extra or
missing trigger, view, table or index, named in the message: ``core.store.schema``),
fails ``PRAGMA quick_check``, was written by a newer version, or whose audit chain's
newest rows do not link (the whole chain, every row and every list column are checked
by ``verify``, which also runs the full ``integrity_check``). Checks run on a hardened
read-only connection (``core.store.guard``: ``trusted_schema`` off, a time limit on
every statement), so a bad file stays byte-for-byte as it was and none of its own
objects runs. A good file is then opened read-write in WAL mode with
``synchronous=FULL`` (a committed edit survives ``kill -9`` and power loss) and, if it
has an older schema, a backup copy is written beside it before migrating forward.
The GUI passes ``check_in_background``: a current file's ``quick_check`` (the one check
that reads the whole file) then runs in a thread while the first window is painted, the
audit tail is checked right after the paint, and the store writes nothing until both
passed (``Store.finish_opening``). ``readonly``
(the CLI's list, export, verify, backup, check ID) never writes at all.

Second instance: shared, not refused. SQLite's locks keep one file consistent across
processes; every write transaction takes the write lock before it reads (see
``Store._write``), so two instances append to the one audit chain in turn, and a writer
that cannot get the lock within ``busy_timeout`` gets ``StoreLocked`` with its edit
intact for a retry. Refusing would also lock out the CLI (``verify``, ``backup``) while
the GUI is open.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from core import __version__
from core.clock import Clock, SystemClock
from core.store import audit, connection, guard, leftovers, paths, schema, versions
from core.store.errors import (
    ChainBroken,
    ForeignSchema,
    NotADatabase,
    StoreCorrupt,
    StoreError,
    StoreTimeout,
    StoreTooNew,
    said,
    translated,
    translated_reading,
)
from core.store.paths import check_header, create_private_file, key_file_of, sibling, wal_companions
from core.store.sql import Db
from core.store.store import Store
from core.store.verifying import copy_file, integrity

if TYPE_CHECKING:
    from core.rules import RulePack

TAIL_ROWS = 200


def _connect(path: Path, *, readonly: bool, timeout: float) -> sqlite3.Connection:
    """Read-only connections are hardened (``core.store.guard``): every check runs on
    one before the file is trusted with a writable connection."""
    if readonly:
        return guard.connect(path, timeout=timeout)
    with translated(path):
        return connection.connect(path, timeout=timeout)  # keyed when encrypted (issue 28)


def _check_tail(conn: sqlite3.Connection, path: Path) -> None:
    """The newest audit rows link to each other and to ``meta.audit_head``."""
    rows = conn.execute("SELECT seq, at, action, incident_id, detail, prev_hash, hash FROM audit ORDER BY seq DESC LIMIT ?", (TAIL_ROWS,)).fetchall()[::-1]
    for older, newer in zip(rows, rows[1:], strict=False):
        if newer[0] != older[0] + 1 or newer[5] != older[6]:
            raise ChainBroken(path, said("store_audit_row", row=older[0] + 1))
    for seq, at, action, incident_id, detail, prev_hash, stored in rows:
        if not audit.entry_matches(prev_hash, seq, at, action, incident_id, detail, stored):
            raise ChainBroken(path, said("store_audit_row", row=seq))
    head = conn.execute("SELECT value FROM meta WHERE key = ?", (audit.HEAD_KEY,)).fetchone()
    last = f"{rows[-1][0]}:{rows[-1][6]}" if rows else None
    if (head[0] if head else None) != last:
        raise ChainBroken(path, said("store_audit_tail", row=rows[-1][0] + 1 if rows else 1))


def _quick_check(path: Path, timeout: float) -> None:
    """``PRAGMA quick_check`` on a read-only connection of its own; raises ``StoreCorrupt``.
    It reads the whole file (~65 ms for 10,000 incidents) and lets other threads run."""
    conn = _connect(path, readonly=True, timeout=timeout)
    try:
        with translated(path):
            state = integrity(conn, "quick_check")
            if state != "ok":
                raise StoreCorrupt(path, state)
    finally:
        conn.close()


def _tail_check(path: Path, timeout: float) -> None:
    """``_check_tail`` on a read-only connection of its own (files with an audit table)."""
    conn = _connect(path, readonly=True, timeout=timeout)
    try:
        with translated(path):
            if versions.applied_names(conn):
                _check_tail(conn, path)
    finally:
        conn.close()


def _check_existing(path: Path, timeout: float, *, quick_check: bool = True, tail: bool = True) -> list[str]:
    """Read-only checks of an existing database; returns its pending migrations. The
    schema is compared with the app's own first, so nothing else in it ever runs."""
    conn = _connect(path, readonly=True, timeout=timeout)
    try:
        with translated(path):
            applied = schema.check(conn, path)
            if quick_check:
                state = integrity(conn, "quick_check")
                if state != "ok":
                    raise StoreCorrupt(path, state)
            if applied and tail:
                _check_tail(conn, path)
            return [n for n in versions.KNOWN_NAMES if n not in applied]
    finally:
        conn.close()


class BackgroundCheck:
    """``_quick_check`` in a thread, started by ``start()`` (the desktop: once its first
    window is painted, as reading the whole file beside the paint slowed it by ~6 ms with
    10,000 incidents) or by the first ``wait()``; ``done`` tells, without waiting, when it
    finished. ``wait()`` then checks the audit chain's newest rows (``_check_tail``, on the
    caller's thread) and raises what either found (every time it is asked)."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.error: StoreError | None = None
        self.path, self.timeout, self._tail_checked = path, timeout, False
        self._thread = threading.Thread(target=self._run, args=(path, timeout), name="store-quick-check", daemon=True)

    def start(self) -> None:
        if self._thread.ident is None:
            self._thread.start()

    @property
    def done(self) -> bool:
        return self._thread.ident is not None and not self._thread.is_alive()

    def _run(self, path: Path, timeout: float) -> None:
        try:
            _quick_check(path, timeout)
        except StoreError as exc:
            self.error = exc

    def wait(self) -> None:
        self.start()
        self._thread.join()
        if self.error is None and not self._tail_checked:
            try:
                _tail_check(self.path, self.timeout)
            except StoreError as exc:
                self.error = exc
            else:
                self._tail_checked = True  # only a check that passed counts: anything else is raised again
        if self.error is not None:
            raise self.error

    def join(self) -> None:
        if self._thread.ident is not None:
            self._thread.join()


def open_store(
    path: str | Path,
    clock: Clock | None = None,
    *,
    pack: RulePack | None = None,
    busy_timeout: float = 5.0,
    check_in_background: bool = False,
    readonly: bool = False,
) -> Store:
    """Open (or create) the database at ``path``; see the module docstring.

    With ``check_in_background`` (the GUI, issue 7: start-up) a current file's
    ``quick_check`` runs in a thread while the caller goes on reading; the store's first
    write waits for it (``Store.finish_opening``) and a failed check refuses every write.
    A file that needs migrating is always checked first. ``readonly`` (list, export,
    verify, backup, check ID) is ``open_readonly``."""
    path = Path(path)
    clock = clock or SystemClock()
    if readonly:
        return open_readonly(path, clock, pack=pack, busy_timeout=busy_timeout)
    if path.is_dir():
        raise NotADatabase(path, said("store_is_folder"))
    if path.exists() and not path.is_file():
        raise NotADatabase(path, said("store_not_regular"))  # reading a FIFO would wait forever
    clean_leftovers(path)
    has_data = path.exists() and check_header(path)
    if path.exists() and not has_data and not _is_default(path):
        # an empty file the user named (``--db``) is more likely a slip than a wish for a new
        # database there (issue 25); the default location's empty file is the app's own
        raise NotADatabase(path, said("store_named_empty"), said("store_named_empty_remedy"), problem=said("store_named_empty_problem"))
    if not path.exists():
        create_private_file(path)
    background: BackgroundCheck | None = None
    if not has_data:
        pending = list(versions.KNOWN_NAMES)
    elif check_in_background:
        pending = _check_existing(path, busy_timeout, quick_check=False, tail=False)
        if pending:
            _quick_check(path, busy_timeout)
            _tail_check(path, busy_timeout)
        else:
            background = BackgroundCheck(path, busy_timeout)
    else:
        pending = _check_existing(path, busy_timeout)
    conn = _connect(path, readonly=False, timeout=busy_timeout)
    try:
        with translated(path):
            db = Db(conn)
            db.execute("PRAGMA trusted_schema=OFF")  # the schema was compared with the app's own; keep it inert
            db.execute("PRAGMA recursive_triggers=ON")
            if db.journal_mode != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            if not has_data:
                _create(db)
                if check_in_background:  # the first run's window paints before its opening steps
                    background = BackgroundCheck(path, busy_timeout)
            elif pending:
                _migrate(db, path, clock, pending, backup_first=bool(versions.applied_names(conn)))
            store = Store(db, path, clock, pack, opening=background)
            if background is None:
                store.touch_clock()
                store.assign_missing_numbers()
                store.refresh_list_columns()
            return store
    except BaseException:
        conn.close()
        raise


def _is_default(path: Path) -> bool:
    try:
        return path.resolve() == paths.default_db_path().resolve()
    except OSError:
        return False


def open_readonly(path: Path, clock: Clock, *, pack: RulePack | None = None, busy_timeout: float = 5.0) -> Store:
    """The database at ``path`` for reading only: the same checks as ``open_store`` on a
    hardened ``mode=ro`` connection, nothing ever written, so it works in a read-only
    folder, on a full disk and while another program writes. An older schema is
    migrated in a copy in memory; the file stays as it was. Writes raise ``StoreReadOnly``."""
    with translated_reading(path):
        if path.is_dir():
            raise NotADatabase(path, said("store_is_folder"))
        if not path.exists():
            raise StoreError(path, said("store_missing_file"), said("store_missing_file_remedy"))
        if not path.is_file():
            raise NotADatabase(path, said("store_not_regular"))
        if not check_header(path):
            raise NotADatabase(path, said("store_empty_yet"))
        conn = guard.connect(path, timeout=busy_timeout)
        try:
            applied = schema.check(conn, path)
            if not applied:
                raise NotADatabase(path, said("store_no_tables_yet"))
            state = integrity(conn, "quick_check")
            if state != "ok":
                raise StoreCorrupt(path, state)
            _check_tail(conn, path)
            if len(applied) < len(versions.KNOWN_NAMES):
                conn = _migrated_in_memory(conn)
            return Store(Db(conn), path, clock, pack, read_only=True)
        except BaseException:
            conn.close()
            raise


def _migrated_in_memory(conn: sqlite3.Connection) -> sqlite3.Connection:
    from core.store.migrations import migrations  # lazy: sqlite-utils only for an older file

    memory = connection.memory_like(conn)
    try:
        if connection.is_cipher(conn):  # SQLCipher copies an encrypted file out only by export
            conn.execute("PRAGMA query_only=OFF")
            conn.execute(connection.attach_sql("mem", None), (":memory:",))
            conn.execute("SELECT sqlcipher_export('mem')")
            conn.backup(memory, name="mem")
            conn.execute("DETACH DATABASE mem")
        else:
            conn.backup(memory)
        migrations.apply(Db(memory).utils())
    except BaseException:
        memory.close()
        raise
    finally:
        conn.close()
    return memory


def _create(db: Db) -> None:
    """A new file: every schema step (without sqlite-utils, ``core.store.steps``)."""
    from core.store import steps  # lazy: only a new file is built from the steps

    with db.atomic():  # one commit for the schema and the version that wrote it
        steps.create(db)
        _note_version(db)


def _migrate(db: Db, path: Path, clock: Clock, pending: list[str], *, backup_first: bool) -> None:
    """Apply the pending schema steps (after a backup copy of an older file)."""
    from core.store.migrations import migrations  # lazy: sqlite-utils only for an older file

    if backup_first:
        copy_file(db.conn, sibling(path, f"before-{pending[0]}", clock.now()), path)
    migrations.apply(db.utils())
    _note_version(db)


def _note_version(db: Db) -> None:
    with db.atomic():
        db.execute("INSERT INTO meta (key, value) VALUES ('app_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (__version__,))


def clean_leftovers(path: Path) -> None:
    """Remove what killed copies and restores left beside the database ``path`` (only
    those whose process has ended; ``core.store.leftovers``)."""
    leftovers.remove_partials(path.parent)
    leftovers.remove_stale_staging(path)


def put_in_place(db_path: Path, staged: Path, clock: Clock, *, keys_from: Path | None = None) -> Path | None:
    """Make the verified database ``staged`` the one at ``db_path``; returns the kept copy
    of the current file (None when there was none). A staged file encrypted with a key the
    current file does not have (an encrypted backup restored over a plain database, issue
    28) brings its key file ``keys_from``: the current file and its key file are kept beside
    as they are, and the staged file takes its place with that key file."""
    staged_key = connection.held(staged)
    if staged_key is not None and staged_key != connection.held(db_path):
        return _put_encrypted(db_path, staged, clock, staged_key, keys_from)
    if not db_path.exists():
        with translated(db_path):
            os.replace(staged, db_path)
            os.chmod(db_path, 0o600)
        open_store(db_path, clock).close()  # migrate an older backup forward
        return None
    kept = sibling(db_path, "before-restore", clock.now())
    try:
        store = open_store(db_path, clock)
    except (NotADatabase, StoreCorrupt, ChainBroken, ForeignSchema, StoreTooNew, StoreTimeout):
        # only a file that cannot be used is moved aside; a lock, a full disk or a
        # read-only file is said as it is, and nothing moves (issue 25)
        with translated(db_path):
            os.replace(db_path, kept)
            for companion, moved in zip(wal_companions(db_path), wal_companions(kept), strict=True):
                if companion.exists():
                    os.replace(companion, moved)
            os.replace(staged, db_path)
            os.chmod(db_path, 0o600)
        open_store(db_path, clock).close()
        return kept
    try:
        copy_file(store.db.conn, kept, db_path)
        src = _connect(staged, readonly=True, timeout=5.0)
        try:
            with translated(db_path):
                src.backup(store.db.conn)
        finally:
            src.close()
    finally:
        store.close()
    open_store(db_path, clock).close()
    return kept


def _put_encrypted(db_path: Path, staged: Path, clock: Clock, key: bytearray, keys_from: Path | None) -> Path | None:
    """``put_in_place`` for a staged file with a key of its own. Each step leaves a file
    that opens: the current key file is copied beside the kept name first, then the
    current file moves there, then the new key file and the new file take their places."""
    if keys_from is None:
        raise ValueError("an encrypted file is put in place with its key file")
    from core.store.keys import read_key_file, write_key_file  # lazy: encrypted files only

    kept = sibling(db_path, "before-restore", clock.now()) if db_path.exists() else None
    with translated(db_path):
        new_keys = read_key_file(keys_from)
        if kept is not None:
            if key_file_of(db_path).is_file():
                write_key_file(key_file_of(kept), read_key_file(key_file_of(db_path)))
            os.replace(db_path, kept)
            for companion, moved in zip(wal_companions(db_path), wal_companions(kept), strict=True):
                if companion.exists():
                    os.replace(companion, moved)
        write_key_file(key_file_of(db_path), new_keys)
        connection.hold(db_path, key)
        os.replace(staged, db_path)
        os.chmod(db_path, 0o600)
    open_store(db_path, clock).close()
    return kept
