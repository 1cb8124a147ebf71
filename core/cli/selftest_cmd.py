"""``incident-assistant self-test [--now ISO]``: prove that this installation (a source
checkout or the PyInstaller bundle) has everything it needs, without a window and
without touching the user's database (product.md §6; what CI runs on the bundle).

It loads the rule pack, registers the bundled CJK font with reportlab, checks the
bundled example incident at a fixed time, renders its report PDF into a temporary
folder and reads it back (pypdf when installed, else the header and size), and stores
the example in a temporary database and verifies its audit chain, then encrypts that
database and opens it again with its passphrase (issue 28). The GUI check (import
the GUI modules, load the PDF with QtPdf, no window) is not here: core never imports the
GUI, so the launcher (``gui.launch``) hands it in as an extra check, which runs after
these with the same state (``SelfTestState``). One line per check, ``ok`` or ``failed``;
exit 0 only when every check passes, 1 otherwise. ``--db`` and ``INCIDENT_ASSISTANT_DB``
are ignored on purpose.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from core import __version__, resources
from core import field_paths as fp
from core.cli.common import clock_from
from core.cli.lang import say
from core.vocab import ReportKind

EXAMPLE = "examples/clinic-ransomware.json"
DEFAULT_NOW = "2026-11-24T10:00:00+08:00"  # fixed, so the result never depends on today's date


@dataclass
class SelfTestState:
    """What earlier checks hand to later ones (``pdf`` and ``pages`` to the GUI check)."""

    now: datetime
    tmp: Path
    pack: Any = None
    doc: Any = None
    pdf: Path | None = None
    pages: int = 0
    results: list[tuple[str, bool, str]] = field(default_factory=list)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "self-test",
        help=say("help_self_test"),
        description=say("help_self_test_about"),
    )
    p.add_argument(
        "--now",
        metavar="ISO",
        default=DEFAULT_NOW,
        help=say("help_self_test_now", now=DEFAULT_NOW),
    )
    p.set_defaults(run=run)


def _rules(state: SelfTestState) -> str:
    from core.rules import default_pack

    state.pack = default_pack()
    return f"{state.pack.id} {state.pack.version} ({resources.path('rules')})"


def _font(state: SelfTestState) -> str:
    from core.report import fonts

    font = fonts.register()
    path = resources.path(fonts.FONT_FILE)
    if not fonts.has_glyph("报"):
        raise RuntimeError(f"{path.name} lacks the glyph 报")
    return f"{font.face.name.decode('latin-1', 'replace')} from {path.name} ({path.stat().st_size / 1e6:.1f} MB)"


def _check(state: SelfTestState) -> str:
    from core.assessment import check
    from core.incident import load_file

    state.doc = load_file(resources.path(EXAMPLE))
    result = check(state.doc, state.pack, state.now)
    if not result.obligations:
        raise RuntimeError("the example incident produced no reporting obligation")
    return f"{Path(EXAMPLE).name}: grade={result.grading.grade} reportable={result.reportable} obligations={len(result.obligations)} at {state.now.isoformat()}"


def _pdf(state: SelfTestState) -> str:
    from core.report import render_report

    out = state.tmp / "self-test.pdf"
    info = render_report(state.doc, state.pack, ReportKind.INITIAL, state.now, out, app_version=__version__)
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or len(data) < 2000:
        raise RuntimeError(f"not a PDF: {len(data)} bytes, header {data[:8]!r}")
    state.pdf, state.pages = out, info.pages
    if importlib.util.find_spec("pypdf") is None:
        return f"{info.pages} pages, {len(data)} bytes (header and size; pypdf not installed)"
    from pypdf import PdfReader

    reader = PdfReader(out)
    text = reader.pages[0].extract_text() or ""
    if len(reader.pages) != info.pages:
        raise RuntimeError(f"pypdf reads {len(reader.pages)} pages, the renderer reported {info.pages}")
    title = state.doc.get(fp.TITLE) or ""
    if title and title not in text:
        raise RuntimeError(f"page 1 text does not contain the incident title {title!r}")
    return f"{info.pages} pages, {len(data)} bytes, read back with pypdf (title found on page 1)"


def _store(state: SelfTestState) -> str:
    import sqlite3

    from core.clock import FixedClock
    from core.service import open_service

    db = state.tmp / "self-test.sqlite3"
    service = open_service(db, FixedClock(state.now), pack=state.pack)
    try:
        incident_id = service.import_document(state.doc).id
        if service.export_document(incident_id).get(fp.TITLE) != state.doc.get(fp.TITLE):
            raise RuntimeError("the stored incident does not read back as imported")
        service.save_fields(incident_id, {fp.LOCATION: "self-test"})
        result = service.verify()
        if not result.ok:
            raise RuntimeError(result.message())
        return f"temporary database, import + autosave, audit chain {result.audit_rows} rows whole (SQLite {sqlite3.sqlite_version})"
    finally:
        service.close()


def _crypt(state: SelfTestState) -> str:
    """Encryption at rest (issue 28): SQLCipher, Argon2id, AES-GCM and the keyring package
    are here (the bundle carries them): the temporary database is encrypted, its bytes hold
    no title, and it opens again with the passphrase only."""
    import importlib

    from core.clock import FixedClock
    from core.service import WrongPassphrase, encrypt_database, lock_database, open_service

    db = state.tmp / "self-test.sqlite3"
    encrypt_database(db, "self-test passphrase", clock=FixedClock(state.now))
    lock_database(db)
    title = str(state.doc.get(fp.TITLE) or "")
    if title and title.encode("utf-8") in db.read_bytes():
        raise RuntimeError("the incident title is readable in the encrypted file")
    try:
        open_service(db, FixedClock(state.now), readonly=True, passphrase="not the passphrase").close()
        raise RuntimeError("a wrong passphrase opened the encrypted database")
    except WrongPassphrase:
        pass
    service = open_service(db, FixedClock(state.now), readonly=True, passphrase="self-test passphrase")
    try:
        result = service.verify()
        if not result.ok:
            raise RuntimeError(result.message())
    finally:
        service.close()
        lock_database(db)
    importlib.import_module("keyring")  # the OS keyring is optional at run time, but shipped
    from sqlcipher3 import dbapi2

    return f"encrypted, refused a wrong passphrase, reopened with the right one: audit chain whole (SQLCipher, SQLite {dbapi2.sqlite_version})"


# A check: its name, the function (one line of detail, or an exception), the checks it needs.
Check = tuple[str, Callable[[SelfTestState], str], tuple[str, ...]]

CHECKS: tuple[Check, ...] = (
    ("rules", _rules, ()),
    ("font", _font, ()),
    ("check", _check, ("rules",)),
    ("pdf", _pdf, ("check", "font")),
    ("store", _store, ("check",)),
    ("crypt", _crypt, ("store",)),
)


def run_checks(now: datetime, emit: Callable[[str], None] = print, extra: Sequence[Check] = ()) -> list[tuple[str, bool, str]]:
    """Run every check (core's, then ``extra``) in a temporary folder; returns (name,
    passed, detail) per check."""
    with tempfile.TemporaryDirectory(prefix="incident-assistant-selftest-") as tmp:
        state = SelfTestState(now=now, tmp=Path(tmp))
        passed: set[str] = set()
        for name, fn, needs in (*CHECKS, *extra):
            missing = [n for n in needs if n not in passed]
            started = time.perf_counter()
            if missing:
                ok, detail = False, f"not run: needs {', '.join(missing)}"
            else:
                try:
                    ok, detail = True, fn(state)
                except Exception as exc:  # noqa: BLE001 - a self-test reports every failure as one line
                    ok, detail = False, f"{type(exc).__name__}: {' '.join(str(exc).split())}"
            ms = (time.perf_counter() - started) * 1000
            if ok:
                passed.add(name)
            state.results.append((name, ok, detail))
            emit(f"{'ok' if ok else 'failed':<6} {name:<6} {detail} [{ms:.0f} ms]")
        return state.results


def run(args: argparse.Namespace) -> int:
    now = clock_from(args.now).now()
    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    print(f"incident-assistant {__version__} self-test{frozen}: resources at {resources.root()}")
    results = run_checks(now, extra=tuple(getattr(args, "extra_checks", ())))
    failed = [name for name, ok, _ in results if not ok]
    if failed:
        print(f"self-test failed: {len(failed)} of {len(results)} checks failed ({', '.join(failed)})")
        return 1
    print(f"self-test passed: {len(results)} of {len(results)} checks ok")
    return 0
