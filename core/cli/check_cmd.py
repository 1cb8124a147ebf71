"""``incident-assistant check FILE [--now ISO] [--json]``: validate, grade, list the
obligations with their deadlines, what is missing and what to watch (product.md §4.3).
The text form is a calm Chinese summary; ``--json`` prints the contract object."""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import Any

from core.assessment import Assessment, check
from core.cli.common import add_now, clock_from, resolve_incident
from core.cli.lang import t
from core.rules import RulePack, default_pack
from core.timeutil import display_beijing, time_left_text

STATUS_ZH = {
    "pending": "待报告",
    "overdue": "已超时，尽快报告",
    "met": "已按时报告",
    "late": "已报告（迟于期限）",
    "not_required": "无须依《办法》报告（一般事件）",
    "open": "待办（无法定时限，应及时）",
    "done": "已完成",
    "waiting": "处置结束后起算",
}
REPORTABLE_ZH = {"yes": "须报告（第四条：较大以上）", "no": "无须依《办法》报告（一般事件）", "undetermined": "待定（尚无影响数据，期限已照常起算）"}


def register(sub: Any) -> None:
    p = sub.add_parser("check", help=t("检查事件文件：定级、报告期限、缺项", "check an incident file: grade, reporting deadlines, missing items"),
                       description=t("校验事件文件，按附件定级，列出报告义务、期限和缺项。",
                                     "Validate an incident file, grade it by the annex, and list the reporting obligations, "
                                     "their deadlines and what is still missing."))
    p.add_argument("file", metavar="FILE", help=t("事件文件（incident-assistant/incident@1 或 @2 JSON）或数据库中的事件 id",
                                                  "incident file (incident-assistant/incident@1 or @2 JSON) or an incident id in the database"))
    add_now(p)
    p.add_argument("--json", action="store_true", help=t("输出机器可读的 JSON", "print machine-readable JSON"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pack = default_pack()
    now = clock_from(args.now).now()
    result = check(resolve_incident(args.file, args.db), pack, now)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, pack))
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_text(result: Assessment, pack: RulePack) -> str:
    doc, g = result.doc, result.grading
    lines: list[str] = []
    title = doc.get("title") or "（未命名事件）"
    lines.append(f"事件：{title}" + ("（演练）" if doc.get("drill") else ""))
    grade_name = pack.grade(g.grade).name
    basis = "手动定级" if g.basis == "manual" else "按附件计算"
    lines.append(f"定级：{grade_name}（{basis}）  {REPORTABLE_ZH[result.reportable]}")
    if g.basis == "manual":
        lines.append(f"  手动定级理由：{g.reason}；按附件计算为：{pack.grade(g.computed_grade).name}")
    for hit in g.triggered:
        value = "" if hit.value is None else f"（填报值：{hit.value}）"
        lines.append(f"  · {pack.grade(hit.grade).name}｜{hit.item}：{hit.text}{value}")
    lines.append("")
    lines.append(f"报告义务（北京时间；当前 {display_beijing(result.now)}）：")
    rows = [("接收方", "依据", "期限", "剩余", "状态")]
    for o in result.obligations:
        due = display_beijing(o.due) if o.due else ("—" if o.hours is None and o.days is None else "未定")
        left = time_left_text(o.due, result.now) if o.has_clock and o.due else "—"
        rows.append((o.recipient, o.basis, due, left, STATUS_ZH[o.status]))
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        lines.append("  " + "  ".join(_pad(r[i], widths[i]) for i in range(4)) + "  " + r[4])
    if result.escalations:
        lines.append("")
        lines.append("接收方的上报时限（供参考，不是您的期限，D5）：")
        for e in result.escalations:
            lines.append(f"  · {e.by} → {e.to}：收到后 {e.within_minutes} 分钟内（{e.basis}）")
    lines.append("")
    initial, complete = result.missing["initial"], result.missing["complete"]
    lines.append("首报尚缺（第七条第二款：可先报第一、二项）：" + ("无" if not initial else "、".join(initial)))
    lines.append("完整报告尚缺：" + ("无" if not complete else "、".join(complete)))
    if result.warnings:
        lines.append("")
        lines.append("提示：")
        for w in result.warnings:
            lines.append(f"  · {w.message()}")
    return "\n".join(lines)
