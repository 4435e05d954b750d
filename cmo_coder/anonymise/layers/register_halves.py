"""A registered person's other name heard as everyday words right beside the name the register found.

Captions write a name the recogniser does not know as the words it hears, and it most often knows one half of
a person's name and not the other: "morwenna tree gear" (a Morwenna Tregear), "demelza row" (a Demelza Rowe),
"he tell mistry" (a Hetal Mistry). The half it knows is the register's, and the words beside it were left,
since alone they are words ("tree", "row", "he") and :mod:`.register_heard` asks a cue (a title, "my
brother", "said") before it reads words as a name. A person's own given name is the strongest cue there is for
their surname after it, and their surname for their given name before it: here, next to a registered form of
one person, one to three words on the same line that sound like that same person's other name (the same sound
key of :func:`.register_heard.heard_key` and letters fairly close, or letters very close) are removed with it.

Only the other half of the same registered person is compared, never the whole register, so "morwenna three
times a week" and "demelza rowed" (letters close, sounds not the same) stay.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..folding import fold
from ..register import RegisterItem
from .register_heard import LAYER, NOT_IN_RUN, heard_key
from .state import text_of
from .turn_view import turn_view
from .words import TITLE_WORDS

MAX_WORDS = 3
"""A half of a name is heard as at most three words ("mack lennon", "penn hal igon")."""
SAME_KEY_LETTERS = 70
"""With the same sound key, the joined words need be only this close by letters ("he tell" of Hetal, 73)."""
SHORT_KEY_LETTERS = 80
"""A key of one sound says little ("row" of Rowe is "6"): the letters must then be this close (86)."""
LETTERS_ALONE = 90
"""Without the same key, letters this close ("rowed" of Rowe is 89: it stays)."""


def _halves(item: RegisterItem) -> tuple[str, str] | None:
    """The given name and surname of a registered person, folded, or None for a one-word name."""
    words = [fold(w) for w in item.surface.split() if w.lower().strip(".") not in TITLE_WORDS]
    words = [w for w in words if w.isalpha()]
    if len(words) < 2:
        return None
    return words[0], words[-1]


def sounds_like(heard: str, half: str) -> bool:
    """Whether words joined (``heard``) are a recogniser's writing of one half of a name."""
    if len(heard) < 3 or heard == half:
        return heard == half
    letters = fuzz.ratio(heard, half)
    key, want = heard_key(heard), heard_key(half)
    if key and key == want:
        return letters >= (SHORT_KEY_LETTERS if len(key) < 2 else SAME_KEY_LETTERS)
    return letters >= LETTERS_ALONE


def _usable(doc: Doc, tok: Token) -> bool:
    return tok.is_alpha and tok.lower_ not in NOT_IN_RUN


def _same_line(doc: Doc, left: Token, right: Token) -> bool:
    return "\n" not in text_of(doc)[left.idx + len(left):right.idx]


def _after(doc: Doc, first: int, half: str) -> int | None:
    """The end (a token index, exclusive) of the run from ``first`` that sounds most like ``half`` (see
    :func:`_closest`)."""
    runs: list[tuple[int, str]] = []
    for end in range(first + 1, min(first + MAX_WORDS, len(doc)) + 1):
        tok = doc[end - 1]
        if not _usable(doc, tok) or (end - 1 > first and not _same_line(doc, doc[end - 2], tok)):
            break
        runs.append((end, "".join(fold(t.text) for t in doc[first:end])))
    return _closest(runs, half)


def _before(doc: Doc, last: int, half: str) -> int | None:
    """The start (a token index) of the run ending at ``last`` (inclusive) that sounds most like ``half``."""
    runs: list[tuple[int, str]] = []
    for start in range(last, max(last - MAX_WORDS, -1), -1):
        tok = doc[start]
        if not _usable(doc, tok) or (start < last and not _same_line(doc, tok, doc[start + 1])):
            break
        runs.append((start, "".join(fold(t.text) for t in doc[start:last + 1])))
    return _closest(runs, half)


def _closest(runs: list[tuple[int, str]], half: str) -> int | None:
    """Of the runs (shortest first) that sound like ``half``, the one closest to it by letters, the shorter on
    a tie. Why not the longest: a word after the name is heard with it only where it brings the run nearer
    the name ("he tell" of Hetal, "tree gear" of Tregear); "lincoln he" is further from Lincoln than
    "lincoln" is, and the "he" who moved is the speaker's, not the name's."""
    best: tuple[float, int] | None = None
    for bound, heard in runs:
        if sounds_like(heard, half):
            score = 100.0 if heard == half else fuzz.ratio(heard, half)
            if best is None or score > best[0]:
                best = (score, bound)
    return None if best is None else best[1]


def halves_candidates(doc: Doc, items: Iterable[RegisterItem], registered: list[Candidate],
                      taken: list[tuple[int, int]]) -> list[Candidate]:
    """Words heard beside a registered person's found name that sound like that person's other name.

    ``registered``: the register layer's candidates of people (with their item keys), whose stretches the words
    may not enter unless they are the same person's ("morwenna tre gear", "tre" a clip of Tregear: one name);
    ``taken``: stretches nothing may enter (study labels)."""
    if not len(doc) or not registered:
        return []
    by_key = {i.key: i for i in items}
    text = text_of(doc)
    view = turn_view(doc)  # offsets from the shared view's lists: no Token made of each word
    starts = {idx: i for i, idx in enumerate(view.starts)}
    ends = {idx + n: i for i, (idx, n) in enumerate(zip(view.starts, view.lengths, strict=True))}
    out: list[Candidate] = []

    def free(s: int, e: int, key: str | None) -> bool:
        return (not any(a < e and s < b for a, b in taken) and not any(c.start < e and s < c.end for c in out)
                and not any(c.start < e and s < c.end and c.item_key != key for c in registered))

    for c in registered:
        item = by_key.get(c.item_key or "")
        halves = _halves(item) if item is not None and item.category == "person" else None
        if halves is None or c.start not in starts or c.end not in ends:
            continue
        given, surname = halves
        said = [fold(w) for w in text[c.start:c.end].split()]
        if surname in said and given in said:
            continue  # the whole name was found
        if said and said[-1] == surname:  # the surname: the given name may have been heard before it
            last = starts[c.start] - 1
            if last < 0 or not _same_line(doc, doc[last], doc[last + 1]):
                continue
            first = _before(doc, last, given)
            if first is None:
                continue
            s, e = doc[first].idx, doc[last].idx + len(doc[last])
        else:  # a given name or a form of it: the surname may follow
            first = ends[c.end] + 1
            if first >= len(doc) or not _same_line(doc, doc[first - 1], doc[first]):
                continue
            end = _after(doc, first, surname)
            if end is None:
                continue
            s, e = doc[first].idx, doc[end - 1].idx + len(doc[end - 1])
        if free(s, e, c.item_key):
            out.append(Candidate(s, e, "person", LAYER, 0.8,
                                 "the other half of a registered name, heard as words beside it",
                                 item_key=c.item_key, placeholder=c.placeholder))
    return out
