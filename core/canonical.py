"""The canonical form of an incident document: the exact bytes a report is made from
and whose SHA-256 the PDF footer and the store's snapshots record. It is the JSON
Canonicalization Scheme of RFC 8785 (through the ``rfc8785`` package), so anyone can
recompute the hash with any RFC 8785 implementation: keys sorted by their UTF-16 code
units, UTF-8, no insignificant whitespace, numbers written as ECMAScript writes them.

``canonical_flat`` writes the same bytes for the one shape the audit chain hashes on
every write and at every open (ASCII keys; text, small integers and null as values)
through the standard library's C encoder: the pure-Python package took ~7 ms to check
the newest 200 audit rows before the first paint. A property test holds the two equal.

``legacy_canonical_json`` is the form the first releases wrote (Python's sorted-key
``json.dumps``). The store never recomputes a document's text (it hashes the text it
stored), and the audit chain only canonicalises strings and small integers, for which
both forms give the same bytes; the old form is kept to prove and test exactly that.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

# ``rfc8785`` and ``hashlib`` (OpenSSL) load at first use: the desktop's first paint
# needs neither (issue 12: start-up).


class CanonicalizationError(ValueError):
    """What RFC 8785 cannot write: NaN, infinities, integers beyond 2**53 - 1, lone
    surrogates and non-text keys (a ValueError, as the old form raised)."""


SAFE_INTEGER = 2**53 - 1  # RFC 8785 (I-JSON): the largest integer written exactly

_FLAT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def canonical_json(doc: Any) -> bytes:
    """The RFC 8785 bytes of ``doc``; raises ``CanonicalizationError`` (a ValueError)."""
    import rfc8785  # lazy: start-up speed (only hashing and snapshots need it)

    try:
        return rfc8785.dumps(doc)
    except rfc8785.CanonicalizationError as exc:
        raise CanonicalizationError(str(exc)) from exc


def canonical_flat(doc: Mapping[str, str | int | None]) -> bytes:
    """``canonical_json`` of a flat object with ASCII keys whose values are text, integers
    within ±(2**53 - 1) or null, the shape of an audit entry. For it the C encoder writes
    RFC 8785's bytes: ASCII keys sort alike in UTF-16 and in code points, and both escape
    only the quote, the backslash and control characters (the two-letter escapes of
    backspace, tab, newline, form feed and return, else six-character ones in lower-case
    hex). Anything else goes to ``canonical_json``."""
    for key, value in doc.items():
        if not key.isascii() or not (value is None or isinstance(value, str) or (type(value) is int and -SAFE_INTEGER <= value <= SAFE_INTEGER)):
            return canonical_json(doc)
    try:
        return _FLAT.encode(doc).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: RFC 8785 refuses it, and says so
        return canonical_json(doc)


def legacy_canonical_json(doc: Any) -> bytes:
    """The canonical form of the first releases, for checking rows they wrote."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    import hashlib  # lazy: start-up speed

    return hashlib.sha256(data).hexdigest()


def document_hash(doc: Any) -> str:
    """SHA-256 (hex) of the canonical JSON (RFC 8785) of ``doc``."""
    return sha256_hex(canonical_json(doc))
