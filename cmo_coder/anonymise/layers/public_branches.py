"""The place of a local branch said before a body kept as public: "the Elmbury Dementia Alliance".

A national body of a cause ("the Dementia Alliance", "the Carers Partnership") is kept by the form of its name
(:mod:`.public_charities`, :mod:`.public_bodies`). Its local branch or a local group that borrows the shape is
named with its place in front ("the Elmbury Dementia Alliance", "the Thornbury Carers Partnership"), and the
place is what a study must remove. In cased text the model reads the whole name and the allow-list cuts the
public words off its end, leaving the place proposed; in captions nothing reads an invented place at all, so
it was kept beside the body by nothing. :func:`.public_charities.branch_places` takes the place said after a
body ("Age UK Elmbury"); this takes the word right before one whose last word is a body's head, where that
word is shaped like a place (no dictionary or name list holds it: :func:`.public_runs.place_shaped`) and,
in cased text, capitalised. A dictionary word before the body ("the Local Dementia Alliance") is left, and a
given name or a town the lists hold is the other layers' already.

Source of the word sets below: written for the project.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .public_bodies import _lows
from .public_runs import place_shaped
from .turn_view import char_tokens, turn_view

BODY_HEADS = frozenset({"foundation", "society", "association", "alliance", "federation", "institute", "charity",
                        "network", "trust", "partnership", "forum", "coalition", "collective", "council", "fund",
                        "helpline", "campaign", "league", "uk", "scotland", "wales", "cymru", "england"})
"""Last words that make a kept span a body's name, so a place-shaped word before it is its branch's place."""


def branch_before(doc: Doc, public: list[tuple[int, int]], caseless: bool) -> list[tuple[int, int]]:
    """Character spans of a place-shaped word right before a kept body's name (see the module doc)."""
    if not public:
        return []
    starts = {idx: i for i, idx in enumerate(turn_view(doc).starts)}  # no Token made of each word
    lows = _lows(doc)
    out = []
    for a, b in public:
        first = starts.get(a)
        if first is None or first == 0:
            continue
        last = char_tokens(doc, a, b, "expand")
        if last is None or last[0] == last[1] or lows[last[1] - 1] not in BODY_HEADS:
            continue
        tok = doc[first - 1]
        if not tok.is_alpha or len(tok) < 4 or (not caseless and not tok.text[:1].isupper()):
            continue
        if place_shaped(lows[first - 1]):
            out.append((tok.idx, tok.idx + len(tok)))
    return out
