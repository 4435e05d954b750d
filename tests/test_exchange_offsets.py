"""Offsets between code points over LF text and what REFI targets count (NVivo: UTF-16, CR LF)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.errors import CmoError
from cmo_coder.exchange.offsets import CrlfIndex, Utf16Index, canonical, rewrite_segments, to_crlf
from cmo_coder.exchange.textprep import Profile, prepare

alphabet = st.sampled_from(list("ab \n\té") + ["😊", "👍", "𝄞", "—", "e\u0301"])
texts = st.lists(alphabet, max_size=60).map("".join)


@given(texts, st.data())
def test_utf16_round_trip(text: str, data: st.DataObject) -> None:
    idx = Utf16Index(text)
    i = data.draw(st.integers(0, len(text)))
    u = idx.to_utf16(i)
    assert u == len(text[:i].encode("utf-16-le")) // 2
    assert idx.to_codepoint(u) == i


def test_utf16_refuses_inside_surrogate_pair() -> None:
    idx = Utf16Index("a😊b")
    assert idx.to_utf16(2) == 3
    with pytest.raises(ValueError, match="surrogate"):
        idx.to_codepoint(2)


@given(texts, st.data())
def test_crlf_index_matches_replacement(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    assert CrlfIndex(text).to_crlf(i) == len(to_crlf(text[:i]))


@given(texts, st.lists(st.integers(0, 60), max_size=8))
def test_rewrite_segments_keeps_every_boundary_exact(text: str, cuts: list[int]) -> None:
    out, mapping = rewrite_segments(text, cuts, canonical)
    points = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    for a, b in zip(points, points[1:], strict=False):
        assert out[mapping[a]:mapping[b]] == canonical(text[a:b])


@given(st.lists(alphabet, min_size=1, max_size=60).map("".join), st.data())
def test_prepared_spans_slice_the_written_text_in_both_profiles(text: str, data: st.DataObject) -> None:
    text = canonical(text)
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    for profile in Profile:
        prepared = prepare(text, [s, e], profile)
        ps, pe = prepared.check(s, e, text[s:e], "test")
        if profile is Profile.nvivo:
            got = prepared.written.encode("utf-16-le")[2 * ps:2 * pe].decode("utf-16-le")
            assert got == to_crlf(text[s:e])
        else:
            assert prepared.written[ps:pe] == text[s:e]


def test_prepared_check_catches_a_wrong_quote() -> None:
    prepared = prepare("one two three", [4, 7], Profile.refi)
    with pytest.raises(CmoError, match="export stopped"):
        prepared.check(4, 7, "tw0", "coding x")


def test_nvivo_counts_emoji_and_line_breaks_twice() -> None:
    text = "hi 😊\nthere"
    start = text.index("there")
    prepared = prepare(text, [start, len(text)], Profile.nvivo)
    # "hi " 3 + emoji 2 + CR LF 2 = 7 units before "there"
    assert prepared.position(start) == 7
    assert prepared.check(start, len(text), "there", "t") == (7, 12)
    assert prepared.written == "hi 😊\r\nthere"
