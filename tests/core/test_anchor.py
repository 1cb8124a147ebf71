"""The record anchor (「记录校验码」, issue 16): its code, ``verify --anchor`` (extends,
tampered row named, deleted tail, consistent rewrite, malformed code), the anchor on
reports exported from a store (PDF and Word, the CLI and the service) and absent from a
file-only export, the anchor on a recorded submission, and a property over random chains."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from core.canonical import canonical_json
from core.clock import FixedClock
from core.service import IncidentService
from core.store import audit, open_store
from core.store.anchor import Anchor, AnchorFormatError, check, head, parse, store_anchor
from core.timeutil import parse_instant
from tests.conftest import run_cli as run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
NOW = "2026-11-24T10:00:00+08:00"
T0 = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
CODE = re.compile(r"记录校验码：(\d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})")


def example() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return loaded


def filled(path: Path, edits: int = 3) -> str:
    store = open_store(path, FixedClock(T0))
    incident_id = store.import_document(example())
    for n in range(edits):
        store.set_field(incident_id, "harm", f"门诊停摆 {n + 1} 小时")
    store.close()
    return incident_id


def anchor_now(path: Path) -> str:
    store = open_store(path, FixedClock(T0), readonly=True)
    try:
        return store_anchor(store)
    finally:
        store.close()


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(str(path))
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


PUT_BACK_UPDATE = "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\nBEGIN SELECT RAISE(ABORT, 'audit log is append-only: rows cannot be changed'); END"
PUT_BACK_DELETE = "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\nBEGIN SELECT RAISE(ABORT, 'audit log is append-only: rows cannot be deleted'); END"


# --- the code ---


def test_the_code_is_the_row_count_and_four_groups_of_the_head_hash(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    last = sqlite3.connect(str(path)).execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    code = anchor_now(path)
    assert re.fullmatch(r"\d+-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", code)
    rows, groups = code.split("-", 1)
    assert int(rows) == last[0] and groups.replace("-", "") == last[1][:16].upper()
    assert parse(code) == Anchor(last[0], last[1][:16].upper())


@pytest.mark.parametrize("written", ["12-3f2a-9c01-77be-0d4e", " 12-3F2A-9C01-77BE-0D4E\n", "12－3F2A－9C01－77BE－0D4E", "12-3F2A - 9C01-77BE-0D4E"])
def test_a_code_copied_by_hand_is_read(written: str) -> None:
    assert parse(written).code == "12-3F2A-9C01-77BE-0D4E"


@pytest.mark.parametrize("written", ["", "3F2A-9C01-77BE-0D4E", "12-3F2A-9C01-77BE", "12-3F2A-9C01-77BE-0D4G", "x-3F2A-9C01-77BE-0D4E", "12-3F2A9C0177BE0D4E"])
def test_anything_else_is_not_a_code(written: str) -> None:
    with pytest.raises(AnchorFormatError, match="记录校验码应为"):
        parse(written)


# --- verify --anchor ---


def test_verify_anchor_passes_on_the_same_chain_and_after_later_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    code = anchor_now(path)
    status, out, _ = run(capsys, "--db", str(path), "verify", "--anchor", code)
    assert status == 0 and f"记录校验码 {code} 与审计链第" in out and "其后 0 行" in out
    store = open_store(path, FixedClock(T0))
    store.set_field(incident_id, "harm", "更多内容")
    store.close()
    status, out, _ = run(capsys, "--db", str(path), "verify", "--anchor", code)
    assert status == 0 and "其后 1 行与之相连" in out


def test_a_tampered_middle_row_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path, edits=5)
    code = anchor_now(path)
    tamper(path, "DROP TRIGGER audit_no_update", "UPDATE audit SET at = '2026-11-23T00:00:00+00:00' WHERE seq = 3", PUT_BACK_UPDATE)
    status, _out, err = run(capsys, "--db", str(path), "verify", "--anchor", code)
    assert status == 1
    assert f"记录校验码 {code} 核对未通过：审计链在第 3 行断开" in err


def test_deleted_newest_rows_with_the_head_fixed_are_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path, edits=4)
    code = anchor_now(path)
    rows = parse(code).rows
    conn = sqlite3.connect(str(path))
    keep = conn.execute("SELECT seq, hash FROM audit WHERE seq = ?", (rows - 2,)).fetchone()
    conn.close()
    tamper(
        path,
        "DROP TRIGGER audit_no_delete",
        f"DELETE FROM audit WHERE seq > {rows - 2}",
        PUT_BACK_DELETE,
        f"UPDATE meta SET value = '{keep[0]}:{keep[1]}' WHERE key = 'audit_head'",
    )
    assert run(capsys, "--db", str(path), "verify")[0] in (0, 1)  # the chain alone may look whole (rows it vouched for may be gone)
    status, _out, err = run(capsys, "--db", str(path), "verify", "--anchor", code)
    assert status == 1 and f"第 {rows - 1} 行起的记录已被删除" in err


def test_a_consistent_rewrite_is_found_at_the_anchor_row(tmp_path: Path) -> None:
    """Every hash recomputed after a change (what verify alone cannot see): the anchor's row differs."""
    conn = chain_db([("create", {"n": 1}), ("edit", {"n": 2}), ("edit", {"n": 3})])
    code = head(conn)
    rewritten = chain_db([("create", {"n": 1}), ("edit", {"n": 20}), ("edit", {"n": 3})])
    assert audit.walk_chain(rewritten)[1] == []
    result = check(rewritten, code)
    assert not result.ok and result.row == 3 and "被改写" in result.text


def test_a_malformed_code_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    status, out, err = run(capsys, "--db", str(path), "verify", "--anchor", "3F2A-9C01")
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "--anchor" in err and "1234-3F2A-9C01-77BE-0D4E" in err


# --- reports and submissions ---


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(path.read_bytes())).pages)


def test_a_report_exported_from_the_store_carries_the_anchor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    code = anchor_now(path)
    status, out, _ = run(capsys, "--db", str(path), "pdf", incident_id, "-o", str(tmp_path / "r.pdf"), "--now", NOW)
    assert status == 0 and f"记录校验码：{code}" in out
    pages = [(page.extract_text() or "").replace("\n", "") for page in PdfReader(BytesIO((tmp_path / "r.pdf").read_bytes())).pages]
    assert all(f"记录校验码 {code}" in text for text in pages)  # the quiet footer of every page
    assert not any("数据校验码" in text for text in pages)  # the document's hash is in the metadata only
    status, out, _ = run(capsys, "--db", str(path), "pdf", incident_id, "--format", "docx", "-o", str(tmp_path / "r.docx"), "--now", NOW)
    assert status == 0
    footer = docx.Document(str(tmp_path / "r.docx")).sections[0].footer.paragraphs[0].text
    assert f"记录校验码 {code}" in footer


def test_a_report_made_from_a_file_has_no_anchor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "pdf", str(EXAMPLE), "-o", str(tmp_path / "r.pdf"), "--now", NOW)
    assert status == 0 and "记录校验码" not in out
    assert "记录校验码" not in pdf_text(tmp_path / "r.pdf") and "数据校验码" not in pdf_text(tmp_path / "r.pdf")


def test_the_service_export_prints_the_anchor_of_the_chain_before_its_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    store = open_store(path, FixedClock(T0))
    try:
        code = store_anchor(store)
        IncidentService(store).export_report(incident_id, "initial", parse_instant(NOW), tmp_path / "r.pdf", app_version="test")
        assert code in pdf_text(tmp_path / "r.pdf").replace("\n", "")
        assert check(store.db.conn, parse(code)).ok and store_anchor(store) != code  # the snapshot row came after
    finally:
        store.close()


def test_a_recorded_submission_returns_the_anchor_that_includes_it(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    store = open_store(path, FixedClock(T0))
    try:
        recorded = IncidentService(store).record_submission(incident_id, {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": NOW})
        assert recorded.id > 0 and recorded.anchor == store_anchor(store)
        newest = store.history()[-1]
        assert parse(recorded.anchor) == Anchor(newest["seq"], newest["hash"][:16].upper())
    finally:
        store.close()


# --- property: any prefix's anchor verifies against the whole chain ---


def chain_db(entries: list[tuple[str, dict[str, Any]]]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);" + audit.CREATE_SQL)
    db = _Db(conn)
    for n, (action, detail) in enumerate(entries):
        audit.append(db, (T0 + timedelta(seconds=n)).isoformat(), action, None, detail)  # type: ignore[arg-type]
    return conn


class _Db:
    """The one method ``audit.append`` uses of ``core.store.sql.Db``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)


ENTRIES = st.lists(
    st.tuples(
        st.sampled_from(["create", "edit", "submit"]),
        st.dictionaries(st.text(max_size=5), st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=8), max_size=3),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(ENTRIES, st.data())
def test_the_anchor_of_any_prefix_verifies_against_the_whole_chain(entries: list[tuple[str, dict[str, Any]]], data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(entries)))
    code = head(chain_db(entries[:cut]))
    assert code.rows == cut
    whole = chain_db(entries)
    result = check(whole, parse(code.code))
    assert result.ok, result.text
    assert result.rows == len(entries)


@settings(max_examples=60, deadline=None)
@given(ENTRIES.filter(lambda e: len(e) >= 1), st.data())
def test_changing_any_row_up_to_the_anchor_breaks_it(entries: list[tuple[str, dict[str, Any]]], data: st.DataObject) -> None:
    code = head(chain_db(entries))
    changed = data.draw(st.integers(0, len(entries) - 1))
    action, detail = entries[changed]
    rewritten = list(entries)
    rewritten[changed] = (action, {**detail, "\u0000forged": 1})
    result = check(chain_db(rewritten), code)
    assert not result.ok and result.row == len(entries)
    assert canonical_json(rewritten[changed][1]) != canonical_json(detail)


def test_a_matching_anchor_does_not_hide_another_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A list column forged outside the app: verify fails (exit 1) even though the chain extends the anchor."""
    path = tmp_path / "db.sqlite3"
    incident_id = filled(path)
    code = anchor_now(path)
    tamper(path, f"UPDATE incidents SET title = '伪造的标题' WHERE id = '{incident_id}'")
    status, out, err = run(capsys, "--db", str(path), "verify", "--anchor", code)
    assert status == 1 and "审计核对未通过" in err and f"记录校验码 {code} 与审计链第" in out
