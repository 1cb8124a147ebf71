"""Every way the command line can fail, run with ``--lang en`` and in Chinese: in English
no Chinese character is left outside what the user typed (the inputs here are ASCII, so
none at all); in Chinese the words are today's (``cli_failures_zh.txt``, the lines as
they were before the catalogue, with the temporary folder written as ``TMP``).

The cases are enumerated from ``core.cli``: usage errors of the parser, ``--now``, an
incident file that is missing, a folder, not JSON, not UTF-8, not an incident, an id
that is not in the database, a database that is missing, empty, not a database or a
folder, outputs refused (existing, a folder, named twice), formats that do not fit, a
record anchor that is malformed, a backup that is not one, and each store failure a
user can meet while a command runs (locked, read-only, disk full, I/O) as the store
raises it. ``UPDATE_CLI_RECORD=1`` rewrites the Chinese record (only when a Chinese
wording is meant to change)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.store import StoreError, StoreFull, StoreIOError, StoreLocked, StoreReadOnly
from core.store.errors import reading
from tests.core.notice_fixtures import leak

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
RECORD = Path(__file__).with_name("cli_failures_zh.txt")
NOW = "2026-11-24T10:00:00+08:00"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

Setup = Callable[[Path], list[str]]


def _incident(tmp: Path) -> Path:
    """The example incident with ASCII words where the user typed Chinese (so every
    Chinese character in a line is the program's own)."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["title"] = "Clinic files encrypted"
    path = tmp / "incident.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _without(tmp: Path, key: str) -> str:
    """The example incident without ``key``."""
    data = json.loads(_incident(tmp).read_text(encoding="utf-8"))
    data.pop(key, None)
    path = tmp / f"without-{key}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _leak(tmp: Path, **personal_info: Any) -> str:
    """A personal-information leak with every item of Article 57(1), but ``personal_info``."""
    doc = leak(**personal_info)
    doc["title"] = "Patient records leaked"
    path = tmp / "leak.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _db_with_incident(tmp: Path) -> Path:
    db = tmp / "db.sqlite3"
    with _quiet():
        assert main(["--db", str(db), "import", str(_incident(tmp))]) == 0
    return db


class _quiet:
    def __enter__(self) -> None:
        import io

        self.saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = io.StringIO()

    def __exit__(self, *exc: object) -> None:
        sys.stdout, sys.stderr = self.saved


def _file(tmp: Path, name: str, data: bytes) -> str:
    path = tmp / name
    path.write_bytes(data)
    return str(path)


def _not_a_db(tmp: Path) -> str:
    return _file(tmp, "notadb.sqlite3", b"this is not a database" * 10)


def _broken_chain(tmp: Path) -> str:
    """A database whose first audit row was rewritten outside the app (its triggers put back)."""
    db = _db_with_incident(tmp)
    conn = sqlite3.connect(db)
    triggers = list(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"))
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit SET hash = 'x' WHERE rowid = 1")
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return str(db)


CASES: dict[str, Setup] = {
    # the parser
    "unknown command": lambda tmp: ["frobnicate"],
    "unknown option": lambda tmp: ["list", "--frob"],
    "missing argument": lambda tmp: ["check"],
    "bad choice": lambda tmp: ["pdf", str(_incident(tmp)), "-o", str(tmp / "o.pdf"), "--kind", "weekly"],
    "bad --lang value": lambda tmp: ["--lang", "fr", "list"],
    "bad --now": lambda tmp: ["check", str(_incident(tmp)), "--now", "tomorrow"],
    "--now out of range": lambda tmp: ["check", str(_incident(tmp)), "--now", "1800-01-01T00:00:00+08:00"],
    # the incident file
    "missing file": lambda tmp: ["check", str(tmp / "absent.json")],
    "folder as file": lambda tmp: ["check", str(tmp) + "/"],
    "bad JSON": lambda tmp: ["check", _file(tmp, "bad.json", b'{"title": ')],
    "not UTF-8": lambda tmp: ["check", _file(tmp, "latin.json", b'{"title": "\xe9"}')],
    "not an object": lambda tmp: ["check", _file(tmp, "list.json", b"[1, 2]")],
    "unknown key": lambda tmp: ["check", _file(tmp, "key.json", b'{"schema": "incident-assistant/incident@3", "titel": "x"}')],
    "wrong type": lambda tmp: ["import", _file(tmp, "type.json", b'{"schema": "incident-assistant/incident@3", "title": 5}'), "--db", str(tmp / "d.sqlite3")],
    "bad enum": lambda tmp: [
        "check",
        _file(tmp, "enum.json", b'{"schema": "incident-assistant/incident@3", "reporter": {"category": "alien"}}'),
    ],
    "duplicate key": lambda tmp: ["check", _file(tmp, "dup.json", b'{"title": "a", "title": "b"}')],
    # an id instead of a file
    "id without a database": lambda tmp: ["check", "no-such-id", "--db", str(tmp / "none.sqlite3")],
    "unknown id": lambda tmp: ["check", "no-such-id", "--db", str(_db_with_incident(tmp))],
    "unknown id for pdf": lambda tmp: ["pdf", "no-such-id", "-o", str(tmp / "o.pdf"), "--db", str(_db_with_incident(tmp))],
    "unknown id for export": lambda tmp: ["export", "no-such-id", "-o", str(tmp / "o.json"), "--db", str(_db_with_incident(tmp))],
    # the database
    "not a database (list)": lambda tmp: ["list", "--db", _not_a_db(tmp)],
    "not a database (import)": lambda tmp: ["import", str(_incident(tmp)), "--db", _not_a_db(tmp)],
    "not a database (verify)": lambda tmp: ["verify", "--db", _not_a_db(tmp)],
    "not a database (check id)": lambda tmp: ["check", "some-id", "--db", _not_a_db(tmp)],
    "empty database file": lambda tmp: ["import", str(_incident(tmp)), "--db", _file(tmp, "empty.sqlite3", b"")],
    "folder as database": lambda tmp: ["import", str(_incident(tmp)), "--db", str(tmp)],
    "verify without a database": lambda tmp: ["verify", "--db", str(tmp / "none.sqlite3")],
    "broken audit chain": lambda tmp: ["verify", "--db", _broken_chain(tmp)],
    "malformed anchor": lambda tmp: ["verify", "--anchor", "12-XYZ", "--db", str(_db_with_incident(tmp))],
    "anchor not in the chain": lambda tmp: ["verify", "--anchor", "1-0000-0000-0000-0000", "--db", str(_db_with_incident(tmp))],
    "incident already imported": lambda tmp: ["import", _exported(tmp), "--db", str(tmp / "db.sqlite3")],
    # outputs
    "export over an existing file": lambda tmp: [
        "export",
        _imported_id(tmp),
        "-o",
        _file(tmp, "taken.json", b"{}"),
        "--db",
        str(tmp / "db.sqlite3"),
    ],
    "pdf over an existing file": lambda tmp: ["pdf", str(_incident(tmp)), "-o", _file(tmp, "taken.pdf", b"x"), "--now", NOW],
    "pdf into a folder": lambda tmp: ["pdf", str(_incident(tmp)), "-o", str(tmp), "--now", NOW],
    "one output named twice": lambda tmp: ["pdf", str(_incident(tmp)), "-o", str(tmp / "a.pdf"), "--fax-cover", str(tmp / "a.pdf"), "--now", NOW],
    "worksheet with e-mail": lambda tmp: ["pdf", str(_incident(tmp)), "-o", str(tmp / "w.pdf"), "--kind", "worksheet", "--eml", str(tmp / "m.eml")],
    "notice format that does not fit": lambda tmp: ["notice", str(_incident(tmp)), "--kind", "sms", "-o", str(tmp / "n.pdf"), "--format", "pdf"],
    "pdf into a missing folder": lambda tmp: ["pdf", str(_incident(tmp)), "-o", str(tmp / "absent" / "o.pdf"), "--now", NOW],
    "summary report before handling ended": lambda tmp: ["pdf", _without(tmp, "handling_ended_at"), "-o", str(tmp / "s.pdf"), "--kind", "summary"],
    "notice without its items": lambda tmp: ["notice", _without(tmp, "personal_info"), "--kind", "letter", "-o", str(tmp / "n.pdf"), "--now", NOW],
    "notice lacking an item of Article 57": lambda tmp: ["notice", _leak(tmp, contact=None), "--kind", "letter", "-o", str(tmp / "n.pdf"), "--now", NOW],
    "notice into a folder": lambda tmp: ["notice", _leak(tmp), "--kind", "sms", "-o", str(tmp), "--now", NOW],
    "backup over an existing file": lambda tmp: ["backup", _file(tmp, "taken.bak", b"x"), "--db", str(_db_with_incident(tmp))],
    "restore from a missing backup": lambda tmp: ["restore", str(tmp / "absent.bak"), "--db", str(tmp / "db.sqlite3")],
    "restore from a file that is no backup": lambda tmp: ["restore", _file(tmp, "junk.bak", b"junk" * 100), "--db", str(tmp / "db.sqlite3")],
}


def _imported_id(tmp: Path) -> str:
    db = tmp / "db.sqlite3"
    import io

    saved = sys.stdout
    sys.stdout = io.StringIO()
    try:
        assert main(["--db", str(db), "import", str(_incident(tmp))]) == 0
        return sys.stdout.getvalue().strip().splitlines()[-1]
    finally:
        sys.stdout = saved


def _exported(tmp: Path) -> str:
    """An incident exported from the database it is in (importing it again is refused)."""
    out = tmp / "exported.json"
    with _quiet():
        assert main(["--db", str(tmp / "db.sqlite3"), "export", _imported_id(tmp), "-o", str(out)]) == 0
    return str(out)


# Store failures a command meets while it runs (a lock held elsewhere, a read-only
# folder, a full disk): raised where the store opens, shown by the real command.
STORE_FAILURES = {"locked": StoreLocked, "read-only": StoreReadOnly, "disk full": StoreFull, "i/o": StoreIOError}
STORE_COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "import": lambda tmp: ["import", str(_incident(tmp))],
    "list": lambda tmp: ["list"],
    "backup": lambda tmp: ["backup", str(tmp / "copy.bak")],
}


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own exit
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _shown(text: str, tmp: Path) -> str:
    """The lines with the temporary folder as ``TMP`` and a fresh incident id as ``ID``."""
    return UUID.sub("ID", text.replace(str(tmp), "TMP"))


def _failures(tmp_root: Path, capsys: pytest.CaptureFixture[str], lang: str) -> Iterator[tuple[str, int, str]]:
    for name, setup in CASES.items():
        tmp = tmp_root / f"{lang}-{re.sub(r'[^a-z]+', '-', name)}"
        tmp.mkdir()
        args = setup(tmp)
        code, text = _run(["--lang", lang, *args], capsys)
        yield name, code, _shown(text, tmp)


def _store_failures(tmp_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str) -> Iterator[tuple[str, int, str]]:
    import core.cli.store_cmds as store_cmds
    from core.service import database_path

    for failure, cls in STORE_FAILURES.items():
        for command, setup in STORE_COMMANDS.items():
            tmp = tmp_root / f"{lang}-{failure.replace('/', '')}-{command}"
            tmp.mkdir()
            db = _db_with_incident(tmp)

            def refuse(where: Any, *args: Any, cls: type[StoreError] = cls, readonly: bool = False, **kwargs: Any) -> Any:
                error = cls(database_path(where), "database is locked" if cls is StoreLocked else None)
                raise reading(error) if readonly else error  # as the store words a failure of a command that only reads

            with monkeypatch.context() as patch:
                patch.setattr(store_cmds, "open_service", refuse)
                code, text = _run(["--lang", lang, "--db", str(db), *setup(tmp)], capsys)
            yield f"{failure} while {command}", code, _shown(text, tmp)


def test_every_failing_command_says_so_in_english_without_a_chinese_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    found = [*_failures(tmp_path, capsys, "en"), *_store_failures(tmp_path, capsys, monkeypatch, "en")]
    for name, code, text in found:
        assert code in (1, 2), (name, code, text)
        assert text.strip(), name
    chinese = [(name, text) for name, _, text in found if CJK.search(text)]
    assert chinese == []


def _record(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    found = [*_failures(tmp_path, capsys, "zh"), *_store_failures(tmp_path, capsys, monkeypatch, "zh")]
    return "".join(f"## {name} (exit {code})\n{text.rstrip()}\n" for name, code, text in found)


def test_in_chinese_every_failing_command_says_what_it_said_before(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    record = _record(tmp_path, capsys, monkeypatch)
    if os.environ.get("UPDATE_CLI_RECORD") == "1":
        RECORD.write_text(record, encoding="utf-8")
    assert record == RECORD.read_text(encoding="utf-8")


def _successes(tmp: Path) -> list[list[str]]:
    db = str(tmp / "db.sqlite3")
    incident = str(_incident(tmp))
    return [
        ["check", incident, "--now", NOW],
        ["import", incident, "--db", db],
        ["list", "--db", db, "--now", NOW],
        ["verify", "--db", db],
        ["backup", str(tmp / "copy.bak"), "--db", db],
        ["restore", str(tmp / "copy.bak"), "--db", db],
        ["pdf", incident, "-o", str(tmp / "r.pdf"), "--now", NOW, "--eml", str(tmp / "r.eml"), "--phone-script", str(tmp / "p.txt")],
        ["pdf", incident, "-o", str(tmp / "w.pdf"), "--kind", "worksheet", "--now", NOW],
        ["notice", _leak(tmp), "--kind", "sms", "-o", str(tmp / "n.txt"), "--now", NOW],
        ["list", "--db", str(tmp / "none.sqlite3")],
    ]


def test_what_every_command_prints_on_success_is_english_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The lines a command prints are worded in the command line's language; what is data
    (the id ``import`` prints last, paths, hashes, the user's words) stays as it is."""
    typed = sorted(_strings(json.loads(EXAMPLE.read_text(encoding="utf-8"))) | _strings(leak()), key=len, reverse=True)
    for args in _successes(tmp_path):
        code, text = _run(["--lang", "en", *args], capsys)
        assert code == 0, (args, text)
        for value in typed:  # the user's own words (a province, a unit's name) stay as typed
            text = text.replace(value, "")
        assert not CJK.search(text), (args[0], text)


def _strings(node: object) -> set[str]:
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict):
        return set().union(*map(_strings, node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*map(_strings, node)) if node else set()
    return set()
