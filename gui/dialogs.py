"""Every modal message box and file picker goes through these functions, so tests can
replace them (conventions §20) and no test ever opens a real modal dialog.

The dialog classes are imported where they are used: their enums are built by PySide on
first touch and cost ~2 ms, which start-up does not need before the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.widgets import fit_on_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget


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


def save_file(parent: QWidget | None, caption: str, default: str, filters: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, caption, default, filters)
    return path or None


def open_file(parent: QWidget | None, caption: str, filters: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return path or None


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
