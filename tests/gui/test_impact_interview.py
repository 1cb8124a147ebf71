"""The impact page as an interview (product.md §8.4): it asks first what was affected and
shows only the questions about what was ticked; the live grade stays in view above them;
answers already given open with their area ticked and are never dropped by unticking."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QWidget

from core import fields
from gui.wizard.facts import PAGE_IMPACT
from tests.conftest import minimal


def impact_page(session, qtbot, doc=None):
    incident_id = session.service.store.import_document(doc or minimal())
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_IMPACT)
    return wizard, wizard.currentPage()


def section(page, key: str) -> QWidget:
    return page.findChild(QWidget, f"impactSection_{key}")


def test_a_fresh_incident_shows_the_areas_and_no_annex_question_until_one_is_ticked(session, qtbot):
    _wizard, page = impact_page(session, qtbot)
    assert [t.text() for t in page.findChildren(QCheckBox) if t.objectName().startswith("impactArea_")] == [a.name("zh") for a in fields.IMPACT_AREAS]
    assert not any(section(page, a.key).isVisibleTo(page) for a in fields.IMPACT_AREAS)
    page.findChild(QCheckBox, "impactArea_people").setChecked(True)
    assert section(page, "people").isVisibleTo(page) and not section(page, "website").isVisibleTo(page)


def test_the_grade_stays_in_view_outside_the_scrolling_questions(session, qtbot):
    _wizard, page = impact_page(session, qtbot)
    summary = page.findChild(QLabel, "gradeSummary")
    parent = summary.parentWidget()
    while parent is not None and parent is not page:
        assert not isinstance(parent, QScrollArea)
        parent = parent.parentWidget()
    assert "当前定级" in summary.text()


def test_answers_open_ticked_cii_follows_the_systems_and_unticking_keeps_the_answer(session, qtbot):
    doc = minimal(involves_cii=True, impact={"direct_loss_yuan": 6_000_000})
    wizard, page = impact_page(session, qtbot, doc)
    assert page.findChild(QCheckBox, "impactArea_money").isChecked() and page.findChild(QCheckBox, "impactArea_cii").isChecked()
    assert not page.findChild(QCheckBox, "impactArea_website").isChecked()
    page.findChild(QCheckBox, "impactArea_money").setChecked(False)
    assert not section(page, "money").isVisibleTo(page)
    wizard.hub.flush()
    assert wizard.hub.service.store.get_incident(wizard.incident_id)["impact"]["direct_loss_yuan"] == 6_000_000
    assert "较大" in page.findChild(QLabel, "gradeSummary").text()  # the answer still counts


def test_every_grading_question_belongs_to_an_area_or_the_judgement_section():
    in_areas = {p for a in fields.IMPACT_AREAS for p in a.paths}
    judged = {"impact.qualitative"}
    assert set(fields.GRADING_FIELDS) - in_areas <= judged
