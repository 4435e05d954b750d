"""The residual list's look-ups answer exactly what a plain loop over every span and every name answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from cmo_coder.anonymise.lookup import CloseNames, Intervals
from tests.fuzzing import fuzz_settings

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(lambda t: (min(t), max(t)))
                 | st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


@pytest.mark.fuzz
@fuzz_settings(400)
@given(spans, st.integers(-2, 62), st.integers(-2, 62))
def test_intervals_answer_as_a_scan_does(found: list[tuple[int, int]], s: int, e: int) -> None:
    index = Intervals(found)
    assert index.overlaps(s, e) == any(a < e and s < b for a, b in found)
    assert index.holds(s) == any(a <= s < b for a, b in found)
    assert index.covers(s, e) == any(a <= s and e <= b for a, b in found)


def test_intervals_edges() -> None:
    index = Intervals([(5, 10), (20, 20)])
    assert not index.overlaps(0, 5) and not index.overlaps(10, 15)  # touching is not overlapping
    assert index.overlaps(9, 11) and index.overlaps(0, 100)
    assert index.holds(5) and index.holds(9) and not index.holds(10) and not index.holds(20)
    assert not Intervals([]).overlaps(0, 1) and not Intervals([]).holds(0)
    assert index.covers(5, 10) and index.covers(6, 9) and not index.covers(4, 6) and not index.covers(9, 11)
    assert index.covers(20, 20) and not Intervals([]).covers(0, 0)


words = st.text(alphabet="abcdeilmnorsy'-", min_size=0, max_size=10)


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(words, max_size=15), st.lists(words, min_size=1, max_size=8))
def test_close_names_answer_as_a_loop_over_every_name_does(names: list[str], asked: list[str]) -> None:
    close = CloseNames(names, 80)
    for word in asked + asked:  # asked twice: the remembered answer is the same answer
        assert close(word) == (max((fuzz.ratio(word, v) for v in set(names)), default=0) >= 80)


def test_close_names_at_the_threshold() -> None:
    # "marian" vs "marion": 10 of 12 characters kept, ratio 83.3; "sandra"/"sondro": 66.7; exactly 80 counts
    assert CloseNames(["marion"])("marian")
    assert not CloseNames(["sondro"])("sandra")
    assert fuzz.ratio("abcde", "abcdx") == 80 and CloseNames(["abcdx"])("abcde")
    assert not CloseNames([])("anything")
