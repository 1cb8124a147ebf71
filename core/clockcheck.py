"""Clock integrity (product.md §5): is the computer's clock or time zone something the user
should know about? Deadlines are always computed in Beijing time from the clock, so a clock
set back would show more time left than there is. Pure functions: the caller passes the
times it read."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.timeutil import BEIJING, display_beijing

TOLERANCE = timedelta(minutes=1)


def rollback_warning(now: datetime, last_seen: datetime | None) -> str | None:
    """The clock is behind the latest time this database has seen (set back, or a dead
    CMOS battery)."""
    if last_seen is None or last_seen - now <= TOLERANCE:
        return None
    return (
        f"电脑时钟比上次使用时早了 {_span(last_seen - now)}（现在 {display_beijing(now)}，"
        f"上次记录 {display_beijing(last_seen)}，均为北京时间）。请核对电脑时间，否则剩余时间会显示偏多。"
    )


def jump_warning(wall_elapsed: timedelta, monotonic_elapsed: timedelta) -> str | None:
    """While running, the wall clock moved differently from real elapsed time."""
    drift = wall_elapsed - monotonic_elapsed
    if abs(drift) <= TOLERANCE:
        return None
    direction = "往回拨了" if drift < timedelta(0) else "往前跳了"
    return f"电脑时钟刚刚{direction} {_span(abs(drift))}。报告期限按北京时间计算，请核对电脑时间。"


def zone_warning(local_now: datetime) -> str | None:
    """The computer's time zone is not Beijing time (deadlines stay in Beijing time)."""
    offset = local_now.utcoffset()
    if offset is None or offset == local_now.astimezone(BEIJING).utcoffset():
        return None
    hours = offset.total_seconds() / 3600
    return f"电脑时区不是北京时间（当前 UTC{hours:+g}）。本软件的所有期限都按北京时间（UTC+8）显示和计算，与电脑右下角的时间可能不同。"


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} 分钟"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} 小时 {minutes} 分钟"
    return f"{hours // 24} 天"
