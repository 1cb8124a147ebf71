"""Clock integrity (product.md §5): is the computer's clock or time zone something the user
should know about? Deadlines are always computed in Beijing time from the clock, so a clock
set back would show more time left than there is. Pure functions: the caller passes the
times it read and the language of the sentence (``zh`` or ``en``); the sentences are
core's catalogue's (``core.text.reminders``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.text import text
from core.timeutil import BEIJING, display_beijing

TOLERANCE = timedelta(minutes=1)


def rollback_warning(now: datetime, last_seen: datetime | None, lang: str = "zh") -> str | None:
    """The clock is behind the latest time this database has seen (set back, or a dead
    CMOS battery)."""
    if last_seen is None or last_seen - now <= TOLERANCE:
        return None
    return text("clock_rollback", lang, span=_span(last_seen - now, lang), now=display_beijing(now), before=display_beijing(last_seen))


def jump_warning(wall_elapsed: timedelta, monotonic_elapsed: timedelta, lang: str = "zh") -> str | None:
    """While running, the wall clock moved differently from real elapsed time."""
    drift = wall_elapsed - monotonic_elapsed
    if abs(drift) <= TOLERANCE:
        return None
    return text("clock_jumped_back" if drift < timedelta(0) else "clock_jumped_forward", lang, span=_span(abs(drift), lang))


def zone_warning(local_now: datetime, lang: str = "zh") -> str | None:
    """The computer's time zone is not Beijing time (deadlines stay in Beijing time)."""
    offset = local_now.utcoffset()
    if offset is None or offset == local_now.astimezone(BEIJING).utcoffset():
        return None
    return text("clock_zone", lang, hours=f"{offset.total_seconds() / 3600:+g}")


def _span(delta: timedelta, lang: str = "zh") -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if minutes < 60:
        return text("span_minutes", lang, minutes=minutes)
    return text("span_hours", lang, hours=hours, minutes=rest) if hours < 48 else text("span_days", lang, days=hours // 24)
