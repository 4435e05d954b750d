"""Familiar forms of names that English spelling rules and the English nickname lists do not give.

:func:`.register.diminutives` makes the regular English shapes ("Debbie", "Jonno", "Gaz"). Speech
also clips a name to its first syllable ("Kev", "Pad" for Padraig, "Sanj" for Sanjay), adds a silent
e ("Tone" for Tony), turns a closing r into l ("Del" for Derek, "Tel" for Terry, "Sal" for Sarah),
drops the opening element of a Yoruba or Igbo compound name ("Seun" for Oluwaseun, "Emeka" for
Chukwuemeka), says initials ("JB"), and uses the curated forms of other languages in
``data/familiar_forms.csv`` ("Gosia" for Małgorzata, "Bartek" for Bartłomiej, "Hamoudi" for Mohammed).

Forms made by rule are guesses: many are everyday words ("pad", "tone", "del"). The register keeps a
guess that is no word as a variant like any other, and one that is a word as a *word form*
(:attr:`.register.RegisterItem.word_forms`), which the register layer redacts only where the words
around it say a person is meant (see :mod:`.layers.familiar`). Curated forms are a person's names and
are registered variants whatever they spell.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

from .folding import fold

_VOWELS = "aeiouy"
_DIGRAPHS = frozenset({"th", "sh", "ch", "ph", "gh"})

_COMPOUND_OPENINGS = ("oluwa", "olu", "ade", "ayo", "ola", "oye", "olo", "ibukun", "chukwu", "chi")
"""Opening elements of Yoruba compound names (Olú/Olúwa "God", Adé "crown", Ayọ̀ "joy", Ọlá "wealth",
Oyè "title") and Igbo ones (Chukwu, Chi "God"), after which the rest of the name is what family and
friends say: Oluwaseun → Seun, Oluwatobi → Tobi, Adebayo → Bayo, Olufemi → Femi, Chukwuemeka → Emeka,
Chinedu → Nedu. Method: the element glosses in F. A. Oduyoye, *Yoruba Names: Their Structure and
Their Meanings* (1972), and in Igbo name lists; the rest must keep at least four letters (three after
the longest openings), so "Olu" alone or "Chioma" → "oma" is not made."""


def syllable_end(low: str) -> int | None:
    """Index just past the first vowel group of ``low``; None when the name opens with a vowel group that
    ends it or has no vowel."""
    first = next((i for i, c in enumerate(low) if c in _VOWELS), None)
    if first is None:
        return None
    end = first
    while end < len(low) and low[end] in _VOWELS:
        end += 1
    return end if end < len(low) else None


def clipped_forms(given: str) -> tuple[str, ...]:
    """The first syllable of a given name said alone ("kev", "pad", "tom", "bart"), with its whole
    consonant cluster ("sanj" for Sanjay), and a closing r said as l ("del" for Derek, "tel" for Terry,
    "sal" for Sarah, "hal" for Harry). Unfiltered: the register decides which are words."""
    low = fold(given)
    if len(low) < 4:
        return ()
    end = syllable_end(low)
    if end is None:
        return ()
    stem = low[: end + 1]
    forms = [stem]
    cluster = end
    while cluster < len(low) and low[cluster] not in _VOWELS:
        cluster += 1
    if cluster < len(low) and (cluster - end == 2 or (cluster - end == 3 and low[end + 1:cluster] in _DIGRAPHS)):
        forms.append(low[: end + 2])  # "sanj", "bart" (Bartholomew): two consonants before the next vowel
    if stem[-1] == "r" and len(stem) >= 3:
        forms.append(stem[:-1] + "l")
    return tuple(f for f in dict.fromkeys(forms) if len(f) >= 2 and f != low)


def vowel_clip(given: str) -> tuple[str, ...]:
    """The two letters a name opening with a vowel is cut to ("al" for Alistair, "ed" for Edwin, "em" for
    Emeka): always a word form, since two letters spell many words."""
    low = fold(given)
    if len(low) < 4 or low[0] not in _VOWELS or low[1] in _VOWELS:
        return ()
    return (low[:2],)


def silent_e_forms(given: str) -> tuple[str, ...]:
    """The first syllable with a silent e, where its one vowel is long ("tone" for Tony, "dave" for David,
    "pete" for Peter). Most such shapes are neither name nor word ("keve" for Kevin), so the register
    keeps one only when a name list or the dictionary holds it."""
    low = fold(given)
    end = syllable_end(low) if len(low) >= 4 else None
    if end is None:
        return ()
    stem = low[: end + 1]
    vowels = [c for c in stem if c in _VOWELS]
    if len(vowels) != 1 or stem[-1] in "rwxy" or len(stem) < 3:
        return ()
    return (stem + "e",)


def compound_forms(given: str) -> tuple[str, ...]:
    """What is left of a Yoruba or Igbo compound name once its opening element is dropped (see
    ``_COMPOUND_OPENINGS``): "seun" for Oluwaseun, "emeka" for Chukwuemeka."""
    low = fold(given)
    for opening in sorted(_COMPOUND_OPENINGS, key=len, reverse=True):
        rest = low[len(opening):]
        if low.startswith(opening) and len(rest) >= (3 if len(opening) >= 5 else 4):
            return (rest,)
    return ()


def initials(tokens: list[str]) -> tuple[str, ...]:
    """Initials a name is called by: first and last ("jb" for John Brown) and, for three names or more,
    all of them ("jpb")."""
    letters = [fold(t)[:1] for t in tokens if fold(t)]
    if len(letters) < 2:
        return ()
    out = [letters[0] + letters[-1]]
    if len(letters) >= 3:
        out.append("".join(letters))
    return tuple(dict.fromkeys(out))


@cache
def curated_forms() -> dict[str, frozenset[str]]:
    """Folded name → its curated familiar forms (as written, and without accents), one hop each way, from
    ``data/familiar_forms.csv``."""
    text = resources.files("cmo_coder.data").joinpath("familiar_forms.csv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    links: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        name = row["name"].strip().lower()
        for form in (f.strip().lower() for f in row["forms"].split(";")):
            if form and name and fold(form) != fold(name):
                links.setdefault(fold(name), set()).update(_spellings(form))
                links.setdefault(fold(form), set()).update(_spellings(name))
    return {k: frozenset(v) for k, v in links.items()}


def _spellings(form: str) -> set[str]:
    """A form as written and without its accents ("małgosia", "malgosia"): speech is typed either way."""
    plain = "-".join(fold(part) for part in form.split("-"))
    return {form, plain} if plain else {form}
