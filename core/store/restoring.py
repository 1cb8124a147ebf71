"""Restoring a backup (issue 16: a backup is a file from elsewhere). The backup is never
opened where it lies: its bytes are copied into a private staging folder beside the
database, opened there read-only and hardened (``core.store.guard``), its schema
compared object by object with the app's own for its version (``core.store.schema``)
and its ``integrity_check`` run. A fresh database is then created with the app's own
schema at that version, the rows of each known table copied in with plain SELECTs,
and that copy verified (chain, row digests, list columns) before it replaces the
current database, which is kept beside it as a copy. The staging folder is removed
on success and on error; one left by a killed restore is removed by the next one.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from core.clock import Clock, SystemClock
from core.store import guard, schema
from core.store.errors import BackupInvalid, ForeignSchema, NotADatabase, translated
from core.store.opening import _integrity, put_in_place, verify_file
from core.store.paths import check_header, wal_companions

STAGING_LABEL = "restoring-"
# Rows go in parents first; the migration record is the fresh file's own.
COPY_ORDER = ("meta", "profile", "incidents", "submissions", "timeline", "attachments", "snapshots", "audit")
_STALE_AFTER_S = 3600.0  # where a process's liveness cannot be asked (Windows)


def restore(db_path: str | Path, from_path: str | Path, clock: Clock | None = None) -> Path | None:
    """Replace the database at ``db_path`` with the backup ``from_path``; returns the
    kept copy of the current file (None when there was none). Raises ``BackupInvalid``
    naming what is wrong with the backup, which is never changed."""
    db_path, source = Path(db_path), Path(from_path)
    clock = clock or SystemClock()
    if not source.is_file():
        raise BackupInvalid(source, "文件不存在或不是普通文件")
    try:
        if not check_header(source):
            raise BackupInvalid(source, "文件为空")
    except NotADatabase as exc:
        raise BackupInvalid(source, "不是 SQLite 数据库文件") from exc
    with translated(db_path):
        db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    remove_stale_staging(db_path)
    staging = _staging_dir(db_path)
    try:
        fresh = _rebuild(source, staging)
        result = verify_file(fresh)
        if not result.ok:
            raise BackupInvalid(source, result.message().split("：", 1)[-1])
        return put_in_place(db_path, fresh, clock)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _staging_dir(db_path: Path) -> Path:
    with translated(db_path):
        return Path(tempfile.mkdtemp(prefix=f"{db_path.name}.{STAGING_LABEL}{os.getpid()}-", dir=db_path.parent))


def remove_stale_staging(db_path: Path) -> list[Path]:
    """Remove staging folders (and older staging files) of restores that died; returns them."""
    removed: list[Path] = []
    for candidate in db_path.parent.glob(f"{db_path.name}.{STAGING_LABEL}*"):
        if _owner_alive(candidate):
            continue
        if candidate.is_dir():
            shutil.rmtree(candidate, ignore_errors=True)
        else:
            candidate.unlink(missing_ok=True)
        removed.append(candidate)
    return removed


def _owner_alive(candidate: Path) -> bool:
    tail = candidate.name.rsplit(STAGING_LABEL, 1)[-1]
    pid_text = tail.split("-", 1)[0]
    if not candidate.is_dir() or not pid_text.isdigit():
        return False  # an older version's staging file: its restore has ended
    if sys.platform == "win32":  # os.kill would end the process there
        try:
            return time.time() - candidate.stat().st_mtime < _STALE_AFTER_S
        except OSError:
            return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _rebuild(source: Path, staging: Path) -> Path:
    """A fresh database in ``staging`` holding the rows of ``source``; returns its path."""
    copy = staging / "backup.sqlite3"
    with translated(source):
        shutil.copyfile(source, copy)
        wal = wal_companions(source)[0]
        if wal.is_file() and wal.stat().st_size:
            shutil.copyfile(wal, wal_companions(copy)[0])
    src = guard.connect(copy)
    try:
        with translated(source):
            try:
                applied = schema.check(src, source)
            except (ForeignSchema, NotADatabase) as exc:
                raise BackupInvalid(source, exc.detail or exc.problem) from exc
            if not applied:
                raise BackupInvalid(source, "其中没有任何表，不是事件数据库")
            state = _integrity(src, "integrity_check")
            if state != "ok":
                raise BackupInvalid(source, f"完整性检查未通过：{state}")
            return _fresh_copy(src, applied, staging / "restored.sqlite3")
    except sqlite3.Error as exc:
        raise BackupInvalid(source, str(exc)) from exc
    finally:
        src.close()


def _fresh_copy(src: sqlite3.Connection, applied: list[str], out: Path) -> Path:
    from core.store.migrations import migrations
    from core.store.sql import Db
    from core.store.versions import KNOWN_NAMES

    conn = sqlite3.connect(str(out))
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


def _copy_rows(src: sqlite3.Connection, db: object, table: str) -> None:
    from core.store.sql import Db

    assert isinstance(db, Db)
    columns = [str(r[1]) for r in db.execute(f'PRAGMA table_info("{table}")')]
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608 - the app's own names
    if table == "meta":
        insert += " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    cursor = src.execute(f'SELECT {names} FROM "{table}"')  # noqa: S608 - the app's own names
    while rows := cursor.fetchmany(200):
        db.conn.executemany(insert, rows)
