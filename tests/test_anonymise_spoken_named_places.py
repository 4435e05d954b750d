"""Captions: a local place named with everyday words, read by the structure it is said in (scored, not matched).

Every sentence and name here is invented for these tests (none is taken from the named-places set). A case is a
caption transcript of turns (" || " between them, lower case and no punctuation); the words asked about are
looked for at their ``nth`` occurrence. ``HELD_BACK`` was written after the rule's first version, run once and not
tuned on: it says whether the rule reads speech it was not written against (a case that fails there is reported,
not fixed).
"""

from __future__ import annotations

import re

import pytest

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.spoken_named_places import AGAIN, REASON, named_places

# (turns, words, which occurrence of them (0 = first), proposed by this step?)
Case = tuple[str, str, int, bool]

PROPOSED: list[Case] = [
    # a place slot (a verb of going or drinking, a preposition, "the") and a word seldom said in lower case
    ("where did he drink || he'd go to the tolbooth most nights with his brother", "tolbooth", 0, True),
    ("we used to meet in the corncrake on a friday after work", "corncrake", 0, True),
    # a dwelling said to be on it: an estate
    ("she got a council flat on the gorsebrae and never left", "gorsebrae", 0, True),
    # the kind said beside it, in apposition
    ("what helped || kindling the charity they got me a bed", "kindling", 0, True),
    ("the lads play for the kestrels the cricket every sunday", "kestrels", 0, True),
    # a head that names a kind of place inside the name, after a preposition, no "the"
    ("he bowls at brackenfield rovers on a saturday", "brackenfield rovers", 0, True),
    # a reply that opens on the name and says where it is
    ("where do you get your bits || ferrabee's in the village they've got everything", "ferrabee's", 0, True),
    # the same words said again after a preposition
    ("we'd go to the tolbooth of a night || i was barred from the tolbooth in the end", "tolbooth", 1, True),
]

NOT_PROPOSED: list[Case] = [
    # a noun people go to every day
    ("he'd go to the pub most nights with his brother", "pub", 0, False),
    ("we used to meet in the kitchen after work", "kitchen", 0, False),
    # "of" after the words: a common noun ("the crown of my tooth")
    ("it's right at the edge of the quarry", "edge", 0, False),
    # a kind of club, not its name
    ("she went to the luncheon club every tuesday", "luncheon", 0, False),
    # a rare dictionary word after a preposition, bare: not a name
    ("he went for respite in the summer", "respite", 0, False),
    # said again, but not in a place's slot
    ("we'd go to the tolbooth of a night || the tolbooth in the old town was a jail once", "tolbooth", 1, False),
    # contractions and days are no part of a name
    ("i sit in the surgery mondays and i've got a list", "surgery mondays", 0, False),
]

HELD_BACK: list[Case] = [
    ("he drinks in the heatherbell with the lads from work", "heatherbell", 0, True),
    ("my nan's in the larches now the home up the top", "larches", 0, True),
    ("what about church || st oswin's on the corner we go at christmas", "st oswin's", 0, True),
    ("they live on the whinmoor by the school", "whinmoor", 0, True),
    ("the kids play for the otters the swimming lot", "otters", 0, True),
    ("we saw otters in the river last summer", "otters", 0, False),
    ("he went to the toilet and never came back", "toilet", 0, False),
    ("there's larches all along the road up there", "larches", 0, False),
]


def _transcript(turns: str) -> tuple[str, list[tuple[int, int]]]:
    parts = turns.split(" || ")
    text = "\n\n".join(parts)
    spans, at = [], 0
    for part in parts:
        spans.append((at, at + len(part)))
        at += len(part) + 2
    return text, spans


def _where(text: str, words: str, nth: int) -> tuple[int, int]:
    s = [m.start() for m in re.finditer(rf"(?<![\w'’]){re.escape(words)}(?![\w])", text)][nth]
    return s, s + len(words)


def _proposed(turns: str, words: str, nth: int, found: list[Candidate] | None = None) -> bool:
    """Whether this step alone proposes the words (the other layers stand apart from it)."""
    text, spans = _transcript(turns)
    s, e = _where(text, words, nth)
    ours = named_places(text, spans, [True] * len(spans), found or [], [])
    return any(c.start <= s and e <= c.end for c in ours)


@pytest.mark.parametrize(("turns", "words", "nth", "proposed"), PROPOSED + NOT_PROPOSED)
def test_a_local_place_is_read_by_how_it_is_said(turns: str, words: str, nth: int, proposed: bool) -> None:
    assert _proposed(turns, words, nth) is proposed


def test_the_held_back_cases() -> None:
    """Scored as a whole: 7 of 8 right when first run, 6 after a rare dictionary word was given one point, not
    two (for the hand-written set's "the partnership"); left wrong: "he drinks in the heatherbell" and "the
    larches now the home"."""
    right = [_proposed(t, w, n) is p for t, w, n, p in HELD_BACK]
    assert sum(right) >= 6, [c for c, ok in zip(HELD_BACK, right, strict=True) if not ok]


def test_spans_slice_to_the_name_and_say_why() -> None:
    text, spans = _transcript("we'd go to the tolbooth of a night || they barred him out of the tolbooth for good")
    ours = named_places(text, spans, [True, True], [], [])
    assert [(text[c.start:c.end], c.reason, c.category) for c in ours] == [
        ("tolbooth", REASON, "place"), ("tolbooth", AGAIN, "place")]


def test_typed_turns_and_protected_words_are_left_alone() -> None:
    text, spans = _transcript("he'd go to the tolbooth most nights || we'd go to the tolbooth of a night")
    assert named_places(text, spans, [False, False], [], []) == []
    first = _where(text, "tolbooth", 0)
    ours = named_places(text, spans, [True, False], [], [first])
    assert ours == []  # protected where read, and typed turns are not read again


def test_what_another_layer_holds_is_not_proposed_again() -> None:
    text, spans = _transcript("he'd go to the tolbooth most nights")
    s, e = _where(text, "tolbooth", 0)
    assert named_places(text, spans, [True], [Candidate(s, e, "pub", "rules", 0.9, "x")], []) == []


def test_through_the_anonymiser(anon: Anonymiser) -> None:
    text, spans = _transcript("where did he drink || he'd go to the tolbooth most nights with his brother")
    s, e = _where(text, "tolbooth", 0)
    groups, _, _ = anon.find(text, spans, turns=spans)
    assert any(c.start <= s and e <= c.end for g in groups for c in g)
