"""The citations the windows print beside a question, a hint or an action, each named once
and built from the rule pack (its report items' basis, its obligations' bases): a window
never types an article number. They are in the pack's Chinese; ``core.pack_text.cite``
is their one English (Art. 7, item 1).

- ``report_items``: 第七条, what a report contains; ``report_item(n)``: its item n
  (第七条第一项: the unit and its systems; 第二项: time, place, type, grade, impact,
  measures, and for ransomware the ransom, D12).
- ``report_item_range``: items first to last (第七条第二至八项).
- ``supplement``: 第七条第二款 (items 1 and 2 may be reported first, the rest 及时补报; D6).
- ``summary_report``: the summary report's basis (第八条, within 30 days after handling ends).
- ``notice_waiver``: 个人信息保护法第五十七条第二款 (individuals need not be notified when the
  measures taken effectively avoid harm; the authority may still require it; D16).
"""

from __future__ import annotations

from core.pack_text import number
from core.rules import RulePack
from core.vocab import ObligationId

NUMERALS = "零一二三四五六七八九十"  # 第一项 … 第十项
SUPPLEMENT_PARAGRAPH = 2  # 第七条第二款: 可先报告第一项、第二项内容，其他情况及时补报
WAIVER_PARAGRAPH = 2  # 个人信息保护法第五十七条第二款: 采取措施能够有效避免…危害的，可以不通知个人


def _numeral(n: int) -> str:
    if not 0 < n < len(NUMERALS):
        raise ValueError(f"no citation numeral for {n}")
    text = NUMERALS[n]
    assert number(text) == n  # the same numerals core.pack_text reads back
    return text


def report_items(pack: RulePack) -> str:
    """第七条: what a report contains."""
    return pack.report_items_basis


def report_item(pack: RulePack, item: int) -> str:
    """第七条第一项 for ``item`` 1."""
    return f"{pack.report_items_basis}第{_numeral(item)}项"


def report_item_range(pack: RulePack, first: int, last: int) -> str:
    """第七条第二至八项 for items 2 to 8."""
    return f"{pack.report_items_basis}第{_numeral(first)}至{_numeral(last)}项"


def supplement(pack: RulePack) -> str:
    """第七条第二款: report items 1 and 2 first, the rest promptly (及时补报)."""
    return f"{pack.report_items_basis}第{_numeral(SUPPLEMENT_PARAGRAPH)}款"


def summary_report(pack: RulePack) -> str:
    """The summary report's basis as the pack gives it (第八条)."""
    return pack.obligation(ObligationId.SUMMARY_REPORT).basis


def notice_waiver(pack: RulePack) -> str:
    """个人信息保护法第五十七条第二款: when the individuals need not be notified."""
    article = pack.obligation(ObligationId.PI_INDIVIDUAL_NOTICE).basis
    return f"{article}第{_numeral(WAIVER_PARAGRAPH)}款"
