"""Two tabs of the incident desk: the timeline (one line to add an entry, back-dated if
needed) and the attachments (drag and drop or 添加附件…, SHA-256 shown, opened with the
system viewer from a private temporary copy). Both write through the ``StoreHub``; a
store error is shown beside the input and what was typed stays."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import field_paths as fp
from core.incident import Doc
from core.service import StoreError
from core.timeutil import display_beijing
from gui import dialogs
from gui.hub import StoreHub
from gui.i18n import join_clauses, said, tr
from gui.submission import beijing_edit, read_beijing, set_beijing

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024  # ours, not the law's: keeps the database file manageable


def _table(object_name: str, headers: list[str], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(accessible)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class TimelinePane(QWidget):
    """objectName ``timelinePane``: ``timelineTable``, ``timelineAt``, ``timelineText``,
    ``timelineAdd``, ``timelineMessage``. The time follows the clock until the user
    changes it (to back-date an entry)."""

    def __init__(self, hub: StoreHub, now: Callable[[], datetime]) -> None:
        super().__init__()
        self.setObjectName("timelinePane")
        self.hub, self.now = hub, now
        self.incident_id: str | None = None
        layout = QVBoxLayout(self)
        self.table = _table("timelineTable", [tr("时间（北京时间）"), tr("经过")], tr("事件时间线"))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.at = beijing_edit("timelineAt", now(), now)
        self.at.line.setAccessibleName(tr("时间线条目的时间（北京时间）"))
        self.at.line.setToolTip(tr("默认是现在；补记以前发生的事时改成当时的时间。"))
        self._follow_clock = True
        self._setting_clock = False
        self.at.line.textEdited.connect(self._touched)
        self.text = QLineEdit()
        self.text.setObjectName("timelineText")
        self.text.setPlaceholderText(tr("一句话记下发生了什么，回车添加"))
        self.text.setAccessibleName(tr("时间线条目"))
        self.text.returnPressed.connect(self.add)
        self.add_button = QPushButton(tr("添加(&A)"))
        self.add_button.setObjectName("timelineAdd")
        self.add_button.clicked.connect(self.add)
        row.addWidget(self.at)
        row.addWidget(self.text, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.message = QLabel("")
        self.message.setObjectName("timelineMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _touched(self) -> None:
        if not self._setting_clock:
            self._follow_clock = False

    def tick(self, now: datetime) -> None:
        if self._follow_clock:
            self._setting_clock = True
            set_beijing(self.at, now)
            self._setting_clock = False

    def show_doc(self, incident_id: str | None, doc: Doc | None) -> None:
        if incident_id != self.incident_id:
            self.message.setText("")
        self.incident_id = incident_id
        entries = sorted((doc or {}).get(fp.TIMELINE) or [], key=lambda e: datetime.fromisoformat(e["at"]))
        _fill(self.table, [[display_beijing(datetime.fromisoformat(e["at"])), e["text"]] for e in entries])
        self.table.scrollToBottom()
        for w in (self.at, self.text, self.add_button):
            w.setEnabled(incident_id is not None)

    def add(self) -> None:
        text = self.text.text().strip()
        if self.incident_id is None:
            return
        if not text:
            self.message.setText(tr("请先写一句发生了什么。"))
            self.text.setFocus()
            return
        at = read_beijing(self.at)
        if at is None:  # unreadable or in the future: the field says which, what was typed stays
            self.message.setText(self.at.problem or tr("时间晚于现在，请核对（时间线只记已经发生的事）。"))
            self.at.line.setFocus()
            return
        try:
            self.hub.add_timeline(self.incident_id, at.isoformat(timespec="seconds"), text)
        except StoreError as exc:
            self.message.setText(said(exc))  # what was typed stays in the box
            return
        self.text.clear()
        self._follow_clock = True
        self.tick(self.now())
        self.message.setText(tr("已添加：{t}").format(t=display_beijing(at)))


class AttachmentPane(QWidget):
    """objectName ``attachmentPane``: ``attachmentTable`` (name, size, added, SHA-256),
    ``attachmentAdd``, ``attachmentOpen``, ``attachmentMessage``; files can be dropped on it."""

    def __init__(self, hub: StoreHub) -> None:
        super().__init__()
        self.setObjectName("attachmentPane")
        self.hub = hub
        self.incident_id: str | None = None
        self.rows: list[dict[str, Any]] = []
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        hint = QLabel(tr("把截图、勒索信、日志等文件拖到这里，或点「添加附件」。文件复制进本机数据库，并记下 SHA-256 指纹。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = _table("attachmentTable", [tr("文件"), tr("大小"), tr("加入时间（北京时间）"), tr("SHA-256")], tr("附件"))
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("添加附件(&T)…"))
        self.add_button.setObjectName("attachmentAdd")
        self.add_button.clicked.connect(self.pick)
        self.open_button = QPushButton(tr("打开(&O)"))
        self.open_button.setObjectName("attachmentOpen")
        self.open_button.setToolTip(tr("用系统自带的程序打开一份临时副本"))
        self.open_button.clicked.connect(self.open_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel("")
        self.message.setObjectName("attachmentMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        QShortcut(QKeySequence.StandardKey.Open, self.table, self.open_selected)

    def show_doc(self, incident_id: str | None) -> None:
        if incident_id != self.incident_id:
            self.message.setText("")
        self.incident_id = incident_id
        self.rows = self.hub.attachments(incident_id) if incident_id else []
        _fill(self.table, [[r["name"], _size(r["size"]), _added(r["added_at"]), r["sha256"]] for r in self.rows])
        for row, r in enumerate(self.rows):
            item = self.table.item(row, 3)
            if item is not None:  # _fill made every cell
                item.setToolTip(r["sha256"])
        for w in (self.add_button, self.open_button):
            w.setEnabled(incident_id is not None)

    def pick(self) -> None:
        path = dialogs.open_file(self, tr("选择附件"), tr("所有文件 (*)"))
        if path:
            self.add_files([path])

    def add_files(self, paths: list[str]) -> None:
        if self.incident_id is None:
            self.message.setText(tr("请先在左侧选择一个事件。"))
            return
        added, problems = [], []
        for path in paths:
            file = Path(path)
            if not file.is_file():
                problems.append(tr("「{n}」不是文件（文件夹请先压缩）").format(n=file.name))
                continue
            if file.stat().st_size > MAX_ATTACHMENT_BYTES:
                problems.append(tr("「{n}」超过 200 MB，请只附必要的部分").format(n=file.name))
                continue
            try:
                info = self.hub.add_attachment(self.incident_id, str(file))
            except StoreError as exc:
                problems.append(said(exc))
                continue
            added.append(tr("「{n}」SHA-256 {h}").format(n=info["name"], h=info["sha256"]))
        lines = ([tr("已加入：") + join_clauses(added)] if added else []) + ([tr("未加入：") + join_clauses(problems)] if problems else [])
        self.message.setText("\n".join(lines))

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(tr("请先在表中选中一个附件。"))
            return
        row = self.rows[rows[0].row()]
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="incident-assistant-")
        folder = Path(self._tmp.name) / str(row["id"])
        folder.mkdir(exist_ok=True)
        target = folder / Path(row["name"]).name
        try:
            target.write_bytes(self.hub.attachment_content(int(row["id"])))
        except (OSError, StoreError) as exc:
            self.message.setText(tr("无法打开「{n}」：{e}").format(n=row["name"], e=said(exc)))
            return
        if dialogs.open_with_system(str(target)):
            self.message.setText(tr("已用系统程序打开「{n}」的副本；原件保存在数据库中，不会被改动。").format(n=row["name"]))
        else:
            self.message.setText(tr("系统没有能打开「{n}」的程序。副本在：{p}").format(n=row["name"], p=target))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.incident_id and event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _added(at: str) -> str:
    try:
        return display_beijing(datetime.fromisoformat(at))
    except ValueError:
        return at
