"""Registered names in shapes the phrase matcher cannot see: glued, split, with a trailing s, inside a compound.

The register layer matches registered variants token by token. Four ways of writing a registered person
slip past it, and each of them identifies the person as well as the registered spelling does:

- the name written joined, split or without its apostrophe, hyphen or accents: "ODriscoll", "Desouza",
  "De'Andre" for a registered "DeAndre", "Mc Glinchey" or "o driscoll" in captions (a particle said as its
  own word);
- a trailing "s" with no apostrophe: captions drop the apostrophe of a possessive ("kershaws car",
  "odriscolls van"), and a family is said in the plural ("the Kershaws");
- a registered name inside a word joined by a hyphen or an inner apostrophe: a second given name the
  register does not hold ("Marie" registered, "Anne-Marie" said), a particle or honorific said with the
  name ("Ah-Ming", "Harjit-ji"), a name typed with an apostrophe inside ("Sha'Kira"). Removing only the
  registered part left the rest of the word beside the placeholder, which still points at the person;
- the same compound found by the register layer itself: its stretch is widened to the whole word
  (:func:`widen`), but never over a possessive or a contraction ("Kemi's", "Kemi'll").

Sure where the written word is no everyday word; otherwise the occurrence goes to the review as its own
undecided item unless the words around it say a person (the register layer's rule for everyday-word
names). A plural that is an everyday word ("marks" of Mark, "granges" of Grange) is looked at only where
it reads as a possessive, before a noun ("marks car"), never in "full marks".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..folding import fold
from ..register import Register, RegisterItem
from .context import looks_like_name, name_context
from .turn_view import turn_view
from .words import is_everyday

PARTICLES = frozenset({"o", "mc", "mac", "de", "da", "di", "du", "le", "la", "van", "von", "fitz", "st", "al", "el",
                       "ben", "bin", "abu", "d"})
"""Particles a surname begins with that speech and captions write as their own word ("o driscoll",
"mc glinchey", "de souza"): written for the project."""

_CONTRACTIONS = frozenset({"s", "ll", "d", "re", "ve", "m", "t"})
"""What follows an apostrophe at the end of a name and is no part of it ("Kemi's", "Kemi'll")."""
_JOINERS = "-‐'’"
_SUFFIX = re.compile(r"['’](?:s|ll|d|re|ve|m|t)$", re.IGNORECASE)
_APOSTROPHES = "'’"
MIN_PART = 3
"""A registered word shorter than this ("Jo", "Al") inside a compound is too often part of another word."""


def squash(text: str) -> str:
    """Letters only, lower case, accents dropped: "O'Driscoll", "o driscoll" and "ODriscoll" are one."""
    return fold(text)


class ShapeIndex:
    """Squashed registered person variants (and their forms with a trailing s) → the registered item."""

    def __init__(self, pairs: Iterable[tuple[str, RegisterItem]]) -> None:
        self.exact: dict[str, RegisterItem] = {}
        self.plural: dict[str, RegisterItem] = {}
        self.parts: dict[str, RegisterItem] = {}
        self.worth: dict[str, bool] = {}
        """A word's text (``ORTH``) → whether :func:`shape_candidates` can make something of it: the
        answer hangs on the word's text and this index alone, and a study's turns share most of their words."""
        for variant, item in pairs:
            if item.category != "person":
                continue
            words = variant.split()
            if len(words) > 2 or (len(words) == 2 and fold(words[0]) not in PARTICLES):
                continue  # full names and titled forms are the phrase matcher's; a particle and a name are ours
            key = squash(variant)
            if len(key) < MIN_PART:
                continue
            self.exact.setdefault(key, item)
            if not key.endswith("s"):
                self.plural.setdefault(key + "s", item)
            for part in re.split(r"[\s\-‐'’]+", variant):
                if len(part) >= MIN_PART and part.isalpha():
                    self.parts.setdefault(fold(part), item)

    @classmethod
    def from_register(cls, register: Register) -> ShapeIndex:
        return cls(register.all_variants())

    def __bool__(self) -> bool:
        return bool(self.exact)

    def word(self, text: str) -> tuple[RegisterItem, str] | None:
        """The registered item a written word stands for, and how: joined, or with a trailing s."""
        key = squash(text)
        if key in self.exact:
            return self.exact[key], "written joined or without its marks"
        if key in self.plural:
            return self.plural[key], "with a trailing s (a possessive without its apostrophe, or a family)"
        return None

    def inner_part(self, text: str) -> RegisterItem | None:
        """A word joined by an inner apostrophe or hyphen, one part of which is a registered name that is no
        everyday word ("Ah-Ming", "Sha'Kira")."""
        parts = [p for p in re.split(r"[\-‐'’]+", text) if p]
        if len(parts) < 2:
            return None
        for p in parts:
            low = fold(p)
            if len(low) >= MIN_PART and low in self.parts and not is_everyday(low):
                return self.parts[low]
        return None


def compound_bounds(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """``start``-``end`` widened over the letters joined to it by a hyphen or an inner apostrophe
    ("Anne-" + "Marie", "Harjit" + "-ji"), never over a possessive or contraction after an apostrophe,
    a dash between words ("Kemi - she"), or a cut word ("Dev-")."""
    hi = len(text) if hi is None else hi
    while end + 1 < hi and text[end] in _JOINERS and text[end + 1].isalpha():
        k = end + 1
        while k < hi and text[k].isalpha():
            k += 1
        if text[end] in _APOSTROPHES and text[end + 1:k].lower() in _CONTRACTIONS:
            break
        end = k
    while start - 2 >= lo and text[start - 1] in _JOINERS and text[start - 2].isalpha():
        k = start - 1
        while k - 1 >= lo and text[k - 1].isalpha():
            k -= 1
        start = k
    return start, end


def widen(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Register candidates stretched over the whole hyphen- or apostrophe-joined word they sit in."""
    from dataclasses import replace

    out = []
    for c in cands:
        s, e = compound_bounds(text, c.start, c.end)
        out.append(c if (s, e) == (c.start, c.end) else replace(c, start=s, end=e))
    return out


def _possessive_shape(tok: Token) -> bool:
    """A word with a trailing s read as a possessive: a noun follows ("marks car"), and the word is no verb."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} and tok.pos_ not in {"VERB", "AUX"}


def shape_candidates(doc: Doc, index: ShapeIndex, taken: list[tuple[int, int]], caseless: bool,
                     in_scope: Callable[[RegisterItem], bool], registered: Container[str]) -> list[Candidate]:
    """Candidates for the shapes above, where the register layer holds nothing. A word written as a
    registered variant (``registered``, lower case) is the register layer's to judge, even where it let
    it be ("Black" of Dame Carol Black for a registered Mark Black)."""
    out: list[Candidate] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(s: int, e: int, item: RegisterItem, how: str, sure: bool) -> None:
        if not in_scope(item):
            return
        if sure:
            out.append(Candidate(s, e, item.category, "register", 1.0, f"registered name {how}",
                                 item_key=item.key, placeholder=item.placeholder))
        else:
            out.append(Candidate(s, e, item.category, "register", 0.5,
                                 f"registered name {how}, perhaps an everyday word here", item_key=item.key,
                                 placeholder=item.placeholder, per_occurrence=True))
        taken.append((s, e))

    n = len(doc)
    visit = _worth_a_look(doc, index)
    skip_to = 0
    for i in visit:
        if i < skip_to:
            continue  # the word after a particle, taken with it
        tok = doc[i]
        # a particle said as its own word: "o driscoll", "mc glinchey", "de souza(s)"
        if tok.lower_ in PARTICLES and tok.whitespace_ and i + 1 < n and doc[i + 1].is_alpha:
            nxt = doc[i + 1]
            found = index.word(tok.text + nxt.text)
            if (found is not None and free(tok.idx, nxt.idx + len(nxt))
                    and f"{tok.lower_} {nxt.lower_}" not in registered):
                item, how = found
                everyday = is_everyday(nxt.lower_)
                sure = not everyday or name_context(tok) or looks_like_name(nxt, caseless)
                add(tok.idx, nxt.idx + len(nxt), item, how, sure)
                skip_to = i + 2
                continue
        word = _SUFFIX.sub("", tok.text)  # "Marie'll" is one token: the name is "Marie"
        s, e = tok.idx, tok.idx + len(word)
        if free(s, e) and len(word) >= MIN_PART and word.lower().replace("’", "'") not in registered:
            found = index.word(word)
            if found is not None and tok.lower_ not in PARTICLES:
                item, how = found
                plural = how.startswith("with a trailing s")
                everyday = is_everyday(tok.lower_) or is_everyday(fold(tok.text))
                if not everyday:
                    add(s, e, item, how, True)
                elif plural:
                    if (not caseless and tok.text[:1].isupper() and name_context(tok)) or (
                            _possessive_shape(tok) and (caseless or tok.text[:1].isupper())):
                        add(s, e, item, how, False)
                elif name_context(tok) or looks_like_name(tok, caseless):
                    add(s, e, item, how, False)
            elif found is None and any(ch in word for ch in _JOINERS):
                part_of = index.inner_part(word)
                if part_of is not None:
                    add(s, e, part_of, "inside a word joined by an apostrophe or hyphen", True)
    return out


def _worth_a_look(doc: Doc, index: ShapeIndex) -> list[int]:
    """Indices of the tokens :func:`shape_candidates` can make something of, in order (see :func:`_worth`).
    Every other word is passed by its loop without a candidate or a change to what it has taken, and making a
    ``Token`` of each word cost more than the tests.

    Why by word: each distinct word of a study is judged once per index (:attr:`ShapeIndex.worth`), and a turn
    is then one look-up per word, where slicing, lower-casing and folding every word of every turn again was a
    tenth of the register layer's time. The words are the turn's shared view's (:func:`.turn_view.turn_view`),
    which the turn's other layers have read already: no array of its own."""
    orths = turn_view(doc).texts
    worth = index.worth
    new = set(orths).difference(worth)
    if new:
        if len(worth) + len(new) > _WORTH_MAX:
            worth.clear()  # a long-running process with an open vocabulary must not grow this without end
            new = set(orths)
        for orth in new:  # each judged alone, by the word and the index: the order cannot matter
            worth[orth] = _worth(orth, index)
    return [i for i, orth in enumerate(orths) if worth[orth]]


_WORTH_MAX = 200_000


def _worth(word: str, index: ShapeIndex) -> bool:
    """A word that begins with a letter and is a particle, holds a hyphen or an apostrophe, or is written as a
    registered shape (:meth:`ShapeIndex.word`)."""
    if not word[:1].isalpha():
        return False
    if word.lower() in PARTICLES or any(ch in word for ch in _JOINERS):
        return True
    key = squash(word)  # no joiner here, so no apostrophe: nothing for _SUFFIX to take off
    return key in index.exact or key in index.plural
