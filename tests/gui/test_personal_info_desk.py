"""The personal-information notices (个人信息保护法第五十七条, D16) in the desktop, with a fake
clock: the wizard asks the page when personal information was or may have been affected,
the cards say 立即 / 已通知 / 不通知, the desk's and the review page's 「个人信息通知」 group
records notices (prefilled with the generated text), waives and withdraws, makes the
documents or names what to fill, and the ledger shows each notice with its text's hash."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from gui import dialogs, i18n
from gui.notice_dialogs import NoticeDialog, WaiverDialog
from gui.notice_group import NoticeGroup, SmsDialog
from gui.submission import set_beijing
from gui.wizard.facts import PAGE_IMPACT, PAGE_RESPONSE, PAGE_REVIEW
from gui.wizard.personal_info import PAGE_PERSONAL_INFO
from tests.conftest import example
from tests.gui.conftest import DISCOVERED, save_screenshot

FULL_PI = {
    "affected": "possible",
    "kinds": "姓名、手机号、病历",
    "count": 118_000,
    "cause": "门诊服务器被勒索软件攻击，攻击者可能复制了数据库",
    "possible_harm": "可能收到冒充诊所的诈骗电话",
    "remedies": "已断开服务器网络、修改全部密码并报警",
    "individual_measures": "不要相信索要验证码或转账的电话",
    "contact": "0591-12345678（工作日 8:00–17:00）",
    "authority": "某市卫生健康委员会",
}


def clinic_leak(**pi: Any) -> dict[str, Any]:
    doc = example()
    doc["schema"] = "incident-assistant/incident@2"
    doc["personal_info"] = {**FULL_PI, **pi}
    return doc


def open_desk(session, qtbot, doc: dict[str, Any]):
    incident_id = session.service.store.import_document(doc)
    window = session.show_main_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.desk_ready)
    window.select_incident(incident_id)
    return window, incident_id


def card_texts(root: QWidget, obligation_id: str) -> tuple[str, str, str]:
    card = root.findChild(QWidget, f"countdown_{obligation_id}")
    assert card is not None, obligation_id
    return tuple(card.findChild(QLabel, name).text() for name in ("timeLeft", "status", "due"))  # type: ignore[return-value]


def group_of(root: QWidget) -> NoticeGroup:
    group = root.findChild(NoticeGroup, "piNotices")
    assert group is not None
    return group


def button(root: QWidget, name: str) -> QPushButton:
    found = root.findChild(QPushButton, name)
    assert found is not None, name
    return found


# --- the wizard ---
def test_the_impact_answer_decides_whether_the_personal_information_page_comes_next(wizard, qtbot):
    wizard.jump_to(PAGE_IMPACT)
    page = wizard.currentPage()
    affected = next(f for f in page.fields if f.path == "personal_info.affected")
    combo = affected.widget
    assert [combo.itemText(i) for i in range(combo.count())][0] == "不知道" and combo.count() == 4
    assert page.nextId() == PAGE_RESPONSE  # nothing said about personal information
    combo.setCurrentIndex(combo.findData("possible"))
    assert wizard.document()["personal_info"]["affected"] == "possible"
    assert page.nextId() == PAGE_PERSONAL_INFO
    wizard.next()
    assert wizard.currentId() == PAGE_PERSONAL_INFO and wizard.currentPage().objectName() == "pagePersonalInfo"
    assert wizard.currentPage().nextId() == PAGE_RESPONSE
    wizard.back()
    combo.setCurrentIndex(combo.findData("no"))
    assert page.nextId() == PAGE_RESPONSE
    combo.setCurrentIndex(0)  # 不知道: null, and then a leaked count decides
    assert wizard.document()["personal_info"]["affected"] is None
    leaked = next(f for f in page.fields if f.path == "personal_info.count")  # the one number (D16a)
    leaked.emit(500)
    assert page.nextId() == PAGE_PERSONAL_INFO


def test_the_review_page_links_a_missing_personal_information_item_to_its_page_and_ends_the_wizard(session, qtbot):
    incident_id = session.service.store.import_document(clinic_leak(remedies=None))
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_REVIEW)
    review = wizard.currentPage()
    assert review.nextId() == -1
    from gui.wizard.review import page_of

    assert page_of("personal_info.remedies") == PAGE_PERSONAL_INFO and page_of("personal_info.affected") == PAGE_IMPACT
    review.missing.linkActivated.emit(f"page:{PAGE_PERSONAL_INFO}")
    assert wizard.currentId() == PAGE_PERSONAL_INFO
    wizard.jump_to(PAGE_REVIEW)
    assert wizard.currentId() == PAGE_REVIEW
    group = group_of(wizard.currentPage())
    assert group.isVisibleTo(wizard.currentPage())
    # The same group as on the desk: a refused letter names the gap and leads to the page.
    group.export("letter", "pdf")
    assert "（二）" in group.message.text() and "补救措施" in group.message.text()
    assert group.fill_button.isVisibleTo(group)
    group.fill_button.click()
    assert wizard.currentId() == PAGE_PERSONAL_INFO
    save_screenshot(wizard, "wizard-personal-info-page")


# --- the cards ---
def test_the_notice_cards_say_immediately_then_notified_or_not_notified(session, qtbot, monkeypatch, clock):
    window, incident_id = open_desk(session, qtbot, clinic_leak())
    desk = window.desk
    for oid in ("pi_authority_notice", "pi_individual_notice"):
        left, status, due = card_texts(desk, oid)
        assert (left, status) == ("立即", "立即 · 待通知") and "立即" in due and "小时" not in status
    group = group_of(desk)
    assert group.isVisibleTo(desk) and button(desk, "piWaive").isVisibleTo(desk) and not button(desk, "piWithdrawWaiver").isVisibleTo(desk)

    def waive(dialog):
        assert isinstance(dialog, WaiverDialog)
        dialog.reason.setPlainText("丢失的是加密硬盘，密钥未丢失")
        dialog._ok()
        return True

    monkeypatch.setattr(dialogs, "run", waive)
    button(desk, "piWaive").click()
    assert card_texts(desk, "pi_individual_notice")[1] == "已决定不通知（已写明理由）"
    assert button(desk, "piWithdrawWaiver").isVisibleTo(desk) and not button(desk, "piWaive").isVisibleTo(desk)
    button(desk, "piWithdrawWaiver").click()  # the department requires the notice after all (D16)
    assert card_texts(desk, "pi_individual_notice")[1] == "立即 · 待通知"
    assert "须通知个人" in window.status_label.text()


# --- recording notices, and the ledger ---
def test_a_notice_to_individuals_is_prefilled_with_the_sms_text_and_shows_in_the_ledger_with_its_hash(session, qtbot, monkeypatch, clock):
    window, incident_id = open_desk(session, qtbot, clinic_leak())
    desk = window.desk
    clock.set(DISCOVERED + timedelta(hours=2))
    seen: list[NoticeDialog] = []

    def record(dialog):
        assert isinstance(dialog, NoticeDialog)
        first = dialog.text.toPlainText()
        dialog.channel.setCurrentIndex(dialog.channel.findData("announcement"))
        seen.append(dialog)
        assert "公告" in dialog.text.toPlainText() and dialog.text.toPlainText() != first  # follows the channel
        dialog.channel.setCurrentIndex(dialog.channel.findData("sms"))
        set_beijing(dialog.time, DISCOVERED + timedelta(hours=1))
        dialog._ok()
        return True

    monkeypatch.setattr(dialogs, "run", record)
    button(desk, "piRecordIndividuals").click()
    submission, text = seen[0].result_
    assert text.startswith("【") and len(text) <= 70 and "0591-12345678" in text  # the one-message SMS
    assert card_texts(desk, "pi_individual_notice")[1] == "已通知"
    ledger = desk.ledger.text()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert "个人信息通知" in ledger and "短信" in ledger and "118,000 人" in ledger and digest[:16] in ledger and digest[16:32] not in ledger

    def typed(dialog):
        assert "某市卫生健康委员会" in dialog.text.toPlainText()  # the department gets the report's text
        dialog.text.setPlainText("电话通知了卫健委值班室")
        dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
        dialog._ok()
        return True

    monkeypatch.setattr(dialogs, "run", typed)
    button(desk, "piRecordAuthority").click()
    assert card_texts(desk, "pi_authority_notice")[1] == "已通知"
    other = hashlib.sha256("电话通知了卫健委值班室".encode()).hexdigest()[:16]
    assert other in desk.ledger.text() and digest[:16] in desk.ledger.text()
    save_screenshot(window, "desk-personal-info-notices")


def test_a_department_notice_with_a_typed_text_keeps_it_when_the_channel_changes(qtbot):
    from core.assessment import assess
    from core.rules import default_pack

    pack = default_pack()
    doc = clinic_leak()
    obligation = assess(doc, pack, DISCOVERED).obligation("pi_authority_notice")
    dialog = NoticeDialog(pack, doc, obligation, DISCOVERED, suggest=lambda channel: f"生成的文本 {channel}")
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText().startswith("生成的文本")
    dialog.text.setPlainText("我自己写的")
    dialog.channel.setCurrentIndex(dialog.channel.count() - 1)
    assert dialog.text.toPlainText() == "我自己写的"


# --- the documents ---
def test_the_notice_documents_are_saved_as_pdf_and_word_and_a_gap_is_named_with_the_way_to_fill_it(session, qtbot, monkeypatch, tmp_path):
    window, incident_id = open_desk(session, qtbot, clinic_leak())
    desk = window.desk
    group = group_of(desk)
    targets: list[Path] = []

    def save(parent, caption, default, filters):
        targets.append(tmp_path / Path(default).name)
        return str(targets[-1])

    monkeypatch.setattr(dialogs, "save_file", save)
    for kind, fmt, magic in (("letter", "pdf", b"%PDF"), ("letter", "docx", b"PK"), ("announcement", "pdf", b"%PDF"), ("authority", "docx", b"PK")):
        group.export(kind, fmt)
        assert targets[-1].read_bytes().startswith(magic), (kind, fmt)
        assert targets[-1].stat().st_mode & 0o077 == 0  # readable by the user only
    assert "告知书" in targets[0].name and targets[-1].suffix == ".docx"
    assert "已保存" in window.status_label.text() and not group.fill_button.isVisibleTo(group)

    session.hub.set_field(incident_id, "personal_info.contact", "")
    session.hub.flush()
    asked = len(targets)
    group.export("announcement", "pdf")
    assert len(targets) == asked  # refused before asking where to save
    assert "（三）" in group.message.text() and "联系方式" in group.message.text() and group.fill_button.isVisibleTo(group)
    opened = []
    monkeypatch.setattr(session, "open_wizard", lambda iid: opened.append(iid) or _Jumper(opened))
    desk.open_wizard = session.open_wizard
    group.fill_button.click()
    assert opened == [incident_id, PAGE_PERSONAL_INFO]


class _Jumper:
    def __init__(self, log: list[Any]) -> None:
        self.log = log

    def jump_to(self, page: int) -> None:
        self.log.append(page)


def test_the_sms_dialog_shows_both_texts_with_their_counts_and_copies_them(session, qtbot, monkeypatch):
    window, incident_id = open_desk(session, qtbot, clinic_leak())
    shown: list[SmsDialog] = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: shown.append(dialog) or True)
    button(window.desk, "piSms").click()
    dialog = shown[0]
    short, long = dialog.short.toPlainText(), dialog.long.toPlainText()
    assert len(short) <= 70 and len(long) > 70 and "不要相信" in long
    assert f"{len(short)} 字" in dialog.findChild(QLabel, "smsShortCount").text()
    assert f"{len(long)} 字" in dialog.findChild(QLabel, "smsLongCount").text()
    dialog.findChild(QPushButton, "smsLongCopy").click()
    assert QApplication.clipboard().text() == long
    dialog.findChild(QPushButton, "smsShortCopy").click()
    assert QApplication.clipboard().text() == short


def test_an_incident_without_personal_information_has_no_notice_group(desk_window):
    window, _incident_id = desk_window
    assert not group_of(window.desk).isVisibleTo(window.desk)
    assert window.desk.findChild(QWidget, "countdown_pi_individual_notice") is None


def test_in_english_the_documents_stay_chinese_with_an_english_preview(session, qtbot, monkeypatch, tmp_path):
    assert session.switch_language("en")
    try:
        window, incident_id = open_desk(session, qtbot, clinic_leak())
        desk = window.desk
        assert button(desk, "piPreviewEnglish").isVisibleTo(desk)
        assert card_texts(desk, "pi_authority_notice")[:2] == ("Immediately", "Immediately · to notify")
        shown: list[tuple[str, str]] = []
        monkeypatch.setattr(dialogs, "show_text", lambda parent, title, text: shown.append((title, text)))
        group_of(desk).preview_english("letter")
        assert shown and "Article 57" in shown[0][1] and "Dear Sir or Madam" in shown[0][1]
        monkeypatch.setattr(dialogs, "save_file", lambda parent, caption, default, filters: str(tmp_path / "letter.docx"))
        group_of(desk).export("letter", "docx")
        from docx import Document

        body = "\n".join(p.text for p in Document(str(tmp_path / "letter.docx")).paragraphs)
        assert "个人信息" in body  # the notice itself is Chinese
    finally:
        i18n.set_language("zh")


def test_what_happened_to_the_information_is_asked_with_tick_boxes(session, qtbot):
    """§9.1 ``personal_info.what``: the notices name exactly what happened; none ticked is
    not known. Real hands."""
    from PySide6.QtWidgets import QCheckBox

    from tests.walk.hands import Hands, find

    incident_id = session.service.store.import_document(clinic_leak())
    wizard = session.open_wizard(incident_id)
    qtbot.addWidget(wizard)
    wizard.jump_to(PAGE_PERSONAL_INFO)
    hands = Hands()
    hands.click(find(wizard, "personal_info_what_leaked", QCheckBox))
    hands.click(find(wizard, "personal_info_what_lost", QCheckBox))
    wizard.hub.flush()
    assert session.service.store.get_incident(incident_id)["personal_info"]["what"] == ["leaked", "lost"]
    hands.click(find(wizard, "personal_info_what_leaked", QCheckBox))
    hands.click(find(wizard, "personal_info_what_lost", QCheckBox))
    wizard.hub.flush()
    assert session.service.store.get_incident(incident_id)["personal_info"].get("what") is None
