"""Reads a time the way people say it (product.md §9.3): 「9:30」「0930」「9点半」「上午9点半」
「下午3点」「昨天22:10」「昨晚10点」「11月24日 9:30」「2026-11-24 09:30」, 「半小时前」, and English
「9:30 am」「yesterday 22:10」「10 minutes ago」.

Every reading is a whole second in Beijing time (regulation.md D2a, D12). A time of day
without a date is today, or yesterday when today's would lie in the future beyond the
clock skew (D1a: two minutes), so a person who types 「23:50」 just after midnight means the
evening before. A reading that still lies in the future (a date typed explicitly) is
returned with ``future`` set: callers refuse it where the law needs a past time (D1a, D1b),
so nothing ever lands in the future silently.

What cannot be read raises ``TimeParseError`` with a message in the caller's language and
an example. This module reads text only: it never reads the clock (``now`` is passed in)
and knows no widget.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from core.text import text
from core.timeutil import BEIJING

# D1a: the clock skew tolerated before a time counts as "in the future".
FUTURE_SKEW = timedelta(minutes=2)

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# Words for the part of the day, with the hour shift they imply for a 12-hour clock.
_PM = ("下午", "晚上", "傍晚", "今晚", "昨晚", "夜里", "夜间", "晚", "pm", "p.m.")
_AM = ("上午", "早上", "早晨", "清晨", "凌晨", "今早", "昨早", "早", "am", "a.m.")
_NOON = ("中午",)

_DAY_WORDS = (
    ("大前天", -3),
    ("前天", -2),
    ("昨天", -1),
    ("昨日", -1),
    ("昨晚", -1),
    ("昨夜", -1),
    ("昨早", -1),
    ("今天", 0),
    ("今日", 0),
    ("今晚", 0),
    ("今早", 0),
    ("day before yesterday", -2),
    ("yesterday", -1),
    ("today", 0),
    ("tonight", 0),
    ("this morning", 0),
    ("last night", -1),
)

_MONTHS_EN = {
    m: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}


class TimeParseError(ValueError):
    """Text that is not a time. ``message(lang)`` says what was wrong, with an example."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code)
        self.code = code
        self.text = text

    def message(self, lang: str = "zh") -> str:
        return text(f"time_{self.code}", lang, text=self.text.strip()[:40])


@dataclass(frozen=True)
class Reading:
    """A time read from text: ``at`` in Beijing time, whole seconds; ``future`` when it lies
    after ``now`` beyond the skew; ``date_given`` when the text named the day."""

    at: datetime
    future: bool
    date_given: bool

    def iso(self) -> str:
        return self.at.isoformat(timespec="seconds")


def normalise(text: str) -> str:
    """Full-width digits and colons to ASCII (an input method's 「９：３０」), one space
    between words, lower case for the English words."""
    text = unicodedata.normalize("NFKC", text).replace("：", ":").replace("．", ".")
    return re.sub(r"\s+", " ", text).strip().lower()


def _cn_number(text: str) -> int | None:
    """「九」「十」「十二」「二十三」「三十」「09」 → an int (0–99), or None."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


_NUM = r"(\d{1,2}|[零〇一二两三四五六七八九十]{1,3})"
_RELATIVE = re.compile(
    r"^(?:(?P<n>\d{1,4}|[一二两三四五六七八九十]{1,3}|半)\s*(?:个)?\s*(?P<unit>分钟|分|小时|钟头|天|min|mins|minute|minutes|h|hr|hrs|hour|hours|day|days)"
    r"\s*(?:前|以前|之前|ago)|(?P<half>半小时前|半个小时前|half an hour ago|an hour ago|a minute ago))$"
)
_NOW_WORDS = {"刚刚", "刚才", "现在", "此刻", "now", "just now", "right now"}
_TIME_CLOCK = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?$")
_TIME_COMPACT = re.compile(r"^(?P<h>\d{1,2})(?P<m>\d{2})$")
_TIME_CN = re.compile(rf"^{_NUM}\s*[点點时時]\s*(?:(?P<half>半)|(?P<m>{_NUM[1:-1]}|\d{{1,2}})\s*分?(?:\s*(?P<s>\d{{1,2}})\s*秒)?)?\s*(?:钟)?$")
_TIME_HOUR_EN = re.compile(r"^(?P<h>\d{1,2})$")
_DATE_ISO = re.compile(r"^(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})(?:[t ]|$)")
_DATE_CN = re.compile(r"^(?:(?P<y>\d{4})\s*年\s*)?(?P<mo>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]?")
_DATE_MD = re.compile(r"^(?P<mo>\d{1,2})[-/](?P<d>\d{1,2})(?:\s|$)")
_DATE_EN = re.compile(r"^(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]{3,9})\.?|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2}))(?:,?\s*(?P<y>\d{4}))?(?:\s|,|$)")


def parse_time(text: str, now: datetime) -> Reading:
    """Read ``text`` as a moment at ``now`` (see the module's docstring)."""
    raw = text
    text = normalise(text)
    if not text:
        raise TimeParseError("empty", raw)
    now = now.astimezone(BEIJING).replace(microsecond=0)
    iso = _iso_with_offset(text)
    if iso is not None:
        return _reading(iso, now, date_given=True)
    if text in _NOW_WORDS:
        return _reading(now, now, date_given=False)
    relative = _RELATIVE.match(text)
    if relative:
        return _reading(now - _relative_delta(relative), now, date_given=False)
    day, period, rest = _split_day(text, now, raw)
    hour, minute, second, period = _clock(rest, period, raw)
    hour = _apply_period(hour, period, raw)
    base = day if day is not None else now.date()
    try:
        at = datetime(base.year, base.month, base.day, hour, minute, second, tzinfo=BEIJING)
    except ValueError as exc:
        raise TimeParseError("bad_time", raw) from exc
    if day is None and in_future(at, now):
        at -= timedelta(days=1)  # a time of day later than now: yesterday's
    return _reading(at, now, date_given=day is not None)


def minutes_back(now: datetime, minutes: int) -> datetime:
    """A quick answer to the discovery question (刚刚 / 10 / 30 分钟前 / 1 小时前, D1a): that
    many minutes before ``now``, in Beijing time, to the whole second (D2a)."""
    return now.astimezone(BEIJING).replace(microsecond=0) - timedelta(minutes=minutes)


def in_future(at: datetime, now: datetime) -> bool:
    """D1a: ``at`` lies after the present moment beyond ``FUTURE_SKEW`` of clock skew. The
    one rule for every time a user enters (discovery, submissions, notices, the timeline):
    a time that has not come yet is refused where it is typed."""
    return at > now + FUTURE_SKEW


def _reading(at: datetime, now: datetime, *, date_given: bool) -> Reading:
    at = at.astimezone(BEIJING).replace(microsecond=0)
    return Reading(at, in_future(at, now), date_given)


def _iso_with_offset(text: str) -> datetime | None:
    """A full ISO 8601 instant with an offset (a pasted ``2026-11-24T09:30:00+08:00``)."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})$", text):
        return None
    try:
        value = datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _relative_delta(match: re.Match[str]) -> timedelta:
    if match.group("half"):
        phrase = match.group("half")
        return timedelta(minutes=1) if "minute" in phrase else timedelta(minutes=30) if "half" in phrase or "半" in phrase else timedelta(hours=1)
    n_text, unit = match.group("n"), match.group("unit")
    amount = 0.5 if n_text == "半" else float(_cn_number(n_text) or 0)
    if unit in ("小时", "钟头", "h", "hr", "hrs", "hour", "hours"):
        return timedelta(hours=amount)
    if unit in ("天", "day", "days"):
        return timedelta(days=amount)
    return timedelta(minutes=amount)


def _split_day(text: str, now: datetime, raw: str) -> tuple[date | None, str | None, str]:
    """The day named at the start (a word or a date) and any part-of-day word, and the rest."""
    period: str | None = None
    day: date | None = None
    for word, offset in _DAY_WORDS:
        if text.startswith(word):
            day = now.date() + timedelta(days=offset)
            if word in _PM or word in ("tonight", "last night"):
                period = "pm"
            elif word in _AM or word == "this morning":
                period = "am"
            text = text[len(word) :].strip(" ,")
            break
    else:
        day, text = _explicit_date(text, now, raw)
    for words, name in ((_NOON, "noon"), (_PM, "pm"), (_AM, "am")):
        for word in words:
            if text.startswith(word) and not word.isascii():
                period, text = name, text[len(word) :].strip()
                break
    # English: a trailing am/pm, and "at" between day and time ("yesterday at 22:10")
    text = re.sub(r"^at\s+", "", text)
    suffix = re.search(r"\s*(a\.?m\.?|p\.?m\.?)$", text)
    if suffix:
        period, text = ("am" if suffix.group(1).startswith("a") else "pm"), text[: suffix.start()].strip()
    return day, period, text


def _explicit_date(text: str, now: datetime, raw: str) -> tuple[date | None, str]:
    """A date at the start of ``text``: 2026-11-24, 2026年11月24日, 11月24日, 11-24, 24 Nov."""
    year: int | None
    for pattern in (_DATE_ISO, _DATE_CN, _DATE_MD):
        m = pattern.match(text)
        if m:
            year = int(m.group("y")) if "y" in pattern.groupindex and m.group("y") else None
            month, dom = int(m.group("mo")), int(m.group("d"))
            return _date(year, month, dom, now, raw), text[m.end() :].strip(" ,t")
    m = _DATE_EN.match(text)
    if m:
        month_name = (m.group("m1") or m.group("m2") or "").rstrip(".")
        if month_name in _MONTHS_EN:
            dom = int(m.group("d1") or m.group("d2"))
            year = int(m.group("y")) if m.group("y") else None
            return _date(year, _MONTHS_EN[month_name], dom, now, raw), text[m.end() :].strip(" ,")
    return None, text


def _date(year: int | None, month: int, dom: int, now: datetime, raw: str) -> date:
    """A date; without a year, this year's, or last year's when this year's is still ahead
    (「12月31日」 typed on 1 January means the day before)."""
    try:
        if year is not None:
            return date(year, month, dom)
        this_year = date(now.year, month, dom)
        return this_year if this_year <= now.date() else date(now.year - 1, month, dom)
    except ValueError as exc:
        raise TimeParseError("bad_date", raw) from exc


def _clock(text: str, period: str | None, raw: str) -> tuple[int, int, int, str | None]:
    """(hour, minute, second, period) from the time-of-day part."""
    text = text.strip()
    if not text:
        raise TimeParseError("unreadable", raw)
    for word in _PM + _AM + _NOON:  # 「9点半 下午」 is rare; 「晚上」 after a date is common
        if text.startswith(word) and not word.isascii():
            period = "noon" if word in _NOON else "pm" if word in _PM else "am"
            text = text[len(word) :].strip()
    m = _TIME_CLOCK.match(text) or _TIME_COMPACT.match(text)
    if m:
        second = int(m.group("s")) if "s" in m.groupdict() and m.group("s") else 0
        return _checked(int(m.group("h")), int(m.group("m")), second, raw) + (period,)
    m = _TIME_CN.match(text)
    if m:
        hour = _cn_number(m.group(1))
        minute = 30 if m.group("half") else _cn_number(m.group("m")) if m.group("m") else 0
        second = int(m.group("s")) if m.group("s") else 0
        if hour is None or minute is None:
            raise TimeParseError("unreadable", raw)
        return _checked(hour, minute, second, raw) + (period,)
    m = _TIME_HOUR_EN.match(text)
    if m and period is not None:  # 「9 pm」 needs its am/pm to be a time at all
        return _checked(int(m.group("h")), 0, 0, raw) + (period,)
    raise TimeParseError("unreadable", raw)


def _checked(hour: int, minute: int, second: int, raw: str) -> tuple[int, int, int]:
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        raise TimeParseError("bad_time", raw)
    return hour, minute, second


def _apply_period(hour: int, period: str | None, raw: str) -> int:
    """A 12-hour reading made 24-hour: 「下午3点」 15, 「晚上12点」 0, 「中午1点」 13, 「凌晨2点」 2."""
    if period is None:
        return hour
    if hour > 12:
        if period == "am":
            raise TimeParseError("bad_time", raw)
        return hour  # 「下午15点」: already 24-hour
    if period == "pm":
        return hour % 12 + 12 if hour != 12 else 12
    if period == "noon":
        return 12 if hour == 12 else hour + 12 if hour < 6 else hour
    return 0 if hour == 12 else hour  # am: 「上午12点」 is midnight in English usage; 凌晨12点 too


def describe(reading: Reading, now: datetime, lang: str = "zh") -> str:
    """How a reading was understood, for showing back before it is recorded:
    「今天 09:30（20 分钟前）」, 「昨天 22:10（11 小时 40 分钟前）」, 「11月20日 09:30（4 天前）」."""
    now = now.astimezone(BEIJING).replace(microsecond=0)
    at = reading.at
    days = (at.date() - now.date()).days
    clock = at.strftime("%H:%M") + (at.strftime(":%S") if at.second else "")
    if lang == "en":
        day = {0: "today", -1: "yesterday", 1: "tomorrow"}.get(days) or f"{at.year}-{at.month:02d}-{at.day:02d}"
        return f"{day} {clock} ({_ago(now - at, lang)})"
    day = {0: "今天", -1: "昨天", -2: "前天", 1: "明天"}.get(days) or (
        f"{at.month}月{at.day}日" if at.year == now.year else f"{at.year}年{at.month}月{at.day}日"
    )
    return f"{day} {clock}（{_ago(now - at, lang)}）"


def _ago(delta: timedelta, lang: str) -> str:
    """「20 分钟前」「11 小时 40 分钟前」「4 天前」「刚刚」, or 「3 小时后」 for a future time."""
    seconds = int(delta.total_seconds())
    later = seconds < 0
    days, rest = divmod(abs(seconds), 86400)
    hours, minutes = rest // 3600, rest % 3600 // 60
    if days:
        span = text("span_day" if days == 1 else "span_days", lang, days=days)
    elif hours:
        span = text("span_hours" if minutes else "span_whole_hours", lang, hours=hours, minutes=minutes)
    elif minutes:
        span = text("span_minutes", lang, minutes=minutes)
    else:
        return text("just_now", lang)
    return text("span_later" if later else "span_ago", lang, span=span)


def editable_text(value: datetime, now: datetime, lang: str = "zh") -> str:
    """The text a time field shows for a recorded time, in a form ``parse_time`` reads back
    to the same second: 「09:30」 for today, 「昨天 22:10」, else 「2026-11-24 09:30」."""
    at = value.astimezone(BEIJING).replace(microsecond=0)
    now = now.astimezone(BEIJING)
    clock = at.strftime("%H:%M") + (at.strftime(":%S") if at.second else "")
    days = (now.date() - at.date()).days
    if days == 0 and at <= now + FUTURE_SKEW:
        return clock
    if days == 1:
        return f"{text('day_yesterday', lang)} {clock}"
    return f"{at.year}-{at.month:02d}-{at.day:02d} {clock}"
