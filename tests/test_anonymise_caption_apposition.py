"""Captions: a name no list holds, said after whose relative it is ("my neighbour's boy taz he sorts it"), is a
person; the relations a caption names without a possessive ("then the baby precious") or beyond the nuclear
family ("his granddaughter", "my neighbour") count too (:mod:`cmo_coder.anonymise.apposed_people`)."""
from __future__ import annotations

import pytest

from cmo_coder.anonymise.apposed_people import candidates, heard_name
from cmo_coder.anonymise.pipeline import Anonymiser

READ = [
    ("my neighbour's boy taz he sorts the computer for us", "taz"),
    ("her grandson jhun said he would come", "jhun"),
    ("then the baby precious", "precious"),
    ("and the little one oluwaseun was there", "oluwaseun"),
    ("my neighbour kez came round", "kez"),
]

NOT_READ = [
    ("my husband always said that", "always"),  # a word a dictionary holds, not a listed name
    ("the baby monitor was broken", "monitor"),
    ("my son usually goes on a friday", "usually"),
    ("my neighbour's boy taz sorts the computer", "taz"),  # no verb, pronoun or end after it
    ("my neighbour's dog rex was barking", "rex"),  # a dog is no relation
    ("the baby was crying", "was"),
]


def _people(text: str, caseless: bool = True) -> list[str]:
    return [text[c.start:c.end] for c in candidates(text, (0, len(text)), [], caseless)]


@pytest.mark.parametrize(("text", "name"), READ)
def test_an_unlisted_name_after_a_relation_is_a_person(text: str, name: str) -> None:
    found = [c for c in candidates(text, (0, len(text)), [], True)]
    assert name in _people(text)
    assert all(text[c.start:c.end] == name for c in found)  # offsets slice to the word


@pytest.mark.parametrize(("text", "word"), NOT_READ)
def test_a_dictionary_word_or_a_loose_frame_is_no_reading(text: str, word: str) -> None:
    assert word not in _people(text)


def test_a_heard_name_is_no_dictionary_or_everyday_word() -> None:
    assert heard_name("kirsteen") and heard_name("tafadzwa") and heard_name("jhun")
    assert not heard_name("storm") and not heard_name("usually") and not heard_name("x") and not heard_name("pfft")


HELD_BACK = [  # written before the rule was run
    ("me and my granddaughter wenjing went to the market", "wenjing", True),
    ("our neighbour's girl ifeoma she plays with ours", "ifeoma", True),
    ("the wee one ruaraidh was up all night", "ruaraidh", True),
    ("his mate basically does everything", "basically", False),
]


def test_the_held_back_cases() -> None:
    right = [(name in _people(text)) is read for text, name, read in HELD_BACK]
    assert all(right), [c for c, ok in zip(HELD_BACK, right, strict=True) if not ok]


def test_the_name_is_removed_as_a_person_in_a_caption(anon: Anonymiser) -> None:
    text = "anyway my neighbour's boy taz he sorts the computer for us"
    groups, _, _ = anon.find(text, [(0, len(text))], caseless=True, turns=[(0, len(text))])
    at = text.index("taz")
    assert any(c.category == "person" and c.start <= at < c.end for g in groups for c in g)
