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
from core.cli.lang import current_language, say
from core.fields import statutory_label
from core.pack_text import cite, escalation, recipient
from core.rules import RulePack, default_pack
from core.text import pick, text
from core.timeutil import display_beijing, time_left_text
from core.vocab import label, pack_name


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help=say("help_check"),
        description=say("help_check_about"),
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=say("help_check_file"),
    )
    add_now(p)
    p.add_argument("--json", action="store_true", help=say("help_check_json"))
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
    title = safe_text(doc.get(fp.TITLE) or text("cli_untitled", lang))
    number = f"{safe_text(doc['number'])} " if isinstance(doc.get(fp.NUMBER), str) else ""
    lines.append(text("cli_incident", lang) + number + title + (text("cli_drill", lang) if doc.get(fp.DRILL) else ""))
    grade_name = pack_name(pack.grade(g.grade), lang)
    basis = text("cli_manual_grade" if g.basis == "manual" else "cli_computed_grade", lang)
    lines.append(text("cli_grade", lang, grade=grade_name, basis=basis) + label(result.reportable, lang))
    if g.basis == "manual":
        computed = pack_name(pack.grade(g.computed_grade), lang)
        lines.append(text("cli_manual_reason", lang, reason=safe_text(g.reason or ""), computed=computed))
    for hit in g.triggered:
        value = "" if hit.value is None else text("cli_typed_value", lang, value=hit.value)
        grade = pack_name(pack.grade(hit.grade), lang)
        lines.append(text("cli_triggered", lang, grade=grade, item=cite(hit.item, lang), text=safe_text(hit.describe(lang)), value=value))
    for projection in result.projections:  # D18: what a running duration will do to the grade
        sentence = projection_sentence(result, pack, lang, projection)
        if sentence:
            lines.append(f"  → {sentence}")
    lines.append("")
    lines.append(text("cli_obligations", lang, now=display_beijing(result.now)))
    rows = [tuple(text(f"cli_column_{column}", lang) for column in ("recipient", "basis", "due", "left", "status"))]
    for o in result.obligations:
        due = display_beijing(o.due) if o.due else ("—" if o.hours is None and o.days is None else text("cli_due_unknown", lang))
        left = time_left_text(o.due, result.now, lang) if o.has_clock and o.due else "—"
        rows.append((safe_text(recipient(o, pack, lang)), cite(o.basis, lang), due, left, label(o.status, lang)))
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        lines.append("  " + "  ".join(_pad(r[i], widths[i]) for i in range(4)) + "  " + r[4])
    for o in result.obligations:
        if o.reason:  # D4a: why a duty stays open for a 一般 incident
            reason = pick(o.reason, o.reason_en, lang)
            lines.append(text("cli_reason", lang, who=safe_text(recipient(o, pack, lang)), reason=safe_text(reason)))
    if result.escalations:
        lines.append("")
        lines.append(text("cli_escalations", lang))
        for e in result.escalations:
            by, to = escalation(e, pack, lang)
            lines.append(text("cli_escalation", lang, by=by, to=to, minutes=e.within_minutes, basis=e.basis, basis_en=cite(e.basis, lang)))
    lines.append("")
    none = text("cli_none", lang)
    sep = text("join_names", lang)
    initial = [statutory_label(k, pack, lang) for k in result.missing["initial"]]
    complete = [statutory_label(k, pack, lang) for k in result.missing["complete"]]
    lines.append(text("cli_missing_initial", lang) + (sep.join(initial) or none))
    lines.append(text("cli_missing_complete", lang) + (sep.join(complete) or none))
    if result.warnings:
        lines.append("")
        lines.append(text("cli_notes", lang))
        for w in result.warnings:
            lines.append(f"  · {safe_text(w.message(lang))}")
    return "\n".join(lines)
