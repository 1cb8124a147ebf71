"""Property tests (hypothesis) for grading, deadlines and parsing user input."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.assessment import check
from core.grading import grade
from core.incident import SCHEMA_ID
from core.messages import InvalidIncident
from core.rules import default_pack
from core.timeutil import BEIJING
from tests.conftest import ROOT, minimal

PACK = default_pack()
RANK = {"undetermined": -1, "general": 0, "relatively_major": 1, "major": 2, "especially_major": 3}
SITES = [s.id for s in PACK.site_kinds]
NUMERIC = [
    "cii_full_outage_minutes",
    "cii_main_function_outage_minutes",
    "people_affected",
    "personal_info_leaked",
    "direct_loss_yuan",
    "province_population_percent",
    "prefecture_population_percent",
]
counts = st.integers(min_value=0, max_value=2 * 10**8)
percents = st.integers(min_value=0, max_value=100)


@st.composite
def impacts(draw):
    impact = {}
    for key in NUMERIC:
        if draw(st.booleans()):
            impact[key] = draw(percents if key.endswith("percent") else counts)
    if draw(st.booleans()):
        impact["portal_outage"] = {"site": draw(st.sampled_from(SITES)), "minutes": draw(counts)}
    if draw(st.booleans()):
        impact["defacement"] = {
            "site": draw(st.sampled_from(SITES)),
            "homepage_minutes": draw(counts),
            "other_page_minutes": draw(counts),
            "reposts": draw(counts),
            "views": draw(counts),
        }
    return impact


@given(impact=impacts(), key=st.sampled_from(NUMERIC + ["portal_outage", "defacement"]), extra=st.integers(0, 10**8))
@settings(max_examples=300, deadline=None)
def test_raising_any_impact_number_never_lowers_the_grade(impact, key, extra):
    before = grade(minimal(impact=impact), PACK).grade
    raised = json.loads(json.dumps(impact))
    if key == "portal_outage" and key in raised:
        raised[key]["minutes"] += extra
    elif key == "defacement" and key in raised:
        for k in ("homepage_minutes", "other_page_minutes", "reposts", "views"):
            raised[key][k] += extra
    elif key in NUMERIC:
        raised[key] = min(100, raised.get(key, 0) + extra) if key.endswith("percent") else raised.get(key, 0) + extra
    after = grade(minimal(impact=raised), PACK).grade
    assert RANK[after] >= RANK[before]


offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
instants = st.datetimes(min_value=datetime(2025, 11, 1), max_value=datetime(2035, 1, 1))


@given(local=instants, tz=offsets, cii=st.booleans(), central=st.booleans())
@settings(max_examples=300, deadline=None)
def test_due_minus_discovery_equals_the_hours_for_any_offset(local, tz, cii, central):
    discovered = local.replace(tzinfo=tz)
    doc = minimal(discovered_at=discovered.isoformat(), involves_cii=cii, impact={"people_affected": 200_000})
    doc["reporter"]["category"] = "central_state_organ" if central else "other"
    result = check(doc, PACK, datetime(2030, 1, 1, tzinfo=UTC))
    timed = [o for o in result.obligations if o.hours is not None]
    assert timed
    for o in timed:
        assert o.due - discovered.replace(microsecond=0) == timedelta(hours=o.hours)  # D2a: whole seconds
        printed = o.as_json()["due"]
        assert printed.endswith("+08:00")
        assert datetime.fromisoformat(printed) == o.due.replace(microsecond=0)


@given(ended=st.datetimes(min_value=datetime(2025, 11, 2), max_value=datetime(2035, 1, 1)), tz=offsets)
@settings(max_examples=200, deadline=None)
def test_summary_due_is_end_of_day_30_days_after_the_beijing_date(ended, tz):
    # Ended a day or more after the discovery below, whatever the offset (an end before
    # discovery is refused).
    end = ended.replace(tzinfo=tz)
    doc = minimal(discovered_at="2025-11-01T00:00:00+08:00", impact={"people_affected": 200_000}, handling_ended_at=end.isoformat())
    o = next(o for o in check(doc, PACK, datetime(2030, 1, 1, tzinfo=UTC)).obligations if o.id == "summary_report")
    local = o.due.astimezone(BEIJING)
    assert (local.hour, local.minute, local.second) == (23, 59, 59)
    assert (local.date() - end.astimezone(BEIJING).date()).days == 30


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)
field_names = st.sampled_from(
    [
        "title",
        "drill",
        "reporter",
        "discovered_at",
        "occurred_at",
        "impact",
        "systems",
        "type",
        "submissions",
        "sector_obligations",
        "grade_override",
        "timeline",
        "ransomware",
        "handling_ended_at",
        "leads",
        "crime_suspected",
        "x",
        "personal_info",
        "voided",
        "number",
        "accountability",
        "lessons",
    ]
)


@given(patch=st.dictionaries(field_names, json_values, max_size=6), at_2=st.booleans())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_documents_are_either_checked_or_rejected_with_findings(patch, at_2):
    doc = minimal()
    if at_2:
        doc["schema"] = SCHEMA_ID
    doc.update(patch)
    try:
        result = check(doc, PACK, datetime(2026, 11, 24, tzinfo=UTC))
    except InvalidIncident as exc:
        assert exc.errors and all(e.line() for e in exc.errors)
    else:
        json.dumps(result.as_json(), ensure_ascii=False)


@given(doc=json_values)
@settings(max_examples=25, deadline=None)
def test_random_json_never_makes_the_cli_print_a_traceback(tmp_path_factory, doc):
    path = tmp_path_factory.mktemp("rnd") / "in.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "core.cli", "check", str(path), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode in (0, 2)
    assert "Traceback" not in out.stderr
    if out.returncode == 2:
        assert len(out.stderr.strip().splitlines()) == 1
