"""The desk's actions with a fake clock: the life of one incident after the first report
(supplement, follow-up with its changes, handling ended, summary), exports and filing
aids, the timeline and attachments, and the organisation profile dialog."""

from __future__ import annotations

import email
import hashlib
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from core.timeutil import BEIJING
from gui import dialogs
from gui.submission import SubmissionDialog, read_beijing, set_beijing
from tests.gui.conftest import DISCOVERED, save_screenshot, type_text


def card(window, obligation_id):
    found = window.desk.findChild(QWidget, f"countdown_{obligation_id}")
    assert found is not None, obligation_id
    return found.findChild(QLabel, "timeLeft").text(), found.property("state"), found.findChild(QLabel, "due").text()


def accept_submission(monkeypatch, *, at, obligation=None, kind=None, person="王芳", reference=None):
    """Make the next 登记报送 dialog fill in these values and accept (no real modal dialog)."""
    seen: list[SubmissionDialog] = []

    def run(dialog):
        assert isinstance(dialog, SubmissionDialog)
        form = dialog.form
        if obligation:
            form.obligation.setCurrentIndex(form.obligation.findData(obligation))
        if kind:
            form.kind.setCurrentIndex(form.kind.findData(kind))
        set_beijing(form.time, at)
        form.person.setText(person)
        if reference:
            form.reference.setText(reference)
        dialog._ok()
        seen.append(dialog)
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", run)
    return seen


def accept_export(monkeypatch, target: Path):
    monkeypatch.setattr(dialogs, "preview_pdf", lambda parent, path: True)
    monkeypatch.setattr(dialogs, "save_file", lambda parent, caption, default, filters: str(target))


def test_life_of_an_incident_from_first_report_to_summary(session, desk_window, clock, monkeypatch, tmp_path):
    window, incident_id = desk_window
    desk = window.desk
    assert card(window, "provincial_cyberspace_office")[:2] == ("4:00:00", "calm")

    # First report, on time, recorded from the desk; the nearest open obligation is preselected.
    clock.set(DISCOVERED + timedelta(hours=1, minutes=50))
    session.ticker.fire()
    accept_export(monkeypatch, tmp_path / "first.pdf")
    desk.export()  # Ctrl+E: the kind needed next is the first report
    assert (tmp_path / "first.pdf").exists() and "首报" in window.status_label.text()
    accept_submission(monkeypatch, at=DISCOVERED + timedelta(hours=1, minutes=45), obligation="provincial_cyberspace_office", reference="12387-0001")
    desk.record_submission()
    assert card(window, "provincial_cyberspace_office")[1] == "met"
    assert "按时" in desk.ledger.text() and "12387-0001" in desk.ledger.text() and "王芳" in desk.ledger.text()

    # A supplement: new facts, listed as changes since the submitted report.
    clock.set(DISCOVERED + timedelta(hours=6))
    dialog = desk.next_report("supplement")
    qtbot_wait(dialog)
    assert "还没有变化" in dialog.changes.text()
    session.hub.set_field(incident_id, "cause", "远程桌面弱口令被暴力破解")
    session.hub.flush()
    assert "远程桌面弱口令被暴力破解" in dialog.changes.text()  # the open dialog follows the edit
    accept_export(monkeypatch, tmp_path / "supplement.pdf")
    dialog.findChild(QWidget, "nextReportExport").click()
    assert (tmp_path / "supplement.pdf").exists()
    assert "补报" in dialog.findChild(QLabel, "nextReportMessage").text()
    accept_submission(monkeypatch, at=DISCOVERED + timedelta(hours=5, minutes=59), obligation="provincial_cyberspace_office")
    dialog.findChild(QWidget, "nextReportRecord").click()
    subs = session.service.store.get_incident(incident_id)["submissions"]
    assert [s["kind"] for s in subs] == ["initial", "supplement"]
    save_screenshot(dialog, "desk-supplement-dialog")
    dialog.close()

    # A follow-up shows only what changed since the supplement was submitted.
    clock.set(DISCOVERED + timedelta(days=1))
    session.hub.set_field(incident_id, "impact.people_affected", 150000)
    session.hub.flush()
    follow = desk.next_report("followup")
    text = follow.changes.text()
    assert "150000" in text and "远程桌面" not in text
    save_screenshot(follow, "desk-followup-dialog")
    follow.close()

    # Handling ends; the summary card counts down from the right due time (第八条, D7).
    clock.set(DISCOVERED + timedelta(days=3))
    window.desk.findChild(QWidget, "deskHandlingEnded").click()
    assert session.service.store.get_incident(incident_id)["handling_ended_at"] == "2026-11-27T09:30:00+08:00"
    assert not window.desk.findChild(QWidget, "deskHandlingEnded").isEnabled()
    left, state, due = card(window, "summary_report")
    assert "2026-12-27 23:59:59" in due and state == "calm"
    summary = desk.next_report("summary")
    assert "2026-12-27 23:59:59" in summary.findChild(QLabel, "summaryDue").text()
    accept_export(monkeypatch, tmp_path / "summary.pdf")
    summary.findChild(QWidget, "nextReportExport").click()
    assert (tmp_path / "summary.pdf").exists()
    accept_submission(monkeypatch, at=DISCOVERED + timedelta(days=20), obligation="summary_report", kind="summary")
    clock.set(DISCOVERED + timedelta(days=20, minutes=5))
    summary.findChild(QWidget, "nextReportRecord").click()
    assert card(window, "summary_report")[1] == "met"
    history = desk.history.text()
    assert history.count("PDF SHA-256") == 3 and "总结报告" in history
    summary.close()
    desk.tabs.setCurrentIndex(1)
    save_screenshot(window, "desk-ledger-after-summary")
    desk.tabs.setCurrentIndex(2)
    save_screenshot(window, "desk-report-history")


def qtbot_wait(widget):
    QApplication.processEvents()
    assert widget is not None and widget.isVisible()


def test_a_submission_in_the_future_is_refused_and_the_form_keeps_its_values(session, desk_window, clock):
    window, _ = desk_window
    result = window.desk.result
    dialog = SubmissionDialog(session.pack, result.obligations, clock.now(), parent=window)
    dialog.form.person.setText("王芳")
    set_beijing(dialog.form.time, clock.now() + timedelta(hours=1))
    dialog._ok()
    assert dialog.result_ is None and "晚于现在" in dialog.form.message.text()
    assert dialog.form.person.text() == "王芳"
    dialog.close()


def test_filing_aids_write_an_email_draft_a_phone_script_and_a_fax_cover(session, desk_window, monkeypatch, tmp_path):
    window, _ = desk_window
    accept_export(monkeypatch, tmp_path / "draft.eml")
    window.desk._email()
    message = email.message_from_bytes((tmp_path / "draft.eml").read_bytes())
    assert message["To"] == "12387@cert.org.cn"
    assert any(part.get_content_type() == "application/pdf" for part in message.walk())
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_text", lambda parent, title, text: shown.append(text))
    window.desk._phone()
    assert shown and "12387" in shown[0] and "一、涉事单位和系统" in shown[0]
    accept_export(monkeypatch, tmp_path / "cover.pdf")
    window.desk._fax()
    assert (tmp_path / "cover.pdf").read_bytes().startswith(b"%PDF")
    assert "传真封面已保存" in window.status_label.text()


def test_timeline_entries_are_added_in_one_line_and_may_be_back_dated(session, desk_window, clock):
    window, incident_id = desk_window
    pane = window.desk.timeline
    window.desk.tabs.setCurrentWidget(pane)
    before = len(session.service.store.get_incident(incident_id)["timeline"])
    pane.add_button.click()
    assert "请先写一句" in pane.message.text()
    type_text(pane.text, "已断开门诊服务器网络")
    set_beijing(pane.at, clock.now() + timedelta(minutes=5))
    pane.add()
    assert "晚于现在" in pane.message.text() and pane.text.text() == "已断开门诊服务器网络"  # kept
    set_beijing(pane.at, DISCOVERED - timedelta(minutes=20))  # back-dated
    pane.text.returnPressed.emit()
    timeline = session.service.store.get_incident(incident_id)["timeline"]
    assert len(timeline) == before + 1, pane.message.text()
    assert {"at": "2026-11-24T09:10:00+08:00", "text": "已断开门诊服务器网络"} in timeline
    assert pane.text.text() == ""
    texts = [pane.table.item(r, 1).text() for r in range(pane.table.rowCount())]
    assert "已断开门诊服务器网络" in texts
    clock.set(DISCOVERED + timedelta(minutes=3))  # the time follows the clock again after adding
    session.ticker.fire()
    assert read_beijing(pane.at) == clock.now()
    save_screenshot(window, "desk-timeline")


def test_attachments_by_drop_and_by_picker_show_sha256_and_open_a_copy(session, desk_window, monkeypatch, tmp_path):
    window, incident_id = desk_window
    pane = window.desk.attachments
    window.desk.tabs.setCurrentWidget(pane)
    note = tmp_path / "勒索信.txt"
    note.write_text("YOUR FILES ARE ENCRYPTED", encoding="utf-8")
    digest = hashlib.sha256(note.read_bytes()).hexdigest()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(note)), QUrl.fromLocalFile(str(tmp_path))])  # a file and a folder
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    pane.dropEvent(drop)
    assert pane.table.rowCount() == 1 and pane.table.item(0, 3).text() == digest
    assert digest in pane.message.text() and "不是文件" in pane.message.text()
    log = tmp_path / "firewall.log"
    log.write_bytes(b"deny 1.2.3.4\n")
    monkeypatch.setattr(dialogs, "open_file", lambda parent, caption, filters: str(log))
    pane.add_button.click()
    assert [a["name"] for a in session.service.store.attachments(incident_id)] == ["勒索信.txt", "firewall.log"]
    opened: list[str] = []
    monkeypatch.setattr(dialogs, "open_with_system", lambda path: opened.append(path) or True)
    pane.open_button.click()
    assert "请先在表中选中" in pane.message.text()
    pane.table.selectRow(0)
    pane.open_button.click()
    assert Path(opened[0]).read_bytes() == note.read_bytes() and Path(opened[0]).name == "勒索信.txt"
    assert "已用系统程序打开" in pane.message.text()
    save_screenshot(window, "desk-attachments")


def test_profile_dialog_refuses_a_wrong_credit_code_and_keeps_what_was_typed(session, qtbot):
    from gui.profile import ProfileDialog

    saved: list[dict] = []
    dialog = ProfileDialog({"name": "某某诊所"}, saved.append)
    qtbot.addWidget(dialog)
    code = dialog.findChild(QWidget, "profile_credit_code")
    code.setText("91350100M000100Y44")  # wrong check character
    assert "校验位不符" in dialog.findChild(QLabel, "profileMessage").text()
    dialog.save()
    assert saved == [] and "未保存" in dialog.findChild(QLabel, "profileMessage").text()
    assert code.text() == "91350100M000100Y44" and dialog.findChild(QWidget, "profile_name").text() == "某某诊所"
    save_screenshot(dialog, "profile-dialog-wrong-code")
    code.setText("91350100M000100Y43")
    dialog.findChild(QWidget, "profile_contact_email").setText("wf@example.cn")
    dialog.save()
    assert saved and saved[0]["credit_code"] == "91350100M000100Y43" and saved[0]["contact_email"] == "wf@example.cn"


def test_profile_menu_action_saves_to_the_store(session, desk_window, monkeypatch):
    window, _ = desk_window

    def run(dialog):
        dialog.findChild(QWidget, "profile_name").setText("某某市某某诊所")
        dialog.save()
        return True

    monkeypatch.setattr(dialogs, "run", run)
    assert window.action_profile.objectName() == "actionProfile"
    window.action_profile.trigger()
    assert session.service.store.profile()["name"] == "某某市某某诊所"
    assert "单位资料已保存" in window.status_label.text()


def test_the_desk_exports_an_editable_word_file_of_the_next_report(session, desk_window, monkeypatch, tmp_path):
    from docx import Document

    from gui import dialogs

    window, _incident_id = desk_window
    target = tmp_path / "首报.docx"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a, **_k: str(target))
    said: list[str] = []
    monkeypatch.setattr(window.desk, "_say", said.append)
    window.desk.export_docx()
    assert said[-1].endswith(str(target)) and target.exists()
    text = "".join(p.text for p in Document(str(target)).paragraphs)
    assert "网络安全事件报告（首报）" in text


def test_a_submission_that_cannot_be_written_is_offered_again_with_what_was_typed(session, desk_window, monkeypatch):
    from core.store import StoreReadOnly

    window, _incident_id = desk_window
    desk = window.desk
    runs: list[str] = []
    real_add = session.hub.add_submission

    def run(dialog):
        if not runs:  # the first time the user fills the form in
            dialog.form.person.setText("王芳")
            set_beijing(dialog.form.time, DISCOVERED)
        runs.append(dialog.form.person.text())
        dialog._ok()
        return True

    failures = [StoreReadOnly(None, "数据库只读")]

    def add(incident_id, submission):
        if failures:
            raise failures.pop()
        return real_add(incident_id, submission)

    monkeypatch.setattr(dialogs, "run", run)
    monkeypatch.setattr(session.hub, "add_submission", add)
    message = desk.record_submission()
    assert runs == ["王芳", "王芳"]  # shown again, as typed, after the failure
    assert message.startswith("已登记报送")


def test_the_submission_form_offers_only_the_channels_that_reach_the_recipient(qapp):
    """D13b: the police are reached in person, by phone or letter, never by 12387; a
    department that is not a 网信部门 is not offered the 12387 channels."""
    from core.assessment import check
    from core.rules import default_pack
    from tests.conftest import example

    pack = default_pack()
    doc = example()
    doc["schema"] = "incident-assistant/incident@3"
    doc["personal_info"] = {"affected": "yes", "authority": "某市教育局"}
    result = check(doc, pack, DISCOVERED + timedelta(minutes=20))
    dialog = SubmissionDialog(pack, result.obligations, DISCOVERED + timedelta(minutes=20), doc=result.doc, obligation="police_case")
    offered = [dialog.form.channel.itemData(i) for i in range(dialog.form.channel.count())]
    assert offered and not any(c.endswith("12387") or c == "wechat_official_account" for c in offered)
    assert "sms" not in offered and "announcement" not in offered
    dialog.form.preset("provincial_cyberspace_office")
    offered = [dialog.form.channel.itemData(i) for i in range(dialog.form.channel.count())]
    assert "email_12387" in offered
    dialog.deleteLater()


def test_the_desk_follows_a_running_defacement_as_time_passes(session, clock, qtbot):
    """D18: the desk shows the projection, and when its moment comes the 1 Hz tick brings the
    higher grade (recomputed once then, not on every tick)."""
    from tests.conftest import example

    doc = example("school-defacement-running.json")
    clock.set(datetime(2026, 11, 24, 9, 50, tzinfo=BEIJING))  # 20 minutes of a defaced homepage
    incident_id = session.service.store.import_document(doc)
    window = session.show_main_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.desk_ready)
    window.desk.show_incident(incident_id)
    heading = window.desk.heading.text()
    assert "一般" in heading and "10:00" in heading and "较大" in heading  # 30 minutes at 10:00
    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=BEIJING))
    session.ticker.fire()
    assert "定级：较大" in window.desk.heading.text()


def test_the_list_shows_the_live_grade_of_a_running_defacement(session, clock, qtbot):
    """D18: the list's stored grade cannot know the present moment; for an incident with a
    running duration the row in view shows core's live grade, recomputed when it can change."""
    from tests.conftest import example

    clock.set(datetime(2026, 11, 24, 9, 50, tzinfo=BEIJING))
    session.service.store.import_document(example("school-defacement-running.json"))
    window = session.show_main_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.running is not None)
    model = window.model
    grade = model.index(0, model.GRADE)
    session.ticker.fire()
    assert model.data(grade) == "一般"
    clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=BEIJING))
    session.ticker.fire()
    assert model.data(grade) == "较大"
