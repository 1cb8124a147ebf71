"""Finds, and rewrites, quoted field paths in ``core/`` and ``gui/``: a string literal
equal to a path of the field catalogue (``core.fields``) names a field the type checker
cannot follow; it is written ``fp.DISCOVERED_AT`` instead (``core/field_paths.py``). The
test in ``tests/test_field_paths.py`` runs ``violations()``; the rewrite is re-runnable:

    python -m tools.field_literals            # list the quoted field paths left
    python -m tools.field_literals --write    # replace them, add the import, sort, format

The same words with another meaning stay quoted: they are listed in ``ALLOWED`` with why.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from core.fields import CATALOGUE
from tools.field_paths import names

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("core", "gui")
# The catalogue and its generated constants are where the paths are written.
EXEMPT = {"core/fields.py", "core/field_paths.py"}
IMPORT = "from core import field_paths as fp"

# (file, scope, literal, role): the same word with another meaning than the incident's
# field. ``scope`` is the qualname of the enclosing function or class, MODULE for module
# level, ANY for the whole file; ``role`` narrows it to one place in an expression: KEY (a
# key of a dict display), ``arg0``/``arg1`` (a positional argument of a call), ``kw:name``,
# COMPARE (an operand of a comparison), OTHER (anything else), ANY (all of them).
ANY, MODULE, KEY, COMPARE, OTHER = "*", "<module>", "key", "compare", "other"
ALLOWED: set[tuple[str, str, str, str]] = {
    # Table names, column names and primary keys of the database (SQL rows, not the incident).
    *{("core/store/audit.py", ANY, w, ANY) for w in ("id", "submissions", "timeline", "schema")},
    *{("core/store/schema.py", ANY, w, ANY) for w in ("submissions", "timeline")},
    *{("core/store/restoring.py", ANY, w, ANY) for w in ("submissions", "timeline")},
    *{("core/store/listcheck.py", ANY, w, ANY) for w in ("submissions", "timeline", "title", "drill", "number")},
    *{("core/store/documents.py", ANY, w, ANY) for w in ("submissions", "timeline")},
    *{("core/store/store.py", ANY, w, ANY) for w in ("submissions", "timeline")},
    ("core/store/steps.py", ANY, "id", KEY),
    ("core/store/keys.py", ANY, "id", ANY),  # the key file's own JSON
    ("core/store/store.py", ANY, "id", KEY),
    ("core/store/store.py", "Store.save_profile", "id", ANY),
    *{("core/store/derive.py", "Derived.columns", w, KEY) for w in ("title", "drill", "number")},
    *{("core/store/derive.py", MODULE, w, ANY) for w in ("title", "drill", "number")},  # LIST_COLUMNS
    # ``schema``: a kind of finding (validation's, the database check's), a message key, and
    # the prefix of the database's own meta keys.
    ("core/store/verifying.py", ANY, "schema", ANY),
    ("core/store/store.py", MODULE, "schema", ANY),
    ("core/store/store.py", "Store.set_meta", "schema", ANY),
    ("core/incident.py", "validate", "schema", OTHER),
    # ``number``: a value type of the catalogue and of JSON Schema; ``title``: JSON Schema's keyword.
    ("core/incident.py", MODULE, "number", "arg0"),
    *{("core/incident.py", s, "number", ANY) for s in ("_leaf", "_check", "_json_node")},
    ("core/incident.py", "json_schema", "title", KEY),
    # Keys of the rule pack's JSON (``id``, ``title``) and the names of its obligation
    # conditions, checked where the pack is read. (Where an obligation's condition is matched,
    # ``involves_cii`` and ``crime_suspected`` are the fields they are named after: constants.)
    *{("core/rules.py", ANY, w, ANY) for w in ("id", "title", "involves_cii", "crime_suspected")},
    ("core/obligations.py", ANY, "id", KEY),  # an obligation's JSON
    # The choice ``other`` (a category value, the vocabulary's OTHER).
    ("core/vocab.py", ANY, "other", ANY),
    ("gui/profile.py", ANY, "other", ANY),
    # Paragraph style names of the PDF documents and the Word file.
    *{("core/report/pdf.py", ANY, w, ANY) for w in ("title", "timeline", "drill")},
    *{("core/notice/pdf.py", ANY, w, ANY) for w in ("title", "drill")},
    *{("core/report/worksheet.py", "render_pdf", w, ANY) for w in ("title", "drill")},
    # ``cause`` as a key inside ``personal_info`` (``personal_info.cause``), not the incident's ``cause``.
    ("core/notice/sms.py", "long_text", "cause", ANY),
    # The kinds of a report's appendices (the timeline, the submissions) as the renderers
    # dispatch on them.
    ("core/report/docx.py", ANY, "timeline", ANY),
    *{("core/report/content.py", "ReportContent.appendices", w, ANY) for w in ("timeline", "submissions")},
    # Keys of ``list --json`` output and the CLI's positional argument ``id``.
    *{("core/cli/store_cmds.py", ANY, w, KEY) for w in ("id", "number", "title", "drill")},
    ("core/cli/store_cmds.py", ANY, "id", "arg0"),
    # The incident list's filter ``drill``; an attachment row's ``id``.
    ("gui/main_window.py", ANY, "drill", ANY),
    ("gui/incident_table.py", ANY, "drill", ANY),
    ("gui/desk_tabs.py", "AttachmentPane", "id", ANY),
}


class Literal(NamedTuple):
    file: str  # relative, with /
    line: int
    col: int
    end_col: int
    scope: str
    value: str
    role: str


def docstring_nodes(tree: ast.AST) -> set[int]:
    """The ids of the docstrings' nodes: a docstring is prose, not a value the code uses."""
    return {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }


def literals(path: Path, root: Path = ROOT, paths: set[str] | None = None) -> Iterator[Literal]:
    """The string literals of ``path`` equal to a field path (not docstrings, not pieces of
    f-strings), each with the qualname of the function or class it lies in."""
    wanted = set(CATALOGUE) if paths is None else paths
    rel = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstring_nodes(tree) | {id(n) for j in ast.walk(tree) if isinstance(j, ast.JoinedStr) for n in ast.walk(j)}

    def role(parent: ast.AST, child: ast.AST) -> str:
        if isinstance(parent, ast.Dict) and any(k is child for k in parent.keys):
            return KEY
        if isinstance(parent, ast.Call):
            for i, a in enumerate(parent.args):
                if a is child:
                    return f"arg{i}"
            for k in parent.keywords:
                if k.value is child:
                    return f"kw:{k.arg}"
        if isinstance(parent, ast.Compare):
            return COMPARE
        return OTHER

    def visit(node: ast.AST, scope: str) -> Iterator[Literal]:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                inner = f"{scope}.{child.name}" if scope else child.name
            if isinstance(child, ast.Constant) and isinstance(child.value, str) and child.value in wanted and id(child) not in skip:
                assert child.end_lineno == child.lineno and child.end_col_offset is not None
                yield Literal(rel, child.lineno, child.col_offset, child.end_col_offset, scope or MODULE, child.value, role(node, child))
            yield from visit(child, inner)

    yield from visit(tree, "")


def allowed(lit: Literal, allow: set[tuple[str, str, str, str]] | None = None) -> bool:
    allow = ALLOWED if allow is None else allow
    scopes = [ANY, *_scopes(lit.scope)]
    return any((lit.file, s, lit.value, r) in allow for s in scopes for r in (ANY, lit.role))


def _scopes(scope: str) -> list[str]:
    parts = scope.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts) + 1)]


def sources(root: Path = ROOT) -> list[Path]:
    return sorted(p for f in FOLDERS for p in (root / f).rglob("*.py") if p.relative_to(root).as_posix() not in EXEMPT)


def violations(root: Path = ROOT, allow: set[tuple[str, str, str, str]] | None = None) -> list[Literal]:
    """Every quoted field path in core/ and gui/ that ``ALLOWED`` does not explain."""
    return [lit for p in sources(root) for lit in literals(p, root) if not allowed(lit, allow)]


def unused(root: Path = ROOT) -> list[tuple[str, str, str, str]]:
    """The entries of ``ALLOWED`` that explain no literal any more (a file renamed, a line
    gone): an allow-list that outlives its reasons hides the next real violation."""
    found = [lit for p in sources(root) for lit in literals(p, root)]
    return sorted(e for e in ALLOWED if not any(allowed(lit, {e}) for lit in found))


def _add_import(text: str) -> str:
    if IMPORT in text:
        return text
    tree = ast.parse(text)
    body = tree.body
    at = 0
    for i, node in enumerate(body):  # after the docstring and ``from __future__``
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            at = node.end_lineno or 0
        elif isinstance(node, ast.ImportFrom) and node.module == "__future__":
            at = node.end_lineno or 0
        else:
            break
    lines = text.splitlines(keepends=True)
    return "".join([*lines[:at], f"\n{IMPORT}\n", *lines[at:]])


def rewrite(root: Path = ROOT, *, tidy: bool = True) -> list[Path]:
    """Replaces every violation by its constant and imports ``fp`` where needed; ``tidy``
    then sorts the imports and formats the files changed (ruff). Returns the files changed."""
    by_value = {path: name for name, path in names().items()}
    found = violations(root)
    changed: list[Path] = []
    for rel in sorted({lit.file for lit in found}):
        path = root / rel
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for lit in sorted((x for x in found if x.file == rel), key=lambda x: (x.line, x.col), reverse=True):
            row = lines[lit.line - 1]
            # col offsets are in UTF-8 bytes
            raw = row.encode("utf-8")
            raw = raw[: lit.col] + f"fp.{by_value[lit.value]}".encode() + raw[lit.end_col :]
            lines[lit.line - 1] = raw.decode("utf-8")
        path.write_text(_add_import("".join(lines)), encoding="utf-8")
        changed.append(path)
    if changed and tidy:
        files = [str(p) for p in changed]
        subprocess.run([_tool("ruff"), "check", "--fix", "--select", "I", "--quiet", *files], cwd=root, check=False)
        subprocess.run([_tool("ruff"), "format", "--quiet", *files], cwd=root, check=True)
    return changed


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def main(argv: list[str]) -> int:
    if "--write" in argv:
        changed = rewrite()
        print(f"rewrote {len(changed)} files")
    left = violations()
    for lit in left:
        print(f"{lit.file}:{lit.line}: {lit.value!r} in {lit.scope}")
    print(f"{len(left)} quoted field paths outside the catalogue")
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
