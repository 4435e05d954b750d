"""Captions: a word no dictionary holds, said as what kind of person it is ("well jhun is a boy") or before a word
of kinship or respect ("mithu aunty from the group"), is a person, even one letter from an everyday word ("jhun"
beside "shun"), since these frames leave a name its only reading (:mod:`cmo_coder.anonymise.layers.unheard_words`).

Every sentence and name here is invented for these tests."""

from __future__ import annotations

import pytest
from anon_support import caption

from cmo_coder.anonymise.pipeline import Anonymiser

FRAMES = ("X is a boy", "X aunty")


def _read(anon: Anonymiser, sentence: str, word: str) -> bool:
    text = caption(sentence)
    groups, _, _ = anon.find(text, [(0, len(text))])
    at = text.index(word)
    return any(c.start <= at < c.end and c.category == "person" and text[c.start:c.end] == word
               for g in groups for c in g)


def _by_these_frames(anon: Anonymiser, sentence: str, word: str) -> bool:
    text = caption(sentence)
    groups, _, _ = anon.find(text, [(0, len(text))])
    return any(text[c.start:c.end] == word and any(f"({f})" in c.reason for f in FRAMES) for g in groups for c in g)


READ = [
    ("Well Jhun is a boy, lovely the pair of them.", "jhun"),
    ("Mithu aunty from the women's group checks on me.", "mithu"),
    ("And Tavo is a lovely lad, he does the shopping.", "tavo"),
    ("I rang Shabnum baji about it.", "shabnum"),
]

NOT_READ = [
    ("He said fitbaw is a man's game.", "fitbaw"),  # a man's game: no person said
    ("And Metformin is a tablet you take twice.", "metformin"),  # no word for a person after "a"
    ("My aunty came round on Sunday.", "aunty"),  # the kin word alone
]


@pytest.mark.parametrize(("sentence", "word"), READ)
def test_the_kind_of_person_or_a_kin_word_after_says_a_person(anon: Anonymiser, sentence: str, word: str) -> None:
    assert _read(anon, sentence, word)


@pytest.mark.parametrize(("sentence", "word"), NOT_READ)
def test_no_person_said_is_no_reading_by_these_frames(anon: Anonymiser, sentence: str, word: str) -> None:
    assert not _by_these_frames(anon, sentence, word)


HELD_BACK = [  # written before the frames were run
    ("So Dzifa is a nice woman, she brought us food.", "dzifa", True),
    ("Then Ikenna uncle drove us to the hospital.", "ikenna", True),
    ("Yeah Ventolin is a blue inhaler.", "ventolin", False),
]


def test_the_held_back_cases(anon: Anonymiser) -> None:
    right = [_read(anon, s, w) is read for s, w, read in HELD_BACK]
    assert all(right), [c for c, ok in zip(HELD_BACK, right, strict=True) if not ok]
