"""The law's third edition (regulation.md Part A, D1b, D3a, D7b, D11a, D13b, D16a, D16b,
D17, D18, D19; product.md §9.1–§9.2), each at its boundary, with the cases found wrong
before it: running durations and their projections, every channel's reach, reasons
nobody can see, voided incidents, one number of leaked personal information and the
stable warning codes."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import fields
from core.assessment import (
    assess,
    channel_advice,
    check,
    discovery_problem,
    discovery_warning,
    has_running_duration,
    next_change,
    notice_channels,
    obligation_channels,
    projection_sentence,
    reason_problem,
    reassess,
    recompute_due,
    written_reason,
)
from core.cli import main
from core.incident import SCHEMA_ID, upgrade, validate
from core.messages import InvalidIncident
from core.reminders import due_reminders, projection_reminders
from core.rules import default_pack
from core.timeutil import BEIJING
from core.vocab import Status
from tests.conftest import EXAMPLES, example, minimal

PACK = default_pack()
NOW = datetime(2026, 11, 24, 14, 30, 0, tzinfo=BEIJING)
V3 = "incident-assistant/incident@3"
RELATIVELY_MAJOR = {"people_affected": 100_000}


def v3(**overrides: Any) -> dict[str, Any]:
    doc = minimal(**overrides)
    doc["schema"] = V3
    return doc


def defacement(**extra: Any) -> dict[str, Any]:
    """A school's portal defaced at 14:10, discovered at once, still defaced."""
    return v3(
        discovered_at="2026-11-24T14:10:00+08:00",
        impact={"defacement": {"site": "enterprise_portal", "homepage_started_at": "2026-11-24T14:10:00+08:00", **extra}},
    )


def codes(doc: dict[str, Any], now: datetime = NOW) -> list[str]:
    return [w.code for w in check(doc, PACK, now).warnings]


def run_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, now: str = "2026-11-24T14:30:00+08:00", *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code = main(["check", str(path), "--now", now, *extra])
    out, err = capsys.readouterr()
    return code, out, err


# --- incident@3 (product.md §9.1) ---


def test_incident_3_is_written_and_1_and_2_still_read_with_the_same_answers():
    assert SCHEMA_ID == V3 and upgrade(example())["schema"] == V3
    base = example()
    answers = []
    for schema in ("incident-assistant/incident@1", "incident-assistant/incident@2", V3):
        doc = {**base, "schema": schema}
        out = check(doc, PACK, NOW).as_json()
        answers.append(out)
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["projections"] == [] and answers[0]["voided"] is None


def test_every_new_key_is_in_the_catalogue_in_both_languages_with_the_wizard_question():
    started = fields.CATALOGUE["impact.defacement.homepage_started_at"]
    assert started.since == 3 and started.type == "instant"
    assert "还在持续吗？从几点开始？" in started.ask("zh") and "still going on" in started.ask("en")
    for duration in fields.DURATIONS:
        for path in (duration.started, duration.ended):
            assert fields.CATALOGUE[path].name("zh") and fields.CATALOGUE[path].name("en"), path
    what = fields.CATALOGUE["personal_info.what"]
    assert list(what.choices) == ["leaked", "tampered", "lost"]


def test_an_at_3_key_in_an_at_2_file_asks_to_declare_at_3():
    doc = defacement()
    doc["schema"] = "incident-assistant/incident@2"
    errors = validate(doc, PACK)[0]
    assert [(e.path, e.code) for e in errors] == [("impact.defacement.homepage_started_at", "v2_only")]
    assert V3 in errors[0].message()


@pytest.mark.parametrize("what", [["leaked"], ["leaked", "tampered", "lost"], []])
def test_what_happened_to_personal_information_is_a_list_of_three_words(what):
    assert validate(v3(personal_info={"affected": "yes", "what": what}), PACK)[0] == []


@pytest.mark.parametrize("what", [["stolen"], "leaked", [None]])
def test_anything_else_in_what_happened_is_refused(what):
    errors = validate(v3(personal_info={"affected": "yes", "what": what}), PACK)[0]
    assert errors and errors[0].path.startswith("personal_info.what")


@pytest.mark.parametrize(
    ("impact", "key"),
    [
        ({"cii_full_outage": {"started_at": "2026-11-24T14:00:00+08:00", "ended_at": "2026-11-24T13:59:59+08:00"}}, "impact.cii_full_outage.ended_at"),
        (
            {"portal_outage": {"site": "enterprise_portal", "started_at": "2026-11-24T14:00:00+08:00", "ended_at": "2026-11-24T13:00:00+08:00"}},
            "impact.portal_outage.ended_at",
        ),
        (
            {"defacement": {"other_page_started_at": "2026-11-24T14:00:00+08:00", "other_page_ended_at": "2026-11-24T13:00:00+08:00"}},
            "impact.defacement.other_page_ended_at",
        ),
        ({"defacement": {"homepage_started_at": "2026-11-24T14:32:01+08:00"}}, "impact.defacement.homepage_started_at"),
        ({"cii_main_function_outage": {"started_at": "2026-11-25T09:00:00+08:00", "ended_at": None}}, "impact.cii_main_function_outage.started_at"),
    ],
)
def test_an_end_before_its_start_or_a_start_after_now_is_bad_input_naming_the_key(tmp_path, capsys, impact, key):
    code, out, err = run_check(tmp_path, capsys, v3(impact=impact))
    assert code == 2 and out == "" and err.count("\n") == 1 and key in err


def test_a_start_within_two_minutes_of_now_is_clock_skew_and_accepted(tmp_path, capsys):
    doc = v3(impact={"defacement": {"site": "enterprise_portal", "homepage_started_at": "2026-11-24T14:32:00+08:00"}})
    code, _out, err = run_check(tmp_path, capsys, doc)
    assert code == 0, err


def test_the_assessment_of_a_draft_drops_a_start_in_the_future():
    result = assess(v3(impact={"defacement": {"homepage_started_at": "2026-11-25T09:00:00+08:00"}}), PACK, NOW)
    assert not result.valid and "homepage_started_at" not in result.doc["impact"]["defacement"]


# --- D18: running durations ---


def test_a_running_defacement_is_graded_to_now_and_projected_in_plain_words():
    result = check(defacement(), PACK, NOW)
    assert result.grading.grade == "general"  # 20 minutes so far
    [p] = result.projections
    assert p.as_json() == {
        "at": "2026-11-24T14:40:00+08:00",
        "grade": "relatively_major",
        "item": "附件 三 通常情况 第6项",
        "text": p.text,
        "field": "impact.defacement.homepage_started_at",
    }
    assert projection_sentence(result, PACK) == "若首页篡改内容仍未清除，北京时间 14:40 起为较大事件，须在 18:10 前报告。"
    assert projection_sentence(result, PACK, "en") == (
        "If the harmful content stays on the home page, from 14:40 Beijing time the incident is graded relatively major; report it by 18:10."
    )
    assert check(defacement(), PACK, NOW.replace(minute=40)).grading.grade == "relatively_major"
    assert check(defacement(), PACK, NOW.replace(minute=39, second=59)).grading.grade == "general"
    later = check(defacement(), PACK, NOW.replace(minute=40))
    assert [p.grade for p in later.projections] == ["major"] and later.projections[0].at.hour == 16


def test_a_user_who_leaves_the_minutes_empty_is_not_told_general_while_it_is_reportable():
    result = check(defacement(), PACK, datetime(2026, 11, 24, 17, 0, tzinfo=BEIJING))
    assert result.grading.grade == "major" and result.grading.triggered[0].value == 170


def test_typed_minutes_win_and_an_end_stops_the_clock():
    typed = check(defacement(homepage_minutes=10), PACK, datetime(2026, 11, 24, 20, 0, tzinfo=BEIJING))
    assert typed.grading.grade == "general" and typed.projections == []
    ended = check(defacement(homepage_ended_at="2026-11-24T14:45:00+08:00"), PACK, datetime(2026, 11, 25, 9, 0, tzinfo=BEIJING))
    assert ended.grading.grade == "relatively_major" and ended.projections == [] and not has_running_duration(ended.doc)


def test_the_deadline_still_runs_from_discovery_not_from_the_threshold():
    result = check(defacement(), PACK, NOW.replace(minute=41))
    assert result.obligation("provincial_cyberspace_office").due == datetime(2026, 11, 24, 18, 10, tzinfo=BEIJING)


def test_a_site_the_annex_does_not_list_projects_nothing():
    doc = defacement()
    doc["impact"]["defacement"]["site"] = None
    assert check(doc, PACK, NOW).projections == []


def test_the_next_moment_to_recompute_and_the_watch_of_running_incidents():
    result = check(defacement(), PACK, NOW)
    assert has_running_duration(result.doc) and result.running
    assert next_change(result) == result.next_change == datetime(2026, 11, 24, 14, 40, tzinfo=BEIJING)
    watch = {"a": result.next_change, "b": None, "c": NOW + timedelta(hours=3)}
    assert recompute_due(watch, NOW.replace(minute=39, second=59)) == []
    assert recompute_due(watch, NOW.replace(minute=40)) == ["a"]
    assert not has_running_duration(example()) and not has_running_duration(None)


@pytest.mark.parametrize("minutes", [0, 9, 10, 11, 125, 24 * 60])
def test_reassessing_at_a_later_moment_gives_what_a_fresh_assessment_gives(minutes):
    first = assess(defacement(), PACK, NOW)
    later = NOW + timedelta(minutes=minutes)
    assert reassess(first, PACK, later).as_json() == assess(defacement(), PACK, later).as_json()
    broken = defacement()
    broken["impact"]["defacement"]["views"] = "many"
    assert reassess(assess(broken, PACK, NOW), PACK, later).as_json() == assess(broken, PACK, later).as_json()
    assert not reassess(assess(broken, PACK, NOW), PACK, later).valid


def test_a_projection_reminds_once_when_reached():
    result = check(defacement(), PACK, NOW)
    incidents = [("i1", "学校网站", result.projections)]
    assert projection_reminders(incidents, NOW, set()) == ([], set())
    shown, done = projection_reminders(incidents, NOW.replace(minute=40), set())
    assert len(shown) == 1 and "北京时间" in shown[0].message(grade_name="较大") and "较大" in shown[0].message(grade_name="较大")
    assert "relatively major" in shown[0].message("en", "relatively major")
    assert projection_reminders(incidents, NOW.replace(minute=41), done) == ([], set())


SITES = [s.id for s in PACK.site_kinds] + [None]


@settings(max_examples=120, deadline=None)
@given(
    duration=st.sampled_from(fields.DURATIONS),
    site=st.sampled_from(SITES),
    started_ago=st.integers(min_value=0, max_value=3 * 24 * 3600),
)
def test_a_projection_fed_back_as_now_gives_its_grade_and_a_second_earlier_the_grade_before(duration, site, started_ago):
    started = NOW - timedelta(seconds=started_ago)
    doc = v3(discovered_at=started.isoformat())
    doc["impact"] = {}
    node = doc["impact"]
    *parents, key = duration.started.removeprefix("impact.").split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[key] = started.isoformat()
    if "portal_outage" in duration.started or "defacement" in duration.started:
        doc["impact"][duration.started.split(".")[1]]["site"] = site
    result = check(doc, PACK, NOW)
    assert all(a.at <= b.at for a, b in zip(result.projections, result.projections[1:], strict=False))
    for p in result.projections:
        assert p.at > NOW and PACK.rank(p.grade) > PACK.rank(result.grading.grade)
        assert check(doc, PACK, p.at).grading.grade == p.grade
        assert check(doc, PACK, p.at - timedelta(seconds=1)).grading.grade == result.grading.grade


# --- D13b: every channel's reach ---


def summary(obligation: str, channel: str) -> dict[str, Any]:
    return {"obligation": obligation, "kind": "summary", "submitted_at": "2026-11-26T10:00:00+08:00", "channel": channel}


def test_a_cii_summary_through_the_12387_mailbox_is_not_met():
    doc = minimal(
        involves_cii=True,
        impact=RELATIVELY_MAJOR,
        handling_ended_at="2026-11-25T10:00:00+08:00",
        submissions=[summary("cii_protection_department", "email_12387")],
    )
    result = check(doc, PACK, datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING))
    assert result.obligation("summary_report").status == Status.PENDING
    assert "channel_does_not_reach" in [w.code for w in result.warnings]


def test_a_central_organs_summary_through_the_12387_website_is_not_met():
    doc = minimal(impact=RELATIVELY_MAJOR, handling_ended_at="2026-11-25T10:00:00+08:00", submissions=[summary("summary_report", "website_12387")])
    doc["reporter"]["category"] = "central_state_organ"
    assert check(doc, PACK, datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING)).obligation("summary_report").status == Status.PENDING


def test_an_ordinary_operators_summary_through_12387_goes_by_the_original_channel_and_is_met():
    doc = minimal(impact=RELATIVELY_MAJOR, handling_ended_at="2026-11-25T10:00:00+08:00", submissions=[summary("summary_report", "website_12387")])
    assert check(doc, PACK, datetime(2026, 11, 27, 10, 0, tzinfo=BEIJING)).obligation("summary_report").status == Status.MET


@pytest.mark.parametrize(("recipient", "counts"), [("某省通信管理局", False), ("某省委网信办", True), ("某市互联网信息办公室", True)])
def test_a_sector_recipient_is_reached_by_12387_only_when_it_is_a_cyberspace_office(recipient, counts):
    doc = v3(
        impact=RELATIVELY_MAJOR,
        sector_obligations=[{"recipient": recipient, "hours": 24}],
        submissions=[{"obligation": "sector_1", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00", "channel": "email_12387"}],
    )
    result = check(doc, PACK, NOW)
    assert (result.obligation("sector_1").status == Status.MET) is counts
    assert ("channel_does_not_reach" in [w.code for w in result.warnings]) is not counts
    offered = {c.id for c in obligation_channels("sector_1", doc, PACK)}
    assert ("email_12387" in offered) is counts and "in_person" in offered and "sms" not in offered


def test_each_obligation_offers_only_the_channels_that_reach_it():
    doc = v3(impact=RELATIVELY_MAJOR, crime_suspected=True, personal_info={"affected": "yes", "authority": "某市卫生健康委员会"})
    result = check(doc, PACK, NOW)
    police = {c.id for c in channel_advice(result.obligation("police_case"), PACK, doc).channels}
    assert police == {"in_person", "phone", "email_other", "other", "letter"}
    province = channel_advice(result.obligation("provincial_cyberspace_office"), PACK, doc)
    assert {c.id for c in province.cyberspace} == {c.id for c in PACK.channels if c.reaches == "cyberspace"} and not province.not_by_12387
    individuals = {c.id for c in notice_channels("pi_individual_notice", doc, PACK)}
    assert {"sms", "im", "announcement", "letter"} <= individuals and not any(c.endswith("12387") for c in individuals)
    authority = {c.id for c in notice_channels("pi_authority_notice", doc, PACK)}
    assert "email_12387" not in authority and "sms" not in authority
    assert channel_advice(result.obligation("summary_report"), PACK, doc).original


# --- D11a: one reason checker ---

INVISIBLE = ["\u200b\u200b", "\u00a0\u200d", "\ufeff", " \t\n", "—…！", "\u3000", "\u202e\u2066"]


@pytest.mark.parametrize("reason", INVISIBLE)
@pytest.mark.parametrize(
    ("patch", "key"),
    [
        (lambda r: {"impact": {"direct_loss_yuan": 20_000_000}, "grade_override": {"grade": "general", "reason": r}}, "grade_override.reason"),
        (lambda r: {"impact": {"qualitative": {"grade": "major", "reason": r}}}, "impact.qualitative.reason"),
        (lambda r: {"personal_info": {"affected": "yes", "individual_notice_waived": {"reason": r}}}, "personal_info.individual_notice_waived.reason"),
        (lambda r: {"voided": {"at": "2026-11-24T10:00:00+08:00", "reason": r}}, "voided.reason"),
    ],
)
def test_a_reason_nobody_can_see_is_refused_naming_the_field(tmp_path, capsys, reason, patch, key):
    code, out, err = run_check(tmp_path, capsys, v3(**patch(reason)))
    assert code == 2 and out == "" and key in err and err.count("\n") == 1
    assert reason_problem(reason, key) is not None and not written_reason(reason)


def test_the_lowered_grade_with_two_zero_width_spaces_is_not_lowered_in_a_draft():
    result = assess(v3(impact={"direct_loss_yuan": 20_000_000}, grade_override={"grade": "general", "reason": "\u200b\u200b"}), PACK, NOW)
    assert result.grading.grade == "major" and not result.valid


LETTER_OR_NUMBER = st.characters(whitelist_categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No"))
NOT_A_LETTER = st.characters(
    whitelist_categories=("Zs", "Zl", "Zp", "Cc", "Cf", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Mn", "Mc", "Me")
)


@given(st.text(alphabet=NOT_A_LETTER, max_size=30))
def test_text_without_a_letter_or_number_is_no_reason(text):
    assert not written_reason(text) and reason_problem(text, "voided.reason", "en") == "a reason is required"


@given(st.text(alphabet=NOT_A_LETTER, max_size=10), LETTER_OR_NUMBER, st.text(alphabet=NOT_A_LETTER, max_size=10))
def test_one_letter_or_number_anywhere_makes_a_reason(before, core_char, after):
    assert unicodedata.category(core_char)[0] in "LN"
    assert written_reason(before + core_char + after) and reason_problem(before + core_char + after, "x") is None


# --- D17: voided ---


def test_a_voided_incident_ends_open_duties_keeps_met_ones_and_reminds_nothing():
    doc = v3(
        involves_cii=True,
        impact=RELATIVELY_MAJOR,
        crime_suspected=True,
        voided={"at": "2026-11-24T11:00:00+08:00", "reason": "误报：演练流量被当成攻击"},
        submissions=[{"obligation": "cii_public_security", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00", "channel": "phone"}],
    )
    result = check(doc, PACK, datetime(2026, 11, 24, 12, 0, tzinfo=BEIJING))
    statuses = {o.id: o.status for o in result.obligations}
    assert statuses["cii_protection_department"] == Status.VOIDED and statuses["police_case"] == Status.VOIDED
    assert statuses["summary_report"] == Status.VOIDED and statuses["cii_public_security"] == Status.MET
    out = result.as_json()
    assert out["voided"] == {"at": "2026-11-24T11:00:00+08:00", "reason": "误报：演练流量被当成攻击"}
    assert "voided" in [w["code"] for w in out["warnings"]]
    assert due_reminders([("i", "t", result.obligations)], datetime(2026, 11, 25, tzinfo=BEIJING), set()) == ([], set())
    doc["impact"] = {"defacement": {"site": "enterprise_portal", "homepage_started_at": "2026-11-24T11:50:00+08:00"}}
    assert check(doc, PACK, datetime(2026, 11, 24, 12, 0, tzinfo=BEIJING)).projections == []


# --- warnings and their codes (D1b, D3a, D7b, D16a, D16b) ---


def test_a_discovery_in_the_future_is_warned_by_check_and_refused_by_the_wizards_rule():
    doc = minimal(impact=RELATIVELY_MAJOR, involves_cii=False, discovered_at="2026-11-24T14:32:01+08:00")
    assert "discovery_in_future" in codes(doc)
    assert "discovery_in_future" not in codes(minimal(involves_cii=False, discovered_at="2026-11-24T14:32:00+08:00"))
    assert discovery_problem(datetime(2026, 11, 24, 14, 32, 1, tzinfo=BEIJING), NOW) is not None
    assert discovery_problem(datetime(2026, 11, 24, 14, 32, 0, tzinfo=BEIJING), NOW) is None
    assert "later than the present" in (discovery_problem(datetime(2026, 11, 25, tzinfo=BEIJING), NOW, "en") or "")


def test_a_discovery_more_than_thirty_days_back_is_warned():
    long_ago = NOW - timedelta(days=30, seconds=1)
    assert "discovery_long_ago" in codes(minimal(involves_cii=False, discovered_at=long_ago.isoformat()))
    assert "discovery_long_ago" not in codes(minimal(involves_cii=False, discovered_at=(NOW - timedelta(days=30)).isoformat()))
    assert discovery_warning(long_ago, NOW) is not None and discovery_warning(NOW, NOW) is None


def test_an_unknown_discovery_time_gives_no_due_time_pending_and_a_warning():
    doc = minimal(involves_cii=False, impact=RELATIVELY_MAJOR)
    del doc["discovered_at"]
    result = check(doc, PACK, NOW)
    o = result.obligation("provincial_cyberspace_office")
    assert o.due is None and o.status == Status.PENDING and "discovery_unknown" in [w.code for w in result.warnings]


def test_cii_not_known_follows_the_other_duties_and_warns_with_the_one_hour_due_time():
    result = check(minimal(impact=RELATIVELY_MAJOR), PACK, NOW)
    assert {o.id for o in result.obligations} >= {"provincial_cyberspace_office"} and result.obligation("cii_protection_department") is None
    warning = next(w for w in result.warnings if w.code == "cii_unknown")
    assert "2026-11-24 10:30:00" in warning.message() and "保护工作部门" in warning.message()
    assert "cii_unknown" not in codes(minimal(involves_cii=False))


def test_a_summary_recorded_before_handling_ended_is_met_never_done_and_warned():
    doc = minimal(involves_cii=False, impact=RELATIVELY_MAJOR, submissions=[summary("summary_report", "in_person")])
    result = check(doc, PACK, datetime(2026, 11, 27, tzinfo=BEIJING))
    assert result.obligation("summary_report").status == Status.MET
    assert "handling_end_missing" in [w.code for w in result.warnings]


def test_the_personal_information_count_grades_and_the_larger_of_two_wins():
    one = check(v3(personal_info={"affected": "yes", "count": 1_000_000}), PACK, NOW)
    assert one.grading.grade == "relatively_major" and one.grading.triggered[0].item == "附件 三 通常情况 第5项"
    both = check(v3(impact={"personal_info_leaked": 5_000}, personal_info={"affected": "yes", "count": 10_000_000}), PACK, NOW)
    assert both.grading.grade == "major" and "pi_count_differs" in [w.code for w in both.warnings]
    possible = check(v3(personal_info={"affected": "possible", "count": 10_000_000}), PACK, NOW)
    assert possible.grading.grade == "undetermined"  # possible creates the duties, does not grade


def test_no_beside_a_recorded_leak_of_5000_does_not_silence_it():
    result = check(v3(impact={"personal_info_leaked": 5_000}, personal_info={"affected": "no"}), PACK, NOW)
    assert {"pi_authority_notice", "pi_individual_notice"} <= {o.id for o in result.obligations}
    assert "pi_answer_contradicts_count" in [w.code for w in result.warnings]


def test_every_warning_of_check_json_has_a_stable_code_field_and_text(tmp_path, capsys):
    doc = v3(impact={"personal_info_leaked": 5_000}, personal_info={"affected": "no"}, discovered_at="2026-11-24T15:00:00+08:00")
    code, out, _err = run_check(tmp_path, capsys, doc, "2026-11-24T14:30:00+08:00", "--json")
    warnings = json.loads(out)["warnings"]
    assert code == 0 and warnings and all(set(w) >= {"code", "field", "text"} and w["code"] for w in warnings)
    assert {"discovery_in_future", "cii_unknown", "pi_answer_contradicts_count"} <= {w["code"] for w in warnings}


# --- D19 ---


@pytest.mark.parametrize(("value", "code"), [(10**15, 0), (10**15 + 1, 2)])
def test_numbers_above_ten_to_the_fifteen_are_refused(tmp_path, capsys, value, code):
    got, _out, err = run_check(tmp_path, capsys, v3(impact={"people_affected": value}))
    assert got == code and (code == 0 or ("people_affected" in err and "10^15" in err))


# --- the examples ---


def test_the_running_school_example_projects_and_owes_the_notices():
    doc = json.loads((EXAMPLES / "school-defacement-running.json").read_text(encoding="utf-8"))
    result = check(doc, PACK, datetime(2026, 11, 24, 9, 50, tzinfo=BEIJING))
    assert result.projections and {"pi_authority_notice", "pi_individual_notice"} <= {o.id for o in result.obligations}
    assert projection_sentence(result, PACK) == "若首页篡改内容仍未清除，北京时间 10:00 起为较大事件，须在 13:30 前报告。"
    with pytest.raises(InvalidIncident):
        check(doc, PACK, datetime(2026, 11, 24, 9, 20, tzinfo=BEIJING))  # the defacement had not begun
