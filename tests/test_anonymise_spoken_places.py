"""Places said in speech with ordinary words (issue 13, places in captions): towns of two words, towns named by
a word where someone goes, parts of town by their end, estates of one noun, a town's area, and a hospital said
again without its head. Invented cases, cased and as captions, that must go and that must stay."""

from __future__ import annotations

import re

import pytest
from anon_support import caption
from anon_support import redact_turns as redact
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.hospitals_again import hospitals_again
from cmo_coder.anonymise.layers.spoken_places import (
    end_of_town_spans,
    going_word_town_spans,
    hospital_name_spans,
    hospital_names,
    joined_place_spans,
    pair_town_spans,
    spoken_place_spans,
    town_area_spans,
    word_estate_spans,
    word_pair_towns,
)
from cmo_coder.anonymise.pipeline import Anonymiser


def gone(out: str, words: str) -> bool:
    return all(re.search(rf"(?i)(?<![\w'’-]){re.escape(w)}(?![\w-])", out) is None for w in words.split())


def surfaces(spans: list[tuple[int, int]], text: str) -> list[str]:
    return [text[s:e] for s, e in spans]


# ------------------------------------------------------------------------------------------------ the span rules
def test_the_pair_towns_come_from_the_town_list_and_leave_out_what_speech_says_else() -> None:
    towns = word_pair_towns()
    assert {"new mills", "mountain ash", "hope valley"} <= towns
    assert not {"west end", "church street", "west ham", "new inn"} & towns


@pytest.mark.parametrize(("text", "town"), [
    ("She's from New Mills originally.", "New Mills"),
    ("We went over to Hope Valley for the weekend.", "Hope Valley"),
    ("He works in Mountain Ash now.", "Mountain Ash"),
])
def test_a_town_of_two_words_in_a_place_slot(text: str, town: str) -> None:
    assert surfaces(pair_town_spans(text, False), text) == [town]
    low = caption(text)
    assert surfaces(pair_town_spans(low, True), low) == [town.lower()]


@pytest.mark.parametrize("text", [
    "there's new mills opening all over the north",  # no place's slot before it
    "she lives in new mills road",  # the street's: the phrase goes on
    "the mountain ash in the garden has berries",
    "we went to the west end for a show",
])
def test_a_pair_of_words_not_said_as_a_town_stays(text: str) -> None:
    assert pair_town_spans(text, True) == []


def test_cased_text_needs_both_capitals_for_a_pair() -> None:
    assert pair_town_spans("She's from new mills originally.", False) == []


@pytest.mark.parametrize(("text", "town"), [
    ("she works in reading now", "reading"),
    ("her sister's down in wells with the kids", "wells"),
    ("we went over to neath for the day", "neath"),
])
def test_a_word_town_where_someone_goes_or_is(text: str, town: str) -> None:
    assert surfaces(going_word_town_spans(text), text) == [town]


@pytest.mark.parametrize("text", [
    "she went to church every sunday",
    "he was reading the paper when i got there",
    "we went to bath the baby",
    "she got to settle in first",
    "they went in reading glasses",
    "he works in wells and boreholes",
])
def test_a_word_in_a_frame_of_going_stays(text: str) -> None:
    assert going_word_town_spans(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("They live at the Marsden end of town.", "Marsden"),
    ("we grew up at the hawthorn end by the canal", "hawthorn"),
    ("it's the northcote end past the garage", "northcote"),
])
def test_a_part_of_town_by_its_end(text: str, name: str) -> None:
    caseless = text == text.lower()
    assert surfaces(end_of_town_spans(text, caseless), text) == [name]


@pytest.mark.parametrize("text", [
    "it was the deep end for her",
    "we live at the other end of town",
    "she was on the receiving end of it",
    "the business end of the season",
    "we went to the west end of town",
    "it's the top end of the street",
])
def test_a_kind_of_end_stays(text: str) -> None:
    assert end_of_town_spans(text, True) == []


@pytest.mark.parametrize(("text", "name"), [
    ("we moved off the ravensmoor estate", "ravensmoor"),
    ("my brother's down on the pinfold estate", "pinfold"),
    ("She grew up on the Kestrel estate.", "Kestrel"),
])
def test_an_estate_of_one_noun(text: str, name: str) -> None:
    caseless = text == text.lower()
    assert surfaces(word_estate_spans(text, caseless), text) == [name]


@pytest.mark.parametrize("text", [
    "he grew up on the council estate",
    "the whole estate was built for the pit",
    "we went to the estate agents about it",
    "she was on the industrial estate all day",
    "we lived on the new estate for a bit",
    "there's a lot of money in the family estate",
    "they went to the sprawling estate by the motorway",
])
def test_a_kind_of_estate_stays(text: str) -> None:
    assert word_estate_spans(text, True) == []


def test_a_listed_town_and_an_area_head() -> None:
    text = "we used to walk round barnsley docks"  # invented: a listed town and a head
    got = surfaces(town_area_spans(text, True), text)
    assert got == ["barnsley docks"]
    assert town_area_spans("the dock was closed", True) == []


def test_the_hospital_list_holds_no_town_and_no_one_word_everyday_name() -> None:
    from cmo_coder.anonymise.layers.words import in_dictionary, place_names

    names = hospital_names()
    assert "ninewells" in names and "stepping hill" in names
    assert not names & place_names()
    assert not [n for n in names if " " not in n and in_dictionary(n)]


@pytest.mark.parametrize(("text", "name"), [
    ("She was in Ninewells for the scan.", "Ninewells"),
    ("he was in ninewells", "ninewells"),
    ("they took her to stepping hill", "stepping hill"),
    ("She went to Alder Hey for it.", "Alder Hey"),
])
def test_a_hospital_known_by_its_name(text: str, name: str) -> None:
    caseless = text == text.lower()
    assert surfaces(hospital_name_spans(text, caseless), text) == [name]


@pytest.mark.parametrize("text", [
    "stepping hill is a steep road",  # everyday words with no place's slot
    "the alder hey fever season",
    "She said ninewells was busy.".lower().replace("ninewells", "nine wells"),
])
def test_a_hospital_of_everyday_words_needs_a_slot(text: str) -> None:
    assert hospital_name_spans(text, True) == []


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("she was in nine wells for a week", "nine wells", "hospital"),
    ("we moved to black burn in the end", "black burn", "city"),
    ("we got the bus to scun thorpe", "scun thorpe", "city"),
])
def test_a_place_captions_split_is_joined_back(text: str, name: str, kind: str) -> None:
    assert [(text[s:e], k) for s, e, k in joined_place_spans(text)] == [(name, kind)]


@pytest.mark.parametrize("text", [
    "there was a black burn mark on it",
    "the sun was bright on the water",
    "she had nine wells dug on the farm",
])
def test_split_words_said_as_words_stay(text: str) -> None:
    assert joined_place_spans(text) == []


# ------------------------------------------------------------------------------------------------ said again
def _cand(text: str, surface: str, category: str, layer: str = "rules") -> Candidate:
    s = text.index(surface)
    return Candidate(s, s + len(surface), category, layer, 0.8, "test")


def test_a_hospital_said_again_without_its_head() -> None:
    text = "they took her to stepping hill hospital\nshe was in stepping hill for a week"
    found = [_cand(text, "stepping hill hospital", "hospital")]
    again = hospitals_again(text, [(0, len(text))], found, True, [])
    assert [text[c.start:c.end] for c in again] == ["stepping hill"]
    assert again[0].category == "hospital"


def test_an_everyday_name_said_again_needs_a_place_around_it() -> None:
    text = "they took her to the heath hospital\nthe heath was lovely that spring"
    found = [_cand(text, "heath hospital", "hospital")]
    assert hospitals_again(text, [(0, len(text))], found, True, []) == []
    text = "they took her to the heath hospital\nshe was in the heath for a week"
    found = [_cand(text, "heath hospital", "hospital")]
    assert [text[c.start:c.end] for c in hospitals_again(text, [(0, len(text))], found, True, [])] == ["heath"]


def test_a_name_of_a_word_no_dictionary_holds_is_the_hospital_anywhere() -> None:
    text = "he was in ashgrove general\nashgrove was good to him"
    found = [_cand(text, "ashgrove general", "hospital")]
    again = hospitals_again(text, [(0, len(text))], found, True, [])
    assert [text[c.start:c.end] for c in again] == ["ashgrove"]


def test_a_protected_stretch_is_not_spread_to() -> None:
    text = "he was in ashgrove general\nashgrove was good to him"
    found = [_cand(text, "ashgrove general", "hospital")]
    s = text.rindex("ashgrove")
    assert hospitals_again(text, [(0, len(text))], found, True, [(s, s + 8)]) == []


# ------------------------------------------------------------------------------------------------ offsets
_PIECES = st.sampled_from(["she's from", "new mills", "works in", "reading", "now", "the", "marsden", "end",
                           "of town", "on", "pinfold", "estate", "council", "hope valley", "over to", "barnsley",
                           "docks", "and", "went to", "church", "deep", ",", "."])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12), st.booleans())
def test_every_span_slices_to_its_text_within_the_turn(pieces: list[str], upper: bool) -> None:
    text = " ".join(pieces)
    if upper:
        text = text.title()
    for s, e, kind, reason in spoken_place_spans(text, not upper):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip() and text[s:e]
        assert kind in {"city", "place", "estate"} and reason
    assert spoken_place_spans(text, not upper) == spoken_place_spans(text, not upper)  # deterministic


# ------------------------------------------------------------------------------------------------ the whole path
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("turns", "words"), [
    (["She's from New Mills originally, her mum still lives there."], "New Mills"),
    (["They live at the Marsden end of town, by the canal."], "Marsden"),
    (["They took her to Stepping Hill Hospital in the ambulance.", "She was in Stepping Hill for a week."],
     "Stepping"),
])
def test_places_named_with_words_go(anon: Anonymiser, turns: list[str], words: str, lower: bool) -> None:
    assert gone(redact(anon, turns, lower), words)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("turns", "kept"), [
    (["The general public don't understand what it's like."], "general public"),
    (["They were chatting about the royal family all afternoon."], "royal family"),
    (["I walked down the road to the chemist and back."], "down the road"),
    (["He was on the ward for ages before anyone came."], "the ward"),
    (["It was the deep end for her, the first week."], "deep end"),
    (["She went to church every Sunday with her nan."], "went to church"),
    (["The estate agent never rang us back."], "estate agent"),
    (["The high street is dead now, half the shops are shut."], "high street"),
])
def test_what_is_no_place_stays(anon: Anonymiser, turns: list[str], kept: str, lower: bool) -> None:
    out = redact(anon, turns, lower)
    assert (caption(kept) if lower else kept) in out
