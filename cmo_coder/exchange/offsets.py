"""Offsets between the canonical text (code points, LF) and what REFI targets count.

REFI-QDA says selections count characters; NVivo counts UTF-16 code units in the text
it wrote, where a line break is CR LF (two units) and a character beyond U+FFFF is a
surrogate pair (two units). Conversions here are O(log n) per offset via bisection
over the few places where the two counts diverge, so 100,000 codings stay cheap.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def astral_count(text: str) -> int:
    """Characters beyond U+FFFF: each one shifts NVivo's offsets by one."""
    return sum(1 for _ in _ASTRAL.finditer(text))


class Utf16Index:
    """Code-point index ↔ UTF-16 unit index for one text."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 index at which each astral character starts
        self._astral_u16 = [p + i for i, p in enumerate(self._astral)]

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Raise ``ValueError`` for an index inside a surrogate pair or out of range."""
        k = bisect.bisect_left(self._astral_u16, u16)
        if k and self._astral_u16[k - 1] + 1 == u16:
            raise ValueError(f"UTF-16 offset {u16} falls inside a surrogate pair")
        cp = u16 - k
        if cp < 0 or cp > self.length:
            raise ValueError(f"UTF-16 offset {u16} is beyond the text")
        return cp


def to_crlf(text: str) -> str:
    """The text NVivo expects: every LF written as CR LF."""
    return text.replace("\n", "\r\n")


class CrlfIndex:
    """Index into an LF text ↔ index into the same text written with CR LF."""

    def __init__(self, lf_text: str) -> None:
        self._newlines = [m.start() for m in re.finditer("\n", lf_text)]

    def to_crlf(self, i: int) -> int:
        return i + bisect.bisect_left(self._newlines, i)


def rewrite_segments(
    text: str, boundaries: Iterable[int], transform: Callable[[str], str]
) -> tuple[str, dict[int, int]]:
    """Apply ``transform`` piecewise between boundaries and map each boundary to its new offset.

    Newline folding and NFC act locally, so transforming the pieces between every offset
    anyone points at keeps those offsets exact; the caller checks the result is still
    what ``transform`` of the whole would give (combining marks across a boundary).
    """
    points = sorted({0, len(text), *(b for b in boundaries if 0 <= b <= len(text))})
    out: list[str] = []
    mapping: dict[int, int] = {0: 0}
    pos = 0
    for a, b in zip(points, points[1:], strict=False):
        piece = transform(text[a:b])
        out.append(piece)
        pos += len(piece)
        mapping[b] = pos
    return "".join(out), mapping


def canonical(raw: str) -> str:
    """What the project stores: LF line breaks, NFC."""
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
