"""The SMS notice to individuals (网络数据安全管理条例第十一条 names 短信 among the means;
D16): one message of at most 70 characters (the one-message limit for Chinese SMS,
counted as Python ``len``) saying what happened and whom to call, and a longer variant
holding the three items of 个人信息保护法第五十七条第一款 (sent as several messages).

The short text is chosen, never cut: the most informative wording that fits wins; when
even the shortest does not fit, generation is refused with the reason. A telephone
number is always kept whole. Does not read the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from core import field_paths as fp
from core.incident import Doc, instant
from core.notice.content import NoticeError, possible, require_items, sender, text
from core.report.content import voided_mark
from core.report.personal_info import happened_words, what_happened
from core.text import english
from core.text import text as words
from core.timeutil import BEIJING

SMS_LIMIT = 70  # characters in one Chinese SMS (70 UCS-2 characters)
# A telephone number as people write it: 0591-87654321, 13800000000, 400-800-1234, 12345.
# The short wordings, most informative first (the first that fits 70 characters is sent).
SHORT_WORDINGS = ("sms_short_1", "sms_short_2", "sms_short_3", "sms_short_4")
PHONE = re.compile(r"(?<![\d-])\+?\d(?:[\d-]*\d){4,}(?![\d-])")


@dataclass(frozen=True)
class SmsTexts:
    """The SMS texts of a notice: one message of at most 70 characters, and the longer text."""

    short: str
    long: str
    lang: str = "zh"
    voided: str | None = None  # D17: the file says so first; such a text is not to be sent


def phone_in(contact: str) -> str | None:
    """The first telephone number written in the contact details, whole."""
    found = PHONE.search(contact)
    return found.group(0) if found else None


def _s(value: str) -> str:
    """A user's sentence without its closing punctuation (the template adds its own)."""
    return value.strip().rstrip("。；;.，, ")


def _date(doc: Doc, lang: str) -> str:
    at = instant(doc, fp.DISCOVERED_AT)
    if at is None:
        return ""
    local = at.astimezone(BEIJING)
    return words("sms_date", lang, month=local.month, day=local.day, month_en=local.strftime("%B"))


def short_candidates(doc: Doc, lang: str = "zh") -> list[str]:
    """The short wordings, most informative first."""
    name = sender(doc, lang)
    contact = _s(text(doc, fp.PERSONAL_INFO_CONTACT))
    reach = phone_in(contact) or contact
    kinds = _s(text(doc, fp.PERSONAL_INFO_KINDS))
    may = words("sms_may_possible" if possible(doc) else "sms_may_certain", lang)
    # what happened, when known (泄露/篡改/丢失); 受影响 when it is not
    if what_happened(doc):
        fact = words("sms_fact_what", lang, may=may, what=happened_words(doc, lang))
    else:
        fact = words("sms_fact_affected", lang, may=may)
    date = _date(doc, lang)
    return [words(key, lang, name=name, date=date, kinds=kinds, fact=fact, reach=reach) for key in SHORT_WORDINGS]


def short_text(doc: Doc, lang: str = "zh") -> str:
    """One SMS of at most 70 characters, or ``NoticeError`` naming what makes it too long."""
    candidates = short_candidates(doc, lang)
    if english(lang):
        return candidates[0]  # the English preview shows the wording; the limit applies to the Chinese message
    fitting = [c for c in candidates if len(c) <= SMS_LIMIT]
    if fitting:
        return fitting[0]
    shortest = min(len(c) for c in candidates)
    raise NoticeError(words("sms_too_long", lang, limit=SMS_LIMIT, shortest=shortest))


def long_text(doc: Doc, lang: str = "zh") -> str:
    """The longer SMS with the three items of 第五十七条第一款 (several messages)."""
    name = sender(doc, lang)
    v = {k: _s(text(doc, f"personal_info.{k}")) for k in ("kinds", "cause", "possible_harm", "remedies", "individual_measures", "contact")}
    may = words("sms_long_may_possible" if possible(doc) else "sms_long_may_certain", lang)
    return words("sms_long", lang, name=name, date=_date(doc, lang), may=may, what=happened_words(doc, lang), **v)


def sms(doc: Doc, now: datetime, lang: str = "zh") -> SmsTexts:
    """Both SMS texts; refused when an item of 第五十七条第一款 is empty."""
    del now  # an SMS carries no date of its own; the signature keeps the builders' shape
    require_items(doc, lang)
    return SmsTexts(short_text(doc, lang), long_text(doc, lang), lang, voided_mark(doc))


def as_text(texts: SmsTexts) -> str:
    """The .txt file: the one-message text, then the longer variant, each with its length."""
    head = f"【{texts.voided}】请勿发送。\n\n" if texts.voided else ""
    return head + words("sms_file", texts.lang, short_length=len(texts.short), short=texts.short, long_length=len(texts.long), long=texts.long)
