"""Restoring a backup (issue 16: a backup is a file from elsewhere). The backup is never
opened where it lies: its bytes are copied into a private staging folder beside the
database, opened there read-only and hardened (``core.store.guard``), its schema
compared object by object with the app's own for its version (``core.store.schema``)
and its ``integrity_check`` run. A fresh database is then created with the app's own
schema at that version, the rows of each known table copied in with plain SELECTs,
and that copy verified (chain, row digests, list columns) before it replaces the
current database, which is kept beside it as a copy. The staging folder is removed
on success and on error; one left by a killed restore is removed by the next one.

Before anything is copied (issue 25) the backup's size is checked: its header (page
size, page count), its length against that header and against ``MAX_BACKUP_BYTES``, and
the space the restore needs against the free space beside the database. The restore
holds the database's one-writer lock (``core.store.writer``) from before it looks at the
current file until the new one is in place: it refuses while the desktop app has the
file open in another process, while another program is in a write transaction on it,
and when the current file is read-only.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.clock import Clock, SystemClock
from core.store import connection, guard, schema
from core.store.errors import BackupInvalid, ForeignSchema, NotADatabase, StoreError, StoreFull, StoreIOError, StoreLocked, StoreReadOnly, said, translated
from core.store.leftovers import STAGING_LABEL, remove_stale_staging
from core.store.migrations import migrations
from core.store.opening import put_in_place
from core.store.paths import SQLITE_HEADER, check_header, is_encrypted, key_file_of, wal_companions
from core.store.sql import Db
from core.store.verifying import integrity, verify_file
from core.store.versions import KNOWN_NAMES
from core.store.writer import WriterLock, held_here, holder

# Rows go in parents first; the migration record is the fresh file's own.
COPY_ORDER = ("meta", "profile", "incidents", "submissions", "timeline", "attachments", "snapshots", "audit")
# The largest backup restore accepts: a year of incidents with their evidence files is far
# below it; a larger (or sparse) file is refused before a byte is copied.
MAX_BACKUP_BYTES = 4 * 1024**3
_SLACK_BYTES = 1024 * 1024  # a file may run past its header's page count by this much


def size_text(n: int) -> str:
    """``n`` bytes for a message: ``4 GB``, ``512 MB``, ``12 KB``."""
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} B"


def restore(db_path: str | Path, from_path: str | Path, clock: Clock | None = None) -> Path | None:
    """Replace the database at ``db_path`` with the backup ``from_path``; returns the
    kept copy of the current file (None when there was none). Raises ``BackupInvalid``
    naming what is wrong with the backup, which is never changed."""
    db_path, source = Path(db_path), Path(from_path)
    clock = clock or SystemClock()
    if not source.is_file():
        raise BackupInvalid(source, said("store_backup_missing"))
    if is_encrypted(db_path) and connection.held(db_path) is None:
        from core.store.crypt import unlock_on_demand  # lazy: encrypted files only

        # first: the restored file is encrypted with its key (``restored_key``), and its
        # backups open with that key whatever passphrase they were made under
        unlock_on_demand(db_path)
    try:
        if not check_header(source):
            raise BackupInvalid(source, said("store_backup_empty"))
    except NotADatabase as exc:
        raise BackupInvalid(source, said("store_backup_not_sqlite")) from exc
    size = check_size(source)
    with translated(db_path):
        db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    refuse_read_only(db_path)
    with writer_lock(db_path):
        check_space(db_path, size)
        remove_stale_staging(db_path)
        staging = _staging_dir(db_path)
        try:
            try:
                fresh = _rebuild(source, staging, db_path)
                result = verify_file(fresh)
            except StoreError as exc:
                if exc.path is None or staging not in exc.path.parents:
                    raise
                # never the staging folder (issue 25): the disk's failures are the database
                # folder's, anything else is the backup's
                if isinstance(exc, StoreFull | StoreReadOnly | StoreIOError | StoreLocked):
                    raise exc.at(db_path) from exc
                raise BackupInvalid(source, exc.detail or exc.problem) from exc
            if not result.ok:
                raise BackupInvalid(source, result.finding())
            refuse_other_writer(db_path)
            return put_in_place(db_path, fresh, clock, keys_from=key_file_of(source) if connection.held(source) is not None else None)
        finally:
            for staged in (staging / "backup.sqlite3", staging / "restored.sqlite3"):
                connection.forget(staged)
            shutil.rmtree(staging, ignore_errors=True)


def check_size(source: Path) -> int:
    """The backup's size in bytes, after checking its header's page size and page count
    against its length and the length, with its -wal file's, against ``MAX_BACKUP_BYTES``;
    returns both lengths together. Reads 100 bytes."""
    with translated(source):
        size = source.stat().st_size
        with source.open("rb") as fh:
            header = fh.read(100)
        wal = wal_companions(source)[0]
        wal_size = wal.stat().st_size if wal.is_file() else 0  # copied with it (``_rebuild``)
    if size + wal_size > MAX_BACKUP_BYTES:
        raise BackupInvalid(source, said("store_backup_too_large", size=size_text(size + wal_size), limit=size_text(MAX_BACKUP_BYTES)))
    if connection.held(source) is not None and not header.startswith(SQLITE_HEADER):
        return size + wal_size  # encrypted (issue 28): no header to read; its key opens it or nothing does
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise BackupInvalid(source, said("store_backup_bad_header"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise BackupInvalid(source, said("store_backup_bad_page_size", size=page_size))
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96] and pages > 0  # SQLite trusts the count only then
    if counted and pages * page_size > size:
        raise BackupInvalid(source, said("store_backup_short", want=size_text(pages * page_size), size=size_text(size)))
    if counted and size > pages * page_size + _SLACK_BYTES:
        raise BackupInvalid(source, said("store_backup_padded", want=size_text(pages * page_size), size=size_text(size)))
    return size + wal_size


def check_space(db_path: Path, size: int) -> None:
    """Refuse, before copying, when the folder of the database has not room for the
    staging copy, the rebuilt file and the kept copy of the current one."""
    current = db_path.stat().st_size if db_path.is_file() else 0
    needed = 2 * size + current
    with translated(db_path):
        free = shutil.disk_usage(db_path.parent).free
    if free < needed:
        raise StoreFull(db_path, said("store_restore_space", needed=size_text(needed), free=size_text(free)), said("store_restore_space_remedy"))


def refuse_read_only(db_path: Path) -> None:
    """A current file its owner made read-only (no write bit) is never replaced."""
    try:
        mode = db_path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreReadOnly(db_path, exc.strerror or str(exc)) from exc
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise StoreReadOnly(db_path, said("store_restore_read_only"), said("store_restore_read_only_remedy"), problem=said("store_restore_read_only_problem"))


@contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    """Hold the one-writer lock of ``db_path`` (already held when the desktop app itself
    restores); ``StoreLocked`` naming the other process when another holds it."""
    if held_here(db_path):
        yield
        return
    lock = WriterLock(db_path)
    try:
        claimed = lock.acquire()
    except OSError as exc:
        raise StoreReadOnly(db_path, exc.strerror or str(exc)) from exc
    if not claimed:
        pid = holder(db_path)
        who = said("store_restore_window_pid", pid=pid) if pid else ""
        raise StoreLocked(db_path, None, said("store_restore_window_remedy"), problem=said("store_restore_window", who=who))
    try:
        yield
    finally:
        lock.release()


def refuse_other_writer(db_path: Path) -> None:
    """``StoreLocked`` while another program holds a write transaction on ``db_path``
    (asked with ``BEGIN IMMEDIATE``, rolled back at once). A file SQLite cannot read is
    not asked: nothing can be writing it."""
    if not db_path.is_file():
        return
    try:
        conn = connection.connect(db_path, timeout=0.5)  # keyed when encrypted (issue 28)
    except connection.Error:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except connection.OperationalError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise StoreLocked(db_path, None, said("store_restore_writer_remedy"), problem=said("store_restore_writer")) from exc
    except connection.Error:
        pass
    finally:
        conn.close()


def _staging_dir(db_path: Path) -> Path:
    with translated(db_path):
        return Path(tempfile.mkdtemp(prefix=f"{db_path.name}.{STAGING_LABEL}{os.getpid()}-", dir=db_path.parent))


def _rebuild(source: Path, staging: Path, db_path: Path) -> Path:
    """A fresh database in ``staging`` holding the rows of ``source``; returns its path.
    A failure to write (a full disk) is said of the database's folder."""
    copy = staging / "backup.sqlite3"
    with translated(db_path):
        shutil.copyfile(source, copy)
        wal = wal_companions(source)[0]
        if wal.is_file() and wal.stat().st_size:
            shutil.copyfile(wal, wal_companions(copy)[0])
    source_key = connection.held(source)
    if source_key is not None:  # an encrypted backup, unlocked by the caller (issue 28)
        connection.hold(copy, source_key)
    src = guard.connect(copy)
    try:
        with translated(source):
            try:
                applied = schema.check(src, source)
            except (ForeignSchema, NotADatabase) as exc:
                raise BackupInvalid(source, exc.detail or exc.problem) from exc
            if not applied:
                raise BackupInvalid(source, said("store_backup_no_tables"))
            state = integrity(src, "integrity_check")
            if state != "ok":
                raise BackupInvalid(source, said("store_backup_integrity", state=state))
        with translated(db_path):
            fresh = staging / "restored.sqlite3"
            key = restored_key(db_path, source)
            if key is not None:
                connection.hold(fresh, key)  # written, verified and put in place encrypted
            return _fresh_copy(src, applied, fresh)
    except connection.Error as exc:
        raise BackupInvalid(source, str(exc)) from exc
    finally:
        src.close()


def restored_key(db_path: Path, source: Path) -> bytearray | None:
    """The key the restored database is encrypted with (issue 28): the current database's
    when it is encrypted (restoring an older, plain backup never turns encryption off),
    else the backup's own (None: plain)."""
    return connection.held(db_path) or connection.held(source)


def _fresh_copy(src: sqlite3.Connection, applied: list[str], out: Path) -> Path:
    conn = connection.connect(out)  # keyed when the restored file is to be encrypted
    try:
        db = Db(conn)
        later = KNOWN_NAMES[len(applied)] if len(applied) < len(KNOWN_NAMES) else None
        migrations.apply(db.utils(), stop_before=later)
        with db.atomic():
            for table in COPY_ORDER:
                _copy_rows(src, db, table)
    finally:
        conn.close()
    return out


def _copy_rows(src: sqlite3.Connection, db: Db, table: str) -> None:
    columns = [str(r[1]) for r in db.execute(f'PRAGMA table_info("{table}")')]
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608 - the app's own names
    if table == "meta":
        insert += " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    cursor = src.execute(f'SELECT {names} FROM "{table}"')  # noqa: S608 - the app's own names
    while rows := cursor.fetchmany(200):
        db.conn.executemany(insert, rows)
