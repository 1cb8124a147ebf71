"""``incident-assistant --lang en check`` speaks English: recipients, bases, annex items,
the criteria met, escalations, reasons and warnings, for a representative set of
incidents. Values the user typed (the title, the province, the authorities' own names, a
sector regulator) stay as typed and are the only Chinese allowed, listed per case.

The ``--json`` contract keeps its machine values (recipient, basis and the triggered
item as the pack has them, product.md §4.3); its messages (warnings, reasons) follow
the language."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

from core.assessment import check
from core.cli.check_cmd import render_text
from core.pack_text import escalation, recipient
from core.timeutil import parse_instant
from tests.conftest import ROOT, example, minimal

NOW = "2026-11-24T10:00:00+08:00"
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def cii_hospital() -> tuple[dict[str, Any], list[str]]:
    """CII for 90 minutes (重大): both 1-hour duties, escalations, a 12387 report that cannot count."""
    doc = minimal(
        title="医院核心系统中断",
        involves_cii=True,
        impact={"cii_full_outage_minutes": 90},
        submissions=[{"obligation": "cii_public_security", "kind": "initial", "submitted_at": "2026-11-24T09:50:00+08:00", "channel": "hotline_12387"}],
    )
    doc["reporter"]["protection_department"] = "某省卫生健康委员会"
    return doc, ["医院核心系统中断", "某省卫生健康委员会"]


def central_organ() -> tuple[dict[str, Any], list[str]]:
    """A central state organ's unit, 2500 万 yuan lost (重大): its own cyberspace body, escalation."""
    doc = minimal(title="部委网站数据被删", impact={"direct_loss_yuan": 25_000_000})
    doc["reporter"] = {"name": "某部信息中心", "category": "central_state_organ", "cyberspace_office": "某部网信办"}
    return doc, ["部委网站数据被删", "某部网信办"]


def ordinary_general() -> tuple[dict[str, Any], list[str]]:
    """An ordinary operator, 50 people affected (一般), with a sector rule that still applies."""
    doc = minimal(impact={"people_affected": 50}, sector_obligations=[{"recipient": "中国人民银行福州中心支行", "hours": 2}])
    return doc, ["测试事件", "福建省", "中国人民银行福州中心支行"]


def ransomware_police() -> tuple[dict[str, Any], list[str]]:
    """The bundled clinic example: ransomware, crime suspected (police), 较大."""
    doc = example()
    return doc, [doc["title"], doc["reporter"]["province"]]


def personal_info_leak() -> tuple[dict[str, Any], list[str]]:
    """120,000 patients' records leaked (一般): the PI notices stay open with their reasons."""
    doc = minimal(title="患者信息泄露", impact={"personal_info_leaked": 120_000})
    doc["schema"] = "incident-assistant/incident@2"
    doc["personal_info"] = {"affected": "yes", "authority": "某市卫生健康委员会"}
    return doc, ["患者信息泄露", "福建省", "某市卫生健康委员会"]


CASES = [cii_hospital, central_organ, ordinary_general, ransomware_police, personal_info_leak]


def chinese_left(text: str, typed: list[str]) -> list[str]:
    for value in sorted(typed, key=len, reverse=True):
        text = text.replace(value, "")
    return sorted({line.strip() for line in text.splitlines() if CJK.search(line)})


def run_check(tmp_path, doc: dict[str, Any], *extra: str) -> str:
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "core.cli", "--lang", "en", "check", str(path), "--now", NOW, *extra], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_english_check_text_holds_no_chinese_but_what_the_user_typed(tmp_path, case):
    doc, typed = case()
    text = run_check(tmp_path, doc)
    assert chinese_left(text, typed) == []
    assert "Art. 4" in text or "Art. 8" in text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_english_check_json_messages_hold_no_chinese(tmp_path, case):
    doc, typed = case()
    result = json.loads(run_check(tmp_path, doc, "--json"))
    messages = [w["message"] for w in result["warnings"]] + [o["reason"] for o in result["obligations"] if "reason" in o]
    assert chinese_left("\n".join(messages), typed) == []


def test_the_cases_cover_what_they_claim(pack):
    """Each representative case reaches the duties and texts it stands for."""
    now = parse_instant(NOW)
    seen = {c.__name__: check(c()[0], pack, now) for c in CASES}
    assert {o.id for o in seen["cii_hospital"].obligations} >= {"cii_protection_department", "cii_public_security"}
    assert seen["cii_hospital"].escalations and any(w.code == "channel_does_not_reach" for w in seen["cii_hospital"].warnings)
    assert seen["central_organ"].obligations[0].id == "central_organ_cyberspace_office" and seen["central_organ"].escalations
    assert any(o.sector and o.reason for o in seen["ordinary_general"].obligations)
    assert any(o.id == "police_case" for o in seen["ransomware_police"].obligations)
    assert {o.id for o in seen["personal_info_leak"].obligations if o.reason} == {"pi_authority_notice", "pi_individual_notice"}


def test_english_text_names_recipients_bases_and_items_in_english(pack):
    doc, _typed = cii_hospital()
    text = render_text(check(doc, pack, parse_instant(NOW)), pack, "en")
    assert "CII protection department (某省卫生健康委员会)" in text
    assert "Art. 4(1)" in text and "Annex 2, general case, item 2" in text
    assert "Critical information infrastructure is out of operation as a whole for 1 hour or more" in text
    assert "national cyberspace administration and the public security department of the State Council" in text


def test_chinese_text_is_unchanged_by_the_english_twins(pack):
    doc, _typed = cii_hospital()
    text = render_text(check(doc, pack, parse_instant(NOW)), pack, "zh")
    assert "保护工作部门（某省卫生健康委员会）" in text and "第四条第一款" in text and "附件 二 通常情况 第2项" in text
    assert "Art." not in text


def test_recipient_keeps_the_authority_name_the_user_typed(pack):
    result = check(personal_info_leak()[0], pack, parse_instant(NOW))
    notice = result.obligation("pi_authority_notice")
    assert notice is not None and notice.recipient == "履行个人信息保护职责的部门（某市卫生健康委员会）"
    assert recipient(notice, pack, "en") == "the department performing personal-information protection duties (某市卫生健康委员会)"
    assert recipient(notice, pack, "zh") == notice.recipient
    individuals = result.obligation("pi_individual_notice")
    assert individuals is not None and recipient(individuals, pack, "en") == "the individuals affected"


def test_a_sector_recipient_stays_as_typed_in_english(pack):
    result = check(ordinary_general()[0], pack, parse_instant(NOW))
    sector = next(o for o in result.obligations if o.sector)
    assert recipient(sector, pack, "en") == "中国人民银行福州中心支行"


def test_escalations_are_named_in_english(pack):
    result = check(central_organ()[0], pack, parse_instant(NOW))
    assert [escalation(e, pack, "en") for e in result.escalations] == [("the department's cyberspace affairs body", "national cyberspace administration")]
    assert [escalation(e, pack, "zh") for e in result.escalations] == [("本部门网信工作机构", "国家网信部门")]


def test_grading_warnings_carry_the_english_names_for_their_templates(pack):
    """The warnings name a grade or site kind; they carry its English name beside the Chinese."""
    doc = minimal(impact={"direct_loss_yuan": 25_000_000}, grade_override={"grade": "general", "reason": "损失核减"})
    lower = next(w for w in check(doc, pack, parse_instant(NOW)).warnings if w.code == "manual_lower")
    assert (lower.params["grade_en"], lower.params["computed_en"]) == ("general", "major")
    doc = minimal(impact={"portal_outage": {"site": "other_site", "minutes": 200}})
    site = next(w for w in check(doc, pack, parse_instant(NOW)).warnings if w.code == "site_not_listed")
    assert site.params["site_en"] == "other website"
