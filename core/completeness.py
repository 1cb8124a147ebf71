"""What a report still lacks, per 第七条: ``initial`` is what 第七条第二款 needs for a first
report (items 一 and 二, plus the ransom demanded for ransomware), ``complete`` what a
full report lacks (every item 一 to 八; it includes the initial list). Names are the
JSON keys, dotted for nested ones. Does not grade; it is told whether the grade is known.
"""

from __future__ import annotations

from typing import Any

from core import field_paths as fp
from core.incident import Doc, get, is_ransomware
from core.rules import RulePack


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return len(value) == 0
    return False


# 第八条's items that no 第七条 item covers (incident@2): asked once handling has ended.
SUMMARY_ONLY = (fp.ACCOUNTABILITY, fp.REMEDIATION, fp.LESSONS)


def missing(doc: Doc, pack: RulePack, grade_known: bool) -> dict[str, list[str]]:
    """``{"initial": [...], "complete": [...]}`` for a validated document.

    ``impact`` stands for the grade (级别, 第七条第一款第二项): it is missing while the
    grade is undetermined.
    """
    initial: list[str] = []
    complete: list[str] = []
    ransomware = is_ransomware(doc, pack)
    for item in pack.report_items:
        fields = list(item.fields) + (list(item.ransomware_fields) if ransomware else [])
        for name in fields:
            absent = (not grade_known) if name == fp.IMPACT else _empty(get(doc, name))
            if absent:
                (initial if item.initial else complete).append(name)
    if doc.get(fp.HANDLING_ENDED_AT):  # 第八条: the summary report also states these
        complete += [name for name in SUMMARY_ONLY if _empty(get(doc, name))]
    return {"initial": initial, "complete": initial + complete}
