"""The user interface's languages: 中文 (default) and English, switchable at run time
(product.md §2.3).

Every visible string goes through :func:`tr`. Sources live in
``resources/i18n/incident-assistant_en.ts`` (``pyside6-lupdate gui -ts …``) and are compiled
to the ``.qm`` beside it (``pyside6-lrelease``); a test keeps the compiled file current.
pyside6-lupdate files a bare ``tr("…")`` call under the empty context, so that is the
context used at run time too. Strings kept in tables are marked with ``QT_TR_NOOP`` so
the extractor finds them and translated where they are shown.

Names that come from the rule pack (grades, recipients, site kinds) carry their own
English in the pack (``name_en``, ``recipient_en``); :func:`pick` chooses between them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core import resources, vocab
from core.text import pick as text_pick
from core.timeutil import time_left_text

CONTEXT = ""  # where pyside6-lupdate puts module-level tr("…") calls
LANGUAGES = {"zh": "中文", "en": "English"}
MENU_LABELS = {"zh": "中文(&Z)", "en": "&English"}  # each language named in itself, with a mnemonic
DEFAULT = "zh"
QM_FILE = "i18n/incident-assistant_en.qm"
TS_FILE = "i18n/incident-assistant_en.ts"

_state = {"language": DEFAULT}
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_name(kind: str) -> str:
    """首报 / 补报 / 续报 / 总结报告 in the UI language (the vocabulary's words)."""
    return vocab.label(kind, language())


def status_name(status: str, *, short: bool = False) -> str:
    """An obligation's or incident's status in the UI language."""
    return vocab.label(status, language(), short=short)


def grade_name(grade: str) -> str:
    """A grade's name (特别重大 … 一般, 待定) in the UI language, without the rule pack; a
    stored value that is no grade (a damaged file, before its check) is shown as it is."""
    try:
        return vocab.label(vocab.Grade(grade), language())
    except ValueError:
        return str(grade)


def time_left(due: datetime, now: datetime) -> str:
    """``H:MM:SS`` left, or 已超时 / overdue ``H:MM:SS`` (product.md §2.1)."""
    return time_left_text(due, now, language())


def join(items: Iterable[str]) -> str:
    """A list of names: 甲、乙 / a, b."""
    return tr("、").join(items)


def join_clauses(items: Iterable[str]) -> str:
    """Clauses: 甲；乙 / a; b."""
    return tr("；").join(items)


def language() -> str:
    return _state["language"]


def english() -> bool:
    return _state["language"] == "en"


def pack_name(item: vocab._Named) -> str:
    """A rule-pack name (grade, channel, site kind) in the UI language."""
    return vocab.pack_name(item, language())


def ask(path: str) -> str:
    """The field catalogue's question for ``path`` in the UI language (``core.fields``)."""
    from core import fields as catalogue  # lazy: the catalogue loads with the first form, not at start-up

    entry = catalogue.info(path)
    return entry.ask(language()) if entry else path


def hint(path: str) -> str:
    """The catalogue's help, with its example, for ``path`` in the UI language."""
    from core import fields as catalogue

    entry = catalogue.info(path)
    return entry.hint(language()) if entry else ""


def pick(zh: str, en: str | None) -> str:
    """The pack's English name when the UI is English and the pack has one (core's one
    choice between a text's two languages, ``core.text.pick``, in the UI language)."""
    return text_pick(zh, en, language())


def set_language(lang: str) -> bool:
    """Install the translators for ``lang`` ("zh" or "en") on the running application and
    post ``LanguageChange`` to every widget. Returns False (and keeps the current
    language) when the translation file cannot be loaded."""
    app = QCoreApplication.instance()
    if lang not in LANGUAGES or app is None:
        return False
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "en":
        ours = QTranslator(app)
        if not ours.load(str(resources.path(QM_FILE))):
            return False
        translators.append(ours)
    else:
        qt_own = QTranslator(app)
        if qt_own.load(QLocale("zh_CN"), "qtbase", "_", qt_dir):
            translators.append(qt_own)
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    for translator in translators:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    _state["language"] = lang
    return True


def basis(text: str) -> str:
    """A citation such as 第四条第三款 in the UI language (English: Art. 4(3)), by core's
    one translation of citations (``core.pack_text``)."""
    from core.pack_text import cite

    return cite(text, language())


def said(exc: BaseException) -> str:
    """What an error from core says, in the UI language: store errors and their kin carry
    ``message(lang)``; anything else is its own text."""
    message = getattr(exc, "message", None)
    if callable(message):
        try:
            text = message(language())
        except TypeError:
            text = None
        if isinstance(text, str) and text:
            return text
    return str(exc)
