"""The organisation profile: one form (``ProfileForm``) used by the welcome screen (short)
and by the main window's 单位资料 dialog (``ProfileDialog``, every reporter field). The
unified social credit code is checked as it is typed (GB 32100-2015 check character,
``core.credit_code``); the dialog does not save a wrong code but keeps everything typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core import credit_code
from core import field_paths as fp
from core import fields as catalogue
from core.fields import REPORTER_KEYS
from gui.i18n import ask, language, tr
from gui.widgets import fit_on_screen, named

SHORT = ("name", "credit_code", "province", "contact_name", "contact_phone")
ALL = tuple(k for k in REPORTER_KEYS if k != "category")


def code_problem(text: str) -> str | None:
    """The credit-code message for ``text``, or None when it is empty or valid."""
    found = credit_code.problem(text) if text.strip() else None
    if found is None:
        return None
    if found[0] == "format":
        return tr("信用代码应为 18 位（不含 I、O、Z、S、V），请核对；也可以先不填。")
    return tr("信用代码校验位不符（应为 {c}），请核对；也可以先不填。").format(c=found[1])


class ProfileForm(QWidget):
    """Inputs named ``profile_<key>``; ``profileMessage`` says what is wrong with the code."""

    def __init__(self, profile: dict[str, Any], keys: Sequence[str] = ALL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.inputs: dict[str, QLineEdit] = {}
        for key in keys:
            label = ask(f"reporter.{key}")
            edit = named(QLineEdit(str(profile.get(key) or "")), f"profile_{key}")
            edit.setAccessibleName(label)
            self.inputs[key] = edit
            form.addRow(label, edit)
        self.category = named(QComboBox(), "profile_category")
        for value, text in catalogue.choices(fp.REPORTER_CATEGORY, language()):
            self.category.addItem(text, value)
        self.category.setCurrentIndex(max(0, self.category.findData(profile.get("category") or "other")))
        self.category.setAccessibleName(ask(fp.REPORTER_CATEGORY))
        form.addRow(ask(fp.REPORTER_CATEGORY), self.category)
        self.message = named(QLabel(""), "profileMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #9b1c1c;")
        form.addRow("", self.message)
        self.inputs["credit_code"].textChanged.connect(lambda text: self.message.setText(code_problem(text) or ""))
        self.message.setText(code_problem(self.inputs["credit_code"].text()) or "")

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {k: (e.text().strip() or None) for k, e in self.inputs.items()}
        values["category"] = self.category.currentData()
        return values

    def problem(self) -> str | None:
        return code_problem(self.inputs["credit_code"].text())


class ProfileDialog(QDialog):
    """objectName ``ProfileDialog``: edit and save the organisation profile."""

    def __init__(self, profile: dict[str, Any], save: Callable[[dict[str, Any]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProfileDialog")
        self.setWindowTitle(tr("单位资料"))
        self._save = save
        layout = QVBoxLayout(self)
        note = QLabel(tr("这些资料在每次新建事件时自动填入“报告单位”页；已有事件不受影响。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.form = ProfileForm(profile, ALL, self)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("保存(&S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.setObjectName("profileButtons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 560, 420)

    def save(self) -> None:
        """Save unless the credit code is wrong; then say so and keep the dialog open."""
        problem = self.form.problem()
        if problem:
            self.form.message.setText(tr("未保存。") + problem)
            self.form.inputs["credit_code"].setFocus()
            return
        self._save(self.form.values())
        self.accept()
