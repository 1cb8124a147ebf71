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
D16a: the number of people whose personal information leaked is one fact, read from
``impact.personal_info_leaked`` or ``personal_info.count`` (the larger when both differ, warned).
D18: a duration that has begun and not ended counts up to ``now``; typed minutes win for
their item; ``projections`` say when a running duration would raise the grade.
Does not read the clock (``now`` is a parameter) or compute deadlines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from core import field_paths as fp
from core.fields import DURATIONS, GRADING_FIELDS, Duration
from core.incident import Doc, get, instant, personal_info_counts
from core.messages import Finding
from core.rules import Criterion, Level, RulePack, pick
from core.timeutil import iso_beijing, whole_second
from core.vocab import Reportable

PI_LEAKED_FIELD = fp.IMPACT_PERSONAL_INFO_LEAKED
# D18: each duration's facts count as known once it has begun (its minutes are then known).
_DURATION_OF = {d.minutes: d for d in DURATIONS}

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


@dataclass(frozen=True)
class Projection:
    """D18: when a running duration, if it keeps running, first reaches a grade above the
    incident's current one (附件 一、二、三 第1、2、6项)."""

    at: datetime
    grade: str
    item: str
    text: str
    field: str  # the instant the duration began (``impact.defacement.homepage_started_at``)
    duration: Duration
    text_en: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"at": iso_beijing(self.at), "grade": self.grade, "item": self.item, "text": self.text, "field": self.field}


def duration_minutes(doc: Doc, duration: Duration, now: datetime | None) -> tuple[int | float | None, bool]:
    """D18: ``(minutes, running)`` of one duration. Typed minutes win; otherwise whole
    minutes from ``started`` to ``ended``, or to ``now`` while it has not ended (None
    without ``now``). Instants count to the whole second (D2a)."""
    typed = get(doc, duration.minutes)
    if typed is not None:
        return typed, False
    started = instant(doc, duration.started)
    if started is None:
        return None, False
    ended = instant(doc, duration.ended)
    running = ended is None
    if ended is None:
        if now is None:
            return None, True
        ended = now
    elapsed = whole_second(ended) - whole_second(started)
    return max(0, elapsed // timedelta(minutes=1)), running


def facts(doc: Doc, now: datetime | None) -> dict[str, Any]:
    """The values grading reads that do not stand as typed: durations counted from their
    instants (D18) and the one number of leaked personal information (D16a)."""
    found: dict[str, Any] = {}
    for duration in DURATIONS:
        minutes, _running = duration_minutes(doc, duration, now)
        if minutes is not None and get(doc, duration.minutes) is None:
            found[duration.minutes] = minutes
    leaked, count = personal_info_counts(doc)
    if count is not None and (leaked is None or count > leaked):
        found[PI_LEAKED_FIELD] = count
    return found


def _evaluate(criterion: Criterion, doc: Doc, pack: RulePack, warnings: list[Finding], known: dict[str, Any] | None = None) -> Triggered | None:
    value = (known or {}).get(criterion.field, get(doc, criterion.field))
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


def grade(doc: Doc, pack: RulePack, now: datetime | None = None) -> GradeResult:
    """Grade ``doc`` (a validated incident document) at ``now`` (running durations count
    up to it, D18; without it they count as unknown)."""
    warnings: list[Finding] = []
    known = facts(doc, now)
    hits = [t for c in pack.criteria if (t := _evaluate(c, doc, pack, warnings, known)) is not None]
    leaked, count = personal_info_counts(doc)
    if leaked is not None and count is not None and leaked != count:  # D16a: the larger grades
        warnings.append(Finding(fp.PERSONAL_INFO_COUNT, "pi_count_differs", {"leaked": leaked, "count": count, "larger": max(leaked, count)}))
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

    unknown = tuple(f for f in FACT_FIELDS if get(doc, f) is None and f not in known and not _begun(doc, f))
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


def _begun(doc: Doc, fact: str) -> bool:
    """D18: a duration that has begun is a known fact, even before ``now`` is given."""
    duration = _DURATION_OF.get(fact)
    return duration is not None and get(doc, duration.started) is not None


def projections(doc: Doc, pack: RulePack, current: str, now: datetime) -> list[Projection]:
    """D18 (product.md §9.2): for each running duration, the earliest moment after ``now``
    at which, if it keeps running, it reaches a threshold of a grade above ``current``
    (site kinds still apply, D10); sorted by that moment. The deadlines still run from
    discovery (D1, D4): a projection moves no due time."""
    now = whole_second(now)
    found: list[Projection] = []
    criteria = {c.field: c for c in pack.criteria}
    for duration in DURATIONS:
        minutes, running = duration_minutes(doc, duration, now)
        criterion = criteria.get(duration.minutes)
        started = instant(doc, duration.started)
        if not running or criterion is None or started is None:
            continue
        site = get(doc, criterion.site_field) if criterion.site_field else None
        above = [lv for lv in criterion.levels if lv.min is not None and pack.rank(lv.grade) > pack.rank(current) and (lv.sites is None or site in lv.sites)]
        moments = [(whole_second(started) + timedelta(minutes=lv.min or 0), lv) for lv in above]  # 注：以上均包括本数
        moments = [(at, lv) for at, lv in moments if at > now]
        if not moments:
            continue
        at, level = min(moments, key=lambda m: m[0])
        found.append(Projection(at, level.grade, level.item, level.text, duration.started, duration, level.text_en))
    return sorted(found, key=lambda p: (p.at, -pack.rank(p.grade)))


def reportable(grade_id: str, pack: RulePack) -> str:
    """``yes`` (较大 and above, 第四条), ``no`` (一般) or ``undetermined``."""
    if grade_id == pack.undetermined.id:
        return Reportable.UNDETERMINED
    return Reportable.YES if pack.rank(grade_id) >= pack.rank(pack.reportable_from) else Reportable.NO
