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
from tools.field_literals import docstring_nodes

PACK = default_pack()
HOME = ROOT / "core" / "vocab.py"


def sources(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py"))


def string_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = docstring_nodes(tree)
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
    ("core/readiness.py", "initial"),  # the keys of ``Assessment.missing`` (product.md §4.3)
    ("core/rules.py", "initial"),
    ("core/rules.py", "undetermined"),
    ("core/fields.py", "summary"),
    ("core/fields.py", "yes"),
    ("core/fields.py", "no"),
    ("core/incident.py", "yes"),
    ("core/incident.py", "no"),
    ("core/timeutil.py", "overdue"),
    ("core/incident.py", "voided"),  # the incident file's key ``voided`` (product.md §8.1)
    ("core/text/warnings.py", "voided"),  # the warning code ``voided`` (product.md §9.2)
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


# --- The GUI decides nothing: it renders core's answers ---
#
# Each checker takes a parsed module and returns its violations as (line, source); each is
# shown failing on a deliberate violation below (a test of the test).

DUE = re.compile(r"(^|_)(due|deadline)s?($|_)")  # due, next_due, deadline, due_at, sort_due ...
ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
CITATION = re.compile(r"第([一二三四五六七八九十百零〇两\d]+|\{\w*\})条")  # 第八条, and 第{n}条 filled in later
DAY_COUNT = re.compile(r"\b\d+ ?(日|天)")
LAW_MODULES = ("core.obligations", "core.grading", "core.completeness")  # the GUI asks core.assessment
VOCAB_SETS = {n for n, v in vars(vocab).items() if isinstance(v, (frozenset, set, tuple)) and v and all(isinstance(x, (vocab.Status, vocab.Grade)) for x in v)}


def _identifier(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _mentions_due(node: ast.AST) -> bool:
    return any((name := _identifier(n)) is not None and DUE.search(name) is not None for n in ast.walk(node))


def _is_text(node: ast.AST) -> bool:
    """A string being joined (``label.text() + "\\n"``), not a time being moved."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and (_is_text(node.left) or _is_text(node.right))


def due_arithmetic(tree: ast.AST) -> list[tuple[int, str]]:
    """``+``/``-`` with a due time in either operand (joining strings aside), or an ordering
    comparison with one: how far away a deadline is, and whether it passed, are core's answers."""
    found = []
    for n in ast.walk(tree):
        if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub)) and not _is_text(n) and (_mentions_due(n.left) or _mentions_due(n.right)):
            found.append((n.lineno, ast.unparse(n)))
        elif isinstance(n, ast.AugAssign) and isinstance(n.op, (ast.Add, ast.Sub)) and (_mentions_due(n.target) or _mentions_due(n.value)):
            found.append((n.lineno, ast.unparse(n)))
        elif isinstance(n, ast.Compare) and any(isinstance(op, ORDERING) for op in n.ops) and any(_mentions_due(x) for x in (n.left, *n.comparators)):
            found.append((n.lineno, ast.unparse(n)))
        elif isinstance(n, ast.Call) and _identifier(n.func) == "timedelta" and any(k.arg in ("hours", "days") for k in n.keywords):
            found.append((n.lineno, ast.unparse(n)))  # deadline arithmetic belongs to core.obligations
    return found


def _vocab_value(node: ast.AST) -> bool:
    """``Status.MET``, ``vocab.Grade.MAJOR`` or a vocabulary set of them (``OPEN_STATUSES``)."""
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute) and _identifier(n.value) in ("Status", "Grade"):
            return True
        if _identifier(n) in VOCAB_SETS:
            return True
    return False


def vocab_comparisons(tree: ast.AST) -> list[tuple[int, str]]:
    """A comparison with a grade or a status: which states count as what is core's answer
    (a window looks its presentation up by the state instead)."""
    return [(n.lineno, ast.unparse(n)) for n in ast.walk(tree) if isinstance(n, ast.Compare) and any(_vocab_value(x) for x in (n.left, *n.comparators))]


def citations(tree: ast.AST) -> list[tuple[int, str]]:
    """A string (not a docstring) that types an article number or a day count: citations come
    from ``core.citations`` and the rule pack, day counts from the pack."""
    found = []
    for line, value in _literals(tree):
        if CITATION.search(value) or DAY_COUNT.search(value):
            found.append((line, value))
    return found


def law_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """Imports of the law's own modules (other than the ``Obligation`` type), and reads of the
    channel rule's lists: channel fitness and grading are the assessment's answers."""
    found = [
        (n.lineno, f"{n.module}.{a.name}")
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and n.module in LAW_MODULES
        for a in n.names
        if a.name != "Obligation"
    ]
    for n in ast.walk(tree):
        if isinstance(n, ast.Attribute) and _identifier(n.value) == "channel_rule" and n.attr.startswith(("not_for_", "cyberspace_")):
            found.append((n.lineno, ast.unparse(n)))
        if isinstance(n, ast.Compare) and any(_identifier(x) == "reaches" for x in (n.left, *n.comparators)):
            found.append((n.lineno, ast.unparse(n)))
    return found


def _literals(tree: ast.AST) -> list[tuple[int, str]]:
    docstrings = docstring_nodes(tree)
    found = [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]
    for n in ast.walk(tree):  # an f-string as a whole, its values as {}: f"第{n}条" reads 第{}条
        if isinstance(n, ast.JoinedStr):
            found.append((n.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in n.values)))
    return found


GUI_CHECKS = {
    "due times: ask core (core.readiness, core.obligations.past_due, i18n.time_left)": due_arithmetic,
    "grades and statuses: look the presentation up, or ask the obligation": vocab_comparisons,
    "citations and day counts: core.citations and the rule pack": citations,
    "the law's modules: ask core.assessment": law_imports,
}


@pytest.mark.parametrize("path", sources("gui"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_gui_decides_nothing(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {why: check(tree) for why, check in GUI_CHECKS.items() if check(tree)}
    assert found == {}, f"{path.relative_to(ROOT)}: {found}"


@pytest.mark.parametrize(
    ("check", "snippet"),
    [
        (due_arithmetic, "left = (nearest.due - now).total_seconds()"),
        (due_arithmetic, "late = row.next_due < now"),
        (due_arithmetic, "end = deadline + step"),
        (due_arithmetic, "when += o.due_at"),
        (due_arithmetic, "due = at + timedelta(hours=1)"),
        (vocab_comparisons, "if o.status == Status.MET: pass"),
        (vocab_comparisons, "ok = o.status in (Status.MET, Status.LATE)"),
        (vocab_comparisons, "big = grade != vocab.Grade.MAJOR"),
        (vocab_comparisons, "keep = row.status in OPEN_STATUSES"),
        (citations, "text = tr('首报（第七条第二款）')"),
        (citations, "text = f'总结报告（第{n}条）'.format(n=8)"),
        (citations, "text = tr('须在 30 日内报送')"),
        (citations, "text = tr('总结报告（第{n}条）').format(n=8)"),
        (law_imports, "from core.obligations import plan"),
        (law_imports, "ok = channel.reaches == 'cyberspace'"),
    ],
)
def test_each_gui_check_catches_a_deliberate_violation(check, snippet):
    assert check(ast.parse(snippet)) != []


@pytest.mark.parametrize(
    "snippet",
    [
        "text = time_left(o.due, now)",
        "shown = o.due is not None and o.has_clock",
        "style = STATE_STYLE[state]",
        "text = tr('首报（{c}）').format(c=basis(citations.supplement(pack)))",
        "from core.obligations import Obligation",
        "at = now - timedelta(minutes=10)",
        "text = self.due.text() + '\\n' + why",
        'def f():\n    """第七条: a docstring may cite."""',
    ],
)
def test_the_gui_checks_let_rendering_pass(snippet):
    tree = ast.parse(snippet)
    assert {check.__name__: check(tree) for check in GUI_CHECKS.values() if check(tree)} == {}


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
