"""``incident-assistant notice FILE|ID --kind letter|sms|announcement|authority -o OUT
[--format pdf|docx|txt] [--now ISO] [--force]``: write one personal-information notice of
个人信息保护法第五十七条 (product.md §8.3). The incident comes from a file or the database
(``resolve_incident``, as for ``pdf``); the file is written atomically, readable by its
owner only (it holds personal information) and an existing one is replaced only with
``--force``. Bad input, a missing item of 第五十七条第一款 or a format that does not fit the
kind exits 2 with one line on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core.cli.common import CliError, add_now, clock_from, resolve_incident
from core.cli.lang import current_language, say
from core.notice import FORMATS, NOTICE_KINDS, NoticeError, default_format, kind_name, render_notice
from core.rules import default_pack
from core.vocab import ReportKind


def register(sub: Any) -> None:
    p = sub.add_parser(
        str(ReportKind.NOTICE),  # the command is named after what it records: a notice
        help=say("help_notice"),
        description=say("help_notice_about"),
    )
    p.add_argument(
        "file",
        metavar="FILE|ID",
        help=say("help_notice_file"),
    )
    p.add_argument(
        "--kind",
        choices=NOTICE_KINDS,
        required=True,
        help=say(
            "help_notice_kind",
            kinds="、".join(f"{k}（{kind_name(k)}）" for k in NOTICE_KINDS),
            kinds_en=", ".join(f"{k} ({kind_name(k, 'en')})" for k in NOTICE_KINDS),
        ),
    )
    p.add_argument("-o", "--output", metavar="OUT", required=True, help=say("help_notice_output"))
    p.add_argument(
        "--format",
        choices=("pdf", "docx", "txt"),
        help=say("help_notice_format"),
    )
    add_now(p)
    p.add_argument("--force", action="store_true", help=say("help_force"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from core.files import WriteRefused, write_private_file  # lazy, as the other writers

    lang = current_language()
    fmt = args.format or default_format(args.kind)
    if fmt not in FORMATS[args.kind]:
        allowed = say("join_names").join(FORMATS[args.kind])
        raise CliError(say("notice_format_only", format=fmt, kind=kind_name(args.kind), kind_en=kind_name(args.kind, "en"), allowed=allowed))
    now = clock_from(args.now).now()
    doc = resolve_incident(args.file, args.db)
    try:
        data = render_notice(doc, default_pack(), args.kind, fmt, now, lang=lang)
        path = write_private_file(Path(args.output), data, force=args.force)
    except NoticeError as exc:
        raise CliError(str(exc)) from None
    except WriteRefused as exc:
        raise CliError(exc.message(lang)) from None
    print(say("cli_notice_written", path=path, kind=kind_name(args.kind), kind_en=kind_name(args.kind, "en"), format=fmt))
    return 0
