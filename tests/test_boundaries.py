"""The design's boundaries, checked on the source: the vocabulary has one home
(``core/vocab.py``), the GUI decides no law, and the GUI reaches the store only through
its hub, which alone says what changed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core import vocab
from core.rules import default_pack
from tests.conftest import ROOT

PACK = default_pack()
HOME = ROOT / "core" / "vocab.py"


def sources(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py"))


def string_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    return [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_the_vocabulary_matches_the_rule_pack():
    assert {g.id for g in PACK.grades} | {PACK.undetermined.id} == {str(g) for g in vocab.Grade}
    assert {o.id for o in PACK.obligations} == {str(o) for o in vocab.ObligationId}
    assert {c.id for c in PACK.channels} <= {str(c) for c in vocab.Channel}
    for member in [*vocab.Status, *vocab.ReportKind, *vocab.Reportable]:
        zh, en = vocab.label(member, "zh"), vocab.label(member, "en")
        assert zh != str(member) and en != str(member) and not re.search(r"[\u4e00-\u9fff]", en), member
    for grade in (*PACK.grades, PACK.undetermined):  # the list shows the vocabulary's, documents the pack's
        assert (vocab.label(vocab.Grade(grade.id), "zh"), vocab.label(vocab.Grade(grade.id), "en")) == (grade.name, grade.name_en)


# Values whose meaning is a status, a grade, a report kind or a reportable state: written as
# a literal anywhere but the vocabulary, they are a copy that can drift.
VOCABULARY_VALUES = {str(m) for enum in (vocab.Status, vocab.Grade, vocab.Reportable) for m in enum} | {str(k) for k in vocab.ReportKind}
# The same words with another meaning: keys of the contract's ``missing`` object (product.md
# §4.3), keys of the rule pack's JSON, a wizard page, the values of ``personal_info.affected``,
# the English word for overdue time, the object names of the yes/no buttons.
ALLOWED = {
    ("core/completeness.py", "initial"),
    ("core/cli/check_cmd.py", "initial"),
    ("core/service.py", "initial"),
    ("gui/wizard/review.py", "initial"),
    ("core/rules.py", "initial"),
    ("core/rules.py", "undetermined"),
    ("core/fields.py", "summary"),
    ("core/fields.py", "yes"),
    ("core/fields.py", "no"),
    ("core/incident.py", "yes"),
    ("core/incident.py", "no"),
    ("core/timeutil.py", "overdue"),
    ("core/incident.py", "voided"),  # the incident file's key ``voided`` (product.md §8.1)
    ("core/messages.py", "voided"),  # the warning code ``voided`` (product.md §9.2)
    ("core/store/derive.py", "voided"),
    ("core/report/content.py", "voided"),  # the documents read the file's key ``voided`` (D17)
    ("core/store/store.py", "voided"),
    ("gui/wizard/fields.py", "yes"),  # object names of the 是/否 buttons
    ("gui/wizard/fields.py", "no"),
    ("core/cli/__init__.py", "notice"),  # the ``notice`` subcommand's name
}


@pytest.mark.parametrize("path", [p for p in sources("core", "gui") if p != HOME], ids=lambda p: str(p.relative_to(ROOT)))
def test_no_vocabulary_value_is_written_as_a_literal_outside_its_home(path):
    rel = str(path.relative_to(ROOT))
    found = [(line, value) for line, value in string_literals(path) if value in VOCABULARY_VALUES and (rel, value) not in ALLOWED]
    assert found == [], f"{rel}: use core.vocab members instead of {found}"


def sources_of(pattern: str) -> list[Path]:
    return [p for p in sources("gui") if re.search(pattern, p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", sources("gui"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_gui_decides_no_law(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"from core\.(obligations|grading|completeness) import (?!Obligation\b)", text), "the GUI asks core.assessment"
    assert not re.search(r"timedelta\(\s*hours", text), "deadline arithmetic belongs to core.obligations"
    assert not re.search(r"\b(channel_rule\.(not_for|cyberspace)_|\.reaches\s*==)", text), "channel fitness belongs to core.assessment"
    assert not re.search(r"\b\d+ ?(日|天)", text), "day counts come from the rule pack"
    assert not re.search(r"\bo\.due\s*[<>]=?|<=\s*o\.due\b|at <= ob\.due", text), "on-time is decided in core"


@pytest.mark.parametrize("path", [p for p in sources("gui") if p.name != "hub.py"], ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_hub_says_what_changed(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    emitted = [
        (n.lineno, n.func.value.attr)
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr == "emit"
        and isinstance(n.func.value, ast.Attribute)
        and n.func.value.attr in HUB_SIGNALS
    ]
    assert emitted == [], f"{path.relative_to(ROOT)}: only gui.hub.StoreHub emits {emitted}"


HUB_SIGNALS = {"incidentChanged", "incidentsChanged", "profileChanged", "saved", "storeError"}


# --- One door: the GUI and the command line reach core's data through core.service only ---
#
# A client could hold a ``Store`` only by importing it (``private_imports``), by reading an
# attribute named ``store`` (``store_reach``) or by being handed one by the door
# (``test_the_door_hands_out_no_store``); the three together make the rule sound. Calls of
# the Store's own method names are refused besides, as a second net.

PRIVATE = ("core.store", "core.usecases")  # core's business: the door re-exports what clients need
CLIENTS = ("gui", "core/cli")


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an import names, with ``from a import b`` also as ``a.b`` (``b`` may be a module)."""
    found: list[tuple[int, str]] = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Import):
            found += [(n.lineno, alias.name) for alias in n.names]
        elif isinstance(n, ast.ImportFrom) and n.level == 0 and n.module:
            found.append((n.lineno, n.module))
            found += [(n.lineno, f"{n.module}.{alias.name}") for alias in n.names]
    return found


def private_imports(tree: ast.AST) -> list[tuple[int, str]]:
    return [(line, m) for line, m in imported(tree) if any(m == p or m.startswith(p + ".") for p in PRIVATE)]


def _store_only_names() -> frozenset[str]:
    """Names a Store has that the door does not offer under the same name."""
    from core.service import IncidentService
    from core.store import Store

    return frozenset(n for n in dir(Store) if not n.startswith("__")) - frozenset(dir(IncidentService)) | {"Store"}


STORE_ONLY = _store_only_names()


def store_reach(tree: ast.AST, defined_here: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """An attribute named ``store`` read, the name ``Store``, or a call of a Store-only method
    (``defined_here``: names the clients define themselves, such as a window's ``path``)."""
    found: list[tuple[int, str]] = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Attribute) and n.attr in ("store", "_store"):
            found.append((n.lineno, ast.unparse(n)))
        elif isinstance(n, ast.Name) and n.id == "Store":
            found.append((n.lineno, n.id))
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in STORE_ONLY - defined_here:
            found.append((n.lineno, ast.unparse(n.func)))
    return found


def defined_names(paths: list[Path]) -> frozenset[str]:
    names: set[str] = set()
    for path in paths:
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(n.name)
    return frozenset(names)


CLIENT_SOURCES = sources(*CLIENTS)
CLIENT_NAMES = defined_names(CLIENT_SOURCES)


@pytest.mark.parametrize("path", CLIENT_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_clients_reach_core_through_the_one_door(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert private_imports(tree) == [], f"{path.relative_to(ROOT)}: import from core.service, not {private_imports(tree)}"
    assert store_reach(tree, CLIENT_NAMES) == [], f"{path.relative_to(ROOT)}: the Store is core's own; ask core.service"


def test_the_door_hands_out_no_store():
    """No public method or function of ``core.service`` returns a Store (or the writer lock)."""
    import inspect

    import core.service as door
    from core.store import Store

    def hands_out(fn: object) -> bool:
        returned = str(inspect.get_annotations(fn).get("return", ""))  # type: ignore[arg-type]
        names = {n.id for n in ast.walk(ast.parse(returned or "None", mode="eval")) if isinstance(n, ast.Name)}
        return bool(names & {"Store", "WriterLock"}) or returned in ("", "Any")  # an untyped answer could be anything

    public = [getattr(door, n) for n in door.__all__]
    callables = [f for f in public if inspect.isfunction(f)]
    callables += [m for name, m in inspect.getmembers(door.IncidentService, inspect.isfunction) if not name.startswith("_")]
    assert callables and [f.__qualname__ for f in callables if hands_out(f)] == []
    assert not any(isinstance(v, type) and issubclass(v, Store) for v in public)


@pytest.mark.parametrize(
    ("snippet", "violations"),
    [
        ("from core.store import Store", 2),
        ("import core.store.anchor", 1),
        ("from core import store", 1),
        ("from core.usecases.changes import Changes", 2),
        ("from core.service import open_service, StoreError", 0),
        ("import core.storeroom", 0),
    ],
)
def test_the_import_check_catches_a_private_import(snippet, violations):
    assert len(private_imports(ast.parse(snippet))) == violations


@pytest.mark.parametrize(
    ("snippet", "caught"),
    [
        ("hub.service.store.get_incident('x')", True),
        ("self._store.meta('k')", True),
        ("s: Store = make()", True),
        ("service.void_incident('x', 'why')", True),  # the Store's name; the door's is ``void``
        ("service.add_submission('x', {})", True),
        ("service.set_fields('x', {})", True),
        ("service.record_submission('x', {})", False),
        ("hub.document('x')", False),
    ],
)
def test_the_store_check_catches_a_reach_past_the_door(snippet, caught):
    assert bool(store_reach(ast.parse(snippet))) is caught
