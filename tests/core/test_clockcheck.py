"""Clock integrity warnings: clock set back, jumps while running, non-Beijing zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from core.clockcheck import jump_warning, rollback_warning, zone_warning
from core.timeutil import BEIJING

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BEIJING)


def test_clock_set_back_is_reported_with_both_times():
    text = rollback_warning(NOW, NOW + timedelta(hours=2))
    assert text and "2 小时 0 分钟" in text and "2026-11-24 12:00:00" in text and "2026-11-24 10:00:00" in text


def test_small_differences_and_forward_moves_are_fine():
    assert rollback_warning(NOW, NOW + timedelta(seconds=50)) is None
    assert rollback_warning(NOW, NOW - timedelta(days=3)) is None
    assert rollback_warning(NOW, None) is None


def test_jumps_while_running():
    assert "往回拨了" in jump_warning(timedelta(minutes=-5), timedelta(minutes=1))
    assert "往前跳了" in jump_warning(timedelta(hours=3), timedelta(minutes=1))
    assert jump_warning(timedelta(seconds=61), timedelta(seconds=60)) is None


def test_time_zone_other_than_beijing():
    assert zone_warning(NOW) is None
    assert zone_warning(NOW.astimezone(timezone(timedelta(hours=8)))) is None
    text = zone_warning(NOW.astimezone(UTC))
    assert text and "UTC+0" in text


def test_the_warnings_speak_english_when_asked():
    import re

    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    texts = [
        rollback_warning(NOW, NOW + timedelta(hours=2), "en"),
        rollback_warning(NOW, NOW + timedelta(days=3), "en"),
        jump_warning(timedelta(minutes=-5), timedelta(minutes=1), "en"),
        jump_warning(timedelta(hours=3), timedelta(minutes=1), "en"),
        zone_warning(NOW.astimezone(UTC), "en"),
    ]
    assert all(t and not cjk.search(t) for t in texts), texts
    assert "2 h 0 min" in (texts[0] or "") and "3 days" in (texts[1] or "") and "back" in (texts[2] or "") and "UTC+0" in (texts[4] or "")
