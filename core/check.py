"""One call that answers "where do I stand?": validate, grade, plan obligations, list
what is missing and what to watch. The CLI's ``check`` prints it (product.md §4.3);
the GUI shows the same result. Does not read the clock: ``now`` is a parameter.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core import completeness, grading, obligations
from core.incident import SCHEMA_ID, Doc, delete_path, parse, validate
from core.messages import Finding
from core.obligations import EscalationInfo, Obligation
from core.rules import RulePack

MAX_REPAIRS = 200
CROSS_FIELD_CODES = frozenset({"occurred_after_discovered", "ended_before_discovered", "subclass_mismatch",
                               "subclass_unknown", "obligation_unknown"})


@dataclass(frozen=True)
class CheckResult:
    doc: Doc
    now: datetime
    grading: grading.GradeResult
    reportable: str
    obligations: list[Obligation]
    escalations: list[EscalationInfo]
    missing: dict[str, list[str]]
    warnings: list[Finding]

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        g = self.grading
        return {
            "grade": g.grade,
            "computed_grade": g.computed_grade,
            "grade_basis": g.basis,
            "reportable": self.reportable,
            "triggered": [t.as_json() for t in g.triggered],
            "obligations": [o.as_json() for o in self.obligations],
            "escalations": [e.as_json() for e in self.escalations],
            "missing": self.missing,
            "warnings": [w.as_json(lang) for w in self.warnings],
        }


def check_document(doc: Doc, pack: RulePack, now: datetime, warnings: list[Finding] | None = None) -> CheckResult:
    """Assess a document that has already been validated."""
    result = grading.grade(doc, pack)
    planned = obligations.plan(doc, pack, result.grade, now)
    found = list(warnings or []) + list(result.warnings)
    if result.grade != pack.undetermined.id and grading.reportable(result.grade, pack) == "no":
        if result.unknown_facts:
            found.append(Finding("impact", "general_with_unknowns", {"fields": [f.removeprefix("impact.") for f in result.unknown_facts]}))
        found.append(Finding("", "general_other_laws"))
    return CheckResult(
        doc=doc, now=now, grading=result,
        reportable=grading.reportable(result.grade, pack),
        obligations=planned,
        escalations=obligations.escalations(planned, pack, result.grade),
        missing=completeness.missing(doc, pack, grade_known=result.grade != pack.undetermined.id),
        warnings=found,
    )


def assess_draft(draft: Doc, pack: RulePack, now: datetime) -> tuple[CheckResult, list[Finding]]:
    """Assess a draft that may still hold mistakes (the wizard's live view).

    Returns the assessment of the draft with every invalid value treated as unknown, and
    the errors themselves, so the countdowns keep running while the user fixes a field.
    """
    doc = copy.deepcopy(draft)
    doc["schema"] = SCHEMA_ID
    found: list[Finding] = []
    for _ in range(MAX_REPAIRS):
        errors, warnings = validate(doc, pack)
        if not errors:
            return check_document(doc, pack, now, warnings), found
        # The draft's own errors, plus cross-field ones that show once the shape is sound
        # (later passes would otherwise report list positions shifted by a repair).
        first_pass = not found
        found.extend(e for e in errors if e not in found and (first_pass or e.code in CROSS_FIELD_CODES))
        error = errors[0]  # one at a time: removing a list element shifts the others
        if error.path == "":
            break
        # A bad value counts as unknown; an object missing a required key (a grade choice
        # without a reason, a system without a name) is dropped whole.
        delete_path(doc, error.path.rsplit(".", 1)[0] if error.code in ("missing", "blank_reason") else error.path)
    return check_document({"schema": SCHEMA_ID}, pack, now, []), found


def check(data: Any, pack: RulePack, now: datetime) -> CheckResult:
    """Validate ``data`` (raises ``InvalidIncident``) and assess it."""
    doc, warnings = parse(data, pack)
    return check_document(doc, pack, now, warnings)
