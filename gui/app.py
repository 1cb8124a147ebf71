"""GUI entry point: ``main(argv)`` starts the desktop app (product.md §4.6). It reuses a
``QApplication`` that already exists, so tests can create one first."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from core import __version__
from core.rules import default_pack


class MainWindow(QMainWindow):
    """Placeholder main window until the incident desk lands."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle("网络安全事件报告助手")
        pack = default_pack()
        label = QLabel(f"网络安全事件报告助手 {__version__}\n规则包 {pack.version}（{pack.title}）")
        label.setMargin(24)
        self.setCentralWidget(label)


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(list(sys.argv[:1]) + list(argv or []))
    window = MainWindow()
    window.show()
    return int(app.exec())  # type: ignore[union-attr]
