"""The published JSON Schema (resources/schema/incident@3.schema.json; @2's stays as
published) and the app's
validator agree: the file is what ``core.incident.json_schema`` gives for the rule pack,
every document the schema accepts is accepted by the validator, and what the validator
refuses for type, key or choice reasons the schema refuses too."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator

from core import incident
from core.incident import MAX_NUMBER, SCHEMA, SCHEMA_ID, Node, json_schema_text, upgrade, validate
from core.rules import default_pack
from tests.conftest import ROOT, example

PACK = default_pack()
FILE = ROOT / "resources" / incident.SCHEMA_FILE
PUBLISHED = json.loads(FILE.read_text(encoding="utf-8"))
CHECKER = Draft202012Validator(PUBLISHED)


def prop(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """The sub-schema at a dotted path; ``[]`` steps into array items."""
    node = schema
    for part in path.split("."):
        if part == "[]":
            node = node["items"]
        else:
            node = node["properties"][part]
    return node


def test_the_published_file_is_what_the_validator_describes() -> None:
    assert FILE.read_text(encoding="utf-8") == json_schema_text(PACK), (
        'refresh it: python -c "from core.incident import write_json_schema; write_json_schema()"'
    )
    Draft202012Validator.check_schema(PUBLISHED)
    at_2 = ROOT / "resources" / incident.SCHEMA_FILES[incident.SCHEMA_V2]
    assert at_2.read_text(encoding="utf-8") == json_schema_text(PACK, incident.SCHEMA_V2)  # @2's file is kept
    assert PUBLISHED["title"] == "incident-assistant/incident@3"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("reporter.category", incident.REPORTER_CATEGORIES),
        ("type.class", tuple(c.id for c in PACK.incident_classes)),
        ("impact.portal_outage.site", tuple(s.id for s in PACK.site_kinds)),
        ("impact.defacement.site", tuple(s.id for s in PACK.site_kinds)),
        ("impact.defacement.authority_scope", incident.AUTHORITY_SCOPES),
        ("impact.data_threat", incident.DATA_THREATS),
        ("grade_override.grade", PACK.grade_ids()),
        ("impact.qualitative.grade", PACK.grade_ids()),
        ("personal_info.affected", incident.PI_AFFECTED),
        ("submissions.[].kind", incident.SUBMISSION_KINDS),
        ("submissions.[].channel", tuple(dict.fromkeys([*(c.id for c in PACK.channels), *incident.NOTICE_CHANNELS]))),
    ],
)
def test_enums_are_the_rule_packs_and_the_modules_constants(path: str, expected: tuple[str, ...]) -> None:
    values = prop(PUBLISHED, path)["enum"]
    assert [v for v in values if v is not None] == list(expected)
    assert "notice" in incident.SUBMISSION_KINDS and {"sms", "im", "letter", "announcement"} <= set(prop(PUBLISHED, "submissions.[].channel")["enum"])


def test_the_example_upgraded_to_at_2_is_valid_under_the_schema() -> None:
    doc = upgrade(example())
    assert doc["schema"] == SCHEMA_ID
    assert list(CHECKER.iter_errors(doc)) == []
    assert validate(doc, PACK) == ([], [])


# --- Generation: the schema minus what only the validator checks (cross-field rules). ---


def generation_schema() -> dict[str, Any]:
    """Without occurred_at, handling_ended_at and type.subclass (they are compared with other
    fields), and with submissions naming one of the rule pack's obligations."""
    schema = copy.deepcopy(PUBLISHED)
    for key in ("occurred_at", "handling_ended_at"):
        del schema["properties"][key]
    # D18: an end is compared with its start (incident@3)
    for path in ("impact.cii_full_outage", "impact.cii_main_function_outage"):
        del prop(schema, path)["properties"]["ended_at"]
    del prop(schema, "impact.portal_outage")["properties"]["ended_at"]
    for key in ("homepage_ended_at", "other_page_ended_at"):
        del prop(schema, "impact.defacement")["properties"][key]
    del prop(schema, "type")["properties"]["subclass"]
    prop(schema, "submissions.[].obligation").clear()
    prop(schema, "submissions.[].obligation")["enum"] = [o.id for o in PACK.obligations]
    return schema


def strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents valid under ``schema``. Leaves (strings with their patterns, numbers with
    their bounds, enums, type unions) come from hypothesis-jsonschema; objects and arrays
    are composed here, because its object strategy uses a Hypothesis internal that newer
    Hypothesis releases changed (``many.more``)."""
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if "object" in types:
        return _nullable(types, _object(schema))
    if "array" in types:
        return _nullable(types, st.lists(strategy(schema["items"]), max_size=3))
    return from_schema(schema)


def _nullable(types: list[Any], inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | inner if "null" in types else inner


def _object(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    required = set(schema.get("required", ()))
    fields = {key: strategy(sub) for key, sub in schema["properties"].items()}

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        return {key: draw(value) for key, value in fields.items() if key in required or draw(st.booleans())}

    return build()


GENERATED = strategy(generation_schema())


@given(doc=GENERATED)
@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_every_document_the_schema_accepts_the_validator_accepts(doc: dict[str, Any]) -> None:
    assert list(CHECKER.iter_errors(doc)) == []
    errors, _warnings = validate(doc, PACK)
    assert errors == [], [e.line() for e in errors]


# --- Mutations: what the validator refuses for shape reasons, the schema refuses too. ---

BAD_VALUES: dict[str, list[Any]] = {
    "str": [5, True, [], {}],
    "bool": ["yes", 1],
    "int": [1.5, "3", True, -1, MAX_NUMBER + 1],
    "number": ["x", True, -1, float(MAX_NUMBER) * 10],
    "percent": [101, -0.5, "50%"],
    "enum": ["not-a-choice", 5],
    "instant": ["2026-11-24", "yesterday", "2026-02-30T10:00:00+08:00", 5],
    "object": ["x", []],
    "grade_choice": ["x", []],
    "list": [{}, "x"],
    "any_scalar": [True, [], {}, 1e16],
}


def mutations(doc: Any, node: Node, path: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str, Any]]:
    """Every ``(path, what, new value)`` the validator refuses, for the values present in ``doc``."""
    found: list[tuple[tuple[str | int, ...], str, Any]] = []
    if node.kind in ("object", "grade_choice"):
        assert node.fields is not None
        found.append((path + ("zz_unknown",), "unknown key", 1))
        for key in sorted(node.required):
            found.append((path + (key,), "required key null", None))
        for key in sorted(node.nonblank):
            found.append((path + (key,), "blank text", "  "))
        for key, sub in node.fields.items():
            if doc.get(key) is not None:
                found.extend(mutations(doc[key], sub, path + (key,)))
    elif node.kind == "list":
        assert node.item is not None
        for i, element in enumerate(doc):
            found.append((path + (i,), "null element", None))
            found.extend(mutations(element, node.item, path + (i,)))
    if path:
        values = list(BAD_VALUES[node.kind])
        if node.positive:
            values.append(0)
        found.extend((path, f"{node.kind} given {v!r}", v) for v in values)
    return found


def apply(doc: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    target: Any = out
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return out


@given(doc=GENERATED, pick=st.integers(min_value=0))
@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_what_the_validator_refuses_the_schema_refuses(doc: dict[str, Any], pick: int) -> None:
    options = [m for m in mutations(doc, SCHEMA) if m[0][0] != "schema"]
    path, what, value = options[pick % len(options)]
    bad = apply(doc, path, value)
    assert validate(bad, PACK)[0], f"{what} at {path} was accepted by the validator"
    assert list(CHECKER.iter_errors(bad)), f"{what} at {path} was accepted by the schema"


@pytest.mark.parametrize("value", ["incident-assistant/incident@4", "incident@3", None, 2])
def test_a_wrong_schema_id_is_refused_by_both(value: Any) -> None:
    doc = upgrade(example())
    doc["schema"] = value
    assert validate(doc, PACK)[0]
    assert list(CHECKER.iter_errors(doc))


def test_every_mutation_kind_is_refused_on_the_full_example() -> None:
    """The full example holds every kind of field; each refusal is shared by both sides."""
    doc = upgrade(example())
    doc["personal_info"] = {"affected": "yes", "count": 3, "individual_notice_waived": {"reason": "无法联系"}}
    doc["voided"] = {"at": "2026-11-25T10:00:00+08:00", "reason": "误录"}
    doc["submissions"] = [
        {"obligation": "provincial_cyberspace_office", "kind": "notice", "channel": "sms", "submitted_at": "2026-11-24T11:00:00+08:00", "recipients_count": 3}
    ]
    doc["sector_obligations"] = [{"recipient": "某行业主管部门", "hours": 24}]
    options = mutations(doc, SCHEMA)
    assert len(options) > 250
    kinds = {what.split(" ")[0] for _p, what, _v in options}
    assert {"unknown", "required", "blank", "str", "int", "number", "enum", "instant", "list", "any_scalar"} <= kinds
    for path, what, value in options:
        bad = apply(doc, path, value)
        assert validate(bad, PACK)[0], f"{what} at {path}"
        assert list(CHECKER.iter_errors(bad)), f"{what} at {path}"
