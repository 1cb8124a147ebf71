"""The 12387 filing helpers (product.md §4.5): the .eml draft, the phone script and the
fax cover sheet; none of them is offered as satisfying a CII duty (D13)."""

from __future__ import annotations

import json
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from core.report import ReportError, render_report
from core.report.filing import eml_draft, phone_script, render_fax_cover
from core.rules import default_pack
from core.timeutil import parse_instant

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "report_fixtures"
PACK = default_pack()
NOW = parse_instant("2026-11-24T11:00:00+08:00")


def load(name: str) -> dict[str, Any]:
    path = ROOT / "resources" / "examples" / name if name == "clinic-ransomware.json" else FIXTURES / name
    return json.loads(path.read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def report_pdf(tmp_path: Path) -> Path:
    out = tmp_path / "网络安全事件报告-首报.pdf"
    render_report(load("clinic-ransomware.json"), PACK, "initial", NOW, out, app_version="t")
    return out


def parse_eml(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_eml_is_addressed_to_12387_with_the_pdf_attached(report_pdf: Path) -> None:
    message = parse_eml(eml_draft(load("clinic-ransomware.json"), PACK, "initial", report_pdf, NOW))
    assert message["To"] == "12387@cert.org.cn"
    assert message["From"] == "wangfang@example.cn"
    assert message["X-Unsent"] == "1"
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_content_type() == "application/pdf"
    assert attachments[0].get_filename() == report_pdf.name
    assert attachments[0].get_content() == report_pdf.read_bytes()


def test_eml_subject_names_the_reporter_and_the_report_kind(report_pdf: Path) -> None:
    for kind, name in (("initial", "首报"), ("followup", "续报")):
        subject = parse_eml(eml_draft(load("clinic-ransomware.json"), PACK, kind, report_pdf, NOW))["Subject"]
        assert "福州市鼓楼区康宁诊所" in subject and f"（{name}）" in subject


def test_eml_body_is_a_short_covering_message_in_the_units_name(report_pdf: Path) -> None:
    """The report carries the facts and the signature block; the message says what is
    attached and whom to call, in the reporting unit's name, and nothing about the app."""
    body = parse_eml(eml_draft(load("clinic-ransomware.json"), PACK, "initial", report_pdf, NOW)).get_body(("plain",))
    assert body is not None
    text = body.get_content()
    lines = [x for x in text.splitlines() if x.strip()]
    assert lines[0] == "您好："
    assert "福州市鼓楼区康宁诊所现报送网络安全事件「门诊系统文件被加密」的报告（首报）" in text and report_pdf.name in text
    assert "请联系王芳（电话 13800000000，邮箱 wangfang@example.cn）" in text
    assert lines[-2:] == ["福州市鼓楼区康宁诊所", "2026年11月24日"]
    assert len(lines) <= 6
    for absent in ("关键信息基础设施", "助手", "草稿", "（盖章）", "（签字）", "填报人"):
        assert absent not in text, absent


def test_eml_for_a_cii_incident_says_the_unit_reports_to_the_cii_recipients_directly(report_pdf: Path) -> None:
    message = parse_eml(eml_draft(load("cii-hospital.json"), PACK, "initial", report_pdf, NOW))
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "本事件涉及关键信息基础设施，本单位同时直接向保护工作部门（浙江省卫生健康委员会）、公安机关报告。" in text
    assert "D13" not in text and "须另行" not in text


def test_eml_of_a_voided_incident_says_so_first(report_pdf: Path) -> None:
    doc = clinic()
    doc["schema"] = "incident-assistant/incident@2"
    doc["voided"] = {"at": "2026-11-24T10:30:00+08:00", "reason": "误报：是打印机驱动弹窗"}
    message = parse_eml(eml_draft(doc, PACK, "initial", report_pdf, NOW))
    body = message.get_body(("plain",))
    assert body is not None and message["Subject"].startswith("【已作废】")
    assert "【已作废：误报：是打印机驱动弹窗（2026年11月24日作废）】" in body.get_content()


def test_eml_of_a_drill_is_marked_and_a_bad_sender_address_is_left_out(report_pdf: Path) -> None:
    doc = load("drill-ministry.json")
    doc["reporter"]["contact_email"] = "not an address\r\nBcc: x@example.com"
    message = parse_eml(eml_draft(doc, PACK, "initial", report_pdf, NOW))
    assert message["Subject"].startswith("【演练】")
    assert message["From"] is None and message["Bcc"] is None


def test_phone_script_reads_items_one_and_two_aloud() -> None:
    doc = load("clinic-ransomware.json")
    script = phone_script(doc, PACK, NOW)
    flat = squash(script)
    for value in (
        doc["reporter"]["name"],
        doc["reporter"]["credit_code"],
        doc["systems"][0]["name"],
        doc["systems"][0]["description"],
        doc["location"],
        doc["ransomware"]["method"],
        doc["ransomware"]["date"],
        doc["ransomware"]["contact"],
    ):
        assert squash(value) in flat, value
    for value in (doc["harm"], doc["measures_taken"]):
        assert squash(value).rstrip("。") in flat
    assert "2026年11月24日9时30分" in script and "2026年11月24日8时10分" in script
    assert "恶意程序事件中的勒索软件事件" in script and "较大" in script
    assert "对方要求支付2个比特币的赎金" in script and "赎金未支付。" in script
    assert "币种" not in script and "赎金金额是" not in script
    assert "拨打 12387" in script and "。。" not in script
    assert "趋势" not in script and doc["cause"] not in script  # items 三 to 八 are not read out


def test_phone_script_says_what_is_unknown_and_flags_cii_and_drills() -> None:
    drill = phone_script(load("drill-ministry.json"), PACK, NOW)
    assert "【演练】" in drill and "地点是目前还不清楚，将及时补报" in drill
    cii = phone_script(load("cii-hospital.json"), PACK, NOW)
    assert PACK.channel_rule.text in cii
    assert "属于关键信息基础设施" in cii


def test_fax_cover_is_one_page_with_the_fax_number_and_page_count(tmp_path: Path) -> None:
    out = render_fax_cover(load("clinic-ransomware.json"), PACK, "supplement", NOW, tmp_path / "fax.pdf", pages=3)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    assert "010-82992387" in text and "共4页（含本页；报告3页）" in text
    assert "网络安全事件报告（补报）" in text and "福州市鼓楼区康宁诊所" in text


def test_fax_cover_stays_one_page_with_very_long_values_and_marks_cii_and_drill(tmp_path: Path) -> None:
    doc = load("cii-hospital.json")
    doc["drill"] = True
    doc["reporter"]["name"] = "很长的单位名称" * 1500
    doc["title"] = "W" * 10000
    out = render_fax_cover(doc, PACK, "initial", NOW, tmp_path / "fax.pdf", pages=12)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = squash(reader.pages[0].extract_text())
    assert "演练" in text and "本单位同时直接向保护工作部门" in text


def test_helpers_refuse_an_unknown_kind(tmp_path: Path, report_pdf: Path) -> None:
    with pytest.raises(ReportError):
        eml_draft(load("clinic-ransomware.json"), PACK, "draft", report_pdf, NOW)
    with pytest.raises(ReportError):
        render_fax_cover(load("clinic-ransomware.json"), PACK, "draft", NOW, tmp_path / "f.pdf", pages=1)


def clinic() -> dict[str, Any]:
    return load("clinic-ransomware.json")


@pytest.mark.parametrize(("paid", "said"), [(True, "赎金已支付。"), (False, "赎金未支付。"), (None, None)])
def test_phone_script_says_paid_or_not_only_when_known(paid: bool | None, said: str | None) -> None:
    doc = clinic()
    doc["ransomware"]["paid"] = paid
    script = phone_script(doc, PACK, NOW)
    if said is None:
        assert "已支付" not in script and "未支付" not in script
    else:
        assert said in script


def test_phone_script_names_an_unknown_currency_as_typed() -> None:
    doc = clinic()
    doc["ransomware"]["currency"] = "ZEC"
    doc["ransomware"]["amount"] = 3.5
    assert "对方要求支付3.5 ZEC的赎金" in phone_script(doc, PACK, NOW)


def test_the_fax_cover_carries_the_signature_block(tmp_path: Path) -> None:
    cover = render_fax_cover(clinic(), PACK, "initial", NOW, tmp_path / "c.pdf", 1)
    flat = squash(PdfReader(cover).pages[0].extract_text())
    for label in ("报告单位（盖章）福州市鼓楼区康宁诊所", "负责人（签字）", "填报人及联系电话王芳，13800000000", "报告日期2026年11月24日"):
        assert label in flat
