"""The command line's language: Chinese (the default) or English, for help texts, usage
errors, messages and the lines commands print. Picks it from ``--lang``, else
``INCIDENT_ASSISTANT_LANG``, else the locale variables, and offers ``say(key, **params)``:
the text keyed in core's catalogue (``core.text``) in that language. What is data stays
as it is in every language (``--json`` output, the id ``import`` prints last, user text;
product.md §4.3). Does not touch argparse (``core.cli.parser`` does that).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT: Lang = "zh"
ENV_VAR = "INCIDENT_ASSISTANT_LANG"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX precedence for message language
LANG_OPTION = "--lang"
_VALUE_OPTIONS = ("--db", LANG_OPTION)  # global options that take a value (see core.cli.build_parser)

_active: Lang | None = None


def _pick(value: str) -> Lang:
    return "en" if value.strip().lower().startswith("en") else "zh"


def language_from_env(environ: Mapping[str, str] | None = None) -> Lang:
    """English when ``INCIDENT_ASSISTANT_LANG`` starts with "en", or, when that is unset or
    empty, when the first non-empty of LC_ALL, LC_MESSAGES, LANG does; otherwise Chinese
    (also for "C", "POSIX" and no locale at all)."""
    env = os.environ if environ is None else environ
    own = env.get(ENV_VAR, "").strip()
    if own:
        return _pick(own)
    for name in LOCALE_VARS:
        value = env.get(name, "").strip()
        if value:
            return _pick(value)
    return DEFAULT


def _global_option(token: str) -> str | None:
    """The global value-taking option ``token`` names (argparse accepts unique prefixes)."""
    name = token.partition("=")[0]
    if len(name) <= 2 or not name.startswith("--"):
        return None
    matches = [opt for opt in _VALUE_OPTIONS if opt.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def language_from_args(args: Sequence[str]) -> Lang | None:
    """The ``--lang zh|en`` given before the command name (the last one wins, as in
    argparse), read before the parser exists so that its help follows it; None when
    absent or not a valid choice (the parser then explains the bad value)."""
    found: Lang | None = None
    i = 0
    while i < len(args):
        token = args[i]
        option = _global_option(token)
        if option is not None:
            value = token.partition("=")[2] if "=" in token else (args[i + 1] if i + 1 < len(args) else "")
            i += 1 if "=" in token else 2
            if option == LANG_OPTION:
                found = next((lang for lang in LANGS if lang == value), found)
            continue
        if token == "--" or not token.startswith("-"):
            break  # the command name: what follows belongs to the command
        i += 1
    return found


def current_language() -> Lang:
    """The language chosen by ``using_language``, else the environment's."""
    return _active if _active is not None else language_from_env()


@contextmanager
def using_language(lang: Lang) -> Iterator[None]:
    """Within the block, ``say`` and ``current_language`` answer ``lang``."""
    global _active
    previous, _active = _active, lang
    try:
        yield
    finally:
        _active = previous


def say(key: str, /, **params: object) -> str:
    """The catalogue's text ``key`` (``core.text``) in the current language."""
    from core.text import text

    return text(key, current_language(), **params)
