"""Plain Chinese labels and display forms for incident fields, shared by the report, the
change list and the filing helpers. Pure functions over the document and the rule pack;
no layout, no reportlab, no clock.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from core import field_paths as fp
from core import fields, vocab
from core.rules import RulePack
from core.timeutil import BEIJING, TimeFormatError, display_beijing, parse_instant

PENDING = "（待补报）"
NBSP = "\u00a0"  # joins an amount to its unit; the PDF line breaker never breaks at it
BEIJING_SUFFIX = "（北京时间）"

KIND_NAMES = {str(k): vocab.label(k) for k in vocab.REPORT_KINDS}  # the documents are Chinese
CATEGORY_NAMES = {k: v.zh for k, v in fields.CATEGORY_CHOICES.items()}
DATA_THREAT_NAMES = {k: v.zh for k, v in fields.DATA_THREAT_CHOICES.items()}
AUTHORITY_SCOPE_NAMES = {k: v.zh for k, v in fields.AUTHORITY_SCOPE_CHOICES.items()}
REPORTABLE_NAMES = {str(r): vocab.label(r) for r in vocab.Reportable}

# The statutory name of every field (list indexes written as ``[]``), from the field catalogue.
FIELD_LABELS: dict[str, str] = {path: entry.name.zh for path, entry in fields.CATALOGUE.items()}

UNITS: dict[str, str] = {path: entry.unit.zh for path, entry in fields.CATALOGUE.items() if entry.unit}

# Impact facts in the order the report lists them, with their unit.
IMPACT_UNITS: tuple[tuple[str, str], ...] = tuple(
    (path, UNITS.get(path, ""))
    for path in (
        fp.IMPACT_CII_FULL_OUTAGE_MINUTES,
        fp.IMPACT_CII_MAIN_FUNCTION_OUTAGE_MINUTES,
        fp.IMPACT_PROVINCE_POPULATION_PERCENT,
        fp.IMPACT_PREFECTURE_POPULATION_PERCENT,
        fp.IMPACT_PEOPLE_AFFECTED,
        fp.IMPACT_PERSONAL_INFO_LEAKED,
        fp.IMPACT_DIRECT_LOSS_YUAN,
        fp.IMPACT_DATA_THREAT,
    )
)

_INDEX = re.compile(r"\[\d+\]")


def label(path: str) -> str:
    """The plain label of a field path (``systems[2].name`` → 涉事系统名称（第3项）)."""
    generic = _INDEX.sub("[]", path)
    text = FIELD_LABELS.get(generic, path)
    numbers = [int(n) + 1 for n in re.findall(r"\[(\d+)\]", path)]
    return text + "".join(f"（第{n}项）" for n in numbers)


def number(value: Any) -> str:
    """A number as people write it: ``150``, ``2.5``; never ``1e+20`` or ``150.0``."""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, "f").rstrip("0").rstrip(".") if abs(value) >= 1e-4 else repr(value)
    return str(value)


def yes_no(value: Any) -> str:
    return "是" if value is True else "否" if value is False else PENDING


def when(value: Any) -> str:
    """A stored instant shown in Beijing time with the zone named (D12)."""
    if not isinstance(value, str):
        return PENDING
    try:
        return display_beijing(parse_instant(value)) + BEIJING_SUFFIX
    except TimeFormatError:
        return value


def when_dt(value: datetime) -> str:
    return display_beijing(value) + BEIJING_SUFFIX


def spoken_time(value: datetime) -> str:
    """``2026年11月24日9时30分`` for reading aloud (Beijing time)."""
    local = value.astimezone(BEIJING)
    seconds = f"{local.second}秒" if local.second else ""
    return f"{local.year}年{local.month}月{local.day}日{local.hour}时{local.minute}分{seconds}"


def grade_name(grade_id: str | None, pack: RulePack) -> str:
    if grade_id is None:
        return PENDING
    try:
        return pack.grade(grade_id).name
    except KeyError:
        return grade_id


def display(path: str, value: Any, pack: RulePack) -> str:
    """Display form of one leaf value, by its path (enums by name, times in Beijing time)."""
    generic = _INDEX.sub("[]", path)
    if value is None:
        return PENDING
    if isinstance(value, bool):
        return yes_no(value)
    if generic in (fp.DISCOVERED_AT, fp.OCCURRED_AT, fp.HANDLING_ENDED_AT):
        return when(value)
    if generic == fp.TYPE_CLASS:
        return _lookup(lambda: pack.incident_class(value).name, value)
    if generic.endswith(".site"):
        return _lookup(lambda: pack.site(value).name, value)
    if generic == fp.REPORTER_CATEGORY:
        return CATEGORY_NAMES.get(value, str(value))
    if generic == fp.IMPACT_DATA_THREAT:
        return DATA_THREAT_NAMES.get(value, str(value))
    if generic == fp.IMPACT_DEFACEMENT_AUTHORITY_SCOPE:
        return AUTHORITY_SCOPE_NAMES.get(value, str(value))
    if generic.endswith(".grade"):
        return grade_name(value, pack)
    return number(value) if isinstance(value, (int, float)) else str(value)


def _lookup(find: Any, fallback: Any) -> str:
    try:
        return str(find())
    except KeyError:
        return str(fallback)


def with_unit(value: Any, unit: str) -> str:
    return f"{number(value)}{' ' + unit if unit and unit != '%' else unit}"


def shown(path: str, value: Any, pack: RulePack) -> str:
    """``display`` plus the unit of a quantity (``150 分钟``, ``0.2%``)."""
    unit = UNITS.get(_INDEX.sub("[]", path), "")
    if unit and isinstance(value, (int, float)) and not isinstance(value, bool):
        return with_unit(value, unit)
    return display(path, value, pack)


def type_text(doc: dict[str, Any], pack: RulePack, joiner: str = " / ") -> str | None:
    """类型: class name and subclass (GB/T 20986-2023), or None when neither is known."""
    type_ = doc.get("type") or {}
    cls, sub = type_.get("class"), type_.get("subclass")
    if cls is None and sub is None:
        return None
    name = display(fp.TYPE_CLASS, cls, pack) if cls is not None else "类别待定"
    return f"{name}{joiner}{sub}" if sub else name


def report_date(now: datetime) -> str:
    """``2026年11月24日`` (Beijing date), as a signed paper is dated."""
    local = now.astimezone(BEIJING)
    return f"{local.year}年{local.month}月{local.day}日"
