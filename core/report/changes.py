"""What changed since the last submitted report (product.md §5): a compact list of the
fields whose value differs between the previous report's document and this one, with
old → new values in display form. Timeline and submissions are summarised as counts
(they are printed in full in the appendices). Pure data; no layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core import field_paths as fp
from core.report.labels import label, shown
from core.rules import RulePack

MAX_VALUE_CHARS = 120
SKIPPED = (fp.SCHEMA, fp.ID, fp.SUBMISSIONS, fp.TIMELINE)  # the internal id never shows in a document
EMPTY = "（空）"


@dataclass(frozen=True)
class Change:
    """One field changed since the last report, with its old and new value."""

    label: str
    old: str
    new: str


def _leaves(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _leaves(child, f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            _leaves(child, f"{path}[{i}]", out)
    elif value is not None and not (isinstance(value, str) and not value.strip()):
        out[path] = value


def flatten(doc: Any) -> dict[str, Any]:
    """Every non-empty leaf of a document by path, without the skipped top-level keys."""
    out: dict[str, Any] = {}
    if isinstance(doc, dict):
        _leaves({k: v for k, v in doc.items() if k not in SKIPPED}, "", out)
    return out


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_VALUE_CHARS else flat[:MAX_VALUE_CHARS] + "…（全文见正文）"


def _shown(path: str, value: Any, pack: RulePack) -> str:
    return EMPTY if value is None else _short(shown(path, value, pack))


def _count(doc: Any, key: str) -> int:
    value = doc.get(key) if isinstance(doc, dict) else None
    return len(value) if isinstance(value, list) else 0


def changes_since(previous: Any, doc: dict[str, Any], pack: RulePack) -> tuple[Change, ...]:
    """Changed fields in document order (new fields first by position, then removed ones)."""
    if not isinstance(previous, dict):
        return ()
    old, new = flatten(previous), flatten(doc)
    paths = list(new) + [p for p in old if p not in new]
    result = [Change(label(p), _shown(p, old.get(p), pack), _shown(p, new.get(p), pack)) for p in paths if old.get(p) != new.get(p)]
    for key, name in ((fp.TIMELINE, "事件时间线"), (fp.SUBMISSIONS, "报送记录")):
        before, after = _count(previous, key), _count(doc, key)
        if before != after:
            result.append(Change(name, f"{before} 条", f"{after} 条"))
    return tuple(result)
