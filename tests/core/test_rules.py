"""The rule pack loads, is complete, and a malformed pack fails loudly naming file and key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core import rules
from core.rules import RulePackError

PACK_FILE = Path(rules.__file__).resolve().parent.parent / "resources" / rules.DEFAULT_PACK
CORE = Path(rules.__file__).resolve().parent


def write_pack(tmp_path, mutate):
    raw = json.loads(PACK_FILE.read_text(encoding="utf-8"))
    mutate(raw)
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_bundled_pack_loads_with_version_and_dates(pack):
    assert pack.version and pack.text_date == "2025-09-11" and pack.in_force == "2025-11-01"
    assert [g.id for g in pack.grades] == ["especially_major", "major", "relatively_major", "general"]
    assert {o.id for o in pack.obligations} == {
        "cii_protection_department",
        "cii_public_security",
        "central_organ_cyberspace_office",
        "provincial_cyberspace_office",
        "police_case",
        "pi_authority_notice",
        "pi_individual_notice",
        "summary_report",
    }


def test_every_annex_item_1_to_7_is_encoded_for_each_level(pack):
    for annex in ("附件 一", "附件 二", "附件 三"):
        items = {lv.item for c in pack.criteria for lv in c.levels if lv.item.startswith(annex)}
        assert items == {f"{annex} 通常情况 第{n}项" for n in range(1, 8)}


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        (lambda r: r["criteria"][0]["levels"][0].pop("grade"), "criteria[0].levels[0].grade"),
        (lambda r: r["criteria"][1]["levels"][0].__setitem__("min", "six hours"), "criteria[1].levels[0].min"),
        (lambda r: r["criteria"][1]["levels"][0].__setitem__("grade", "huge"), "criteria[1].levels[0].grade"),
        (lambda r: r["criteria"][0]["levels"][1]["sites"].append("moon_base"), "criteria[0].levels[1].sites"),
        (lambda r: r["obligations"][3].__setitem__("hours", -4), "obligations[3].hours"),
        (lambda r: r["obligations"][3].__setitem__("when", "sometimes"), "obligations[3].when"),
        (lambda r: r["criteria"][1]["levels"].reverse(), "criteria[1].levels"),
        (lambda r: r.pop("escalations"), "escalations"),
        (lambda r: r["summary_rule"].__setitem__("day_end", "midnight"), "summary_rule.day_end"),
        # D15: a finding level names a point of its criterion's ordered scale.
        (lambda r: next(c for c in r["criteria"] if c["id"] == "data_threat")["levels"][0].__setitem__("at_least", "apocalyptic"), "levels[0].at_least"),
        # D13b: one table says which channel reaches which recipient, for every obligation.
        (lambda r: r["channel_reach"]["recipients"].pop("cii_protection_department"), "channel_reach.recipients"),
        (lambda r: r["channel_reach"]["recipients"].__setitem__("police_case", "carrier_pigeon"), "channel_reach.recipients.police_case"),
        (lambda r: r["channel_reach"]["reaches"].pop("individuals"), "channel_reach.reaches.individuals"),
        (lambda r: r["channel_reach"]["reaches"]["any"].append("martians"), "channel_reach.reaches.any"),
        (lambda r: r["channel_reach"]["recipients"].pop("sector"), "channel_reach.recipients"),
    ],
)
def test_malformed_pack_names_file_and_key(tmp_path, mutate, key):
    path = write_pack(tmp_path, mutate)
    with pytest.raises(RulePackError) as info:
        rules.load(path)
    assert str(path) in str(info.value) and key in str(info.value)


def test_pack_that_is_not_json_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "pack": ,\n}', encoding="utf-8")
    with pytest.raises(RulePackError, match="第 2 行"):
        rules.load(path)


def test_missing_pack_file_is_a_clear_error(tmp_path):
    with pytest.raises(RulePackError, match="无法读取"):
        rules.load(tmp_path / "absent.json")


def test_no_legal_number_in_the_rule_modules():
    # Conventions §1: hours and thresholds live in the pack, not in Python.
    for name in ("grading.py", "obligations.py", "completeness.py"):
        code = (CORE / name).read_text(encoding="utf-8")
        body = "\n".join(line for line in code.splitlines() if not line.strip().startswith(("#", '"', "-")))
        assert not re.search(r"\b(30|60|120|360|1440|5_?000_?000|100_?000)\b", body), name
