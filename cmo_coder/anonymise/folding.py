"""Names compared without case, accents or punctuation: one folding for the register and the sound layer."""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "th",
                       "ı": "i"})


def fold(word: str) -> str:
    """Lower case, diacritics dropped (Siobhán → siobhan, Małgorzata → malgorzata), letters only."""
    low = word.lower().translate(_FOLD)
    plain = unicodedata.normalize("NFKD", low)
    return "".join(c for c in plain if "a" <= c <= "z")
