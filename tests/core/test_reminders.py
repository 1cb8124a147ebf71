"""Deadline reminders: each threshold exactly once; deadlines passed while closed."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.assessment import check
from core.reminders import due_reminders
from core.rules import default_pack
from core.timeutil import BEIJING
from tests.conftest import minimal

PACK = default_pack()
DUE = datetime(2026, 11, 24, 13, 30, tzinfo=BEIJING)


def obligations_at(now, **extra):
    return check(minimal(impact={"people_affected": 200_000}, **extra), PACK, now).obligations


def run(now, fired, **extra):
    shown, done = due_reminders([("i1", "测试事件", obligations_at(now, **extra))], now, fired)
    fired |= done
    return [r.threshold for r in shown]


def test_each_threshold_fires_exactly_once_as_time_passes():
    fired: set[str] = set()
    seen = []
    for minutes_before in range(120, -3, -1):
        seen += run(DUE - timedelta(minutes=minutes_before) + timedelta(seconds=1), fired)
    assert seen == ["60", "30", "15", "5", "overdue"]


def test_nothing_before_the_first_threshold():
    assert run(DUE - timedelta(minutes=61), set()) == []


def test_a_deadline_passed_while_closed_gives_one_overdue_reminder():
    fired: set[str] = set()
    assert run(DUE + timedelta(hours=3), fired) == ["overdue"]
    assert run(DUE + timedelta(hours=4), fired) == []


def test_reopening_inside_the_last_15_minutes_shows_only_the_15_minute_reminder():
    fired: set[str] = set()
    assert run(DUE - timedelta(minutes=12), fired) == ["15"]
    assert run(DUE - timedelta(minutes=4), fired) == ["5"]


def test_no_reminder_once_the_report_was_submitted():
    sub = [{"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T12:00:00+08:00"}]
    assert run(DUE - timedelta(minutes=10), set(), submissions=sub) == []


def test_message_names_recipient_time_left_and_due_time():
    now = DUE - timedelta(minutes=30)
    shown, _ = due_reminders([("i1", "门诊系统文件被加密", obligations_at(now))], now, set())
    text = shown[0].message(now)
    assert "门诊系统文件被加密" in text and "属地省级网信部门" in text and "0:30:00" in text and "13:30:00" in text


@given(st.lists(st.integers(min_value=-200, max_value=200), min_size=1, max_size=30))
@settings(max_examples=100, deadline=None)
def test_any_sequence_of_visits_never_repeats_a_reminder(offsets):
    fired: set[str] = set()
    seen: list[str] = []
    for m in sorted(offsets):
        seen += run(DUE + timedelta(minutes=m), fired)
    assert len(seen) == len(set(seen))
