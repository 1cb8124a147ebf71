"""The argparse parser of the command line, in Chinese or English: a parser remembers the
language it was built in and speaks it in its help (including argparse's own words such
as "usage:" and "options") and in its one-line usage errors (exit 2). Chinese help is
wrapped by display width, so lines of CJK text fit the terminal. Knows nothing about
the subcommands themselves.

argparse (3.11) looks its fixed words up through its module-level ``_`` (gettext) while
a parser is built, parses and formats help. ``_argparse_words`` replaces that ``_`` only
for the duration of those calls on our parser and restores it afterwards, so argparse
stays untouched for any other code; the CLI is single-threaded, so nothing else runs
in that window.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from core.cli.common import out_err
from core.cli.lang import Lang, current_language, say, using_language

# argparse 3.11's messages (its gettext msgids) that our users can see, in Chinese.
# English is argparse's own text; a msgid missing here (another Python) stays English.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "须给出以下参数之一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ignored explicit argument %r": "此选项不接受值：%r",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可以是 %(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开「%(filename)s」：%(error)s",
}


def _gettext(lang: Lang) -> Callable[[str], str]:
    if lang == "en":
        return lambda msgid: msgid
    return lambda msgid: ARGPARSE_ZH.get(msgid, msgid)


def _ngettext(lang: Lang) -> Callable[[str, str, int], str]:
    words = _gettext(lang)
    return lambda singular, plural, n: words(singular if n == 1 else plural)


@contextmanager
def _argparse_words(lang: Lang) -> Iterator[None]:
    """argparse's fixed words in ``lang`` (and ``say`` answering ``lang``) within the block."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = _gettext(lang), _ngettext(lang)
    try:
        with using_language(lang):
            yield
    finally:
        module["_"], module["ngettext"] = saved


# --- help layout by display width (a CJK character takes two columns) -----------------

_CJK_HEADING = re.compile(r"(?m)^( *\S*[\u3000-\u9fff]):$")
_NO_LINE_START = set("，。、；：？！）」』》〉】,.;:?!)]}")
_NO_LINE_END = set("（「『《〈【([{")


def _is_wide_char(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def display_width(text: str) -> int:
    return sum(2 if _is_wide_char(ch) else 1 for ch in text)


def _is_wide(text: str) -> bool:
    return any(_is_wide_char(ch) for ch in text)


def _pieces(text: str) -> Iterator[str]:
    """Runs of narrow non-space characters, single wide characters, single spaces."""
    word = ""
    for ch in text:
        if ch.isspace() or _is_wide_char(ch):
            if word:
                yield word
                word = ""
            yield " " if ch.isspace() else ch
        else:
            word += ch
    if word:
        yield word


def _units(text: str) -> list[str]:
    """Unbreakable pieces: closing punctuation sticks to what precedes it, opening
    brackets to what follows."""
    units: list[str] = []
    glue_next = False
    for piece in _pieces(text):
        if units and (glue_next or (piece[0] in _NO_LINE_START and units[-1] != " ")):
            units[-1] += piece
        else:
            units.append(piece)
        glue_next = piece != " " and piece[-1] in _NO_LINE_END
    return units


def wrap_wide(text: str, width: int) -> list[str]:
    """Greedy wrapping by display width; a unit wider than a line is cut by characters."""
    lines: list[str] = []
    line = ""
    for unit in _units(" ".join(text.split())):
        if display_width(line + unit.rstrip()) <= width:
            line = (line + unit) if (line or unit != " ") else line
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = "" if unit == " " else unit
        while display_width(line) > width > 1:
            cut = next(i for i in range(1, len(line) + 1) if display_width(line[:i]) > width) - 1
            lines.append(line[: max(cut, 1)])
            line = line[max(cut, 1) :]
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, wrapping CJK text by display width. Text without wide
    characters is wrapped exactly as argparse does."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not _is_wide(text):
            return super()._split_lines(text, width)
        return wrap_wide(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Descriptions and epilogs; a line break in the text starts a new paragraph."""
        return "\n".join(self._fill_paragraph(part, width, indent) for part in text.split("\n") if part.strip())

    def _fill_paragraph(self, text: str, width: int, indent: str) -> str:
        if not _is_wide(text):
            return str(super()._fill_text(text, width, indent))
        return "\n".join(indent + line for line in wrap_wide(text, width - len(indent)))

    def format_help(self) -> str:
        text = str(super().format_help())
        # argparse ends section headings with an ASCII colon; Chinese ones take "：".
        return _CJK_HEADING.sub(r"\1：", text)

    def _format_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None) -> str:
        # argparse measures the prefix in characters and indents continuation lines by
        # that; "用法：" is three characters but six columns wide, so wrap for the
        # narrower room left and move the continuation lines over by the difference.
        used = vars(argparse)["_"]("usage: ") if prefix is None else prefix
        extra = display_width(used) - len(used)
        if extra <= 0:
            return str(super()._format_usage(usage, actions, groups, prefix))
        self._width -= extra
        try:
            text = str(super()._format_usage(usage, actions, groups, prefix))
        finally:
            self._width += extra
        lines = text.split("\n")
        return "\n".join([lines[0], *[(" " * extra + line) if line.startswith(" ") else line for line in lines[1:]]])


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser in the language current when it was built; bad usage is one
    line on stderr in that language, exit 2. Subparsers are built the same way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.lang: Lang = current_language()
        kwargs.setdefault("formatter_class", HelpFormatter)
        with _argparse_words(self.lang):
            super().__init__(*args, **kwargs)

    # parse_args reports leftovers and parse_known_args turns ArgumentError into text
    # outside the inner parsing step, so both are wrapped.
    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_words(self.lang):
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _argparse_words(self.lang):
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _argparse_words(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_words(self.lang):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with using_language(self.lang):
            out_err(say("cli_usage_error", prog=self.prog, message=message))
        raise SystemExit(2)
