"""The rule pack's texts in the language asked for: legal citations (第四条第一款 →
Art. 4(1); 附件 一 通常情况 第2项 → Annex 1, general case, item 2) translated exactly by
pattern, and the recipients and escalations of an assessment named in English.

A citation that does not match a known pattern is never guessed at: ``cite_en`` returns
None and ``cite`` keeps the Chinese. A test requires every citation of the bundled pack to
translate. Does not grade or compute deadlines.
"""

from __future__ import annotations

import re

from core.obligations import EscalationInfo, Obligation
from core.rules import RulePack

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}
_NUM = r"[零一二三四五六七八九十百\d]+"
# Laws other than the Measures that the pack cites, by the names it uses.
LAWS = {
    "个人信息保护法": "PIPL",
    "民法典": "Civil Code",
    "数据安全法": "Data Security Law",
    "网络安全法": "Cybersecurity Law",
    "网络数据安全管理条例": "Network Data Security Regulations",
}
_LAW = "|".join(map(re.escape, LAWS))
_ARTICLE = re.compile(rf"(?:《?({_LAW})》?)?第({_NUM})条(?:第({_NUM})款)?(?:第({_NUM})(?:至({_NUM}))?项)?")
_ANNEX = re.compile(rf"附件\s*({_NUM})(?:\s+(.+))?")
_ANNEX_PART = re.compile(rf"(通常情况\s*)?第({_NUM})(?:[—–-]({_NUM}))?项")


def number(text: str) -> int | None:
    """A Chinese or Arabic numeral below 1000 (五十七 → 57, 二百零一 → 201), else None."""
    if text.isascii():
        return int(text) if text.isdigit() else None
    total, digit, last_unit = 0, None, 1000
    for c in text:
        if c == "零":
            if digit is not None:
                return None
        elif c in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[c]
        elif c in _UNITS:
            unit = _UNITS[c]
            if unit >= last_unit or (digit is None and unit != 10):
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            return None
    return total + (digit or 0) if text else None


def _article_en(m: re.Match[str], law: str | None) -> str | None:
    nums = [number(g) if g else None for g in m.groups()[1:]]
    if nums[0] is None or any(g and n is None for g, n in zip(m.groups()[1:], nums, strict=True)):
        return None
    items = f", items {nums[2]}–{nums[3]}" if nums[3] is not None else f", item {nums[2]}" if nums[2] is not None else ""  # 第二至八项: items 2–8
    text = f"Art. {nums[0]}" + (f"({nums[1]})" if nums[1] is not None else "") + items
    return f"{LAWS[law]} {text}" if law else text


def _articles_en(text: str) -> str | None:
    """第八条；《民法典》第二百零一条第一款、第二百零三条 → Art. 8; Civil Code Art. 201(1), Art. 203."""
    groups = []
    for group in text.split("；"):
        parts = []
        for part in group.split("、"):
            m = _ARTICLE.fullmatch(part.strip())
            if m is None:
                return None
            found = _article_en(m, m.group(1))
            if found is None:
                return None
            parts.append(found)
        groups.append(", ".join(parts))
    return "; ".join(groups)


def _annex_en(m: re.Match[str]) -> str | None:
    """附件 一 第1—3项、通常情况 第8项 → Annex 1, items 1–3; general case, item 8."""
    annex = number(m.group(1))
    if annex is None:
        return None
    if not m.group(2):
        return f"Annex {annex}"
    parts = []
    for part in m.group(2).split("、"):
        p = _ANNEX_PART.fullmatch(part.strip())
        if p is None:
            return None
        first, last = number(p.group(2)), number(p.group(3)) if p.group(3) else None
        if first is None or (p.group(3) and last is None):
            return None
        item = f"items {first}–{last}" if last is not None else f"item {first}"
        parts.append(f"general case, {item}" if p.group(1) else item)
    return f"Annex {annex}, " + "; ".join(parts)


def cite_en(text: str) -> str | None:
    """The English of a citation the pack uses, or None when ``text`` is not one."""
    text = text.strip()
    m = _ANNEX.fullmatch(text)
    if m is not None:
        return _annex_en(m)
    return _articles_en(text) if text else None


def cite(text: str, lang: str = "zh") -> str:
    """A citation in ``lang``: Chinese as the pack has it; English when it translates."""
    if lang != "en":
        return text
    return cite_en(text) or text


def recipient(obligation: Obligation, pack: RulePack, lang: str = "zh") -> str:
    """Who an obligation goes to, in ``lang``. The authority's own name the user typed
    (``recipient_detail_field``, which the plan appends as 「（名称）」) and a sector
    recipient stay as typed: 保护工作部门（某省卫健委） → CII protection department (某省卫健委)."""
    rule = next((r for r in pack.obligations if r.id == obligation.id), None)
    if lang != "en" or rule is None or not rule.recipient_en:
        return obligation.recipient
    named = obligation.recipient
    if named.startswith(f"{rule.recipient}（") and named.endswith("）"):
        return f"{rule.recipient_en} ({named[len(rule.recipient) + 1 : -1]})"
    return rule.recipient_en


def escalation(info: EscalationInfo, pack: RulePack, lang: str = "zh") -> tuple[str, str]:
    """``(by, to)`` of an onward deadline (第四条, D5) in ``lang``."""
    if lang != "en":
        return info.by, info.to
    rule = next((e for e in pack.escalations if e.by == info.by and e.to == info.to and e.basis == info.basis), None)
    if rule is None:
        return info.by, info.to
    return rule.by_en or rule.by, rule.to_en or rule.to
