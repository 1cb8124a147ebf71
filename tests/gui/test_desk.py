"""The incident desk in the main window: cards for the selected incident, submissions,
handling ended starting the summary clock (D7), with a fake clock."""

from __future__ import annotations

from datetime import UTC, timedelta

from PySide6.QtWidgets import QLabel, QWidget

from tests.conftest import example
from tests.gui.conftest import DISCOVERED, save_screenshot


def open_desk(session, qtbot):
    incident_id = session.service.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.table.selectRow(0)
    return window, incident_id


def card_text(window, obligation_id):
    card = window.desk.findChild(QWidget, f"countdown_{obligation_id}")
    assert card is not None, obligation_id
    return card.findChild(QLabel, "timeLeft").text(), card.property("state")


def test_selecting_an_incident_shows_its_cards_and_they_tick(session, qtbot, clock):
    window, _ = open_desk(session, qtbot)
    assert card_text(window, "provincial_cyberspace_office") == ("4:00:00", "calm")
    clock.set(DISCOVERED + timedelta(hours=3, minutes=55))
    session.ticker.fire()
    assert card_text(window, "provincial_cyberspace_office") == ("0:05:00", "critical")
    save_screenshot(window, "main-window-desk")


def test_life_of_an_incident_first_report_then_handling_ended_and_summary(session, qtbot, clock):
    window, incident_id = open_desk(session, qtbot)
    clock.set(DISCOVERED + timedelta(hours=2))
    session.hub.add_submission(
        incident_id, {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T11:30:00+08:00", "channel": "email_12387"}
    )
    assert card_text(window, "provincial_cyberspace_office")[1] == "met"
    assert "按时" in window.desk.ledger.text()
    clock.set(DISCOVERED + timedelta(days=3))
    window.desk.findChild(QWidget, "deskHandlingEnded").click()
    doc = session.service.store.get_incident(incident_id)
    assert doc["handling_ended_at"] == "2026-11-27T09:30:00+08:00"
    summary = window.desk.findChild(QWidget, "countdown_summary_report")
    assert "2026-12-27 23:59:59" in summary.findChild(QLabel, "due").text()
    assert summary.property("state") == "calm"
    clock.set(DISCOVERED + timedelta(days=26, hours=3))  # 2026-12-20 12:30: the report was sent this morning
    session.hub.add_submission(
        incident_id, {"obligation": "summary_report", "kind": "summary", "submitted_at": "2026-12-20T10:00:00+08:00", "channel": "email_12387"}
    )
    assert card_text(window, "summary_report")[1] == "met"
    save_screenshot(window, "main-window-desk-summary")


def test_reminders_fire_once_per_threshold_and_for_deadlines_passed_while_closed(session, qtbot, clock):
    from gui.reminders import ReminderService

    session.service.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    shown: list[str] = []
    service = ReminderService(session.hub, session.pack, session.ticker, shown.append)
    clock.set(DISCOVERED + timedelta(hours=3, minutes=1))  # 59 minutes left
    assert len(service.check(clock.now())) == 1 and "0:59:00" in shown[-1]
    assert service.check(clock.now()) == []  # exactly once
    clock.set(DISCOVERED + timedelta(hours=6))  # passed while "closed"
    again = ReminderService(session.hub, session.pack, session.ticker, shown.append)  # a restart
    messages = again.check(clock.now())
    assert len(messages) == 1 and "已超时" in messages[0]
    assert again.check(clock.now()) == []


def test_start_announces_an_overdue_deadline_in_the_window(session, qtbot, clock):
    session.service.store.import_document(example())
    clock.set(DISCOVERED + timedelta(hours=5))
    session.start()
    qtbot.waitUntil(lambda: session.settled)  # the draft offer, reminders and clock checks follow the first paint
    qtbot.addWidget(session.window)
    banner = session.window.findChild(QLabel, "reminderBanner")
    assert banner.isVisibleTo(session.window) and "已超时" in banner.text()
    save_screenshot(session.window, "main-window-reminder")


def test_clock_set_back_and_jumps_are_reported_calmly(session, qtbot, clock):
    from datetime import datetime

    from gui.clockwatch import ClockWatch

    clock.set(DISCOVERED + timedelta(hours=2))
    session.service.store.touch_clock()  # last seen: 11:30
    clock.set(DISCOVERED)  # the clock was set back two hours
    from core.store import open_store

    reopened = open_store(session.service.store.path, clock)
    shown: list[str] = []
    ticks = iter([0.0, 60.0])
    watch = ClockWatch(reopened, session.ticker, shown.append, local_now=lambda: datetime.now(UTC), monotonic=lambda: next(ticks))
    found = watch.check_at_start()
    assert len(found) == 2 and "早了 2 小时" in found[0] and "不是北京时间" in found[1]
    clock.set(DISCOVERED - timedelta(minutes=10))  # wall clock went back while a minute passed
    assert "往回拨了" in watch.check_running(clock.now())
    reopened.close()


def test_many_overdue_incidents_give_a_few_messages_and_a_summary(session, qtbot, clock):
    from gui.reminders import MAX_MESSAGES, ReminderService

    for _ in range(MAX_MESSAGES + 3):
        session.service.store.import_document(example(), new_id=True)
    clock.set(DISCOVERED + timedelta(hours=5))
    shown: list[str] = []
    messages = ReminderService(session.hub, session.pack, session.ticker, shown.append).check(clock.now())
    assert len(messages) == MAX_MESSAGES + 1 and "另有 3 项" in messages[-1]


def test_a_tick_repaints_only_time_left_until_a_deadline_passes_then_the_whole_row(session, qtbot, clock):
    window, _ = open_desk(session, qtbot)
    changed: list[tuple[int, int, list]] = []
    window.model.dataChanged.connect(lambda a, b, roles: changed.append((a.column(), b.column(), list(roles))))
    due = DISCOVERED + timedelta(hours=4)
    clock.set(due - timedelta(seconds=1))
    session.ticker.fire()
    assert changed[-1][:2] == (5, 5)  # only 剩余时间
    assert window.model.data(window.model.index(0, 3)) == "待报告"
    clock.set(due + timedelta(seconds=1))
    session.ticker.fire()
    assert changed[-1][:2] == (0, 5)  # status, icon and colour too
    assert window.model.data(window.model.index(0, 3)) == "已超时"
    assert window.model.data(window.model.index(0, 5)) == "已超时 0:00:01"


def test_the_police_card_of_a_general_incident_says_why_it_stays_open(session, qtbot):
    from tests.conftest import minimal

    incident_id = session.service.store.import_document(minimal(crime_suspected=True, impact={"people_affected": 10}))  # 一般
    window = session.show_main_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.desk_ready)
    window.select_incident(incident_id)
    card = window.desk.findChild(QWidget, "countdown_police_case")
    assert card is not None and "第四条第五款" in card.findChild(QLabel, "due").text()
    assert window.desk.findChild(QWidget, "countdown_provincial_cyberspace_office").property("state") == "not_required"
