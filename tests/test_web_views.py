"""Properties of what the pages are built from: segments and search hits slice exactly to their text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.model import Coding
from cmo_coder.web.views import _segments, search_pattern
from tests.fuzzing import fuzz_settings

TEXT = st.text(alphabet=st.sampled_from(list("ab cé\n😀[]<>&\"'")), min_size=1, max_size=60)


def _coding(i: int, text: str, start: int, end: int, component: str | None) -> Coding:
    return Coding(id=f"k{i}", transcript_id="t", start=start, end=end, text=text[start:end], pt="PT1",
                  component=component, stance="supports", coder="x")


@st.composite
def text_and_codings(draw: st.DrawFn) -> tuple[str, int, int, list[Coding]]:
    text = draw(TEXT)
    lo = draw(st.integers(0, len(text) - 1))
    hi = draw(st.integers(lo + 1, len(text)))
    codings = []
    for i in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        comp = draw(st.sampled_from([None, "context", "outcome"]))
        codings.append(_coding(i, text, start, end, comp))
    return text, lo, hi, codings


@fuzz_settings(200)
@given(text_and_codings())
def test_segments_tile_the_block_and_slice_exactly(case: tuple[str, int, int, list[Coding]]) -> None:
    text, lo, hi, codings = case
    segments = _segments(text, lo, hi, codings)
    assert "".join(s.text for s in segments) == text[lo:hi]
    assert segments[0].start == lo and segments[-1].end == hi
    for a, b in zip(segments, segments[1:], strict=False):
        assert a.end == b.start
    for s in segments:
        assert s.text == text[s.start:s.end] and s.start < s.end
        assert set(s.codings) == {c.id for c in codings if c.start < s.end and c.end > s.start}
        assert all(c.start <= s.start and s.end <= c.end for c in codings if c.id in s.codings)


WORDS = st.lists(st.sampled_from(["plan", "Plan", "joint", "assessment", "a", "é", "😀", "x-y"]), min_size=1,
                 max_size=8)


@fuzz_settings(200)
@given(WORDS, st.sampled_from([" ", "  ", "\n", " \n "]), st.sampled_from(["plan", "joint assessment", "é", "x-y"]))
def test_search_hits_are_whole_words_and_slice_exactly(words: list[str], gap: str, query: str) -> None:
    text = gap.join(words)
    pattern = search_pattern(f'"{query}"')
    assert pattern is not None
    for m in pattern.finditer(text):
        hit = text[m.start():m.end()]
        assert " ".join(hit.split()).lower() == query.lower()
        assert m.start() == 0 or not text[m.start() - 1].isalnum()
        assert m.end() == len(text) or not text[m.end()].isalnum()
    expected = " ".join(words).lower().split().count(query.lower()) if " " not in query else None
    if expected is not None and "-" not in query:
        assert len(list(pattern.finditer(text))) == expected


def test_empty_queries_match_nothing() -> None:
    assert search_pattern("") is None and search_pattern('""') is None and search_pattern("   ") is None
