"""A file's name as the eye reads it: the form a stem and a registered name are compared in.

A transcript's id is made from its file's name, so a name in the file name must be found however it is
written. Compared as written, "siobhan_interview" held no "Siobhán", "Ｍaerdy" (a full-width M) and "Mаerdy"
(a Cyrillic а) held no "Maerdy", and "mae\u200brdy" (a zero-width space inside) held nothing: each became
the id, and the id reaches the project, its exports and reports. :func:`skeleton` folds away what the eye
does not see or does not tell apart, keeping case (camelCase still splits a stem into words):

- compatibility forms (full-width and mathematical letters, ligatures, circled digits) as their plain
  letters (NFKC);
- invisible characters (zero-width spaces and joiners, bidi marks and isolates, soft hyphens: Unicode's
  format characters) taken out;
- in a word that holds a Latin letter, or is made only of look-alikes, the Cyrillic and Greek letters that
  look like Latin ones read as those (a whole word of another script, "Мария", stays as written);
- accents and other combining marks dropped, and the Latin letters that do not decompose (ø, ł, đ, ß, æ,
  œ, þ, ð, ı) written as their plain forms.

Both sides of a comparison go through it, so a name registered with or without its accents is found in a
stem written either way. A word wrongly matched costs only a less telling id.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Cyrillic and Greek letters drawn like Latin ones (upper and lower case), as spoofed names use them.
_LOOK_ALIKES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "Ѕ": "S", "І": "I", "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j",
    "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "Ӏ": "l",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ο": "o", "α": "a", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "υ": "u",
})
_LOOK_ALIKE_CHARS = frozenset(chr(c) for c in _LOOK_ALIKES)
#: Latin letters NFKD leaves whole, as people type them without the mark.
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                               "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
                               "ð": "d", "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"})
#: A run of letters (and the combining marks on them): the unit look-alikes are judged in.
_WORD_RE = re.compile(r"[^\W\d_]+")


def _is_latin(ch: str) -> bool:
    return "a" <= ch.lower() <= "z" or unicodedata.name(ch, "").startswith("LATIN ")


def _look_alikes(word: str) -> str:
    """``word`` with its Cyrillic and Greek look-alikes read as Latin, where it is a Latin word spoofed."""
    letters = [c for c in word if c.isalpha()]
    if any(_is_latin(c) for c in letters) or all(c in _LOOK_ALIKE_CHARS for c in letters):
        return word.translate(_LOOK_ALIKES)
    return word


@lru_cache(maxsize=4096)
def skeleton(text: str) -> str:
    """``text`` with compatibility forms, invisible characters, look-alikes and accents folded away; case kept."""
    plain = unicodedata.normalize("NFKC", text)
    plain = "".join(c for c in plain if unicodedata.category(c) != "Cf")
    plain = unicodedata.normalize("NFKD", plain.translate(_UNDECOMPOSED))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    # look-alikes after the marks are off: "ӧ" is a Cyrillic о under a diaeresis
    return unicodedata.normalize("NFC", _WORD_RE.sub(lambda m: _look_alikes(m.group(0)), plain))
