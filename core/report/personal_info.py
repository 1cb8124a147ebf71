"""What the report and the personal-information notices both say about personal
information (个人信息保护法第五十七条, D16): what happened to it (泄露、篡改、丢失, from
``personal_info.what``) and whether, when and how the individuals were notified, with the
dates those sentences use. Below ``core.report.content`` and ``core.notice.content``, which
both build on it. Chinese for the documents, English for the notices' preview.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core import field_paths as fp
from core.incident import Doc, get, instant
from core.report.labels import NBSP, number, report_date
from core.timeutil import BEIJING
from core.vocab import Channel, ObligationId, ReportKind


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def day(value: datetime, lang: str = "zh") -> str:
    """``2026年11月24日`` (Beijing date); ``24 November 2026`` in English."""
    local = value.astimezone(BEIJING)
    return f"{local.day} {local.strftime('%B')} {local.year}" if lang == "en" else report_date(value)


def minute(value: datetime, lang: str = "zh") -> str:
    """``2026年11月24日 14:05（北京时间）``; English ``24 November 2026 14:05 (Beijing time)``."""
    local = value.astimezone(BEIJING)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    return f"{day(value, lang)} {clock} (Beijing time)" if lang == "en" else f"{day(value)} {clock}（北京时间）"


# 个人信息保护法第五十七条: 泄露、篡改、丢失, in the law's order (incident@3 ``personal_info.what``).
WHAT_WORDS: dict[str, tuple[str, str]] = {"leaked": ("泄露", "leaked"), "tampered": ("篡改", "tampered with"), "lost": ("丢失", "lost")}


def what_happened(doc: Doc) -> tuple[str, ...]:
    """What happened to the information (``personal_info.what``), in the law's order; empty
    when not known (absent, empty or holding nothing the law names)."""
    given = get(doc, fp.PERSONAL_INFO_WHAT)
    if not isinstance(given, list):
        return ()
    return tuple(k for k in WHAT_WORDS if k in given)


def happened_words(doc: Doc, lang: str = "zh") -> str:
    """「泄露」「泄露和篡改」「泄露、篡改和丢失」 for what happened; only when it is not known
    the three together as the law lists them: 「泄露、篡改或丢失」 (issue: the notices name the facts)."""
    known = [WHAT_WORDS[k][1 if lang == "en" else 0] for k in what_happened(doc)]
    if not known:
        return "leaked, tampered with or lost" if lang == "en" else "泄露、篡改或丢失"
    if len(known) == 1:
        return known[0]
    joined = ", ".join(known[:-1]) if lang == "en" else "、".join(known[:-1])
    return f"{joined} and {known[-1]}" if lang == "en" else f"{joined}和{known[-1]}"


def individual_notices(doc: Doc) -> list[dict[str, Any]]:
    """The notices recorded as sent to individuals (submissions of kind notice against
    the individual notice), in time order."""
    subs = [s for s in doc.get(fp.SUBMISSIONS) or [] if s.get("kind") == ReportKind.NOTICE and s.get("obligation") == ObligationId.PI_INDIVIDUAL_NOTICE]
    return sorted(subs, key=lambda s: (instant(s, "submitted_at") or datetime.max.replace(tzinfo=BEIJING)).timestamp())


CHANNEL_WORDS: dict[str, tuple[str, str]] = {
    Channel.SMS: ("短信", "text message"),
    Channel.PHONE: ("电话", "telephone"),
    Channel.IM: ("即时通信工具", "instant messaging"),
    Channel.EMAIL_OTHER: ("电子邮件", "e-mail"),
    Channel.LETTER: ("书面告知书", "letter"),
    Channel.ANNOUNCEMENT: ("公告", "public notice"),
    Channel.IN_PERSON: ("当面告知", "in person"),
}


def channel_word(channel: Any, lang: str = "zh") -> str:
    words = CHANNEL_WORDS.get(str(channel)) if channel else None
    return (words[1] if lang == "en" else words[0]) if words else _t(lang, "其他方式", "other means")


def notified_sentence(doc: Doc, lang: str = "zh") -> str | None:
    """「已于…通过短信等方式通知受影响的个人（约 N 人）」, the waiver and its reason, or
    None when individuals have not been notified yet."""
    sent = individual_notices(doc)
    if sent:
        first = instant(sent[0], "submitted_at")
        channels = list(dict.fromkeys(channel_word(s.get("channel"), lang) for s in sent))
        total = sum(s["recipients_count"] for s in sent if isinstance(s.get("recipients_count"), int) and not isinstance(s.get("recipients_count"), bool))
        when_text = minute(first, lang) if first else _t(lang, "（时间不详）", "(time unknown)")
        if lang == "en":
            people = f" (about {total:,} people)" if total else ""
            return f"The individuals concerned were notified on {when_text} by {', '.join(channels)}{people}."
        how = channels[0] + ("等方式" if len(channels) > 1 else "")
        people = f"（约 {number(total)}{NBSP}人）" if total else ""
        return f"已于{when_text}通过{how}通知受影响的个人{people}。"
    waived = get(doc, fp.PERSONAL_INFO_INDIVIDUAL_NOTICE_WAIVED_REASON)
    if isinstance(waived, str) and waived.strip():
        if lang == "en":
            return f"The individuals are not notified: the measures taken effectively avoid harm (Article 57(2)). Reason: {waived.strip()}"
        return f"经评估，所采取的措施能够有效避免危害，未通知个人（个人信息保护法第五十七条第二款）。理由：{waived.strip()}"
    return None
