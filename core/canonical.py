"""The canonical form of an incident document: the exact bytes a report is made from
and whose SHA-256 the PDF footer and the store's snapshots record. Sorted keys, UTF-8,
no insignificant whitespace; the same document always gives the same bytes."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_hash(doc: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``doc``."""
    return sha256_hex(canonical_json(doc))
