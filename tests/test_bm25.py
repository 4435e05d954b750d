"""Okapi BM25 (cmo_coder.query.bm25) against scores worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.query.bm25 import Okapi

# three documents, 6 terms in all: avgdl = 2
DOCS = [["a", "b"], ["a"], ["c", "c", "a"]]


def test_scores_match_a_hand_computed_example():
    bm = Okapi(DOCS, k1=1.2, b=0.75)
    # "b" is in one document of three: idf = ln(1 + 2.5 / 1.5) = ln(8/3); doc 0 has the average length, so its
    # term part is 1 · 2.2 / (1 + 1.2) = 1
    assert bm.scores(["b"]) == pytest.approx([math.log(8 / 3), 0.0, 0.0])
    # "a" is in every document: idf = ln(1 + 0.5 / 3.5) = ln(8/7); term parts 2.2 / (1 + 1.2 · (0.25 + 0.75 · |d|/2))
    idf_a = math.log(8 / 7)
    expected = [idf_a * 2.2 / 2.2, idf_a * 2.2 / 1.75, idf_a * 2.2 / 2.65]
    assert bm.scores(["a"]) == pytest.approx(expected)
    # "c" twice in a long document: saturated, 2 · 2.2 / (2 + 1.65); idf = ln(8/3)
    assert bm.scores(["c"])[2] == pytest.approx(math.log(8 / 3) * 4.4 / 3.65)
    # a query sums its distinct terms; repeating one adds nothing
    assert bm.scores(["a", "b"]) == pytest.approx(bm.scores(["a"]) + bm.scores(["b"]))
    assert bm.scores(["b", "b"]) == pytest.approx(bm.scores(["b"]))


def test_b_zero_ignores_length_and_k1_zero_ignores_repetition():
    flat = Okapi(DOCS, k1=1.2, b=0.0)
    assert flat.scores(["a"]) == pytest.approx([math.log(8 / 7)] * 3)
    binary = Okapi(DOCS, k1=0.0, b=0.75)
    assert binary.scores(["c"])[2] == pytest.approx(math.log(8 / 3))


def test_normalised_divides_by_the_query_against_itself():
    bm = Okapi(DOCS)
    # the query as a 1-term document: term part 2.2 / (1 + 1.2 · (0.25 + 0.75 · 1/2)) = 2.2 / 1.75
    assert bm.self_score(["b"]) == pytest.approx(math.log(8 / 3) * 2.2 / 1.75)
    assert bm.normalised(["b"])[0] == pytest.approx(1.75 / 2.2)
    assert bm.normalised([]).tolist() == [0.0, 0.0, 0.0]
    assert bm.normalised(["zzz"]).tolist() == [0.0, 0.0, 0.0]  # an unknown term matches nothing


def test_empty_collection_and_bad_parameters():
    assert Okapi([]).scores(["a"]).shape == (0,)
    assert Okapi([[], []]).scores(["a"]).tolist() == [0.0, 0.0]
    with pytest.raises(ValueError, match="k1"):
        Okapi(DOCS, k1=-1)
    with pytest.raises(ValueError, match="b="):
        Okapi(DOCS, b=1.5)


terms_ = st.lists(st.sampled_from("abcdefg"), max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(terms_, min_size=1, max_size=6), terms_)
def test_scores_are_non_negative_deterministic_and_zero_without_shared_terms(docs, query):
    bm = Okapi(docs)
    s = bm.scores(query)
    assert (s >= 0).all()
    assert np.array_equal(s, Okapi(docs).scores(list(reversed(query))))  # order of the query's words is irrelevant
    for i, doc in enumerate(docs):
        if not set(doc) & set(query):
            assert s[i] == 0.0
