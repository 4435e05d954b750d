"""The seventh speed pass's faster ways answer exactly what the plain ways they replace answer.

Each is checked against a straightforward reference on generated input and on invented cases,
as :mod:`tests.test_anonymise_speed_sixth` does for the pass before.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers import world_places
from tests.fuzzing import fuzz_settings


# ------------------------------------------------------------------------------ world places, grouped by first letter
def _plain_world_pattern() -> re.Pattern[str]:
    """The world places' pattern as it was built before: one alternation of every listed name, in length order."""
    names = sorted(world_places.world_places(), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace("'", "['’]?") for n in names)
    return re.compile(r"(?i)(?<![\w'’.-])(?P<the>the\s+)?(?P<name>" + body + r")(?![\w-])(?!['’]\w\w)")


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[int, int], str | None]]:
    return [(m.span(), m.span("name"), m.group("the")) for m in pattern.finditer(text)]


_LISTED = sorted(world_places.world_places())
place_words = st.sampled_from([*_LISTED[::7], "the", "The", "we went to", "she lives in", "Road", "'s", "x", "-",
                               "  ", "\n", ".", "new", "south", "isle", "st", "los", "Costa", "del"])
casing = st.sampled_from([str, str.lower, str.upper, str.title])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.tuples(place_words, casing, st.sampled_from([" ", "", "-", ", ", " the "])), max_size=12))
@example([("new zealand", str.title, " "), ("the", str, " "), ("gambia", str, ".")])
def test_world_places_are_found_as_the_plain_alternation_finds_them(parts: list[tuple[str, object, str]]) -> None:
    text = "".join(case(word) + sep for word, case, sep in parts)  # type: ignore[operator]
    assert _matches(world_places._pattern(), text) == _matches(_plain_world_pattern(), text)


def test_world_places_on_invented_turns_cased_and_as_captions() -> None:
    plain = _plain_world_pattern()
    turns = [
        "We went to Tenerife last year, then the Algarve, and her son emigrated to New Zealand.",
        "he's from Zambia originally, Lusaka, and his mate Georgia said she'd been to the States",
        "the Bali Lounge on Kenya Road does a good curry, better than anything in Costa del Sol",
        "it's like benidorm in there on a friday, proper like magaluf",
        *(f"a week in {n} and then {n.upper()}, {n.title()}'s lovely." for n in _LISTED[::11]),
    ]
    for turn in turns:
        for text in (turn, turn.lower()):
            assert _matches(world_places._pattern(), text) == _matches(plain, text), text
    assert world_places.world_place_spans("We went to Tenerife last year.") == [(11, 19)]
