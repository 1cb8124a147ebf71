"""The wizard, driven by object names as a user would (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget, QWizard

from gui import dialogs
from gui.wizard.facts import PAGE_DISCOVERY, PAGE_IMPACT, PAGE_RANSOMWARE, PAGE_REPORTER, PAGE_RESPONSE, PAGE_REVIEW, PAGE_TYPE
from tests.conftest import ROOT
from tests.gui.conftest import DISCOVERED, save_screenshot, type_text
from tests.walk.hands import Hands


def find(wizard: QWizard, name: str, kind: type = QWidget):
    widget = wizard.findChild(kind, name)
    assert widget is not None, name
    return widget


def go_to(wizard: QWizard, page_id: int) -> None:
    while wizard.currentId() < page_id:
        before = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != before, f"Next was refused on page {before}"


def fill(wizard, name, text):
    widget = find(wizard, name)
    if isinstance(widget, QPlainTextEdit):
        widget.setFocus()
    type_text(widget, text)


def pick(wizard, name, data):
    combo = find(wizard, name, QComboBox)
    combo.setCurrentIndex(combo.findData(data))


def stored(wizard):
    wizard.hub.flush()
    return wizard.hub.service.store.get_incident(wizard.incident_id)


def time_left(wizard, obligation_id):
    card = find(wizard, f"countdown_{obligation_id}")
    return card.findChild(QLabel, "timeLeft").text()


def test_object_names_and_first_page(wizard):
    assert wizard.objectName() == "IncidentWizard"
    assert find(wizard, "countdownPanel")
    for name in ("discovered_at", "occurred_at", "title", "location", "drill"):
        assert find(wizard, name)
    assert time_left(wizard, "provincial_cyberspace_office") == "4:00:00"
    save_screenshot(wizard, "wizard-1-discovery")


def test_ransomware_clinic_happy_path_ends_in_a_pdf_with_the_typed_values(wizard, tmp_path, monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "preview_pdf", lambda parent, path: True)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(target))
    fill(wizard, "title", "门诊系统文件被加密")
    fill(wizard, "location", "福州市鼓楼区五一北路1号")
    wizard.next()
    assert wizard.currentId() == PAGE_REPORTER
    fill(wizard, "reporter_name", "康宁诊所")
    fill(wizard, "reporter_credit_code", "91350100M000100Y43")
    pick(wizard, "reporter_category", "other")
    fill(wizard, "reporter_province", "福建省")
    wizard.next()
    find(wizard, "systems_add").click()
    table = find(wizard, "systems")
    table.item(0, 0).setText("HIS门诊系统")
    table.item(0, 1).setText("挂号收费")
    wizard.next()
    assert wizard.currentId() == PAGE_TYPE
    find(wizard, "symptom_0").click()  # 文件打不开……要求付赎金
    assert find(wizard, "type_subclass", QComboBox).currentData() == "勒索软件事件"
    wizard.next()
    assert wizard.currentId() == PAGE_IMPACT
    fill(wizard, "impact_people_affected", "12万")
    fill(wizard, "impact_direct_loss_yuan", "30万")
    assert "较大" in find(wizard, "gradeSummary", QLabel).text()
    wizard.next()
    assert wizard.currentId() == PAGE_RANSOMWARE
    fill(wizard, "ransomware_amount", "2")
    fill(wizard, "ransomware_currency", "BTC")
    fill(wizard, "ransomware_method", "比特币转账")
    fill(wizard, "ransomware_date", "2026-11-26")
    wizard.next()
    assert wizard.currentId() == PAGE_RESPONSE
    fill(wizard, "harm", "全天无法挂号收费")
    fill(wizard, "measures_taken", "已断网隔离服务器")
    fill(wizard, "leads_attack_path", "公网远程桌面弱口令")
    wizard.next()
    assert wizard.currentId() == PAGE_REVIEW
    assert "首报（第一、二项）尚缺" in find(wizard, "missingItems", QLabel).text()
    doc = stored(wizard)
    assert doc["impact"]["people_affected"] == 120000 and doc["impact"]["direct_loss_yuan"] == 300000
    assert doc["type"] == {"class": "malicious_program", "subclass": "勒索软件事件"}
    find(wizard, "exportPdf").click()
    assert target.exists(), find(wizard, "exportResult", QLabel).text()
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(str(target)).pages).replace("\n", "").replace(" ", "")
    for value in ("门诊系统文件被加密", "康宁诊所", "HIS门诊系统", "全天无法挂号收费", "已断网隔离服务器", "比特币转账", "公网远程桌面弱口令"):
        assert value in text, value
    assert wizard.hub.service.store.snapshots(wizard.incident_id)


def test_countdown_text_with_a_fake_clock_and_after_a_submission(wizard, clock):
    wizard.ticker.fire()
    assert time_left(wizard, "provincial_cyberspace_office") == "4:00:00"
    clock.set(DISCOVERED + timedelta(hours=3, minutes=1))
    wizard.ticker.fire()
    card = find(wizard, "countdown_provincial_cyberspace_office")
    assert time_left(wizard, "provincial_cyberspace_office") == "0:59:00"
    assert card.property("state") == "soon"
    clock.set(DISCOVERED + timedelta(hours=4))
    wizard.ticker.fire()
    assert time_left(wizard, "provincial_cyberspace_office") == "0:00:00"
    assert card.property("state") == "critical"
    clock.set(DISCOVERED + timedelta(hours=4, seconds=1))
    wizard.ticker.fire()
    assert time_left(wizard, "provincial_cyberspace_office") == "已超时 0:00:01"
    assert card.property("state") == "overdue"
    save_screenshot(wizard, "wizard-countdown-overdue")
    wizard.record_submission(
        {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T13:30:01+08:00", "channel": "email_12387"}
    )
    wizard.ticker.fire()
    card = find(wizard, "countdown_provincial_cyberspace_office")
    assert card.property("state") == "late"
    assert time_left(wizard, "provincial_cyberspace_office").startswith("已报")


def test_submission_on_time_turns_the_card_met(wizard):
    go_to(wizard, PAGE_REVIEW)
    find(wizard, "submissionPerson", QLineEdit).setText("王芳")
    find(wizard, "recordSubmission").click()
    assert find(wizard, "countdown_provincial_cyberspace_office").property("state") == "met"
    assert stored(wizard)["submissions"][0]["person"] == "王芳"


def test_new_grade_replans_the_cards_at_once(wizard):
    go_to(wizard, PAGE_REPORTER)
    pick(wizard, "reporter_category", "central_state_organ")
    assert find(wizard, "countdown_central_organ_cyberspace_office")
    assert wizard.findChild(QWidget, "countdown_provincial_cyberspace_office") is None
    go_to(wizard, PAGE_IMPACT)
    fill(wizard, "impact_people_affected", "3")
    assert find(wizard, "countdown_central_organ_cyberspace_office").property("state") == "not_required"


def test_back_navigation_keeps_every_field(wizard):
    fill(wizard, "title", "网站被篡改")
    go_to(wizard, PAGE_REPORTER)
    fill(wizard, "reporter_name", "某某学校")
    go_to(wizard, PAGE_IMPACT)
    fill(wizard, "impact_people_affected", "500")
    wizard.back()
    wizard.back()
    wizard.back()
    assert find(wizard, "reporter_name", QLineEdit).text() == "某某学校"
    wizard.back()
    assert find(wizard, "title", QLineEdit).text() == "网站被篡改"
    go_to(wizard, PAGE_IMPACT)
    assert find(wizard, "impact_people_affected", QLineEdit).text() == "500"


def test_closing_and_reopening_restores_the_draft(wizard, session, qtbot):
    fill(wizard, "title", "邮箱被盗")
    find(wizard, "drill", QCheckBox).setChecked(True)
    wizard.reject()
    again = session.open_wizard(wizard.incident_id)
    qtbot.addWidget(again)
    assert find(again, "title", QLineEdit).text() == "邮箱被盗"
    assert find(again, "drill", QCheckBox).isChecked()
    assert session.unfinished_draft() == (wizard.incident_id, "邮箱被盗")


def test_occurrence_after_discovery_is_shown_on_the_field_and_blocks_next(session, qtbot):
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    hands = Hands()
    hands.click(find(wizard, "discovery30", QPushButton))  # discovered 09:00
    occurred = find(wizard, "occurred_at", QLineEdit)
    hands.click(occurred)
    hands.type("9:20")
    hands.key(Qt.Key.Key_Return)
    error = find(wizard, "occurred_at_error", QLabel)
    assert error.isVisibleTo(wizard) and "不能晚于发现时间" in error.text()
    hands.click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PAGE_DISCOVERY
    hands.click(occurred)
    hands.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    hands.key(Qt.Key.Key_Delete)  # emptied: not known
    hands.key(Qt.Key.Key_Return)
    hands.click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PAGE_REPORTER


def test_wrong_credit_code_warns_but_does_not_block(wizard):
    go_to(wizard, PAGE_REPORTER)
    fill(wizard, "reporter_credit_code", "91350100M000100Y44")
    assert "校验位不符" in find(wizard, "reporter_credit_code_error", QLabel).text()
    wizard.next()
    assert wizard.currentId() > PAGE_REPORTER


def test_bad_count_keeps_the_text_and_says_what_to_do(wizard):
    go_to(wizard, PAGE_IMPACT)
    fill(wizard, "impact_people_affected", "-5")
    assert "不能为负数" in find(wizard, "impact_people_affected_error", QLabel).text()
    fill(wizard, "personal_info_count", "很多")
    assert "不是数字" in find(wizard, "personal_info_count_error", QLabel).text()
    assert stored(wizard)["personal_info"]["count"] == "很多"  # nothing typed is lost
    wizard.next()
    assert wizard.currentId() > PAGE_IMPACT  # an unknown number does not block a report


def test_manual_grade_needs_a_reason(wizard):
    go_to(wizard, PAGE_IMPACT)
    pick(wizard, "grade_override_grade", "major")
    wizard.next()
    assert wizard.currentId() == PAGE_IMPACT
    assert find(wizard, "grade_override_reason_error", QLabel).text()
    fill(wizard, "grade_override_reason", "主管部门要求按重大处置")
    assert "手动定级" in find(wizard, "gradeSummary", QLabel).text()
    wizard.next()
    assert wizard.currentId() > PAGE_IMPACT


def test_screenshots_of_every_page(wizard):
    names = {
        PAGE_DISCOVERY: "discovery",
        PAGE_REPORTER: "reporter",
        2: "systems",
        PAGE_TYPE: "type",
        PAGE_IMPACT: "impact",
        PAGE_RANSOMWARE: "ransomware",
        PAGE_RESPONSE: "response",
        PAGE_REVIEW: "review",
    }
    wizard.change("ransomware", {})
    seen = []
    while True:
        seen.append(wizard.currentId())
        path = save_screenshot(wizard, f"wizard-page-{wizard.currentId() + 1}-{names[wizard.currentId()]}")
        assert path.stat().st_size > 10_000
        if wizard.currentId() == PAGE_REVIEW:
            break
        wizard.next()
    assert seen == list(range(8))


CHILD = r"""
import sys, time
from core.clock import SystemClock
from core.rules import default_pack
from core.store import open_store
from core.service import IncidentService
from gui.app import Session, prepare_application
from tests.gui.conftest import type_text
app = prepare_application()
store = open_store(sys.argv[1], SystemClock())
session = Session(IncidentService(store), default_pack(), SystemClock())
wizard = session.open_wizard(None)
from PySide6.QtWidgets import QLineEdit
edit = wizard.findChild(QLineEdit, "title")
type_text(edit, "断电前输入的标题")
deadline = time.monotonic() + 1.0
while time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
print(wizard.incident_id, flush=True)
while True:
    app.processEvents()
    time.sleep(0.02)
"""


def test_a_killed_app_resumes_its_draft(tmp_path):
    db = tmp_path / "killed.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], cwd=ROOT, stdout=subprocess.PIPE, env=env, text=True)
    try:
        incident_id = child.stdout.readline().strip()
        assert incident_id, "child did not start"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    from core.clock import SystemClock
    from core.rules import default_pack
    from core.service import IncidentService
    from core.store import open_store
    from gui.app import Session

    store = open_store(db, SystemClock())
    try:
        assert store.verify().ok
        assert store.get_incident(incident_id)["title"] == "断电前输入的标题"
        assert Session(IncidentService(store), default_pack(), SystemClock()).unfinished_draft() == (incident_id, "断电前输入的标题")
    finally:
        store.close()


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch):
    """No test opens a real modal dialog (conventions §20)."""
    monkeypatch.setattr(dialogs, "warn", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "inform", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: False)
    monkeypatch.setattr(dialogs, "preview_pdf", lambda *a, **k: True)
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: None)


def test_the_review_page_has_the_filing_helpers_too(session, qtbot, monkeypatch, tmp_path):
    """product.md §8.4: the e-mail draft, phone script and fax cover on the review page."""
    import email as email_lib

    from tests.conftest import example

    incident_id = session.service.store.import_document(example())
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_REVIEW)
    monkeypatch.setattr(dialogs, "preview_pdf", lambda parent, path: True)
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(tmp_path / "draft.eml"))
    find(wizard, "reviewEmailDraft").click()
    assert email_lib.message_from_bytes((tmp_path / "draft.eml").read_bytes())["To"] == "12387@cert.org.cn"
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_text", lambda parent, title, text: shown.append(text))
    find(wizard, "reviewPhoneScript").click()
    assert shown and "12387" in shown[0]
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(tmp_path / "cover.pdf"))
    find(wizard, "reviewFaxCover").click()
    assert (tmp_path / "cover.pdf").read_bytes().startswith(b"%PDF")


def test_the_review_page_lists_a_missing_title_and_a_number_it_could_not_read(session, qtbot):
    """issue 18: every item the first report needs is listed, and 「约12万」 is not silently dropped."""
    from tests.conftest import minimal

    incident_id = session.service.store.import_document(minimal(title=None))
    session.service.store.set_field(incident_id, "impact.people_affected", "约12万")  # kept as typed: the draft may be wrong
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_REVIEW)
    text = find(wizard, "missingItems", QLabel).text()
    first = text.split("<br>")[0]
    assert "事件名称" in first
    assert "须更正" in text and "影响人数" in text.split("须更正")[1]
