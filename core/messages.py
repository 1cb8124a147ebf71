"""Errors and warnings as values with a place: a field path, a message key and its
parameters, rendered in Chinese (default) or English. The CLI prints one line, the GUI
shows it beside the field; both say the same words because both use this module."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.text import Each, catalogue, text


def __getattr__(name: str) -> Mapping[str, tuple[str, str]]:
    """``TEMPLATES``: the catalogue of core's texts (``core.text``), read on first use; a
    finding's code is its key."""
    if name == "TEMPLATES":
        return catalogue()
    raise AttributeError(name)


class FieldPaths(tuple[str, ...]):
    """A message parameter naming fields: shown by their names in the message's language
    (「受影响人数」), never by JSON key."""


@dataclass(frozen=True)
class Finding:
    """One validation error or warning at a field path (``impact.people_affected``,
    ``submissions[0].channel``; empty for the whole document)."""

    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        return text(self.code, lang, **{k: _named(v, lang) if isinstance(v, FieldPaths) else _show(v, lang) for k, v in self.params.items()})

    def line(self, lang: str = "zh") -> str:
        """One line naming the field and what was expected, for stderr."""
        where = printable(self.path) or text("whole_document", lang)
        return f"{where}: {self.message(lang)}"

    def as_json(self, lang: str = "zh") -> dict[str, str]:
        text = self.message(lang)
        return {"code": self.code, "field": self.path, "message": text, "text": text}


# Characters that would break a one-line message or drive a terminal: controls, format
# characters (bidi overrides), surrogates and line or paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with every control, format, surrogate and separator character as ``\\uXXXX``."""
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in text)


def _named(value: FieldPaths, lang: str) -> str:
    from core.fields import name  # lazy: the catalogue is not needed for most messages

    return text("join_fields", lang).join(printable(name(path, lang)) for path in value)


def _show(value: Any, lang: str = "zh") -> str:
    if isinstance(value, Each):
        value = value.render(lang)
    if isinstance(value, str):
        shown = printable(value if len(value) <= 200 else value[:200])
        return shown if len(shown) <= 80 else shown[:77] + "..."
    if isinstance(value, (list, tuple)):
        return text("join_names", lang).join(_show(v, lang) for v in value)
    try:
        shown = printable(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        shown = printable(repr(value))
    return shown if len(shown) <= 80 else shown[:77] + "..."


class InvalidIncident(ValueError):
    """The incident document has errors; ``errors`` lists every one, first one first."""

    def __init__(self, errors: list[Finding]) -> None:
        super().__init__(errors[0].line() if errors else "invalid")
        self.errors = errors
