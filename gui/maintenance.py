"""Menu actions that look after the data and the app: organisation profile, backup,
restore, about. Every dialog goes through ``gui.dialogs`` (tests replace it); store errors
come back as their one-line Chinese message, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtWidgets import QWidget

from core import __version__
from core.service import PassphraseNeeded, StoreError
from core.timeutil import beijing
from gui import dialogs
from gui.hub import StoreHub
from gui.i18n import pick, said, tr

if TYPE_CHECKING:
    from core.rules import RulePack


def backup(parent: QWidget | None, hub: StoreHub) -> str:
    """Ask where, write a verified backup there; returns what happened, in one sentence."""
    hub.flush()
    stamp = beijing(hub.now()).strftime("%Y%m%d-%H%M")
    target = dialogs.save_file(parent, tr("备份到"), str(Path.home() / f"incident-assistant-backup-{stamp}.sqlite3"), tr("数据库备份 (*.sqlite3)"))
    if not target:
        return tr("已取消备份。")
    try:
        written = hub.backup(target)
    except StoreError as exc:
        return said(exc)
    return tr("已备份并校验：{p}").format(p=written)


def restore(parent: QWidget | None, hub: StoreHub) -> str:
    """Pick a backup, confirm, restore it (the current file is kept as a copy)."""
    source = dialogs.open_file(parent, tr("选择备份文件"), tr("数据库备份 (*.sqlite3 *.sqlite *.db *.bak);;所有文件 (*)"))
    if not source:
        return tr("已取消恢复。")
    if not dialogs.ask(parent, tr("从备份恢复"), tr("用备份「{p}」替换当前数据？当前数据会先另存一份，不会丢失。").format(p=source)):
        return tr("已取消恢复。")
    try:
        kept = _restore_unlocking(parent, hub, source)
    except StoreError as exc:
        return said(exc)
    if kept is False:
        return tr("已取消恢复。")
    return tr("已从备份恢复。原来的数据另存在：{p}").format(p=kept) if kept else tr("已从备份恢复。")


def _restore_unlocking(parent: QWidget | None, hub: StoreHub, source: str) -> str | None | Literal[False]:
    """Restore ``source``; an encrypted backup whose key is not held asks for its passphrase
    (or recovery key) first. False when she gave up at that question."""
    try:
        return hub.restore(source)
    except PassphraseNeeded:
        from gui import encryption

        if encryption.ask_to_unlock(parent, Path(source), title=tr("恢复加密的备份：请输入它的口令")) is None:
            return False
        return hub.restore(source)


def about_text(pack: RulePack) -> str:
    return tr(
        "网络安全事件报告助手 {v}\n规则包 {pid} {pv}\n依据：《{title}》（{date}，{force} 起施行）\n来源：{src}\n本软件不联网，所有数据只保存在本机。"
    ).format(v=__version__, pid=pack.id, pv=pack.version, title=pick(pack.title, pack.title_en), date=pack.text_date, force=pack.in_force, src=pack.source)
