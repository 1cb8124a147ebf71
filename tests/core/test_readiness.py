"""The answers the windows render instead of deciding: the review page's readiness, whether a
deadline passed, whether a typed time lies in the future, the citations beside a question,
and an obligation's state in plain terms."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import citations
from core.assessment import assess
from core.obligations import Obligation
from core.pack_text import cite
from core.readiness import readiness
from core.rules import default_pack
from core.store.derive import live_status, utc_iso
from core.timeparse import FUTURE_SKEW, in_future, minutes_back, parse_time
from core.timeutil import parse_instant, past_due, time_left_text
from core.vocab import OPEN_STATUSES, ObligationId, ReportKind, Status, unfinished
from tests.conftest import minimal

PACK = default_pack()
NOW = parse_instant("2026-11-24T10:00:00+08:00")
RELATIVELY_MAJOR = {"direct_loss_yuan": 6_000_000}  # 附件 三 第7项: 较大, 4 h for an ordinary operator (due 13:30)
OFFSETS = st.integers(min_value=-7 * 24 * 3600, max_value=7 * 24 * 3600).map(lambda s: timedelta(seconds=s))


# --- the review page (core.readiness) ---


def test_before_the_first_report_the_gaps_are_the_first_reports_and_the_title_leads_them():
    ready = readiness(assess(minimal(title=None, impact=RELATIVELY_MAJOR), PACK, NOW), NOW)
    assert not ready.first_sent
    assert ready.lacking_first[0] == "title" and len(ready.lacking_first) > 1
    assert not set(ready.lacking_first) & set(ready.lacking_complete)
    assert not ready.report_known_now  # the first report still lacks items
    assert ready.nearest is not None and ready.nearest.id == ObligationId.PROVINCIAL_CYBERSPACE_OFFICE
    assert not ready.overdue and ready.seconds == 3.5 * 3600  # 09:30 + 4 h, seen at 10:00


def test_once_the_first_report_went_out_its_gaps_are_for_the_supplement_and_the_advice_says_so():
    sent = {"obligation": ObligationId.PROVINCIAL_CYBERSPACE_OFFICE, "kind": ReportKind.INITIAL, "submitted_at": "2026-11-24T09:50:00+08:00"}
    result = assess(minimal(impact=RELATIVELY_MAJOR, submissions=[sent]), PACK, NOW)
    ready = readiness(result, NOW)
    assert ready.first_sent and ready.report_known_now
    assert ready.lacking_first == result.missing["initial"]  # the title is there


@given(OFFSETS)
def test_the_time_to_the_nearest_deadline_is_never_negative_and_overdue_says_which_side(offset):
    now = NOW + offset
    ready = readiness(assess(minimal(impact=RELATIVELY_MAJOR), PACK, now), now)
    assert ready.nearest is not None and ready.nearest.due is not None
    due = ready.nearest.due
    assert ready.seconds == abs((due - now).total_seconds())
    assert ready.overdue == (now > due)


def test_no_countdown_means_no_nearest_deadline():
    sent = {"obligation": ObligationId.PROVINCIAL_CYBERSPACE_OFFICE, "kind": ReportKind.INITIAL, "submitted_at": "2026-11-24T09:50:00+08:00"}
    ready = readiness(assess(minimal(impact=RELATIVELY_MAJOR, submissions=[sent]), PACK, NOW), NOW)  # the 4 h duty met
    assert ready.nearest is None and ready.seconds == 0.0 and not ready.overdue


# --- overdue: one rule for the card, the list and the stored status ---


@given(OFFSETS)
def test_past_due_agrees_with_the_stored_status_and_the_time_left_text(offset):
    due = NOW
    now = NOW + offset
    assert past_due(due, now) == (now > due)
    assert past_due(due, now) == (live_status(Status.PENDING, utc_iso(due), now) == Status.OVERDUE)
    assert past_due(due, now) == time_left_text(due, now, "en").startswith("overdue")


def test_the_due_second_itself_is_on_time():
    assert not past_due(NOW, NOW) and past_due(NOW, NOW + timedelta(seconds=1))


# --- a time in the future (D1a): one rule for every field ---


@given(OFFSETS)
def test_a_typed_time_is_in_the_future_only_beyond_the_clock_skew(offset):
    at = NOW + offset
    assert in_future(at, NOW) == (offset > FUTURE_SKEW)


def test_the_parser_flags_the_future_by_the_same_rule():
    assert parse_time("2026-11-24 10:05", NOW).future == in_future(NOW + timedelta(minutes=5), NOW) is True
    assert parse_time("2026-11-24 10:01", NOW).future == in_future(NOW + timedelta(minutes=1), NOW) is False


# --- citations come from the pack, in Chinese and in English ---


def test_citations_are_built_from_the_pack_and_each_reads_in_english():
    cited = {
        citations.report_items(PACK): "Art. 7",
        citations.report_item(PACK, 1): "Art. 7, item 1",
        citations.report_item(PACK, 2): "Art. 7, item 2",
        citations.report_item_range(PACK, 2, len(PACK.report_items)): "Art. 7, items 2–8",
        citations.supplement(PACK): "Art. 7(2)",
        citations.summary_report(PACK): "Art. 8",
        citations.notice_waiver(PACK): "PIPL Art. 57(2)",
    }
    assert list(cited) == ["第七条", "第七条第一项", "第七条第二项", "第七条第二至八项", "第七条第二款", "第八条", "个人信息保护法第五十七条第二款"]
    assert {cite(text, "en") for text in cited} == set(cited.values())
    assert all(cite(text, "zh") == text for text in cited)


def test_a_citation_numeral_outside_what_the_law_uses_is_refused_not_guessed():
    with pytest.raises(ValueError):
        citations.report_item(PACK, 0)


# --- an obligation's state in plain terms ---


def _obligation(status: Status) -> Obligation:
    return Obligation("x", "某单位", "第四条", None, None, None, status, None, True)


@given(st.sampled_from(list(Status)))
def test_an_obligations_state_in_plain_terms(status):
    o = _obligation(status)
    assert o.reported == (status in (Status.MET, Status.LATE))
    assert o.waived == (status == Status.WAIVED)
    assert o.awaited == (status == Status.OPEN)
    assert unfinished(status) == (status in OPEN_STATUSES)


@given(st.integers(min_value=0, max_value=24 * 60), st.integers(min_value=0, max_value=999_999))
def test_a_quick_answer_is_that_many_minutes_back_to_the_whole_second_and_never_in_the_future(minutes, micro):
    now = NOW.replace(microsecond=micro)
    at = minutes_back(now, minutes)
    assert at.microsecond == 0 and at.utcoffset() == timedelta(hours=8)
    assert now - at - timedelta(minutes=minutes) == timedelta(microseconds=micro)
    assert not in_future(at, now)
