"""The bundled CJK font for PDFs and the one way user text enters a reportlab paragraph.

``register()`` loads ``resources/fonts/wqy-microhei.ttc`` (face 0) as the TrueType font
``CJK``; reportlab embeds it as a subset, so the PDF shows Chinese on machines without
any CJK font (tech-notes §3b).

Characters the font lacks (emoji, rare ideographs outside its cmap, unassigned code
points) must not break the export and must not vanish. reportlab draws them with the
empty .notdef glyph and writes U+0000 into the text layer. Instead, before a string is
laid out, each missing code point is mapped to the glyph of □ (U+25A1) with its width.
reportlab then gives the code point its own slot in the subset, draws □ there, and its
ToUnicode CMap maps the slot back to the code point the user typed: the page shows a
visible placeholder, copy and search return the original character.

reportlab 5.1 writes code points above U+FFFF into that CMap as five hex digits, which
readers reject; ``_to_unicode_cmap`` replaces its function with one that writes them as
UTF-16 surrogate pairs (PDF 32000-1 §9.10.3) and is byte-identical for the BMP. Its
CJK line breaking also lets full-width ，：；！？、》” start a line; ``register`` adds
them to the characters that may not (避头点), as Chinese typesetting expects, and
makes the no-break space (U+00A0) no break point, so 「2\u00a0BTC」 moves to the next
line whole instead of leaving 「BTC」 alone there.

Imports reportlab; import this module only inside functions that export.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

from core import resources

FONT_NAME = "CJK"
FONT_FILE = "fonts/wqy-microhei.ttc"
PLACEHOLDER = 0x25A1  # □
REPLACEMENT = "\ufffd"  # for control characters and lone surrogates, which are not text
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
NO_LINE_START = "，：；！？、。》〉」』】）”’…"
NO_BREAK_SPACE = "\u00a0"
_lock = threading.Lock()


def _category(char: str) -> str:
    """``unicodedata.category`` for reportlab's CJK line breaker, where a space (Zs) is a
    break point: the no-break space is not one."""
    return "Cc" if char == NO_BREAK_SPACE else unicodedata.category(char)


def _utf16_hex(code: int) -> str:
    if code > 0xFFFF:
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"
    return f"{code:04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ``makeToUnicodeCMap`` with astral code points as surrogate pairs."""
    head = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    body = [f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)]
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(head + body + tail)


_native: frozenset[int] = frozenset()


@cache
def register() -> TTFont:
    """Register the bundled font once per process and return it."""
    global _native
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for module in (paragraph, textsplit):  # both CJK line breakers look a space up by category
        module.category = _category  # type: ignore[attr-defined]
    for module in (paragraph, textsplit):
        module.ALL_CANNOT_START += "".join(ch for ch in NO_LINE_START if ch not in module.ALL_CANNOT_START)
    font = TTFont(FONT_NAME, str(resources.path(FONT_FILE)), subfontIndex=0)
    _native = frozenset(font.face.charToGlyph)
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME)
    return font


def has_glyph(char: str) -> bool:
    """True when the bundled font itself draws ``char`` (not the □ placeholder)."""
    register()
    return ord(char) in _native


def cover(text: str) -> None:
    """Give every character of ``text`` a glyph: missing ones draw as □ (see module doc)."""
    face = register().face
    glyphs, widths = face.charToGlyph, face.charWidths
    absent = [ord(ch) for ch in set(text) if ord(ch) not in glyphs]
    if not absent:
        return
    with _lock:
        for code in absent:
            glyphs.setdefault(code, glyphs[PLACEHOLDER])
            widths.setdefault(code, widths[PLACEHOLDER])


def clean(text: str) -> str:
    """Plain text safe for any output: control characters and lone surrogates become �,
    line breaks become ``\\n``. Everything else is kept as typed."""
    return _UNSAFE.sub(REPLACEMENT, _LINE_BREAKS.sub("\n", text))


def markup(text: str) -> str:
    """User (or any) text as reportlab paragraph markup that renders exactly as typed."""
    safe = clean(text).replace("\t", "    ")
    cover(safe)
    return escape(safe).replace("\n", "<br/>")
