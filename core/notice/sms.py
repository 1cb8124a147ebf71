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
from core.timeutil import BEIJING

SMS_LIMIT = 70  # characters in one Chinese SMS (70 UCS-2 characters)
# A telephone number as people write it: 0591-87654321, 13800000000, 400-800-1234, 12345.
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
    return f"on {local.day} {local.strftime('%B')}" if lang == "en" else f"于{local.month}月{local.day}日"


def short_candidates(doc: Doc, lang: str = "zh") -> list[str]:
    """The short wordings, most informative first."""
    name = sender(doc, lang)
    contact = _s(text(doc, fp.PERSONAL_INFO_CONTACT))
    reach = phone_in(contact) or contact
    kinds = _s(text(doc, fp.PERSONAL_INFO_KINDS))
    if lang == "en":
        may = "may have been" if possible(doc) else "was"
        return [
            f"[{name}] We found a personal information incident {_date(doc, lang)}: your {kinds} {may} affected. For details and advice call {reach}.",
            f"[{name}] Your personal information {may} affected by a security incident. For details call {reach}.",
        ]
    may = "可能" if possible(doc) else "已"
    # what happened, when known (泄露/篡改/丢失); 受影响 when it is not
    fact = f"{may}被{happened_words(doc)}" if what_happened(doc) else f"{may}受影响"
    return [
        f"【{name}】我们{_date(doc, lang)}发现个人信息安全事件，您的{kinds}{fact}。详情及应对建议请致电{reach}。",
        f"【{name}】我们发现个人信息安全事件，您的个人信息{fact}。详情及应对建议请致电{reach}。",
        f"【{name}】您的个人信息{fact}，详情请致电{reach}。",
        f"【{name}】您的个人信息{fact}，详询{reach}。",
    ]


def short_text(doc: Doc, lang: str = "zh") -> str:
    """One SMS of at most 70 characters, or ``NoticeError`` naming what makes it too long."""
    candidates = short_candidates(doc, lang)
    if lang == "en":
        return candidates[0]  # the English preview shows the wording; the limit applies to the Chinese message
    fitting = [c for c in candidates if len(c) <= SMS_LIMIT]
    if fitting:
        return fitting[0]
    shortest = min(len(c) for c in candidates)
    raise NoticeError(
        f"无法生成一条 {SMS_LIMIT} 字以内的短信（最短也有 {shortest} 字）：请缩短报告单位名称，"
        "或在「个人信息处理者的联系方式」中写明一个电话号码；完整内容可用告知书或公告发送"
    )


def long_text(doc: Doc, lang: str = "zh") -> str:
    """The longer SMS with the three items of 第五十七条第一款 (several messages)."""
    name = sender(doc, lang)
    v = {k: _s(text(doc, f"personal_info.{k}")) for k in ("kinds", "cause", "possible_harm", "remedies", "individual_measures", "contact")}
    if lang == "en":
        may = "may have been" if possible(doc) else "was"
        return (
            f"[{name}] {name} found a personal information security incident {_date(doc, lang)}: your personal information {may} "
            f"{happened_words(doc, lang)}. Information concerned: {v['kinds']}. Cause: {v['cause']}. Possible harm: {v['possible_harm']}. "
            f"What we have done: {v['remedies']}. What you can do: {v['individual_measures']}. Contact: {v['contact']}."
        )
    may = "可能已经" if possible(doc) else "已经"
    return (
        f"【{name}】您好！{name}{_date(doc, lang)}发现一起个人信息安全事件，您的个人信息{may}被{happened_words(doc)}。"
        f"涉及的信息：{v['kinds']}。原因：{v['cause']}。可能的危害：{v['possible_harm']}。"
        f"我们已采取的措施：{v['remedies']}。建议您：{v['individual_measures']}。如有疑问请联系：{v['contact']}。"
    )


def sms(doc: Doc, now: datetime, lang: str = "zh") -> SmsTexts:
    """Both SMS texts; refused when an item of 第五十七条第一款 is empty."""
    del now  # an SMS carries no date of its own; the signature keeps the builders' shape
    require_items(doc, lang)
    return SmsTexts(short_text(doc, lang), long_text(doc, lang), lang, voided_mark(doc))


def as_text(texts: SmsTexts) -> str:
    """The .txt file: the one-message text, then the longer variant, each with its length."""
    head = f"【{texts.voided}】请勿发送。\n\n" if texts.voided else ""
    if texts.lang == "en":
        return head + (
            f"One message ({len(texts.short)} characters):\n{texts.short}\n\n"
            f"Longer text ({len(texts.long)} characters, sent as several messages):\n{texts.long}\n"
        )
    return head + f"一条短信（{len(texts.short)} 字）：\n{texts.short}\n\n完整短信（{len(texts.long)} 字，将分多条发送）：\n{texts.long}\n"
