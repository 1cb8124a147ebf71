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
        found |= schema_paths(node.item, path + "[]")
    else:
        found.add(path)
    return found


def test_every_field_of_the_schema_has_one_catalogue_entry_and_no_entry_is_left_over():
    containers = {"impact"}  # named as a whole: the grade it gives (第七条第一款第二项)
    assert set(fields.CATALOGUE) - containers == schema_paths(SCHEMA)


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
