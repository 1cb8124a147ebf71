"""What the review page says before a report goes out, decided once in core (the page
only renders it): whether the first report went out, what it still lacks, and the nearest
deadline with the time left to it or past it.

- Once a first report (首报) was submitted, what it lacked is for a supplement (第七条第二款: 可先报告
  第一项、第二项内容，其他情况及时补报), no longer "missing from the first report".
- A blank title is listed with the first report's gaps: not a statutory item, but the
  report's heading (issue 18).
- With nothing lacking, or the first report already out, the advice is to report what is
  known and supplement the rest in time (第七条第二款); otherwise to report what is known
  before the deadline even when the gaps cannot be filled in time (第四条: the hours run from
  discovery, D1a).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core import field_paths as fp
from core.obligations import Obligation
from core.timeutil import past_due
from core.vocab import ReportKind

if TYPE_CHECKING:
    from core.assessment import Assessment

MISSING_INITIAL, MISSING_COMPLETE = "initial", "complete"  # keys of ``Assessment.missing`` (product.md §4.3)


@dataclass(frozen=True)
class Readiness:
    first_sent: bool  # a first report (首报) was submitted
    lacking_first: list[str]  # field paths: the title when blank, then the first report's gaps
    lacking_complete: list[str]  # the further gaps of a complete report
    report_known_now: bool  # nothing lacking for the first report, or it went out (第七条第二款)
    nearest: Obligation | None  # the open duty with the nearest deadline
    overdue: bool  # its deadline has passed
    seconds: float  # to its deadline, or past it when ``overdue`` (never negative)


def readiness(result: Assessment, now: datetime) -> Readiness:
    """The review page's answer for ``result`` at ``now`` (see the module docstring)."""
    initial, complete = result.missing[MISSING_INITIAL], result.missing[MISSING_COMPLETE]
    rest = [k for k in complete if k not in initial]
    if not str(result.doc.get(fp.TITLE) or "").strip():  # the report's heading (issue 18)
        initial = [fp.TITLE, *initial]
    sent = first_report_sent(result)
    nearest = result.next_due
    due = nearest.due if nearest is not None else None
    overdue = due is not None and past_due(due, now)
    seconds = 0.0 if due is None else abs((due - now).total_seconds())
    return Readiness(sent, initial, rest, not initial or sent, nearest, overdue, seconds)


def first_report_sent(result: Assessment) -> bool:
    """A first report (首报) is among the submissions recorded."""
    return any(sub.get("kind") == ReportKind.INITIAL for sub in result.doc.get(fp.SUBMISSIONS) or [])
