"""The offline quick guide (product.md §8.4, F1): what the Measures require, what to do in
the first hour, and where the data lives, in Chinese or English, as simple HTML.

Every deadline is read from the rule pack, so a revised pack changes the guide too.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from core.rules import ObligationRule, RulePack


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _duty_line(rule: ObligationRule, lang: str, cite: Callable[[str], str]) -> str:
    """One obligation as a list item: recipient, time limit, article."""
    recipient = rule.recipient_en if lang == "en" and rule.recipient_en else rule.recipient
    if rule.hours is not None:
        limit = (
            f"within {_number(rule.hours)} hour{'' if rule.hours == 1 else 's'} of discovery" if lang == "en" else f"发现后最迟 {_number(rule.hours)} 小时内"
        )
    elif rule.days is not None:
        limit = f"within {rule.days} days after handling ends" if lang == "en" else f"处置工作结束后 {rule.days} 日内"
    else:
        limit = "promptly, no fixed time limit" if lang == "en" else "及时，没有固定时限"
    return f"<li><b>{escape(recipient)}</b>: {escape(limit)} ({escape(cite(rule.basis))})</li>"


_ZH = {
    "title": "快速指南",
    "require": "《{title}》要求什么",
    "require_intro": "从<b>发现或获知</b>事件的那一刻起计时。按单位情况，以下义务中适用的会出现在倒计时里：",
    "first_hour": "第一个小时做什么",
}

_ZH_STEPS = (
    "先记下发现时间（向导第一个问题），倒计时随即出现。",
    "隔离受影响的设备（拔网线、断开共享），不要关机、不要删除勒索信或日志。",
    "不知道的先选「不知道」，先报告已知情况；之后可以补报。",
    "按右侧倒计时最早的一项报送：电话报告时用复核页上的电话稿，并登记报送时间。",
    "涉嫌违法犯罪（例如被勒索）的，向公安机关报案。",
)

_ZH |= {
    "data": "数据存放在哪里",
    "data_text": "所有内容只保存在本机的数据库文件中：{path}。程序不联网，不会自动上传任何内容。可在「数据」菜单中备份和恢复。",
}

_EN = {
    "title": "Quick guide",
    "require": "What the {title} require",
    "require_intro": (
        "The clock starts when the incident is <b>discovered or learned of</b>. Those of the duties below that apply to your organisation appear as countdowns:"
    ),
    "first_hour": "What to do in the first hour",
}

_EN_STEPS = (
    "Record when it was discovered (the wizard's first question); the countdown appears at once.",
    "Isolate the affected devices (unplug the network, stop sharing); do not switch them off or delete ransom notes or logs.",
    "Answer 'don't know' where you don't know yet and report what you know; you can supplement later.",
    "Report to the earliest countdown first: for a phone report use the phone script on the review page, then record the submission time.",
    "If a crime is suspected (for example extortion), report it to the police.",
)

_EN |= {
    "data": "Where your data lives",
    "data_text": (
        "Everything is kept only in the database file on this computer: {path}."
        " The app never goes online and uploads nothing. Back up and restore from the Data menu."
    ),
}


def quick_guide(pack: RulePack, lang: str, data_path: str, cite: Callable[[str], str] = str) -> str:
    """The guide as HTML for ``lang`` ("zh" or "en"); ``data_path`` is the database file;
    ``cite`` writes an article citation in the UI's language."""
    words = _EN if lang == "en" else _ZH
    steps_text = _EN_STEPS if lang == "en" else _ZH_STEPS
    title = pack.title_en if lang == "en" and pack.title_en else pack.title
    duties = "".join(_duty_line(rule, lang, cite) for rule in pack.obligations)
    steps = "".join(f"<li>{escape(step)}</li>" for step in steps_text)
    return (
        f"<h2>{escape(words['title'])}</h2>"
        f"<h3>{escape(words['require'].format(title=title))}</h3>"
        f"<p>{words['require_intro']}</p><ul>{duties}</ul>"
        f"<h3>{escape(words['first_hour'])}</h3><ol>{steps}</ol>"
        f"<h3>{escape(words['data'])}</h3>"
        f"<p>{escape(words['data_text'].format(path=data_path))}</p>"
    )
