"""Check each imported selection against its text, and re-anchor it when the offsets drifted.

A REFI-QDA selection is a pair of offsets, but most tools also name it after its quote
(cmo-coder and NVivo write the first words, ending in "…" when cut). When the text in the
archive no longer matches the offsets (a source edited after coding, or offsets counted in
UTF-16 units where code points were expected: one emoji shifts everything after it), the
name says where the quote really is. A selection is then re-anchored only when that is
unambiguous: the other way of counting reads exactly the quote, or the quote occurs exactly
once in the text. Otherwise it is refused, never imported at offsets known to be wrong.
A name that does not read like the selected text (a label such as "P1 turn 1", found
nowhere in the text) cannot be checked; such selections keep their offsets, as before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .offsets import Utf16Index

ELLIPSIS = "…"


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _norm(text: str) -> str:
    """Compare quotes as a reader would: NFC, white space folded, no characters XML drops."""
    return " ".join(unicodedata.normalize("NFC", _XML_ILLEGAL.sub("", text)).split())


def _u16len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Expected:
    """The quote a selection's name promises: whole, or its beginning (``prefix``)."""

    text: str
    prefix: bool

    def read_at(self, raw: str, s: int, e: int) -> bool:
        got = _norm(raw[s:e])
        return got.startswith(self.text) if self.prefix else got == self.text

    def pattern(self) -> re.Pattern[str]:
        return re.compile(r"\s+".join(re.escape(w) for w in self.text.split(" ")))


def expected(name: str | None, raw: str, s: int, e: int) -> Expected | None:
    """What the name says the selection reads, if the name reads like a quote at all."""
    if not name:
        return None
    if name.endswith(ELLIPSIS):
        text = _norm(name[: -len(ELLIPSIS)])
        return Expected(text, prefix=True) if len(text) >= 3 else None
    text = _norm(name)
    if not text:
        return None
    # A name as long as the span (in either count, or once white space is folded) that also
    # occurs in the text is its quote; one found nowhere is a label ("P1 turn 1"), not evidence.
    quote = Expected(text, prefix=False)
    if e - s in (len(name), _u16len(name)) or len(text) == len(_norm(raw[s:e])):
        return quote if quote.read_at(raw, s, e) or quote.pattern().search(raw) else None
    return None


@dataclass(frozen=True)
class Anchored:
    start: int
    end: int
    note: str | None = None  # why the offsets were changed, for the report


class Unanchored(ValueError):
    """The selection's text is not at its offsets and cannot be found unambiguously."""


def anchor(raw: str, s: int, e: int, name: str | None, alternative: Utf16Index | None,
           from_utf16: bool) -> Anchored:
    """The selection's span in ``raw`` (code points), verified against its name when possible.

    ``s``/``e`` are already in code points; ``alternative`` converts the file's original
    offsets the other way (``from_utf16`` says which way the file was read).
    """
    want = expected(name, raw, s, e)
    if want is None or want.read_at(raw, s, e):
        return Anchored(s, e)
    shown = want.text if len(want.text) <= 40 else want.text[:40] + ELLIPSIS
    other = _other_count(raw, s, e, alternative, from_utf16)
    if other is not None and want.read_at(raw, *other):
        how = "code points" if from_utf16 else "UTF-16 units"
        return Anchored(*other, note=f"its offsets count {how}; re-anchored to [{other[0]}, {other[1]})")
    found = list(want.pattern().finditer(raw))
    if len(found) == 1:
        m = found[0]
        start = m.start()
        end = m.end() if not want.prefix else min(len(raw), start + (e - s))
        if end > start and want.read_at(raw, start, end):
            return Anchored(start, end, note=f"its text {shown!r} was not at [{s}, {e}) but only at "
                                             f"[{start}, {end}); re-anchored there")
    if not found:
        raise Unanchored(f"its text {shown!r} is not at [{s}, {e}) nor anywhere in the source; refused")
    raise Unanchored(f"its text {shown!r} is not at [{s}, {e}) and occurs {len(found)} times elsewhere; "
                     "refused (which one is meant is ambiguous)")


def _other_count(raw: str, s: int, e: int, index: Utf16Index | None, from_utf16: bool) -> tuple[int, int] | None:
    """The span the file's offsets give when counted the other way, if that is a valid span."""
    if index is None:
        return None
    try:
        if from_utf16:  # s, e came from UTF-16 units: read the original numbers as code points
            s16, e16 = index.to_utf16(s), index.to_utf16(e)
            other = (s16, e16)
        else:  # s, e are the file's numbers as code points: read them as UTF-16 units
            other = (index.to_codepoint(s), index.to_codepoint(e))
    except ValueError:
        return None
    return other if 0 <= other[0] < other[1] <= len(raw) else None
