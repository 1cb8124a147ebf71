"""Reminders and the clock's warnings (``core.reminders``, ``core.clockcheck``): what the
desktop says when a deadline comes near or the computer's clock cannot be trusted."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # the clock (product.md §5) and spans of time
    "clock_rollback": (
        "电脑时钟比上次使用时早了 {span}（现在 {now}，上次记录 {before}，均为北京时间）。请核对电脑时间，否则剩余时间会显示偏多。",
        "The computer's clock is {span} behind the last time this app was used (now {now}, last recorded {before}, "
        "both Beijing time). Check the computer's time, or the time left will show too much.",
    ),
    "clock_jumped_back": (
        "电脑时钟刚刚往回拨了 {span}。报告期限按北京时间计算，请核对电脑时间。",
        "The computer's clock just jumped back {span}. Reporting deadlines are computed in Beijing time; check the computer's time.",
    ),
    "clock_jumped_forward": (
        "电脑时钟刚刚往前跳了 {span}。报告期限按北京时间计算，请核对电脑时间。",
        "The computer's clock just jumped forward {span}. Reporting deadlines are computed in Beijing time; check the computer's time.",
    ),
    "clock_zone": (
        "电脑时区不是北京时间（当前 UTC{hours}）。本软件的所有期限都按北京时间（UTC+8）显示和计算，与电脑右下角的时间可能不同。",
        "The computer's time zone is not Beijing time (now UTC{hours}). Every deadline in this app is shown and "
        "computed in Beijing time (UTC+8) and may differ from the time on the computer's taskbar.",
    ),
    "span_minutes": ("{minutes} 分钟", "{minutes} min"),
    "span_hours": ("{hours} 小时 {minutes} 分钟", "{hours} h {minutes} min"),
    "span_days": ("{days} 天", "{days} days"),
    "span_day": ("{days} 天", "{days} day"),
    "span_whole_hours": ("{hours} 小时", "{hours} h"),
    "span_ago": ("{span}前", "{span} ago"),
    "span_later": ("{span}后", "in {span}"),
    "just_now": ("刚刚", "just now"),
    "day_yesterday": ("昨天", "yesterday"),
    # reminders
    "reminder_overflow": (
        "另有 {count} 项报告期限临近或已过，请查看事件列表中标红的事件。",
        "{count} more reporting deadlines are near or past; see the incidents marked red in the list.",
    ),
    "reminder_overdue": (
        "「{title}」向{who}报告{left}（期限 {due} 北京时间），请尽快报告。",
        "'{title}': the report to {who} is {left} (due {due} Beijing time). Report as soon as you can.",
    ),
    "reminder_left": ("「{title}」向{who}报告还剩 {left}（期限 {due} 北京时间）。", "'{title}': {left} left to report to {who} (due {due} Beijing time)."),
    "reminder_internal": (
        "内部提醒（非法定）：「{title}」发现个人信息可能受影响已 {hours} 小时（{since} 北京时间），依法应立即通知{who}。",
        "Internal reminder (not a statutory deadline): '{title}': personal information was or may have been affected "
        "{hours} h ago (discovered {since} Beijing time). The law says notify {who} at once.",
    ),
    "reminder_projection": (
        "「{title}」{condition}，北京时间 {at} 起已为{grade}事件，请查看报告期限。",
        "'{title}': from {at} Beijing time the incident is graded {grade} ({condition_en}). Check the deadlines.",
    ),
}
