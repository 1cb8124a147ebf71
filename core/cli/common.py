"""Small helpers shared by the CLI subcommands: one-line errors, ``--now``, reading an
incident file, text made safe for a terminal. Nothing here prints a traceback. Help texts and messages use ``say`` (``core.cli.lang``, core's text catalogue)
for their Chinese and English wording."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from core.cli.lang import current_language, say
from core.clock import Clock, FixedClock, SystemClock
from core.incident import MAX_YEAR, MIN_YEAR
from core.timeutil import TimeFormatError, parse_instant

# Characters that could start a new line, move the cursor or drive the terminal (C0,
# DEL, C1 with ESC and CSI), separate lines or reorder text on screen (bidi controls).
_UNSAFE = frozenset([*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def safe_text(text: object) -> str:
    """``text`` as one line a terminal shows literally: control characters (newline,
    ESC, C0/C1, DEL), line separators, bidi controls and lone surrogates become
    visible escapes such as ``\\n``, ``\\x1b`` or ``\\u202e``; anything else is kept."""
    out: list[str] = []
    for ch in str(text):
        code = ord(ch)
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif code in _UNSAFE or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def said_line(exc: BaseException) -> str:
    """A store error's or a refused write's line in the command line's language (their
    ``message(lang)``); any other exception's text as it is."""
    message = getattr(exc, "message", None)
    return str(message(current_language())) if callable(message) else str(exc)


class CliError(Exception):
    """An expected failure: the message is shown as one line, the exit code returned."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def out_err(line: str) -> None:
    """One line on stderr, whatever the console encoding."""
    text = " ".join(line.splitlines())
    try:
        print(text, file=sys.stderr)
    except UnicodeEncodeError:
        print(text.encode("ascii", "backslashreplace").decode("ascii"), file=sys.stderr)


def clock_from(now: str | None) -> Clock:
    """``--now ISO`` gives a fixed clock; otherwise the system clock (the edge of the app)."""
    if now is None:
        return SystemClock()
    try:
        at: datetime = parse_instant(now)
    except TimeFormatError:
        raise CliError(say("cli_now_format", value=repr(now))) from None
    if not MIN_YEAR <= at.year <= MAX_YEAR:  # the calendar bound of every instant (core.incident), in its own offset
        raise CliError(say("cli_now_range", min=MIN_YEAR, max=MAX_YEAR, value=now))
    return FixedClock(at)


def add_now(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        metavar="ISO",
        help=say("help_now"),
    )


def resolve_incident(arg: str, db: str | None) -> dict[str, Any]:
    """An incident from a file path, or else from the database by id (``--db`` applies)."""
    from core.incident import load_file

    if Path(arg).is_file() or arg.lower().endswith(".json") or "/" in arg or "\\" in arg:
        data = load_file(arg)
        if not isinstance(data, dict):
            return data  # type: ignore[no-any-return]  # validation reports "not an object"
        return data
    from core.service import StoreError, database_path, open_service  # lazy: sqlite-utils only when needed

    path = database_path(db)
    if not path.exists():
        raise CliError(say("cli_no_file_no_db", arg=safe_text(arg), path=path))
    try:
        service = open_service(path, SystemClock(), readonly=True)  # reads only: works on a read-only folder or locked file
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    try:
        if not service.has_incident(arg):
            raise CliError(not_an_incident(arg, path))
        return service.export_document(arg)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    finally:
        service.close()


def not_an_incident(arg: str, path: Path) -> str:
    return say("cli_not_an_incident", arg=safe_text(arg), path=path)


def refuse_overwrite(targets: Iterable[str | Path | None], *, force: bool) -> None:
    """Before anything is written: ``CliError`` naming the first output that is a symbolic
    link, a folder or something other than a file, or that exists while ``force`` is not
    given (the README's promise for every output, issue 25). The same rule and words as
    ``core.files.write_private_file``."""
    from core.files import WriteRefused, check_target

    seen: set[Path] = set()
    for raw in targets:
        if raw is None or str(raw) == "-":
            continue
        path = Path(raw)
        if path.absolute() in seen:  # one output would overwrite another of the same run
            shown = safe_text(path)
            raise CliError(say("cli_output_twice", path=shown))
        seen.add(path.absolute())
        try:
            check_target(path, force=force)
        except WriteRefused as exc:
            raise CliError(said_line(exc)) from None


def user_path(filename: object, targets: Iterable[str | Path | None]) -> str | None:
    """The user's output for an ``OSError``'s file name: a temporary file written beside a
    target (``.NAME.xxxx.tmp``) is shown as that target, never by its own name (issue 25)."""
    if filename is None:
        return None
    failed = Path(str(filename))
    for raw in targets:
        if raw is None:
            continue
        target = Path(raw)
        if failed == target:
            return str(target)
        same_folder = failed.parent == (target.parent if str(target.parent) else Path("."))
        if same_folder and failed.name.startswith(f".{target.name}.") and failed.name.endswith(".tmp"):
            return str(target)
    return None if failed.name.endswith(".tmp") else str(failed)
