"""Properties of what the pages are built from: search hits slice exactly to their text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.web.views import search_pattern
from tests.fuzzing import fuzz_settings

TEXT = st.text(alphabet=st.sampled_from(list("ab cé\n😀[]<>&\"'")), min_size=1, max_size=60)


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
