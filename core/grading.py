"""Grades an incident by the annex 《网络安全事件分级指南》 as encoded in the rule pack.

D11: the highest level any quantitative criterion reaches wins; every threshold is
inclusive (附件 注：“以上”均包括本数). Qualitative criteria and catch-alls are the user's
call (``impact.qualitative``) and count like any other item. A manual grade
(``grade_override``) replaces the computed one, up or down, and lowering is flagged.
D10: site kinds per criterion come from the pack (any enterprise portal counts).
D15: findings of scope by the authorities and data-threat degrees are matched "at
least" on the pack's ordered scale (特大范围 ⊇ 大范围 ⊇ 较大范围; 特别严重 ⊇ 严重 ⊇
较严重), and a province's population share also counts for a prefecture (a criterion
of the pack reads the same field).
Does not read the clock or compute deadlines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.fields import GRADING_FIELDS
from core.incident import Doc, get
from core.messages import Finding
from core.rules import Criterion, Level, RulePack, pick
from core.vocab import Reportable

FACT_FIELDS = GRADING_FIELDS  # from the field catalogue


@dataclass(frozen=True)
class Triggered:
    """One annex item the incident meets, with the value that met it."""

    grade: str
    item: str
    text: str
    value: Any
    field: str
    criterion: str
    text_en: str = ""

    def describe(self, lang: str = "zh") -> str:
        """The annex wording of the item met, in ``lang`` (Chinese when the pack has no English)."""
        return pick(self.text, self.text_en, lang)

    def as_json(self) -> dict[str, Any]:
        return {"grade": self.grade, "item": self.item, "text": self.text, "value": self.value}


@dataclass(frozen=True)
class GradeResult:
    """The grade an incident gets under the annex, the criteria met and the facts still unknown."""

    grade: str  # the grade in force
    computed_grade: str  # what the annex gives
    basis: str  # "computed" | "manual"
    triggered: tuple[Triggered, ...]
    reason: str | None = None  # the manual grade's reason
    unknown_facts: tuple[str, ...] = ()
    warnings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def lowered(self) -> bool:
        return self.basis == "manual" and self.grade != self.computed_grade


def _reached(criterion: Criterion, level: Level, value: Any, site: Any, any_site: bool = False) -> bool:
    if not any_site and level.sites is not None and site not in level.sites:
        return False
    if level.at_least is not None:
        # D15: a wider finding contains the narrower ones (附件 一、二、三 第4、6项).
        position = criterion.position(value)
        return position is not None and position >= criterion.scale.index(level.at_least)
    assert level.min is not None
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= level.min


def _evaluate(criterion: Criterion, doc: Doc, pack: RulePack, warnings: list[Finding]) -> Triggered | None:
    value = get(doc, criterion.field)
    if value is None:
        return None
    site = get(doc, criterion.site_field) if criterion.site_field else None
    for level in criterion.levels:  # highest first (validated at load)
        if _reached(criterion, level, value, site):
            return Triggered(level.grade, level.item, level.text, value, criterion.field, criterion.id, level.text_en)
    if criterion.site_field:
        # Would the value have counted for a listed site? Then say why it did not.
        any_site = [lv for lv in criterion.levels if _reached(criterion, lv, value, None, any_site=True)]
        if any_site:
            if site is None:
                warnings.append(Finding(criterion.site_field, "site_unknown"))
            else:
                item_no = any_site[-1].item.rsplit("第", 1)[-1].rstrip("项")
                kind = pack.site(site)
                warnings.append(Finding(criterion.site_field, "site_not_listed", {"site": kind.name, "site_en": kind.name_en or kind.name, "item": item_no}))
    return None


def grade(doc: Doc, pack: RulePack) -> GradeResult:
    """Grade ``doc`` (a validated incident document)."""
    warnings: list[Finding] = []
    hits = [t for c in pack.criteria if (t := _evaluate(c, doc, pack, warnings)) is not None]
    qualitative = get(doc, "impact.qualitative")
    if qualitative is not None:
        q = pack.qualitative[qualitative["grade"]]
        reason = qualitative["reason"]  # typed by the user: stays as typed in both languages
        hits.append(
            Triggered(
                qualitative["grade"], q.item, f"{q.text}：{reason}", None, "impact.qualitative", "qualitative", f"{q.text_en}: {reason}" if q.text_en else ""
            )
        )
    hits.sort(key=lambda t: -pack.rank(t.grade))

    unknown = tuple(f for f in FACT_FIELDS if get(doc, f) is None)
    if hits:
        computed = hits[0].grade
    elif len(unknown) < len(FACT_FIELDS):
        computed = next(g.id for g in pack.grades if g.rank == min(x.rank for x in pack.grades))
    else:
        computed = pack.undetermined.id

    override = doc.get("grade_override")
    if override is not None:
        result_grade, basis, reason = override["grade"], "manual", override["reason"]
        if pack.rank(result_grade) < pack.rank(computed):
            lower, higher = pack.grade(result_grade), pack.grade(computed)
            names = {"grade": lower.name, "computed": higher.name, "grade_en": lower.name_en, "computed_en": higher.name_en}
            warnings.append(Finding("grade_override", "manual_lower", {**names, "reason": reason}))
    else:
        result_grade, basis, reason = computed, "computed", None

    # Deduplicate warnings (several defacement measures share one site field).
    unique: list[Finding] = []
    for w in warnings:
        if w not in unique:
            unique.append(w)
    return GradeResult(result_grade, computed, basis, tuple(hits), reason, unknown, tuple(unique))


def reportable(grade_id: str, pack: RulePack) -> str:
    """``yes`` (较大 and above, 第四条), ``no`` (一般) or ``undetermined``."""
    if grade_id == pack.undetermined.id:
        return Reportable.UNDETERMINED
    return Reportable.YES if pack.rank(grade_id) >= pack.rank(pack.reportable_from) else Reportable.NO
