"""Beijing time written out: the fixed +08:00 path for times since Asia/Shanghai's last
change gives exactly what the zone gives, and earlier times still go through the zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from core.timeutil import FIXED_SINCE, display_beijing, iso_beijing

SHANGHAI = ZoneInfo("Asia/Shanghai")
ZONES = st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=8)), timezone(timedelta(hours=13, minutes=45)), SHANGHAI])


@given(instant=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=ZONES))
@settings(max_examples=500, deadline=None)
def test_written_beijing_time_is_the_zones(instant: datetime) -> None:
    via_zone = instant.astimezone(SHANGHAI)
    assert display_beijing(instant) == via_zone.strftime("%Y-%m-%d %H:%M:%S")
    assert iso_beijing(instant) == via_zone.isoformat(timespec="seconds")


def test_the_zone_has_not_changed_since_the_fixed_path_begins() -> None:
    """If tzdata ever gives Asia/Shanghai a change after 1991, this fails: the fixed path must go."""
    hour = FIXED_SINCE
    while hour < datetime(2100, 1, 1, tzinfo=UTC):
        assert hour.astimezone(SHANGHAI).utcoffset() == timedelta(hours=8), hour
        hour += timedelta(days=7)
    assert (FIXED_SINCE - timedelta(seconds=1)).astimezone(SHANGHAI).utcoffset() == timedelta(hours=9)  # the daylight saving time it ended


def test_the_summer_of_1991_is_still_written_with_its_daylight_saving_offset() -> None:
    assert iso_beijing(datetime(1991, 7, 1, 2, 0, tzinfo=UTC)) == "1991-07-01T11:00:00+09:00"
