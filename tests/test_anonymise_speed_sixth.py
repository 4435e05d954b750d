"""The sixth speed pass's faster ways answer exactly what the plain ways they replace answer.

Each is checked against a straightforward reference on generated input and on invented cases,
as :mod:`tests.test_anonymise_speed_equivalence` does for the passes before.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers import public_figures, public_named_bodies
from cmo_coder.anonymise.lookup import by_first_letter
from tests.fuzzing import fuzz_settings

# ------------------------------------------------------------------------------ a digit leads a group
name_words = st.text(alphabet="aAbB09'’-", min_size=1, max_size=4)
names = st.lists(st.lists(name_words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=10)
noise = st.sampled_from([" ", "  ", "\n", ", ", "-", "'", "x", "1", "a"])


@pytest.mark.fuzz
@fuzz_settings(300)
@given(names, st.lists(st.tuples(st.integers(0, 20), noise), max_size=15), st.booleans())
@example(["0a b", "0a", "a0"], [(0, " "), (1, ", "), (2, "1")], True)
@example(["12 Steps", "1a"], [(0, " "), (1, " ")], False)
def test_alternatives_led_by_digits_match_as_the_plain_alternation(found: list[str], parts: list[tuple[int, str]],
                                                                   ignore_case: bool) -> None:
    alternatives = [public_figures._name_regex(n) for n in sorted(set(found), key=lambda n: (-len(n), n))]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return
    flags = re.IGNORECASE if ignore_case else 0
    plain = re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w-])", flags)
    grouped = re.compile(r"(?<![\w'’-])(?:" + by_first_letter(alternatives, ignore_case) + r")(?![\w-])", flags)
    said = found + [n.upper() for n in found] + [n.lower() for n in found]
    text = "".join(said[i % len(said)] + sep for i, sep in parts)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_digit_leads_a_group_and_odd_heads_still_fall_back() -> None:
    assert by_first_letter([r"12\s+Steps", "ab", "1a"], True) == r"1(?:2\s+Steps|a)|a(?:b)"
    for odd in (["ab", r"\d"], ["ab", "1?b"], ["ab", "x|y"], ["ab", "éa"], ["ab", "٣a"]):
        assert by_first_letter(odd, True) == "|".join(odd)


def test_listed_bodies_are_found_as_the_plain_alternation_finds_them() -> None:
    """The real list (853 names, one led by a digit) on invented turns, cased and as captions."""
    listed = public_named_bodies.listed_body_names()
    plain = re.compile(r"(?<![\w'’-])(?:" + "|".join(public_figures._name_regex(n) for n in listed)
                       + r")(?![\w-])", re.IGNORECASE)
    turns = [
        "I went to the 12 Steps meeting and then Al-Anon, my cousin Deri Malone came too.",
        "she rang the Nuffield Trust and the Howard League about it, then the Terrence Higgins Trust",
        "we did the 12 steps thing at the church hall and 112 steps up to the flat",
        "Carol Black and the Paul Hamlyn Foundation funded it, said Ms Ifeoma Tansley",
        *(f"we had {n} round and {n.lower()} again, {n.upper()}." for n in listed[::17]),
    ]
    for turn in turns:
        got = public_named_bodies.listed_body_spans(turn)
        assert got == [m.span() for m in plain.finditer(turn)], turn
    assert public_named_bodies.listed_body_spans("off to the 12 Steps group") == [(11, 19)]
