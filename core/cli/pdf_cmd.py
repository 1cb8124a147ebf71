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
from core.cli.lang import say, t
from core.clock import Clock, SystemClock
from core.report import KIND_NAMES, KINDS, ReportError, Stamp, render_report, render_report_docx, render_worksheet, write_atomic
from core.rules import default_pack
from core.vocab import ReportKind

REAL_CLOCK: Clock = SystemClock()  # what "earlier than now" is measured against (tests replace it)
WORKSHEET = "worksheet"  # 报送工作单: the reporter's own page, not a report (product.md §9.4)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "pdf",
        help=t("生成事件报告 PDF（及 12387 邮件草稿、电话稿、传真封面）", "render the report PDF (and the 12387 e-mail draft, phone script and fax cover)"),
        description=t(
            "按第七条（总结报告按第八条）生成网络安全事件报告 PDF。",
            "Render the cybersecurity incident report PDF as Article 7 lays it out (a summary report as Article 8 does).",
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE|ID",
        help=t(
            "事件文件（incident-assistant/incident@1、@2 或 @3 JSON）或数据库中的事件 id",
            "incident file (incident-assistant/incident@1, @2 or @3 JSON) or an incident id in the database",
        ),
    )
    p.add_argument("-o", "--output", metavar="OUT", required=True, help=t("输出的报告文件（.pdf 或 .docx）", "the report file to write (.pdf or .docx)"))
    p.add_argument(
        "--format",
        choices=("pdf", "docx"),
        default="pdf",
        help=t("pdf（默认）或 docx（可编辑的 Word 文件，内容相同）", "pdf (default) or docx (an editable Word file with the same content)"),
    )
    p.add_argument(
        "--kind",
        choices=(*KINDS, WORKSHEET),
        metavar="KIND",
        default=str(ReportKind.INITIAL),
        help=t(
            "报告类型：" + "、".join(f"{k}（{v}）" for k, v in KIND_NAMES.items()) + f"；{WORKSHEET}（报送工作单，本单位自用，不随报告报送）；默认 initial",
            "report kind: initial (first report), supplement (supplementary report), followup (follow-up report) "
            "or summary (summary report after handling ended); worksheet (the reporter's own worksheet, not sent); default initial",
        ),
    )
    add_now(p)
    p.add_argument(
        "--eml",
        metavar="OUT.eml",
        help=t("另存发往 12387 邮箱的邮件草稿（附报告 PDF）", "also write an e-mail draft to the 12387 mailbox (the report PDF attached)"),
    )
    p.add_argument(
        "--phone-script",
        metavar="OUT.txt",
        help=t("另存 12387 电话报告稿（第七条第一、二项）", "also write a script for reporting to 12387 by phone (items 1 and 2 of Article 7)"),
    )
    p.add_argument("--fax-cover", metavar="OUT.pdf", help=t("另存发往 12387 传真的封面页", "also write a cover page for faxing to 12387"))
    p.add_argument("--force", action="store_true", help=t("替换已有的输出文件", "replace existing output files"))
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
            print(f"已生成 {written}（报送工作单）")
            return 0
        if args.format == "docx":
            written = render_report_docx(doc, pack, args.kind, now, args.output, app_version=__version__, stamp=stamp)
            print(f"已生成 {written}（{KIND_NAMES[args.kind]}，Word 文件）")
            if anchor:
                print(f"记录校验码：{anchor}")
            return 0
        info = render_report(doc, pack, args.kind, now, args.output, app_version=__version__, stamp=stamp)
        print(f"已生成 {info.path}（{KIND_NAMES[args.kind]}，{info.pages} 页）")
        print(f"事件数据 SHA-256：{info.json_sha256}")
        print(f"PDF SHA-256：{info.pdf_sha256}")
        if anchor:
            print(f"记录校验码：{anchor}")
        if args.eml:
            write_atomic(Path(args.eml), filing.eml_draft(doc, pack, args.kind, info.path, now))
            print(f"已生成邮件草稿 {args.eml}")
        if args.phone_script:
            write_atomic(Path(args.phone_script), filing.phone_script(doc, pack, now).encode("utf-8"))
            print(f"已生成电话报告稿 {args.phone_script}")
        if args.fax_cover:
            filing.render_fax_cover(doc, pack, args.kind, now, args.fax_cover, info.pages)
            print(f"已生成传真封面 {args.fax_cover}")
    except ReportError as exc:
        raise CliError(said_line(exc)) from None
    except OSError as exc:
        where = user_path(exc.filename, outputs) or args.output
        raise CliError(say("cli_cannot_write", path=where, detail=exc.strerror or exc)) from None
    return 0
