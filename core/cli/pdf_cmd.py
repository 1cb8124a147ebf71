"""``incident-assistant pdf FILE -o OUT.pdf [--kind K] [--now ISO] [--eml OUT.eml]
[--phone-script OUT.txt] [--fax-cover OUT.pdf]``: render the report PDF (product.md
§4.4, §9.4) and, on request, the 12387 filing helpers (§4.5); ``--kind worksheet``
renders the reporter's own worksheet (报送工作单) instead of a report. A report of an incident in the
database carries the record anchor (「记录校验码」) of its audit
chain; one made with ``--now`` before the real clock says 「按指定时刻 … 生成」. Bad input, a summary report
before handling ended and unwritable outputs exit 2 with one Chinese line on stderr.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from core import __version__
from core.cli.common import CliError, add_now, clock_from, not_an_incident, refuse_overwrite, resolve_incident, said_line, user_path
from core.cli.lang import say
from core.clock import Clock, SystemClock
from core.report import KIND_NAMES, KINDS, ReportError, Stamp, render_report, render_report_docx, render_worksheet, write_atomic
from core.rules import default_pack
from core.vocab import ReportKind, label

REAL_CLOCK: Clock = SystemClock()  # what "earlier than now" is measured against (tests replace it)
WORKSHEET = "worksheet"  # 报送工作单: the reporter's own page, not a report (product.md §9.4)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "pdf",
        help=say("help_pdf"),
        description=say("help_pdf_about"),
    )
    p.add_argument(
        "file",
        metavar="FILE|ID",
        help=say("help_check_file"),
    )
    p.add_argument("-o", "--output", metavar="OUT", required=True, help=say("help_pdf_output"))
    p.add_argument(
        "--format",
        choices=("pdf", "docx"),
        default="pdf",
        help=say("help_pdf_format"),
    )
    p.add_argument(
        "--kind",
        choices=(*KINDS, WORKSHEET),
        metavar="KIND",
        default=str(ReportKind.INITIAL),
        help=say(
            "help_pdf_kind",
            kinds="、".join(f"{k}（{v}）" for k, v in KIND_NAMES.items()),
            kinds_en=", ".join(f"{k} ({label(k, 'en').lower()})" for k in KIND_NAMES),
            worksheet=WORKSHEET,
        ),
    )
    add_now(p)
    p.add_argument(
        "--eml",
        metavar="OUT.eml",
        help=say("help_pdf_eml"),
    )
    p.add_argument(
        "--phone-script",
        metavar="OUT.txt",
        help=say("help_pdf_phone_script"),
    )
    p.add_argument("--fax-cover", metavar="OUT.pdf", help=say("help_pdf_fax_cover"))
    p.add_argument("--force", action="store_true", help=say("help_pdf_force"))
    p.set_defaults(run=run)


def _is_file_arg(arg: str) -> bool:
    """As ``resolve_incident`` decides: a path, else an incident id in the database."""
    return Path(arg).is_file() or arg.lower().endswith(".json") or "/" in arg or "\\" in arg


def incident_and_anchor(arg: str, db: str | None) -> tuple[dict[str, Any], str | None]:
    """The incident (a file, or by id from the database) and, from the database, the record
    anchor of its audit chain read in the same read-only open; a file has no anchor."""
    if _is_file_arg(arg):
        return resolve_incident(arg, db), None
    from core.service import StoreError, database_path, open_service  # lazy: the database only for an id

    path = database_path(db)
    if not path.exists():
        return resolve_incident(arg, db), None  # its message: neither a file nor a database
    try:
        service = open_service(path, SystemClock(), readonly=True)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    try:
        if not service.has_incident(arg):
            raise CliError(not_an_incident(arg, path))
        return service.export_document(arg), service.record_anchor()
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    finally:
        service.close()


def stamp_for(args: argparse.Namespace, now: datetime, anchor: str | None, real: Clock) -> Stamp:
    """The footer's extras: the anchor, and 「按指定时刻 … 生成」 when ``--now`` lies before
    the ``real`` clock (a time set by hand must say so on the document)."""
    return Stamp(anchor=anchor, stated_time=args.now is not None and now < real.now())


def run(args: argparse.Namespace) -> int:
    from core.report import filing

    pack = default_pack()
    now = clock_from(args.now).now()
    outputs = (args.output, args.eml, args.phone_script, args.fax_cover)
    refuse_overwrite(outputs, force=args.force)
    doc, anchor = incident_and_anchor(args.file, args.db)
    stamp = stamp_for(args, now, anchor, REAL_CLOCK)
    try:
        if args.kind == WORKSHEET:
            if args.eml or args.phone_script or args.fax_cover:
                raise CliError(say("cli_worksheet_alone"))
            written = render_worksheet(doc, pack, now, args.output, app_version=__version__, fmt=args.format, stamp=stamp)
            print(say("cli_written_worksheet", path=written))
            return 0
        if args.format == "docx":
            written = render_report_docx(doc, pack, args.kind, now, args.output, app_version=__version__, stamp=stamp)
            print(say("cli_written_docx", path=written, kind=KIND_NAMES[args.kind], kind_en=label(args.kind, "en")))
            if anchor:
                print(say("cli_anchor", anchor=anchor))
            return 0
        info = render_report(doc, pack, args.kind, now, args.output, app_version=__version__, stamp=stamp)
        print(say("cli_written_pdf", path=info.path, kind=KIND_NAMES[args.kind], kind_en=label(args.kind, "en"), pages=info.pages))
        print(say("cli_data_sha256", sha256=info.json_sha256))
        print(say("cli_pdf_sha256", sha256=info.pdf_sha256))
        if anchor:
            print(say("cli_anchor", anchor=anchor))
        if args.eml:
            write_atomic(Path(args.eml), filing.eml_draft(doc, pack, args.kind, info.path, now))
            print(say("cli_written_eml", path=args.eml))
        if args.phone_script:
            write_atomic(Path(args.phone_script), filing.phone_script(doc, pack, now).encode("utf-8"))
            print(say("cli_written_phone_script", path=args.phone_script))
        if args.fax_cover:
            filing.render_fax_cover(doc, pack, args.kind, now, args.fax_cover, info.pages)
            print(say("cli_written_fax_cover", path=args.fax_cover))
    except ReportError as exc:
        raise CliError(said_line(exc)) from None
    except OSError as exc:
        where = user_path(exc.filename, outputs) or args.output
        raise CliError(say("cli_cannot_write", path=where, detail=exc.strerror or exc)) from None
    return 0
