"""The quiet footer of every page of a report and a worksheet (PDF and Word),
beside 「第 n 页 / 共 m 页」. Below ``core.report`` and its renderers, which all use it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.timeutil import BEIJING

ANCHOR_LABEL = "记录校验码"  # core.store.anchor.LABEL (not imported: this package does not load the store)


def stated_time_line(now: datetime) -> str:
    """「按指定时刻 2026年11月24日 10:00 生成」 (Beijing time)."""
    local = now.astimezone(BEIJING)
    return f"按指定时刻 {local.year}年{local.month}月{local.day}日 {local:%H:%M} 生成"


def footer_left(report: Any) -> str:
    """The quiet footer of every page (PDF and Word), beside 「第 n 页 / 共 m 页」: the human
    incident number, the record anchor when the document comes from the database, and
    「按指定时刻 … 生成」 when the report time was set by hand in the past. Hashes and
    program versions go into the file's metadata, never on the page (product.md §9.4)."""
    parts = []
    if report.number:
        parts.append(f"事件编号 {report.number}")
    if report.footer.get("anchor"):
        parts.append(f"{ANCHOR_LABEL} {report.footer['anchor']}")
    if report.footer.get("stated"):
        parts.append(report.footer["stated"])
    return "\u3000".join(parts)
