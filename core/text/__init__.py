"""Core's one text catalogue: every sentence core shows a user, keyed once, in Chinese
(the default) and English. ``text(key, lang, **params)`` renders an entry; a ``Said``
carries a key and its parameters to be rendered later in the reader's language (an
error raised in core and shown by the CLI or the desktop, each in its own language).

The entries are data, one JSON file a section in ``resources/text/`` (bundled with the
other resources), each ``{"key": ["中文", "English"]}``, read once on first use:

- ``words``: separators and small words shared by many texts;
- ``findings``: validation errors of an incident and of its file, typed times
  (``core.messages.Finding`` codes: ``check --json`` prints them, so a key never changes);
- ``warnings``: an assessment's warnings and sentences (also ``Finding`` codes);
- ``store``: the store's problems, remedies and details (``store_*``);
- ``refusals``: what the service, the report and the notices refuse, and why;
- ``reminders``: reminders, the clock's warnings and spans of time;
- ``guide``: the offline quick guide;
- ``notices``: the SMS notice's wordings (``core.notice.sms``);
- ``cli`` and ``cli_help``: the command line's messages, printed lines and help.

A key is unique across sections (two sections with one key fail when read). A parameter
that itself differs by language is passed twice, ``name_zh``/``name_en`` or
``name``/``name_en``, and each template names its own; ``tests/core/test_text.py`` holds
every entry to both languages, English without Chinese characters, and the same
parameters in both.

Texts that are data rather than sentences come in each language with the data and are
chosen by ``pick``: the rule pack's ``name_en`` twins, the vocabulary's labels
(``core.vocab``) and the field catalogue's labels (``core.fields``). The desktop's own
widget strings are Qt's (``resources/i18n``). Imports nothing of core but
``core.resources``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from string import Formatter
from typing import Literal

from core import resources

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT: Lang = "zh"
SECTION_NAMES = ("words", "findings", "warnings", "store", "refusals", "reminders", "guide", "notices", "cli", "cli_help")
FOLDER = "text"


def _merged(sections: Mapping[str, Mapping[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name, entries in sections.items():
        for key, pair in entries.items():
            if key in merged:
                raise ValueError(f"text key {key!r} of section {name!r} is already taken")
            merged[key] = pair
    return merged


@cache
def sections() -> dict[str, dict[str, tuple[str, str]]]:
    """Each section's entries, read from its file in ``resources/text/`` (once)."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for name in SECTION_NAMES:
        raw = json.loads(resources.path(f"{FOLDER}/{name}.json").read_text(encoding="utf-8"))
        found[name] = {key: (zh, en) for key, (zh, en) in raw.items()}
    return found


@cache
def catalogue() -> Mapping[str, tuple[str, str]]:
    """Every entry of every section, by key."""
    return _merged(sections())


def english(lang: str) -> bool:
    """True for English; every other value (None, "zh", "") is the default Chinese."""
    return lang == "en"


def template(key: str, lang: str = DEFAULT) -> str:
    """The entry ``key`` in ``lang``, its ``{placeholders}`` unfilled."""
    zh, en = catalogue()[key]
    return en if english(lang) else zh


def text(key: str, lang: str = DEFAULT, /, **params: object) -> str:
    """The entry ``key`` in ``lang`` with its parameters filled in; a parameter that is a
    ``Said``, an ``Each`` or a tuple of texts is rendered in ``lang`` first."""
    return template(key, lang).format(**{name: render(value, lang) for name, value in params.items()})


def placeholders(template_text: str) -> frozenset[str]:
    """The parameter names a template uses (``{name}``, ``{name:,}``)."""
    return frozenset(field for _, field, _, _ in Formatter().parse(template_text) if field)


def pick(zh: str, en: str | None, lang: str = DEFAULT) -> str:
    """A text that comes with its data in each language (the rule pack's ``name_en``
    twins): the English when ``lang`` is English and there is one, else the Chinese
    (``*_en`` keys are optional, so an older pack still loads and shows its Chinese)."""
    return en if english(lang) and en else zh


@dataclass(frozen=True)
class Said:
    """An entry of the catalogue with its parameters, rendered in the reader's language
    when shown; a parameter may itself be a ``Said``, an ``Each`` or a tuple of texts."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str = DEFAULT) -> str:
        return text(self.key, lang, **dict(self.params))

    def __str__(self) -> str:
        return self.render(DEFAULT)


@dataclass(frozen=True)
class Each:
    """A text already written in each language (a finding worded elsewhere, a pack name)."""

    zh: str
    en: str

    def render(self, lang: str = DEFAULT) -> str:
        return pick(self.zh, self.en, lang)

    def __str__(self) -> str:
        return self.zh


# A text: keyed, worded in each language, or a plain string shown as it is in every
# language (a path, SQLite's own English wording of a failure); a tuple is a list.
Text = Said | Each | str | tuple["Text", ...]


def said(key: str, /, **params: object) -> Said:
    """The entry ``key`` with ``params``, to be rendered in the reader's language."""
    if key not in catalogue():
        raise KeyError(f"no text keyed {key!r}")
    return Said(key, tuple(params.items()))


def render(value: object, lang: str = DEFAULT) -> str:
    """``value`` in ``lang``: a ``Said`` or ``Each`` rendered, a tuple of texts joined as
    clauses (「；」 / "; "), anything else as its ``str``."""
    if isinstance(value, tuple):
        return text("join_clauses", lang).join(render(v, lang) for v in value)
    if isinstance(value, Said | Each):
        return value.render(lang)
    return str(value)


class TextError(Exception):
    """An expected failure worded by the catalogue: ``str()`` is the Chinese line,
    ``message(lang)`` the line in the reader's language (the CLI's ``said_line`` and the
    desktop's ``said`` ask for it)."""

    def __init__(self, words: Text) -> None:
        self.words = words
        super().__init__(render(words))

    def message(self, lang: str = DEFAULT) -> str:
        return render(self.words, lang)
