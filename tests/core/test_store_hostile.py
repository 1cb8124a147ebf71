"""Database files from elsewhere (issue 16): crafted backups with triggers, views,
extra tables or missing protective triggers are refused by restore, open and verify
with a message naming the object, none of them hangs, and no staging file is left;
verify finds forged list columns and calls an empty file what it is."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as also_try
from hypothesis import strategies as st

from core.cli import main as cli_main
from core.clock import FixedClock
from core.store import BackupInvalid, ForeignSchema, NotADatabase, StoreTimeout, guard, open_store, restore, schema, verify_file
from core.store.errors import translated
from core.store.leftovers import remove_stale_staging
from tests.conftest import sha
from tests.fixtures.hostile_backups import HOSTILE, build, plant

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
QUICK_S = 5.0  # far more than any refusal takes; an endless view would never return


def example() -> dict[str, Any]:
    return json.loads((ROOT / "resources/examples/clinic-ransomware.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    store = open_store(folder / "db.sqlite3", FixedClock(T0))
    incident_id = store.import_document(example())
    store.set_field(incident_id, "harm", "门诊停摆两小时")
    out = store.backup(folder / "backup.sqlite3")
    store.close()
    return out


@pytest.fixture
def current(tmp_path: Path) -> Path:
    """The user's database, which a refused restore must leave as it was."""
    path = tmp_path / "data" / "incidents.sqlite3"
    store = open_store(path, FixedClock(T0))
    store.create_incident({"title": "现在的事件"})
    store.close()
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "restoring" in p.name or p.name.endswith(".tmp"))


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_restore_refuses_a_crafted_backup_naming_the_object_quickly_and_leaves_nothing(kind: str, good_backup: Path, current: Path, tmp_path: Path) -> None:
    crafted = tmp_path / f"{kind}.sqlite3"
    name = build(kind, good_backup, crafted)
    before, crafted_before = sha(current), sha(crafted)
    began = time.monotonic()
    with pytest.raises(BackupInvalid) as caught:
        restore(current, crafted, FixedClock(T0))
    assert time.monotonic() - began < QUICK_S
    assert name in str(caught.value) and str(crafted) in str(caught.value)
    assert sha(current) == before and sha(crafted) == crafted_before
    assert leftovers(current.parent) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(f"{kind}.sqlite3")) == [f"{kind}.sqlite3"]


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_opening_a_crafted_file_is_refused_untouched_naming_the_object(kind: str, good_backup: Path, tmp_path: Path) -> None:
    crafted = tmp_path / "db.sqlite3"
    name = build(kind, good_backup, crafted)
    before = sha(crafted)
    for readonly in (False, True):
        with pytest.raises(ForeignSchema, match=name) as caught:
            open_store(crafted, FixedClock(T0), readonly=readonly)
        assert str(crafted) in str(caught.value)
    assert sha(crafted) == before


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_verify_of_a_crafted_file_is_a_finding_naming_the_object(kind: str, good_backup: Path, tmp_path: Path) -> None:
    crafted = tmp_path / "db.sqlite3"
    name = build(kind, good_backup, crafted)
    began = time.monotonic()
    result = verify_file(crafted)
    assert not result.ok and name in " ".join(p.line() for p in result.problems)
    assert time.monotonic() - began < QUICK_S
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3"]  # no -wal or -shm beside it


def test_the_cli_restore_of_a_backup_with_an_endless_view_exits_2_and_verify_1_naming_it(
    good_backup: Path, current: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crafted = tmp_path / "view.sqlite3"
    build("endless_snapshots_view", good_backup, crafted)
    assert cli_main(["--db", str(current), "restore", str(crafted)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "视图 snapshots" in err[0]
    assert cli_main(["--db", str(crafted), "verify"]) == 1  # a finding, named
    assert "视图 snapshots" in capsys.readouterr().err


def test_a_sound_backup_still_restores_through_the_fresh_copy(good_backup: Path, current: Path) -> None:
    kept = restore(current, good_backup, FixedClock(T0))
    assert kept is not None and kept.exists()
    store = open_store(current, FixedClock(T0))
    try:
        [row] = store.list_incidents(T0)
        assert row.title == "门诊系统文件被加密"
        assert store.get_incident(row.id)["harm"] == "门诊停摆两小时"
        assert store.verify().ok
    finally:
        store.close()
    assert leftovers(current.parent) == []


def test_a_statement_on_a_file_from_elsewhere_is_stopped_at_its_time_limit(good_backup: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(good_backup.read_bytes())
    conn = guard.connect(copy, limit_s=0.2)
    try:
        began = time.monotonic()
        with pytest.raises(StoreTimeout, match="超时"), translated(copy):
            conn.execute("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r").fetchone()
        assert time.monotonic() - began < QUICK_S
        assert conn.execute("SELECT count(*) FROM incidents").fetchone() == (1,)  # the next statement has its own time
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM meta")
        assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
    finally:
        conn.close()


identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda n: (
        not n.startswith("sqlite")
        and ("table", n) not in schema.EXPECTED["m003_number_column"]
        and ("index", n) not in schema.EXPECTED["m003_number_column"]
        and ("trigger", n) not in schema.EXPECTED["m003_number_column"]
    )
)
OBJECTS = {  # names quoted: a generated name may be an SQL keyword ("if", "on")
    "table": 'CREATE TABLE "{n}" (x)',
    "view": 'CREATE VIEW "{n}" AS SELECT 1',
    "index": 'CREATE INDEX "{n}" ON audit(at)',
    "trigger": 'CREATE TRIGGER "{n}" AFTER INSERT ON meta BEGIN SELECT 1; END',
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(OBJECTS)), name=identifiers)
@also_try(kind="index", name="if")  # an SQL keyword as a name (found on a fresh machine)
def test_any_extra_object_is_named_when_the_file_is_opened(kind: str, name: str, good_backup: Path, tmp_path: Path) -> None:
    crafted = tmp_path / f"extra-{kind}-{name}.sqlite3"
    crafted.write_bytes(good_backup.read_bytes())
    plant(crafted, (OBJECTS[kind].format(n=name),))
    conn = guard.connect(crafted)
    try:
        with pytest.raises(ForeignSchema) as caught:
            schema.check(conn, crafted)
    finally:
        conn.close()
    assert f"{schema.KIND_ZH[kind]} {name}" in str(caught.value)
    crafted.unlink()


def test_the_expected_schema_is_what_the_migrations_create(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from core.store.migrations import migrations

    for stop_before, last in (("m002_list_columns", "m001_initial"), ("m003_number_column", "m002_list_columns"), (None, "m003_number_column")):
        conn = sqlite3.connect(str(tmp_path / f"{last}.sqlite3"))
        migrations.apply(Database(conn, execute_plugins=False), stop_before=stop_before)
        assert schema.objects(conn) == schema.EXPECTED[last]
        conn.close()


def test_a_new_file_is_created_as_the_migrations_create_it_without_sqlite_utils(tmp_path: Path) -> None:
    """``steps.create`` (a first run, no sqlite-utils import) writes the schema, the version
    and the ``_sqlite_migrations`` record that sqlite-utils' ``Migrations`` writes."""
    from sqlite_utils import Database

    from core.store import steps
    from core.store.migrations import migrations
    from core.store.sql import Db

    by_library = sqlite3.connect(str(tmp_path / "library.sqlite3"))
    migrations.apply(Database(by_library, execute_plugins=False))
    ours = sqlite3.connect(str(tmp_path / "ours.sqlite3"))
    steps.create(Db(ours))
    try:
        master = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        assert ours.execute(master).fetchall() == by_library.execute(master).fetchall()
        assert schema.objects(ours) == schema.EXPECTED["m003_number_column"]
        record = "SELECT id, migration_set, name, applied_at FROM _sqlite_migrations ORDER BY id"
        rows, expected = ours.execute(record).fetchall(), by_library.execute(record).fetchall()
        assert [r[:3] for r in rows] == [r[:3] for r in expected]
        for (*_, at), (*_, their_at) in zip(rows, expected, strict=True):  # both str() of an aware UTC time
            assert datetime.fromisoformat(at).utcoffset() == datetime.fromisoformat(their_at).utcoffset() == timedelta(0)
        assert ours.execute("SELECT * FROM meta").fetchall() == by_library.execute("SELECT * FROM meta").fetchall()
    finally:
        ours.close()
        by_library.close()


def test_a_first_run_creates_its_file_without_importing_sqlite_utils(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom core.store import open_store\n"
        f"s = open_store({str(tmp_path / 'new.sqlite3')!r}); print(s.verify().ok); s.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlite_utils', 'click', 'pluggy', 'dateutil')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["True", "[]"]


# --- staging left by a killed restore ---


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_a_restore_killed_with_sigkill_leaves_staging_that_the_next_restore_removes(good_backup: Path, current: Path) -> None:
    for delay in (0.0, 0.01, 0.03, 0.06, 0.1):
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                restore(current, good_backup, FixedClock(T0))
            except BaseException:  # noqa: BLE001 - just die
                code = 3
            finally:
                os._exit(code)
        time.sleep(delay)  # the moment of the kill, not a wait for a result
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    remove_stale_staging(current)
    assert [p.name for p in current.parent.iterdir() if "restoring" in p.name] == []
    restore(current, good_backup, FixedClock(T0))
    assert verify_file(current).ok and leftovers(current.parent) == []


def test_staging_of_a_live_restore_is_kept_and_of_a_dead_one_removed(current: Path) -> None:
    live = current.with_name(f"{current.name}.restoring-{os.getpid()}-abc")
    live.mkdir()
    dead = current.with_name(f"{current.name}.restoring-999999999-abc")
    dead.mkdir()
    (dead / "restored.sqlite3").write_bytes(b"x")
    old_style = current.with_name(f"{current.name}.restoring-20261124T010000Z.bak")
    old_style.write_bytes(b"x")
    assert sorted(p.name for p in remove_stale_staging(current)) == sorted([dead.name, old_style.name])
    assert live.exists()
    live.rmdir()


# --- verify: what it claims ---


def test_verify_of_an_empty_file_is_not_an_incident_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(NotADatabase, match="0 字节"):
        verify_file(empty)
    assert cli_main(["--db", str(empty), "verify"]) == 2
    err = capsys.readouterr().err
    assert "不是事件数据库" in err and "完整" not in err


def test_verify_of_a_database_with_no_tables_is_not_an_incident_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bare = tmp_path / "bare.sqlite3"
    conn = sqlite3.connect(str(bare))
    conn.execute("PRAGMA user_version = 1")  # writes the header page: a SQLite file with no tables
    conn.close()
    assert cli_main(["--db", str(bare), "verify"]) == 2
    out = capsys.readouterr()
    assert "没有任何表" in out.err and out.out == ""


def test_verify_of_another_programs_database_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "places.sqlite"
    plant(other, ("CREATE TABLE moz_places (url TEXT)",))
    assert cli_main(["--db", str(other), "verify"]) == 2
    assert "moz_places" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("column", "forged"),
    [
        ("title", "'伪造的标题'"),
        ("status", "'met'"),
        ("grade", "'general'"),
        ("next_due", "NULL"),
        ("drill", "1"),
        ("valid", "0"),
        ("updated_at", "'2020-01-01T00:00:00+00:00'"),
        ("created_at", "'2020-01-01T00:00:00+00:00'"),
    ],
)
def test_verify_finds_a_forged_list_column_naming_the_incident_and_column(
    column: str, forged: str, good_backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(good_backup.read_bytes())
    incident_id = sqlite3.connect(str(path)).execute("SELECT id FROM incidents").fetchone()[0]
    plant(path, (f"UPDATE incidents SET {column} = {forged}",))  # noqa: S608 - the test's own values
    result = verify_file(path)
    assert not result.ok
    assert any(p.table == "incidents" and incident_id in p.row and f"列表列 {column} " in p.text for p in result.problems)
    assert cli_main(["--db", str(path), "verify"]) == 1
    err = capsys.readouterr().err
    assert incident_id in err and column in err
