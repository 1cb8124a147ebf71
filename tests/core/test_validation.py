"""Strict validation of incident-assistant/incident@1 and @2, the credit code and completeness."""

from __future__ import annotations

import pytest

from core import credit_code
from core.assessment import check
from core.incident import validate
from core.messages import InvalidIncident
from core.timeutil import parse_instant
from tests.conftest import example, minimal


def errors_of(doc, pack):
    return [(e.path, e.code) for e in validate(doc, pack)[0]]


def test_examples_are_valid(pack):
    assert validate(example(), pack) == ([], [])


def test_unknown_key_is_named(pack):
    doc = minimal(impact={"people_afected": 3})
    errs = validate(doc, pack)[0]
    assert [(e.path, e.code) for e in errs] == [("impact.people_afected", "unknown_key")]
    assert "people_afected" in errs[0].line()


def test_top_level_unknown_key(pack):
    assert errors_of(minimal(colour="red"), pack) == [("colour", "unknown_key")]


def test_schema_is_required_and_exact(pack):
    doc = minimal()
    doc["schema"] = "incident@2"
    assert errors_of(doc, pack) == [("schema", "schema")]
    del doc["schema"]
    assert errors_of(doc, pack) == [("schema", "missing")]


@pytest.mark.parametrize(
    ("patch", "path", "code"),
    [
        ({"drill": "yes"}, "drill", "type_bool"),
        ({"title": 5}, "title", "type_str"),
        ({"impact": {"people_affected": -5}}, "impact.people_affected", "negative"),
        ({"impact": {"people_affected": 1.5}}, "impact.people_affected", "type_int"),
        ({"impact": {"people_affected": True}}, "impact.people_affected", "type_int"),
        ({"impact": {"direct_loss_yuan": "三百万"}}, "impact.direct_loss_yuan", "type_number"),
        ({"impact": {"prefecture_population_percent": 101}}, "impact.prefecture_population_percent", "percent_range"),
        ({"impact": {"portal_outage": {"site": "county_site", "minutes": 5}}}, "impact.portal_outage.site", "enum"),
        ({"impact": {"data_threat": "huge"}}, "impact.data_threat", "enum"),
        ({"type": {"class": "ransomware"}}, "type.class", "enum"),
        ({"type": {"class": "network_attack", "subclass": "勒索软件事件"}}, "type.subclass", "subclass_mismatch"),
        ({"discovered_at": "2026-11-24"}, "discovered_at", "instant"),
        ({"discovered_at": "yesterday"}, "discovered_at", "instant"),
        ({"occurred_at": "2026-11-24T10:00:00+08:00"}, "occurred_at", "occurred_after_discovered"),
        ({"handling_ended_at": "2026-11-23T10:00:00+08:00"}, "handling_ended_at", "ended_before_discovered"),
        ({"grade_override": {"grade": "major", "reason": "  "}}, "grade_override.reason", "blank_reason"),
        ({"grade_override": {"grade": "major"}}, "grade_override.reason", "missing"),
        ({"systems": [{"description": "无名系统"}]}, "systems[0].name", "missing"),
        ({"systems": {"name": "x"}}, "systems", "type_list"),
        ({"sector_obligations": [{"recipient": "x", "hours": 0}]}, "sector_obligations[0].hours", "not_positive"),
        (
            {"submissions": [{"obligation": "cac", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00"}]},
            "submissions[0].obligation",
            "obligation_unknown",
        ),
        ({"submissions": [{"obligation": "police_case", "kind": "first", "submitted_at": "2026-11-24T10:00:00+08:00"}]}, "submissions[0].kind", "enum"),
        (
            {"submissions": [{"obligation": "sector_1", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00"}]},
            "submissions[0].obligation",
            "obligation_unknown",
        ),
    ],
)
def test_bad_values_are_named_with_what_was_expected(pack, patch, path, code):
    errs = validate(minimal(**patch), pack)[0]
    assert (errs[0].path, errs[0].code) == (path, code)
    assert errs[0].message()  # a Chinese sentence
    assert errs[0].message("en")


def test_occurrence_equal_to_discovery_is_fine(pack):
    assert errors_of(minimal(occurred_at="2026-11-24T09:30:00+08:00"), pack) == []


def test_occurrence_compared_across_offsets(pack):
    # 02:00Z is 10:00 Beijing time, after discovery at 09:30.
    assert errors_of(minimal(occurred_at="2026-11-24T02:00:00Z"), pack) == [("occurred_at", "occurred_after_discovered")]


def test_null_means_unknown_everywhere(pack):
    doc = minimal(reporter=None, discovered_at=None, impact=None, systems=None, type=None, ransomware=None)
    assert errors_of(doc, pack) == []


def test_check_raises_with_every_error(pack):
    with pytest.raises(InvalidIncident) as info:
        check(minimal(drill=1, impact={"views": 3}), pack, parse_instant("2026-11-24T10:00:00+08:00"))
    assert {e.path for e in info.value.errors} == {"drill", "impact.views"}


def test_credit_code_check_digit_is_a_warning_not_an_error(pack):
    doc = minimal()
    doc["reporter"]["credit_code"] = "91350100M000100Y44"
    errs, warns = validate(doc, pack)
    assert errs == []
    assert [(w.path, w.code) for w in warns if w.code.startswith("credit")] == [("reporter.credit_code", "credit_code_check_digit")]
    assert "3" in warns[0].message()  # names the expected check character


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000600037341L", "911100007109288314", " 9135 0100M000100Y43 "])
def test_valid_credit_codes(code):
    assert credit_code.problem(code) is None


@pytest.mark.parametrize("code", ["91350100M000100Y4", "91350100M000100YI3", "ABC"])
def test_malformed_credit_codes(code):
    assert credit_code.problem(code) == ("format", None)


def test_missing_items_for_a_first_report_per_article_7(pack):
    result = check(minimal(), pack, parse_instant("2026-11-24T10:00:00+08:00"))
    assert result.missing["initial"] == ["systems", "location", "type.class", "impact", "harm", "measures_taken"]
    assert result.missing["complete"][:6] == result.missing["initial"]
    assert "scene_preservation" in result.missing["complete"]


def test_ransomware_adds_the_ransom_items(pack):
    doc = minimal(type={"class": "malicious_program", "subclass": "勒索软件事件"})
    result = check(doc, pack, parse_instant("2026-11-24T10:00:00+08:00"))
    for key in ("ransomware.amount", "ransomware.currency", "ransomware.method", "ransomware.date"):
        assert key in result.missing["initial"]


def test_example_is_missing_only_scene_preservation(pack):
    result = check(example(), pack, parse_instant("2026-11-24T10:00:00+08:00"))
    assert result.missing == {"initial": [], "complete": ["scene_preservation"]}


def test_blank_text_counts_as_missing(pack):
    result = check(minimal(harm="   "), pack, parse_instant("2026-11-24T10:00:00+08:00"))
    assert "harm" in result.missing["initial"]


def v2(**overrides):
    doc = minimal(**overrides)
    doc["schema"] = "incident-assistant/incident@2"
    return doc


PERSONAL_INFO = {
    "affected": "possible",
    "kinds": "姓名、身份证号、病历",
    "count": 120000,
    "cause": "数据库被拖取",
    "possible_harm": "诈骗电话",
    "remedies": "修改密码",
    "individual_measures": "警惕冒充诊所的来电",
    "contact": "0591-00000000",
    "authority": "某市卫生健康委员会",
    "individual_notice_waived": {"reason": "已采取措施能够有效避免信息泄露造成危害"},
}


def test_the_app_writes_at_3_and_reads_at_1_at_2_and_at_3(pack):
    from core.incident import ACCEPTED_SCHEMAS, SCHEMA_ID, upgrade

    assert SCHEMA_ID == "incident-assistant/incident@3"
    assert ACCEPTED_SCHEMAS == ("incident-assistant/incident@1", "incident-assistant/incident@2", "incident-assistant/incident@3")
    assert example()["schema"] == "incident-assistant/incident@1"
    assert validate(upgrade(example()), pack) == ([], [])
    assert upgrade(example())["schema"] == SCHEMA_ID and example()["schema"].endswith("@1")  # an @1 file is read as it is


def test_every_at_2_key_is_accepted(pack):
    doc = v2(
        personal_info=PERSONAL_INFO,
        accountability="追究值班人员责任",
        remediation="更换备份策略",
        lessons="定期演练",
        voided={"at": "2026-11-25T10:00:00+08:00", "reason": "误录"},
        number="2026-0003",
        submissions=[
            {
                "obligation": "provincial_cyberspace_office",
                "kind": "notice",
                "channel": channel,
                "submitted_at": "2026-11-24T11:00:00+08:00",
                "recipients_count": 120000,
            }
            for channel in ("sms", "im", "letter", "announcement")
        ],
    )
    assert errors_of(doc, pack) == []
    assert errors_of(v2(personal_info={"affected": None, "individual_notice_waived": None}, voided=None), pack) == []


@pytest.mark.parametrize(
    ("patch", "path", "code"),
    [
        ({"personal_info": {"affected": "maybe"}}, "personal_info.affected", "enum"),
        ({"personal_info": {"count": -1}}, "personal_info.count", "negative"),
        ({"personal_info": {"count": 2.5}}, "personal_info.count", "type_int"),
        ({"personal_info": {"authority": 3}}, "personal_info.authority", "type_str"),
        ({"personal_info": {"individual_notice_waived": {}}}, "personal_info.individual_notice_waived.reason", "missing"),
        ({"personal_info": {"individual_notice_waived": {"reason": " \u3000"}}}, "personal_info.individual_notice_waived.reason", "blank_reason"),
        ({"personal_info": {"colour": "red"}}, "personal_info.colour", "unknown_key"),
        ({"voided": {"reason": "误录"}}, "voided.at", "missing"),
        ({"voided": {"at": "2026-11-25T10:00:00+08:00"}}, "voided.reason", "missing"),
        ({"voided": {"at": "2026-11-25T10:00:00+08:00", "reason": ""}}, "voided.reason", "blank_reason"),
        ({"voided": {"at": "tomorrow", "reason": "误录"}}, "voided.at", "instant"),
        ({"number": 3}, "number", "type_str"),
        ({"lessons": ["a"]}, "lessons", "type_str"),
        (
            {"submissions": [{"obligation": "police_case", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00", "recipients_count": -3}]},
            "submissions[0].recipients_count",
            "negative",
        ),
        (
            {"submissions": [{"obligation": "police_case", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00", "channel": "pigeon"}]},
            "submissions[0].channel",
            "enum",
        ),
        ({"impact": {"people_affected": 10**15 + 1}}, "impact.people_affected", "too_large"),
        ({"impact": {"direct_loss_yuan": 1e16}}, "impact.direct_loss_yuan", "too_large"),
        ({"ransomware": {"amount": 1e16}}, "ransomware.amount", "too_large"),
        ({"ransomware": {"amount": float("nan")}}, "ransomware.amount", "type_number"),
        ({"sector_obligations": [{"recipient": "x", "hours": 1e9}]}, "sector_obligations[0].hours", "hours_beyond_calendar"),
        ({"sector_obligations": [{"recipient": "x", "hours": 6e7}]}, "sector_obligations[0].hours", None),
        ({"discovered_at": "9999-12-31T23:00:00+08:00"}, "discovered_at", "instant_range"),
        ({"handling_ended_at": "9999-12-20T00:00:00+08:00"}, "handling_ended_at", "instant_range"),
        ({"discovered_at": "0001-01-01T00:00:00+08:00"}, "discovered_at", "instant_range"),
    ],
)
def test_bad_at_2_values_are_named(pack, patch, path, code):
    errs = validate(v2(**patch), pack)[0]
    if code is None:  # within the number range: the validator accepts it
        assert errs == []
        return
    assert (errs[0].path, errs[0].code) == (path, code)
    assert errs[0].message() and errs[0].message("en")


def test_the_number_limit_is_named_in_the_message(pack):
    err = validate(v2(impact={"people_affected": 10**16}), pack)[0][0]
    assert "10^15" in err.message() and "10^15" in err.message("en")
    assert errors_of(v2(impact={"people_affected": 10**15, "direct_loss_yuan": 1e15}), pack) == []


@pytest.mark.parametrize(
    ("patch", "path"),
    [
        ({"voided": {"at": "2026-11-25T10:00:00+08:00", "reason": "误录"}}, "voided"),
        ({"personal_info": {"affected": "yes"}}, "personal_info"),
        ({"number": "2026-0003"}, "number"),
        ({"lessons": "x"}, "lessons"),
        ({"submissions": [{"obligation": "police_case", "kind": "notice", "submitted_at": "2026-11-24T10:00:00+08:00"}]}, "submissions[0].kind"),
        (
            {"submissions": [{"obligation": "police_case", "kind": "initial", "channel": "sms", "submitted_at": "2026-11-24T10:00:00+08:00"}]},
            "submissions[0].channel",
        ),
        (
            {"submissions": [{"obligation": "police_case", "kind": "initial", "recipients_count": 3, "submitted_at": "2026-11-24T10:00:00+08:00"}]},
            "submissions[0].recipients_count",
        ),
    ],
)
def test_an_at_1_file_with_at_2_content_is_told_to_say_at_2(pack, patch, path):
    errs = validate(minimal(**patch), pack)[0]
    assert [(e.path, e.code) for e in errs] == [(path, "v2_only")]
    assert "incident-assistant/incident@2" in errs[0].message() and "@2" in errs[0].message("en")
    assert errors_of(v2(**patch), pack) == []


def test_an_unknown_schema_names_every_accepted_one(pack):
    doc = minimal()
    doc["schema"] = "incident-assistant/incident@4"
    err = validate(doc, pack)[0][0]
    assert err.code == "schema"
    assert all(f"incident-assistant/incident@{n}" in err.message() for n in (1, 2, 3))


@pytest.mark.parametrize("at", ["2026-11-24T09:30:00.5+08:00", "2026-11-24T09:30:00.123456Z", "2026-11-24T09:30:00.1"])
def test_instants_with_fractions_of_a_second_validate(pack, at):
    assert errors_of(v2(discovered_at=at, voided={"at": at, "reason": "误录"}), pack) == []


def test_unknown_keys_are_still_refused_in_at_2(pack):
    assert errors_of(v2(colour="red", voided={"at": "2026-11-25T10:00:00+08:00", "reason": "x", "by": "me"}), pack) == [
        ("colour", "unknown_key"),
        ("voided.by", "unknown_key"),
    ]


def test_a_finding_line_never_spans_lines_or_carries_escapes(pack):
    err = validate(v2(**{"a\nb\x1b[2J\u2028": 1}), pack)[0][0]
    line = err.line()
    assert len(line.splitlines()) == 1 and "\x1b" not in line and "\\u000a" in line


def test_no_message_a_user_reads_carries_a_decision_code():
    import re

    from core.messages import TEMPLATES

    for code, (zh, en) in TEMPLATES.items():
        assert not re.search(r"\bD\d+[a-z]?\b", zh + en), code
