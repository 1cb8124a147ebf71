"""Nothing moves under the cursor (product.md §8.4, §9.3): after an export from the review
page or the desk, every button is where it was, so her next click lands where she aims.
Driven with real hands; the preview and the save dialog are the two actions she takes."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QWidget, QWizard

from gui import dialogs
from tests.conftest import example
from tests.walk.hands import Hands, find


def places(window: QWidget) -> dict[str, QRect]:
    return {
        b.objectName(): QRect(b.mapTo(window, b.rect().topLeft()), b.size()) for b in window.findChildren(QAbstractButton) if b.objectName() and b.isVisible()
    }


def on_the_review_page(session, qtbot) -> tuple[QWizard, Hands]:
    """The example incident opened in the wizard and walked to the review page by 下一步."""
    wizard = session.open_wizard(session.service.store.import_document(example()))
    qtbot.addWidget(wizard)
    hands = Hands()
    while wizard.currentPage().objectName() != "pageReview":
        hands.click(wizard.button(QWizard.WizardButton.NextButton))
    return wizard, hands


def saving_to(monkeypatch, target) -> None:
    monkeypatch.setattr(dialogs, "preview_pdf", lambda parent, path: True)
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(target))


def test_an_export_on_the_review_page_moves_no_button(session, qtbot, tmp_path, monkeypatch):
    deep = tmp_path / ("很长的文件夹名称" * 8)
    deep.mkdir()
    saving_to(monkeypatch, deep / "首报.pdf")  # a long path: the message wraps
    wizard, hands = on_the_review_page(session, qtbot)
    before = places(wizard)
    hands.click(find(wizard, "exportPdf"))
    assert "已保存" in find(wizard, "exportResult").text()
    assert places(wizard) == before
    from pypdf import PdfReader

    footer = PdfReader(str(deep / "首报.pdf")).pages[0].extract_text()
    assert "记录校验码" in footer  # the record anchor she keeps, as the desk exported it (§9.4)
    hands.click(find(wizard, "exportDocx"))
    assert places(wizard) == before


def test_an_export_on_the_desk_moves_no_button(session, qtbot, tmp_path, monkeypatch):
    deep = tmp_path / ("很长的文件夹名称" * 8)
    deep.mkdir()
    saving_to(monkeypatch, deep / "首报.pdf")
    session.service.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.desk_ready)
    hands = Hands()
    table = find(window, "incidentTable")
    hands.click_at(table.viewport(), table.visualRect(table.model().index(0, 0)).center(), "the incident")
    before = places(window)
    hands.click(find(window, "deskExport"))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.isVisible()
    action = next(a for a in menu.actions() if a.objectName() == "deskExport_initial")
    hands.click_at(menu, menu.actionGeometry(action).center(), "首报…")
    assert "已保存" in window.status_label.text()
    assert places(window) == before


def test_the_english_review_page_fits_its_panel(session, qtbot):
    """No sideways scrolling on the review page in English (the first-hour walk found it
    wider than its panel), at the wizard's size on a 1366×768 screen."""
    from gui import i18n

    i18n.set_language("en")
    try:
        incident_id = session.service.store.import_document(example())
        wizard = session.open_wizard(incident_id)
        qtbot.addWidget(wizard)
        wizard.resize(1100, 700)
        hands = Hands()
        while wizard.currentPage().objectName() != "pageReview":
            hands.click(wizard.button(QWizard.WizardButton.NextButton))
        scroll = find(wizard, "pageReviewScroll")
        QApplication.processEvents()
        assert scroll.horizontalScrollBar().maximum() == 0
    finally:
        i18n.set_language("zh")


def test_the_worksheet_is_exported_beside_the_report_and_moves_no_button(session, qtbot, tmp_path, monkeypatch):
    """§9.4: the reporter's worksheet (报送工作单) from the review page, with real hands."""
    from pypdf import PdfReader

    target = tmp_path / "工作单.pdf"
    saving_to(monkeypatch, target)
    wizard, hands = on_the_review_page(session, qtbot)
    before = places(wizard)
    hands.click(find(wizard, "exportWorksheet"))
    assert "已保存报送工作单" in find(wizard, "exportResult").text()
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "报送工作单" in text and "12387" in text
    assert places(wizard) == before


def test_a_submission_time_is_judged_against_the_present_moment_not_the_pages_making(session, qtbot, clock):
    """The review page is built once; an hour later, a time typed 30 minutes back is not 「in the future」."""
    from datetime import timedelta

    from PySide6.QtCore import Qt

    wizard, hands = on_the_review_page(session, qtbot)
    clock.advance(hours=1)
    typed_at = clock.now() - timedelta(minutes=30)
    field = find(wizard, "submissionTime")
    hands.click(field)
    hands.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    hands.type(typed_at.strftime("%Y-%m-%d %H:%M"))
    hands.key(Qt.Key.Key_Return)
    assert "晚于" not in find(wizard, "submissionTime_reading").text()
    assert "已记下" in find(wizard, "submissionTime_reading").text()
