"""``incident-assistant check FILE [--now ISO] [--json]``: validate, grade, list the
obligations with their deadlines, what is missing and what to watch (product.md §4.3).
The text form is a calm summary in the CLI's language (the pack's English twins and
translated citations under ``--lang en``); ``--json`` prints the contract object, whose
messages follow the language too."""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import Any

from core import field_paths as fp
from core.assessment import Assessment, check, projection_sentence
from core.cli.common import add_now, clock_from, resolve_incident, safe_text
from core.cli.lang import current_language, t
from core.fields import statutory_label
from core.pack_text import cite, escalation, recipient
from core.rules import RulePack, default_pack
from core.timeutil import display_beijing, time_left_text
from core.vocab import label, pack_name


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help=t("检查事件文件：定级、报告期限、缺项", "check an incident file: grade, reporting deadlines, missing items"),
        description=t(
            "校验事件文件，按附件定级，列出报告义务、期限和缺项。",
            "Validate an incident file, grade it by the annex, and list the reporting obligations, their deadlines and what is still missing.",
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=t(
            "事件文件（incident-assistant/incident@1、@2 或 @3 JSON）或数据库中的事件 id",
            "incident file (incident-assistant/incident@1, @2 or @3 JSON) or an incident id in the database",
        ),
    )
    add_now(p)
    p.add_argument("--json", action="store_true", help=t("输出机器可读的 JSON", "print machine-readable JSON"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pack = default_pack()
    now = clock_from(args.now).now()
    result = check(resolve_incident(args.file, args.db), pack, now)
    if args.json:
        print(json.dumps(result.as_json(current_language()), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, pack))
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_text(result: Assessment, pack: RulePack, lang: str | None = None) -> str:
    """The calm text form of ``check``, in the CLI's language. Every text that came from
    the file is escaped, so no title can forge a line or drive the terminal."""
    lang = lang or current_language()
    doc, g = result.doc, result.grading
    lines: list[str] = []
    title = safe_text(doc.get(fp.TITLE) or t("（未命名事件）", "(untitled incident)"))
    number = f"{safe_text(doc['number'])} " if isinstance(doc.get(fp.NUMBER), str) else ""
    lines.append(t("事件：", "Incident: ") + number + title + (t("（演练）", " (drill)") if doc.get(fp.DRILL) else ""))
    grade_name = pack_name(pack.grade(g.grade), lang)
    basis = t("手动定级", "manual grade") if g.basis == "manual" else t("按附件计算", "computed by the Annex")
    lines.append(t(f"定级：{grade_name}（{basis}）  ", f"Grade: {grade_name} ({basis})  ") + label(result.reportable, lang))
    if g.basis == "manual":
        computed = pack_name(pack.grade(g.computed_grade), lang)
        lines.append(
            t(
                f"  手动定级理由：{safe_text(g.reason or '')}；按附件计算为：{computed}",
                f"  Reason for the manual grade: {safe_text(g.reason or '')}; the Annex gives: {computed}",
            )
        )
    for hit in g.triggered:
        value = "" if hit.value is None else t(f"（填报值：{hit.value}）", f" (value: {hit.value})")
        item, text = cite(hit.item, lang), safe_text(hit.describe(lang))
        lines.append(
            f"  · {pack_name(pack.grade(hit.grade), lang)}｜{item}：{text}{value}"
            if lang != "en"
            else f"  · {pack_name(pack.grade(hit.grade), lang)} | {item}: {text}{value}"
        )
    for projection in result.projections:  # D18: what a running duration will do to the grade
        sentence = projection_sentence(result, pack, lang, projection)
        if sentence:
            lines.append(f"  → {sentence}")
    lines.append("")
    lines.append(t(f"报告义务（北京时间；当前 {display_beijing(result.now)}）：", f"Reporting obligations (Beijing time; now {display_beijing(result.now)}):"))
    rows = [(t("接收方", "Recipient"), t("依据", "Basis"), t("期限", "Due"), t("剩余", "Left"), t("状态", "Status"))]
    for o in result.obligations:
        due = display_beijing(o.due) if o.due else ("—" if o.hours is None and o.days is None else t("未定", "not yet known"))
        left = time_left_text(o.due, result.now, lang) if o.has_clock and o.due else "—"
        rows.append((safe_text(recipient(o, pack, lang)), cite(o.basis, lang), due, left, label(o.status, lang)))
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        lines.append("  " + "  ".join(_pad(r[i], widths[i]) for i in range(4)) + "  " + r[4])
    for o in result.obligations:
        if o.reason:  # D4a: why a duty stays open for a 一般 incident
            reason = (o.reason_en or o.reason) if lang == "en" else o.reason
            who = safe_text(recipient(o, pack, lang))
            lines.append(f"  · {who}：{safe_text(reason)}" if lang != "en" else f"  · {who}: {safe_text(reason)}")
    if result.escalations:
        lines.append("")
        lines.append(t("接收方的上报时限（供参考，不是您的期限）：", "What your recipient must pass on, and how fast (for information; not your deadline):"))
        for e in result.escalations:
            by, to = escalation(e, pack, lang)
            lines.append(
                t(
                    f"  · {by} → {to}：收到后 {e.within_minutes} 分钟内（{e.basis}）",
                    f"  · {by} → {to}: within {e.within_minutes} minutes of receiving it ({cite(e.basis, lang)})",
                )
            )
    lines.append("")
    none = t("无", "none")
    sep = t("、", ", ")
    initial = [statutory_label(k, pack, lang) for k in result.missing["initial"]]
    complete = [statutory_label(k, pack, lang) for k in result.missing["complete"]]
    lines.append(
        t("首报尚缺（第七条第二款：可先报第一、二项）：", "Missing for a first report (Art. 7(2): items 1 and 2 may go first): ") + (sep.join(initial) or none)
    )
    lines.append(t("完整报告尚缺：", "Missing for a complete report: ") + (sep.join(complete) or none))
    if result.warnings:
        lines.append("")
        lines.append(t("提示：", "Notes:"))
        for w in result.warnings:
            lines.append(f"  · {safe_text(w.message(lang))}")
    return "\n".join(lines)
