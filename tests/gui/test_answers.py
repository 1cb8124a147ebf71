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
    return session.store.get_incident(wizard.incident_id).get(path)


def test_no_and_dont_know_are_different_answers_written_and_shown_back(session, qtbot):
    incident_id = session.store.import_document({**example(), "involves_cii": None})
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


def test_a_no_prints_as_no_and_a_dont_know_as_to_be_reported(session, qtbot):
    pack, now = default_pack(), parse_instant("2026-11-24T10:00:00+08:00")
    doc = example()
    doc["ransomware"] = {**(doc.get("ransomware") or {}), "paid": False}
    text = "".join(render_report_bytes(doc, pack, "initial", now, app_version="t").decode("latin-1").split())
    assert text  # rendered; the text layer is checked below through pypdf
    from io import BytesIO

    from pypdf import PdfReader

    def layer(d):
        data = render_report_bytes(d, pack, "initial", now, app_version="t")
        return "".join("".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages).split())

    said_no = layer(doc)
    doc["ransomware"]["paid"] = None
    not_known = layer(doc)
    assert "是否已支付赎金：否" in said_no or "已支付赎金：否" in said_no or "未支付" in said_no
    assert "否" not in not_known.split("支付赎金")[-1][:3]


def test_a_ransom_demand_pre_answers_the_crime_question_and_says_why(session, qtbot):
    incident_id = session.store.import_document({**example(), "crime_suspected": None, "ransomware": None, "type": {"class": None, "subclass": None}})
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
