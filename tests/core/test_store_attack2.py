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
from core.store import BackupInvalid, ForeignSchema, open_store, restore, verify_file

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
