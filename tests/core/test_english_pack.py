"""The bundled rule pack and symptom list are complete in English: every user-visible
Chinese text has an English twin without Chinese in it, every citation translates, and no
user-visible text carries a project decision code."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import rules
from core.pack_text import cite, cite_en, number
from core.rules import RulePackError
from core.symptoms import symptoms

ROOT = Path(rules.__file__).resolve().parent.parent
PACK_FILE = ROOT / "resources" / rules.DEFAULT_PACK
SYMPTOMS_FILE = ROOT / "resources" / "rules" / "symptoms.json"
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
DECISION_CODE = re.compile(r"\bD\d+[a-z]?\b")
# Keys that name the pack's own bookkeeping, never shown to a user.
INTERNAL_KEYS = {"notes", "decision", "decision_a", "site_notes_decisions", "source", "pack", "id"}
# Texts that are identifiers documents store (shown through their class's English list).
IDENTIFIER_KEYS = {"ransomware_subclass", "subclass", "names_contain"}
CITATION_KEYS = {"basis", "item", "annex", "report_items_basis"}


def raw_pack() -> dict[str, Any]:
    return json.loads(PACK_FILE.read_text(encoding="utf-8"))


def chinese_without_twin(node: Any, where: str = "") -> list[str]:
    """Paths of Chinese texts in ``node`` that have no Chinese-free ``<key>_en`` twin."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{where}.{key}" if where else key
            if key in INTERNAL_KEYS or key in IDENTIFIER_KEYS or key in CITATION_KEYS or key.endswith("_en"):
                continue
            if key in ("site_notes",):
                twins = node.get("site_notes_en", {})
                found += [f"{path}.{k}" for k in value if not twins.get(k) or CJK.search(twins[k])]
                continue
            twin = node.get(f"{key}_en")
            if isinstance(value, str) and CJK.search(value):
                if not isinstance(twin, str) or not twin or CJK.search(twin):
                    found.append(path)
            elif isinstance(value, list) and any(isinstance(v, str) and CJK.search(v) for v in value):
                if not isinstance(twin, list) or len(twin) != len(value) or any(CJK.search(t) for t in twin):
                    found.append(path)
            else:
                found += chinese_without_twin(value, path)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += chinese_without_twin(value, f"{where}[{i}]")
    return found


def citations(node: Any, where: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{where}.{key}" if where else key
            if key in CITATION_KEYS and isinstance(value, str):
                out.append((path, value))
            else:
                out += citations(value, path)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += citations(value, f"{where}[{i}]")
    return out


def shown_texts(node: Any, where: str = "") -> list[tuple[str, str]]:
    """Every string a user may read (both languages), with its path."""
    out: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in INTERNAL_KEYS:
                out += shown_texts(value, f"{where}.{key}" if where else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += shown_texts(value, f"{where}[{i}]")
    elif isinstance(node, str):
        out.append((where, node))
    return out


def test_every_chinese_text_of_the_pack_has_an_english_twin():
    assert chinese_without_twin(raw_pack()) == []


def test_every_chinese_symptom_has_english():
    raw = json.loads(SYMPTOMS_FILE.read_text(encoding="utf-8"))
    assert chinese_without_twin(raw) == []
    assert len(raw["symptoms"]) >= 10


def test_every_citation_of_the_pack_translates_exactly():
    found = citations(raw_pack())
    assert len(found) > 60
    untranslated = [(path, text, cite_en(text)) for path, text in found if (cite_en(text) is None or CJK.search(cite_en(text) or ""))]
    assert untranslated == []


def test_no_decision_code_in_any_shown_text():
    shown = shown_texts(raw_pack()) + shown_texts(json.loads(SYMPTOMS_FILE.read_text(encoding="utf-8")))
    assert [(p, t) for p, t in shown if DECISION_CODE.search(t)] == []


def test_the_site_notes_decision_code_is_kept_apart_from_the_note(pack):
    assert raw_pack()["site_notes_decisions"] == {"enterprise_portal": "D10"}
    note = pack.site("enterprise_portal")
    assert note.note and note.note.startswith("「地市级以上") and note.note_en and "any enterprise" in note.note_en


def english_of(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, tuple) else []


def test_the_loaded_dataclasses_carry_english_for_every_chinese_text(pack):
    """Walk what the loader built: each Chinese text field has its ``*_en`` twin filled."""
    missing = []
    twins = {"name": "name_en", "text": "text_en", "detail": "detail_en", "heading": "heading_en", "by": "by_en", "to": "to_en", "note": "note_en"}
    twins |= {"recipient": "recipient_en", "subclasses": "subclasses_en", "general_reason": "general_reason_en"}
    objects: list[Any] = [*pack.grades, pack.undetermined, *pack.site_kinds, *pack.obligations, *pack.escalations, *pack.channels]
    objects += [*pack.report_items, *pack.incident_classes, *pack.qualitative.values(), pack.channel_rule]
    objects += [lv for c in pack.criteria for lv in c.levels]
    for obj in objects:
        for f in dataclasses.fields(obj):
            zh = getattr(obj, f.name)
            if f.name in twins and any(CJK.search(v) for v in english_of(zh)):
                en = english_of(getattr(obj, twins[f.name]))
                if not en or any(CJK.search(v) or not v for v in en):
                    missing.append(f"{type(obj).__name__}({getattr(obj, 'id', '')}).{f.name}")
    for zh, en in [
        (pack.sector_label, pack.sector_label_en),
        (pack.sector_text, pack.sector_text_en),
        (pack.reportable_text, pack.reportable_text_en),
        (pack.title, pack.title_en),
        (pack.sector_general_reason or "", pack.sector_general_reason_en or ""),
    ]:
        if not en or CJK.search(en):
            missing.append(zh)
    headings = pack.summary_heading_names("en")
    if len(headings) != len(pack.summary_headings) or any(CJK.search(h) for h in headings):
        missing.append("summary_headings")
    assert missing == []


def test_subclasses_are_shown_in_english_and_stored_in_chinese(pack):
    ransomware = pack.incident_class("malicious_program")
    assert pack.ransomware_subclass in ransomware.subclasses
    assert pack.subclass_name(pack.ransomware_subclass, "en") == "Ransomware incident"
    assert pack.subclass_name(pack.ransomware_subclass, "zh") == pack.ransomware_subclass
    assert ransomware.subclass_name("不存在的子类", "en") == "不存在的子类"


def test_symptoms_pick_their_language(pack):
    listed = symptoms(pack)
    assert listed[0].label("zh") == listed[0].text and listed[0].label("en").startswith("Files will not open")
    assert all(s.label("en") and not CJK.search(s.label("en")) for s in listed)


def strip_english(node: Any) -> Any:
    """The pack as an older edition wrote it: only the English keys the loader requires."""
    if isinstance(node, dict):
        return {k: strip_english(v) for k, v in node.items() if not k.endswith("_en") or k in ("name_en", "recipient_en")}
    if isinstance(node, list):
        return [strip_english(v) for v in node]
    return node


def test_a_pack_without_the_english_twins_still_loads_and_falls_back_to_chinese(tmp_path):
    path = tmp_path / "old.json"
    old = strip_english(raw_pack())
    for c in old["incident_classes"]:
        c.pop("name_en", None)
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    pack = rules.load(path)
    level = pack.criteria[0].levels[0]
    assert level.text_en == "" and rules.pick(level.text, level.text_en, "en") == level.text
    assert pack.subclass_name("勒索软件事件", "en") == "勒索软件事件"
    assert pack.summary_heading_names("en") == pack.summary_headings


def test_an_english_subclass_list_of_the_wrong_length_is_refused(tmp_path):
    raw = raw_pack()
    raw["incident_classes"][0]["subclasses_en"] = ["Only one"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"incident_classes\[0\]\.subclasses_en"):
        rules.load(path)


def test_an_english_twin_that_is_not_text_is_refused(tmp_path):
    raw = raw_pack()
    raw["criteria"][0]["levels"][0]["text_en"] = 5
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"criteria\[0\]\.levels\[0\]\.text_en"):
        rules.load(path)


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("第四条", "Art. 4"),
        ("第四条第一款", "Art. 4(1)"),
        ("第七条第二款", "Art. 7(2)"),
        ("个人信息保护法第五十七条第一款", "PIPL Art. 57(1)"),
        ("个人信息保护法第五十七条", "PIPL Art. 57"),
        ("附件 一 通常情况 第2项", "Annex 1, general case, item 2"),
        ("附件 三 第1—3项、通常情况 第8项", "Annex 3, items 1–3; general case, item 8"),
        ("附件 四", "Annex 4"),
        ("第四条、第九条", "Art. 4, Art. 9"),
        ("第八条；《民法典》第二百零一条第一款、第二百零三条", "Art. 8; Civil Code Art. 201(1), Art. 203"),
    ],
)
def test_citations_translate_exactly(zh, en):
    assert cite(zh, "en") == en
    assert cite(zh, "zh") == zh


@pytest.mark.parametrize("text", ["", "第条", "第四条第", "附件 五 随便", "第四条和第五条", "勒索软件事件", "Art. 4", "第一千条"])
def test_text_that_is_not_a_known_citation_is_not_guessed_at(text):
    assert cite_en(text) is None
    assert cite(text, "en") == text


def chinese_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = f"{digits[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (digits[ones] if ones else "") if n else "零"


@given(st.integers(min_value=1, max_value=999))
def test_every_chinese_numeral_below_a_thousand_reads_back(n):
    assert number(chinese_numeral(n)) == n
    assert cite_en(f"第{chinese_numeral(n)}条") == f"Art. {n}"


@given(st.text(max_size=40))
def test_any_text_gives_a_citation_or_none_never_an_error(text):
    found = cite_en(text)
    assert found is None or isinstance(found, str)
    assert cite(text, "en") == (found or text)


def test_the_completeness_walk_finds_every_kind_of_gap():
    """The walk above would notice a missing level text, a Chinese 'English' detail, a
    missing site note and a short subclass list."""
    raw = raw_pack()
    del raw["criteria"][3]["levels"][0]["text_en"]
    raw["channels"][0]["detail_en"] = "拨打 12387"
    del raw["site_notes_en"]["other_site"]
    raw["incident_classes"][1]["subclasses_en"].pop()
    assert chinese_without_twin(raw) == ["site_notes.other_site", "criteria[3].levels[0].text", "channels[0].detail", "incident_classes[1].subclasses"]
