"""The offline quick guide (``core.guide``, product.md §8.4): headings, the first hour's
steps and the duties' time limits. Some entries hold HTML (``<b>``), kept as they are."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "guide_title": ("快速指南", "Quick guide"),
    "guide_require": ("《{title}》要求什么", "What the {title} require"),
    "guide_require_intro": (
        "从<b>发现或获知</b>事件的那一刻起计时。按单位情况，以下义务中适用的会出现在倒计时里：",
        "The clock starts when the incident is <b>discovered or learned of</b>. Those of the duties below that apply "
        "to your organisation appear as countdowns:",
    ),
    "guide_within_hour": ("发现后最迟 {hours} 小时内", "within {hours} hour of discovery"),
    "guide_within_hours": ("发现后最迟 {hours} 小时内", "within {hours} hours of discovery"),
    "guide_within_days": ("处置工作结束后 {days} 日内", "within {days} days after handling ends"),
    "guide_promptly": ("及时，没有固定时限", "promptly, no fixed time limit"),
    "guide_first_hour": ("第一个小时做什么", "What to do in the first hour"),
    "guide_step_record": (
        "先记下发现时间（向导第一个问题），倒计时随即出现。",
        "Record when it was discovered (the wizard's first question); the countdown appears at once.",
    ),
    "guide_step_isolate": (
        "隔离受影响的设备（拔网线、断开共享），不要关机、不要删除勒索信或日志。",
        "Isolate the affected devices (unplug the network, stop sharing); do not switch them off or delete ransom notes or logs.",
    ),
    "guide_step_unknown": (
        "不知道的先选「不知道」，先报告已知情况；之后可以补报。",
        "Answer 'don't know' where you don't know yet and report what you know; you can supplement later.",
    ),
    "guide_step_earliest": (
        "按右侧倒计时最早的一项报送：电话报告时用复核页上的电话稿，并登记报送时间。",
        "Report to the earliest countdown first: for a phone report use the phone script on the review page, then record the submission time.",
    ),
    "guide_step_police": ("涉嫌违法犯罪（例如被勒索）的，向公安机关报案。", "If a crime is suspected (for example extortion), report it to the police."),
    "guide_data": ("数据存放在哪里", "Where your data lives"),
    "guide_data_text": (
        "所有内容只保存在本机的数据库文件中：{path}。程序不联网，不会自动上传任何内容。可在「数据」菜单中备份和恢复。",
        "Everything is kept only in the database file on this computer: {path}. The app never goes online and uploads nothing. "
        "Back up and restore from the Data menu.",
    ),
}
