"""Every modal message box and file picker goes through these functions, so tests can
replace them (conventions §20) and no test ever opens a real modal dialog.

The dialog classes are imported where they are used: their enums are built by PySide on
first touch and cost ~2 ms, which start-up does not need before the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.i18n import tr
from gui.widgets import fit_on_screen

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text from the user (e.g. a reason), or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def file_dialog(parent: QWidget | None, caption: str, default: str, filters: str, *, save: bool) -> QFileDialog:
    """Qt's own file dialog with its labels in the UI language: the Chinese catalogue that
    ships with Qt 6.11 lacks the dialog's newer labels (「&Look in:」「Files of &type:」), so
    a Chinese window showed them in English (product.md §9.3). A platform's native dialog
    speaks the system's language by itself."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, caption, default, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    labels = {
        QFileDialog.DialogLabel.LookIn: tr("查找范围(&L)："),
        QFileDialog.DialogLabel.FileName: tr("文件名(&N)："),
        QFileDialog.DialogLabel.FileType: tr("文件类型(&T)："),
        QFileDialog.DialogLabel.Accept: tr("保存(&S)") if save else tr("打开(&O)"),
        QFileDialog.DialogLabel.Reject: tr("取消"),
    }
    for which, text in labels.items():
        dialog.setLabelText(which, text)
    return dialog


def save_file(parent: QWidget | None, caption: str, default: str, filters: str) -> str | None:
    dialog = file_dialog(parent, caption, default, filters, save=True)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else None


def open_file(parent: QWidget | None, caption: str, filters: str) -> str | None:
    dialog = file_dialog(parent, caption, "", filters, save=False)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else None


def preview_pdf(parent: QWidget | None, pdf_path: str) -> bool:
    """Show the report before saving (QtPdf, loaded only here). True when the user saves."""
    from gui.preview import PdfPreviewDialog

    return PdfPreviewDialog(pdf_path, parent).exec() == PdfPreviewDialog.DialogCode.Accepted


def show_text(parent: QWidget | None, title: str, text: str) -> None:
    """A read-only text the user can select and copy (e.g. the phone script)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    view.setAccessibleName(title)
    layout.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    fit_on_screen(dialog, 640, 520)
    dialog.exec()


def open_with_system(path: str) -> bool:
    """Open a local file with the system's viewer (a file: URL; never the network)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def run(dialog: QDialog) -> bool:
    """Run a dialog of our own modally; True when it was accepted."""
    from PySide6.QtWidgets import QDialog

    return dialog.exec() == QDialog.DialogCode.Accepted


def ok_cancel(dialog: QDialog, ok_text: str, ok: Callable[[], object]) -> QDialogButtonBox:
    """A form's buttons: ``ok_text`` runs ``ok`` (which decides whether the form closes),
    取消 closes it."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
    buttons.accepted.connect(ok)
    buttons.rejected.connect(dialog.reject)
    return buttons
