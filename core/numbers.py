"""Reads the numbers people type: ``120000``, ``12万``, ``1.2 万人``, ``300万元``, ``1,200``,
``１２万`` (full-width), ``2亿``. Empty text means unknown. Used by the wizard so that
what the user writes the way Chinese people write numbers is understood, and anything
else gets a specific message. Does not know which field it is reading."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

UNITS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000), "百": Decimal(100)}
SUFFIXES = ("人次", "人", "元", "次", "条", "分钟", "分", "个", "户", "%", "％")
# An estimate is a number (the hints themselves say 「约 12 万名患者」): the word that makes
# it one, and the people it counts, are set aside.
APPROXIMATELY = ("大约", "大概", "约合", "约", "近", "将近", "超过", "逾", "about", "approx.", "approximately", "around", "over", "~")
_COUNTED = re.compile(r"(?:名|位)?[\u4e00-\u9fff]{0,6}$")  # 「名患者」「位学生」「名顾客」 after the number
_NUMBER = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*([万亿千百]?)\s*([万亿]?)$")


class QuantityError(ValueError):
    """Text that is not a number; ``code`` is a messages key."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(code)
        self.code = code
        self.text = text


def parse_quantity(text: str, *, integer: bool) -> int | float | None:
    """The number in ``text``; None when it is blank. Raises ``QuantityError``."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("，", "").replace(" ", "")
    if not cleaned:
        return None
    lowered = cleaned.lower()
    for word in APPROXIMATELY:
        if lowered.startswith(word.replace(" ", "")):
            cleaned = cleaned[len(word.replace(" ", "")) :]
            break
    counted = _COUNTED.search(cleaned)
    if counted and counted.group(0) and not _NUMBER.match(cleaned):
        rest = cleaned[: counted.start()]
        head = re.match(r"^[0-9.]+\s*[万亿千百]?[万亿]?", rest + counted.group(0))
        if head:  # keep 万/亿 that belong to the number, drop the words after it
            cleaned = head.group(0)
    for suffix in SUFFIXES:
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)]
            break
    if cleaned.startswith("-"):
        raise QuantityError("negative_text", text)
    match = _NUMBER.match(cleaned)
    if not match:
        raise QuantityError("not_a_number", text)
    try:
        value = Decimal(match.group(1))
    except InvalidOperation:
        raise QuantityError("not_a_number", text) from None
    for unit in (match.group(2), match.group(3)):
        if unit:
            value *= UNITS[unit]
    if integer:
        if value != value.to_integral_value():
            raise QuantityError("not_whole", text)
        return int(value)
    return int(value) if value == value.to_integral_value() else float(value)


def format_quantity(value: int | float | None) -> str:
    """The text the wizard shows for a stored number (plain digits, so it reads back the same)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
