"""The record anchor (「记录校验码」): a short code printed on every exported report and
every recorded submission that pins the audit chain as it was at that moment, and the
check that today's chain still extends it (issue 16: a consistent rewrite or the last
rows deleted with ``meta.audit_head`` fixed is otherwise undetectable).

The code is the number of audit rows, then the first 16 hex digits of the newest row's
hash in four groups: ``1234-3F2A-9C01-77BE-0D4E``. Row *n*'s hash covers every row
before it (``core.store.audit``), so a chain that still has that hash at row *n* and
links from the first row to its newest is the chain the code was printed from, with
rows added after it. A chain with no rows has the code of the genesis hash (zeros).
Reads only; never writes.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.store import audit, guard
from core.store.errors import Each, Said, said, translated_reading

if TYPE_CHECKING:
    from core.store.store import Store

DIGITS = 16  # hex digits of the head hash in the code (64 bits)
LABEL = "记录校验码"
_CODE = re.compile(r"^(\d{1,12})-([0-9A-F]{4})-([0-9A-F]{4})-([0-9A-F]{4})-([0-9A-F]{4})$")
_DASHES = str.maketrans({"－": "-", "—": "-", "–": "-", "‐": "-", "‑": "-"})
EXAMPLE = "1234-3F2A-9C01-77BE-0D4E"


class AnchorFormatError(ValueError):
    """The text is not a record anchor; the message says what a code looks like
    (``str()`` in Chinese, ``message(lang)`` in the caller's language)."""

    def __init__(self, said_text: Said) -> None:
        self.said = said_text
        super().__init__(said_text.render("zh"))

    def message(self, lang: str = "zh") -> str:
        return self.said.render(lang)


@dataclass(frozen=True)
class Anchor:
    """The audit chain's row count and the first ``DIGITS`` hex digits of its head hash."""

    rows: int
    digest: str  # upper-case hex, DIGITS long

    @property
    def code(self) -> str:
        groups = "-".join(self.digest[i : i + 4] for i in range(0, DIGITS, 4))
        return f"{self.rows}-{groups}"

    def matches(self, full_hash: str) -> bool:
        return full_hash[:DIGITS].upper() == self.digest


@dataclass(frozen=True)
class AnchorCheck:
    """Whether the chain extends the anchor; when not, ``row`` is the first audit row
    that breaks it and ``text`` says how (one Chinese line; ``said`` the same, keyed, for
    another language)."""

    anchor: Anchor
    ok: bool
    rows: int  # audit rows in the chain now
    row: int | None
    text: str
    said: Said | None = None

    def line(self, lang: str = "zh") -> str:
        return self.said.render(lang) if self.said is not None else self.text


def of_hash(rows: int, full_hash: str) -> Anchor:
    return Anchor(rows, full_hash[:DIGITS].upper())


def parse(text: str) -> Anchor:
    """The anchor written as ``text`` (spaces, lower case and full-width dashes accepted)."""
    cleaned = "".join(str(text).split()).translate(_DASHES).upper()
    match = _CODE.match(cleaned)
    if match is None:
        raise AnchorFormatError(said("store_anchor_format", example=EXAMPLE, got=repr(text)))
    return Anchor(int(match.group(1)), "".join(match.groups()[1:]))


def head(conn: sqlite3.Connection) -> Anchor:
    """The anchor of the chain on ``conn`` as it stands (its newest row)."""
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return of_hash(0, audit.GENESIS) if last is None else of_hash(int(last[0]), str(last[1]))


def store_anchor(store: Store) -> str:
    """The code of ``store``'s audit chain now, for a report or a submission receipt."""
    return head(store.db.conn).code


def check(conn: sqlite3.Connection, anchor: Anchor) -> AnchorCheck:
    """Does the chain on ``conn`` extend the one ``anchor`` was printed from? It must link
    whole from its first row to its newest (``audit.walk_chain``), reach row
    ``anchor.rows`` and have that row's hash begin with the anchor's digits."""
    count, problems, _expected = audit.walk_chain(conn)
    broken = next((p for p in problems if p.table == "audit"), None)
    if broken is not None:
        row = int(broken.row) if broken.row.isdigit() else None
        return _said(anchor, False, count, row, said("store_anchor_broken", row=broken.row, why=Each(broken.text, broken.text_en or broken.text)))
    if anchor.rows > count:
        return _said(anchor, False, count, count + 1, said("store_anchor_short", count=count, rows=anchor.rows, next=count + 1))
    if anchor.rows == 0:
        at_row = audit.GENESIS
    else:
        found = conn.execute("SELECT hash FROM audit WHERE seq = ?", (anchor.rows,)).fetchone()
        at_row = str(found[0]) if found else ""
    if not anchor.matches(at_row):
        return _said(anchor, False, count, max(anchor.rows, 1), said("store_anchor_rewritten", rows=anchor.rows))
    later = count - anchor.rows
    return _said(anchor, True, count, None, said("store_anchor_ok", code=anchor.code, rows=anchor.rows, later=later))


def _said(anchor: Anchor, ok: bool, count: int, row: int | None, text: Said) -> AnchorCheck:
    return AnchorCheck(anchor, ok, count, row, text.render("zh"), text)


def check_file(path: str | Path, anchor: Anchor) -> AnchorCheck:
    """``check`` on a hardened read-only connection to ``path`` (``core.store.guard``);
    call after ``verify_file`` accepted the file's schema."""
    path = Path(path)
    with translated_reading(path):
        conn = guard.connect(path, leave_no_companions=True)
        try:
            return check(conn, anchor)
        finally:
            conn.close()
