"""个人信息保护法第五十七条 (regulation.md D16): personal information leaked, tampered with or
lost, or possibly so, adds two notice duties whatever the grade; the individual notice may
be waived only with a written reason; 12387 reaches the PI department only when it is a
网信部门; open notices get internal (non-statutory) reminders 1 h and 24 h after discovery."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.assessment import assess, check
from core.messages import InvalidIncident
from core.reminders import internal_reminders
from core.rules import default_pack
from core.timeutil import BEIJING
from core.vocab import Grade, ObligationId, Status
from tests.conftest import minimal

PACK = default_pack()
NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=BEIJING)
DISCOVERED = "2026-11-24T08:30:00+08:00"
PI_IDS = {str(ObligationId.PI_AUTHORITY_NOTICE), str(ObligationId.PI_INDIVIDUAL_NOTICE)}
AUTHORITY = ObligationId.PI_AUTHORITY_NOTICE
INDIVIDUAL = ObligationId.PI_INDIVIDUAL_NOTICE


def clinic_leak(**personal_info: Any) -> dict[str, Any]:
    """A clinic whose 120,000 patients' records leaked: 一般 (附件第5项 starts at 100 万)."""
    doc = minimal(impact={"personal_info_leaked": 120_000})
    doc["schema"] = "incident-assistant/incident@2"
    doc["personal_info"] = {"affected": "yes", "authority": "某市卫生健康委员会", **personal_info}
    return doc


def obligations(doc: dict[str, Any], now: datetime = NOW) -> dict[str, Any]:
    return {o.id: o for o in check(doc, PACK, now).obligations}


def test_a_general_grade_leak_of_120000_records_creates_both_notices_open():
    result = check(clinic_leak(), PACK, NOW)
    assert result.grading.grade == Grade.GENERAL
    found = {o.id: o for o in result.obligations}
    assert PI_IDS <= set(found)
    for oid in PI_IDS:
        assert found[oid].status == Status.OPEN and found[oid].due is None and found[oid].hours is None
        assert "不取决于事件分级" in (found[oid].reason or "")
    assert found[AUTHORITY].recipient == "履行个人信息保护职责的部门（某市卫生健康委员会）"
    assert found[str(ObligationId.PROVINCIAL_CYBERSPACE_OFFICE)].status == Status.NOT_REQUIRED


def test_possible_creates_both_and_no_creates_none():
    assert PI_IDS <= set(obligations(clinic_leak(affected="possible")))
    no_leak = clinic_leak(affected="no")
    no_leak["impact"] = {"personal_info_leaked": 0}
    assert not PI_IDS & set(obligations(no_leak))
    # D16b: an answer of no beside a recorded leak above zero does not silence it
    assert PI_IDS <= set(obligations(clinic_leak(affected="no")))


def test_an_unanswered_question_with_leaked_records_counts_as_affected_and_none_without():
    doc = clinic_leak()
    doc["personal_info"]["affected"] = None
    assert PI_IDS <= set(obligations(doc))
    assert not PI_IDS & set(obligations(minimal()))


def test_an_unanswered_question_with_the_one_number_of_people_counts_as_affected():
    """D16a, D16b: the wizard asks the number once (``personal_info.count``); with no answer
    to 「是否泄露」, a number above zero is the recorded fact and the duties apply."""
    doc = minimal()
    doc["schema"] = "incident-assistant/incident@3"
    doc["personal_info"] = {"affected": None, "count": 500}
    assert PI_IDS <= set(obligations(doc))
    doc["personal_info"]["count"] = 0
    assert not PI_IDS & set(obligations(doc))


def test_the_individual_notice_waived_with_a_reason_reads_waived_and_keeps_the_reason():
    reason = "泄露的数据已全部加密，密钥未泄露，能够有效避免危害"
    found = obligations(clinic_leak(individual_notice_waived={"reason": reason}))
    assert found[INDIVIDUAL].status == Status.WAIVED
    assert found[INDIVIDUAL].as_json()["waived_reason"] == reason
    assert found[AUTHORITY].status == Status.OPEN  # the department is still notified


def test_a_waiver_without_a_reason_is_refused_by_check_and_ignored_by_the_forgiving_assessment():
    doc = clinic_leak(individual_notice_waived={"reason": "  "})
    with pytest.raises(InvalidIncident) as refused:
        check(doc, PACK, NOW)
    assert refused.value.errors[0].path == "personal_info.individual_notice_waived.reason"
    assert "须写明理由" in refused.value.errors[0].line()
    forgiving = {o.id: o for o in assess(doc, PACK, NOW).obligations}
    assert forgiving[INDIVIDUAL].status == Status.OPEN


def test_a_notice_given_after_a_waiver_reads_done():
    doc = clinic_leak(individual_notice_waived={"reason": "已加密"})
    doc["submissions"] = [
        {"obligation": INDIVIDUAL, "kind": "notice", "submitted_at": "2026-11-24T09:00:00+08:00", "channel": "sms", "recipients_count": 120000}
    ]
    found = obligations(doc)
    assert found[INDIVIDUAL].status == Status.DONE and found[INDIVIDUAL].answered_by == 0


def test_12387_reaches_the_pi_department_only_when_it_is_a_cyberspace_office():
    submission = {"obligation": AUTHORITY, "kind": "notice", "submitted_at": "2026-11-24T09:00:00+08:00", "channel": "website_12387"}
    health = clinic_leak()
    health["submissions"] = [submission]
    assert obligations(health)[AUTHORITY].status == Status.OPEN
    assert [w.code for w in check(health, PACK, NOW).warnings if w.path == "submissions[0].channel"] == ["channel_does_not_reach"]
    cyberspace = clinic_leak(authority="某市委网信办")
    cyberspace["submissions"] = [submission]
    assert obligations(cyberspace)[AUTHORITY].status == Status.DONE


def test_an_sms_does_not_reach_the_department_but_reaches_individuals():
    doc = clinic_leak()
    doc["submissions"] = [
        {"obligation": AUTHORITY, "kind": "notice", "submitted_at": "2026-11-24T09:00:00+08:00", "channel": "sms"},
        {"obligation": INDIVIDUAL, "kind": "notice", "submitted_at": "2026-11-24T09:05:00+08:00", "channel": "sms"},
    ]
    found = obligations(doc)
    assert found[AUTHORITY].status == Status.OPEN and found[INDIVIDUAL].status == Status.DONE


def test_pi_notices_apply_at_every_grade():
    for people in (1, 100_000, 10_000_000):
        doc = clinic_leak()
        doc["impact"]["people_affected"] = people
        assert PI_IDS <= set(obligations(doc))


# --- internal reminders (立即: not a statutory deadline) ---


def reminders_at(doc: dict[str, Any], now: datetime, fired: set[str] | None = None) -> tuple[list[Any], set[str]]:
    discovered = datetime.fromisoformat(doc["discovered_at"])
    return internal_reminders([("i", "诊所", discovered, assess(doc, PACK, now).obligations)], now, fired or set())


def test_internal_reminders_fire_at_1_and_24_hours_each_once_and_say_they_are_not_statutory():
    doc = clinic_leak()
    doc["discovered_at"] = DISCOVERED
    start = datetime.fromisoformat(DISCOVERED)
    assert reminders_at(doc, start + timedelta(minutes=59))[0] == []
    shown, done = reminders_at(doc, start + timedelta(hours=1))
    assert {r.obligation.id for r in shown} == PI_IDS and all(r.threshold == "internal_1h" for r in shown)
    assert all(r.message(start + timedelta(hours=1)).startswith("内部提醒（非法定）") for r in shown)
    assert "Internal reminder (not a statutory deadline)" in shown[0].message(start + timedelta(hours=1), "en")
    assert reminders_at(doc, start + timedelta(hours=2), done)[0] == []
    later, _ = reminders_at(doc, start + timedelta(hours=24), done)
    assert {r.threshold for r in later} == {"internal_24h"}


def test_no_internal_reminder_once_notified_or_waived():
    doc = clinic_leak(individual_notice_waived={"reason": "已加密"})
    doc["discovered_at"] = DISCOVERED
    doc["submissions"] = [{"obligation": AUTHORITY, "kind": "notice", "submitted_at": "2026-11-24T09:00:00+08:00", "channel": "email_other"}]
    assert reminders_at(doc, datetime.fromisoformat(DISCOVERED) + timedelta(hours=2))[0] == []


@given(st.sampled_from(["yes", "possible", "no", None]), st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)), st.integers(0, 3))
def test_the_duties_follow_the_answer_whatever_the_grade_and_count(affected, leaked, cii_level):
    doc = clinic_leak(affected=affected)
    doc["impact"] = {} if leaked is None else {"personal_info_leaked": leaked}
    if cii_level:
        doc["involves_cii"] = True
        doc["impact"]["cii_full_outage_minutes"] = [0, 30, 120, 600][cii_level]
    expected = affected in ("yes", "possible") or (affected in (None, "no") and bool(leaked))  # D16b: the recorded leak wins
    assert (PI_IDS <= set(obligations(doc))) is expected
    assert bool(PI_IDS & set(obligations(doc))) is expected


def test_the_channels_offered_for_each_notice_are_the_ones_that_count():
    from core.assessment import notice_channels

    to_people = {c.id for c in notice_channels(INDIVIDUAL, clinic_leak(), PACK)}
    assert {"sms", "im", "letter", "announcement", "phone", "email_other"} <= to_people and "website_12387" not in to_people
    health = {c.id for c in notice_channels(AUTHORITY, clinic_leak(), PACK)}
    assert "sms" not in health and "website_12387" not in health and "in_person" in health
    cyberspace = {c.id for c in notice_channels(AUTHORITY, clinic_leak(authority="某市委网信办"), PACK)}
    assert "website_12387" in cyberspace


def test_the_report_names_the_means_of_each_notice_not_the_channels_used_for_others():
    from core.assessment import channel_advice
    from core.report.content import channel_lines

    doc = clinic_leak()
    doc["submissions"] = [{"obligation": INDIVIDUAL, "kind": "notice", "submitted_at": "2026-11-24T09:40:00+08:00", "channel": "sms"}]
    result = check(doc, PACK, NOW)
    lines = {line.label: str(line.value) for line in channel_lines(result.doc, result.obligations, PACK)}
    department = lines["履行个人信息保护职责的部门（某市卫生健康委员会）"]
    assert "短信" not in department and "当面报送" in department and "原渠道" not in department
    assert "短信" in lines["受影响的个人"] and "12387" not in lines["受影响的个人"]
    assert channel_advice(result.obligation(AUTHORITY), PACK, result.doc).notice
