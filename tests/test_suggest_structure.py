"""Helpers of the structure round's benchmark (``benchmarks/suggest_structure.py``), on invented cases."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.suggest.crf import transition_scores
from cmo_coder.suggest.model import LABELS, NONE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from suggest_structure import DensityPrior, chain_decode, chain_marginals, scale_none, split  # noqa: E402

K = len(LABELS)


@st.composite
def probabilities(draw: st.DrawFn) -> tuple[np.ndarray, list[int]]:
    lengths = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    n = sum(lengths)
    raw = np.array(draw(st.lists(st.floats(0.01, 1.0), min_size=n * K, max_size=n * K))).reshape(n, K)
    return raw / raw.sum(axis=1, keepdims=True), lengths


@settings(max_examples=80, deadline=None)
@given(probabilities())
def test_without_transitions_decoding_is_the_clause_alone(case: tuple[np.ndarray, list[int]]) -> None:
    proba, lengths = case
    trans, start = transition_scores([[0, 1, 2], [3, 4]], K)
    decoded = chain_decode(proba, lengths, trans, start, weight=0.0)
    # each clause's most probable label; where labels tie (hypothesis drew four at 0.213), any of them
    best = proba.max(axis=1)
    assert len(decoded) == len(proba)
    assert all(np.isclose(proba[i, LABELS.index(label)], best[i], rtol=0, atol=1e-12)
               for i, label in enumerate(decoded))
    np.testing.assert_allclose(chain_marginals(proba, lengths, trans, start, weight=0.0), proba, atol=1e-9)


@settings(max_examples=80, deadline=None)
@given(probabilities(), st.floats(0.0, 2.0))
def test_chain_marginals_are_distributions(case: tuple[np.ndarray, list[int]], weight: float) -> None:
    proba, lengths = case
    trans, start = transition_scores([[0, 0, 1, 2], [3, 4, 0]], K)
    m = chain_marginals(proba, lengths, trans, start, weight)
    assert m.shape == proba.shape
    np.testing.assert_allclose(m.sum(axis=1), 1.0, atol=1e-9)


def test_transitions_tip_an_undecided_clause_towards_the_usual_order() -> None:
    """A clause torn between response and outcome, after a sure resource: a resource is usually followed by a
    response in training, so the chain says response."""
    mres, mresp, out = LABELS.index("mechanism_resource"), LABELS.index("mechanism_response"), LABELS.index("outcome")
    trans, start = transition_scores([[mres, mresp, out]] * 5 + [[out, 0]] * 5, K)
    proba = np.full((2, K), 0.01)
    proba[0, mres] = 0.96
    proba[1, mresp] = proba[1, out] = 0.485
    proba /= proba.sum(axis=1, keepdims=True)
    assert chain_decode(proba, [2], trans, start)[1] == "mechanism_response"
    # the clause alone is a tie the suggester's rule breaks towards the first component
    proba[1, out] += 1e-6
    assert [LABELS[j] for j in proba.argmax(axis=1)][1] == "outcome"
    assert chain_decode(proba, [2], trans, start)[1] == "mechanism_response"


def test_split_cuts_flat_labels_and_checks_lengths() -> None:
    assert split([NONE, "context", "outcome"], [2, 1]) == [[0, 1], [4]]
    with pytest.raises(ValueError):
        split([NONE], [2])


def test_scale_none_moves_only_none_and_keeps_distributions() -> None:
    proba = np.array([[0.5, 0.2, 0.1, 0.1, 0.1], [0.6, 0.1, 0.1, 0.1, 0.1], [0.4, 0.3, 0.1, 0.1, 0.1]])
    # first paragraph (2 clauses) predicted denser than the mean, second (1 clause) exactly at the mean
    out = scale_none(proba, [2, 1], predicted=[0.5, -1.0], mean=-1.0, strength=1.0)
    np.testing.assert_allclose(out.sum(axis=1), 1.0)
    assert (out[:2, 0] < proba[:2, 0]).all()
    np.testing.assert_allclose(out[2], proba[2])
    # the components keep their order among themselves
    assert (np.argsort(out[:2, 1:], axis=1) == np.argsort(proba[:2, 1:], axis=1)).all()
    np.testing.assert_allclose(scale_none(proba, [2, 1], [3.0, 3.0], -1.0, strength=0.0), proba)


#: invented paragraphs: findings prose tagged densely, method and signposting prose barely tagged
DENSE = ["Where the clinic was far away, the team offered home visits and families felt listened to.",
         "When managers protected time for supervision, staff felt supported and fewer of them left.",
         "Because the service was short of money, peer workers ran the groups and members kept coming.",
         "Where trust was low, the nurse called each week and residents felt safe to ask for help."]
SPARSE = ["Interviews took place in 2021 and lasted 45 minutes on average.",
          "Table 3 lists the 12 sites and the 64 people interviewed at each.",
          "Data were coded in 2022 by 2 researchers, as described in chapter 2.",
          "The 18 focus groups met between March and May at 6 of the sites."]


def _rows(texts: list[str], tagged_share: float) -> tuple[list[list[float]], list[float]]:
    shapes = [DensityPrior.shape(t, t.split(", "), int(tagged_share * 3)) for t in texts]
    return shapes, [DensityPrior.logit(int(tagged_share * 3), 3)] * len(texts)


def test_density_prior_tells_dense_paragraphs_from_sparse_ones() -> None:
    dense_shapes, dense_y = _rows(DENSE, 1.0)
    sparse_shapes, sparse_y = _rows(SPARSE, 0.0)
    prior = DensityPrior().fit(DENSE[:3] + SPARSE[:3], dense_shapes[:3] + sparse_shapes[:3],
                               dense_y[:3] + sparse_y[:3])
    z = prior.predict([DENSE[3], SPARSE[3]], [dense_shapes[3], sparse_shapes[3]])
    assert z[0] > z[1]
    assert prior.predict([], []).shape == (0,)
    # deterministic: the same fit gives the same answer
    again = DensityPrior().fit(DENSE[:3] + SPARSE[:3], dense_shapes[:3] + sparse_shapes[:3],
                               dense_y[:3] + sparse_y[:3])
    np.testing.assert_array_equal(again.predict([DENSE[3]], [dense_shapes[3]]), z[:1])


def test_density_logit_is_smoothed() -> None:
    assert DensityPrior.logit(0, 4) < 0 < DensityPrior.logit(4, 4)
    assert DensityPrior.logit(2, 4) == pytest.approx(0.0)


def test_learnt_transitions_pick_up_the_order_the_emissions_leave_open() -> None:
    """Emissions that cannot tell a resource from a response, in sequences that always run resource → response:
    the learnt transitions prefer that order, so decoding recovers it."""
    from suggest_structure import learn_transitions

    mres, mresp = LABELS.index("mechanism_resource"), LABELS.index("mechanism_response")
    row = np.full(K, 0.02)
    row[mres] = row[mresp] = 0.47
    logp = np.log(np.tile(row, (20, 1)))
    labels = ["mechanism_resource", "mechanism_response"] * 10
    trans, start = learn_transitions(logp, labels, [2] * 10)
    assert trans[mres, mresp] > trans[mres, mres]
    assert start[mres] > start[mresp]
    assert chain_decode(np.exp(logp[:2]), [2], trans, start) == labels[:2]
