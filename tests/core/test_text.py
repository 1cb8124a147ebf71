"""Core's one text catalogue (``core.text``): every entry has both languages, English
without a Chinese character, both with the same parameters, no decision code; keys are
unique across sections; rendering fills parameters in the reader's language."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import text as catalogue_module
from core.store.errors import NotADatabase, StoreLocked
from core.text import Each, TextError, catalogue, pick, placeholders, render, said, sections, text
from core.vocab import Label

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ROOT = Path(__file__).resolve().parents[2]
# English may quote, in “…”, a Chinese word the user meets on a Chinese document (the 演练 mark).
QUOTED = re.compile(r"“[^”]*”")


def _base(name: str) -> str:
    """A parameter's name without the language it is given in (``kind_zh``, ``kind_en``)."""
    return re.sub(r"_(zh|en)$", "", name)


CATALOGUE = catalogue()


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_parameters(key: str) -> None:
    zh, en = CATALOGUE[key]
    assert zh and en, key
    assert not CJK.search(QUOTED.sub("", en)), (key, en)
    zh_names, en_names = placeholders(zh), placeholders(en)
    assert {_base(n) for n in zh_names} == {_base(n) for n in en_names}, key
    assert not any(n.endswith("_en") for n in zh_names) and not any(n.endswith("_zh") for n in en_names), key
    assert not re.search(r"\bD\d+[a-z]?\b", zh + en), key  # no decision codes in what a user reads


def test_a_key_belongs_to_one_section_and_the_catalogue_is_their_union() -> None:
    keys = [key for entries in sections().values() for key in entries]
    assert len(keys) == len(set(keys)) == len(CATALOGUE)
    with pytest.raises(ValueError, match="already taken"):
        catalogue_module._merged({"a": {"x": ("甲", "a")}, "b": {"x": ("乙", "b")}})


def test_the_catalogue_needs_nothing_else_from_core() -> None:
    tree = ast.parse((ROOT / "core" / "text" / "__init__.py").read_text(encoding="utf-8"))
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert {m for m in modules if m.startswith("core")} == {"core"}  # ``from core import resources``


def test_every_section_file_holds_pairs_of_strings_and_nothing_else() -> None:
    for name in catalogue_module.SECTION_NAMES:
        raw = json.loads((ROOT / "resources" / "text" / f"{name}.json").read_text(encoding="utf-8"))
        assert raw and all(isinstance(pair, list) and len(pair) == 2 and all(isinstance(t, str) for t in pair) for pair in raw.values()), name
    assert sorted(p.stem for p in (ROOT / "resources" / "text").glob("*.json")) == sorted(catalogue_module.SECTION_NAMES)


# Calls that name a catalogue key as their first argument (a constant, or the start of an
# f-string such as f"cli_column_{column}").
KEYED_CALLS = {"said", "text", "say", "catalogue_text", "keyed", "template", "words"}


def _keys_named_in_code() -> list[tuple[str, str, bool]]:
    found = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            if not (isinstance(node.func, ast.Name) and node.func.id in KEYED_CALLS):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((str(path.relative_to(ROOT)), first.value, False))
            elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
                found.append((str(path.relative_to(ROOT)), str(first.values[0].value), True))
    return found


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = _keys_named_in_code()
    assert len(named) > 150
    missing = [(path, key) for path, key, prefix in named if not (any(k.startswith(key) for k in CATALOGUE) if prefix else key in CATALOGUE)]
    assert missing == []


def test_text_fills_parameters_in_the_language_asked() -> None:
    assert text("store_where", "zh", path="a.db") == "数据库文件 a.db："
    assert text("store_where", "en", path="a.db") == "database file a.db: "
    assert text("cli_none") == "无"  # Chinese by default
    nested = said("store_anchor_failed", code="1-AB", why=said("store_audit_row", row=3))
    assert nested.render("en") == "the record anchor 1-AB did not check out: audit row 3"
    assert str(nested) == "记录校验码 1-AB 核对未通过：审计第 3 行"


def test_an_unknown_key_is_refused_where_it_is_named() -> None:
    with pytest.raises(KeyError):
        said("no_such_text")


@given(st.text(max_size=20), st.one_of(st.none(), st.text(max_size=20)), st.sampled_from(["zh", "en", "fr", ""]))
def test_pick_gives_english_only_when_asked_and_present(zh: str, en: str | None, lang: str) -> None:
    assert pick(zh, en, lang) == (en if lang == "en" and en else zh)
    assert Each(zh, en or zh).render(lang) == (en or zh if lang == "en" else zh)


def test_a_list_of_texts_is_joined_as_clauses_in_each_language() -> None:
    parts = (said("store_none"), Each("甲", "a"), "x.db")
    assert render(parts, "zh") == "空；甲；x.db"
    assert render(parts, "en") == "none; a; x.db"


def test_store_errors_and_refusals_speak_the_language_asked() -> None:
    error = NotADatabase("x.db")
    assert str(error) == error.message("zh") and CJK.search(str(error))
    assert not CJK.search(error.message("en")) and error.message("en").startswith("database file x.db: not a database")
    locked = StoreLocked("x.db", "database is locked")
    assert locked.message("en").endswith("; what was saved is not lost.") and "(database is locked)" in locked.message("en")
    refusal = TextError(said("report_time_without_zone"))
    assert (str(refusal), refusal.message("en")) == ("报告时间须带时区", "the report time must carry a time zone")


def test_a_blank_waiver_is_refused_in_the_readers_language(tmp_path: Path) -> None:
    from core.clock import FixedClock
    from core.service import IncidentService
    from core.store import InvalidEdit, open_store
    from core.timeutil import parse_instant

    store = open_store(tmp_path / "db.sqlite3", FixedClock(parse_instant("2026-11-24T10:00:00+08:00")))
    try:
        with pytest.raises(InvalidEdit) as refused:
            IncidentService(store).waive_individual_notice("any", "  ")
    finally:
        store.close()
    assert "个人信息保护法第五十七条第二款" in str(refused.value)
    english = refused.value.message("en")
    assert not CJK.search(english.replace(str(tmp_path), "")) and "PIPL Art. 57(2)" in english


def _labels(node: object, seen: set[int]) -> list[Label]:
    """Every ``Label`` reachable from ``node`` (dicts, sequences, dataclasses, modules' values)."""
    if id(node) in seen or isinstance(node, str | int | float | type(None)):
        return []
    seen.add(id(node))
    if isinstance(node, Label):
        return [node]
    if isinstance(node, dict):
        return [found for pair in node.items() for part in pair for found in _labels(part, seen)]
    if isinstance(node, list | tuple | set | frozenset):
        return [found for part in node for found in _labels(part, seen)]
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        return [found for f in dataclasses.fields(node) for found in _labels(getattr(node, f.name), seen)]
    return []


def test_the_labels_declared_beside_the_vocabulary_and_the_fields_have_both_languages() -> None:
    """Labels stay declared where their values are (``core.vocab``, ``core.fields``) and are
    chosen by the same ``pick``; they answer to the same check as the catalogue's entries."""
    from core import fields, vocab

    seen: set[int] = set()
    labels = [found for module in (vocab, fields) for value in vars(module).values() for found in _labels(value, seen)]
    assert len(labels) > 300  # every field's name, question and help, every vocabulary word
    for item in labels:
        assert item.zh and item.en, item
        assert not CJK.search(QUOTED.sub("", item.en)), item
        assert {_base(n) for n in placeholders(item.zh)} == {_base(n) for n in placeholders(item.en)}, item
        assert (item("zh"), item("en")) == (pick(item.zh, item.en, "zh"), pick(item.zh, item.en, "en"))
