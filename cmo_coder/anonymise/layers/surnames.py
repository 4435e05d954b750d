"""The rest of a name after the part a layer found: "Precious [Mavhunga]", "Okonkwo[-Bright]",
"Lowri [ap Dafydd]", "siobhan⏎[mcloughlin]".

Layers find a person by the word that gives them away: a title, a listed given name, the words
around it. The surname after that word is often on no list ("Mavhunga", "Tiernach-Boyle") and is
then left standing, though a surname singles a person out more than a given name does. Once a
person is found, the word after it is read as their surname when it has a surname's shape: in
cased text a capitalised word no dictionary holds (or a surname list holds), with its hyphenated
parts and particles; in captions a listed surname or a word English seldom writes in lower case.
A caption line may break between the two ("me and siobhan" / "mcloughlin went").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import IDX, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from .name_edges import CHAT_WORDS
from .titles import PARTICLES, _capitalised
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    SELDOM_LOWER,
    everyday_words,
    is_everyday,
    known_surnames,
    lowercase_usage,
    place_names,
)

_SKIPPED_LAYERS = frozenset({"register", "sound_alike"})
"""A registered person's forms are the register's to decide."""
_PLACE_HEADS = frozenset({"street", "road", "lane", "avenue", "close", "way", "drive", "court", "house", "hall",
                          "centre", "center", "park", "estate", "ward", "unit", "surgery", "practice", "hospital",
                          "hostel", "school", "college", "church", "mosque", "trust", "team", "lodge",
                          "gardens", "place", "square", "terrace", "crescent", "grove", "view", "mews", "hill",
                          "walk", "row", "green", "rise", "foundation", "project", "group", "services", "service"})
"""Words after a name that make it a place's or a body's ("Grace House", "Hope Street"), never a surname."""


def _cased_surname(tok: Token) -> bool:
    low = tok.lower_.replace("’", "'")
    if tok.text.islower():
        # A typist's slip in cased text ("I spoke to Kemi adebayo"): a lower-case word after a name is
        # its surname only where captions would read it so, and never a verb or a preposition.
        return _caseless_surname(tok) and tok.pos_ not in {"VERB", "AUX", "ADP", "ADV", "ADJ", "PRON", "DET"}
    if not _capitalised(tok.text) or not tok.text.replace("'", "").replace("’", "").isalpha():
        return False
    if low in STOP_WORDS or low in FILLERS or low in CALENDAR or low in KINSHIP or low in _PLACE_HEADS:
        return False
    if tok.ent_type_ in {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME"}:
        return False  # "Grace London", "Emeka Nigerian"
    if low in place_names() and low not in known_surnames():
        return False
    return low not in everyday_words() or low in known_surnames()


def _caseless_surname(tok: Token) -> bool:
    low = tok.lower_.replace("’", "'")
    if not low.replace("'", "").isalpha() or len(low) < 3:
        return False
    if low in STOP_WORDS or low in FILLERS or low in CALENDAR or low in KINSHIP or low in _PLACE_HEADS:
        return False
    if low in CHAT_WORDS:
        return False  # "ring kerry asap", "thanks dave tbh": a chat word closes the phrase (.name_edges)
    if low in place_names() or is_everyday(low) or lowercase_usage().get(low, 0) >= SELDOM_LOWER:
        return False
    return low in known_surnames() or len(low) >= 4


def _next_word(doc: Doc, i: int, caseless: bool) -> int | None:
    """The token after ``i`` across one line break in captions (a cue may end between the two names);
    None where punctuation or a second break comes between."""
    j = i + 1
    if j < len(doc) and doc[j].is_space and caseless and "\n" in doc[j].text and doc[j].text.count("\n") == 1:
        j += 1
    elif not doc[i].whitespace_:
        return None
    return j if j < len(doc) else None


def surnames_after(doc: Doc, found: Iterable[Candidate], caseless: bool) -> list[Candidate]:
    """A candidate for the surname (hyphenated parts and particles with it) after every person found."""
    found = list(found)
    if not any(c.category == "person" and c.layer not in _SKIPPED_LAYERS for c in found):
        return []  # most turns: no person found, no token need be read
    ends = {idx + length: i for i, (idx, length) in enumerate(doc.to_array([IDX, LENGTH]).tolist())}
    taken = {(c.start, c.end) for c in found}
    out: list[Candidate] = []
    seen: set[int] = set()
    for c in list(found):
        if c.category != "person" or c.layer in _SKIPPED_LAYERS or c.end not in ends:
            continue
        i = ends[c.end]
        if i in seen or not doc[i].is_alpha:
            continue
        seen.add(i)
        span = _surname_span(doc, i, caseless)
        if span is None:
            continue
        start, end = span
        if start == c.end:  # joined to it ("Okonkwo-Bright"): one name
            start = c.start
        if (start, end) not in taken:
            out.append(Candidate(start, end, "person", c.layer if c.layer == "rules" else "rules", 0.7,
                                 "surname after a name"))
    return out


def _surname_span(doc: Doc, i: int, caseless: bool) -> tuple[int, int] | None:
    """Characters of the surname after token ``i``, or None."""
    is_surname = _caseless_surname if caseless else _cased_surname
    # "Okonkwo-Bright": a hyphen with no space either side joins a second part of the same name
    if (i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_
            and doc[i + 2].is_alpha and (caseless or _capitalised(doc[i + 2].text))
            and doc[i + 2].lower_ not in STOP_WORDS):
        last = i + 2
        while (last + 2 < len(doc) and not doc[last].whitespace_ and doc[last + 1].text == "-"
               and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha):
            last += 2
        return doc[i + 1].idx, doc[last].idx + len(doc[last])
    j = _next_word(doc, i, caseless)
    if j is None:
        return None
    first = j
    while j < len(doc) and doc[j].lower_ in PARTICLES and (caseless or doc[j].text.islower()) and doc[j].whitespace_ \
            and j - first < 3:
        j += 1  # "ap Dafydd", "van der Merwe"
    if j >= len(doc) or not is_surname(doc[j]):
        return None
    if first == j and caseless and doc[j].lower_ not in known_surnames() and doc[j].pos_ in {"VERB", "AUX", "ADP"}:
        return None  # "femi went": a word no list holds that the tagger reads as a verb is one
    last = j
    while (last + 2 < len(doc) and not doc[last].whitespace_ and doc[last + 1].text == "-"
           and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha):
        last += 2  # "Tiernach-Boyle"
    return doc[first].idx, doc[last].idx + len(doc[last])
