"""The quick guide window (F1, product.md §8.4): the offline text of ``core.guide`` in a
``QTextBrowser`` (objectName ``quickGuide``). No link opens anything by itself."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from core.guide import quick_guide
from core.rules import RulePack
from gui.i18n import basis, language, tr
from gui.widgets import fit_on_screen, named


class GuideDialog(QDialog):
    def __init__(self, pack: RulePack, data_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickGuide")
        self.setWindowTitle(tr("快速指南"))
        layout = QVBoxLayout(self)
        self.browser = named(QTextBrowser(), "guideText")
        self.browser.setOpenLinks(False)  # offline: nothing opens on its own
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(quick_guide(pack, language(), data_path, basis))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 640, 620)


def show_guide(pack: RulePack, data_path: str, parent: QWidget | None) -> GuideDialog:
    """Open the guide, non-modal, beside whatever the user is filling in."""
    dialog = GuideDialog(pack, data_path, parent)
    dialog.show()
    return dialog
