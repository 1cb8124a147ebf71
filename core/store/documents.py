"""How an incident document is laid out in the database: its own fields as canonical
JSON in ``incidents.doc``; its submissions and timeline entries as rows of their own
tables, reassembled in order on read. A key the input left absent, null or empty stays
so in the stored text, which makes export of an import equal to the input (modulo key
order and an added ``id``). Does not open the database.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from core.canonical import canonical_json

if TYPE_CHECKING:  # a type only: the incident module loads with the first write, not at start-up
    from core.incident import Doc

LIST_KEYS = ("submissions", "timeline")


def dumps_doc(doc: Doc) -> str:
    return canonical_json(doc).decode("utf-8")


def loads_doc(text: str) -> Doc:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("stored incident is not a JSON object")
    return value


def split(doc: Doc) -> tuple[Doc, dict[str, list[Any]]]:
    """``(the document's own fields, {"submissions": [...], "timeline": [...]})``.

    A non-empty list moves to its table and leaves ``[]`` behind, so reassembly knows
    the key was present; absent or null keys are kept as they were.
    """
    own = dict(doc)
    lists: dict[str, list[Any]] = {}
    for key in LIST_KEYS:
        value = own.get(key)
        if isinstance(value, list) and value:
            lists[key] = list(value)
            own[key] = []
        else:
            lists[key] = []
    return own, lists


def assemble(own: Doc, lists: dict[str, list[Any]]) -> Doc:
    doc = dict(own)
    for key in LIST_KEYS:
        if lists.get(key):
            doc[key] = list(lists[key])
    return doc
