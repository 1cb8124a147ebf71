"""The reporter's worksheet (报送工作单, product.md §9.4): every duty with its due time and
status, the channels that reach each recipient (D13b), what is still missing, the
running-duration projections, and what it was made from; exported by
``pdf FILE|ID --kind worksheet``, never mixed into the report."""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from core.assessment import check
from core.canonical import document_hash
from core.cli import main
from core.report import Stamp, render_worksheet, render_worksheet_bytes, worksheet_for
from core.report.worksheet import projection_lines
from core.rules import default_pack
from core.timeutil import parse_instant
from tests.core.walkthroughs import clinic_ransomware, school_defacement

ROOT = Path(__file__).resolve().parents[2]
PACK = default_pack()
NOW = parse_instant("2026-11-24T10:05:00+08:00")
CII = ROOT / "tests" / "core" / "report_fixtures" / "cii-hospital.json"


def cii() -> dict[str, Any]:
    return json.loads(CII.read_text(encoding="utf-8"))


def flat(data: bytes) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(data)).pages)


def channels(content: Any) -> dict[str, str]:
    return {line.label: str(line.value) for line in content.channels}


@pytest.mark.parametrize("make", [clinic_ransomware, school_defacement, cii], ids=["clinic", "school", "cii"])
def test_every_duty_is_listed_with_its_due_time_and_status(make: Any) -> None:
    doc = make()
    result = check(doc, PACK, NOW)
    content = worksheet_for(doc, PACK, NOW, app_version="t")
    assert [r.recipient.split("（")[0] for r in content.duties] == [o.recipient.split("（")[0] for o in result.obligations]
    text = flat(render_worksheet_bytes(doc, PACK, NOW, app_version="t"))
    for o in result.obligations:
        assert "".join(o.recipient.split()) in text and "".join(o.basis.split()) in text
    for o in result.obligations:
        if o.due is not None:
            assert o.due.astimezone(NOW.tzinfo).strftime("%Y-%m-%d%H:%M") in text


def test_the_statuses_say_what_is_still_to_do_and_what_was_done() -> None:
    doc = cii()  # protection department reported on time, the police late, the sector duty never
    rows = {r.recipient: r.status for r in worksheet_for(doc, PACK, NOW, app_version="t").duties}
    assert rows["保护工作部门（浙江省卫生健康委员会）"].endswith("按时")
    assert rows["公安机关"].endswith("迟于期限")
    assert rows["省卫生健康委员会网络安全处（卫生健康行业网络安全事件报告规定）"] == "尚未报送，已过期限，请立即报送"
    early = worksheet_for(clinic_ransomware(), PACK, NOW, app_version="t")
    assert {r.recipient: r.status for r in early.duties}["属地省级网信部门（福建省）"] == "尚未报送（期限未到）"


def test_the_channels_are_those_that_reach_each_recipient() -> None:
    """12387 reaches the 网信部门 only; SMS, IM and a public notice reach individuals only:
    the police are never offered them (D13b)."""
    lines = channels(worksheet_for(cii(), PACK, NOW, app_version="t"))
    for police in ("公安机关", "公安机关（报案）", "保护工作部门（浙江省卫生健康委员会）"):
        for absent in ("短信", "即时通信工具", "公告", "12387 网络安全事件报告热线", "12387 官网"):
            assert absent not in lines[police], (police, absent)
        assert "当面报送" in lines[police] and "12387 各渠道不能代替" in lines[police]
    school = channels(worksheet_for(school_defacement(), PACK, NOW, app_version="t"))
    assert "12387 网络安全事件报告热线" in school["属地省级网信部门（福建省）"]
    assert "短信" in school["受影响的个人"] and "12387" not in school["受影响的个人"]
    department = school["履行个人信息保护职责的部门（南平市建阳区教育局）"]
    assert "短信" not in department and "公告" not in department and "12387" not in department


def test_what_is_missing_is_named_by_its_statutory_label() -> None:
    content = worksheet_for(clinic_ransomware(), PACK, NOW, app_version="t")
    assert content.missing_initial == ()
    assert content.missing_complete[0] == "（三）事态发展趋势及可能的进一步影响和危害"
    assert "（七）现场保护情况" in content.missing_complete and "（五）攻击路径" in content.missing_complete
    assert all(not re.search(r"[a-z_]+\.[a-z_]+", x) for x in content.missing_complete)  # no JSON keys
    text = flat(render_worksheet_bytes(clinic_ransomware(), PACK, NOW, app_version="t"))
    assert "首报尚缺（第七条第二款：可先报第一、二项）：无" in text and "完整报告尚缺：" in text


def test_versions_hash_and_anchor_are_on_the_worksheet_and_in_its_metadata() -> None:
    doc = clinic_ransomware()
    data = render_worksheet_bytes(doc, PACK, NOW, app_version="9.9.9", stamp=Stamp(anchor="12-3f9a-77c1-0b2e-9d40"))
    text = flat(data)
    assert "incident-assistant9.9.9" in text and f"规则版本{PACK.version}" in text and document_hash(doc) in text
    assert "记录校验码12-3f9a-77c1-0b2e-9d40" in text and "事件编号2026-0007" in text
    meta = PdfReader(BytesIO(data)).metadata
    assert meta is not None and meta.title == "报送工作单" and document_hash(doc) in str(meta["/Keywords"])


def test_a_general_incident_worksheet_says_the_report_is_voluntary() -> None:
    doc = clinic_ransomware()
    doc["impact"] = {"people_affected": 10}
    doc["personal_info"] = None
    text = flat(render_worksheet_bytes(doc, PACK, NOW, app_version="t"))
    assert "一般事件：依《办法》第四条无须报告；如报送，为自愿报送" in text
    assert "一般事件，依《办法》第四条无须报告" in text  # the duty's status


def test_projections_name_the_moment_and_the_grade_in_plain_words() -> None:
    projection = {
        "at": "2026-11-24T14:40:00+08:00",
        "grade": "relatively_major",
        "item": "附件 三 通常情况 第6项",
        "text": "在主页上出现并持续30分钟以上",
        "field": "impact.defacement.homepage_started_at",
    }
    result = SimpleNamespace(projections=[projection, SimpleNamespace(**projection | {"grade": "major", "at": parse_instant("2026-11-24T15:10:00+08:00")})])
    lines = projection_lines(result, PACK)  # type: ignore[arg-type]
    assert len(lines) == 2
    assert lines[0].startswith("若") and "仍未结束，2026-11-24 14:40:00（北京时间）起为较大事件" in lines[0]
    assert "《办法》附件三通常情况第6项" in lines[0] and "homepage_started_at" not in lines[0]
    assert "起为重大事件" in lines[1]
    assert projection_lines(SimpleNamespace(), PACK) == ()  # type: ignore[arg-type]


def test_the_cli_exports_the_worksheet_as_pdf_and_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "incident.json"
    source.write_text(json.dumps(clinic_ransomware(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "工作单.pdf"
    assert main(["pdf", str(source), "--kind", "worksheet", "-o", str(out), "--now", "2026-11-24T10:05:00+08:00"]) == 0
    assert "报送工作单" in capsys.readouterr().out
    text = flat(out.read_bytes())
    assert text.startswith("报送工作单") and "各报送对象可用的渠道" in text
    word = tmp_path / "工作单.docx"
    assert main(["pdf", str(source), "--kind", "worksheet", "--format", "docx", "-o", str(word)]) == 0
    document = Document(str(word))
    assert document.paragraphs[0].text == "报送工作单" and len(document.tables) == 2


def test_the_cli_refuses_filing_helpers_with_the_worksheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "incident.json"
    source.write_text(json.dumps(clinic_ransomware(), ensure_ascii=False), encoding="utf-8")
    code = main(["pdf", str(source), "--kind", "worksheet", "-o", str(tmp_path / "w.pdf"), "--eml", str(tmp_path / "w.eml")])
    err = capsys.readouterr().err
    assert code == 2 and "--kind worksheet" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "w.pdf").exists()


def test_render_worksheet_writes_the_file(tmp_path: Path) -> None:
    path = render_worksheet(cii(), PACK, NOW, tmp_path / "w.pdf", app_version="t")
    assert path.read_bytes() == render_worksheet_bytes(cii(), PACK, NOW, app_version="t")  # deterministic


RUNNING = ROOT / "resources" / "examples" / "school-defacement-running.json"


def test_the_worksheet_shows_the_projection_of_a_running_duration_in_the_desks_words() -> None:
    """D18: the home page is still defaced at 09:50; at 10:00 it has lasted 30 minutes and
    the incident is 较大 (附件三第6项), due by 13:30 (4 hours from discovery, not from 10:00)."""
    doc = json.loads(RUNNING.read_text(encoding="utf-8"))
    content = worksheet_for(doc, PACK, parse_instant("2026-11-24T09:50:00+08:00"), app_version="t")
    assert content.projections == ("若首页篡改内容仍未清除，北京时间 10:00 起为较大事件，须在 13:30 前报告（《办法》附件三通常情况第6项）",)
    text = flat(render_worksheet_bytes(doc, PACK, parse_instant("2026-11-24T09:50:00+08:00"), app_version="t"))
    assert "持续中的影响若首页篡改内容仍未清除，北京时间10:00起为较大事件" in text
    ended = json.loads(RUNNING.read_text(encoding="utf-8"))
    ended["impact"]["defacement"]["homepage_ended_at"] = "2026-11-24T09:45:00+08:00"
    assert worksheet_for(ended, PACK, parse_instant("2026-11-24T09:50:00+08:00"), app_version="t").projections == ()


def test_a_voided_incidents_open_duties_read_as_ended() -> None:
    from tests.core.notice_fixtures import leak

    doc = leak()
    doc["schema"] = "incident-assistant/incident@3"
    doc["voided"] = {"at": "2026-11-24T11:30:00+08:00", "reason": "误报：打印机驱动弹窗"}
    duties = worksheet_for(doc, PACK, parse_instant("2026-11-24T12:00:00+08:00"), app_version="t").duties
    assert duties and all(r.status == "事件已作废，无须再办理" for r in duties)
