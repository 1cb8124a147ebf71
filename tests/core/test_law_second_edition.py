"""The law's second edition (regulation.md Part A, D2a, D4a, D13a, D14, D15), each at its
boundary: findings matched "at least", a province's share for a prefecture, channels that
cannot reach the recipient, submissions that count for nothing, whole seconds, the
calendar's limits, the Measures' start date and why duties stay open for 一般."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.assessment import check
from core.cli import main
from core.cli.check_cmd import render_text
from core.messages import TEMPLATES
from core.rules import default_pack
from core.timeutil import BEIJING, parse_instant
from tests.conftest import minimal

PACK = default_pack()
NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=BEIJING)
RELATIVELY_MAJOR = {"people_affected": 100_000}
GENERAL = {"people_affected": 99_999}


def obligations(doc: dict[str, Any], now: datetime = NOW) -> dict[str, Any]:
    return {o.id: o for o in check(doc, PACK, now).obligations}


def codes(doc: dict[str, Any], now: datetime = NOW) -> list[tuple[str, str]]:
    return [(w.path, w.code) for w in check(doc, PACK, now).warnings]


def cii_doc(*submissions: dict[str, Any]) -> dict[str, Any]:
    return minimal(involves_cii=True, impact=RELATIVELY_MAJOR, submissions=list(submissions))


def sub(obligation: str, at: str, channel: str | None = None, kind: str = "initial") -> dict[str, Any]:
    out = {"obligation": obligation, "kind": kind, "submitted_at": at}
    if channel is not None:
        out["channel"] = channel
    return out


# --- D15: a wider finding contains the narrower ---


@pytest.mark.parametrize("site", ["enterprise_portal", "provincial_news_site", "prefecture_gov_portal", "large_platform"])
def test_an_especially_large_finding_on_a_major_level_site_grades_major(site):
    result = check(minimal(impact={"defacement": {"site": site, "authority_scope": "especially_large"}}), PACK, NOW)
    assert result.grading.grade == "major"
    assert [t.item for t in result.grading.triggered] == ["附件 二 通常情况 第6项"]


def test_a_large_finding_on_a_county_portal_grades_relatively_major():
    result = check(minimal(impact={"defacement": {"site": "other_gov_portal", "authority_scope": "large"}}), PACK, NOW)
    assert result.grading.grade == "relatively_major"


def test_an_especially_large_finding_on_a_central_news_site_is_especially_major():
    result = check(minimal(impact={"defacement": {"site": "central_news_site", "authority_scope": "especially_large"}}), PACK, NOW)
    assert result.grading.grade == "especially_major"


def test_a_relatively_large_finding_stays_relatively_major_on_any_listed_site():
    result = check(minimal(impact={"defacement": {"site": "super_large_platform", "authority_scope": "relatively_large"}}), PACK, NOW)
    assert result.grading.grade == "relatively_major"


def test_the_findings_and_data_threats_are_ordered_scales_matched_at_least():
    by_id = {c.id: c for c in PACK.criteria}
    assert by_id["defacement_authority"].scale == ("relatively_large", "large", "especially_large")
    assert by_id["data_threat"].scale == ("relatively_serious", "serious", "especially_serious")
    for cid in ("defacement_authority", "data_threat"):
        assert all(level.at_least is not None and level.min is None for level in by_id[cid].levels)


@pytest.mark.parametrize(
    ("percent", "grade", "items"),
    [
        (29.9, "general", []),
        (30, "relatively_major", ["附件 三 通常情况 第3项"]),
        (49.9, "relatively_major", ["附件 三 通常情况 第3项"]),
        (50, "especially_major", ["附件 一 通常情况 第3项", "附件 二 通常情况 第3项"]),
    ],
)
def test_a_province_share_counts_as_at_least_that_share_of_a_prefecture(percent, grade, items):
    result = check(minimal(impact={"province_population_percent": percent}), PACK, NOW)
    assert result.grading.grade == grade
    assert [t.item for t in result.grading.triggered] == items


def test_the_province_share_item_text_names_no_decision_code():
    texts = [lv.text for c in PACK.criteria for lv in c.levels]
    assert not any(re.search(r"\bD\d", text) for text in texts)


# --- D13a: a channel that cannot reach the recipient does not count ---


def test_a_12387_mail_to_the_protection_department_does_not_count_and_is_overdue_one_second_after_due():
    doc = cii_doc(sub("cii_protection_department", "2026-11-24T09:40:00+08:00", "email_12387"))
    due_second = datetime(2026, 11, 24, 10, 30, 0, tzinfo=BEIJING)
    assert obligations(doc, due_second)["cii_protection_department"].status == "pending"
    o = obligations(doc, due_second + timedelta(seconds=1))["cii_protection_department"]
    assert o.status == "overdue" and o.submitted_at is None
    assert o.as_json()["ignored_submissions"] == [{"index": 0, "counts": False, "why": "channel_does_not_reach"}]
    assert ("submissions[0].channel", "channel_does_not_reach") in codes(doc, due_second)


@pytest.mark.parametrize(("at", "status"), [("2026-11-24T10:30:00+08:00", "met"), ("2026-11-24T10:30:01+08:00", "late")])
def test_a_later_direct_report_decides_met_or_late_after_an_ignored_12387_one(at, status):
    doc = cii_doc(sub("cii_public_security", "2026-11-24T09:40:00+08:00", "hotline_12387"), sub("cii_public_security", at, "in_person"))
    o = obligations(doc, NOW + timedelta(hours=2))["cii_public_security"]
    assert o.status == status and o.answered_by == 1
    assert o.as_json()["submitted_at"] == at


@pytest.mark.parametrize("channel", ["hotline_12387", "website_12387", "wechat_miniprogram_12387", "wechat_official_account", "email_12387", "fax_12387"])
def test_no_12387_channel_reaches_the_central_organs_own_cyberspace_body(channel):
    doc = minimal(impact=RELATIVELY_MAJOR, submissions=[sub("central_organ_cyberspace_office", "2026-11-24T09:40:00+08:00", channel)])
    doc["reporter"]["category"] = "central_state_organ"
    o = obligations(doc)["central_organ_cyberspace_office"]
    assert o.status == "pending" and [i.index for i in o.ignored] == [0]


def test_a_12387_report_of_a_crime_is_not_a_police_case():
    doc = minimal(impact=RELATIVELY_MAJOR, crime_suspected=True, submissions=[sub("police_case", "2026-11-24T09:40:00+08:00", "fax_12387")])
    assert obligations(doc)["police_case"].status == "open"


@pytest.mark.parametrize("channel", ["sms", "im", "announcement"])  # a letter reaches any recipient (D13b)
def test_a_notice_channel_satisfies_no_report(channel):
    doc = minimal(
        schema="incident-assistant/incident@2", impact=RELATIVELY_MAJOR, submissions=[sub("provincial_cyberspace_office", "2026-11-24T09:40:00+08:00", channel)]
    )
    assert obligations(doc)["provincial_cyberspace_office"].status == "pending"
    assert codes(doc)[-1] == ("submissions[0].channel", "channel_does_not_reach")


def test_12387_still_counts_for_the_provincial_cyberspace_office():
    doc = minimal(impact=RELATIVELY_MAJOR, submissions=[sub("provincial_cyberspace_office", "2026-11-24T09:40:00+08:00", "website_12387")])
    o = obligations(doc)["provincial_cyberspace_office"]
    assert o.status == "met" and "ignored_submissions" not in o.as_json()


def test_the_ignored_submission_warning_names_the_channel_and_recipient_in_both_languages():
    doc = cii_doc(sub("cii_protection_department", "2026-11-24T09:40:00+08:00", "email_12387"))
    warning = next(w for w in check(doc, PACK, NOW).warnings if w.code == "channel_does_not_reach")
    assert "12387 邮箱" in warning.message() and "保护工作部门" in warning.message() and "第四条、第九条" in warning.message()
    assert "12387 mailbox" in warning.message("en") and "CII protection department" in warning.message("en")
    assert "Articles 4 and 9" in warning.message("en")


# --- Submissions that count for nothing ---


def test_a_cii_submission_on_a_non_cii_incident_is_warned():
    doc = minimal(impact=RELATIVELY_MAJOR, submissions=[sub("cii_protection_department", "2026-11-24T09:40:00+08:00", "in_person")])
    assert ("submissions[0].obligation", "submission_not_applicable") in codes(doc)


def test_a_police_case_without_a_suspected_crime_is_warned():
    doc = minimal(impact=RELATIVELY_MAJOR, submissions=[sub("police_case", "2026-11-24T09:40:00+08:00")])
    assert ("submissions[0].obligation", "submission_not_applicable") in codes(doc)


def test_a_submission_one_second_after_now_does_not_count_yet():
    doc = minimal(impact=RELATIVELY_MAJOR, submissions=[sub("provincial_cyberspace_office", "2026-11-24T10:00:01+08:00")])
    o = obligations(doc)["provincial_cyberspace_office"]
    assert o.status == "pending"
    assert o.as_json()["ignored_submissions"] == [{"index": 0, "counts": False, "why": "after_now"}]
    assert ("submissions[0].submitted_at", "submission_in_future") in codes(doc)


def test_a_submission_at_now_counts():
    doc = minimal(impact=RELATIVELY_MAJOR, submissions=[sub("provincial_cyberspace_office", "2026-11-24T10:00:00+08:00")])
    assert obligations(doc)["provincial_cyberspace_office"].status == "met"
    assert not any(code == "submission_in_future" for _path, code in codes(doc))


# --- D2a: whole seconds ---


@pytest.mark.parametrize(("at", "status"), [("2026-03-31T23:59:59.5+08:00", "met"), ("2026-04-01T00:00:00+08:00", "late")])
def test_a_summary_report_at_the_last_second_of_day_30_is_on_time_whatever_its_fraction(at, status):
    doc = minimal(
        impact=RELATIVELY_MAJOR,
        discovered_at="2026-03-01T09:00:00+08:00",
        handling_ended_at="2026-03-01T15:00:00+08:00",
        submissions=[sub("summary_report", at, kind="summary")],
    )
    o = obligations(doc, datetime(2026, 4, 2, tzinfo=BEIJING))["summary_report"]
    assert o.as_json()["due"] == "2026-03-31T23:59:59+08:00"
    assert o.status == status


def test_a_report_at_the_due_second_plus_a_fraction_is_on_time():
    doc = minimal(impact=RELATIVELY_MAJOR, submissions=[sub("provincial_cyberspace_office", "2026-11-24T13:30:00.999+08:00")])
    assert obligations(doc, datetime(2026, 11, 25, tzinfo=BEIJING))["provincial_cyberspace_office"].status == "met"


def test_a_now_with_a_fraction_past_the_due_second_is_not_yet_overdue():
    doc = minimal(impact=RELATIVELY_MAJOR)
    o = obligations(doc, datetime(2026, 11, 24, 13, 30, 0, 900_000, tzinfo=BEIJING))["provincial_cyberspace_office"]
    assert o.status == "pending"


def test_instants_are_read_to_the_whole_second():
    assert parse_instant("2026-11-24T09:30:00.999999+08:00") == datetime(2026, 11, 24, 9, 30, 0, tzinfo=BEIJING)


# --- The calendar's limits: input errors, never a crash ---


def run_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: dict[str, Any], *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code = main(["check", str(path), "--now", "2026-11-24T10:00:00+08:00", *extra])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("patch", "key"),
    [
        ({"discovered_at": "9999-12-31T23:00:00+08:00"}, "discovered_at"),
        ({"handling_ended_at": "9999-12-20T00:00:00+08:00"}, "handling_ended_at"),
        ({"discovered_at": "0001-01-01T00:00:00+08:00"}, "discovered_at"),
        ({"discovered_at": "1999-12-31T23:59:59+08:00"}, "discovered_at"),
        ({"discovered_at": "3000-01-01T00:00:00+08:00"}, "discovered_at"),
        ({"sector_obligations": [{"recipient": "行业主管部门", "hours": 1e9}]}, "sector_obligations[0].hours"),
    ],
)
def test_an_instant_or_hours_beyond_the_calendar_is_an_input_error_naming_the_key(tmp_path, capsys, patch, key):
    code, out, err = run_check(tmp_path, capsys, minimal(impact=RELATIVELY_MAJOR, **patch))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{key}: " in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize("at", ["2000-01-01T00:00:00+08:00", "2999-12-31T23:59:59+08:00"])
def test_the_first_and_last_second_of_the_accepted_years_are_checked(tmp_path, capsys, at):
    code, out, err = run_check(tmp_path, capsys, minimal(impact=RELATIVELY_MAJOR, discovered_at=at, handling_ended_at=at), "--json")
    assert code == 0, err
    assert all(o["due"] is not None for o in json.loads(out)["obligations"])


# --- D14: before the Measures were in force ---


def test_a_discovery_one_second_before_the_measures_took_effect_is_warned_and_still_computed():
    doc = minimal(impact=RELATIVELY_MAJOR, discovered_at="2025-10-31T23:59:59+08:00")
    result = check(doc, PACK, datetime(2025, 11, 1, tzinfo=BEIJING))
    assert ("discovered_at", "before_in_force") in [(w.path, w.code) for w in result.warnings]
    assert result.obligation("provincial_cyberspace_office").as_json()["due"] == "2025-11-01T03:59:59+08:00"
    warning = next(w for w in result.warnings if w.code == "before_in_force")
    assert "第十四条" in warning.message() and "2025-11-01" in warning.message() and "Article 14" in warning.message("en")


def test_a_discovery_at_the_first_second_in_force_is_not_warned():
    doc = minimal(impact=RELATIVELY_MAJOR, discovered_at="2025-11-01T00:00:00+08:00")
    assert "before_in_force" not in [c for _p, c in codes(doc, datetime(2025, 11, 2, tzinfo=BEIJING))]


# --- D4a: why the police and sector duties stay open for 一般 ---


def general_doc() -> dict[str, Any]:
    return minimal(impact=GENERAL, crime_suspected=True, sector_obligations=[{"recipient": "中国人民银行福州中心支行", "hours": 2}])


def test_a_general_incident_keeps_the_police_and_sector_duties_open_and_says_why():
    obs = obligations(general_doc())
    assert obs["provincial_cyberspace_office"].status == "not_required" and obs["provincial_cyberspace_office"].reason is None
    assert obs["police_case"].status == "open" and "第四条第五款" in obs["police_case"].as_json()["reason"]
    assert obs["sector_1"].status == "pending" and "第四条第四款" in obs["sector_1"].as_json()["reason"]
    assert "Article 4(5)" in obs["police_case"].as_json("en")["reason"]


def test_a_relatively_major_incident_gives_no_such_reason():
    doc = general_doc()
    doc["impact"] = RELATIVELY_MAJOR
    obs = obligations(doc)
    assert "reason" not in obs["police_case"].as_json() and "reason" not in obs["sector_1"].as_json()


def test_check_prints_the_reason_in_text_and_json(tmp_path, capsys):
    code, out, _err = run_check(tmp_path, capsys, general_doc(), "--json")
    assert code == 0
    police = next(o for o in json.loads(out)["obligations"] if o["id"] == "police_case")
    assert "第四条第五款" in police["reason"]
    assert "第四条第五款" in render_text(check(general_doc(), PACK, NOW), PACK, "zh")


# --- Texts a user reads ---

NEW_CODES = ("channel_does_not_reach", "submission_not_applicable", "submission_in_future", "before_in_force", "instant_range", "hours_beyond_calendar")


@pytest.mark.parametrize("code", NEW_CODES)
def test_the_new_messages_exist_in_both_languages_without_decision_codes(code):
    zh, en = TEMPLATES[code]
    assert zh and en
    assert not re.search(r"\bD\d", zh + en)


def test_the_rule_packs_reasons_name_no_decision_code():
    texts = [r.general_reason or "" for r in PACK.obligations] + [PACK.sector_general_reason or "", PACK.channel_rule.text]
    assert not any(re.search(r"\bD\d", t) for t in texts)


@pytest.mark.parametrize("now", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+08:00", "3000-01-01T00:00:00+08:00"])
def test_a_now_beyond_the_accepted_years_is_an_input_error_naming_the_option(tmp_path, capsys, now):
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(minimal(impact=RELATIVELY_MAJOR)), encoding="utf-8")
    assert main(["check", str(path), "--now", now]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "--now" in err


def test_once_handling_ended_the_summary_reports_own_items_are_listed_as_missing():
    from core.assessment import check as strict
    from core.timeutil import parse_instant as at
    from tests.conftest import minimal as base

    open_doc = base(schema="incident-assistant/incident@2")
    assert "accountability" not in strict(open_doc, default_pack(), at("2026-11-24T10:00:00+08:00")).missing["complete"]
    ended = base(schema="incident-assistant/incident@2", handling_ended_at="2026-11-25T10:00:00+08:00", lessons="备份须离线保存")
    missing = strict(ended, default_pack(), at("2026-11-26T10:00:00+08:00")).missing["complete"]
    assert "accountability" in missing and "remediation" in missing and "lessons" not in missing
