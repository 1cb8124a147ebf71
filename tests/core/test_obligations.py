"""Obligations, deadlines and statuses (D1–D9, D12), escalations (D5)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.assessment import check
from core.timeutil import BEIJING
from tests.conftest import minimal

NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=BEIJING)
REPORTABLE = {"people_affected": 200_000}  # 较大
MAJOR = {"direct_loss_yuan": 20_000_000}  # 重大


def run(doc, pack, now=NOW):
    return check(doc, pack, now)


def by_id(result):
    return {o.id: o for o in result.obligations}


def test_other_operator_reports_to_the_provincial_office_within_4_hours(pack):
    obs = by_id(run(minimal(impact=REPORTABLE), pack))
    assert set(obs) == {"provincial_cyberspace_office", "summary_report"}
    o = obs["provincial_cyberspace_office"]
    assert o.as_json() == {
        "id": "provincial_cyberspace_office",
        "recipient": "属地省级网信部门（福建省）",
        "basis": "第四条第三款",
        "hours": 4,
        "days": None,
        "due": "2026-11-24T13:30:00+08:00",
        "status": "pending",
        "submitted_at": None,
    }


def test_cii_incident_reports_to_protection_department_and_police_within_1_hour(pack):
    doc = minimal(involves_cii=True, impact=REPORTABLE)
    doc["reporter"]["protection_department"] = "省卫生健康委员会"
    obs = by_id(run(doc, pack))
    assert set(obs) == {"cii_protection_department", "cii_public_security", "summary_report"}
    assert obs["cii_protection_department"].recipient == "保护工作部门（省卫生健康委员会）"
    for oid in ("cii_protection_department", "cii_public_security"):
        assert obs[oid].hours == 1 and obs[oid].basis == "第四条第一款"
        assert obs[oid].as_json()["due"] == "2026-11-24T10:30:00+08:00"


def test_central_organ_reports_to_its_own_cyberspace_body_within_2_hours(pack):
    doc = minimal(impact=REPORTABLE)
    doc["reporter"]["category"] = "central_state_organ"
    obs = by_id(run(doc, pack))
    assert set(obs) == {"central_organ_cyberspace_office", "summary_report"}
    assert obs["central_organ_cyberspace_office"].as_json()["due"] == "2026-11-24T11:30:00+08:00"


def test_central_organ_with_cii_incident_keeps_both_duties_d3(pack):
    doc = minimal(involves_cii=True, impact=REPORTABLE)
    doc["reporter"]["category"] = "central_state_organ"
    assert set(by_id(run(doc, pack))) == {"cii_protection_department", "cii_public_security", "central_organ_cyberspace_office", "summary_report"}


def test_a_system_marked_cii_makes_the_incident_cii(pack):
    doc = minimal(systems=[{"name": "调度系统", "is_cii": True}], impact=REPORTABLE)
    result = run(doc, pack)
    assert "cii_public_security" in by_id(result)
    assert any(w.code == "cii_system_flag" for w in result.warnings)


def test_unknown_category_counts_as_other_and_warns(pack):
    doc = minimal(impact=REPORTABLE)
    del doc["reporter"]["category"]
    result = run(doc, pack)
    assert "provincial_cyberspace_office" in by_id(result)
    assert any(w.code == "category_unknown" for w in result.warnings)


@pytest.mark.parametrize(("offset", "status"), [(-1, "pending"), (0, "pending"), (1, "overdue")])
def test_status_at_the_due_second_and_one_second_after(pack, offset, status):
    due = datetime(2026, 11, 24, 13, 30, 0, tzinfo=BEIJING)
    obs = by_id(run(minimal(impact=REPORTABLE), pack, now=due + timedelta(seconds=offset)))
    assert obs["provincial_cyberspace_office"].status == status


@pytest.mark.parametrize(
    ("submitted", "status"), [("2026-11-24T13:30:00+08:00", "met"), ("2026-11-24T13:30:01+08:00", "late"), ("2026-11-24T05:30:00Z", "met")]
)
def test_submission_on_the_due_second_is_on_time_d2(pack, submitted, status):
    doc = minimal(
        impact=REPORTABLE, submissions=[{"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": submitted, "channel": "email_12387"}]
    )
    o = by_id(run(doc, pack, now=NOW + timedelta(days=1)))["provincial_cyberspace_office"]
    assert o.status == status
    assert o.as_json()["submitted_at"].endswith("+08:00")


def test_first_submission_counts_not_later_ones(pack):
    doc = minimal(
        impact=REPORTABLE,
        submissions=[
            {"obligation": "provincial_cyberspace_office", "kind": "supplement", "submitted_at": "2026-11-24T15:00:00+08:00"},
            {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T12:00:00+08:00"},
        ],
    )
    o = by_id(run(doc, pack, now=NOW + timedelta(hours=6)))["provincial_cyberspace_office"]
    assert o.status == "met" and o.as_json()["submitted_at"] == "2026-11-24T12:00:00+08:00"


@pytest.mark.parametrize(
    ("discovered", "due"),
    [
        ("2026-11-24T01:30:00Z", "2026-11-24T13:30:00+08:00"),
        ("2026-11-24T09:30:00+08:00", "2026-11-24T13:30:00+08:00"),
        ("2026-11-24T09:30:00", "2026-11-24T13:30:00+08:00"),  # no offset: Beijing time
        ("2026-11-24T02:30:00+01:00", "2026-11-24T13:30:00+08:00"),
        ("2026-11-24T22:00:00+08:00", "2026-11-25T02:00:00+08:00"),  # across midnight
    ],
)
def test_time_zone_inputs(pack, discovered, due):
    o = by_id(run(minimal(discovered_at=discovered, impact=REPORTABLE), pack))["provincial_cyberspace_office"]
    assert o.as_json()["due"] == due


def test_general_incident_obligations_are_not_required_d4(pack):
    result = run(minimal(impact={"people_affected": 10}, crime_suspected=True), pack)
    obs = by_id(result)
    assert result.reportable == "no"
    assert obs["provincial_cyberspace_office"].status == "not_required"
    assert obs["provincial_cyberspace_office"].as_json()["due"] == "2026-11-24T13:30:00+08:00"  # record kept
    assert obs["summary_report"].status == "not_required"
    assert obs["police_case"].status == "open"  # 报案 does not depend on the annex grade
    assert any(w.code == "general_other_laws" for w in result.warnings)


def test_undetermined_grade_keeps_the_clock_running_d4(pack):
    result = run(minimal(), pack, now=NOW + timedelta(hours=5))
    assert result.reportable == "undetermined"
    assert by_id(result)["provincial_cyberspace_office"].status == "overdue"


@pytest.mark.parametrize(
    ("ended", "due"),
    [
        ("2026-03-01T15:00:00+08:00", "2026-03-31T23:59:59+08:00"),  # D7's own example
        ("2026-01-31T10:00:00+08:00", "2026-03-02T23:59:59+08:00"),  # across February
        ("2026-12-15T08:00:00+08:00", "2027-01-14T23:59:59+08:00"),  # across the year end
        ("2026-02-28T23:30:00+08:00", "2026-03-30T23:59:59+08:00"),
        ("2026-02-28T16:30:00Z", "2026-03-31T23:59:59+08:00"),  # 00:30 on 1 March in Beijing
    ],
)
def test_summary_report_due_at_the_end_of_the_30th_day_d7(pack, ended, due):
    doc = minimal(discovered_at="2026-01-01T00:00:00+08:00", impact=REPORTABLE, handling_ended_at=ended)
    o = by_id(run(doc, pack, now=datetime(2026, 1, 2, tzinfo=BEIJING)))["summary_report"]
    assert (o.days, o.hours, o.basis) == (30, None, "第八条")
    assert o.as_json()["due"] == due


def test_summary_report_waits_for_handling_to_end(pack):
    o = by_id(run(minimal(impact=REPORTABLE), pack))["summary_report"]
    assert (o.status, o.due) == ("waiting", None)


def test_summary_report_met_by_a_summary_submission_on_the_original_channel(pack):
    doc = minimal(
        impact=REPORTABLE,
        handling_ended_at="2026-11-30T12:00:00+08:00",
        submissions=[{"obligation": "provincial_cyberspace_office", "kind": "summary", "submitted_at": "2026-12-30T23:59:59+08:00"}],
    )
    obs = by_id(run(doc, pack, now=datetime(2027, 1, 5, tzinfo=BEIJING)))
    assert obs["summary_report"].status == "met"
    assert obs["provincial_cyberspace_office"].status == "overdue"  # a summary is not the first report


def test_police_case_has_no_hours_d8(pack):
    doc = minimal(impact=REPORTABLE, crime_suspected=True)
    o = by_id(run(doc, pack))["police_case"]
    assert (o.hours, o.due, o.status, o.basis) == (None, None, "open", "第四条第五款")
    doc["submissions"] = [{"obligation": "police_case", "kind": "initial", "submitted_at": "2026-11-24T09:50:00+08:00"}]
    assert by_id(run(doc, pack))["police_case"].status == "done"


def test_sector_obligations_count_down_like_statutory_ones_d9(pack):
    doc = minimal(
        impact=REPORTABLE,
        sector_obligations=[{"recipient": "中国人民银行福州中心支行", "hours": 2, "note": "行业规定"}, {"recipient": "行业协会", "hours": None}],
    )
    obs = by_id(run(doc, pack))
    assert obs["sector_1"].as_json() == {
        "id": "sector_1",
        "recipient": "中国人民银行福州中心支行",
        "basis": "第四条第四款",
        "hours": 2,
        "days": None,
        "due": "2026-11-24T11:30:00+08:00",
        "status": "pending",
        "submitted_at": None,
    }
    assert obs["sector_2"].status == "open"


def test_escalations_only_for_major_and_above_d5(pack):
    assert run(minimal(impact=REPORTABLE), pack).escalations == []
    result = run(minimal(impact=MAJOR), pack)
    assert [e.as_json() for e in result.escalations] == [{"by": "属地省级网信部门", "to": "国家网信部门", "within_minutes": 60, "basis": "第四条第三款"}]
    cii = run(minimal(impact=MAJOR, involves_cii=True), pack)
    assert [e.within_minutes for e in cii.escalations] == [30]


def test_12387_channel_against_a_cii_obligation_warns_d13(pack):
    doc = minimal(
        involves_cii=True,
        impact=REPORTABLE,
        submissions=[{"obligation": "cii_public_security", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00", "channel": "hotline_12387"}],
    )
    warnings = run(doc, pack).warnings
    assert any(w.code == "channel_does_not_reach" and w.path == "submissions[0].channel" for w in warnings)


def test_due_is_exactly_hours_after_discovery_in_utc_too(pack):
    # D2a: the fraction of a second is dropped on input.
    doc = minimal(discovered_at="2026-11-24T09:30:17.250000+08:00", impact=REPORTABLE)
    o = by_id(run(doc, pack))["provincial_cyberspace_office"]
    assert o.due - datetime(2026, 11, 24, 1, 30, 17, tzinfo=UTC) == timedelta(hours=4)
