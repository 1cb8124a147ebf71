"""One assessment for every view: the wizard, the incident list (stored columns),
reminders and ``check`` see the same deadlines for any draft, valid or not."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core.assessment import assess, check, next_report_kind, repair, submission_verdicts
from core.clock import FixedClock
from core.messages import InvalidIncident
from core.reminders import due_reminders
from core.rules import default_pack
from core.store import open_store
from core.store.derive import derive, live_status, utc_iso
from core.timeutil import parse_instant
from core.vocab import ReportKind, Status
from tests.conftest import minimal

PACK = default_pack()
NOW = parse_instant("2026-11-24T10:00:00+08:00")
RELATIVELY_MAJOR = {"direct_loss_yuan": 6_000_000}  # 附件 三 第7项: 较大, 4 h for an ordinary operator


def list_due(draft):
    """What the incident list shows: the stored column, as the store derives it."""
    return derive(draft, PACK).next_due


def wizard_due(draft):
    nearest = assess(draft, PACK, NOW).next_due
    return utc_iso(nearest.due) if nearest is not None and nearest.due is not None else None


def test_a_system_row_left_empty_keeps_the_deadline_in_the_list_and_the_reminders(tmp_path):
    # Reproduced: 添加系统 clicked once and left empty writes a system whose name is null.
    draft = minimal(impact=RELATIVELY_MAJOR, systems=[{"name": None}])
    wizard = assess(draft, PACK, NOW)
    assert wizard.grading.grade == "relatively_major"
    assert wizard.next_due is not None and wizard.next_due.due == parse_instant("2026-11-24T13:30:00+08:00")
    assert list_due(draft) == wizard_due(draft) == "2026-11-24T05:30:00+00:00"

    store = open_store(tmp_path / "a.sqlite3", FixedClock(NOW))
    iid = store.create_incident(minimal(impact=RELATIVELY_MAJOR))
    store.set_field(iid, "systems[0].name", None)
    row = next(r for r in store.list_incidents(NOW) if r.id == iid)
    assert row.next_due == parse_instant("2026-11-24T13:30:00+08:00")

    five_before = parse_instant("2026-11-24T13:25:00+08:00")
    shown, _done = due_reminders([(iid, "t", assess(store.get_incident(iid), PACK, five_before).obligations)], five_before, set())
    assert [r.threshold for r in shown] == ["5"]


def test_an_invalid_draft_is_assessed_with_its_errors_and_the_bad_values_as_unknown():
    draft = minimal(
        systems=[{"description": "无名"}, None, {"name": "HIS"}],
        occurred_at="2026-11-25T00:00:00+08:00",
        impact={"people_affected": -3, "direct_loss_yuan": 6_000_000},
        grade_override={"grade": "major"},
    )
    result = assess(draft, PACK, NOW)
    assert not result.valid
    assert {e.path for e in result.errors} == {"systems[0].name", "systems[1]", "impact.people_affected", "grade_override.reason", "occurred_at"}
    assert result.grading.grade == "relatively_major"
    assert result.doc["systems"] == [{"name": "HIS"}]
    assert draft["impact"]["people_affected"] == -3  # the draft itself is untouched


def test_list_positions_past_nine_are_repaired_in_the_right_order():
    systems = [{"name": f"s{i}"} for i in range(12)]
    systems[2] = {"name": None}
    systems[10] = {"name": None}
    doc, valid, errors = repair(minimal(systems=systems), PACK)
    assert not valid and {e.path for e in errors} == {"systems[2].name", "systems[10].name"}
    assert [s["name"] for s in doc["systems"]] == [f"s{i}" for i in range(12) if i not in (2, 10)]


def test_check_is_strict_where_the_wizard_is_forgiving():
    draft = minimal(impact=RELATIVELY_MAJOR, systems=[{"name": None}])
    with pytest.raises(InvalidIncident) as caught:
        check(draft, PACK, NOW)
    assert caught.value.errors[0].path == "systems[0].name"


def test_the_next_report_is_the_first_then_supplements_then_the_summary():
    doc = minimal()
    assert next_report_kind(doc) == ReportKind.INITIAL
    doc["submissions"] = [{"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T11:00:00+08:00"}]
    assert next_report_kind(doc) == ReportKind.SUPPLEMENT
    doc["handling_ended_at"] = "2026-11-26T12:00:00+08:00"
    assert next_report_kind(doc) == ReportKind.SUMMARY
    doc["submissions"].append({"obligation": "summary_report", "kind": "summary", "submitted_at": "2026-11-27T12:00:00+08:00"})
    assert next_report_kind(doc) == ReportKind.SUPPLEMENT


def test_only_the_submission_that_answers_a_deadline_is_judged():
    doc = minimal(
        impact=RELATIVELY_MAJOR,
        submissions=[
            {"obligation": "provincial_cyberspace_office", "kind": "supplement", "submitted_at": "2026-11-24T15:00:00+08:00"},
            {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T13:30:00+08:00"},
        ],
    )
    verdicts = submission_verdicts(assess(doc, PACK, parse_instant("2026-11-24T16:00:00+08:00")))
    assert verdicts == {1: Status.MET}  # due 13:30:00 and sent 13:30:00 is on time (D2)


# --- random drafts, valid or not, through all four views ---

numbers = st.one_of(st.none(), st.integers(-5, 10**9), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=3))
instants = st.one_of(
    st.none(), st.just("2026-11-24T09:30:00+08:00"), st.just("2026-11-24T08:00:00"), st.just("not a time"), st.just("2026-11-25T09:30:00+08:00"), st.integers()
)
booleans = st.one_of(st.none(), st.booleans(), st.just("yes"))


@st.composite
def drafts(draw):
    doc = minimal()
    doc["discovered_at"] = draw(instants)
    if draw(st.booleans()):
        doc["occurred_at"] = draw(instants)
    doc["involves_cii"] = draw(booleans)
    doc["crime_suspected"] = draw(booleans)
    doc["reporter"]["category"] = draw(st.sampled_from(["other", "central_state_organ", None, "bad"]))
    doc["systems"] = draw(st.lists(st.fixed_dictionaries({"name": st.one_of(st.none(), st.text(max_size=3)), "is_cii": booleans}), max_size=4))
    impact = {}
    for key in ("direct_loss_yuan", "people_affected", "cii_full_outage_minutes", "province_population_percent"):
        if draw(st.booleans()):
            impact[key] = draw(numbers)
    doc["impact"] = impact
    if draw(st.booleans()):
        doc["grade_override"] = {
            "grade": draw(st.sampled_from(["major", "general", "bogus"])),
            "reason": draw(st.one_of(st.none(), st.just(" "), st.just("主管部门认定"))),
        }
    if draw(st.booleans()):
        doc["sector_obligations"] = [{"recipient": draw(st.one_of(st.none(), st.just("行业主管部门"))), "hours": draw(numbers)}]
    if draw(st.booleans()):
        doc["handling_ended_at"] = draw(instants)
    doc["submissions"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "obligation": st.sampled_from(["provincial_cyberspace_office", "cii_public_security", "sector_1", "nope"]),
                    "kind": st.sampled_from(["initial", "supplement", "summary", "bad"]),
                    "submitted_at": instants,
                }
            ),
            max_size=3,
        )
    )
    return doc


@given(draft=drafts(), minutes_before=st.integers(-90, 90))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_draft_gets_the_same_deadlines_in_the_wizard_the_list_the_reminders_and_check(draft, minutes_before):
    original = copy.deepcopy(draft)
    wizard = assess(draft, PACK, NOW)
    # The list's stored columns cannot know the clock: a submission timed after now (refused
    # by the app's own forms, warned in a file) counts there and not yet in the wizard.
    future = any(isinstance(s.get("submitted_at"), str) and s["submitted_at"] > "2026-11-24T10" for s in draft["submissions"])
    assume(not future)
    assert draft == original  # assessing never changes the draft
    listed = derive(draft, PACK)
    nearest = wizard.next_due
    assert listed.next_due == (utc_iso(nearest.due) if nearest is not None and nearest.due is not None else None)
    assert listed.grade == wizard.grading.grade
    if listed.next_due is not None:
        assert live_status(listed.status, listed.next_due, NOW) == nearest.status

    # Reminders assess the stored draft again at their own moment: the same due times.
    if nearest is not None and nearest.due is not None:
        at = nearest.due - timedelta(minutes=minutes_before)
        later = assess(draft, PACK, at)
        assert [o.due for o in later.obligations] == [o.due for o in wizard.obligations]
        shown, _done = due_reminders([("i", "t", later.obligations)], at, set())
        if 0 <= minutes_before <= 60 or minutes_before < 0:
            assert any(r.obligation.id == nearest.id for r in shown)

    try:
        strict = check(draft, PACK, NOW)
    except InvalidIncident:
        assert not wizard.valid
    else:
        assert wizard.valid
        assert [(o.id, o.due, o.status) for o in strict.obligations] == [(o.id, o.due, o.status) for o in wizard.obligations]
