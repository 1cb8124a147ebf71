"""The time parser: times typed as people say them (product.md §9.3), every format read back
to the second, nothing landing in the future silently (regulation.md D1a)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.timeparse import FUTURE_SKEW, TimeParseError, describe, editable_text, parse_time
from core.timeutil import BEIJING

NOW = datetime(2026, 11, 24, 9, 50, 0, tzinfo=BEIJING)

nows = st.datetimes(min_value=datetime(2025, 11, 1), max_value=datetime(2030, 12, 31)).map(lambda d: d.replace(microsecond=0, tzinfo=BEIJING))
seconds_back = st.integers(min_value=0, max_value=400 * 86400)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("9:30", "2026-11-24T09:30:00"),
        ("09:30", "2026-11-24T09:30:00"),
        ("0930", "2026-11-24T09:30:00"),
        ("9点半", "2026-11-24T09:30:00"),
        ("9点30分", "2026-11-24T09:30:00"),
        ("九点半", "2026-11-24T09:30:00"),
        ("上午9点半", "2026-11-24T09:30:00"),
        ("下午3点", "2026-11-23T15:00:00"),  # 15:00 today is still ahead at 09:50: yesterday's
        ("昨天22:10", "2026-11-23T22:10:00"),
        ("昨晚10点", "2026-11-23T22:00:00"),
        ("11月24日 9:30", "2026-11-24T09:30:00"),
        ("2026-11-24 09:30", "2026-11-24T09:30:00"),
        ("2026年11月20日 8点", "2026-11-20T08:00:00"),
        ("9:30 am", "2026-11-24T09:30:00"),
        ("9:30 pm", "2026-11-23T21:30:00"),
        ("yesterday 22:10", "2026-11-23T22:10:00"),
        ("yesterday at 10 pm", "2026-11-23T22:00:00"),
        ("24 Nov 9:30", "2026-11-24T09:30:00"),
        ("１０：０５", "2026-11-24T10:05:00".replace("24T10", "23T10")),  # full-width, later than now: yesterday
        ("10分钟前", "2026-11-24T09:40:00"),
        ("半小时前", "2026-11-24T09:20:00"),
        ("2 hours ago", "2026-11-24T07:50:00"),
        ("刚刚", "2026-11-24T09:50:00"),
        ("2026-11-24T01:30:00Z", "2026-11-24T09:30:00"),
        ("12月31日 23:00", "2025-12-31T23:00:00"),  # a date later this year: last year's
    ],
)
def test_times_people_type_are_read_as_they_meant(text: str, expected: str) -> None:
    reading = parse_time(text, NOW)
    assert reading.iso() == expected + "+08:00"
    assert not reading.future


def test_typed_930_at_0950_is_today_0930_with_no_leftover_seconds() -> None:
    reading = parse_time("9:30", NOW)
    assert reading.at == datetime(2026, 11, 24, 9, 30, 0, tzinfo=BEIJING)
    assert describe(reading, NOW) == "今天 09:30（20 分钟前）"
    assert describe(reading, NOW, "en") == "today 09:30 (20 min ago)"


@pytest.mark.parametrize(
    "text, code", [("abc", "unreadable"), ("25:00", "bad_time"), ("9:75", "bad_time"), ("2026-02-30 10:00", "bad_date"), ("", "empty"), ("9", "unreadable")]
)
def test_what_cannot_be_read_is_said_with_an_example(text: str, code: str) -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_time(text, NOW)
    assert caught.value.code == code
    assert "9:30" in caught.value.message("zh") or "9:30" in caught.value.message("zh").replace("9点半", "")
    assert "9:30" in caught.value.message("en")


def test_an_explicit_date_in_the_future_is_flagged_never_silent() -> None:
    reading = parse_time("2026-12-01 10:00", NOW)
    assert reading.future
    assert describe(reading, NOW) == "12月1日 10:00（7 天后）"


@settings(max_examples=300)
@given(now=nows, back=seconds_back, lang=st.sampled_from(["zh", "en"]))
def test_the_text_shown_for_a_recorded_time_reads_back_to_the_same_second(now: datetime, back: int, lang: str) -> None:
    at = now - timedelta(seconds=back)
    assert parse_time(editable_text(at, now, lang), now).at == at


@settings(max_examples=300)
@given(now=nows, back=seconds_back)
def test_full_dates_round_trip(now: datetime, back: int) -> None:
    at = now - timedelta(seconds=back)
    for text in (
        f"{at.year}-{at.month:02d}-{at.day:02d} {at.hour:02d}:{at.minute:02d}:{at.second:02d}",
        f"{at.year}/{at.month}/{at.day} {at.hour}:{at.minute:02d}:{at.second:02d}",
        f"{at.year}年{at.month}月{at.day}日 {at.hour}点{at.minute}分{at.second}秒",
        at.isoformat(),
    ):
        assert parse_time(text, now).at == at, text


@settings(max_examples=300)
@given(now=nows, back=st.integers(min_value=0, max_value=86400 - 180))
def test_a_time_of_day_is_the_latest_such_moment_not_in_the_future(now: datetime, back: int) -> None:
    at = (now - timedelta(seconds=back)).replace(second=0)
    h12 = at.hour % 12 or 12
    texts = [
        f"{at.hour}:{at.minute:02d}",
        f"{at.hour:02d}{at.minute:02d}",
        f"{at.hour}点{at.minute}分",
        f"{'上午' if at.hour < 12 else '下午'}{h12}点{at.minute}分" if at.hour not in (0, 12) else f"{at.hour}点{at.minute}分",
        f"{h12}:{at.minute:02d} {'am' if at.hour < 12 else 'pm'}",
    ]
    for text in texts:
        reading = parse_time(text, now)
        assert reading.at == at, (text, reading.at)
        assert not reading.future


@settings(max_examples=200)
@given(now=nows, minutes=st.integers(min_value=0, max_value=9999))
def test_minutes_ago(now: datetime, minutes: int) -> None:
    assert parse_time(f"{minutes}分钟前", now).at == now - timedelta(minutes=minutes)
    assert parse_time(f"{minutes} minutes ago", now).at == now - timedelta(minutes=minutes)


@settings(max_examples=500)
@given(now=nows, text=st.text(max_size=40))
def test_any_text_is_a_reading_or_a_clear_refusal_and_never_silently_in_the_future(now: datetime, text: str) -> None:
    try:
        reading = parse_time(text, now)
    except TimeParseError as refusal:
        assert refusal.message("zh") and refusal.message("en")
        return
    assert reading.at.tzinfo is not None and reading.at.microsecond == 0
    assert reading.future == (reading.at > now + FUTURE_SKEW)
    if not reading.date_given:
        assert not reading.future  # without a date, a time is never placed after now


@settings(max_examples=200)
@given(now=nows, text=st.text(alphabet="0123456789:点半分昨天今晚上下午 -/年月日apm", max_size=20))
def test_time_shaped_text_is_a_reading_or_a_clear_refusal(now: datetime, text: str) -> None:
    try:
        reading = parse_time(text, now)
    except TimeParseError:
        return
    if not reading.date_given:
        assert reading.at <= now + FUTURE_SKEW
