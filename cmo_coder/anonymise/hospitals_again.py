"""A hospital or a town of several words that this transcript names, said again without its head.

People name a hospital in full once and then by its name alone: "they took her to stepping hill hospital" …
"she was in stepping hill for a week"; "ashgrove general" … "back in ashgrove". The spreading passes repeat
a one-word place and the local places a rule named (estates, pubs, practices), not a hospital of several
words or one whose words are everyday words, so in captions the later mention stayed. Here the name of every
hospital, ward or unit a layer proposed, its head left off ("hospital", "infirmary", "general", "royal"), and
every town of two words, is looked for again in the same turns: a name of which some word is not everyday is
that place wherever it is said; one of everyday words only where the words around it say a place
(:func:`.layers.naming.said_as_place`: "back in stepping hill for", not "the stepping hill was steep").
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.words import given_names, in_dictionary
from .occurrences import norm, places_said_again

_PLAIN_WORD = re.compile(r"[a-z][a-z'’-]*")

_HOSPITAL_KINDS = frozenset({"hospital", "ward", "unit"})
_HEADS = frozenset({"hospital", "hospitals", "infirmary", "general", "royal", "university", "district", "community",
                    "memorial", "county", "teaching", "maternity", "children's", "childrens", "women's", "womens",
                    "ward", "unit", "wing", "centre", "center", "hospice", "clinic", "nhs", "trust", "foundation"})
"""Words a hospital's name is said with or without ("stepping hill hospital", "ashgrove general", "the royal
wexcombe", "foxhill infirmary"): left off both ends to find the name the hospital is said again by."""
_REASON = "a hospital or town this transcript names, said again without its head"


def _name_of(surface: str) -> str | None:
    """The name a hospital is said again by: its heads and article left off both ends; None when nothing is left
    or what is left is one short word."""
    words = norm(surface).split()
    while words and words[0] in _HEADS | {"the", "a"}:
        words.pop(0)
    while words and words[-1] in _HEADS:
        words.pop()
    if not words or not all(_PLAIN_WORD.fullmatch(w) for w in words):
        return None
    name = " ".join(words)
    return name if len(name) >= 4 else None


def _eponym(surface: str) -> str | None:
    """The surname a place named after a person is said again by ("the James Paget" … "the Paget car park", "the
    William Harvey" … "the Harvey"): the last word of a name of two words or three whose first is a given name,
    where that word is in no dictionary (a place called "Mary Street" is never "the Street"). None otherwise."""
    words = norm(surface).split()
    if words and words[0] == "the":
        words.pop(0)
    while words and words[-1] in _HEADS:
        words.pop()
    if not 2 <= len(words) <= 3 or words[0] not in given_names():
        return None
    last = words[-1]
    if len(last) < 4 or not _PLAIN_WORD.fullmatch(last) or in_dictionary(last) or last in given_names():
        return None
    return last


def hospitals_again(text: str, segments: list[tuple[int, int]], found: list[Candidate], caseless: bool,
                    protected: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates where a hospital's or a two-word town's name is said again in ``segments`` (module doc)."""
    forms: dict[str, str] = {}
    for c in found:
        if c.layer == "consistency":
            continue
        surface = text[c.start : c.end]
        if c.category in _HOSPITAL_KINDS:
            name = _name_of(surface)
            if name is not None and name != norm(surface).removeprefix("the "):
                forms.setdefault(name, "hospital" if c.category == "hospital" else "place")
        elif c.category in {"city", "place"} and c.layer in {"rules", "places"} and len(surface.split()) == 2:
            forms.setdefault(norm(surface), c.category)
        if c.category in _HOSPITAL_KINDS | {"place"} and (eponym := _eponym(surface)) is not None:
            forms.setdefault(eponym, "hospital" if c.category == "hospital" else "place")
    taken = [(c.start, c.end) for c in found] + protected
    return places_said_again(forms, text, segments, caseless, taken, _REASON)
