"""Quote location returns spans of the original text whatever tolerance was needed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.textmatch import MatchKind, locate, normalise

TEXT = "She said “we never   talked”\nto the team. Then it changed, and later… nobody came back."


def spans(quote):
    return [(m.kind, TEXT[m.start:m.end]) for m in locate(TEXT, quote)]


def test_exact_first():
    assert spans("to the team") == [(MatchKind.exact, "to the team")]


def test_case_whitespace_and_quote_marks():
    assert spans('"We never talked" to the TEAM') == [(MatchKind.normalised, "“we never   talked”\nto the team")]


def test_ellipsis_joins_fragments_in_order():
    assert spans("Then it changed ... nobody came back") == [
        (MatchKind.fragments, "Then it changed, and later… nobody came back")
    ]
    assert spans("nobody came back ... Then it changed") == []


def test_every_candidate_is_returned():
    assert len(locate("the team and the team", "THE team")) == 2


def test_missing_and_blank():
    assert locate(TEXT, "the board") == []
    assert locate(TEXT, "   ") == []


@given(st.text(min_size=1, max_size=300), st.data())
def test_a_located_span_always_normalises_to_the_quote(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    variant = data.draw(st.sampled_from([quote, quote.upper(), " ".join(quote.split())]))
    if variant.casefold() != quote.casefold() and variant != " ".join(quote.split()):
        variant = quote  # a few scripts do not round-trip through upper()
    matches = locate(text, variant)
    if normalise(variant).text:
        assert matches, (text, variant)
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        if m.kind is not MatchKind.fragments:
            assert normalise(text[m.start:m.end]).text == normalise(variant).text
