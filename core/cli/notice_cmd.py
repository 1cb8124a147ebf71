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
from core.cli.lang import current_language, say, t
from core.notice import FORMATS, NOTICE_KINDS, NoticeError, default_format, kind_name, render_notice
from core.rules import default_pack
from core.vocab import ReportKind


def register(sub: Any) -> None:
    p = sub.add_parser(
        str(ReportKind.NOTICE),  # the command is named after what it records: a notice
        help=t("生成个人信息泄露通知（告知书、短信、公告、致主管部门的报告）", "write a personal-information notice (letter, SMS, public notice, cover note)"),
        description=t(
            "按个人信息保护法第五十七条生成通知：致受影响个人的告知书、短信、公告，或致履行个人信息保护职责部门的报告。"
            "每份通知都包含第五十七条第一款规定的三项内容，缺少任何一项时不生成。",
            "Write a notice under Article 57 of the Personal Information Protection Law: the letter to the individuals concerned, "
            "the SMS text, the public notice, or the cover note to the department performing personal-information protection duties. "
            "Each holds the three items of Article 57(1); none is written while one is missing.",
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE|ID",
        help=t(
            "事件文件（incident-assistant/incident@2 或 @3 JSON）或数据库中的事件 id",
            "incident file (incident-assistant/incident@2 or @3 JSON) or an incident id in the database",
        ),
    )
    p.add_argument(
        "--kind",
        choices=NOTICE_KINDS,
        required=True,
        help=t(
            "通知类型：" + "、".join(f"{k}（{kind_name(k)}）" for k in NOTICE_KINDS),
            "notice kind: " + ", ".join(f"{k} ({kind_name(k, 'en')})" for k in NOTICE_KINDS),
        ),
    )
    p.add_argument("-o", "--output", metavar="OUT", required=True, help=t("输出文件", "the file to write"))
    p.add_argument(
        "--format",
        choices=("pdf", "docx", "txt"),
        help=t(
            "pdf、docx（可编辑的 Word 文件）或 txt；短信只能为 txt（默认），其他默认 pdf；致主管部门的报告不生成 txt",
            "pdf, docx (an editable Word file) or txt; sms is txt only (its default), the others default to pdf; the cover note has no txt",
        ),
    )
    add_now(p)
    p.add_argument("--force", action="store_true", help=t("替换已有的输出文件", "replace an existing output file"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from core.files import WriteRefused, write_private_file  # lazy, as the other writers

    lang = current_language()
    fmt = args.format or default_format(args.kind)
    if fmt not in FORMATS[args.kind]:
        allowed = say("join_names").join(FORMATS[args.kind])
        raise CliError(say("cli_notice_format", format=fmt, kind=kind_name(args.kind), kind_en=kind_name(args.kind, "en"), allowed=allowed))
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
