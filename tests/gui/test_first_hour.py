"""The first hour (product.md §8.4, regulation.md D1a): the discovery question first,
resume where the user stopped, no orphan or ghost, Qt's dialogs in Chinese, F1 guide."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPushButton, QTextBrowser, QWidget

from core.rules import default_pack
from gui.wizard.facts import PAGE_DISCOVERY, PAGE_SYSTEMS, PAGE_TYPE
from tests.gui.conftest import DISCOVERED, save_screenshot
from tests.walk.hands import Hands


def time_left(wizard, obligation_id: str) -> str:
    return wizard.findChild(QWidget, f"countdown_{obligation_id}").findChild(QLabel, "timeLeft").text()


def notice(wizard) -> QLabel:
    return wizard.findChild(QLabel, "countdownNotice")


def test_thirty_minutes_ago_shows_the_deadline_counted_from_then_in_one_action(session, qtbot):
    session.service.store.save_profile({"name": "康宁诊所"})  # set up before; no incident yet: the app opens straight on a new one
    session.start()
    qtbot.waitUntil(lambda: session.settled)
    wizard = session.wizards[-1]
    qtbot.addWidget(wizard)
    assert wizard.currentId() == PAGE_DISCOVERY
    # Unanswered: the clock runs from now, and says so (D1a)
    assert time_left(wizard, "provincial_cyberspace_office") == "4:00:00"
    assert notice(wizard).isVisible() and notice(wizard).text() == "按现在起算（请确认发现时间）"
    save_screenshot(wizard, "wizard-0-discovery-question")
    wizard.findChild(QPushButton, "discovery30").click()  # action 1
    assert time_left(wizard, "provincial_cyberspace_office") == "3:30:00"
    assert not notice(wizard).isVisible()
    wizard.hub.flush()
    assert wizard.hub.service.store.get_incident(wizard.incident_id)["discovered_at"] == (DISCOVERED - timedelta(minutes=30)).isoformat()


def test_just_now_is_an_answer_and_yesterday_starts_the_typed_time(session, qtbot):
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    hands = Hands()
    hands.click(wizard.findChild(QPushButton, "discoveryNow"))
    assert not notice(wizard).isVisible()  # 刚刚 is her answer: nothing left to confirm
    assert time_left(wizard, "provincial_cyberspace_office") == "4:00:00"
    hands.click(wizard.findChild(QPushButton, "discoveryYesterday"))
    field = wizard.findChild(QLineEdit, "discovered_at")
    assert field.hasFocus() and field.text() == "昨天 "
    hands.type("22:10")
    hands.key(Qt.Key.Key_Return)
    assert wizard.findChild(QLabel, "discovered_at_reading").text() == "已记下：昨天 22:10（11 小时 20 分钟前）"
    wizard.hub.flush()
    assert wizard.hub.service.store.get_incident(wizard.incident_id)["discovered_at"] == "2026-11-23T22:10:00+08:00"


def test_a_future_discovery_time_is_refused_and_the_typed_value_kept(session, qtbot):
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    hands = Hands()
    field = wizard.findChild(QLineEdit, "discovered_at")
    hands.click(field)
    hands.type("2026-11-24 10:30")
    hands.key(Qt.Key.Key_Return)
    reading = wizard.findChild(QLabel, "discovered_at_reading").text()
    assert "晚于当前时间" in reading
    assert field.text() == "2026-11-24 10:30"  # kept as typed
    assert wizard.incident_id is None  # nothing recorded
    hands.click(wizard.button(wizard.WizardButton.NextButton))
    assert wizard.currentId() == PAGE_DISCOVERY
    assert "晚于当前时间" in wizard.findChild(QLabel, "discovered_at_reading").text()  # still the specific reason
    hands.click(field)
    hands.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    hands.type("9:31")  # within the clock skew: accepted
    hands.key(Qt.Key.Key_Return)
    assert time_left(wizard, "provincial_cyberspace_office") == "4:01:00"


def test_more_than_thirty_days_back_is_accepted_with_a_warning(session, qtbot):
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    hands = Hands()
    hands.click(wizard.findChild(QLineEdit, "discovered_at"))
    hands.type((DISCOVERED - timedelta(days=31)).strftime("%Y-%m-%d %H:%M"))
    hands.key(Qt.Key.Key_Return)
    assert "天以前" in wizard.findChild(QLabel, "discovered_at_error").text() or "30" in wizard.findChild(QLabel, "discovered_at_error").text()
    wizard.hub.flush()
    assert wizard.hub.service.store.get_incident(wizard.incident_id)["discovered_at"] == (DISCOVERED - timedelta(days=31)).isoformat()


def test_next_without_an_answer_asks_for_the_discovery_time(session, qtbot):
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    wizard.next()
    assert wizard.currentId() == PAGE_DISCOVERY
    assert "请先回答发现时间" in wizard.findChild(QLabel, "discovered_at_error").text()


def test_reopening_a_draft_opens_the_page_where_the_user_stopped(wizard, session, qtbot):
    while wizard.currentId() < PAGE_TYPE:
        wizard.next()
    incident_id = wizard.incident_id
    wizard.reject()
    again = session.open_wizard(incident_id)
    qtbot.addWidget(again)
    assert again.currentId() == PAGE_TYPE
    again.back()
    again.reject()
    third = session.open_wizard(incident_id)
    qtbot.addWidget(third)
    assert third.currentId() == PAGE_SYSTEMS


def test_new_without_any_answer_leaves_no_ghost_incident(session, qtbot):
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.findChild(QAction, "actionNewIncident").trigger()
    wizard = session.wizards[-1]
    qtbot.addWidget(wizard)
    wizard.reject()
    session.hub.flush()
    assert session.service.store.count_incidents() == 0
    assert window.model.rowCount() == 0


def test_the_wizard_closes_with_the_main_window(session, qtbot):
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.findChild(QAction, "actionNewIncident").trigger()
    wizard = session.wizards[-1]
    qtbot.addWidget(wizard)
    wizard.findChild(QPushButton, "discovery10").click()
    assert wizard.isVisible()
    window.close()
    assert not wizard.isVisible() and session.wizards == []
    assert session.service.store.count_incidents() == 1  # the answer was kept


def test_qt_standard_buttons_read_in_chinese(session):
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消"])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "保存"


def test_f1_opens_the_offline_quick_guide_with_the_pack_deadlines(session, qtbot):
    window = session.show_main_window()
    qtbot.addWidget(window)
    action = window.findChild(QAction, "actionGuide")
    assert action.shortcut().toString() == "F1"
    assert window.findChild(QAction, "actionAbout").shortcut().isEmpty()  # About stays in the Help menu
    action.trigger()
    guide = window.guide
    qtbot.addWidget(guide)
    browser = guide.findChild(QTextBrowser, "guideText")
    text = browser.toPlainText()
    for rule in default_pack().obligations:
        if rule.hours is not None:
            assert f"最迟 {int(rule.hours)} 小时内" in text
    assert str(session.service.store.path) in text
    assert not browser.openExternalLinks() and not browser.openLinks()
    save_screenshot(guide, "quick-guide")


def test_after_the_first_report_the_banner_goes_and_the_review_page_says_what_to_supplement(session, qtbot):
    from gui.wizard.facts import PAGE_REVIEW

    window = session.show_main_window()
    qtbot.addWidget(window)
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    wizard.findChild(QPushButton, "discovery10").click()
    session.hub.flush()
    window.offer_resume(wizard.incident_id, "（未命名事件）")
    banner = window.findChild(QWidget, "resumeBanner")
    assert banner.isVisibleTo(window)
    wizard.jump_to(PAGE_REVIEW)
    missing = wizard.findChild(QLabel, "missingItems")
    assert "首报（第一、二项）尚缺" in missing.text()
    session.hub.add_submission(
        wizard.incident_id, {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": DISCOVERED.isoformat(), "channel": "email_12387"}
    )
    assert not banner.isVisibleTo(window)
    assert "首报已报送；补报时补充" in missing.text() and "尚缺" not in missing.text().split("<br>")[0]


def test_the_grade_column_fits_the_longest_english_grade(session, qtbot):
    from tests.gui.test_language import english_incident

    session.switch_language("en")
    try:
        session.service.store.import_document(english_incident())
        window = session.show_main_window()
        qtbot.addWidget(window)
        metrics = window.table.fontMetrics()
        assert window.table.columnWidth(1) > metrics.horizontalAdvance("relatively major") + 8
    finally:
        session.switch_language("zh")


def test_closing_with_an_open_deadline_keeps_the_app_in_the_tray_and_reminders_fire(session, qtbot, clock, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from gui import dialogs
    from gui.app import TRAY_KEY
    from tests.conftest import example

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask", lambda parent, title, text: asked.append(title) or True)
    session.service.store.set_meta(TRAY_KEY, "")  # not asked yet
    session.service.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    session._start_reminders()
    app = QApplication.instance()
    try:
        window.close()
        assert asked and not window.isVisible() and session.window is window  # hidden, not gone
        assert session.tray is not None and not app.quitOnLastWindowClosed()
        fired: list[str] = []
        monkeypatch.setattr(session.tray, "showMessage", lambda title, message, *a: fired.append(message))
        from gui.reminders import CHECK_EVERY

        clock.set(DISCOVERED + timedelta(hours=3, minutes=1))  # 59 minutes before the 4-hour deadline
        for _ in range(CHECK_EVERY):  # the reminders run on the ticker, as in the app
            session.ticker.fire()
        assert fired, "a reminder fired while the window was in the tray"
        assert not window.isVisible()  # the banner waits; the window stays in the tray
        window.show()
        window.close()  # asked once: the answer is remembered
        assert len(asked) == 1 and not window.isVisible()
        window.findChild(QAction, "actionQuit").trigger()
        assert session.quitting and not session.tray.isVisible()
    finally:
        app.setQuitOnLastWindowClosed(True)


def test_closing_without_an_open_deadline_asks_nothing(session, qtbot, monkeypatch):
    from gui import dialogs
    from gui.app import TRAY_KEY

    monkeypatch.setattr(dialogs, "ask", lambda *a: pytest.fail("asked without an open deadline"))
    session.service.store.set_meta(TRAY_KEY, "")
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.close()
    assert not window.isVisible() and session.tray is None


def test_the_file_dialog_speaks_chinese_in_the_chinese_window(qapp):
    """Qt's catalogue lacks the dialog's newer labels; ours names them (product.md §9.3)."""
    from PySide6.QtWidgets import QLabel as Label

    from gui.dialogs import file_dialog

    dialog = file_dialog(None, "保存报告", "报告.pdf", "PDF (*.pdf)", save=True)
    texts = " ".join(label.text() for label in dialog.findChildren(Label))
    assert "查找范围" in texts and "文件类型" in texts and "Look in" not in texts and "Files of" not in texts
    dialog.deleteLater()
