"""Postcode districts read from the turn's runs of letters: the two gates before the postcode patterns answer as
the patterns they stand in front of.

``postcodes._says_a_number`` stands for the search of ``_ANY_NUMBER`` (a digit or a number word) and
``town_district_spans`` passes by a turn of plain ASCII that says no post town's first word. Each is checked on
generated turns drawn from the layer's own words (number words, post towns, area letters, the cues around them)
with filler, odd spaces, punctuation and letters outside ASCII that a case-blind pattern matches ("ſ", the Kelvin
sign), cased, lower-cased and upper-cased: the gate lets through every turn the pattern finds something in, and
the layer with its gates forced open finds the same. Invented turns where a district must be found are found;
ordinary counts stay. Every sentence here is invented for the project.
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers import postcodes
from tests.fuzzing import fuzz_settings

_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "-", "'", "’", "\n", "\t", "  ", "!", "", "_", "3"])
_ODD = ["ſix", "ſeven", "\u212aent", "one_", "_two", "4th", "twenty-one", "tw0", "ninety\u00a0nine", "café", "naïve"]


def _towns() -> list[str]:
    towns = sorted(postcodes._town_districts()[1])
    return towns[:: max(1, len(towns) // 25)] + [t for t in towns if " " in t or "-" in t or "'" in t][:8]


def _vocabulary() -> list[str]:
    return [*_towns(), *postcodes._UNITS, *postcodes._TEENS[:4], *postcodes._TENS[:4], "zero", "nought", "oh",
            "ls", "l s", "b t", "m", "s", "ky", "we live in", "near", "moved to", "postcode", "the", "area", "round",
            "years", "kids", "a", "i", "yeah", "someone", "6", "12", "47", "7", *_ODD]


def _turns(most: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(_vocabulary()), _SEPARATORS), min_size=1, max_size=most).map(
        lambda parts: "".join(w + s for w, s in parts))


def _casings(text: str) -> list[str]:
    return [text, text.lower(), text.upper(), text.title()]


def _open() -> mock._patch[object]:
    """Both gates forced open: every turn is read by the patterns, as before the gates."""
    return mock.patch.object(postcodes, "says_any", lambda text, triggers: True)


@pytest.mark.fuzz
@fuzz_settings(400)
@given(_turns())
@example("we live in ſix oaks")
@example("\u212aent 4")
@example("she's one_ of them")
def test_the_number_gate_lets_through_every_turn_the_pattern_finds_a_number_in(text: str) -> None:
    for turn in _casings(text):  # the gate may let more through ("one_"): the patterns after it decide those
        assert postcodes._says_a_number(turn) or not postcodes._ANY_NUMBER.search(turn), turn


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.text(alphabet=st.sampled_from("onetwsixvhuzrgO ſK\u212a'’-_1.,\n"), max_size=30))
def test_the_number_gate_on_arbitrary_text(text: str) -> None:
    assert postcodes._says_a_number(text) or not postcodes._ANY_NUMBER.search(text)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(_turns())
@example("we live in stoke-on-trent 4 now")
@example("we moved to st albans three years ago")
def test_the_town_gate_finds_what_the_pattern_finds(text: str) -> None:
    for turn in _casings(text):
        gated = postcodes.town_district_spans(turn)
        with _open():
            assert postcodes.town_district_spans(turn) == gated, turn


@pytest.mark.fuzz
@fuzz_settings(200)
@given(_turns())
def test_postcode_spans_are_the_same_with_the_gates_open(text: str) -> None:
    for turn in _casings(text):
        gated = postcodes.postcode_spans(turn)
        with _open(), mock.patch.object(postcodes, "_says_a_number",
                                        lambda t: postcodes._ANY_NUMBER.search(t) is not None):
            assert postcodes.postcode_spans(turn) == gated, turn


def test_every_town_first_word_is_a_run_of_letters_of_the_town() -> None:
    firsts = postcodes._town_first_words()
    for town in postcodes._town_districts()[1]:
        assert any(town.startswith(w) for w in firsts), town
    assert {"leeds", "stoke", "st"} <= firsts


@pytest.mark.parametrize("turn, said", [
    ("We live in Leeds 6 now.", "Leeds 6"),
    ("we live in leeds six now", "leeds six"),
    ("we moved to Stoke-on-Trent 4 last year", "Stoke-on-Trent 4"),
    ("they're round ls six", "ls six"),
    ("my postcode is LS6 2AB", "LS6 2AB"),
])
def test_districts_are_still_found(turn: str, said: str) -> None:
    assert said in [turn[a:b] for a, b in postcodes.postcode_spans(turn)]


@pytest.mark.parametrize("turn", [
    "I've got two kids and three grandchildren.",
    "it was about six or seven years ago",
    "Leeds won six nil on Saturday",
    "yeah",
    "we went to the café twice",
])
def test_ordinary_counts_stay(turn: str) -> None:
    assert postcodes.postcode_spans(turn) == []
