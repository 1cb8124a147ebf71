"""The personal-information notice forms: recording a notice given (with the exact text)
and the written reason for not notifying individuals; bad input is refused with a message
and the typed text is kept."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from core.assessment import assess
from core.rules import default_pack
from gui.notice_dialogs import NoticeDialog, WaiverDialog, notice_obligations
from gui.submission import set_beijing
from tests.conftest import minimal
from tests.gui.conftest import DISCOVERED

PACK = default_pack()


def clinic_leak() -> dict[str, Any]:
    doc = minimal(impact={"personal_info_leaked": 120_000})
    doc["schema"] = "incident-assistant/incident@2"
    doc["personal_info"] = {"affected": "yes", "authority": "某市卫生健康委员会", "count": 118_000}
    return doc


def obligation(doc: dict[str, Any], oid: str):
    return next(o for o in notice_obligations(assess(doc, PACK, DISCOVERED).obligations) if o.id == oid)


def test_a_notice_to_individuals_is_refused_without_text_or_in_the_future_and_keeps_what_was_typed(qtbot):
    doc = clinic_leak()
    dialog = NoticeDialog(PACK, doc, obligation(doc, "pi_individual_notice"), DISCOVERED)
    qtbot.addWidget(dialog)
    assert dialog.count is not None and dialog.count.value() == 118_000  # the count the user gave
    channels = [dialog.channel.itemData(i) for i in range(dialog.channel.count())]
    assert "sms" in channels and "website_12387" not in channels
    dialog._ok()
    assert dialog.result_ is None and "文本" in dialog.message.text()
    dialog.text.setPlainText("【某诊所】您的就诊信息可能已泄露……")
    set_beijing(dialog.time, DISCOVERED + timedelta(minutes=5))
    dialog._ok()
    assert dialog.result_ is None and "晚于现在" in dialog.message.text()
    assert dialog.text.toPlainText() == "【某诊所】您的就诊信息可能已泄露……"
    set_beijing(dialog.time, DISCOVERED - timedelta(minutes=5))
    dialog.channel.setCurrentIndex(channels.index("sms"))
    dialog._ok()
    assert dialog.result_ is not None
    submission, text = dialog.result_
    assert submission["kind"] == "notice" and submission["channel"] == "sms" and submission["recipients_count"] == 118_000
    assert text.startswith("【某诊所】")


def test_the_department_form_has_no_count_and_offers_what_reaches_it(qtbot):
    doc = clinic_leak()
    dialog = NoticeDialog(PACK, doc, obligation(doc, "pi_authority_notice"), DISCOVERED, text="报告全文")
    qtbot.addWidget(dialog)
    assert dialog.count is None
    channels = {dialog.channel.itemData(i) for i in range(dialog.channel.count())}
    assert "sms" not in channels and "in_person" in channels


def test_a_waiver_needs_a_reason(qtbot):
    dialog = WaiverDialog(PACK)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText("   ")
    dialog._ok()
    assert dialog.result_ is None and "须写明理由" in dialog.message.text()
    dialog.reason.setPlainText("丢失的是加密硬盘，密钥未丢失")
    dialog._ok()
    assert dialog.result_ == "丢失的是加密硬盘，密钥未丢失"


def test_through_the_hub_a_notice_and_a_waiver_change_the_cards(session):
    hub = session.hub
    incident_id = hub.import_document(clinic_leak())
    hub.record_notice(
        incident_id, {"obligation": "pi_authority_notice", "kind": "notice", "submitted_at": DISCOVERED.isoformat(), "channel": "email_other"}, "报告全文"
    )
    hub.waive_individual_notice(incident_id, "已加密")
    statuses = {o.id: o.status for o in notice_obligations(hub.service.assess(incident_id, DISCOVERED + timedelta(minutes=1)).obligations)}
    assert statuses == {"pi_authority_notice": "done", "pi_individual_notice": "waived"}
    hub.withdraw_waiver(incident_id)
    assert hub.service.assess(incident_id, DISCOVERED).obligation("pi_individual_notice").status == "open"
