"""Answers the app proposes for the user to confirm or change (product.md §8.4), each with
the reason it gives: ransomware or extortion is a suspected crime (第四条第五款), so the
police report appears without the user having to find the question. A proposal never
overwrites an answer the user gave. Does not read the clock or the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from core import field_paths as fp
from core.incident import Doc, is_ransomware
from core.rules import RulePack
from core.vocab import Label


@dataclass(frozen=True)
class Suggestion:
    """An answer core proposes for a question the user has not answered, with why."""

    path: str
    value: object
    reason: Label


CRIME_FOR_RANSOM = Label(
    "已按勒索预选「是」：勒索、敲诈通常涉嫌违法犯罪，须及时向公安机关报案（第四条第五款）。如确实不涉嫌，可改为「否」。",
    "Pre-answered Yes because of the ransom demand: extortion is usually a crime to report to the police promptly "
    "(Art. 4(5)). Change it to No if it truly is not.",
)


def suggestions(doc: Doc, pack: RulePack) -> list[Suggestion]:
    """The proposals that apply to ``doc`` now, for questions not yet answered."""
    found: list[Suggestion] = []
    if is_ransomware(doc, pack) and doc.get(fp.CRIME_SUSPECTED) is None:
        found.append(Suggestion(fp.CRIME_SUSPECTED, True, CRIME_FOR_RANSOM))
    return found


def reason_for(doc: Doc, pack: RulePack, path: str) -> Label | None:
    """Why ``path`` holds a value the app proposed (shown beside the question)."""
    if path == fp.CRIME_SUSPECTED and is_ransomware(doc, pack) and doc.get(fp.CRIME_SUSPECTED) is True:
        return CRIME_FOR_RANSOM
    return None
