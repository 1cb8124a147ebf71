"""The persona of issue 18, walked as she would, counting her actions: a clinic manager on
the app's first launch, ransom note on the front-desk PC found 30 minutes ago, gets a first
report (第七条 items 一 and 二) as a PDF. An action is one click, one choice or one field
typed. Target: at most 30 (the walk before this round took 69)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit, QPushButton, QWidget

from gui import dialogs
from tests.gui.conftest import type_text

TARGET = 30


class Walk:
    """Drives the windows by object name and counts every action."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.actions = 0
        self.log: list[str] = []

    def find(self, name: str, kind: type = QWidget) -> Any:
        found = self.window.findChild(kind, name)
        assert found is not None, f"no {name} on {self.window.objectName()}"
        return found

    def click(self, name: str) -> None:
        self.find(name, QPushButton).click()
        self._count(f"click {name}")

    def tick(self, name: str) -> None:
        self.find(name, QCheckBox).setChecked(True)
        self._count(f"tick {name}")

    def type(self, name: str, text: str) -> None:
        widget = self.find(name)
        if isinstance(widget, QPlainTextEdit):
            widget.setFocus()
        type_text(widget, text)
        self._count(f"type {name}")

    def choose(self, name: str, data: Any) -> None:
        combo = self.find(name, QComboBox)
        combo.setCurrentIndex(combo.findData(data))
        self._count(f"choose {name}")

    def next(self) -> None:
        before = self.window.currentId()
        self.window.next()
        assert self.window.currentId() != before, f"Next refused on {self.window.currentPage().objectName()}"
        self._count("next")

    def _count(self, what: str) -> None:
        self.actions += 1
        self.log.append(what)


def test_the_clinic_manager_reaches_a_first_report_pdf_within_thirty_actions(session, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "首报.pdf"
    monkeypatch.setattr(dialogs, "preview_pdf", lambda parent, path: True)
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(target))
    session.start()
    qtbot.waitUntil(lambda: session.settled)
    welcome = getattr(session, "welcome", None)
    actions = 0
    if welcome is not None and welcome.isVisible():  # the first launch greets her first
        welcome.findChild(QPushButton, "startIncident").click()
        actions += 1
    wizard = session.wizards[-1]
    qtbot.addWidget(wizard)
    walk = Walk(wizard)
    walk.actions = actions
    walk.click("discovery30")
    walk.next()
    walk.type("reporter_name", "福州市鼓楼区康宁诊所")
    walk.type("reporter_province", "福建省")
    walk.type("reporter_contact_name", "王芳")
    walk.type("reporter_contact_phone", "13800000000")
    walk.next()
    walk.click("systems_add")
    table = walk.find("systems")
    table.item(0, 0).setText("门诊收费系统")
    walk._count("type systems row")
    walk.next()
    walk.click("symptom_0")  # 文件打不开……要求付赎金
    walk.next()
    walk.tick("impactArea_people")
    walk.type("impact_people_affected", "300")
    if wizard.findChild(QComboBox, "personal_info_affected") is not None:  # patient records may have leaked
        walk.tick("impactArea_personal_info")
        walk.choose("personal_info_affected", "possible")
    walk.next()
    assert wizard.currentPage().objectName() == "pageRansomware"
    walk.type("ransomware_amount", "2 BTC")
    walk.next()
    while wizard.currentPage().objectName() != "pageResponse":
        walk.next()  # the personal-information details: later, for the notices
    walk.type("harm", "门诊无法挂号收费")
    walk.type("measures_taken", "已断网隔离服务器，并已报警")
    walk.next()
    assert wizard.currentPage().objectName() == "pageReview"
    walk.click("exportPdf")
    assert target.exists(), wizard.findChild(QLabel, "exportResult").text()
    print(f"persona: {walk.actions} actions: " + ", ".join(walk.log))
    assert walk.actions <= TARGET, walk.log
    wizard.hub.flush()
    doc = wizard.hub.service.store.get_incident(wizard.incident_id)
    assert doc["crime_suspected"] is True  # the ransom demand pre-answered it: the police card is there
