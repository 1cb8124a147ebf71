"""The mouse wheel never changes an answer (product.md §9.3): turned over every combo box,
spin box and date field of every wizard page without clicking into it, nothing changes;
and 「不知道」 is always an answer that lets her go on. Driven with real hands only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QWidget, QWizard

from tests.walk.hands import Hands, find


def values(page: QWidget) -> dict[str, str]:
    found: dict[str, str] = {}
    for combo in page.findChildren(QComboBox):
        found[combo.objectName()] = combo.currentText()
    for spin in page.findChildren(QAbstractSpinBox):
        found[spin.objectName()] = spin.text()
    return found


def test_the_wheel_over_every_choice_of_every_page_changes_nothing(session, qtbot):
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    hands = Hands()
    hands.click(find(wizard, "discovery30"))
    turned = 0
    while True:
        page = wizard.currentPage()
        for tick in page.findChildren(QCheckBox):  # every impact area open, so every question shows
            if tick.objectName().startswith("impactArea_") and not tick.isChecked():
                hands.click(tick)
        hands.click(page)  # focus on the page, not in a field
        before = values(page)
        for widget in [*page.findChildren(QComboBox), *page.findChildren(QAbstractSpinBox)]:
            if not widget.isVisible():
                continue
            hands._scroll_into_view(widget)
            for notches in (-1, -2, 1):  # down first: an unguarded box at 「不知道」 would move
                hands.wheel(widget, notches)
                assert values(page) == before, (page.objectName(), widget.objectName(), notches)
            turned += 1
        if wizard.currentId() == wizard.pageIds()[-1] or page.objectName() == "pageReview":
            break
        current = wizard.currentId()
        hands.click(wizard.button(QWizard.WizardButton.NextButton))
        assert wizard.currentId() != current, f"下一步 refused on {page.objectName()}"
    assert turned >= 8  # the impact page alone has seven choices; the type page two


def on_the_impact_page(session, qtbot) -> tuple[QWizard, Hands]:
    """A new incident discovered 30 minutes ago, walked to the impact page by 下一步."""
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    hands = Hands()
    hands.click(find(wizard, "discovery30"))
    for _ in range(4):
        hands.click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage().objectName() == "pageImpact"
    return wizard, hands


def test_the_wheel_still_scrolls_the_page_under_the_pointer(session, qtbot):
    wizard, hands = on_the_impact_page(session, qtbot)
    for tick in wizard.currentPage().findChildren(QCheckBox):
        if tick.objectName().startswith("impactArea_"):
            hands.click(tick)
    scroll = find(wizard, "pageImpactScroll")
    combo = find(wizard, "impact_portal_outage_site", QComboBox)
    hands._scroll_into_view(combo)
    position = scroll.verticalScrollBar().value()
    hands.wheel(combo, -2)
    assert scroll.verticalScrollBar().value() > position  # the page moved, the answer did not
    assert combo.currentIndex() == 0


def test_a_grade_chosen_and_set_back_to_unknown_never_blocks_next(session, qtbot):
    wizard, hands = on_the_impact_page(session, qtbot)
    for name in ("impact_qualitative_grade", "grade_override_grade"):
        combo = find(wizard, name, QComboBox)
        hands.choose(combo, combo.itemText(2))
        assert combo.currentIndex() == 2
        hands.choose(combo, combo.itemText(0))  # 「不知道」 again
        assert combo.currentIndex() == 0
    assert find(wizard, "impact_qualitative_reason_error").text() == ""
    assert find(wizard, "grade_override_reason_error").text() == ""
    hands.click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage().objectName() != "pageImpact"
    hands.click(wizard.button(QWizard.WizardButton.BackButton))
    hands.click(wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage().objectName() != "pageImpact"
    wizard.hub.flush()
    doc = wizard.hub.service.store.get_incident(wizard.incident_id)
    assert doc["grade_override"] is None and (doc.get("impact") or {}).get("qualitative") is None


def test_a_clicked_combo_takes_the_wheel(session, qtbot):
    """Once she has clicked into a choice, the wheel is hers to use on it (and Escape closes
    the list it opened)."""
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    hands = Hands()
    hands.click(find(wizard, "discovery30"))
    hands.click(wizard.button(QWizard.WizardButton.NextButton))
    combo = find(wizard, "reporter_category", QComboBox)
    hands.click(combo)
    hands.key(Qt.Key.Key_Escape)
    assert combo.hasFocus()
    hands.wheel(combo, -1)
    assert combo.currentIndex() == 1
