"""Registered places said by part of their name: "the Altna" of Altnagelvin, "up Cranhill" of Cranhill Road.

Staff and patients shorten a long place name to its first syllables and say it as a name with "the": "the
Altna" (Altnagelvin), "the Bos" (Bosvean), "the Craigie" (Craigmore, clipped and given a familiar "-ie").
The register holds the place as written, and its variants take off kinds ("Unit", "Hospital"), never the end of a
word; so the clipped word was left in captions, and in cased text read as some organisation. Here a word after
"the" (or a preposition of place, :data:`CLIP_LEADS`) that no dictionary holds (or that speech practically never
uses: "skeg"), of four letters or more (three with "-ie" or "-y" after them), and that begins the first word of one
registered place (not a person) two letters or more longer, is that place, with its
placeholder. "the royal", "the general" (dictionary words) and "the Bosworth" (longer than the word it would
clip) stay with the other layers. Once a turn has said such a word where a place stands, its other occurrences
in that turn are the place too ("skeg isn't just the beach" after "in skeg"): one caption file is one turn.

A street is said without its kind as often as with it ("he lives on Cranhill", "up cranhill way" for a registered
Cranhill Road), and the register's variants keep the kind, so the bare name read as a person or an estate in cased
text and was left in captions. A registered street's name without its last word, where that word is a kind of
street (:data:`STREET_KINDS`) and the name left is no dictionary word of four letters or more ("High", "Church",
"Station" are words: "High Street" is not said as "High"), is that street wherever it is said.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from ..candidates import Candidate
from ..folding import fold
from ..register import RegisterItem
from .turn_view import turn_view
from .words import RARELY_LOWER, in_dictionary, lowercase_usage

MIN_CLIP = 4
"""A clipped name keeps at least four letters ("Altna"): fewer begin too many words."""
MIN_STEM = 3
"""With a familiar ending ("Craigie", "Bossy") the stem before it may be three letters."""
CLIP_LEADS = frozenset({"the", "in", "into", "to", "from", "near", "round", "around", "outside", "towards"})
"""Words after which a clipped place is said: "the Altna", and a town cut short the way its people say it ("the
academy in Skeg" of Skegness, "over to Spal"); "at" and "by" are left out, since they stand before people too."""
LEADS = frozenset({"the", "st", "saint", "royal", "new", "old", "upper", "lower", "north", "south", "east", "west"})
"""Words that begin a place's name without distinguishing it: the clip is of the word after them."""


def _heads(items: Iterable[RegisterItem], in_scope: Callable[[RegisterItem], bool]) -> list[tuple[str, RegisterItem]]:
    out = []
    for item in items:
        if item.category == "person" or not in_scope(item):
            continue
        words = [fold(w) for w in item.surface.split()]
        words = [w for w in words if w.isalpha() and w not in LEADS]
        if words:
            out.append((words[0], item))
    return sorted(out, key=lambda x: (x[0], x[1].key))


def _clips(word: str, head: str) -> bool:
    if len(head) < len(word) + 2:
        return False
    if len(word) >= MIN_CLIP and head.startswith(word):
        return True
    for ending in ("ie", "y"):
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= MIN_STEM and head.startswith(stem) and len(head) >= len(stem) + 2:
            return True
    return False


def _a_word(low: str) -> bool:
    """A dictionary word that speech uses: "skeg" (a boat's fin) is in the dictionary but practically never said,
    so "in skeg" is the town clipped; "the altar", "the royal" are words."""
    return in_dictionary(low) and lowercase_usage().get(low, 0) >= RARELY_LOWER


def clipped_candidates(doc: Doc, items: Iterable[RegisterItem], taken: list[tuple[int, int]],
                       in_scope: Callable[[RegisterItem], bool],
                       heads: Callable[[], list[tuple[str, RegisterItem]]] | None = None) -> list[Candidate]:
    """Words after "the" or a preposition of place that clip one registered place's name, and the turn's other
    occurrences of such a word; ``taken``: stretches the register found.

    The words are picked from the turn's shared view (:func:`.turn_view.turn_view`) and the register's heads are
    made only for a turn that holds one: most turns hold none, and the heads ask every item its scope.
    ``heads``: where given, gives ``_heads(items, in_scope)`` as a caller keeps it for a transcript
    (:class:`ClipTables`), instead of making it again in every turn that says "the" before a word."""
    if not len(doc):
        return []
    view = turn_view(doc)
    lowers, lengths = view.lowers, view.lengths
    words = [i for i in range(1, len(lowers))
             if lowers[i - 1] in CLIP_LEADS and view.alpha[i] and lengths[i] >= MIN_STEM + 1]
    if not words:
        return []
    heads_now = heads() if heads is not None else _heads(items, in_scope)
    if not heads_now:
        return []
    out: list[Candidate] = []
    proven: dict[str, RegisterItem] = {}
    for i in words:
        start, end = view.starts[i], view.starts[i] + lengths[i]
        low = fold(view.texts[i])
        if _a_word(lowers[i]) or any(a < end and start < b for a, b in taken):
            continue
        found = [item for head, item in heads_now if _clips(low, head)]
        if len({x.key for x in found}) != 1:
            continue  # none, or two places it might clip: the other layers read it
        proven[low] = found[0]
    if not proven:
        return []
    for i in range(len(lowers)):  # once said where a place stands, the clipped word is that place wherever said
        item = proven.get(fold(view.texts[i])) if view.alpha[i] else None
        start, end = view.starts[i], view.starts[i] + lengths[i]
        if item is None or any(a < end and start < b for a, b in taken):
            continue
        out.append(Candidate(start, end, item.category, "register", 0.8,
                             f"the first part of a registered place's name ({item.surface.split()[0]}…)",
                             item_key=item.key, placeholder=item.placeholder))
    return out


STREET_KINDS = frozenset({"road", "rd", "street", "st", "lane", "avenue", "ave", "drive", "crescent", "way",
                          "terrace", "gardens", "grove", "court", "walk", "parade", "brae", "wynd", "vennel",
                          "boulevard", "row"})
"""Last words of a street's name that people leave off (written for the project; "close" is left out: a Glasgow
close is a tenement's stair, said with the street's number)."""


def _bare_streets(items: Iterable[RegisterItem], in_scope: Callable[[RegisterItem], bool],
                  ) -> list[tuple[tuple[str, ...], RegisterItem]]:
    out = []
    for item in items:
        if item.category != "street" or not in_scope(item):
            continue
        words = [fold(w) for w in item.surface.split()]
        if len(words) < 2 or words[-1].rstrip(".") not in STREET_KINDS:
            continue
        stem = tuple(w for w in words[:-1] if not w.isdigit())
        if not stem or not all(w.isalpha() for w in stem) or sum(map(len, stem)) < MIN_CLIP:
            continue
        if len(stem) == 1 and in_dictionary(stem[0]):
            continue
        out.append((stem, item))
    return sorted(out, key=lambda x: (x[0], x[1].key))


def bare_street_candidates(doc: Doc, items: Iterable[RegisterItem], taken: list[tuple[int, int]],
                           in_scope: Callable[[RegisterItem], bool],
                           streets: list[tuple[tuple[str, ...], RegisterItem]] | None = None) -> list[Candidate]:
    """A registered street's name said without its kind; ``taken``: stretches the register found; ``streets``:
    where given, ``_bare_streets(items, in_scope)`` as a caller keeps it for a transcript (:class:`ClipTables`)."""
    if streets is None:
        streets = _bare_streets(items, in_scope)
    if not streets or not len(doc):
        return []
    lows = [fold(t.text) for t in doc]
    out: list[Candidate] = []
    for i in range(len(doc)):
        for stem, item in streets:
            end = i + len(stem)
            if end > len(doc) or tuple(lows[i:end]) != stem:
                continue
            s, e = doc[i].idx, doc[end - 1].idx + len(doc[end - 1])
            if any(a < e and s < b for a, b in taken) or any(c.start < e and s < c.end for c in out):
                continue
            out.append(Candidate(s, e, "street", "register", 0.8,
                                 f"a registered street said without its kind ({item.surface.split()[-1]})",
                                 item_key=item.key, placeholder=item.placeholder))
            break
    return out


class ClipTables:
    """A register's clip heads (:func:`_heads`) and bare streets (:func:`_bare_streets`) for the transcript being
    read, made once per register and transcript instead of once per turn.

    Why: both depend only on the register's items and which of them are in scope for the transcript, but were made
    again in every turn (the heads in every turn saying "the" before a word, most turns; the streets in every turn),
    asking each item its scope and folding its words. ``items`` is the register layer's own item mapping's values:
    a new register gives a new mapping, so the tables are kept while the same mapping and transcript are asked.
    """

    def __init__(self) -> None:
        self._for: tuple[object, str | None] | None = None
        self._heads: list[tuple[str, RegisterItem]] | None = None
        self._streets: list[tuple[tuple[str, ...], RegisterItem]] = []

    def tables(self, owner: object, transcript_id: str | None, items: Iterable[RegisterItem],
               in_scope: Callable[[RegisterItem], bool]) -> ClipTables:
        """These tables for ``owner`` (the mapping ``items`` comes from) and ``transcript_id``, made anew when
        either changed; the heads themselves are made on their first use."""
        if self._for is None or self._for[0] is not owner or self._for[1] != transcript_id:
            self._for = (owner, transcript_id)
            self._items, self._scope = list(items), in_scope
            self._heads = None
            self._streets = _bare_streets(self._items, in_scope)
        return self

    def heads(self) -> list[tuple[str, RegisterItem]]:
        if self._heads is None:
            self._heads = _heads(self._items, self._scope)
        return self._heads

    def streets(self) -> list[tuple[tuple[str, ...], RegisterItem]]:
        return self._streets
