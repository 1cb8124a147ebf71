"""Clock integrity (product.md §5): is the computer's clock or time zone something the user
should know about? Deadlines are always computed in Beijing time from the clock, so a clock
set back would show more time left than there is. Pure functions: the caller passes the
times it read and the language of the sentence (``zh`` or ``en``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.timeutil import BEIJING, display_beijing

TOLERANCE = timedelta(minutes=1)


def rollback_warning(now: datetime, last_seen: datetime | None, lang: str = "zh") -> str | None:
    """The clock is behind the latest time this database has seen (set back, or a dead
    CMOS battery)."""
    if last_seen is None or last_seen - now <= TOLERANCE:
        return None
    span, at, before = _span(last_seen - now, lang), display_beijing(now), display_beijing(last_seen)
    if lang == "en":
        return (
            f"The computer's clock is {span} behind the last time this app was used (now {at}, last recorded {before}, "
            "both Beijing time). Check the computer's time, or the time left will show too much."
        )
    return f"电脑时钟比上次使用时早了 {span}（现在 {at}，上次记录 {before}，均为北京时间）。请核对电脑时间，否则剩余时间会显示偏多。"


def jump_warning(wall_elapsed: timedelta, monotonic_elapsed: timedelta, lang: str = "zh") -> str | None:
    """While running, the wall clock moved differently from real elapsed time."""
    drift = wall_elapsed - monotonic_elapsed
    if abs(drift) <= TOLERANCE:
        return None
    back = drift < timedelta(0)
    if lang == "en":
        direction = "back" if back else "forward"
        span = _span(abs(drift), lang)
        return f"The computer's clock just jumped {direction} {span}. Reporting deadlines are computed in Beijing time; check the computer's time."
    return f"电脑时钟刚刚{'往回拨了' if back else '往前跳了'} {_span(abs(drift), lang)}。报告期限按北京时间计算，请核对电脑时间。"


def zone_warning(local_now: datetime, lang: str = "zh") -> str | None:
    """The computer's time zone is not Beijing time (deadlines stay in Beijing time)."""
    offset = local_now.utcoffset()
    if offset is None or offset == local_now.astimezone(BEIJING).utcoffset():
        return None
    hours = offset.total_seconds() / 3600
    if lang == "en":
        return (
            f"The computer's time zone is not Beijing time (now UTC{hours:+g}). Every deadline in this app is shown and "
            "computed in Beijing time (UTC+8) and may differ from the time on the computer's taskbar."
        )
    return f"电脑时区不是北京时间（当前 UTC{hours:+g}）。本软件的所有期限都按北京时间（UTC+8）显示和计算，与电脑右下角的时间可能不同。"


def _span(delta: timedelta, lang: str = "zh") -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if lang == "en":
        if minutes < 60:
            return f"{minutes} min"
        return f"{hours} h {rest} min" if hours < 48 else f"{hours // 24} days"
    if minutes < 60:
        return f"{minutes} 分钟"
    if hours < 48:
        return f"{hours} 小时 {rest} 分钟"
    return f"{hours // 24} 天"
