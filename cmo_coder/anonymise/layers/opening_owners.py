"""A given name with "'s" opening a sentence before a thing of theirs: "Carol's review of my care plan was late".

A given name that is also a word ("Carol", "Holly", "Faith") is proposed only with a cue, and the cue of a
possessive asks for a person's own things ("Tiago's mum"). A sentence that opens on a capitalised given name with
"'s" and a common noun after it says whose the thing was all the same: a sentence's first word is capitalised
whatever it is, but a word that is not a name seldom opens one with a possessive. What stays: a public figure's
surname before their work ("Marmot's review", kept by :mod:`.public_figures`), a condition named after someone
("Addison's disease"), a shop or brand on the shipped allow-list ("Nando's"), and months and seasons ("May's
rota", "Summer's end").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from .naming import public_words
from .public_figures import distinctive_surnames
from .state import text_of
from .words import CALENDAR, place_names

REASON = "a given name with its possessive opening a sentence"

EPONYM_HEADS = frozenset({
    "disease", "diseases", "syndrome", "palsy", "lymphoma", "sarcoma", "law", "laws", "principle", "theorem",
    "test", "sign", "phenomenon", "contracture", "oesophagus", "esophagus", "ulcer", "cyst", "node", "nodes",
    "scale", "criteria", "classification", "canal", "gland", "glands", "tube", "tubes", "sheet",
})
"""Nouns after a possessive that name a condition, a test or a law after the person who described it."""

_SEASONS = frozenset({"spring", "summer", "autumn", "winter", "christmas", "easter"})
BRANDS_OF_GIVEN_NAMES = frozenset({"sky", "wendy", "lloyd", "barclay", "frankie", "dixon"})
"""Given names that are also the names of UK firms people speak of with "'s" ("Sky's broadband", "Lloyd's bank",
"Wendy's burgers"); public, from general knowledge."""
_APOSTROPHE_S = frozenset({"'s", "’s"})
_OWNER_SHAPE = re.compile(r"(?<![\w'’])([A-Z][a-z]+)['’]s\s+[a-z]")
"""A capitalised word, "'s" and a lower-case word: the shape the layer reads, found before any token is made."""


def _opens_sentence(tok: Token) -> bool:
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in {".", "!", "?", '"', "“", "\n", "\n\n"} or prev.is_space


def _public(low: str, head: str) -> bool:
    public = public_words()
    if low in public or f"{low}'s" in public or f"{low}s" in public or f"{low}'s {head}" in public:
        return True
    return (low in BRANDS_OF_GIVEN_NAMES or low in distinctive_surnames() or low in CALENDAR or low in _SEASONS
            or low in place_names())


def opening_owners(doc: Doc, given: frozenset[str], people: list[tuple[int, int]]) -> list[Candidate]:
    """Cased text only: each sentence-opening given name in ``given`` with "'s" and a common noun after it that
    no person proposal (``people``) already covers, as a person. The text is scanned for a capitalised word with
    "'s" first, so a turn with none makes no token."""
    out: list[Candidate] = []
    for m in _OWNER_SHAPE.finditer(text_of(doc)):
        low = m.group(1).lower()
        if low not in given:
            continue
        span = doc.char_span(m.start(1), m.end(1))
        if span is None or len(span) != 1 or span.end + 1 >= len(doc):
            continue
        tok = span[0]
        head = doc[tok.i + 2]
        if (doc[tok.i + 1].text not in _APOSTROPHE_S or not _opens_sentence(tok) or not head.is_alpha
                or not head.text.islower() or head.pos_ not in {"NOUN", "ADJ"} or head.lower_ in EPONYM_HEADS
                or _public(low, head.lower_)):
            continue
        start, end = m.start(1), m.end(1)
        if any(s <= start and end <= e for s, e in people):
            continue
        out.append(Candidate(start, end, "person", "rules", 0.75, REASON))
    return out
