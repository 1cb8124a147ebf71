"""What each personal-information notice says (个人信息保护法第五十七条, D16), as plain data:
the letter to individuals (告知书), the public notice (公告) and the cover note to the
department that performs personal-information protection duties, each holding the three
items of 第五十七条第一款. Chinese for the documents, English for the preview in the English
UI (same structure; the user's own text stays as typed). A notice with one of the six
values of the three items empty is refused, naming each missing part.
Does not lay out pages, import reportlab or read the clock (``now`` is the notice date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core import field_paths as fp
from core import fields
from core.incident import Doc, get, instant, personal_info_affected
from core.report.content import Line, report_date, signature, voided_mark
from core.report.labels import NBSP, number
from core.timeutil import BEIJING
from core.vocab import Channel, ObligationId, ReportKind

LETTER, SMS, ANNOUNCEMENT, AUTHORITY = "letter", "sms", "announcement", "authority"
NOTICE_KINDS = (LETTER, SMS, ANNOUNCEMENT, AUTHORITY)

# 第五十七条第一款: each item and the values it needs, in the law's order.
ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("一", ("personal_info.kinds", "personal_info.cause", "personal_info.possible_harm")),
    ("二", ("personal_info.remedies", "personal_info.individual_measures")),
    ("三", ("personal_info.contact",)),
)
LAW_INTRO = "依照《中华人民共和国个人信息保护法》第五十七条的规定，现将有关情况"
ITEM_NUMBERS_EN = {"一": "1", "二": "2", "三": "3"}


class NoticeError(ValueError):
    """The notice cannot be made as asked; the message names what is missing."""


@dataclass(frozen=True)
class Part:
    """One headed part of a notice: its heading and its paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Notice:
    """The content of one personal-information notice: title, paragraphs and closing."""

    kind: str
    title: str
    basis: str
    addressee: str  # 「您好：」 or the department's name; empty for a public notice
    opening: str
    table: tuple[Line, ...]  # the cover note's facts; empty for the other kinds
    parts: tuple[Part, ...]
    closing: tuple[str, ...]
    sender: str
    date: str
    now: datetime
    drill: bool
    signature: tuple[Line, ...] = ()  # the report's signature block, on the cover note only
    lang: str = "zh"
    number: str | None = field(default=None)
    voided: str | None = None  # D17: 「已作废…：理由」 on every page


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def text(doc: Doc, path: str) -> str:
    """A free-text value stripped, or "" when empty."""
    value = get(doc, path)
    if value is None:
        return ""
    return (value if isinstance(value, str) else number(value)).strip()


def missing_items(doc: Doc, lang: str = "zh") -> list[str]:
    """Each empty value of 第五十七条第一款's three items, as 「（二）个人可以采取的减轻危害的措施」."""
    out = []
    for numeral, paths in ITEMS:
        for path in paths:
            if not text(doc, path):
                mark = f"({ITEM_NUMBERS_EN[numeral]}) " if lang == "en" else f"（{numeral}）"
                out.append(mark + fields.name(path, lang))
    return out


def require_items(doc: Doc, lang: str = "zh") -> None:
    """Refuse a notice that lacks any of the three items (第五十七条第一款), naming every gap."""
    if not personal_info_affected(doc):
        raise NoticeError(
            _t(
                lang,
                f"无法生成：本事件未涉及个人信息（「{fields.name('personal_info.affected')}」不是“是”或“可能”），无须通知",
                f"Cannot generate: the incident does not concern personal information ('{fields.name('personal_info.affected', 'en')}' "
                "is neither yes nor possible), so no notice is due",
            )
        )
    missing = missing_items(doc, lang)
    if missing:
        raise NoticeError(
            _t(
                lang,
                "无法生成：缺少第五十七条第一款规定的事项：" + "、".join(missing),
                "Cannot generate: missing what Article 57(1) of the Personal Information Protection Law requires: " + "; ".join(missing),
            )
        )


def sender(doc: Doc, lang: str = "zh") -> str:
    return text(doc, "reporter.name") or _t(lang, "本单位", "our organisation")


def day(value: datetime, lang: str = "zh") -> str:
    """``2026年11月24日`` (Beijing date); ``24 November 2026`` in English."""
    local = value.astimezone(BEIJING)
    return f"{local.day} {local.strftime('%B')} {local.year}" if lang == "en" else report_date(value)


def minute(value: datetime, lang: str = "zh") -> str:
    """``2026年11月24日 14:05（北京时间）``; English ``24 November 2026 14:05 (Beijing time)``."""
    local = value.astimezone(BEIJING)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    return f"{day(value, lang)} {clock} (Beijing time)" if lang == "en" else f"{day(value)} {clock}（北京时间）"


def discovered(doc: Doc, lang: str = "zh") -> str:
    at = instant(doc, "discovered_at")
    return minute(at, lang) if at else _t(lang, "近日", "recently")


def count(doc: Doc) -> int | None:
    value = get(doc, "personal_info.count")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def possible(doc: Doc) -> bool:
    return get(doc, "personal_info.affected") == "possible"


def item_parts(doc: Doc, lang: str, *, you: bool) -> tuple[Part, ...]:
    """The three items of 第五十七条第一款 under plain headings; ``you`` addresses the reader."""
    v = {p.rsplit(".", 1)[1]: text(doc, p) for _n, paths in ITEMS for p in paths}
    if lang == "en":
        return (
            Part(
                "1. What information, why, and what harm it may cause",
                (f"Information concerned: {v['kinds']}", f"Cause: {v['cause']}", f"Possible harm: {v['possible_harm']}"),
            ),
            Part(
                "2. What we have done and what you can do" if you else "2. Remedies taken and what individuals can do",
                (f"What we have done: {v['remedies']}", f"What {'you' if you else 'individuals'} can do: {v['individual_measures']}"),
            ),
            Part("3. How to contact us", (f"Contact: {v['contact']}",)),
        )
    return (
        Part(
            "一、涉及的个人信息种类、事件原因和可能造成的危害",
            (f"涉及的个人信息种类：{v['kinds']}", f"事件原因：{v['cause']}", f"可能造成的危害：{v['possible_harm']}"),
        ),
        Part(
            "二、我们已采取的补救措施和您可以采取的措施" if you else "二、已采取的补救措施和个人可以采取的减轻危害的措施",
            (f"我们已采取的补救措施：{v['remedies']}", f"{'建议您' if you else '个人可以'}采取的措施：{v['individual_measures']}"),
        ),
        Part("三、联系方式", (f"{'如您有疑问，请联系' if you else '联系方式'}：{v['contact']}",)),
    )


def _basis(lang: str) -> str:
    return _t(lang, "依据《中华人民共和国个人信息保护法》第五十七条", "Under Article 57 of the Personal Information Protection Law of the PRC")


# 个人信息保护法第五十七条: 泄露、篡改、丢失, in the law's order (incident@3 ``personal_info.what``).
WHAT_WORDS: dict[str, tuple[str, str]] = {"leaked": ("泄露", "leaked"), "tampered": ("篡改", "tampered with"), "lost": ("丢失", "lost")}


def what_happened(doc: Doc) -> tuple[str, ...]:
    """What happened to the information (``personal_info.what``), in the law's order; empty
    when not known (absent, empty or holding nothing the law names)."""
    given = get(doc, "personal_info.what")
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


def _affected_phrase(doc: Doc, lang: str, *, you: bool) -> str:
    if lang == "en":
        whose = "your personal information" if you else "personal information"
        return f"{whose} {'may have been' if possible(doc) else 'was'} {happened_words(doc, lang)}"
    whose = "您的个人信息" if you else "部分个人信息"
    return f"{whose}{'可能' if possible(doc) else '已经'}被{happened_words(doc)}"


def letter(doc: Doc, now: datetime, lang: str = "zh") -> Notice:
    """个人信息安全事件告知书: the letter to each individual concerned."""
    require_items(doc, lang)
    who = sender(doc, lang)
    if lang == "en":
        opening = (
            f"On {discovered(doc, lang)}, {who} found a personal information security incident: {_affected_phrase(doc, lang, you=True)}. "
            "As Article 57 of the Personal Information Protection Law requires, we tell you the following."
        )
        closing = ("We sincerely apologise for the worry and inconvenience this causes you.",)
    else:
        opening = f"{who}于{discovered(doc)}发现一起个人信息安全事件，{_affected_phrase(doc, lang, you=True)}。{LAW_INTRO}告知如下。"
        closing = ("由此给您带来的担忧和不便，我们深表歉意。",)
    return Notice(
        kind=LETTER,
        title=_t(lang, "个人信息安全事件告知书", "Notice of a personal information security incident"),
        basis=_basis(lang),
        addressee=_t(lang, "您好：", "Dear Sir or Madam,"),
        opening=opening,
        table=(),
        parts=item_parts(doc, lang, you=True),
        closing=closing,
        sender=who,
        date=day(now, lang),
        now=now,
        drill=doc.get("drill") is True,
        lang=lang,
        number=text(doc, "number") or None,
        voided=voided_mark(doc),
    )


def _people(doc: Doc, lang: str) -> str:
    n = count(doc)
    if n is None:
        return ""
    return f"about {n:,} people's " if lang == "en" else f"约 {number(n)}{NBSP}人的"


def announcement(doc: Doc, now: datetime, lang: str = "zh") -> Notice:
    """公告: the public notice, for a website, a notice board or a public account."""
    require_items(doc, lang)
    who = sender(doc, lang)
    if lang == "en":
        opening = (
            f"On {discovered(doc, lang)}, {who} found a personal information security incident: {_people(doc, lang)}"
            f"{_affected_phrase(doc, lang, you=False)}. As Article 57 of the Personal Information Protection Law requires, we announce the following."
        )
        closing = ("We sincerely apologise to everyone concerned.", "This notice is hereby given.")
    else:
        phrase = _affected_phrase(doc, lang, you=False)
        people = _people(doc, lang)
        affected = f"{people}个人信息{'可能' if possible(doc) else '已经'}被{happened_words(doc)}" if people else phrase
        opening = f"{who}于{discovered(doc)}发现一起个人信息安全事件，{affected}。{LAW_INTRO}公告如下。"
        closing = ("对受到影响的各位，我们深表歉意。", "特此公告。")
    return Notice(
        kind=ANNOUNCEMENT,
        title=_t(lang, "关于个人信息安全事件的公告", "Public notice of a personal information security incident"),
        basis=_basis(lang),
        addressee="",
        opening=opening,
        table=(),
        parts=item_parts(doc, lang, you=False),
        closing=closing,
        sender=who,
        date=day(now, lang),
        now=now,
        drill=doc.get("drill") is True,
        lang=lang,
        number=text(doc, "number") or None,
        voided=voided_mark(doc),
    )


def individual_notices(doc: Doc) -> list[dict[str, Any]]:
    """The notices recorded as sent to individuals (submissions of kind notice against
    the individual notice), in time order."""
    subs = [s for s in doc.get("submissions") or [] if s.get("kind") == ReportKind.NOTICE and s.get("obligation") == ObligationId.PI_INDIVIDUAL_NOTICE]
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
    waived = get(doc, "personal_info.individual_notice_waived.reason")
    if isinstance(waived, str) and waived.strip():
        if lang == "en":
            return f"The individuals are not notified: the measures taken effectively avoid harm (Article 57(2)). Reason: {waived.strip()}"
        return f"经评估，所采取的措施能够有效避免危害，未通知个人（个人信息保护法第五十七条第二款）。理由：{waived.strip()}"
    return None


def authority(doc: Doc, now: datetime, lang: str = "zh") -> Notice:
    """关于发生个人信息安全事件的报告: the cover note to the department performing
    personal-information protection duties (第五十七条第一款), with the report's signature block."""
    require_items(doc, lang)
    who = sender(doc, lang)
    department = text(doc, "personal_info.authority") or _t(lang, "履行个人信息保护职责的部门", "the personal-information protection authority")
    n = count(doc)
    rows = [
        Line(fields.heading(fp.NUMBER, lang), text(doc, "number") or None),
        Line(fields.heading(fp.REPORTER_NAME, lang), who),
        Line(fields.heading(fp.TITLE, lang), text(doc, "title") or None),
        Line(fields.heading(fp.DISCOVERED_AT, lang), discovered(doc, lang)),
        Line(
            _t(lang, "受影响情况", "Personal information affected"),
            _t(lang, f"可能被{happened_words(doc)}", f"may have been {happened_words(doc, lang)}")
            if possible(doc)
            else _t(lang, f"已被{happened_words(doc)}", happened_words(doc, lang)),
        ),
        Line(
            fields.heading(fp.PERSONAL_INFO_COUNT, lang),
            (f"about {n:,}" if lang == "en" else f"约 {number(n)}{NBSP}人") if n else _t(lang, "尚在核实", "being established"),
        ),
    ]
    notified = notified_sentence(doc, lang) or _t(
        lang, "尚未通知个人，将尽快通知受影响的个人。", "The individuals have not been notified yet; we will notify them promptly."
    )
    parts = (*item_parts(doc, lang, you=False), Part(_t(lang, "四、通知个人的情况", "4. Notice to individuals"), (notified,)))
    if lang == "en":
        opening = f"As Article 57 of the Personal Information Protection Law requires, {who} reports the following personal information security incident."
        closing = ("Please contact us through the details above with any question.",)
    else:
        opening = f"依照《中华人民共和国个人信息保护法》第五十七条的规定，现将{who}发生的个人信息安全事件报告如下。"
        closing = ("如需进一步了解情况，请按上述联系方式与我们联系。",)
    return Notice(
        kind=AUTHORITY,
        title=_t(lang, "关于发生个人信息安全事件的报告", "Report of a personal information security incident"),
        basis=_basis(lang),
        addressee=f"{department}：" if lang != "en" else f"To: {department}",
        opening=opening,
        table=tuple(line for line in rows if line.value is not None),
        parts=parts,
        closing=closing,
        sender=who,
        date=day(now, lang),
        now=now,
        drill=doc.get("drill") is True,
        signature=signature(doc, now) if lang != "en" else _signature_en(doc, now),
        lang=lang,
        number=text(doc, "number") or None,
        voided=voided_mark(doc),
    )


def _signature_en(doc: Doc, now: datetime) -> tuple[Line, ...]:
    zh = signature(doc, now)
    names = ("Reporting organisation (seal)", "Head (signature)", "Filled in by, telephone", "Date")
    return tuple(Line(name, day(now, "en") if i == 3 else line.value) for i, (name, line) in enumerate(zip(names, zh, strict=True)))


BUILDERS = {LETTER: letter, ANNOUNCEMENT: announcement, AUTHORITY: authority}
