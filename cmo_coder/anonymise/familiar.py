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
from functools import cache, lru_cache
from importlib import resources

from .folding import fold

_VOWELS = "aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüýÿāēīōūăĕĭŏŭŵŷ"
"""Vowels with the accents names are written with ("Siân", "Seán", "Zoë", the Welsh "ŵ" and "ŷ"): an accented
vowel read as a consonant closed a syllable inside a vowel and made forms such as "Siââie" of a Siân."""
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


@lru_cache(maxsize=65_536)
def clipped_forms(given: str) -> tuple[str, ...]:
    """The first syllable of a given name said alone ("kev", "pad", "tom", "bart"), with its whole
    consonant cluster ("sanj" for Sanjay), and a closing r said as l ("del" for Derek, "tel" for Terry,
    "sal" for Sarah, "hal" for Harry). Unfiltered: the register decides which are words.

    Kept per name (a tuple, never changed by a caller): the familiar forms of the common given names are made
    at the start of every run by three rules that each ask it of the same name (the clip itself, its stem and
    :func:`nickname_stems`), which was the largest part of that list's cost."""
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


def tail_forms(given: str) -> tuple[str, ...]:
    """The end of a name said alone, cut where a syllable opens with a consonant ("tina" of Christina and
    Valentina, "rina" of Katarina, "lena" of Magdalena, "bert" of Robert and Albert, "sandra" of
    Cassandra, "manuel" of Emmanuel), leaving at least one syllable cut off and four letters said.
    Unfiltered: the register keeps only the ends that are given names in their own right, since most
    ends of names ("stian", "jamin") are nobody's name and some are words ("ward" of Edward)."""
    low = fold(given)
    if not low.isalpha():
        return ()
    out = []
    for i in range(2, len(low) - 3):
        onset = low[i] not in _VOWELS and low[i + 1] in _VOWELS
        if onset and low[i - 1:i + 1] not in _DIGRAPHS and any(c in _VOWELS for c in low[:i]):
            out.append(low[i:])
    return tuple(out)


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


_UNDOUBLED = frozenset("vkxwjhzy")
"""Consonants English spelling does not double before "-ie"/"-y" ("Stevie", "Jacky", "Maxy"): the
familiar form keeps them single."""


def suffix_forms(low: str) -> tuple[str, ...]:
    """The British suffixes on a name's first syllable as speech makes them, beyond the doubled "-ie/-y/-o"
    of :func:`.register.diminutives`: the undoubled "-o" ("Stevo", "Jono", "Davo"), "-ie/-y" after a
    consonant English does not double ("Stevie"), the whole consonant cluster with "-y/-o/-s/-sy"
    ("Fitzy" for Fitzgerald, "Wilko" for Wilkinson, "Richo", "Hutchy") and "-s" ("Debs", "Jens"). Not the
    public-school "-ers" ("Jonners"): it spells plural nouns ("tanners" of Tanya, "dinners"), each a
    false alarm in street and trade names. Unfiltered: the register decides which are words."""
    if len(low) < 4 or not low.isalpha():
        return ()
    end = syllable_end(low)
    if end is None or end < 2:
        return ()
    stem = low[: end + 1]
    if low[end:end + 2] in _DIGRAPHS:  # "Beth" of Bethany, "Josh": a digraph is one sound, never doubled
        stem = low[: end + 2]
    forms = [stem + "o", stem + "s"]
    if stem[-1] in _UNDOUBLED:
        forms += [stem + "ie", stem + "y"]
    cluster = end
    while cluster < len(low) and low[cluster] not in _VOWELS:
        cluster += 1
    if cluster - end >= 2 and cluster < len(low):
        two = low[: end + 2]
        forms += [two + e for e in ("y", "o", "s", "sy", "ie")]
        if cluster - end >= 3 and low[end + 1:end + 3] in {"ch", "sh", "th", "ck"}:
            forms += [low[: end + 3] + e for e in ("y", "o", "ie")]  # "hutchy" of Hutchinson, "ricko"
    if low.startswith("th") and len(low) > 4:
        forms += ["t" + f[2:] for f in list(forms) if f.startswith("th")]  # "Tommo" for Thompson, said with a t
        forms.append("t" + stem[2:] + stem[-1] + "o")
    return tuple(f for f in dict.fromkeys(forms) if f != low and len(f) >= 3)


def open_clip(given: str) -> tuple[str, ...]:
    """The open first syllable of a name whose "i" runs into another vowel ("Fi" for Fiona, "Di" for Diana,
    "Vi" for Violet). Two letters spell many words, so always a word form."""
    low = fold(given)
    if len(low) < 4 or low[0] in _VOWELS or low[1] != "i" or low[2] not in "aeo":
        return ()
    return (low[:2],)


_MAC = ("mac", "mc")


def mac_forms(surname: str) -> tuple[str, ...]:
    """What a Mc/Mac surname is called ("Macca", "Mackers", "Macky"; "Mac" itself is a word form)."""
    low = fold(surname)
    if not any(low.startswith(p) and len(low) >= len(p) + 3 and low[len(p)] not in _VOWELS for p in _MAC):
        return ()  # "Macey", "Mackie", "Macaulay" are not Mac + a name
    return ("macca", "mackers", "macky")  # and "mac", always a word form (a Mac, a mac): see the register


def nickname_stems(nickname: str) -> tuple[str, ...]:
    """Further forms of a listed nickname, as its first syllable is said: "Mags" of Maggie, "Xan" of
    Xander, "Shell" of Shelley, "Bex" of Becky (a closing "ck" + "s" written x)."""
    low = fold(nickname)
    # not a clip ending in a doubled consonant ("magg" of Maggie, "becc" of Becca): English writes it single,
    # and a spelling nobody uses would only make the sound layer hear it in every "mags" (a closing ll stays:
    # "Shell" of Shelley)
    forms = [f for f in clipped_forms(low) if not (f[-1] == f[-2] and f[-1] not in _VOWELS + "l")]
    for f in list(forms):
        forms.append(f + "s")
        if f.endswith("ck"):
            forms.append(f[:-2] + "x")
        elif f.endswith(("k", "c")):
            forms.append(f[:-1] + "x")
    return tuple(f for f in dict.fromkeys(forms) if f != low and len(f) >= 3)


LETTER_NAMES = {"b": "bee", "c": "cee", "d": "dee", "g": "gee", "j": "jay", "k": "kay", "p": "pee", "t": "tee",
                "v": "vee", "z": "zed"}
"""Letters whose spoken names captions write as a word of their own: "jay jay" for JJ. Vowels and the
one-letter names ("a", "i", "o") are left out: "a j" is not a name anybody could tell."""


SPOKEN_LETTERS = {"a": "ay", "b": "bee", "c": "see", "d": "dee", "e": "ee", "f": "ef", "g": "jee", "h": "aych",
                  "i": "eye", "j": "jay", "k": "kay", "l": "el", "m": "em", "n": "en", "o": "oh", "p": "pee",
                  "q": "kyoo", "r": "ar", "s": "es", "t": "tee", "u": "yoo", "v": "vee", "w": "dubelyoo",
                  "x": "eks", "y": "wy", "z": "zed"}
"""Each letter's name as English spells the sound: what two letters say one after the other."""
_LONG = {"a": "ay", "e": "ee", "i": "eye", "o": "oh"}


def said_as(low: str) -> str:
    """A short name spelt as it sounds, in the spelling of :data:`SPOKEN_LETTERS`: a soft c is s and a hard
    one k, a closing "-ie/-y/-ey/-i" is "ee", and a vowel before one consonant and a vowel is long ("katie"
    → "kaytee", "casey" → "kaysee", "evie" → "eevee"); a doubled consonant keeps the vowel before it short
    ("ellie" → "elee")."""
    s = low.replace("ph", "f").replace("ck", "k").replace("q", "k").replace("x", "ks")
    s = "".join("s" if c == "c" and s[i + 1:i + 2] in ("e", "i", "y") else "k" if c == "c" else c
                for i, c in enumerate(s))
    for end in ("ie", "ey", "ea", "ee", "y", "i"):
        if s.endswith(end) and len(s) > len(end) + 1:
            s = s[: -len(end)] + "ee"
            break
    out = []
    for i, c in enumerate(s):
        nxt, after = s[i + 1:i + 2], s[i + 2:i + 3]
        opens = i == 0 or s[i - 1] not in _VOWELS  # not the second letter of a vowel pair ("ay", "ee")
        single = bool(nxt) and nxt not in _VOWELS and bool(after) and after in _VOWELS
        if c in _LONG and opens and single:
            out.append(_LONG[c])
        else:
            out.append(c)
    said = "".join(out)
    return "".join(c for i, c in enumerate(said) if i == 0 or c != said[i - 1] or c in _VOWELS)


def letter_forms(given: str) -> tuple[str, ...]:
    """Two letters whose names, said one after the other, say a short given name: "kt" for Katie or Katy,
    "kc" for Casey, "lc" for Elsie, "jc" for Jaycee. People text and write a name so ("KT was on the desk").
    Only a name that sounds exactly as the two letters do (:func:`said_as`): not "Kathy", "Becky", "Abbie"."""
    low = fold(given)
    if not (3 <= len(low) <= 7) or not low.isalpha():
        return ()
    said = said_as(low)
    return tuple(a + b for a, one in SPOKEN_LETTERS.items() if said.startswith(one)
                 for b, two in SPOKEN_LETTERS.items() if said == one + two)


def given_initials(tokens: list[str]) -> tuple[str, ...]:
    """Initials of two given names, said as a name ("JJ" for John James Tierney, "AJ" for Andrew James
    Hollis), and spelt out where captions write both letters as words ("jay jay")."""
    letters = [fold(t)[:1] for t in tokens[:-1] if fold(t)]
    if len(letters) < 2:
        return ()
    pair = letters[0] + letters[1]
    out = [pair]
    if all(c in LETTER_NAMES for c in pair):
        out.append(" ".join(LETTER_NAMES[c] for c in pair))
    return tuple(out)
