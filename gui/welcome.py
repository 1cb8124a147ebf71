"""First start (no incident yet): one calm screen. The big button starts a new incident
at once (the clock is what matters); the organisation profile can be filled in here or
skipped, and the example incident can be opened as a drill to see how everything works."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from core import field_paths as fp
from core import resources
from gui.i18n import tr
from gui.profile import SHORT, ProfileForm
from gui.widgets import fit_on_screen

EXAMPLE = "examples/clinic-ransomware.json"


def example_drill() -> dict[str, Any]:
    """The bundled example as a drill (演练), without an id, ready to import."""
    doc: dict[str, Any] = json.loads(resources.path(EXAMPLE).read_text(encoding="utf-8"))
    doc.pop(fp.ID, None)
    doc[fp.DRILL] = True
    doc[fp.TITLE] = tr("【示例演练】") + str(doc.get(fp.TITLE) or "")
    return doc


class WelcomeWindow(QWidget):
    """objectName ``WelcomeWindow``. Emits ``startIncident`` or ``openExample`` once."""

    startIncident = Signal()
    openExample = Signal()
    encryptRequested = Signal()  # the quiet offer under the example: never in the way of the first hour

    def __init__(self, profile: dict[str, Any], save_profile: Callable[[dict[str, Any]], None]) -> None:
        super().__init__()
        self.setObjectName("WelcomeWindow")
        self.setWindowTitle(tr("网络安全事件报告助手"))
        self._save_profile = save_profile
        layout = QVBoxLayout(self)
        head = QLabel(tr("欢迎使用网络安全事件报告助手"))
        font = head.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        head.setFont(font)
        layout.addWidget(head)
        note = QLabel(tr("如果现在就发生了事件：直接点下面的按钮，先记下发现时间，报告期限会立即显示。所有内容自动保存在本机，不联网。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.start_button = QPushButton(tr("发生了事件，立即开始"))
        self.start_button.setObjectName("startIncident")
        self.start_button.setMinimumHeight(48)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        layout.addWidget(self.start_button)

        box = QGroupBox(tr("单位资料（可跳过，以后每次报告自动填入）"))
        self.form = ProfileForm(profile, SHORT, box)
        QVBoxLayout(box).addWidget(self.form)
        self.inputs, self.category, self.message = self.form.inputs, self.form.category, self.form.message
        layout.addWidget(box)
        self.example_button = QPushButton(tr("先看看：打开示例事件（演练）"))
        self.example_button.setObjectName("openExample")
        self.example_button.clicked.connect(self._example)
        layout.addWidget(self.example_button)
        layout.addStretch(1)
        self.encrypt_button = QPushButton(tr("可选：给数据库加密（这台电脑丢失或被他人使用时，事件和个人信息不被读到）…"))
        self.encrypt_button.setObjectName("offerEncryption")
        self.encrypt_button.setFlat(True)
        self.encrypt_button.setAutoDefault(False)
        self.encrypt_button.clicked.connect(self.encryptRequested.emit)
        self.encrypt_note = QLabel("")
        self.encrypt_note.setObjectName("encryptionOutcome")
        self.encrypt_note.setWordWrap(True)
        self.encrypt_note.hide()
        layout.addWidget(self.encrypt_button)
        layout.addWidget(self.encrypt_note)
        fit_on_screen(self, 620, 520)

    def encrypted(self, outcome: str) -> None:
        """What 加密 ended with: said under the offer, which goes once it is done."""
        if outcome:
            self.encrypt_button.hide()
            self.encrypt_note.setText(outcome)
            self.encrypt_note.show()

    def profile(self) -> dict[str, Any]:
        return self.form.values()

    def _save(self) -> None:
        """What the screen showed is her answer, the category included even when she typed
        nothing else: the wizard then shows the same 单位类别 (issue: the first hour)."""
        values = {k: v for k, v in self.profile().items() if v not in (None, "")}
        if values:
            self._save_profile(values)

    def _start(self) -> None:
        self._save()
        self.startIncident.emit()
        self.close()

    def _example(self) -> None:
        self._save()
        self.openExample.emit()
        self.close()
