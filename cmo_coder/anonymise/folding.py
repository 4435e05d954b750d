"""Names compared without case, accents or punctuation: one folding for the register and the sound layer."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "th",
                       "ı": "i"})


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case, diacritics dropped (Siobhán → siobhan, Małgorzata → malgorzata), letters only.
    Remembered: the sound-alike layer folds every word of every turn, and a transcript repeats its words."""
    low = word.lower().translate(_FOLD)
    plain = unicodedata.normalize("NFKD", low)
    return "".join(c for c in plain if "a" <= c <= "z")
