"""A field is one declaration: the typed constants of ``core/field_paths.py`` are generated
from the field catalogue and cannot drift from it, and the source names fields by those
constants, not by quoted paths (``tools/field_literals.py`` finds and rewrites them)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from core import field_paths as fp
from core.fields import CATALOGUE
from tests.conftest import ROOT
from tools import field_literals, field_paths


def test_the_generated_constants_are_what_the_catalogue_makes():
    written = (ROOT / "core" / "field_paths.py").read_text(encoding="utf-8")
    assert written == field_paths.render(), "the catalogue changed: run  python -m tools.field_paths --write"


def test_every_catalogue_path_has_one_constant_of_its_own_value():
    constants = {name: value for name, value in vars(fp).items() if name.isupper()}
    assert sorted(constants.values()) == sorted(CATALOGUE)
    assert constants["DISCOVERED_AT"] == "discovered_at"
    assert constants["SYSTEMS_NAME"] == "systems[].name"
    assert constants["IMPACT_DEFACEMENT_AUTHORITY_SCOPE"] == "impact.defacement.authority_scope"


def test_two_paths_that_would_make_the_same_name_are_refused(monkeypatch):
    monkeypatch.setattr(field_paths, "CATALOGUE", {"a.b": None, "a_b": None})
    with pytest.raises(ValueError, match="same constant A_B"):
        field_paths.names()


def _tree(tmp_path: Path, source: str) -> Path:
    (tmp_path / "core").mkdir()
    (tmp_path / "gui").mkdir()
    (tmp_path / "core" / "thing.py").write_text(source, encoding="utf-8")
    return tmp_path


SOURCE = '''"""A module."""

from __future__ import annotations


def when(doc, row):
    """Reads discovered_at."""
    label = f"{doc}discovered_at"
    return doc.get("discovered_at"), {"title": row}, doc["title"], label
'''


def test_a_quoted_field_path_is_found_with_its_place_and_an_allowed_one_is_not(tmp_path):
    root = _tree(tmp_path, SOURCE)
    found = field_literals.violations(root, allow=set())
    # the docstring and the f-string's piece are not literals of a path
    assert [(v.line, v.value, v.scope, v.role) for v in found] == [
        (9, "discovered_at", "when", "arg0"),
        (9, "title", "when", "key"),
        (9, "title", "when", "other"),
    ]
    allow = {("core/thing.py", "when", "title", field_literals.KEY)}
    assert [(v.value, v.role) for v in field_literals.violations(root, allow=allow)] == [("discovered_at", "arg0"), ("title", "other")]
    allow = {("core/thing.py", field_literals.ANY, "title", field_literals.ANY)}
    assert [v.value for v in field_literals.violations(root, allow=allow)] == ["discovered_at"]


def test_the_rewrite_names_the_constant_and_imports_it(tmp_path, monkeypatch):
    root = _tree(tmp_path, SOURCE)
    monkeypatch.setattr(field_literals, "ALLOWED", {("core/thing.py", "when", "title", field_literals.KEY)})
    assert field_literals.rewrite(root, tidy=False) == [root / "core" / "thing.py"]
    text = (root / "core" / "thing.py").read_text(encoding="utf-8")
    ast.parse(text)
    assert field_literals.IMPORT in text.splitlines()
    assert 'doc.get(fp.DISCOVERED_AT), {"title": row}, doc[fp.TITLE]' in text
    assert '"""Reads discovered_at."""' in text and 'f"{doc}discovered_at"' in text
    assert field_literals.violations(root) == []
    assert field_literals.rewrite(root, tidy=False) == []  # run again: nothing left to do


def test_no_field_path_is_quoted_outside_the_catalogue():
    found = [f"{v.file}:{v.line} {v.value!r}" for v in field_literals.violations()]
    assert found == [], f"name the field by its constant (fp.…; python -m tools.field_literals --write), or allow the literal with a reason: {found}"


def test_every_allowed_literal_is_still_there():
    assert field_literals.unused() == [], "drop the allow-list entries that explain nothing any more"
