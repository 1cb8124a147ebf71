"""Parsing and showing legal times. D12: every legal time is shown in Beijing time
(Asia/Shanghai, UTC+08:00) whatever the computer's zone; instants are compared as
aware datetimes. One place formats them so the CLI, GUI and PDF agree. D2a: every instant
read is kept to the whole second (fractions dropped), so comparisons and printouts agree."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    BEIJING: ZoneInfo  # the zone (module ``__getattr__`` below)


@cache
def beijing_zone() -> ZoneInfo:
    """Asia/Shanghai, loaded at the first time read or shown: ``zoneinfo`` costs ~3 ms,
    which a first window without a time on it need not pay (issue 12: start-up)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def __getattr__(name: str) -> object:
    if name == "BEIJING":
        return beijing_zone()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class TimeFormatError(ValueError):
    """Text that is not an ISO 8601 date and time."""


def parse_instant(text: str) -> datetime:
    """Read an ISO 8601 date-time. A time without an offset is Beijing time (product.md §4.1).

    A bare date is refused: a legal deadline needs a time of day. D2a: a fraction of a
    second is dropped (23:59:59.5 is read as 23:59:59), the stored text is left as it is.
    """
    if not isinstance(text, str) or not text.strip():
        raise TimeFormatError("empty")
    raw = text.strip()
    if len(raw) <= 10 and "T" not in raw and " " not in raw:
        raise TimeFormatError("date without time")
    try:
        value = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise TimeFormatError(str(exc)) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=beijing_zone())
    return whole_second(value)


def whole_second(value: datetime) -> datetime:
    """D2a: ``value`` without its fraction of a second (rounded down)."""
    return value.replace(microsecond=0)


def parse_date(text: str) -> date:
    return date.fromisoformat(text.strip())


def beijing(value: datetime) -> datetime:
    return value.astimezone(beijing_zone())


# Asia/Shanghai has been UTC+08:00 without a change since its last daylight saving time
# ended (1991-09-14 17:00 UTC; tzdata lists no change after it). A time since then is
# written through this fixed offset, without loading zoneinfo (~3 ms before the incident
# list's first paint); a property test holds both ways equal.
FIXED_SINCE = datetime(1991, 9, 14, 17, 0, tzinfo=UTC)
_UTC8 = timezone(timedelta(hours=8))


def _written(value: datetime) -> datetime:
    """``beijing(value)`` for writing it out: the same wall clock and offset."""
    if value.tzinfo is not None and value >= FIXED_SINCE:
        return value.astimezone(_UTC8)
    return beijing(value)


def iso_beijing(value: datetime) -> str:
    """``2026-11-24T13:30:00+08:00``: the machine form of a legal time (always +08:00)."""
    return _written(value).isoformat(timespec="seconds")


def display_beijing(value: datetime) -> str:
    """``2026-11-24 13:30:00`` in Beijing time, for people; callers add 北京时间 where it helps."""
    return _written(value).strftime("%Y-%m-%d %H:%M:%S")


def past_due(due: datetime, now: datetime) -> bool:
    """第四条: a deadline has passed once ``now`` is later than it (a report at the due
    second itself is on time, D2a): the one rule for "overdue", for the cards, the list and
    the stored status alike."""
    return now > due


def format_hms(seconds: float) -> str:
    """``H:MM:SS`` of a non-negative duration, whole seconds (rounded down)."""
    total = int(seconds) if seconds > 0 else 0
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


OVERDUE_WORD = {"zh": "已超时", "en": "overdue"}


def time_left_text(due: datetime, now: datetime, lang: str = "zh") -> str:
    """``H:MM:SS`` left, or ``已超时 H:MM:SS`` (English: ``overdue H:MM:SS``) once ``now``
    is past ``due`` (product.md §2.1).

    The due second itself is still on time (D2: ``submitted_at <= due``); one second
    later the text reads overdue.
    """
    delta = (due - now).total_seconds()
    if delta >= 0:
        return format_hms(delta)
    return OVERDUE_WORD.get(lang, OVERDUE_WORD["zh"]) + " " + format_hms(math.ceil(-delta))


def end_of_day_after(start: datetime, days: int, day_end: str) -> datetime:
    """D7: the day ``start`` falls on (Beijing date) is not counted; the period ends at
    ``day_end`` (e.g. ``23:59:59``) Beijing time on that date plus ``days``."""
    first = beijing(start).date() + timedelta(days=days)
    hh, mm, ss = (int(p) for p in day_end.split(":"))
    return datetime(first.year, first.month, first.day, hh, mm, ss, tzinfo=beijing_zone())
