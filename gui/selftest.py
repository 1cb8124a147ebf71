"""The GUI half of ``incident-assistant --self-test``: imports the GUI modules and reads a
PDF with QtPdf, without creating a window. The launcher (``gui.launch``) adds it to core's
checks, so ``core`` never imports the GUI or Qt itself."""

from __future__ import annotations

import importlib
from pathlib import Path

import PySide6
from PySide6.QtPdf import QPdfDocument

GUI_MODULES = ("gui.app", "gui.main_window", "gui.wizard.wizard", "gui.countdown", "gui.preview")


def check(pdf: Path | None, expected_pages: int | None) -> str:
    """One line describing what was checked; raises RuntimeError on a failure."""
    for name in GUI_MODULES:
        importlib.import_module(name)
    if pdf is None:
        return f"PySide6 {PySide6.__version__}, imported {', '.join(GUI_MODULES)}"
    document = QPdfDocument()
    document.load(str(pdf))
    pages = document.pageCount()
    document.close()
    if pages != expected_pages:
        raise RuntimeError(f"QtPdf reads {pages} pages, expected {expected_pages}")
    return f"PySide6 {PySide6.__version__}, imported {len(GUI_MODULES)} modules, QtPdf reads {pages} pages (no window)"
