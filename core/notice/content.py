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

from core import field_paths as fp
from core import fields
from core.incident import Doc, get, instant, personal_info_affected
from core.report.content import Line, signature, voided_mark
from core.report.labels import NBSP, number
from core.report.personal_info import day, happened_words, minute, notified_sentence

LETTER, SMS, ANNOUNCEMENT, AUTHORITY = "letter", "sms", "announcement", "authority"
NOTICE_KINDS = (LETTER, SMS, ANNOUNCEMENT, AUTHORITY)

# 第五十七条第一款: each item and the values it needs, in the law's order.
ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("一", (fp.PERSONAL_INFO_KINDS, fp.PERSONAL_INFO_CAUSE, fp.PERSONAL_INFO_POSSIBLE_HARM)),
    ("二", (fp.PERSONAL_INFO_REMEDIES, fp.PERSONAL_INFO_INDIVIDUAL_MEASURES)),
    ("三", (fp.PERSONAL_INFO_CONTACT,)),
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
    return text(doc, fp.REPORTER_NAME) or _t(lang, "本单位", "our organisation")


def discovered(doc: Doc, lang: str = "zh") -> str:
    at = instant(doc, fp.DISCOVERED_AT)
    return minute(at, lang) if at else _t(lang, "近日", "recently")


def count(doc: Doc) -> int | None:
    value = get(doc, fp.PERSONAL_INFO_COUNT)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def possible(doc: Doc) -> bool:
    affected: object = get(doc, fp.PERSONAL_INFO_AFFECTED)
    return affected == "possible"


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
        drill=doc.get(fp.DRILL) is True,
        lang=lang,
        number=text(doc, fp.NUMBER) or None,
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
        drill=doc.get(fp.DRILL) is True,
        lang=lang,
        number=text(doc, fp.NUMBER) or None,
        voided=voided_mark(doc),
    )


def authority(doc: Doc, now: datetime, lang: str = "zh") -> Notice:
    """关于发生个人信息安全事件的报告: the cover note to the department performing
    personal-information protection duties (第五十七条第一款), with the report's signature block."""
    require_items(doc, lang)
    who = sender(doc, lang)
    department = text(doc, fp.PERSONAL_INFO_AUTHORITY) or _t(lang, "履行个人信息保护职责的部门", "the personal-information protection authority")
    n = count(doc)
    rows = [
        Line(fields.heading(fp.NUMBER, lang), text(doc, fp.NUMBER) or None),
        Line(fields.heading(fp.REPORTER_NAME, lang), who),
        Line(fields.heading(fp.TITLE, lang), text(doc, fp.TITLE) or None),
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
        drill=doc.get(fp.DRILL) is True,
        signature=signature(doc, now) if lang != "en" else _signature_en(doc, now),
        lang=lang,
        number=text(doc, fp.NUMBER) or None,
        voided=voided_mark(doc),
    )


def _signature_en(doc: Doc, now: datetime) -> tuple[Line, ...]:
    zh = signature(doc, now)
    names = ("Reporting organisation (seal)", "Head (signature)", "Filled in by, telephone", "Date")
    return tuple(Line(name, day(now, "en") if i == 3 else line.value) for i, (name, line) in enumerate(zip(names, zh, strict=True)))


BUILDERS = {LETTER: letter, ANNOUNCEMENT: announcement, AUTHORITY: authority}
