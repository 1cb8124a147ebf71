"""The plain-text form of a notice (``--format txt``, and the English preview): title,
addressee, opening, the three items, closing, sender and date, in the order the PDF and
the Word file show them. Does not read the clock.
"""

from __future__ import annotations

from core.notice.content import Notice
from core.text import text


def render(notice: Notice) -> str:
    """The notice as UTF-8-ready text, one paragraph a line, parts apart by a blank line."""
    blocks: list[str] = [notice.title]
    if notice.voided:
        blocks.insert(0, f"【{notice.voided}】")
    if notice.drill:
        blocks.append(text("notice_drill_line", notice.lang))
    if notice.addressee:
        blocks.append(notice.addressee)
    blocks.append(notice.opening)
    if notice.table:
        blocks.append("\n".join(f"{line.label}{': ' if notice.lang == 'en' else '：'}{line.value}" for line in notice.table))
    blocks += ["\n".join((part.heading, *part.paragraphs)) for part in notice.parts]
    blocks.append("\n".join(notice.closing))
    if notice.signature:
        blocks.append("\n".join(f"{line.label}{': ' if notice.lang == 'en' else '：'}{line.value or ''}" for line in notice.signature))
    else:
        blocks.append(f"{notice.sender}\n{notice.date}")
    return "\n\n".join(blocks) + "\n"
