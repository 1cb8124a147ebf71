"""The offline quick guide (product.md §8.4, F1): what the Measures require, what to do in
the first hour, and where the data lives, in Chinese or English, as simple HTML.

Every deadline is read from the rule pack, so a revised pack changes the guide too; the
words are core's catalogue's (``core.text.guide``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from core.rules import ObligationRule, RulePack
from core.text import pick, text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _duty_line(rule: ObligationRule, lang: str, cite: Callable[[str], str]) -> str:
    """One obligation as a list item: recipient, time limit, article."""
    recipient = pick(rule.recipient, rule.recipient_en, lang)
    if rule.hours is not None:
        limit = text("guide_within_hour" if rule.hours == 1 else "guide_within_hours", lang, hours=_number(rule.hours))
    elif rule.days is not None:
        limit = text("guide_within_days", lang, days=rule.days)
    else:
        limit = text("guide_promptly", lang)
    return f"<li><b>{escape(recipient)}</b>: {escape(limit)} ({escape(cite(rule.basis))})</li>"


# The first hour's steps, in order (product.md §8.4).
STEPS = ("guide_step_record", "guide_step_isolate", "guide_step_unknown", "guide_step_earliest", "guide_step_police")


def quick_guide(pack: RulePack, lang: str, data_path: str, cite: Callable[[str], str] = str) -> str:
    """The guide as HTML for ``lang`` ("zh" or "en"); ``data_path`` is the database file;
    ``cite`` writes an article citation in the UI's language."""
    title = pick(pack.title, pack.title_en, lang)
    duties = "".join(_duty_line(rule, lang, cite) for rule in pack.obligations)
    steps = "".join(f"<li>{escape(text(step, lang))}</li>" for step in STEPS)
    return (
        f"<h2>{escape(text('guide_title', lang))}</h2>"
        f"<h3>{escape(text('guide_require', lang, title=title))}</h3>"
        f"<p>{text('guide_require_intro', lang)}</p><ul>{duties}</ul>"
        f"<h3>{escape(text('guide_first_hour', lang))}</h3><ol>{steps}</ol>"
        f"<h3>{escape(text('guide_data', lang))}</h3>"
        f"<p>{escape(text('guide_data_text', lang, path=data_path))}</p>"
    )
