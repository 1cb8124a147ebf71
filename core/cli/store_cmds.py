"""The database subcommands (product.md §4.3): ``import FILE``, ``export ID -o FILE``,
``list [--json]``, ``verify``, ``backup OUT``, ``restore FROM``. Each is a thin client
of ``core.service``; store failures become one line on stderr (exit 2, or 1 when
``verify`` finds a corrupt file or a broken chain). The database is ``--db PATH``, else
``INCIDENT_ASSISTANT_DB``, else the user data folder. ``verify --anchor CODE`` also
checks a record anchor (「记录校验码」). ``list``, ``export``, ``verify``
and ``backup`` only read the database (``mode=ro``), so they work on a read-only folder, a full
disk and a file another program is writing; ``list`` prints every text through
``safe_text`` so no title or id can forge a row or drive the terminal.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core import field_paths as fp
from core.cli.common import CliError, add_now, clock_from, out_err, safe_text, said_line
from core.cli.lang import current_language, say
from core.clock import SystemClock
from core.files import WriteRefused, write_private_file
from core.incident import load_file
from core.service import (
    Anchor,
    AnchorFormatError,
    IncidentService,
    NotADatabase,
    StoreError,
    check_anchor,
    database_path,
    encryption_state,
    open_service,
    parse_anchor,
    restore_database,
    said,
    verify_database,
)
from core.timeutil import display_beijing, iso_beijing
from core.vocab import label, pack_name


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help=say("help_import"),
        description=say("help_import_about"),
    )
    p.add_argument("file", metavar="FILE", help=say("help_import_file"))
    p.add_argument("--new-id", action="store_true", help=say("help_import_new_id"))
    p.set_defaults(run=run_import)

    p = sub.add_parser(
        "export",
        help=say("help_export"),
        description=say("help_export_about"),
    )
    p.add_argument("id", metavar="ID", help=say("help_export_id"))
    p.add_argument("-o", "--output", metavar="FILE", required=True, help=say("help_export_output"))
    p.add_argument("--force", action="store_true", help=say("help_force"))
    p.set_defaults(run=run_export)

    p = sub.add_parser(
        "list",
        help=say("help_list"),
        description=say("help_list_about"),
    )
    p.add_argument("--json", action="store_true", help=say("help_list_json"))
    add_now(p)
    p.set_defaults(run=run_list)

    p = sub.add_parser(
        "verify",
        help=say("help_verify"),
        description=say("help_verify_about"),
    )
    p.add_argument(
        "--anchor",
        metavar="CODE",
        help=say("help_verify_anchor"),
    )
    p.set_defaults(run=run_verify)

    p = sub.add_parser(
        "backup",
        help=say("help_backup"),
        description=say("help_backup_about"),
    )
    p.add_argument("out", metavar="OUT", help=say("help_backup_out"))
    p.add_argument(
        "--plain",
        action="store_true",
        help=say("help_backup_plain"),
    )
    p.set_defaults(run=run_backup)

    p = sub.add_parser(
        "restore",
        help=say("help_restore"),
        description=say("help_restore_about"),
    )
    p.add_argument("source", metavar="FROM", help=say("help_restore_source"))
    p.set_defaults(run=run_restore)


def tell_kept_copies(service: IncidentService, *, already_said: Path | None = None) -> None:
    """Say once, on stderr, each copy of the database kept beside it that the user was not
    told about (one a killed restore left); ``already_said`` was just printed."""
    copies = service.untold_copies()
    for copy in copies:
        if copy != already_said:
            out_err(said("store_kept_copy", path=copy).render(current_language()))
    service.note_told(copies)


@contextmanager
def _service(args: argparse.Namespace, *, readonly: bool = False) -> Iterator[IncidentService]:
    try:
        service = open_service(args.db, SystemClock(), readonly=readonly)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    try:
        if not readonly:
            tell_kept_copies(service)
        yield service
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    finally:
        service.close()


def run_import(args: argparse.Namespace) -> int:
    data = load_file(args.file)
    with _service(args) as service:
        incident_id = service.import_document(data, new_id=args.new_id).id
        title = service.get_incident(incident_id).get(fp.TITLE) or say("cli_untitled")
    print(say("cli_imported", title=safe_text(title)))
    print(incident_id)
    return 0


def run_export(args: argparse.Namespace) -> int:
    with _service(args, readonly=True) as service:
        doc = service.export_document(args.id)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if args.output == "-":
        print(text, end="")
        return 0
    try:
        write_private_file(Path(args.output), text.encode("utf-8"), force=args.force)
    except WriteRefused as exc:
        raise CliError(said_line(exc)) from None
    return 0


def run_list(args: argparse.Namespace) -> int:
    now = clock_from(args.now).now()
    path = database_path(args.db)
    if not path.exists():
        rows, pack = [], None
    else:
        with _service(args, readonly=True) as service:
            rows = service.list_incidents(now)
            pack = service.pack
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "number": r.number,
                        "title": r.title,
                        "grade": r.grade,
                        "status": r.status,
                        "next_due": iso_beijing(r.next_due) if r.next_due else None,
                        "drill": r.drill,
                        "valid": r.valid,
                        "updated_at": iso_beijing(r.updated_at),
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not rows or pack is None:
        print(say("cli_list_empty"))
        return 0
    lang = current_language()
    for r in rows:
        print(
            say(
                "cli_list_row",
                number=safe_text(r.number or "—"),
                drill=say("cli_list_drill") if r.drill else "",
                draft=say("cli_list_draft") if not r.valid else "",
                title=safe_text(r.title or say("cli_untitled")),
                grade=safe_text(pack_name(pack.grade(r.grade), lang) if r.grade in pack.grade_ids() else r.grade),
                status=label(r.status, lang),
                due=say("cli_beijing_time", time=display_beijing(r.next_due)) if r.next_due else "—",
                id=safe_text(r.id),
            )
        )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    path = database_path(args.db)
    wanted = None
    if args.anchor is not None:
        try:
            wanted = parse_anchor(args.anchor)
        except AnchorFormatError as exc:
            raise CliError(say("cli_option", option="--anchor", message=safe_text(said_line(exc)))) from None
    if not path.exists():
        raise CliError(say("cli_db_missing", path=path))
    lang = current_language()
    try:
        result = verify_database(path)
    except NotADatabase as exc:
        raise CliError(say("cli_verify_not_a_db", error=said_line(exc))) from None
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    if result.ok:
        print(result.message(lang))
    else:
        out_err(f"{result.message(lang)}{say('cli_then')}{said('store_verify_restore').render(lang)}")
    if wanted is not None and result.integrity == "ok":
        return max(_verify_anchor(path, wanted), 0 if result.ok else 1)  # the anchor is checked even when verify found a problem elsewhere
    return 0 if result.ok else 1


def _verify_anchor(path: Path, wanted: Anchor) -> int:
    """The anchor line: exit 0 when the chain extends it, 1 naming the row that breaks it."""
    try:
        found = check_anchor(path, wanted)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    lang = current_language()
    if found.ok:
        print(found.line(lang))
        return 0
    out_err(said("store_anchor_failed", code=wanted.code, why=found.line(lang)).render(lang))
    return 1


def run_backup(args: argparse.Namespace) -> int:
    with _service(args, readonly=True) as service:
        encrypted = encryption_state(service.data_path()) != "plain"
        out = service.backup(args.out, plain=args.plain)
    print(say("cli_backed_up", path=out))
    if encrypted and args.plain:
        out_err(say("cli_backup_plain_warning", out=out))
    elif encrypted:
        print(say("cli_backup_encrypted_note", out=out))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    path = database_path(args.db)
    try:
        kept = restore_database(path, args.source, SystemClock())
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    print(say("cli_restored", source=args.source, path=path))
    if kept is not None:
        print(say("cli_restore_kept", path=kept))
    try:
        service = open_service(path, SystemClock())
    except StoreError:
        return 0  # restored; the note on older copies waits for the next command
    try:
        tell_kept_copies(service, already_said=kept)
    except StoreError:
        pass
    finally:
        service.close()
    return 0
