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
    ("gui/app.py", "initial"),
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


@pytest.mark.parametrize("path", [p for p in sources("gui") if p.name not in ("hub.py", "app.py")], ids=lambda p: str(p.relative_to(ROOT)))
def test_windows_reach_the_store_through_the_hub_and_only_the_hub_emits(path):
    text = path.read_text(encoding="utf-8")
    assert ".store." not in text.replace("core.store.", ""), "read and write through gui.hub.StoreHub"
    assert not re.search(r"\.(incidentChanged|incidentsChanged|saved|storeError)\.emit\(", text), "only the hub says what changed"
