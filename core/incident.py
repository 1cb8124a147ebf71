"""The incident document (``incident-assistant/incident@3``, product.md §4.1, §8.1 and
§9.1; ``@1`` and ``@2`` files are still read) and its strict validation.

The document is plain JSON: the validated dict *is* the incident, so import and
export round-trip exactly. This module checks shape, types, enumerations, the number
range and the cross-field rules, reads instants (a time without an offset is Beijing
time), and offers typed accessors for the logic modules. Reading the file itself is
``core.jsonfile``'s job. It does not grade or compute deadlines.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from core import credit_code, fields, jsonfile, paths
from core import field_paths as fp
from core.fields import CATALOGUE, FieldInfo
from core.messages import Finding, InvalidIncident
from core.rules import RulePack
from core.timeutil import TimeFormatError, display_beijing, parse_instant
from core.vocab import REPORT_KINDS, ReportKind

SCHEMA_V1 = "incident-assistant/incident@1"
SCHEMA_V2 = "incident-assistant/incident@2"
SCHEMA_ID = "incident-assistant/incident@3"  # what the app writes (product.md §9.1)
ACCEPTED_SCHEMAS = (SCHEMA_V1, SCHEMA_V2, SCHEMA_ID)  # what it reads; an @1 or @2 file is read as it is
VOIDED_KEY = "voided"  # the incident file's key of a voided incident (D17, product.md §8.1)
# D1a, D18: clock skew tolerated before an instant counts as later than the present moment.
FUTURE_SKEW_SECONDS = 120
# D1a/D1b: a discovery more than this many days (of 24 hours) before the present moment is
# accepted with a warning (the decision's figure, not a legal number).
DISCOVERY_LONG_AGO_DAYS = 30

# Fixed choices are the catalogue's (core.fields): their keys, in the order the wizard offers them.
REPORTER_CATEGORIES = tuple(CATALOGUE[fp.REPORTER_CATEGORY].choices)
DATA_THREATS = tuple(CATALOGUE[fp.IMPACT_DATA_THREAT].choices)
AUTHORITY_SCOPES = tuple(CATALOGUE[fp.IMPACT_DEFACEMENT_AUTHORITY_SCOPE].choices)
SUBMISSION_KINDS_V1 = tuple(str(k) for k in REPORT_KINDS)
SUBMISSION_KINDS = (*SUBMISSION_KINDS_V1, str(ReportKind.NOTICE))  # notice: the personal-information notices (D16)
PI_AFFECTED = tuple(CATALOGUE[fp.PERSONAL_INFO_AFFECTED].choices)
PI_AFFECTED_YES = ("yes", "possible")  # D16: "possible" creates the notice duties too
# Channels of the personal-information notices (D16, product.md §8.1). Accepted on
# submissions of an @2 document whether or not the rule pack lists them yet.
NOTICE_CHANNELS = ("sms", "im", "letter", "announcement")
SECTOR_PREFIX = "sector_"
# The largest magnitude a number may have (the same limit as ``core.jsonfile``): far
# beyond any real count or amount, and exact in every JSON reader (below 2**53).
MAX_NUMBER = jsonfile.MAX_NUMBER
MAX_NUMBER_TEXT = jsonfile.MAX_NUMBER_TEXT
# Instants are accepted in the years 2000–2999. Not a legal number: a calendar bound. The
# lower one lies well before the Measures (in force 2025-11-01, 第十四条; D14 warns for
# 2000–2025) and before any record the app keeps; the upper one keeps every due time
# (an instant plus at most MAX_HOURS, or 30 days) inside the calendar (year 9999).
MIN_YEAR, MAX_YEAR = 2000, 2999
# The most hours a sector rule may give (D9): from the latest instant accepted, its due
# time still falls inside the calendar. Derived from MAX_YEAR, not from any law.
MAX_HOURS = int((datetime(9999, 1, 1) - datetime(MAX_YEAR + 1, 1, 1)).total_seconds() // 3600)

Doc = dict[str, Any]


# --- A small declarative schema. Every value may be null (unknown) unless required. ---


@dataclass(frozen=True)
class Node:
    """One node of the incident schema: a value type, or an object or list of nodes."""

    kind: str  # str | bool | int | number | percent | enum | instant | object | list | grade_choice | any_scalar
    fields: dict[str, Node] | None = None
    required: frozenset[str] = frozenset()
    item: Node | None = None
    choices: Callable[[RulePack], tuple[str, ...]] | None = None
    positive: bool = False
    nonblank: frozenset[str] = frozenset()  # text keys of an object that must not be blank
    maximum: int | None = None  # a number's largest value, when below MAX_NUMBER


def _obj(fields: dict[str, Node], required: tuple[str, ...] = (), nonblank: tuple[str, ...] = ()) -> Node:
    return Node("object", fields=fields, required=frozenset(required), nonblank=frozenset(nonblank))


S, B, INT, N, T = Node("str"), Node("bool"), Node("int"), Node("number"), Node("instant")
PCT = Node("percent")


def _enum(choices: Callable[[RulePack], tuple[str, ...]]) -> Node:
    return Node("enum", choices=choices)


def _fixed(values: tuple[str, ...]) -> Callable[[RulePack], tuple[str, ...]]:
    return lambda _pack: values


def _sites(pack: RulePack) -> tuple[str, ...]:
    return tuple(s.id for s in pack.site_kinds)


def _grades(pack: RulePack) -> tuple[str, ...]:
    return pack.grade_ids()


def _classes(pack: RulePack) -> tuple[str, ...]:
    return tuple(c.id for c in pack.incident_classes)


def _channels(pack: RulePack) -> tuple[str, ...]:
    """The report channels of @1 (the notice channels came with @2)."""
    return tuple(c.id for c in pack.channels if c.id not in NOTICE_CHANNELS)


def _channels_v2(pack: RulePack) -> tuple[str, ...]:
    ids = _channels(pack)
    return ids + tuple(c for c in NOTICE_CHANNELS if c not in ids)


def _choices(source: str, version: int) -> Callable[[RulePack], tuple[str, ...]]:
    """The choices an ``enum:<source>`` field takes from the rule pack (or, for report kinds
    and channels, from the format: @2 added the notices' kind and channels, D16)."""
    return {
        "sites": _sites,
        "grades": _grades,
        "classes": _classes,
        "channels": _channels_v2 if version >= 2 else _channels,
        "kinds": _fixed(SUBMISSION_KINDS if version >= 2 else SUBMISSION_KINDS_V1),
    }[source]


def _leaf(entry: FieldInfo, version: int) -> Node:
    """The schema node of one catalogue entry's value."""
    if entry.type == "enum":
        return _enum(_fixed(tuple(entry.choices)))
    if entry.type == "enum_list":  # incident@3: e.g. personal_info.what (leaked, tampered, lost)
        return Node("list", item=_enum(_fixed(tuple(entry.choices))))
    if entry.type.startswith("enum:"):
        return _enum(_choices(entry.type.removeprefix("enum:"), version))
    return {
        "text": S,
        "bool": B,
        "int": INT,
        "number": N,
        "percent": PCT,
        "instant": T,
        "hours": Node("number", positive=True, maximum=MAX_HOURS),  # D9: a sector rule's hours
        "amount": Node("any_scalar"),  # 第七条: a ransom amount as typed ("2 BTC") or a number
    }[entry.type]


class _Draft:
    """An object of the schema while it is assembled from catalogue paths."""

    def __init__(self) -> None:
        self.fields: dict[str, _Draft | Node] = {}
        self.lists: set[str] = set()
        self.required: set[str] = set()
        self.nonblank: set[str] = set()

    def child(self, part: str) -> _Draft:
        key = part.removesuffix("[]")
        if part.endswith("[]"):
            self.lists.add(key)
        found = self.fields.setdefault(key, _Draft())
        assert isinstance(found, _Draft), part
        return found

    def node(self) -> Node:
        fields = {k: v.node() if isinstance(v, _Draft) else v for k, v in self.fields.items()}
        fields = {k: Node("list", item=v) if k in self.lists else v for k, v in fields.items()}
        return _obj(fields, required=tuple(k for k in self.fields if k in self.required), nonblank=tuple(sorted(self.nonblank)))


def _schema(version: int) -> Node:
    """The incident schema of format ``version`` (1, 2 or 3), built from the field catalogue:
    each entry's path places it, its ``type`` gives the value; an entry with entries below
    it (``systems``, ``impact``) only names its object."""
    entries = [e for e in CATALOGUE.values() if e.since <= version]
    containers = {p for e in entries for p in paths.prefixes(e.path)}
    root = _Draft()
    for entry in entries:
        if entry.path in containers:
            continue
        *parents, key = entry.path.split(".")
        target = root
        for part in parents:
            target = target.child(part)
        target.fields[key] = _leaf(entry, version)
        if entry.required:
            target.required.add(key)
        if entry.nonblank:
            target.nonblank.add(key)
    return root.node()


SCHEMA_V1_NODE = _schema(1)
SCHEMA_V2_NODE = _schema(2)  # incident@2: @1 plus optional keys, the notices' kind, channels and count (product.md §8.1)
SCHEMA = _schema(3)  # incident@3: @2 plus the instants of running durations and personal_info.what (product.md §9.1)
SCHEMAS: dict[str, Node] = {SCHEMA_V1: SCHEMA_V1_NODE, SCHEMA_V2: SCHEMA_V2_NODE, SCHEMA_ID: SCHEMA}
# The top-level keys incident@2 added (an @1 file that uses one gets a hint to declare @2).
V2_FIELDS = frozenset((SCHEMA_V2_NODE.fields or {}).keys() - (SCHEMA_V1_NODE.fields or {}).keys())
# The keys incident@3 added, by path (an @2 file that uses one gets a hint to declare @3).
V3_PATHS = frozenset(e.path for e in CATALOGUE.values() if e.since == 3)


# The keys of ``reporter`` (also the organisation profile's keys): the catalogue's, which
# the welcome's profile form reads without this module (a test holds them equal to the schema's).
REPORTER_KEYS = fields.REPORTER_KEYS


_join = paths.join


def _check(node: Node, value: Any, path: str, pack: RulePack, errors: list[Finding]) -> None:
    """Append every problem of ``value`` against ``node``; ``value`` is not None."""
    kind = node.kind
    if kind in ("object", "grade_choice"):
        if not isinstance(value, dict):
            errors.append(Finding(path, "not_object"))
            return
        assert node.fields is not None
        for key in value:
            if key not in node.fields:
                errors.append(Finding(_join(path, str(key)), "unknown_key", {"key": key}))
        for key, sub in node.fields.items():
            child = value.get(key)
            if child is None:
                if key in node.required:
                    errors.append(Finding(_join(path, key), "missing"))
                continue
            _check(sub, child, _join(path, key), pack, errors)
        for key in sorted(node.nonblank):
            if isinstance(value.get(key), str) and not written_reason(value[key]):  # D11a
                errors.append(Finding(_join(path, key), "blank_reason"))
        return
    if kind == "list":
        if not isinstance(value, list):
            errors.append(Finding(path, "type_list"))
            return
        assert node.item is not None
        for i, element in enumerate(value):
            if element is None and node.item.kind != "enum":
                errors.append(Finding(f"{path}[{i}]", "not_object"))
            else:
                _check(node.item, element, f"{path}[{i}]", pack, errors)
        return
    if kind == "str":
        if not isinstance(value, str):
            errors.append(Finding(path, "type_str"))
        return
    if kind == "bool":
        if not isinstance(value, bool):
            errors.append(Finding(path, "type_bool"))
        return
    if kind == "any_scalar":
        if isinstance(value, str):
            return
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            errors.append(Finding(path, "type_str"))
        elif not _finite(value):
            errors.append(Finding(path, "type_number", {"value": value}))
        elif abs(value) > MAX_NUMBER:
            errors.append(Finding(path, "too_large", {"value": value, "limit": MAX_NUMBER_TEXT}))
        return
    if kind in ("int", "number", "percent"):
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
            errors.append(Finding(path, "type_int", {"value": value}))
            return
        if not is_number or not _finite(value):
            errors.append(Finding(path, "type_number", {"value": value}))
            return
        if abs(value) > MAX_NUMBER:
            errors.append(Finding(path, "too_large", {"value": value, "limit": MAX_NUMBER_TEXT}))
        elif node.maximum is not None and value > node.maximum:
            errors.append(Finding(path, "hours_beyond_calendar", {"value": value, "limit": node.maximum}))
        elif node.positive and value <= 0:
            errors.append(Finding(path, "not_positive", {"value": value}))
        elif value < 0:
            errors.append(Finding(path, "negative", {"value": value}))
        elif kind == "percent" and value > 100:
            errors.append(Finding(path, "percent_range", {"value": value}))
        return
    if kind == "enum":
        assert node.choices is not None
        choices = node.choices(pack)
        if not isinstance(value, str) or value not in choices:
            errors.append(Finding(path, "enum", {"choices": list(choices), "value": value}))
        return
    if kind == "instant":
        if not isinstance(value, str):
            errors.append(Finding(path, "instant", {"value": value}))
            return
        try:
            parsed = parse_instant(value)
        except TimeFormatError:
            errors.append(Finding(path, "instant", {"value": value}))
            return
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            errors.append(Finding(path, "instant_range", {"value": value, "min": MIN_YEAR, "max": MAX_YEAR}))
        return
    raise AssertionError(kind)


def written_reason(text: object) -> bool:
    """D11a (D11, D16, D17): a written reason holds at least one Unicode letter or number
    (categories L* and N*; CJK ideographs are letters). Whitespace, control and format
    characters (Z*, Cc, Cf: zero-width spaces and joiners, byte-order marks, no-break
    spaces), punctuation, symbols and dashes do not make a reason. The one checker of every
    reason field: manual grade, qualitative finding, waiver of the individual notice, voiding."""
    return isinstance(text, str) and any(unicodedata.category(c)[0] in "LN" for c in text)


def reason_problem(text: object, field: str, lang: str = "zh") -> str | None:
    """D11a for a form: None when ``text`` is a written reason, else the one-line message
    naming ``field`` (e.g. ``grade_override.reason``) in ``lang``."""
    if written_reason(text):
        return None
    return Finding(field, "blank_reason").message(lang)


def _finite(value: float) -> bool:
    return value == value and value not in (float("inf"), float("-inf"))


_SUBMISSION_KEY = re.compile(r"^submissions\[\d+\]\.(recipients_count|kind|channel)$")


def _explain_v2(error: Finding) -> Finding:
    """In an @2 document, an @3 key gets a hint to declare @3 instead of a bare refusal."""
    if error.code == "unknown_key" and error.path in V3_PATHS:
        return Finding(error.path, "v2_only", {"key": error.path, "expected": SCHEMA_ID})
    return error


def _explain_v1(error: Finding) -> Finding:
    """In an @1 document, an @2 key or value gets a hint to declare @2 instead of a bare refusal."""
    if error.code == "unknown_key" and error.path in V3_PATHS:
        return _explain_v2(error)
    hint = {"expected": SCHEMA_V2}
    if error.code == "unknown_key" and error.path in V2_FIELDS:
        return Finding(error.path, "v2_only", {"key": error.path, **hint})
    match = _SUBMISSION_KEY.match(error.path)
    if match is None:
        return error
    if error.code == "unknown_key" and match.group(1) == "recipients_count":
        return Finding(error.path, "v2_only", {"key": "recipients_count", **hint})
    value = error.params.get("value")
    if error.code == "enum" and value in (ReportKind.NOTICE, *NOTICE_CHANNELS):
        return Finding(error.path, "v2_only", {"key": value, **hint})
    return error


def validate(data: Any, pack: RulePack, now: datetime | None = None) -> tuple[list[Finding], list[Finding]]:
    """Return ``(errors, warnings)`` for a candidate incident document (@1, @2 or @3).

    With ``now``, a running duration that begins after it (beyond the clock skew) is an
    error naming the key (D18, product.md §9.1)."""
    errors: list[Finding] = []
    if not isinstance(data, dict):
        return [Finding("", "not_object")], []
    schema_id = data.get(fp.SCHEMA)
    if schema_id not in ACCEPTED_SCHEMAS:
        errors.append(Finding(fp.SCHEMA, "schema" if fp.SCHEMA in data else "missing", {"expected": list(reversed(ACCEPTED_SCHEMAS))}))
    if schema_id == SCHEMA_V1:
        _check(SCHEMA_V1_NODE, data, "", pack, errors)
        errors = [_explain_v1(e) for e in errors]
    elif schema_id == SCHEMA_V2:
        _check(SCHEMA_V2_NODE, data, "", pack, errors)
        errors = [_explain_v2(e) for e in errors]
    else:
        _check(SCHEMA, data, "", pack, errors)
    if errors:
        return errors, []
    _cross_checks(data, pack, errors)
    _duration_checks(data, errors, now)
    return errors, _warnings(data, pack) if not errors else []


def _cross_checks(doc: Doc, pack: RulePack, errors: list[Finding]) -> None:
    discovered = instant(doc, fp.DISCOVERED_AT)
    occurred = instant(doc, fp.OCCURRED_AT)
    ended = instant(doc, fp.HANDLING_ENDED_AT)
    if discovered and occurred and occurred > discovered:
        errors.append(Finding(fp.OCCURRED_AT, "occurred_after_discovered", {"discovered": display_beijing(discovered)}))
    if discovered and ended and ended < discovered:
        errors.append(Finding(fp.HANDLING_ENDED_AT, "ended_before_discovered", {"discovered": display_beijing(discovered)}))
    type_ = doc.get("type") or {}
    subclass = type_.get("subclass")
    if subclass is not None:
        cls = type_.get("class")
        if cls is not None:
            allowed = pack.incident_class(cls).subclasses
            if subclass not in allowed:
                errors.append(
                    Finding(
                        fp.TYPE_SUBCLASS,
                        "subclass_mismatch",
                        {"value": subclass, "class_name": pack.incident_class(cls).name, "choices": list(allowed) or ["（无子类）"]},
                    )
                )
        elif not any(subclass in c.subclasses for c in pack.incident_classes):
            errors.append(Finding(fp.TYPE_SUBCLASS, "subclass_unknown", {"value": subclass}))
    valid_ids = obligation_ids(doc, pack)
    for i, sub in enumerate(doc.get(fp.SUBMISSIONS) or []):
        if sub["obligation"] not in valid_ids:
            errors.append(Finding(f"submissions[{i}].obligation", "obligation_unknown", {"value": sub["obligation"], "choices": list(valid_ids)}))


def _duration_checks(doc: Doc, errors: list[Finding], now: datetime | None) -> None:
    """D18 (product.md §9.1): a running duration does not end before it began, nor begin
    after the present moment beyond the clock skew (when ``now`` is given)."""
    for duration in fields.DURATIONS:
        started, ended = instant(doc, duration.started), instant(doc, duration.ended)
        if started is not None and ended is not None and ended < started:
            errors.append(Finding(duration.ended, "duration_ended_before_started", {"started": display_beijing(started)}))
        if started is not None and now is not None and (started - now).total_seconds() > FUTURE_SKEW_SECONDS:
            errors.append(Finding(duration.started, "duration_starts_in_future", {"value": display_beijing(started), "now": display_beijing(now)}))
        if ended is not None and started is None:
            errors.append(Finding(duration.started, "duration_start_missing", {"ended": display_beijing(ended)}))


def obligation_ids(doc: Doc, pack: RulePack) -> tuple[str, ...]:
    """Every obligation id a submission may name: the pack's, plus ``sector_<n>`` (n from 1)."""
    sectors = tuple(f"{SECTOR_PREFIX}{n}" for n in range(1, len(doc.get(fp.SECTOR_OBLIGATIONS) or []) + 1))
    return tuple(o.id for o in pack.obligations) + sectors


def _warnings(doc: Doc, pack: RulePack) -> list[Finding]:
    warnings: list[Finding] = []
    code = (doc.get("reporter") or {}).get("credit_code")
    if code:
        found = credit_code.problem(code)
        if found and found[0] == "format":
            warnings.append(Finding(fp.REPORTER_CREDIT_CODE, "credit_code_format", {"value": code}))
        elif found:
            warnings.append(Finding(fp.REPORTER_CREDIT_CODE, "credit_code_check_digit", {"value": code, "expected": found[1]}))
    if doc.get(fp.INVOLVES_CII) is not True and any(s.get("is_cii") for s in doc.get(fp.SYSTEMS) or []):
        warnings.append(Finding(fp.INVOLVES_CII, "cii_system_flag"))
    if (doc.get("reporter") or {}).get("category") is None:
        warnings.append(Finding(fp.REPORTER_CATEGORY, "category_unknown"))
    discovered = instant(doc, fp.DISCOVERED_AT)
    if discovered is None:
        warnings.append(Finding(fp.DISCOVERED_AT, "discovery_unknown"))
    # D13a: a channel that cannot reach its recipient is warned by core.obligations, which
    # also leaves such a submission out of the status.
    for i, sub in enumerate(doc.get(fp.SUBMISSIONS) or []):
        at = instant(sub, "submitted_at")
        if discovered and at and at < discovered:
            warnings.append(Finding(f"submissions[{i}].submitted_at", "submitted_before_discovery", {"value": display_beijing(at)}))
    return warnings


def parse(data: Any, pack: RulePack, now: datetime | None = None) -> tuple[Doc, list[Finding]]:
    """Validate and return ``(document, warnings)``; raise ``InvalidIncident`` with every error."""
    errors, warnings = validate(data, pack, now)
    if errors:
        raise InvalidIncident(errors)
    return data, warnings


def upgrade(doc: Doc) -> Doc:
    """A copy of a valid @1, @2 or @3 document declared as @3: each format is the one before
    plus optional keys, so nothing else changes (the app writes @3, product.md §9.1)."""
    return {**doc, fp.SCHEMA: SCHEMA_ID}


def load_file(path: str | Path) -> Any:
    """Read an incident file through ``core.jsonfile`` (regular files only, size, nesting,
    duplicate keys, numbers and text checked); problems raise ``InvalidIncident``."""
    return jsonfile.load_file(path)


def loads(text: str | bytes) -> Any:
    """Parse incident JSON text with the same checks as ``load_file``."""
    return jsonfile.loads(text)


# --- The published JSON Schemas (resources/schema/incident@2.schema.json and
# incident@3.schema.json, product.md §8.1 and §9.1). ---

SCHEMA_FILES = {SCHEMA_V2: "schema/incident@2.schema.json", SCHEMA_ID: "schema/incident@3.schema.json"}  # under resources/
SCHEMA_FILE = SCHEMA_FILES[SCHEMA_ID]
# Text that ``str.strip()`` does not reduce to nothing: one character outside Python's
# whitespace (the set ``str.isspace`` knows), spelled out so every regex engine agrees.
NONBLANK_PATTERN = "[^\\t-\\r\\u001c-\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"
_YEAR = "2[0-9]{3}"  # MIN_YEAR–MAX_YEAR
_LEAP = "(?:2[0-9](?:0[48]|[2468][048]|[13579][26])|2[048]00)"
_DATE = f"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|{_LEAP}-02-29)"
# An RFC 3339 date and time; the offset may be left out (then it is Beijing time).
INSTANT_PATTERN = f"^{_DATE}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?$"

SCHEMA_DESCRIPTION = (
    "An incident file of the Incident Reporting Assistant (网络安全事件报告助手). Absent or null means unknown; "
    "unknown keys are refused. Instants are RFC 3339 date-times; one without an offset is Beijing time (UTC+8). "
    "The app checks more than this schema can say: occurred_at is not after discovered_at, handling_ended_at "
    "is not before it, type.subclass belongs to type.class, and each submission's obligation is an obligation "
    "id of the rule pack or sector_<n> for the n-th entry of sector_obligations. It also reads other ISO 8601 "
    "spellings of an instant, and refuses integer-valued fields written with a fraction (1.0). Files of the "
    "previous format, incident-assistant/incident@1, are still read."
)


SCHEMA_DESCRIPTION_V3 = SCHEMA_DESCRIPTION.replace(
    "Files of the previous format, incident-assistant/incident@1, are still read.",
    "A duration that may still be running (an outage, a defacement) is given by started_at and, once it has "
    "ended, ended_at: with ended_at null it counts up to the present moment, and minutes typed beside it win; "
    "ended_at is not before started_at and started_at not after the present moment. Files of the previous "
    "formats, incident-assistant/incident@1 and incident@2, are still read.",
)

# Descriptions of the keys incident@3 adds (D18, product.md §9.1).
FIELD_DESCRIPTIONS_V3 = {
    "impact.cii_full_outage": "A full outage of the critical information infrastructure that may still be running: "
    "started_at and ended_at (null while it goes on: counted to the present moment).",
    "impact.cii_main_function_outage": "An outage of the CII's main functions that may still be running: started_at and ended_at.",
    fp.IMPACT_PORTAL_OUTAGE_STARTED_AT: "When the website became unreachable (with ended_at null: still unreachable).",
    fp.IMPACT_DEFACEMENT_HOMEPAGE_STARTED_AT: "When the harmful content appeared on the home page (with homepage_ended_at null: still there).",
    fp.IMPACT_DEFACEMENT_OTHER_PAGE_STARTED_AT: "When the harmful content appeared on other pages (with other_page_ended_at null: still there).",
    fp.PERSONAL_INFO_WHAT: "What happened to the personal information (个人信息保护法第五十七条): leaked, tampered, lost; empty: not known.",
}

# Descriptions of the keys incident@2 adds, for the published schema's readers.
FIELD_DESCRIPTIONS = {
    fp.NUMBER: "The incident's human number, unique in the app's store (e.g. 2026-0003).",
    "personal_info": "Personal information leaked, tampered with or lost, or possibly so "
    "(个人信息保护法第五十七条). affected yes or possible creates the two notice duties.",
    "personal_info.individual_notice_waived": "Notice to individuals not given: the written reason why the "
    "measures taken effectively avoid harm (第五十七条第二款).",
    fp.ACCOUNTABILITY: "责任追究 (summary report, 第八条).",
    fp.REMEDIATION: "完善整改情况 (summary report, 第八条).",
    fp.LESSONS: "教训 (summary report, 第八条).",
    "voided": "A real incident entered by mistake is voided, never deleted: when and why.",
    "submissions.recipients_count": "For a notice: how many people it was sent to.",
}


def json_schema(pack: RulePack, schema_id: str = SCHEMA_ID) -> dict[str, Any]:
    """The JSON Schema (2020-12) of ``schema_id`` (incident@3 by default, or @2) as this
    module validates it, enums from ``pack``."""
    # D11a: incident@3's reasons need a letter or number; @2's file stays as it was published.
    root = _json_node(SCHEMAS[schema_id], pack, nullable=False, reason_rule=schema_id == SCHEMA_ID)
    root["properties"][fp.SCHEMA] = {"const": schema_id}
    root["required"] = [fp.SCHEMA]
    descriptions = FIELD_DESCRIPTIONS | (FIELD_DESCRIPTIONS_V3 if schema_id == SCHEMA_ID else {})
    for path, text in descriptions.items():
        node = root
        for part in path.split("."):
            node = node["properties"][part] if "properties" in node else node["items"]["properties"][part]
        node["description"] = text
    description = SCHEMA_DESCRIPTION_V3 if schema_id == SCHEMA_ID else SCHEMA_DESCRIPTION
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": schema_id, "description": description, **root}


def json_schema_text(pack: RulePack, schema_id: str = SCHEMA_ID) -> str:
    """A published file's exact text. To refresh both after a schema or rule-pack change:
    ``python -c "from core.incident import write_json_schema; write_json_schema()"``."""
    return json.dumps(json_schema(pack, schema_id), ensure_ascii=False, indent=2) + "\n"


def write_json_schema() -> list[Path]:
    """Write ``resources/schema/incident@2.schema.json`` and ``incident@3.schema.json``
    from the default rule pack."""
    from core import resources  # lazy: only this maintenance helper writes the published files
    from core.rules import default_pack

    written = []
    for schema_id, file in SCHEMA_FILES.items():
        path = resources.path(file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json_schema_text(default_pack(), schema_id), encoding="utf-8")
        written.append(path)
    return written


_REASON_PATTERN: list[str] = []


def reason_pattern() -> str:
    """D11a as a regular expression every engine reads: one character of Unicode category
    L* or N* (of this Python's Unicode database) in the Basic Multilingual Plane, spelled as
    ``\\uXXXX`` ranges (an ECMA-262 pattern cannot name a higher plane without the ``u``
    flag, so a reason written only in such letters passes the app but not this pattern).
    Built on demand: the published schema needs it, the app's start-up does not."""
    if not _REASON_PATTERN:
        ranges: list[tuple[int, int]] = []
        for code in range(0x10000):
            if unicodedata.category(chr(code))[0] in "LN":
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))

        def one(code: int) -> str:
            return f"\\u{code:04x}"

        _REASON_PATTERN.append("[" + "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in ranges) + "]")
    return _REASON_PATTERN[0]


def _json_node(node: Node, pack: RulePack, nullable: bool, reason_rule: bool = False) -> dict[str, Any]:
    def typed(name: str, **extra: Any) -> dict[str, Any]:
        return {"type": [name, "null"] if nullable else name, **extra}

    kind = node.kind
    if kind in ("object", "grade_choice"):
        fields = node.fields or {}
        properties = {key: _json_node(sub, pack, nullable=key not in node.required, reason_rule=reason_rule) for key, sub in fields.items()}
        for key in sorted(node.nonblank):
            properties[key]["pattern"] = reason_pattern() if reason_rule else NONBLANK_PATTERN
        out = typed("object", properties=properties, additionalProperties=False)
        if node.required:
            out["required"] = sorted(node.required)
        return out
    if kind == "list":
        assert node.item is not None
        return typed("array", items=_json_node(node.item, pack, nullable=False, reason_rule=reason_rule))
    if kind == "enum":
        assert node.choices is not None
        return {"enum": [*node.choices(pack), *([None] if nullable else [])]}
    simple: dict[str, dict[str, Any]] = {
        "str": typed("string"),
        "bool": typed("boolean"),
        "instant": typed("string", pattern=INSTANT_PATTERN),
        "int": typed("integer", minimum=0, maximum=MAX_NUMBER),
        "number": typed("number", **({"exclusiveMinimum": 0} if node.positive else {"minimum": 0}), maximum=node.maximum or MAX_NUMBER),
        "percent": typed("number", minimum=0, maximum=100),
        "any_scalar": {"type": ["string", "number", *(["null"] if nullable else [])], "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER},
    }
    return simple[kind]


# --- Typed accessors used by the logic modules. ---


@cache
def _steps(path: str) -> tuple[str | int, ...]:
    """A path's steps, parsed once (``core.paths``: one parser for every path); the
    assessment reads the same few hundred paths over and over (the 1 Hz tick, D18)."""
    return tuple(paths.parse(path))


def get(doc: Doc, path: str) -> Any:
    """Value at a path (``impact.defacement.site``, ``systems[0].name``), or None when any
    step is absent or null (the same answer as ``core.paths.get``)."""
    current: Any = doc
    for step in _steps(path):
        if isinstance(step, int):
            current = current[step] if isinstance(current, list) and step < len(current) else None
        else:
            current = current.get(step) if isinstance(current, dict) else None
        if current is None:
            return None
    return current


def instant(doc: Doc, path: str) -> datetime | None:
    value = get(doc, path)
    if value is None:
        return None
    return parse_instant(value)


def is_ransomware(doc: Doc, pack: RulePack) -> bool:
    """第七条第一款第二项: ransomware incidents also report the ransom demanded."""
    return get(doc, fp.TYPE_SUBCLASS) == pack.ransomware_subclass or doc.get("ransomware") is not None


def involves_cii(doc: Doc) -> bool:
    """CII if the incident says so or any affected system is marked CII (conservative)."""
    return doc.get(fp.INVOLVES_CII) is True or any(s.get("is_cii") for s in doc.get(fp.SYSTEMS) or [])


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def personal_info_counts(doc: Doc) -> tuple[int | None, int | None]:
    """The two places a number of people whose personal information leaked may be recorded:
    ``impact.personal_info_leaked`` and ``personal_info.count`` (this one only when
    ``affected`` is yes: D16a, the annex grades what happened)."""
    count = _count(get(doc, fp.PERSONAL_INFO_COUNT)) if get(doc, fp.PERSONAL_INFO_AFFECTED) == "yes" else None
    return _count(get(doc, fp.IMPACT_PERSONAL_INFO_LEAKED)), count


def personal_info_leaked(doc: Doc) -> int | None:
    """D16a (附件 一、二、三 第5项): the one number of people whose personal information
    leaked: ``impact.personal_info_leaked``, or ``personal_info.count`` with ``affected``
    yes when that is empty; the larger when both are given."""
    leaked, count = personal_info_counts(doc)
    known = [n for n in (leaked, count) if n is not None]
    return max(known) if known else None


def personal_info_contradiction(doc: Doc) -> int | None:
    """D16b: ``affected`` no beside a leaked count above zero: the count (else None)."""
    if get(doc, fp.PERSONAL_INFO_AFFECTED) != "no":
        return None
    counts = [n for n in (_count(get(doc, fp.IMPACT_PERSONAL_INFO_LEAKED)), _count(get(doc, fp.PERSONAL_INFO_COUNT))) if n]
    return max(counts) if counts else None


def personal_info_affected(doc: Doc) -> bool:
    """D16 (个人信息保护法第五十七条): personal information leaked, tampered with or lost,
    or possibly so. The user's answer decides; with no answer, a count of people above
    zero means it happened. D16b: an answer of no beside a recorded
    leak above zero does not silence it (the recorded fact wins)."""
    affected = get(doc, fp.PERSONAL_INFO_AFFECTED)
    if affected is not None and personal_info_contradiction(doc) is None:
        return bool(affected in PI_AFFECTED_YES)
    if affected == "no":
        return True
    # No answer: a count of people above zero, in the impact (附件第5项) or the one number the
    # wizard asks (D16a), means it happened (D16b: the recorded fact; never later than the truth).
    counts = (get(doc, fp.IMPACT_PERSONAL_INFO_LEAKED), get(doc, fp.PERSONAL_INFO_COUNT))
    return any(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in counts)


def walk_strings(doc: Doc) -> Iterator[tuple[str, str]]:
    """Every string value with its path, for reports and tests."""

    def visit(value: Any, path: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for k, v in value.items():
                yield from visit(v, _join(path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from visit(v, f"{path}[{i}]")

    return visit(doc, "")
