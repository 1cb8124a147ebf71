"""Yes, no and 不知道 are three answers (product.md §8.1): written true, false and null, shown
back as given, and printed as 是 / 否 / （待补报）. A ransom demand pre-answers the crime
question with its reason, so the police card appears; the user's own answer stands."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton

from core.report import render_report_bytes
from core.rules import default_pack
from core.timeutil import parse_instant
from gui.wizard.facts import PAGE_RESPONSE, PAGE_SYSTEMS, PAGE_TYPE
from tests.conftest import example


def radio(wizard, name: str) -> QRadioButton:
    found = wizard.findChild(QRadioButton, name)
    assert found is not None, name
    return found


def stored(session, wizard, path: str):
    session.hub.flush()
    return session.service.store.get_incident(wizard.incident_id).get(path)


def test_no_and_dont_know_are_different_answers_written_and_shown_back(session, qtbot):
    incident_id = session.service.store.import_document({**example(), "involves_cii": None})
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_SYSTEMS)
    assert radio(wizard, "involves_cii_unknown").isChecked()  # null shows as 不知道, not as 否
    radio(wizard, "involves_cii_no").click()
    assert stored(session, wizard, "involves_cii") is False
    radio(wizard, "involves_cii_unknown").click()
    assert stored(session, wizard, "involves_cii") is None
    radio(wizard, "involves_cii_yes").click()
    assert stored(session, wizard, "involves_cii") is True
    again = session.open_wizard(incident_id)
    qtbot.addWidget(again)
    again.jump_to(PAGE_SYSTEMS)
    assert radio(again, "involves_cii_yes").isChecked()


def test_a_no_prints_as_no_and_a_dont_know_is_never_printed_as_an_answer(session, qtbot):
    from io import BytesIO

    from pypdf import PdfReader

    from core.report.filing import phone_script

    pack, now = default_pack(), parse_instant("2026-11-24T10:00:00+08:00")

    def layer(doc: dict) -> str:
        data = render_report_bytes(doc, pack, "initial", now, app_version="t")
        return "".join("".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages).split())

    doc = example()
    incident_id = session.service.store.import_document(doc)
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    from gui.wizard.facts import PAGE_RANSOMWARE

    wizard.jump_to(PAGE_RANSOMWARE)
    radio(wizard, "ransomware_paid_no").click()  # GUI → file
    said_no = session.service.store.get_incident(incident_id) if session.hub.flush() else None
    assert said_no is not None and said_no["ransomware"]["paid"] is False
    assert "是否已支付赎金：否" in layer(said_no)  # file → PDF
    assert "赎金未支付" in phone_script(said_no, pack, now)  # → phone script
    radio(wizard, "ransomware_paid_unknown").click()
    session.hub.flush()
    not_known = session.service.store.get_incident(incident_id)
    assert not_known["ransomware"]["paid"] is None
    assert "是否已支付赎金：否" not in layer(not_known) and "是否已支付赎金：是" not in layer(not_known)
    script = phone_script(not_known, pack, now)
    assert "赎金未支付" not in script and "赎金已支付" not in script


def test_a_ransom_demand_pre_answers_the_crime_question_and_says_why(session, qtbot):
    incident_id = session.service.store.import_document({**example(), "crime_suspected": None, "ransomware": None, "type": {"class": None, "subclass": None}})
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_TYPE)
    symptom = next(b for b in wizard.findChildren(QPushButton) if b.objectName().startswith("symptom_") and "赎金" in b.text())
    symptom.click()
    assert stored(session, wizard, "crime_suspected") is True
    assert "police_case" in [o.id for o in wizard.assessment()[0].obligations]  # the police card appears
    wizard.jump_to(PAGE_RESPONSE)
    helps = [label.text() for label in wizard.currentPage().findChildren(QLabel)]
    assert any("第四条第五款" in t and "预选" in t for t in helps)
    radio(wizard, "crime_suspected_no").click()  # the user's answer stands
    wizard.jump_to(PAGE_TYPE)
    symptom.click()
    assert stored(session, wizard, "crime_suspected") is False


def test_the_summary_reports_own_items_are_asked_on_the_response_page(session, qtbot):
    from PySide6.QtWidgets import QPlainTextEdit

    from tests.gui.conftest import type_text

    incident_id = session.service.store.import_document(example())
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_RESPONSE)
    for path in ("accountability", "remediation", "lessons"):
        assert wizard.findChild(QPlainTextEdit, path) is not None, path
    type_text(wizard.findChild(QPlainTextEdit, "lessons"), "备份须离线保存")
    assert stored(session, wizard, "lessons") == "备份须离线保存"
