"""Hostile input for ``check``, ``pdf`` and ``import``: random mutations of valid incidents (values replaced by
odd JSON, keys dropped or added, instants at the calendar's edges, bytes flipped) end in
exit 0, or exit 2 with one stderr line and never a traceback. In-process through
``core.cli.main`` for speed, plus a few real subprocesses."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli import main
from tests.conftest import ROOT, example, minimal

NOW = "2026-11-24T10:00:00+08:00"


def seeds() -> list[dict[str, Any]]:
    """Valid incidents that reach every part of the assessment."""
    full = example()
    cii = minimal(
        schema="incident-assistant/incident@2",
        involves_cii=True,
        crime_suspected=True,
        impact={"people_affected": 99_999, "defacement": {"site": "enterprise_portal", "authority_scope": "especially_large"}},
        sector_obligations=[{"recipient": "行业主管部门", "hours": 2}],
        handling_ended_at="2026-11-25T10:00:00+08:00",
        submissions=[
            {"obligation": "cii_protection_department", "kind": "initial", "submitted_at": "2026-11-24T10:30:00.5+08:00", "channel": "email_12387"},
            {"obligation": "summary_report", "kind": "summary", "submitted_at": "2026-12-25T23:59:59+08:00", "channel": "sms"},
            {"obligation": "sector_1", "kind": "initial", "submitted_at": "2026-11-24T11:00:00+08:00"},
        ],
    )
    central = minimal(impact={"province_population_percent": 30}, discovered_at="2025-10-31T23:59:59+08:00")
    central["reporter"]["category"] = "central_state_organ"
    return [full, cii, central]


SEEDS = seeds()


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside ``value`` (object keys and list positions)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield prefix + (key,)
            yield from paths_of(child, prefix + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield prefix + (i,)
            yield from paths_of(child, prefix + (i,))


offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
odd_instants = st.one_of(
    st.builds(lambda d, tz: d.replace(tzinfo=tz).isoformat(), st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)), offsets),
    st.sampled_from(
        ["9999-12-31T23:00", "0001-01-01T00:00:00+08:00", "1999-12-31T23:59:59.999+08:00", "2999-12-31T23:59:59-23:59", "2026-02-29T10:00", "2026-11-24"]
    ),
)
leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e9, 1e15, 1e16, 2**53, 0.5, 100, 100.0001]),
    st.text(max_size=20),
    odd_instants,
    st.sampled_from(["especially_large", "serious", "hotline_12387", "sms", "police_case", "sector_9", "summary", "notice", "central_state_organ"]),
)
json_values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = list(paths_of(doc))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = doc
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "replace", "instant", "delete", "add"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        elif action == "instant":
            parent[path[-1]] = draw(odd_instants)
        else:
            parent[path[-1]] = draw(json_values)
    return doc


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def assert_clean(code: int, out: str, err: str) -> None:
    assert "Traceback" not in err and "Traceback" not in out
    assert code in (0, 2), (code, err)
    if code == 2:
        assert out == "" and err.endswith("\n") and err.count("\n") == 1, err
    else:
        assert out and err == ""


def run_in_process(workdir: Path, capsys: pytest.CaptureFixture[str], data: bytes, as_json: bool, now: str = NOW) -> tuple[int, str, str]:
    path = workdir / "incident.json"
    path.write_bytes(data)
    code = main(["check", str(path), "--now", now, *(["--json"] if as_json else [])])
    out, err = capsys.readouterr()
    return code, out, err


SETTINGS = settings(max_examples=1200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@given(doc=mutated(), as_json=st.booleans(), now=st.one_of(st.just(NOW), st.just(NOW), odd_instants))
@SETTINGS
def test_check_on_a_mutated_incident_exits_0_or_2_with_one_line(workdir, capsys, doc, as_json, now):
    assert_clean(*run_in_process(workdir, capsys, json.dumps(doc, ensure_ascii=False).encode("utf-8"), as_json, now))


@given(seed=st.sampled_from(SEEDS), flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=4))
@settings(max_examples=800, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_check_on_an_incident_with_flipped_bytes_exits_0_or_2_with_one_line(workdir, capsys, seed, flips):
    data = bytearray(json.dumps(seed, ensure_ascii=False).encode("utf-8"))
    for position, byte in flips:
        data[position % len(data)] = byte
    assert_clean(*run_in_process(workdir, capsys, bytes(data), as_json=False))


@pytest.mark.parametrize(
    "patch",
    [
        {"discovered_at": "9999-12-31T23:00"},
        {"handling_ended_at": "9999-12-20T00:00:00+08:00"},
        {"discovered_at": "0001-01-01T00:00:00+08:00"},
        {"sector_obligations": [{"recipient": "行业主管部门", "hours": 1e9}]},
        {"submissions": [{"obligation": "summary_report", "kind": "summary", "submitted_at": "9999-12-31T23:59:59.999999-23:59"}]},
    ],
)
def test_a_real_process_gives_exit_2_and_one_line_for_edge_instants(tmp_path, patch):
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(minimal(impact={"people_affected": 200_000}, **patch), ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "core.cli", "check", str(path), "--now", NOW], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert_clean(run.returncode, run.stdout, run.stderr)
    assert run.returncode == 2 and next(iter(patch)) in run.stderr


@given(doc=mutated(), fmt=st.sampled_from(["pdf", "docx"]))
@settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_pdf_on_a_mutated_incident_exits_0_or_2_with_one_line(workdir, capsys, doc, fmt):
    path = workdir / "incident.json"
    path.write_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    code = main(["pdf", str(path), "-o", str(workdir / f"out.{fmt}"), "--format", fmt, "--now", NOW])
    assert_clean(code, *capsys.readouterr())


@given(doc=mutated())
@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_import_of_a_mutated_incident_exits_0_or_2_with_one_line(workdir, capsys, doc):
    path = workdir / "incident.json"
    path.write_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    code = main(["--db", str(workdir / "fuzz.sqlite3"), "import", str(path), "--new-id"])
    assert_clean(code, *capsys.readouterr())
