"""Captions: a name that is also an everyday word, said again as the word beside the grammar of a verb or an
adjective ("you would marvel at it", "when it's sunny", "bear with me"), is not spread to as the name
(:mod:`cmo_coder.anonymise.word_readings`)."""
from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.word_readings import said_as_the_word

AS_THE_WORD = [
    ("you would marvel at how quick they were", "marvel"),
    ("i'd marvel at the mums", "marvel"),
    ("when it's sunny i walk round the park", "sunny"),
    ("i said to her bear with me while i ring", "bear"),
    ("every day is very precious now", "precious"),
    ("i couldn't bear it", "bear"),
]

AS_THE_NAME = [
    ("and marvel was teasing her", "marvel"),
    ("his granddaughter is river about twenty", "river"),
    ("i told sunny to ring me", "sunny"),
    ("would kirsteen come", "kirsteen"),  # no dictionary holds it: a name wherever it stands
    ("bear with his dog came round", "bear"),
    # a name's frames that share one side with the word's: a question, a cleft, a possessive, a clause opener
    ("will sunny come to the party", "sunny"),
    ("would marvel be there", "marvel"),
    ("it's sunny who rings me", "sunny"),
    ("it's sunny's turn", "sunny"),
    ("so sunny came round after", "sunny"),
]


def _at(text: str, word: str) -> tuple[int, int]:
    s = text.index(word)
    return s, s + len(word)


@pytest.mark.parametrize(("text", "word"), AS_THE_WORD)
def test_the_grammar_of_a_verb_or_adjective_reads_the_word(text: str, word: str) -> None:
    assert said_as_the_word(text, *_at(text, word))


@pytest.mark.parametrize(("text", "word"), AS_THE_NAME)
def test_a_name_in_its_place_stays_a_name(text: str, word: str) -> None:
    assert not said_as_the_word(text, *_at(text, word))


def _removed(anon: Anonymiser, text: str, word: str, nth: int) -> bool:
    groups, _, _ = anon.find(text, [(0, len(text))], caseless=True, turns=[(0, len(text))])
    at = [i for i in range(len(text)) if text.startswith(word, i)][nth]
    return any(c.start <= at < c.end for g in groups for c in g)


def test_a_name_said_again_as_a_verb_is_not_spread_to(anon: Anonymiser) -> None:
    text = ("a boy called marvel was teasing her and marvel kept on at her so i went in and you would marvel at "
            "how quick they sorted it")
    assert _removed(anon, text, "marvel", 1)
    assert not _removed(anon, text, "marvel", 2)


def test_an_everyday_name_read_again_in_context_keeps_its_adjective(anon: Anonymiser) -> None:
    text = "my youngest son sunny he works nights and when it's sunny i walk round the park with sunny"
    assert _removed(anon, text, "sunny", 0)
    assert not _removed(anon, text, "sunny", 1)


def test_a_cleft_after_it_is_still_the_person(anon: Anonymiser) -> None:
    text = "my youngest son sunny works nights and it's sunny who rings me every morning"
    assert _removed(anon, text, "sunny", 1)
