"""Every way a transcript or a caption file writes a registered form, as one pattern the sign-off proof reads.

The register's forms are spelt as a team writes them ("Zoë", "O'Neill", "van der Berg", "Smith-Jones",
"St Helens"); speech to text and typists write the same names other ways. Each rendering here comes from
how captions and typed transcripts spell names, not from any one transcript:

- accents dropped or added: "Zoe" for Zoë, "Sean" for Seán, "Lukasz" for Łukasz, "Sahin" for Şahin, and a
  register's "Zoe" said "Zoë" (the text is read through :func:`plain_letters`, which keeps every offset);
- an apostrophe written as a space or not at all: "o neill", "oneill", "d souza", "ndiaye";
- a hyphen written as a space or not at all: "smith jones", "smithjones", "al amin", "stratford upon avon";
- a particle run into the name it leads: "vanderberg", "delacruz", "macantsaoir", "dasilva", "obriain";
- two given names run together ("abdulrahman", "marykate"), and words joined by a hyphen the register
  spaced ("Newcastle-upon-Tyne");
- "St", "St." and "Saint" for one another ("st helens", "saint helens", "st. helens"), and an initial
  with or without its full stop ("J P Morgan-Ellis");
- in captions, a possessive without its apostrophe ("oneills mum"), which may also be a plural: the
  reviewer's, one occurrence at a time.

The sign-off proof (:func:`.occurrences.registered_occurrences`) finds registered names with these
patterns, so review proposes each such occurrence and sign-off refuses to store one left in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .layers.titles import PARTICLES

_PLAIN = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ħ": "h"})
_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "nurse", "sister", "prof", "professor",
                          "matron", "father", "mr.", "mrs.", "ms.", "dr.", "prof."})
_SAINT = frozenset({"st", "st.", "saint"})
_APOSTROPHES = "'’‘`ʼ"
_HYPHENS = "-‐‑–—"


@lru_cache(maxsize=4096)
def _plain_char(c: str) -> str:
    if c.isascii():
        return c.lower()
    low = c.translate(_PLAIN)
    if low != c:
        return low
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)).lower()
    return base if len(base) == 1 else c


def plain_letters(text: str) -> str:
    """``text`` lower-cased with accents dropped, one character for one: every offset still holds
    ("Zoë" → "zoe", "ŁUKASZ" → "lukasz"). A character whose plain form is longer ("ß", "ﬁ") stays."""
    if text.isascii():
        return text.lower()
    return "".join(_plain_char(c) for c in text)


def _letters(word: str) -> str:
    """A word's pattern: its letters, an apostrophe as an apostrophe, a space or nothing, a hyphen as a
    hyphen, a space or nothing, a full stop after an initial optional."""
    out = []
    for c in word:
        if c in _APOSTROPHES:
            out.append(r"(?:['’‘`ʼ]\s?|\s*)")
        elif c in _HYPHENS:
            out.append(r"\s*[-‐‑–—]?\s*")
        elif c == ".":
            out.append(r"\.?")
        else:
            out.append(re.escape(c))
    return "".join(out)


def _word(word: str) -> str:
    return r"s(?:t\.?|aint)" if word in _SAINT else _letters(word)


def _between(before: str, after: str) -> str:
    """What may stand between two words of a form: spaces or a line break, a hyphen (a register's "Newcastle
    upon Tyne" written "Newcastle-upon-Tyne"), or nothing after a particle or between two names."""
    core = before.strip(".")
    joined = (core in PARTICLES and core not in _SAINT) or (
        len(core) >= 2 and len(after.strip(".")) >= 2 and before not in _TITLE_WORDS and before not in _SAINT)
    return r"\s*[-‐‑–—]?\s*" if joined else r"(?:\s+|\s*[-‐‑–—]\s*)"


def rendering_regex(form: str) -> str:
    """The pattern (over :func:`plain_letters` of a text) of every rendering of ``form``."""
    words = plain_letters(" ".join(form.split())).split(" ")
    body = _word(words[0])
    for before, after in zip(words, words[1:], strict=False):
        body += _between(before, after) + _word(after)
    return body


@lru_cache(maxsize=65_536)
def key(surface: str) -> str:
    """Letters and digits only, "saint" as "st": one key for every rendering of a form ("O'Neill", "o neill",
    "oneill"; "07700 900123", "07700-900123"), digits kept so that "Ward 7" is not "Ward 8" and a registered
    number is not every number. Remembered: a long caption turn says the same names hundreds of times."""
    low = plain_letters(surface)
    low = re.sub(r"(?<![a-z])saint(?![a-z])", "st", low)
    return "".join(c for c in low if c.isalpha() or c.isdigit())


@lru_cache(maxsize=256)
def _compiled(forms: tuple[str, ...], with_s: tuple[str, ...]) -> re.Pattern[str] | None:
    if not forms:
        return None
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for f in forms:
        alt = rendering_regex(f) + ("s?" if f in with_s else "")
        if alt[:1].isascii() and alt[:1].isalnum() and alt[1:2] not in {"?", "*", "+", "{"}:
            groups.setdefault(alt[0], []).append(alt[1:])
        else:
            rest.append(alt)
    # grouped under their first letter (as :func:`.lookup.by_first_letter` does): a position is tried against
    # one small group, not every form; a form's own "|" stays inside its groups, so grouping keeps the match
    body = "|".join([*(f"{head}(?:{'|'.join(tails)})" for head, tails in groups.items()), *rest])
    # a form before "'t" is the head of a contraction ("don't", "won't"), never a name (see :mod:`.occurrences`)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)(?!['’]t(?!\w))")


def renderings_pattern(forms: Iterable[str], possessive_s: Iterable[str] = ()) -> re.Pattern[str] | None:
    """One pattern for every rendering of ``forms``, longest first, to search :func:`plain_letters` of a text.
    ``possessive_s``: the forms a caption's bare possessive "s" may follow ("oneills")."""
    ordered = tuple(sorted({" ".join(f.split()) for f in forms if f.strip()}, key=lambda f: (-len(f), f)))
    return _compiled(ordered, tuple(sorted(set(possessive_s))))
