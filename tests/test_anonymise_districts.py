"""Districts, parts of cities and hospitals said by their short names (issue 13, places in captions).

The GeoNames town table lacks the council districts and the parts of cities people live in ("armley",
"splott", "easterhouse", "tameside"), and the hospital list lacked names said with a word of direction or a
county ("the northern general", "whipps cross"); a town said with a hospital's word after it ("salford royal")
lost only the town. Invented sentences, cased and as captions: what must go and what must stay.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest
from anon_support import redact_turns as redact

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers.spoken_places import hospital_name_spans, hospital_names, word_pair_towns
from cmo_coder.anonymise.layers.word_towns import word_towns
from cmo_coder.anonymise.layers.words import TOWN_FILES, name_lexicon, place_names, said_forms, town_lines, uk_towns
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.rest_of_place import rest_of_place


def gone(out: str, words: str) -> bool:
    return all(re.search(rf"(?i)(?<![\w'’-]){re.escape(w)}(?![\w-])", out) is None for w in words.split())


def _district_lines() -> list[str]:
    text = resources.files("cmo_coder.data").joinpath("uk_districts.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


# ------------------------------------------------------------------------------------------------ the list
def test_the_district_list_names_its_sources_and_is_read_with_the_towns() -> None:
    text = resources.files("cmo_coder.data").joinpath("uk_districts.txt").read_text(encoding="utf-8")
    header = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    assert "Open Government Licence" in header and "general knowledge" in header
    assert "uk_districts.txt" in TOWN_FILES
    assert set(_district_lines()) <= set(town_lines())


def test_no_district_is_a_name_people_bear_or_a_twin_name() -> None:
    names = name_lexicon("all")
    lines = _district_lines()
    assert len(lines) == len(set(lines)) >= 250
    assert not [n for n in lines if n.lower() in names]
    assert not [n for n in lines if " and " in n or "," in n]


@pytest.mark.parametrize("district", ["armley", "splott", "easterhouse", "trafford", "levenshulme", "merthyr",
                                      "lurgan", "wirral", "southwark", "gurnos", "harehills", "byker"])
def test_districts_are_listed_places(district: str) -> None:
    assert district in place_names()


@pytest.mark.parametrize("word", ["eden", "walker", "clifton", "poplar", "highland", "manor", "bow", "angus",
                                  "westminster"])
def test_districts_that_are_words_names_or_the_government_are_no_listed_place(word: str) -> None:
    assert word not in uk_towns()


def test_districts_of_two_everyday_words_are_read_only_as_pairs() -> None:
    assert {"moss side", "small heath", "tower hamlets"} <= word_pair_towns()
    assert not {"moss side", "small heath", "tower hamlets"} & place_names()


def test_districts_that_are_words_are_read_in_a_frame_of_residence() -> None:
    assert {"moray", "tooting"} <= word_towns()


# ------------------------------------------------------------------------------------------------ hospitals
@pytest.mark.parametrize("name", ["northern general", "western general", "whipps cross", "furness general",
                                  "northwick park", "clatterbridge"])
def test_more_hospitals_by_their_short_name(name: str) -> None:
    assert name in hospital_names()


@pytest.mark.parametrize(("text", "name"), [
    ("she's in the northern general now they moved her last night", "northern general"),
    ("we spent the whole night at whipps cross with him", "whipps cross"),
    ("they sent her over to the western general for the scan", "western general"),
    ("she had the baby at furness general in the end", "furness general"),
])
def test_a_hospital_by_its_short_name_in_captions(text: str, name: str) -> None:
    assert [text[s:e] for s, e in hospital_name_spans(text, True)] == [name]


@pytest.mark.parametrize("text", [
    "the northern general manager rang about the contract",
    "he was a southern general in the war my granddad said",
    "in the western general election they all voted",
])
def test_a_word_of_direction_and_general_not_said_as_a_hospital_stays(text: str) -> None:
    assert hospital_name_spans(text, True) == []


def test_a_hospital_word_after_a_removed_town_makes_one_hospital() -> None:
    text = "she was in salford royal for three weeks"
    town = Candidate(11, 18, "city", "places", 0.75, "UK place list")
    got = [(text[c.start:c.end], c.category) for c in rest_of_place(text, [town])]
    assert got == [("salford royal", "hospital")]


@pytest.mark.parametrize("text", [
    "the salford general election was a mess",
    "she works for salford royal mail on the sorting",
    "the salford general manager said no",
])
def test_a_hospital_word_that_goes_on_as_a_phrase_stays_a_word(text: str) -> None:
    s = text.index("salford")
    town = Candidate(s, s + len("salford"), "city", "places", 0.75, "UK place list")
    assert [c for c in rest_of_place(text, [town]) if c.category == "hospital"] == []


# ------------------------------------------------------------------------------------------------ whole pipeline
REMOVED = [
    (["We moved to Splott when the kids were small and it's been fine.", "Yeah?"], "Splott"),
    (["I grew up in Armley, my mum still lives there.", "Right."], "Armley"),
    (["My sister's in Merthyr with her two, I don't see her much.", "Okay."], "Merthyr"),
    (["She grew up in Moss Side and then they moved out.", "Right."], "Moss Side"),
    (["He's been in Easterhouse his whole life, never left.", "Okay."], "Easterhouse"),
    (["They put us in a flat in Levenshulme above the chippy.", "Right."], "Levenshulme"),
    (["We were living in Tower Hamlets at the time, in a tiny flat.", "Okay."], "Tower Hamlets"),
    (["We went down to Selly Oak for the day with the kids.", "Nice."], "Selly Oak"),
    (["She's from Gorbals originally, came down for the work.", "Right."], "Gorbals"),
    (["She's in the Northern General now, they moved her last night.", "Oh no."], "Northern"),
    (["We spent the whole night at Whipps Cross with him.", "Right."], "Whipps Cross"),
    (["She was in Salford Royal for three weeks after the stroke.", "Oh."], "Salford Royal"),
]


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("turns", "name"), REMOVED)
def test_districts_and_hospitals_nobody_registered_are_removed(anon: Anonymiser, turns: list[str], name: str,
                                                               lower: bool) -> None:
    assert gone(redact(anon, turns, lower), name)


KEPT = [
    (["The northern general manager rang about the contract on Monday.", "Okay."], "northern general manager"),
    (["He was a southern general in the war, my granddad said.", "Right."], "southern general"),
    (["The moss side of the stone was wet after the rain.", "Yeah."], "moss side"),
    (["We walked through small heath land up by the reservoir.", "Okay."], "small heath land"),
    (["Partick Thistle won on Saturday, he was made up.", "Ha."], "partick thistle"),
    (["He plays the fife in the pipe band on a Sunday.", "Nice."], "fife"),
    (["The Salford general election was a mess, nobody voted.", "Ha."], "general election"),
    (["They had three rivers to cross on the walk, it was hard going.", "Wow."], "three rivers"),
    (["We walked to the meadows and back with the dog after tea.", "Nice."], "the meadows"),
    (["She's from Gorbals originally, came down for the work.", "Right."], "came down"),
]


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("turns", "phrase"), KEPT)
def test_words_and_public_names_beside_districts_stay(anon: Anonymiser, turns: list[str], phrase: str,
                                                      lower: bool) -> None:
    assert phrase in redact(anon, turns, lower).lower()


# ------------------------------------------------------------------------------------------------ dictionary towns
@pytest.mark.parametrize("town", ["woking", "telford", "worthing", "wigan", "croydon", "crawley", "penistone",
                                  "witney", "staines", "gorbals"])
def test_a_town_the_dictionary_holds_but_speech_never_writes_in_lower_case_is_listed(town: str) -> None:
    assert town in uk_towns() and town in place_names()


@pytest.mark.parametrize("word", ["abridge", "camber", "hurst", "pinner", "woodside", "chesterfield", "barbican",
                                  "reading", "bath", "street", "march", "wells", "deal", "settle"])
def test_a_town_that_is_a_word_people_say_stays_off_the_list(word: str) -> None:
    assert word not in uk_towns()


@pytest.mark.parametrize(("turns", "town"), [
    (["We had a day out in Woking with the kids last week.", "Nice."], "Woking"),
    (["He drives up from Penistone every morning for the shift.", "Right."], "Penistone"),
    (["My nan's in a home in Witney now, near my auntie.", "Okay."], "Witney"),
])
@pytest.mark.parametrize("lower", [False, True])
def test_a_dictionary_town_is_removed(anon: Anonymiser, turns: list[str], town: str, lower: bool) -> None:
    assert gone(redact(anon, turns, lower), town)


@pytest.mark.parametrize(("turns", "phrase"), [
    (["They had to abridge the report for the board meeting.", "Okay."], "abridge"),
    (["The road has a steep camber on the bend by the farm.", "Right."], "camber"),
    (["She was reading the paper in the garden all morning.", "Nice."], "reading"),
])
@pytest.mark.parametrize("lower", [False, True])
def test_the_words_stay(anon: Anonymiser, turns: list[str], phrase: str, lower: bool) -> None:
    assert phrase in redact(anon, turns, lower).lower()


@pytest.mark.parametrize("town", ["st albans", "haywards heath", "leighton buzzard", "herne bay", "selly oak"])
def test_a_pair_with_a_word_speech_never_writes_in_lower_case_is_listed(town: str) -> None:
    assert town in uk_towns()


@pytest.mark.parametrize("pair", ["crawley down", "notting hill", "grange hill", "moss side", "new mills"])
def test_a_pair_with_a_stop_word_a_public_name_or_only_words_said_stays_off_the_list(pair: str) -> None:
    assert pair not in uk_towns()


@pytest.mark.parametrize("lower", [False, True])
def test_a_pair_town_is_removed(anon: Anonymiser, lower: bool) -> None:
    out = redact(anon, ["We moved out to Haywards Heath when the baby came along.", "Nice."], lower)
    assert gone(out, "Haywards Heath")


# ------------------------------------------------------------------------------------------------ said forms
@pytest.mark.parametrize(("published", "said"), [("Saint Neots", ["St Neots"]), ("Berwick-upon-Tweed", ["Berwick"]),
                                                 ("Stockton-on-Tees", ["Stockton"]), ("Leeds", []),
                                                 ("Saint Davids", []), ("Saint Peters", [])])
def test_the_forms_speech_gives_a_town_named_in_full(published: str, said: list[str]) -> None:
    assert said_forms(published) == said


@pytest.mark.parametrize("town", ["st neots", "st ives", "berwick", "stockton"])
def test_said_forms_are_listed(town: str) -> None:
    assert town in uk_towns()


@pytest.mark.parametrize("day", ["st davids", "st andrews", "st peters", "st stephen", "st agnes"])
def test_a_saint_named_by_a_given_name_is_no_said_form(day: str) -> None:
    assert day not in uk_towns()


@pytest.mark.parametrize("lower", [False, True])
def test_a_said_form_is_removed_and_a_saints_day_stays(anon: Anonymiser, lower: bool) -> None:
    assert gone(redact(anon, ["My brother moved to St Neots for the job last spring.", "Right."], lower), "Neots")
    out = redact(anon, ["We always do something for St David's Day at the group.", "Nice."], lower)
    assert "david" in out.lower()


@pytest.mark.parametrize(("text", "head"), [("number nine pendle view", "view"), ("she lives on salford road", "road")])
def test_a_street_head_after_a_removed_town_types_the_whole_a_street(text: str, head: str) -> None:
    s = text.index(text.split()[-2])
    town = Candidate(s, s + len(text.split()[-2]), "city", "places", 0.75, "UK place list")
    got = [(text[c.start:c.end], c.category) for c in rest_of_place(text, [town])]
    assert got == [(f"{text.split()[-2]} {head}", "street")]


def test_a_head_of_another_kind_after_a_removed_town_keeps_the_towns_type() -> None:
    text = "she goes to salford house on a monday"
    town = Candidate(12, 19, "city", "places", 0.75, "UK place list")
    assert [(text[c.start:c.end], c.category) for c in rest_of_place(text, [town])] == [("salford house", "city")]
