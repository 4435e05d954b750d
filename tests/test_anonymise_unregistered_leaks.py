"""Names nobody registered that the layers left, and placeholders that read wrongly (issue 13, classes 3–5).

A neighbour called by a title and a surname that is a word or a public figure's ("mr marmot next door"), and a
given name that is a word opening a sentence with its possessive ("Carol's review of my care plan was late"),
were left in the text. A district went as "[city name]", a town that is a given name ("Barry") as "[name
removed]", a hospital's short name after a transfer ("came across from the Heath") as "[place name]", and "NI"
said as the nation was removed. Cases: ``tests/data/unregistered_leaks`` (tuning, and held back written before
the two name rules).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anon_support import as_captions, case_rows

from cmo_coder.anonymise.layers.neighbour_titles import said_of_a_neighbour
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.placeholders import placeholder_for

CASES = Path(__file__).parent / "data" / "unregistered_leaks"
HELD_BACK_MISSES = {"we did darwin and evolution at school."}
"""Held-back rows the code before this piece failed too and no rule of it reads: a scientist's surname that is a
listed place-and-given name. ("the room was tiny" is kept since an adjective after a verb of being is no longer
read as a given name in captions: ``layers/ner.py``'s ``_BEING``.)"""


def _rows(name: str) -> list[tuple[str, str, str]]:
    return case_rows(CASES / name)


def _check(anon: Anonymiser, kind: str, name: str, sentence: str) -> None:
    for casing, text in (("cased", sentence), ("captions", as_captions(sentence))):
        out = redact_text(anon, text, open_items=True)
        present = re.search(rf"(?i)(?<![\w'’]){re.escape(name)}(?![\w-])", out) is not None
        assert present is (kind == "stay"), f"{casing}: {out}"


@pytest.mark.parametrize(("kind", "name", "sentence"), _rows("tuning.tsv"))
def test_tuning_cases(anon: Anonymiser, kind: str, name: str, sentence: str) -> None:
    _check(anon, kind, name, sentence)


@pytest.mark.parametrize(("kind", "name", "sentence"), [
    pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason="left: no rule of this piece reads it"))
    if row[2] in HELD_BACK_MISSES else row for row in _rows("heldback.tsv")])
def test_held_back_cases(anon: Anonymiser, kind: str, name: str, sentence: str) -> None:
    _check(anon, kind, name, sentence)


@pytest.mark.parametrize(("kind", "name", "sentence"), _rows("after_rules.tsv"))
def test_cases_written_after_the_rules_as_written(anon: Anonymiser, kind: str, name: str, sentence: str) -> None:
    """Cased only: in captions a possessive opening a sentence is no cue yet (left, see the benchmarks' notes)."""
    out = redact_text(anon, sentence, open_items=True)
    assert (re.search(rf"(?i)(?<![\w'’]){re.escape(name)}(?![\w-])", out) is not None) is (kind == "stay"), out


def test_the_case_lists_are_large_enough() -> None:
    held = _rows("heldback.tsv")
    assert sum(k == "go" for k, _, _ in held) >= 10 and sum(k == "stay" for k, _, _ in held) >= 8


# ------------------------------------------------------------------------------------------- a neighbour
@pytest.mark.parametrize("text", ["mr marmot next door said", "old mrs curie was there", "mrs finch at number six",
                                  "mr crane two doors down", "mrs hawk across the road"])
def test_a_title_with_a_neighbours_place_is_said_of_a_neighbour(text: str) -> None:
    m = re.search(r"(?:mr|mrs) (\w+)", text)
    assert m is not None
    assert said_of_a_neighbour(text, m.start(1), m.end(1))


@pytest.mark.parametrize("text", ["mr marmot said on the news", "sister ward next door", "i miss dancing upstairs",
                                  "dr finch next door"])
def test_a_title_without_one_or_another_title_is_not(text: str) -> None:
    m = re.search(r"(?:mr|sister|miss|dr) (\w+)", text)
    assert m is not None
    assert not said_of_a_neighbour(text, m.start(1), m.end(1))


@pytest.mark.parametrize("text", ["Sky's broadband kept dropping out.", "Nando's chicken is all he eats.",
                                  "Addison's disease was missed for years.", "Bell's palsy left my face drooping."])
def test_a_brand_or_an_eponym_opening_a_sentence_stays(anon: Anonymiser, text: str) -> None:
    assert redact_text(anon, text, open_items=True) == text


# ------------------------------------------------------------------------------------------- placeholders
def _placeholder(category: str, text: str, surface: str) -> str:
    start = text.index(surface)
    return placeholder_for(category, surface, text, start)


@pytest.mark.parametrize(("text", "surface"), [("an address in Grangetown.", "Grangetown"),
                                               ("the choir in Butetown", "Butetown"), ("grew up in Splott", "Splott")])
def test_a_district_is_an_area_not_a_city(text: str, surface: str) -> None:
    assert _placeholder("city", text, surface) == "[area name]"
    assert _placeholder("city", "we live in Leeds now", "Leeds") == "[city name]"


@pytest.mark.parametrize(("text", "surface"), [("the docks in Barry after a week", "Barry"),
                                               ("ninety-one, from Ely.", "Ely"), ("she grew up in Barry", "Barry")])
def test_a_town_named_as_a_person_is_a_place_where_a_place_stands(text: str, surface: str) -> None:
    assert _placeholder("person", text, surface) == "[place name]"


@pytest.mark.parametrize(("text", "surface"), [("I got a card from Barry", "Barry"), ("I talked to Barry", "Barry"),
                                               ("in Dawn's room", "Dawn's")])
def test_a_person_said_where_a_person_stands_stays_a_name(text: str, surface: str) -> None:
    assert _placeholder("person", text, surface).startswith("[name removed]")


def test_a_hospitals_short_name_after_a_transfer_is_a_hospital() -> None:
    assert _placeholder("person", "came across from the Heath to the ward", "Heath") == "[hospital name]"
    assert _placeholder("place", "she was admitted to the Heath", "Heath") == "[hospital name]"
    assert _placeholder("person", "we send people down the Heath", "Heath") == "[place name]"


def test_the_nation_said_by_its_initials_stays(anon: Anonymiser) -> None:
    for text in ("The team in NI are short staffed.", "the team in ni are short staffed"):
        assert redact_text(anon, text, open_items=True) == text
