"""The personal-information notices of 个人信息保护法第五十七条 (D16), one call each: the
letter to individuals (告知书), the SMS text, the public notice (公告) and the cover note
to the department performing personal-information protection duties. ``render_notice``
turns a validated incident document into the bytes of one notice in one format;
``preview`` gives the same notice in English for the English UI (the notices themselves
are always Chinese: they go to Chinese individuals and offices).

Each notice holds the three items of 第五十七条第一款 and is refused (``NoticeError``,
naming every missing part) when one is empty. Importing this package is cheap: reportlab
and python-docx load only when a PDF or Word file is made. Does not read the clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.assessment import check
from core.incident import Doc
from core.notice import text
from core.notice.content import ANNOUNCEMENT, AUTHORITY, BUILDERS, LETTER, NOTICE_KINDS, SMS, Notice, NoticeError, missing_items
from core.notice.sms import SmsTexts, as_text
from core.notice.sms import sms as sms_texts  # not ``sms``: that is the module's name here
from core.rules import RulePack
from core.text import pick
from core.text import text as catalogue_text

__all__ = [
    "ANNOUNCEMENT",
    "AUTHORITY",
    "FORMATS",
    "KIND_NAMES",
    "LETTER",
    "NOTICE_KINDS",
    "SMS",
    "NoticeError",
    "kind_name",
    "default_format",
    "missing_items",
    "notice_content",
    "preview",
    "render_notice",
]

# The formats that make sense for each kind: an SMS is text; the cover note carries a seal.
FORMATS: dict[str, tuple[str, ...]] = {
    LETTER: ("pdf", "docx", "txt"),
    SMS: ("txt",),
    ANNOUNCEMENT: ("pdf", "docx", "txt"),
    AUTHORITY: ("pdf", "docx"),
}
KIND_NAMES: dict[str, tuple[str, str]] = {
    LETTER: ("告知书（致受影响的个人）", "letter to the individuals concerned"),
    SMS: ("短信", "text message"),
    ANNOUNCEMENT: ("公告", "public notice"),
    AUTHORITY: ("致履行个人信息保护职责部门的报告", "cover note to the personal-information protection authority"),
}


def kind_name(kind: str, lang: str = "zh") -> str:
    return pick(*KIND_NAMES[kind], lang)


def default_format(kind: str) -> str:
    return FORMATS[kind][0]


def _check_request(kind: str, fmt: str, now: datetime, lang: str) -> None:
    if kind not in NOTICE_KINDS:
        raise NoticeError(catalogue_text("notice_kind_unknown", lang, kinds="、".join(NOTICE_KINDS), kinds_en=", ".join(NOTICE_KINDS), value=repr(kind)))
    if fmt not in FORMATS[kind]:
        allowed = ", ".join(FORMATS[kind])
        raise NoticeError(catalogue_text("notice_format_only", lang, format=fmt, kind=kind_name(kind), kind_en=kind_name(kind, "en"), allowed=allowed))
    if now.tzinfo is None:
        raise NoticeError(catalogue_text("notice_time_without_zone", lang))


def notice_content(doc: Any, pack: RulePack, kind: str, now: datetime, lang: str = "zh") -> Notice | SmsTexts:
    """What the notice of ``kind`` says, in Chinese (or English for a preview). Raises
    ``InvalidIncident`` for an invalid document and ``NoticeError`` for a missing item."""
    _check_request(kind, FORMATS[kind][0] if kind in FORMATS else "", now, lang)
    valid: Doc = check(doc, pack, now).doc
    if kind == SMS:
        return sms_texts(valid, now, lang)
    return BUILDERS[kind](valid, now, lang)


def render_notice(doc: Any, pack: RulePack, kind: str, fmt: str, now: datetime, *, lang: str = "zh") -> bytes:
    """The bytes of the Chinese notice of ``kind`` as ``fmt`` (pdf | docx | txt); the same
    bytes for the same document and ``now``. ``lang`` is the language of the refusals
    only: the notice itself is always Chinese."""
    _check_request(kind, fmt, now, lang)
    notice_content(doc, pack, kind, now, lang)  # refuses a missing item in the user's language
    content = notice_content(doc, pack, kind, now)
    if isinstance(content, SmsTexts):
        return as_text(content).encode("utf-8")
    if fmt == "txt":
        return text.render(content).encode("utf-8")
    if fmt == "docx":
        from core.notice import docx  # lazy: python-docx loads only here

        return docx.render(content)
    from core.notice import pdf  # lazy: reportlab loads only here

    return pdf.render(content)


def preview(doc: Any, pack: RulePack, kind: str, now: datetime) -> str:
    """The notice of ``kind`` in English, as text, for the English UI: the same structure
    as the Chinese notice; the user's own entries stay as typed."""
    content = notice_content(doc, pack, kind, now, "en")
    if isinstance(content, SmsTexts):
        return as_text(content)
    return text.render(content)
