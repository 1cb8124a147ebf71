"""Unified social credit code (统一社会信用代码) check per GB 32100-2015: 18 characters
from a 31-symbol alphabet (digits and capitals without I, O, Z, S, V); the 18th is a
check character computed from the first 17 with weights 3^(i-1) mod 31."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
LENGTH = 18


def normalize(code: str) -> str:
    """Upper case without surrounding or inner spaces (people copy codes with spaces)."""
    return "".join(code.split()).upper()


def well_formed(code: str) -> bool:
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


def check_character(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters."""
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> tuple[str, str | None] | None:
    """``None`` if the code is valid, else ``("format", None)`` or ``("check_digit", expected)``."""
    value = normalize(code)
    if not well_formed(value):
        return ("format", None)
    expected = check_character(value[:17])
    if value[17] != expected:
        return ("check_digit", expected)
    return None
