"""The store's everyday behaviour: creating, autosaving, importing and exporting
incidents, the profile, submissions, timeline, attachments, snapshots, listing and
the clock, all through ``core.store`` with a fixed clock."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.canonical import canonical_json
from core.clock import FixedClock
from core.messages import InvalidIncident
from core.store import (
    ENV_VAR,
    IncidentExists,
    IncidentNotFound,
    InvalidEdit,
    Store,
    open_store,
    resolve_db_path,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 09:00 Beijing


def example() -> dict[str, Any]:
    return json.loads(EXAMPLES[0].read_text(encoding="utf-8"))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Any:
    s = open_store(tmp_path / "db.sqlite3", clock)
    yield s
    s.close()


def test_db_path_prefers_flag_then_environment_then_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert resolve_db_path(str(tmp_path / "flag.sqlite3")) == tmp_path / "flag.sqlite3"
    assert resolve_db_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv(ENV_VAR)
    default = resolve_db_path(None)
    assert "incident-assistant" in str(default) and default.suffix == ".sqlite3"


def test_new_database_is_private_and_in_wal_mode(store: Store) -> None:
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert store.db.journal_mode == "wal"
    assert store.meta("schema_version") == "3"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_export_of_an_import_equals_the_input_plus_an_id_and_a_number_as_incident_2(store: Store, path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    incident_id = store.import_document(doc)
    exported = store.export_document(incident_id)
    assert exported.pop("id") == incident_id
    assert exported.pop("number") == "2026-0001"  # the store's clock says 2026
    assert exported == {**doc, "schema": "incident-assistant/incident@3"}
    assert store.verify().ok


def test_incident_numbers_count_up_per_year_and_an_import_keeps_a_free_one(store: Store) -> None:
    first = store.create_incident({"title": "一"})
    numbered = {**json.loads(EXAMPLES[0].read_text(encoding="utf-8")), "schema": "incident-assistant/incident@2", "number": "2025-0042"}
    kept = store.import_document(numbered)
    clash = store.import_document(numbered, new_id=True)
    numbers = [store.get_incident(i)["number"] for i in (first, kept, clash)]
    assert numbers == ["2026-0001", "2025-0042", "2026-0002"]
    with pytest.raises(InvalidEdit):
        store.set_field(first, "number", "2026-0099")  # assigned by the store, never edited


def test_incidents_from_before_numbers_get_theirs_when_the_file_is_next_opened(tmp_path: Path) -> None:
    from core.clock import FixedClock
    from core.store import open_store
    from core.timeutil import parse_instant

    clock = FixedClock(parse_instant("2026-11-24T10:00:00+08:00"))
    path = tmp_path / "old.sqlite3"
    old = open_store(path, clock)
    ids = [old.create_incident({"title": t}) for t in ("甲", "乙")]
    for iid in ids:  # as an earlier version stored them
        old.db.execute("UPDATE incidents SET doc = json_remove(doc, '$.number') WHERE id = ?", (iid,))
    old.db.execute("DELETE FROM meta WHERE key LIKE 'number_serial_%' OR key = 'numbers_assigned'")  # unknown to that version
    old.db.conn.commit()
    old.close()
    again = open_store(path, clock)
    assert [again.get_incident(i)["number"] for i in ids] == ["2026-0001", "2026-0002"]
    assert [r["action"] for r in again.history()][-2:] == ["assign_number", "assign_number"]
    again.close()


def test_import_keeps_a_free_id_and_refuses_a_taken_one(store: Store) -> None:
    doc = example() | {"id": "fixed-id-1"}
    assert store.import_document(doc) == "fixed-id-1"
    with pytest.raises(IncidentExists, match="fixed-id-1"):
        store.import_document(doc)
    other = store.import_document(doc, new_id=True)
    assert other != "fixed-id-1"
    assert store.export_document(other) == doc | {"id": other, "number": "2026-0002", "schema": "incident-assistant/incident@3"}
    assert store.count_incidents() == 2


def test_import_rejects_an_invalid_document_naming_the_key(store: Store) -> None:
    with pytest.raises(InvalidIncident, match="colour"):
        store.import_document(example() | {"colour": "red"})
    assert store.count_incidents() == 0


def test_autosave_of_one_field_is_stored_and_audited(store: Store, clock: FixedClock) -> None:
    incident_id = store.create_incident()
    clock.advance(seconds=5)
    assert store.set_field(incident_id, "impact.people_affected", 120000)
    assert store.set_field(incident_id, "reporter.name", "某某诊所")
    assert store.set_field(incident_id, "systems[0].name", "HIS门诊系统")
    assert not store.set_field(incident_id, "reporter.name", "某某诊所")  # unchanged: no write
    doc = store.get_incident(incident_id)
    assert doc["impact"] == {"people_affected": 120000}
    assert doc["reporter"]["name"] == "某某诊所"
    assert doc["systems"] == [{"name": "HIS门诊系统"}]
    history = store.history(incident_id)
    assert [h["action"] for h in history] == ["create", "set_field", "set_field", "set_field"]
    assert history[1]["at"] == "2026-11-24T01:00:05+00:00"
    assert history[1]["detail"]["changes"] == {"impact.people_affected": 120000}


def test_a_draft_may_be_invalid_for_a_while(store: Store) -> None:
    incident_id = store.create_incident()
    store.set_field(incident_id, "impact.people_affected", "about a thousand")
    store.set_field(incident_id, "discovered_at", "2026-11-24T09:30:00+08:00")
    [row] = store.list_incidents(T0)
    assert row.valid is False
    assert row.next_due is not None  # the countdown still runs on what is valid
    store.set_field(incident_id, "impact.people_affected", 1000)
    assert store.list_incidents(T0)[0].valid is True


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("colour", "red"),
        ("impact.colour", 1),
        ("id", "x"),
        ("submissions", []),
        ("systems[3].name", "x"),
        ("impact..people_affected", 1),
        ("title", float("nan")),
        ("title", {1: "x"}),
        ("title", object()),
    ],
)
def test_bad_paths_and_values_are_refused_and_nothing_changes(store: Store, path: str, value: Any) -> None:
    incident_id = store.create_incident()
    before = store.get_incident(incident_id)
    with pytest.raises(InvalidEdit):
        store.set_field(incident_id, path, value)
    assert store.get_incident(incident_id) == before
    assert store.verify().ok


def test_unknown_incident_is_a_clear_error(store: Store) -> None:
    with pytest.raises(IncidentNotFound, match="no-such-id"):
        store.set_field("no-such-id", "title", "x")
    with pytest.raises(IncidentNotFound):
        store.get_incident("no-such-id")


def test_profile_is_saved_audited_and_fills_new_incidents(store: Store) -> None:
    profile = example()["reporter"]
    store.save_profile(profile)
    assert store.profile() == profile
    incident_id = store.create_incident()
    assert store.get_incident(incident_id)["reporter"] == profile
    assert "reporter" not in store.get_incident(store.create_incident(use_profile=False))
    with pytest.raises(InvalidEdit, match="category"):
        store.save_profile({"category": "bank"})
    assert [h["action"] for h in store.history() if h["incident_id"] is None] == ["profile"]


def test_submissions_and_timeline_are_appended_and_change_the_status(store: Store, clock: FixedClock) -> None:
    doc = example()
    doc["submissions"] = []
    incident_id = store.import_document(doc)
    assert store.list_incidents(T0)[0].status == "pending"
    store.add_submission(
        incident_id, {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T11:00:00+08:00", "channel": "email_12387"}
    )
    store.add_timeline(incident_id, {"at": "2026-11-24T11:05:00+08:00", "text": "已报送"})
    got = store.get_incident(incident_id)
    assert got["submissions"][0]["obligation"] == "provincial_cyberspace_office"
    assert got["timeline"][-1] == {"at": "2026-11-24T11:05:00+08:00", "text": "已报送"}
    assert store.list_incidents(T0)[0].next_due != datetime(2026, 11, 24, 5, 30, tzinfo=UTC)
    with pytest.raises(InvalidEdit, match="obligation"):
        store.add_submission(incident_id, {"obligation": "nobody", "kind": "initial", "submitted_at": "2026-11-24T11:00:00+08:00"})
    with pytest.raises(InvalidEdit):
        store.add_timeline(incident_id, {"text": "没有时间"})
    assert store.verify().ok


def test_attachments_are_copied_in_with_their_sha256(store: Store, tmp_path: Path) -> None:
    incident_id = store.create_incident()
    source = tmp_path / "勒索提示.png"
    source.write_bytes(b"\x89PNG fake image bytes")
    info = store.add_attachment(incident_id, source)
    source.unlink()  # the store keeps its own copy
    assert info["name"] == "勒索提示.png" and info["size"] == 21
    assert info["sha256"] == hashlib.sha256(b"\x89PNG fake image bytes").hexdigest()
    assert store.attachments(incident_id) == [info | {"id": info["id"]}]
    assert store.attachment_content(info["id"]) == b"\x89PNG fake image bytes"
    with pytest.raises(InvalidEdit, match="无法读取附件"):
        store.add_attachment(incident_id, tmp_path / "missing.png")


def test_snapshots_keep_the_exact_json_and_pdf_hash(store: Store) -> None:
    incident_id = store.import_document(example())
    data = canonical_json(store.export_document(incident_id))
    snap = store.record_snapshot(incident_id, "initial", data, "ab" * 32)
    [row] = store.snapshots(incident_id)
    assert row["id"] == snap and row["canonical_json"] == data and row["pdf_sha256"] == "ab" * 32
    assert store.history(incident_id)[-1]["detail"]["sha256"] == row["sha256"]


def test_list_is_sorted_by_next_deadline_and_status_follows_the_clock(store: Store) -> None:
    early, late, none = example(), example(), {"schema": "incident-assistant/incident@1", "title": "未知时间"}
    for doc in (early, late):
        doc["submissions"] = []
    early["discovered_at"], late["discovered_at"] = "2026-11-24T08:00:00+08:00", "2026-11-24T10:00:00+08:00"
    early["title"], late["title"] = "早", "晚"
    early["occurred_at"] = late["occurred_at"] = None
    ids = [store.import_document(d) for d in (none, late, early)]
    rows = store.list_incidents(T0)
    assert [r.title for r in rows] == ["早", "晚", "未知时间"]
    assert [r.status for r in rows][:2] == ["pending", "pending"]
    later = store.list_incidents(T0 + timedelta(hours=4))
    assert [r.status for r in later][:2] == ["overdue", "pending"]
    assert [r.id for r in store.list_incidents(T0, limit=1, offset=1)] == [ids[1]]
    assert store.count_incidents() == 3
    due_early = rows[0].next_due
    assert [r.title for r in store.list_incidents(T0, due_from=due_early)] == ["早", "晚", "未知时间"]  # from that second on
    assert [r.title for r in store.list_incidents(T0, due_from=due_early + timedelta(seconds=1))] == ["晚", "未知时间"]


def test_drills_can_be_left_out_of_lists_and_counts(store: Store) -> None:
    store.import_document(example() | {"drill": True})
    store.import_document(example())
    assert store.count_incidents() == 2
    assert store.count_incidents(include_drills=False) == 1
    assert [r.drill for r in store.list_incidents(T0, include_drills=False)] == [False]


def test_clock_rollback_is_reported_on_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_store(path, FixedClock(T0)).close()
    again = open_store(path, FixedClock(T0 - timedelta(hours=2)))
    try:
        assert again.previous_wall_clock == T0
        assert again.clock_rollback() == timedelta(hours=2)
        assert again.last_wall_clock() == T0  # the latest time seen never moves back
    finally:
        again.close()
    forward = open_store(path, FixedClock(T0 + timedelta(hours=1)))
    assert forward.clock_rollback() is None
    forward.close()


def test_a_second_instance_shares_the_file_and_the_chain_stays_whole(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "db.sqlite3"
    first, second = open_store(path, clock), open_store(path, clock)
    try:
        incident_id = first.create_incident()
        for i in range(10):
            (first if i % 2 else second).set_field(incident_id, "title", f"edit {i}")
            second.set_field(incident_id, "location", f"place {i}")
        assert first.get_incident(incident_id)["title"] == "edit 9"
        assert first.get_incident(incident_id)["location"] == "place 9"
        assert first.verify().ok and len(first.history(incident_id)) == 21
    finally:
        first.close()
        second.close()


# --- property test: any valid incident round-trips ---

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
INSTANT = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)).map(
    lambda d: d.replace(microsecond=0).isoformat()
)
OPTIONAL_INT = st.none() | st.integers(min_value=0, max_value=10**12)


@st.composite
def incidents(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {"schema": "incident-assistant/incident@1"}
    optional = {
        "title": TEXT,
        "drill": st.booleans(),
        "location": TEXT,
        "harm": TEXT,
        "crime_suspected": st.booleans(),
        "discovered_at": INSTANT,
        "involves_cii": st.booleans(),
        "reporter": st.fixed_dictionaries({}, optional={"name": TEXT, "category": st.sampled_from(["other", "central_state_organ"]), "province": TEXT}),
        "impact": st.fixed_dictionaries(
            {}, optional={"people_affected": OPTIONAL_INT, "personal_info_leaked": OPTIONAL_INT, "direct_loss_yuan": st.none() | st.floats(0, 1e10)}
        ),
        "systems": st.lists(st.fixed_dictionaries({"name": TEXT}, optional={"is_cii": st.booleans()}), max_size=3),
        "timeline": st.lists(st.fixed_dictionaries({"at": INSTANT, "text": TEXT}), max_size=3),
        "submissions": st.none() | st.just([]),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            doc[key] = draw(strategy)
    return doc


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=incidents())
def test_any_valid_incident_round_trips(store: Store, doc: dict[str, Any]) -> None:
    incident_id = store.import_document(copy.deepcopy(doc))
    exported = store.export_document(incident_id)
    assert exported.pop("id") == incident_id
    number = exported.pop("number")  # the file's own when free in the store, else the next one
    assert isinstance(number, str) and number
    assert exported == {k: v for k, v in doc.items() if k != "number"} | {"schema": "incident-assistant/incident@3"}


def test_the_list_shows_each_human_number_from_a_stored_column_and_an_old_file_gains_it(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "old.sqlite3"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "store-v1.sqlite3", path)  # schema 1, incidents without numbers
    store = open_store(path, FixedClock(T0))
    try:
        old = store.list_incidents(T0)
        assert old and all(row.number and row.number.startswith("2026-") for row in old)
        doc = example()
        doc["schema"], doc["number"] = "incident-assistant/incident@2", "2026-0042"
        kept = store.import_document(doc, new_id=True)
        assert {row.id: row.number for row in store.list_incidents(T0)}[kept] == "2026-0042"
        assert store.verify().ok
    finally:
        store.close()
