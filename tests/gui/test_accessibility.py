"""Keyboard and accessibility (product.md §2.3): every action has a shortcut or mnemonic,
every input has an accessible name, the tab order runs list → desk, and the main window
fits a 1920×1080 screen at 200 % scaling in both languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.conftest import example
from tests.gui.conftest import SCREENSHOTS

ROOT = Path(__file__).resolve().parents[2]
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


def nameless_inputs(top: QWidget) -> list[str]:
    """Visible inputs a screen reader could not name: no accessible name, no text of
    their own and no label pointing at them (a QFormLayout row label is a buddy)."""
    buddies = {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(top) or isinstance(widget, QTabBar):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView)) or type(widget).__name__ == "QScrollBar":
            continue  # the inner editor or viewport of a named control
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.strip() or id(widget) in buddies):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


@pytest.fixture
def window(desk_window):
    return desk_window[0]


def test_every_menu_action_has_a_shortcut_or_a_mnemonic(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert shortcuts["actionNewIncident"] == "Ctrl+N" and shortcuts["actionExportPdf"] == "Ctrl+E"
    assert len(set(shortcuts.values())) == len(shortcuts), shortcuts  # no shortcut used twice


def test_desk_buttons_and_tabs_have_mnemonics_without_clashes(window):
    desk = window.desk
    letters = []
    for button in desk.buttons:
        assert "&" in button.text(), button.text()
        letters.append(button.text()[button.text().index("&") + 1].lower())
    assert len(set(letters)) == len(letters), letters
    tabs = [desk.tabs.tabText(i) for i in range(desk.tabs.count())]
    assert all("&" in t for t in tabs), tabs


def test_every_input_of_the_main_window_and_the_desk_has_a_name(window):
    for tab in range(window.desk.tabs.count()):
        window.desk.tabs.setCurrentIndex(tab)
        assert nameless_inputs(window) == [], window.desk.tabs.tabText(tab)


def test_every_input_of_every_wizard_page_has_a_name(session, qtbot):
    incident_id = session.service.store.import_document(example())
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        assert nameless_inputs(page) == [], page.objectName()


def test_tab_order_runs_from_the_list_to_the_desk(window):
    chain, widget = [], window.search
    for _ in range(500):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(window) and widget.isEnabled():
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is window.search:
            break
    order = ["incidentSearch", "statusFilter", "incidentTable", "deskEdit", "deskRecordSubmission", "deskExport"]
    positions = [chain.index(name) for name in order]
    assert positions == sorted(positions), chain


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_main_window_fits_a_full_hd_screen_at_200_percent(lang, tmp_path):
    """A separate process with QT_SCALE_FACTOR=2: minimum size in logical pixels within
    960×540 (1920×1080 at 200 %), with a screenshot to look at."""
    probe = ROOT / "tests" / "gui" / "scaling_probe.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    out = subprocess.run(
        [sys.executable, str(probe), lang, str(tmp_path / "s.sqlite3"), str(SCREENSHOTS)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["device_pixel_ratio"] == 2.0
    width, height = result["main_minimum"]
    assert width <= 960 and height <= 540, result
    assert Path(result["screenshot"]).exists()
