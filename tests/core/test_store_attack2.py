"""The record under attack, second round (issue 25): a trigger hidden under SQLite's
own statistics name, restore against another writer, an oversized backup, outputs that
would overwrite, leftovers of killed processes, temp paths in messages, a full disk
through the command line, store errors in English, a console that cannot show Chinese,
very long arrays and an empty file named with ``--db``."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.cli import main as cli_main
from core.clock import FixedClock
from core.store import BackupInvalid, ForeignSchema, StoreFull, StoreLocked, StoreReadOnly, open_store, restore, verify_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources/examples/clinic-ransomware.json"
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
EVIL = "CREATE TRIGGER sqlite_stat_evil AFTER INSERT ON audit BEGIN DELETE FROM meta WHERE key = 'app_version'; END"


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def make_db(path: Path) -> Path:
    store = open_store(path, FixedClock(T0))
    store.import_document(example())
    store.close()
    return path


def plant_schema_row(path: Path, kind: str, name: str, table: str, sql: str) -> None:
    """What an attacker with ``writable_schema`` does: a row SQLite would not let ``CREATE`` make."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, 0, ?)", (kind, name, table, sql))
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


# 1. A trigger named sqlite_stat…


def test_a_trigger_named_like_sqlites_statistics_is_refused_by_open_verify_and_restore(tmp_path: Path) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    plant_schema_row(db, "trigger", "sqlite_stat_evil", "audit", EVIL)
    before = db.read_bytes()
    with pytest.raises(ForeignSchema) as caught:
        open_store(db, FixedClock(T0))
    assert "sqlite_stat_evil" in str(caught.value)
    result = verify_file(db)
    assert not result.ok and "sqlite_stat_evil" in result.message()
    current = make_db(tmp_path / "current" / "db.sqlite3")
    with pytest.raises(BackupInvalid) as refused:
        restore(current, db, FixedClock(T0))
    assert "sqlite_stat_evil" in str(refused.value)
    assert db.read_bytes() == before


def test_a_table_named_sqlite_stat_that_sqlite_did_not_make_is_refused(tmp_path: Path) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    plant_schema_row(db, "table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat,payload)")
    with pytest.raises(ForeignSchema) as caught:
        open_store(db, FixedClock(T0))
    assert "sqlite_stat1" in str(caught.value)


def test_sqlites_own_statistics_from_analyze_still_open(tmp_path: Path) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    conn = sqlite3.connect(str(db))
    conn.execute("ANALYZE")
    conn.commit()
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "sqlite_stat1" in names
    open_store(db, FixedClock(T0)).close()
    assert verify_file(db).ok


# 2. Restore against another writer, a desktop window and a read-only file

HOLD_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta (key, value) VALUES ('other_writer', 'kept')")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
"""


@pytest.fixture
def backup_file(tmp_path: Path) -> Path:
    store = open_store(make_db(tmp_path / "source" / "db.sqlite3"), FixedClock(T0))
    out = store.backup(tmp_path / "backup.sqlite3")
    store.close()
    return out


def bak_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".bak"))


def test_restore_refuses_while_another_process_holds_a_write_transaction_and_its_row_lands(tmp_path: Path, backup_file: Path) -> None:
    import subprocess
    import sys

    db = make_db(tmp_path / "live" / "db.sqlite3")
    child = subprocess.Popen([sys.executable, "-c", HOLD_WRITE, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLocked) as caught:
            restore(db, backup_file, FixedClock(T0))
        assert "另一个程序正在写入" in str(caught.value)
        assert bak_files(db.parent) == []
    finally:
        child.communicate("go\n", timeout=30)
    assert child.returncode == 0
    conn = sqlite3.connect(str(db))
    assert conn.execute("SELECT value FROM meta WHERE key = 'other_writer'").fetchone() == ("kept",)
    conn.close()


def test_restore_refuses_while_the_desktop_app_of_another_process_holds_the_writer_lock(tmp_path: Path, backup_file: Path) -> None:
    import subprocess
    import sys

    db = make_db(tmp_path / "live" / "db.sqlite3")
    hold = (
        "from core.store.writer import WriterLock; import sys; lock = WriterLock(sys.argv[1]); "
        "assert lock.acquire(); print('holding', flush=True); sys.stdin.readline()"
    )
    child = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLocked) as caught:
            restore(db, backup_file, FixedClock(T0))
        assert f"进程 {child.pid}" in str(caught.value)
    finally:
        child.communicate("go\n", timeout=30)
    assert bak_files(db.parent) == []
    assert restore(db, backup_file, FixedClock(T0)) is not None  # the lock released: restore goes ahead


def test_a_restore_from_the_window_holding_the_lock_goes_ahead(tmp_path: Path, backup_file: Path) -> None:
    from core.store.writer import WriterLock

    db = make_db(tmp_path / "live" / "db.sqlite3")
    lock = WriterLock(db)
    assert lock.acquire()
    try:
        store = open_store(db, FixedClock(T0))
        assert store.restore(backup_file) is not None
        store.close()
    finally:
        lock.release()


def test_restore_never_replaces_a_read_only_database(tmp_path: Path, backup_file: Path) -> None:
    db = make_db(tmp_path / "live" / "db.sqlite3")
    db.chmod(0o400)
    before = db.read_bytes()
    with pytest.raises(StoreReadOnly) as caught:
        restore(db, backup_file, FixedClock(T0))
    assert "只读" in str(caught.value)
    assert db.read_bytes() == before and bak_files(db.parent) == []
    db.chmod(0o600)


# 3. An oversized or sparse backup is refused before a byte is copied


def test_a_sparse_backup_larger_than_the_limit_is_refused_before_copying(tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.store import restoring

    monkeypatch.setattr(restoring, "MAX_BACKUP_BYTES", 1024 * 1024)
    sparse = tmp_path / "sparse.sqlite3"
    sparse.write_bytes(backup_file.read_bytes())
    with sparse.open("r+b") as fh:
        fh.truncate(50 * 1024 * 1024)  # a hole: no blocks on the disk
    db = make_db(tmp_path / "live" / "db.sqlite3")
    copied: list[object] = []
    monkeypatch.setattr(restoring.shutil, "copyfile", lambda *a, **k: copied.append(a))
    with pytest.raises(BackupInvalid) as caught:
        restore(db, sparse, FixedClock(T0))
    assert "上限 1 MB" in str(caught.value) and "50 MB" in str(caught.value)
    assert copied == []
    assert not [p for p in db.parent.iterdir() if "restoring" in p.name]


def test_a_backup_padded_past_its_header_is_refused_under_the_limit(tmp_path: Path, backup_file: Path) -> None:
    padded = tmp_path / "padded.sqlite3"
    padded.write_bytes(backup_file.read_bytes())
    with padded.open("r+b") as fh:
        fh.truncate(padded.stat().st_size + 8 * 1024 * 1024)
    with pytest.raises(BackupInvalid) as caught:
        restore(make_db(tmp_path / "live" / "db.sqlite3"), padded, FixedClock(T0))
    assert "文件头" in str(caught.value)


def test_a_restore_without_room_on_the_disk_is_refused_before_copying(tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil as real_shutil

    from core.store import restoring

    usage = real_shutil.disk_usage(tmp_path)
    monkeypatch.setattr(restoring.shutil, "disk_usage", lambda _p: usage._replace(free=1000))
    db = make_db(tmp_path / "live" / "db.sqlite3")
    with pytest.raises(StoreFull) as caught:
        restore(db, backup_file, FixedClock(T0))
    assert "可用 1000 B" in str(caught.value)


# 11. An empty file named with --db


def test_an_empty_file_named_with_db_is_refused_and_left_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert cli_main(["--db", str(empty), "import", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert str(empty) in err and "0 字节" in err
    assert empty.read_bytes() == b""


def test_an_empty_file_at_the_default_location_becomes_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.store import paths

    default = tmp_path / "data" / "incidents.sqlite3"
    default.parent.mkdir()
    default.write_bytes(b"")
    monkeypatch.setattr(paths, "default_db_path", lambda: default)
    open_store(default, FixedClock(T0)).close()
    assert default.read_bytes().startswith(b"SQLite format 3")
