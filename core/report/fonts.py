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
line whole instead of leaving 「BTC」 alone there. Both breakers (``textsplit.dumbSplit``
for a one-style paragraph, ``paragraph.cjkFragSplit`` for one with line breaks) are
replaced by copies that also keep a parenthesised run of 2 to 6 characters
(「（北京时间）」) on one line.

Imports reportlab; import this module only inside functions that export.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from typing import Any
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


# A parenthesised run of 2 to 6 characters (「（北京时间）」「（盖章）」「(UTC)」) is kept on
# one line, as 「2\u00a0BTC」 is (issue 14): a line that would break inside it ends before
# its opening bracket instead.
_SHORT_PARENTHESIS = re.compile(r"[（(][^（）()\s]{2,6}[）)]")


def keep_together(text: str) -> dict[int, int]:
    """For each position inside a run that must not be broken, the run's start: a line
    may not end just before such a position."""
    inside: dict[int, int] = {}
    for match in _SHORT_PARENTHESIS.finditer(text):
        for k in range(match.start() + 1, match.end()):
            inside[k] = match.start()
    return inside


def _back_to_run_start(inside: dict[int, int], line_start: int, end: int) -> int:
    """Where a line ending at ``end`` ends instead: before the run it would cut, unless
    that run begins the line (then nothing shorter fits, and the run is cut)."""
    start = inside.get(end)
    return start if start is not None and start > line_start else end


def dumb_split(word: str, widths: list[float], max_widths: Any) -> list[list[Any]]:
    """reportlab's ``textsplit.dumbSplit`` (the breaker of a one-style paragraph), with
    short parenthesised runs kept whole (``keep_together``)."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    inside = keep_together(word)
    lines: list[list[Any]] = []
    i = line_start = 0
    used = 0.0
    max_width = max_widths[0]
    n = len(word)
    while i < n:
        w, c = widths[i], word[i]
        used += w
        i += 1
        if used > max_width + textsplit._FUZZ and used > 0:
            extra = max_width - used
            if ord(c) < 0x3000:  # inside Latin text: back to a space or a CJK character (reportlab's rule)
                for j in range(i - 1, (line_start + i) >> 1, -1):
                    if textsplit.category(word[j]) == "Zs" or ord(word[j]) >= 0x3000:
                        k = j + 1
                        if k < i:
                            extra += sum(widths[k + 1 : i])
                            w, c, i = widths[k], word[k], k + 1
                            break
            if c not in textsplit.ALL_CANNOT_START and i > line_start + 1:  # push back, unless it may hang (避头点)
                i -= 1
                extra += w
            end = _back_to_run_start(inside, line_start, i)
            if end != i:
                extra += sum(widths[end:i])
                i = end
            lines.append([extra, word[line_start:i].strip()])
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            line_start, used = i, 0.0
    if used > 0:
        lines.append([max_width - used, word[line_start:]])
    return lines


def cjk_frag_split(frags: list[Any], max_widths: Any, calc_bounds: bool, encoding: str = "utf8") -> Any:
    """reportlab's ``paragraph.cjkFragSplit`` (the breaker of a paragraph with line breaks
    or styles), with short parenthesised runs kept whole (``keep_together``)."""
    p = paragraph
    chars: list[Any] = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        chars.extend([p.cjkU(t, f, encoding) for t in text] if text else [p.cjkU(text, f, encoding)])
    inside = keep_together("".join(str(u) or "\x00" for u in chars))
    lines: list[Any] = []
    i = line_start = 0
    used = 0.0
    max_width = max_widths[0]
    n = len(chars)
    while i < n:
        u = chars[i]
        i += 1
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        used += w
        line_break = hasattr(u.frag, "lineBreak")
        if (used > max_width + p._FUZZ and used > 0) or line_break:
            extra = max_width - used
            if not line_break:
                if ord(u) < 0x3000:
                    for j in range(i - 1, (line_start + i) >> 1, -1):
                        uj = chars[j]
                        if (uj and p.category(uj) == "Zs") or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                extra += sum(chars[m].width for m in range(k + 1, i))
                                w, u, i = chars[k].width, chars[k], k + 1
                                break
                if u not in p.ALL_CANNOT_START and i > line_start + 1:
                    i -= 1
                    extra += w
                end = _back_to_run_start(inside, line_start, i)
                if end != i:
                    extra += sum(chars[m].width for m in range(end, i))
                    i = end
            lines.append(p.makeCJKParaLine(chars[line_start:i], max_width, used, extra, line_break, calc_bounds))
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            line_start, used = i, 0.0
    if used > 0:
        lines.append(p.makeCJKParaLine(chars[line_start:], max_width, used, max_width - used, False, calc_bounds))
    return p.ParaLines(kind=1, lines=lines)


_native: frozenset[int] = frozenset()


@cache
def register() -> TTFont:
    """Register the bundled font once per process and return it."""
    global _native
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for module in (paragraph, textsplit):  # both CJK line breakers look a space up by category
        module.category = _category
    for module in (paragraph, textsplit):
        module.ALL_CANNOT_START += "".join(ch for ch in NO_LINE_START if ch not in module.ALL_CANNOT_START)
    textsplit.dumbSplit = dumb_split  # both breakers keep short parentheses whole
    paragraph.cjkFragSplit = cjk_frag_split
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
