"""The store in bad situations: tampering, a corrupt or foreign file, a newer schema,
a read-only folder, a full disk, a locked database; migration of a schema-1 file;
backup and restore. A bad file is reported, named and left byte-for-byte as it was."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.clock import FixedClock
from core.store import (
    BackupInvalid,
    ChainBroken,
    NotADatabase,
    Store,
    StoreCorrupt,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
    StoreTooNew,
    TargetExists,
    open_store,
    restore,
    verify_file,
)
from tests.conftest import sha
from tests.core.privileges import readable, unprivileged

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_V1 = ROOT / "tests" / "fixtures" / "store-v1.sqlite3"
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def example() -> dict[str, Any]:
    return json.loads(readable(ROOT / "resources/examples/clinic-ransomware.json"))  # read before any drop to nobody


def filled(path: Path) -> str:
    """A closed database with one imported incident and some edits; returns its id."""
    store = open_store(path, FixedClock(T0))
    incident_id = store.import_document(example())
    store.set_field(incident_id, "harm", "门诊停摆两小时")
    store.add_timeline(incident_id, {"at": "2026-11-24T10:00:00+08:00", "text": "断网"})
    store.close()
    return incident_id


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(str(path))
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


# --- tampering ---


def test_a_changed_byte_in_an_incident_is_found_and_named(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    tamper(path, "UPDATE incidents SET doc = replace(doc, '门诊停摆', '门诊停顿')")
    result = verify_file(path)
    assert not result.ok
    assert f"id={incident_id}" in result.message() and "incidents" in result.message()
    assert re.search(r"与审计第 \d+ 行记录的哈希不符", result.message())  # the audit row that vouches for it


def test_a_changed_byte_in_a_timeline_row_is_found(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    tamper(path, "UPDATE timeline SET data = replace(data, '断网', '断电')")
    result = verify_file(path)
    assert not result.ok and "timeline" in result.message()


def test_an_edited_audit_row_is_named_by_number(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    tamper(path, "DROP TRIGGER audit_no_update", "UPDATE audit SET at = '2026-11-23T00:00:00+00:00' WHERE seq = 2")
    result = verify_file(path)
    assert result.first_broken_row == 2
    assert "audit 表第 2 行" in result.message()


@pytest.mark.parametrize("seq", [1, 2])
def test_a_deleted_audit_row_is_named_by_number(tmp_path: Path, seq: int) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    tamper(path, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit WHERE seq = {seq}")
    assert verify_file(path).first_broken_row == seq


BLOB_IN_THE_TAIL = (
    "DROP TRIGGER audit_no_update",
    "UPDATE audit SET incident_id = X'00ff' WHERE seq = (SELECT max(seq) FROM audit)",
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\nBEGIN SELECT RAISE(ABORT, 'audit log is append-only: rows cannot be changed'); END",
)  # a value no app writes, in a row whose hash then cannot be computed; the schema put back


def test_an_audit_row_whose_hash_cannot_be_computed_breaks_the_chain_at_every_open(tmp_path: Path) -> None:
    """A blob where the chain has text: refused at open, under the desktop's open (every
    write, every time it is asked), and named by the full check; the file stays as it was."""
    from core.store.fullcheck import run_full_check

    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    tamper(path, *BLOB_IN_THE_TAIL)
    before = sha(path)
    with pytest.raises(ChainBroken, match=str(path)):
        open_store(path, FixedClock(T0))
    assert str(path) in str(background_open_refuses_writes(path, ChainBroken, incident_id))
    found = run_full_check(path)
    assert found.finished and not found.ok and found.problems[0].table == "audit"
    assert not verify_file(path).ok
    assert sha(path) == before


def test_deleting_the_newest_audit_row_is_found_and_refused_on_open(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    last = sqlite3.connect(str(path)).execute("SELECT max(seq) FROM audit").fetchone()[0]
    tamper(
        path,
        "DROP TRIGGER audit_no_delete",
        f"DELETE FROM audit WHERE seq = {last}",
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\nBEGIN SELECT RAISE(ABORT, 'audit log is append-only: rows cannot be deleted'); END",
    )  # put back: schema as the app's
    assert verify_file(path).first_broken_row == last
    before = sha(path)
    with pytest.raises(ChainBroken, match=str(path)):
        open_store(path, FixedClock(T0))
    assert sha(path) == before
    # The desktop's open checks the tail right after its first paint; until then, and
    # after, every write is refused and the file stays as it was.
    caught = background_open_refuses_writes(path, ChainBroken, incident_id)
    assert str(path) in str(caught)
    assert sha(path) == before


def background_open_refuses_writes(path: Path, error: type[Exception], incident_id: str) -> Exception:
    """Open as the desktop does (checks after the first paint): the list reads, and the
    checks' finding refuses ``finish_opening`` and every write after it; the finding."""
    store = open_store(path, FixedClock(T0), check_in_background=True)
    try:
        assert [row.id for row in store.list_incidents(T0)] == [incident_id]
        with pytest.raises(error) as caught:
            store.finish_opening()
        for _attempt in range(2):
            with pytest.raises(error):
                store.set_field(incident_id, "harm", "不应写入")
    finally:
        store.close()
    return caught.value


def test_the_audit_table_refuses_updates_and_deletes(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        tamper(path, "UPDATE audit SET action = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        tamper(path, "DELETE FROM audit")
    assert verify_file(path).ok


# --- files that cannot be used ---


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    before = sha(path)
    with pytest.raises(NotADatabase) as caught:
        open_store(path, FixedClock(T0))
    assert str(path) in str(caught.value) and "恢复" in str(caught.value)
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3"]


def test_a_corrupt_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(2, len(data) // page):
        data[n * page : n * page + 8] = b"\xff" * 8  # break every b-tree page header after the schema
    path.write_bytes(bytes(data))
    before = sha(path)
    with pytest.raises((StoreCorrupt, NotADatabase)) as caught:
        open_store(path, FixedClock(T0))
    assert "恢复" in str(caught.value) and str(path) in str(caught.value)
    assert sha(path) == before
    assert not verify_file(path).ok
    assert sha(path) == before


def _break_table_page(path: Path, table: str) -> None:
    """Overwrite the b-tree page header of ``table``'s root page (other tables stay readable)."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : (root - 1) * 4096 + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))


def test_a_background_check_lets_reads_go_on_and_refuses_every_write_to_a_damaged_file(tmp_path: Path) -> None:
    """The GUI paints its window while ``quick_check`` runs (issue 7); a damage it finds
    refuses every write, and the file stays as it was."""
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    _break_table_page(path, "timeline")
    before = sha(path)
    with pytest.raises(StoreCorrupt):
        open_store(path, FixedClock(T0))
    caught = background_open_refuses_writes(path, StoreCorrupt, incident_id)
    assert str(path) in str(caught) and "恢复" in str(caught)
    assert sha(path) == before


def test_a_background_check_of_a_sound_file_ends_in_a_normal_store(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    store = open_store(path, FixedClock(T0), check_in_background=True)
    try:
        assert store.set_field(incident_id, "harm", "写入前先等检查完成")  # waits for the check
        store.finish_opening()  # already finished: nothing more to wait for
        assert store.get_incident(incident_id)["harm"] == "写入前先等检查完成"
        assert store.verify().ok
    finally:
        store.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    tamper(path, "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('incident-assistant', 'm099_future', '2027-01-01')")
    before = sha(path)
    with pytest.raises(StoreTooNew, match="m099_future"):
        open_store(path, FixedClock(T0))
    assert sha(path) == before


def test_a_new_database_in_a_read_only_folder_is_a_clear_error(shared_dir: Path) -> None:
    folder = shared_dir / "readonly"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)
    with unprivileged(), pytest.raises(StoreReadOnly) as caught:
        open_store(folder / "db.sqlite3", FixedClock(T0))
    assert str(folder) in str(caught.value) and "只读" in str(caught.value)
    assert list(folder.iterdir()) == []


def test_an_existing_database_in_a_read_only_folder_is_kept_intact(shared_dir: Path) -> None:
    folder = shared_dir / "data"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    path = folder / "db.sqlite3"
    with unprivileged():
        filled(path)
    folder.chmod(0o555)
    before = sha(path)
    with unprivileged(), pytest.raises(StoreReadOnly, match="只读"):
        store = open_store(path, FixedClock(T0))
        store.set_field(store.list_incidents(T0)[0].id, "title", "x")
    assert sha(path) == before
    folder.chmod(0o777)
    assert verify_file(path).ok


def test_a_read_only_database_file_is_a_clear_error(shared_dir: Path) -> None:
    path = shared_dir / "db.sqlite3"
    with unprivileged():
        filled(path)
    path.chmod(0o400)
    before = sha(path)
    with unprivileged(), pytest.raises(StoreReadOnly, match=str(path)):
        open_store(path, FixedClock(T0))
    assert sha(path) == before


def test_a_full_disk_keeps_what_was_stored_and_the_edit_can_be_retried(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    store = open_store(path, FixedClock(T0))
    try:
        before = sha(path)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        big = "长" * 200_000
        with pytest.raises(StoreFull) as caught:
            store.set_field(incident_id, "harm", big)
        assert "磁盘空间已满" in str(caught.value) and str(path) in str(caught.value)
        assert sha(path) == before
        assert store.get_incident(incident_id)["harm"] == "门诊停摆两小时"
        store.db.execute(f"PRAGMA max_page_count = {pages * 100}")
        store.set_field(incident_id, "harm", big)  # the same edit, retried
        assert store.get_incident(incident_id)["harm"] == big
        assert store.verify().ok
    finally:
        store.close()


def test_a_locked_database_is_a_clear_error_and_the_edit_can_be_retried(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    store = open_store(path, FixedClock(T0), busy_timeout=0.05)
    other = sqlite3.connect(str(path), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreLocked, match="锁定"):
            store.set_field(incident_id, "title", "新标题")
        assert store.get_incident(incident_id)["title"] == "门诊系统文件被加密"  # reading still works
        other.execute("ROLLBACK")
        store.set_field(incident_id, "title", "新标题")
        assert store.get_incident(incident_id)["title"] == "新标题"
        assert store.verify().ok
    finally:
        other.close()
        store.close()


# --- migration ---


def test_a_schema_1_database_migrates_forward_after_a_backup_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    fixture_sha = sha(FIXTURE_V1)
    shutil.copyfile(FIXTURE_V1, path)
    store = open_store(path, FixedClock(T0))
    try:
        assert store.meta("schema_version") == "3"
        copies = [p for p in tmp_path.iterdir() if "before-m002_list_columns" in p.name]
        assert len(copies) == 1 and stat.S_IMODE(copies[0].stat().st_mode) == 0o600
        old = sqlite3.connect(f"file:{copies[0]}?mode=ro", uri=True)
        assert [r[0] for r in old.execute("SELECT name FROM _sqlite_migrations")] == ["m001_initial"]
        old.close()
        migrated = store.export_document("7f1c2a9e-0000-4000-8000-000000000001")
        assert migrated.pop("number").endswith("-0001")  # numbers came after this file was made
        assert migrated == example() | {"id": "7f1c2a9e-0000-4000-8000-000000000001", "schema": "incident-assistant/incident@3"}
        rows = {r.id: r for r in store.list_incidents(T0)}
        assert rows["7f1c2a9e-0000-4000-8000-000000000001"].grade == "relatively_major"
        assert rows["7f1c2a9e-0000-4000-8000-000000000002"].valid is False
        assert store.profile() == example()["reporter"]
        assert store.verify().ok
    finally:
        store.close()
    assert sha(FIXTURE_V1) == fixture_sha  # migrated a copy; the fixture itself is untouched


# --- backup and restore ---


def test_backup_is_verified_private_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    store = open_store(path, FixedClock(T0))
    try:
        out = store.backup(tmp_path / "backup.sqlite3")
        assert verify_file(out).ok and stat.S_IMODE(out.stat().st_mode) == 0o600
        with pytest.raises(TargetExists):
            store.backup(out)
    finally:
        store.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_restore_brings_back_the_backup_and_keeps_the_current_file(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    store = open_store(path, FixedClock(T0))
    backup = store.backup(tmp_path / "backup.sqlite3")
    store.set_field(incident_id, "title", "备份之后的修改")
    kept = restore(path, backup, FixedClock(T0))
    assert store.get_incident(incident_id)["title"] == "门诊系统文件被加密"  # the open store sees it too
    store.close()
    assert kept is not None and kept.exists()
    old = open_store(kept, FixedClock(T0))
    assert old.get_incident(incident_id)["title"] == "备份之后的修改"
    old.close()
    assert verify_file(path).ok


def test_restore_refuses_a_tampered_backup_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    store = open_store(path, FixedClock(T0))
    backup = store.backup(tmp_path / "backup.sqlite3")
    store.close()
    tamper(backup, "UPDATE incidents SET doc = replace(doc, '门诊', '急诊')")
    before = sha(path)
    with pytest.raises(BackupInvalid, match="incidents"):
        restore(path, backup, FixedClock(T0))
    assert sha(path) == before
    assert not any("before-restore" in p.name for p in tmp_path.iterdir())


def test_restore_over_a_broken_file_moves_it_aside(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    store: Store = open_store(path, FixedClock(T0))
    backup = store.backup(tmp_path / "backup.sqlite3")
    store.close()
    path.write_bytes(b"garbage" * 1000)
    broken = sha(path)
    kept = restore(path, backup, FixedClock(T0))
    assert kept is not None and sha(kept) == broken
    store = open_store(path, FixedClock(T0))
    assert store.has_incident(incident_id) and store.verify().ok
    store.close()
