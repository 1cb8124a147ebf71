"""The field catalogue covers the incident schema exactly, in both languages, and the
places that name fields read it."""

from __future__ import annotations

import re

from core import fields
from core.incident import SCHEMA, Node
from core.rules import default_pack

PACK = default_pack()
CJK = re.compile(r"[\u4e00-\u9fff]")


def schema_paths(node: Node, path: str = "") -> set[str]:
    found: set[str] = set()
    if node.kind in ("object", "grade_choice"):
        for key, sub in (node.fields or {}).items():
            found |= schema_paths(sub, f"{path}.{key}" if path else key)
    elif node.kind == "list":
        found.add(path)
        assert node.item is not None
        if node.item.kind != "enum":  # a list of choices (personal_info.what) is one field
            found |= schema_paths(node.item, path + "[]")
    else:
        found.add(path)
    return found


def test_every_field_of_the_schema_has_one_catalogue_entry_and_no_entry_is_left_over():
    containers = {"impact"}  # named as a whole: the grade it gives (第七条第一款第二项)
    assert set(fields.CATALOGUE) - containers == schema_paths(SCHEMA)


def test_the_profile_keys_are_the_reporter_object_of_the_schema_in_order():
    assert fields.REPORTER_KEYS == tuple((SCHEMA.fields or {})["reporter"].fields or {})


def test_every_entry_speaks_both_languages_without_decision_codes():
    for entry in fields.CATALOGUE.values():
        for label in (entry.name, entry.question, entry.help, entry.unit, *entry.choices.values()):
            if label is None:
                continue
            assert label.zh and label.en, entry.path
            assert not CJK.search(label.en.replace("“演练”", "")), (entry.path, label.en)
            assert not re.search(r"\bD\d{1,2}[a-z]?\b", label.zh + label.en), entry.path


def test_fields_a_report_asks_for_are_asked_on_a_wizard_page():
    for item in PACK.report_items:
        for path in (*item.fields, *item.ransomware_fields):
            assert fields.page_of(path) is not None, path


def test_statutory_labels_name_the_item_of_article_7():
    assert fields.statutory_label("scene_preservation", PACK) == "（七）现场保护情况"
    assert fields.statutory_label("leads.attack_path", PACK, "en") == "(5) Attack path"
    assert fields.name("systems[3].name", "en") == "System name"
    assert fields.choice_label("reporter.category", "other") == "其他网络运营者"


def test_the_grading_inputs_are_the_annex_criteria_fields():
    criteria = {c.field for c in PACK.criteria}
    assert criteria <= set(fields.GRADING_FIELDS)


def test_adding_a_field_is_one_catalogue_entry(monkeypatch):
    """The schema is built from the catalogue: one new entry is validated at once, with
    its type, requiredness and format version, and older formats do not accept it."""
    from core import incident
    from core.fields import CATALOGUE, FieldInfo, L
    from core.messages import Finding

    extra = FieldInfo("insurance.policy_count", L("保单数量", "Policies"), type="int", since=2)
    reason = FieldInfo("insurance.note", L("说明", "Note"), required=True, nonblank=True, since=2)
    monkeypatch.setitem(CATALOGUE, extra.path, extra)
    monkeypatch.setitem(CATALOGUE, reason.path, reason)
    v2, v1 = incident._schema(2), incident._schema(1)
    errors: list[Finding] = []
    incident._check(v2, {"insurance": {"policy_count": "three", "note": " "}}, "", PACK, errors)
    assert [(e.path, e.code) for e in errors] == [("insurance.policy_count", "type_int"), ("insurance.note", "blank_reason")]
    errors = []
    incident._check(v2, {"insurance": {"policy_count": 3}}, "", PACK, errors)
    assert [(e.path, e.code) for e in errors] == [("insurance.note", "missing")]
    assert "insurance" not in (v1.fields or {})


def test_every_entry_has_a_known_value_type():
    known = {"text", "bool", "int", "number", "percent", "instant", "hours", "amount", "enum", "enum_list"}
    for entry in fields.CATALOGUE.values():
        assert entry.type in known or entry.type.removeprefix("enum:") in {"sites", "grades", "classes", "channels", "kinds"}, entry.path
        assert entry.type not in ("enum", "enum_list") or entry.choices, entry.path  # a fixed enum's choices are its labels
