"""The command line's help and usage errors read well in Chinese (the default) and in
English: ``--lang``, ``INCIDENT_ASSISTANT_LANG`` and the locale variables choose, argparse's
own words follow, every option is explained in both languages, and a usage error is one
line in the chosen language with exit 2. Runs ``core.cli.main`` in-process, without Qt."""

from __future__ import annotations

import argparse
import re
import sys
import types

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli import build_parser, gui_only
from core.cli.lang import ENV_VAR, LOCALE_VARS, language_from_args, language_from_env, using_language
from core.cli.parser import display_width, wrap_wide
from tests.conftest import run_cli as run

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
LANG_VARS = (ENV_VAR, *LOCALE_VARS)
COLUMNS = 100


@pytest.fixture(autouse=True)
def neutral_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language from the machine running the tests, and a fixed terminal width."""
    for name in LANG_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", str(COLUMNS))


def choose(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    if lang == "en":
        monkeypatch.setenv(ENV_VAR, "en")


def parser_in(lang: str) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The main parser built in ``lang`` and its subcommands' parsers by name."""
    with using_language("en" if lang == "en" else "zh"):
        parser, _commands = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return parser, dict(sub.choices)


COMMANDS = sorted(parser_in("zh")[1])
ZH_WORDS = {
    None: "网络安全事件报告助手",
    "check": "定级",
    "pdf": "生成",
    "notice": "个人信息",
    "import": "导入",
    "export": "导出",
    "list": "列出",
    "verify": "审计",
    "backup": "备份",
    "restore": "恢复",
    "encrypt": "加密",
    "decrypt": "未加密",
    "change-passphrase": "新口令",
    "self-test": "本安装",
}


def test_every_command_has_a_chinese_word_to_look_for() -> None:
    assert set(COMMANDS) == set(ZH_WORDS) - {None}


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_chinese_help_is_the_default_and_uses_chinese_argparse_words(capsys: pytest.CaptureFixture[str], command: str | None) -> None:
    code, out, err = run(capsys, *([command] if command else []), "--help")
    assert (code, err) == (0, "")
    assert out.startswith("用法：incident-assistant")
    assert "选项：" in out and "显示帮助并退出" in out and ZH_WORDS[command] in out
    for english in ("usage:", "options:", "positional arguments", "show this help message"):
        assert english not in out


@pytest.mark.parametrize("command", [None, *COMMANDS])
@pytest.mark.parametrize("how", ["env", "option", "locale"])
def test_english_help_has_no_chinese_at_all(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str | None, how: str) -> None:
    if how == "env":
        monkeypatch.setenv(ENV_VAR, "en")
    elif how == "locale":
        monkeypatch.setenv("LANG", "en_US.UTF-8")
    args = (["--lang", "en"] if how == "option" else []) + ([command] if command else []) + ["--help"]
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "")
    assert out.startswith("usage: incident-assistant")
    assert "options:" in out and "show this help message and exit" in out
    assert CJK.findall(out) == [], out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_option_of_every_command_is_explained_in_both_languages(lang: str) -> None:
    parser, commands = parser_in(lang)
    for name, command_parser in [("", parser), *commands.items()]:
        text = command_parser.format_help()
        for action in command_parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            for spelling in action.option_strings or [str(action.metavar or action.dest)]:
                assert spelling in text, (name, spelling)
            assert action.help, (name, action.dest)
            assert bool(CJK.search(action.help)) == (lang == "zh"), (name, action.dest, action.help)
        for text_part in (command_parser.description, command_parser.epilog):
            if text_part:
                assert bool(CJK.search(text_part)) == (lang == "zh"), (name, text_part)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_db_is_in_the_help_of_every_command_that_touches_the_database(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """product.md §4.3: ``--db PATH`` on each subcommand that opens the database, saying
    it may also come before the command and that this one wins."""
    from core.cli import WITHOUT_DB

    wins = {"zh": "以这里的为准", "en": "this one wins"}[lang]
    for command in COMMANDS:
        _code, out, _err = run(capsys, "--lang", lang, command, "--help")
        flat = ("" if lang == "zh" else " ").join(out.split())  # undo the wrapping
        if command in WITHOUT_DB:
            assert "--db" not in out, command
        else:
            assert "--db PATH" in out and wins in flat, (command, out)


def test_the_command_list_is_explained_in_both_languages(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for lang in ("zh", "en"):
        _code, out, _err = run(capsys, "--lang", lang, "--help")
        for command in COMMANDS:
            line = next(line for line in out.splitlines() if line.strip().startswith(command + " "))
            assert bool(CJK.search(line)) == (lang == "zh"), line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "args",
    [
        ("check",),  # a required argument is missing
        ("check", "x.json", "--frobnicate"),  # an unknown option
        ("pdf", "x.json", "-o", "y.pdf", "--kind", "final"),  # a bad choice
        ("frobnicate",),  # an unknown command
        ("--lang", "fr", "--help"),  # a bad language
        ("list", "--now"),  # an option without its value
    ],
)
def test_a_usage_error_is_one_line_in_the_chosen_language_with_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, args: tuple[str, ...]
) -> None:
    choose(monkeypatch, lang)
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.endswith("\n") and len(err.splitlines()) == 1, err
    if lang == "zh":
        assert "参数错误：" in err and "（用 --help 查看用法）" in err
    else:
        assert ": error: " in err and "(use --help for usage)" in err and not CJK.search(err), err


def test_argparse_messages_are_translated_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert "缺少必需的参数：FILE" in run(capsys, "check")[2]
    assert "无法识别的参数：--frobnicate" in run(capsys, "check", "x.json", "--frobnicate")[2]
    assert "参数 --kind：无效的选择：'final'" in run(capsys, "pdf", "x.json", "-o", "y.pdf", "--kind", "final")[2]


def test_argparse_is_left_as_it_was_for_other_code(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "check", "--help")
    run(capsys, "check")
    assert vars(argparse)["_"]("usage: ") == "usage: "
    plain = argparse.ArgumentParser(prog="other")
    assert plain.format_help().startswith("usage: other") and "options:" in plain.format_help()


@pytest.mark.parametrize(
    ("env", "args", "expected"),
    [
        ({}, [], "zh"),
        ({"LANG": "en_US.UTF-8"}, [], "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "C"}, [], "zh"),  # LC_ALL comes first
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB"}, [], "en"),  # LC_MESSAGES before LANG
        ({"LANG": "en_US.UTF-8", "LC_ALL": ""}, [], "en"),  # empty counts as unset
        ({"LANG": "en_US.UTF-8", ENV_VAR: "zh"}, [], "zh"),  # our variable before the locale
        ({"LANG": "POSIX", ENV_VAR: "en"}, [], "en"),
        ({ENV_VAR: "en"}, ["--lang", "zh"], "zh"),  # the option before everything
        ({}, ["--lang=en"], "en"),
        ({}, ["--db", "x.sqlite3", "--lang", "en"], "en"),
    ],
)
def test_how_the_language_is_chosen(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str], args: list[str], expected: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, _err = run(capsys, *args, "check", "--help")
    assert code == 0
    assert out.startswith("usage:" if expected == "en" else "用法：")


def test_lang_after_the_command_is_not_a_global_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert language_from_args(["check", "--lang", "en"]) is None
    assert language_from_args(["--db", "--lang", "--lang", "en"]) == "en"  # "--lang" as --db's value
    code, _out, err = run(capsys, "check", "x.json", "--lang", "en")
    assert code == 2 and "参数错误" in err


def test_version_works_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--version"], ["--lang", "en", "--version"]):
        code, out, _err = run(capsys, *args)
        assert code == 0 and out.startswith("incident-assistant ")


def test_lang_goes_to_the_gui_like_db(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The launcher (``gui.launch``, outside core) hands the GUI's own options to the GUI."""
    from gui import launch

    received: list[list[str]] = []
    fake = types.ModuleType("gui.app")
    fake.main = lambda argv: received.append(list(argv)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gui.app", fake)
    assert launch.main(["--lang", "en", "--db", "x.sqlite3"]) == 0
    assert launch.main(["--lang=zh"]) == 0
    assert received == [["--lang", "en", "--db", "x.sqlite3"], ["--lang=zh"]]
    assert gui_only([]) and gui_only(["--db=x", "--lang", "zh"])
    assert not gui_only(["--lang", "fr"]) and not gui_only(["--lang"]) and not gui_only(["--lang", "en", "x"])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 100, 120])  # below ~76 argparse itself overflows on --kind's choices
def test_help_lines_fit_the_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for command in [None, *COMMANDS]:
        _code, out, _err = run(capsys, "--lang", lang, *([command] if command else []), "--help")
        for line in out.splitlines():
            if " " in line.strip() or not line.startswith("  "):  # a single long option name may overflow
                assert display_width(line) <= columns, (command, line)


def test_wide_wrapping_keeps_every_character_and_punctuation_off_line_starts() -> None:
    text = "报告类型：initial（首报）、supplement（补报）、followup（续报）、summary（总结报告）；默认 initial"
    for width in range(8, 60):
        lines = wrap_wide(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(display_width(line) <= width for line in lines)
        assert not any(line[0] in "，。、；：）" for line in lines)


def oracle(env: dict[str, str]) -> str:
    """product rule, written out independently: our variable, else the first non-empty locale variable."""
    for name in LANG_VARS:
        value = env.get(name, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


env_values = st.one_of(
    st.sampled_from(["", "en", "EN", "en_US.UTF-8", "zh_CN.UTF-8", "C", "POSIX", "C.UTF-8", " en", "fr_FR", "e"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20),
)
environments = st.dictionaries(st.sampled_from(LANG_VARS), env_values)


@given(environments)
def test_any_environment_picks_zh_or_en_deterministically(env: dict[str, str]) -> None:
    first = language_from_env(env)
    assert first in ("zh", "en") and language_from_env(dict(env)) == first == oracle(env)


@given(st.lists(st.text(max_size=12), max_size=6))
def test_any_arguments_give_a_language_or_none(args: list[str]) -> None:
    assert language_from_args(args) in (None, "zh", "en")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(environments)
def test_any_environment_gives_help_in_that_language(capsys: pytest.CaptureFixture[str], env: dict[str, str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        for name in LANG_VARS:
            mp.delenv(name, raising=False)
        for name, value in env.items():
            mp.setenv(name, value)
        code, out, _err = run(capsys, "--help")
    assert code == 0
    assert bool(CJK.search(out)) == (oracle(env) == "zh")
