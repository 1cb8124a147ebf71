"""The use cases through core.service, as the GUI's hub and the CLI call them."""

from __future__ import annotations

from core.clock import FixedClock
from core.service import IncidentService
from core.store import open_store
from core.timeutil import parse_instant
from tests.conftest import minimal

NOW = parse_instant("2026-11-24T10:00:00+08:00")


def service(tmp_path):
    return IncidentService(open_store(tmp_path / "s.sqlite3", FixedClock(NOW)))


def test_a_recorded_submission_keeps_the_document_it_sent(tmp_path):
    s = service(tmp_path)
    iid = s.import_document(minimal(impact={"direct_loss_yuan": 6_000_000})).id
    s.record_submission(
        iid, {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T11:00:00+08:00", "channel": "email_12387"}
    )
    sent = s.last_submitted(iid)
    assert sent is not None and sent["submissions"][0]["kind"] == "initial"
    later = parse_instant("2026-11-24T12:00:00+08:00")  # after the submission
    assert s.assess(iid, later).obligation("provincial_cyberspace_office").status == "met"


def test_reminders_fire_once_each_and_use_the_callers_word_for_an_untitled_incident(tmp_path):
    s = service(tmp_path)
    iid = s.import_document(minimal(title=None, impact={"direct_loss_yuan": 6_000_000})).id  # due 13:30
    at = parse_instant("2026-11-24T13:20:00+08:00")
    shown, done = s.check_reminders(at, set(), "(untitled incident)")
    assert [(r.incident_id, r.threshold, r.title) for r in shown] == [(iid, "15", "(untitled incident)")]
    again, _ = s.check_reminders(at, done, "x")
    assert again == []
    s.remember_fired(sorted(done))
    assert set(s.fired_reminders()) == done


def test_an_exported_report_is_kept_as_a_snapshot_with_its_hash(tmp_path):
    s = service(tmp_path)
    iid = s.import_document(minimal(harm="文件被加密", measures_taken="已断网")).id
    info = s.export_report(iid, "initial", NOW, tmp_path / "r.pdf", app_version="test")
    snaps = s.store.snapshots(iid)
    assert [(x["kind"], x["pdf_sha256"]) for x in snaps] == [("initial", info.pdf_sha256)]


def test_a_real_incident_is_voided_with_a_reason_and_keeps_its_history(tmp_path):
    from core.store import InvalidEdit

    s = service(tmp_path)
    iid = s.import_document(minimal(impact={"direct_loss_yuan": 6_000_000})).id
    try:
        s.void(iid, "   ")
    except InvalidEdit as exc:
        assert "理由" in str(exc)
    else:
        raise AssertionError("a blank reason was accepted")
    try:
        s.delete_drill(iid)
    except InvalidEdit as exc:
        assert "作废" in str(exc)
    else:
        raise AssertionError("a real incident was deleted")
    s.void(iid, "误录：同一事件重复登记")
    assert [r.id for r in s.store.list_incidents(NOW)] == []  # out of the list
    voided = s.store.list_incidents(NOW, voided=True)
    assert [(r.id, r.voided, r.next_due) for r in voided] == [(iid, True, None)]  # no countdown, no reminder
    assert s.store.get_incident(iid)["voided"]["reason"] == "误录：同一事件重复登记"
    assert s.check_reminders(parse_instant("2026-11-24T13:25:00+08:00"), set(), "x")[0] == []
    assert s.store.verify().ok


def test_a_drill_is_deleted_with_everything_it_held_and_verify_stays_whole(tmp_path):
    s = service(tmp_path)
    keep = s.import_document(minimal(title="真实")).id
    drill = s.import_document(minimal(drill=True, title="演练", timeline=[{"at": "2026-11-24T09:30:00+08:00", "text": "演练开始"}])).id
    s.record_submission(drill, {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00"})
    s.delete_drill(drill)
    assert [r.id for r in s.store.list_incidents(NOW, voided=None)] == [keep]
    assert s.store.history(drill)[-1]["action"] == "delete"
    result = s.store.verify()
    assert result.ok, result.message()


# --- personal-information notices (D16) ---


def pi_leak() -> dict:
    doc = minimal(impact={"personal_info_leaked": 120_000})
    doc["schema"] = "incident-assistant/incident@2"
    doc["personal_info"] = {"affected": "yes", "authority": "某市卫生健康委员会"}
    return doc


def test_a_recorded_notice_keeps_the_exact_text_and_its_sha256_and_is_not_a_report_base(tmp_path):
    import hashlib

    s = service(tmp_path)
    iid = s.import_document(pi_leak()).id
    text = "【某诊所】您的就诊信息可能已泄露，详情见诊所公告或致电 0591-12345678。"
    s.record_notice(
        iid, {"obligation": "pi_individual_notice", "submitted_at": "2026-11-24T09:50:00+08:00", "channel": "sms", "recipients_count": 118_000}, text
    )
    result = s.assess(iid, NOW)
    assert result.obligation("pi_individual_notice").status == "done"
    assert result.obligation("pi_authority_notice").status == "open"
    [attachment] = s.store.attachments(iid)
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert attachment["sha256"] == digest and s.store.attachment_content(attachment["id"]).decode() == text
    [snap] = s.store.snapshots(iid)
    assert snap["kind"] == "submitted:notice" and snap["pdf_sha256"] == digest
    assert s.last_submitted(iid) is None  # a supplement's changes are counted from the last report, not a notice
    assert s.store.verify().ok


def test_a_waiver_needs_a_reason_and_can_be_withdrawn(tmp_path):
    import pytest

    from core.store import InvalidEdit

    s = service(tmp_path)
    iid = s.import_document(pi_leak()).id
    with pytest.raises(InvalidEdit, match="理由"):
        s.waive_individual_notice(iid, "  ")
    assert s.assess(iid, NOW).obligation("pi_individual_notice").status == "open"
    s.waive_individual_notice(iid, "泄露的数据已加密，密钥未泄露")
    assert s.assess(iid, NOW).obligation("pi_individual_notice").status == "waived"
    s.withdraw_waiver(iid)
    assert s.assess(iid, NOW).obligation("pi_individual_notice").status == "open"


def test_internal_reminders_come_from_the_store_and_stop_once_notified(tmp_path):
    s = service(tmp_path)
    iid = s.import_document(pi_leak()).id  # discovered 09:30
    shown, done = s.check_reminders(parse_instant("2026-11-24T10:31:00+08:00"), set(), "x")
    assert {(r.obligation.id, r.threshold) for r in shown} == {("pi_authority_notice", "internal_1h"), ("pi_individual_notice", "internal_1h")}
    assert all(r.internal for r in shown)
    s.record_notice(iid, {"obligation": "pi_authority_notice", "submitted_at": "2026-11-24T10:40:00+08:00", "channel": "email_other"}, "报告全文")
    s.waive_individual_notice(iid, "已加密")
    later, _ = s.check_reminders(parse_instant("2026-11-25T09:31:00+08:00"), done, "x")
    assert later == []


def test_internal_reminder_candidates_follow_changes_without_rescanning_every_incident(tmp_path):
    s = service(tmp_path)
    iid = s.import_document(pi_leak()).id
    other = s.import_document(pi_leak()).id
    at = parse_instant("2026-11-24T10:31:00+08:00")
    assert {r.incident_id for r in s.check_reminders(at, set(), "x")[0]} == {iid, other}
    s.save_fields(iid, {"personal_info.affected": "no", "impact.personal_info_leaked": 0})  # no longer concerned (a count above zero would still be, D16b)
    s.void(other, "录入错误")
    assert s.check_reminders(at, set(), "x")[0] == []
    rows, _latest = s.store.personal_info_changes(s._pi_since)
    assert {r[0] for r in rows} <= {iid, other}  # only what changed at or after the last look is read again
    s.save_fields(iid, {"personal_info.affected": "possible"})
    assert {r.incident_id for r in s.check_reminders(at, set(), "x")[0]} == {iid}


def test_a_running_defacement_reminds_once_when_its_projection_is_reached(tmp_path):
    """D18: the homepage defaced since 09:30 reaches 30 minutes (较大) at 10:00; the check
    after that moment reminds once, in the caller's language, and never again."""
    from tests.conftest import example

    svc = service(tmp_path)
    svc.import_document(example("school-defacement-running.json"))
    fired: set[str] = set()
    shown, done = svc.check_projection_reminders(parse_instant("2026-11-24T09:59:50+08:00"), fired, "（未命名事件）")
    assert shown == []
    shown, done = svc.check_projection_reminders(parse_instant("2026-11-24T10:00:05+08:00"), fired, "（未命名事件）")
    assert len(shown) == 1 and shown[0].projection.grade == "relatively_major"
    assert "10:00" in shown[0].message("zh", "较大") and "较大" in shown[0].message("zh", "较大")
    fired |= done
    again, _ = svc.check_projection_reminders(parse_instant("2026-11-24T10:00:20+08:00"), fired, "（未命名事件）")
    assert again == []


def test_voiding_with_an_invisible_reason_is_refused_in_the_callers_language(tmp_path):
    """D11a, D17: two zero-width spaces are no reason; the refusal names it in English too."""
    from core.store import StoreError

    s = service(tmp_path)
    iid = s.import_document(minimal()).id
    try:
        s.void(iid, "\u200b\u200b")
    except StoreError as exc:
        assert "理由" in exc.message("zh") and "reason" in exc.message("en")
    else:
        raise AssertionError("an invisible reason voided the incident")
    assert s.store.get_incident(iid).get("voided") is None
