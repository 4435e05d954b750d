"""The chain model over clauses: exact inference checked against brute force, training on invented text."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.suggest.crf import ChainModel, forward_backward, pad, transition_scores, viterbi
from cmo_coder.suggest.features import Tfidf
from cmo_coder.suggest.model import LABELS, ComponentModel

C, MRES, MRESP, OUT, NONE = "context", "mechanism_resource", "mechanism_response", "outcome", "none"

scores = st.floats(min_value=-4.0, max_value=4.0, allow_nan=False, allow_infinity=False)


@st.composite
def chains(draw: st.DrawFn, max_len: int = 4, max_k: int = 3) -> tuple[np.ndarray, ...]:
    k = draw(st.integers(1, max_k))
    n = draw(st.integers(1, max_len))
    em = np.array(draw(st.lists(scores, min_size=n * k, max_size=n * k))).reshape(n, k)
    trans = np.array(draw(st.lists(scores, min_size=k * k, max_size=k * k))).reshape(k, k)
    start = np.array(draw(st.lists(scores, min_size=k, max_size=k)))
    end = np.array(draw(st.lists(scores, min_size=k, max_size=k)))
    return em, trans, start, end


def brute(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> dict[tuple[int, ...], float]:
    n, k = em.shape
    out = {}
    for ys in itertools.product(range(k), repeat=n):
        s = start[ys[0]] + end[ys[-1]] + sum(em[t, y] for t, y in enumerate(ys))
        s += sum(trans[a, b] for a, b in zip(ys, ys[1:], strict=False))
        out[ys] = float(s)
    return out


@settings(max_examples=150, deadline=None)
@given(chains())
def test_forward_backward_matches_enumeration(chain: tuple[np.ndarray, ...]) -> None:
    em, trans, start, end = chain
    n, k = em.shape
    table = brute(em, trans, start, end)
    total = np.logaddexp.reduce(list(table.values()))
    post = forward_backward(em[None], np.ones((1, n), dtype=bool), trans, start, end)
    assert post.log_z[0] == pytest.approx(total, abs=1e-9)
    marg = np.zeros((n, k))
    pairs = np.zeros((max(n - 1, 0), k, k))
    for ys, s in table.items():
        p = np.exp(s - total)
        for t, y in enumerate(ys):
            marg[t, y] += p
        for t, (a, b) in enumerate(zip(ys, ys[1:], strict=False)):
            pairs[t, a, b] += p
    np.testing.assert_allclose(post.marginals[0], marg, atol=1e-9)
    np.testing.assert_allclose(post.pairs[0], pairs, atol=1e-9)
    np.testing.assert_allclose(post.marginals[0].sum(axis=1), 1.0, atol=1e-9)


@settings(max_examples=150, deadline=None)
@given(chains())
def test_viterbi_finds_the_best_labelling(chain: tuple[np.ndarray, ...]) -> None:
    em, trans, start, end = chain
    table = brute(em, trans, start, end)
    best = viterbi(em, trans, start, end)
    assert table[tuple(best)] == pytest.approx(max(table.values()), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(chains(max_len=4, max_k=2), min_size=1, max_size=4), st.integers(1, 2))
def test_a_padded_batch_gives_each_sequence_its_own_answer(parts: list[tuple[np.ndarray, ...]], k: int) -> None:
    """Sequences of different lengths in one batch: padding changes nothing (shared transitions, own emissions)."""
    _, trans, start, end = parts[0]
    k = trans.shape[0]
    ems = [p[0][:, :k] for p in parts if p[0].shape[1] >= k]
    if not ems:
        return
    (rows, cols), mask = pad([len(e) for e in ems])
    batch = np.zeros(mask.shape + (k,))
    batch[rows, cols] = np.concatenate(ems)
    post = forward_backward(batch, mask, trans, start, end)
    for b, em in enumerate(ems):
        alone = forward_backward(em[None], np.ones((1, len(em)), dtype=bool), trans, start, end)
        assert post.log_z[b] == pytest.approx(alone.log_z[0], abs=1e-9)
        np.testing.assert_allclose(post.marginals[b, : len(em)], alone.marginals[0], atol=1e-9)
        assert not post.marginals[b, len(em):].any()
        np.testing.assert_allclose(post.pairs[b, : len(em) - 1], alone.pairs[0], atol=1e-9)
        assert not post.pairs[b, len(em) - 1:].any()


def test_pad_refuses_an_empty_sequence() -> None:
    with pytest.raises(ValueError):
        pad([2, 0])


def test_transition_scores_are_mutual_information() -> None:
    # 0 is always followed by 1 and 1 by 0: the pair (0, 1) is likelier than 1 overall, (0, 0) less likely
    trans, start = transition_scores([[0, 1, 0, 1], [0, 1]], k=2, smoothing=0.01)
    assert trans[0, 1] > 0 > trans[0, 0]
    assert trans[1, 0] > 0 > trans[1, 1]
    assert start[0] > 0 > start[1]
    # independent labels: every pair as likely as its label overall
    flat, _ = transition_scores([[0, 0], [0, 1], [1, 0], [1, 1]] * 5, k=2, smoothing=0.0)
    np.testing.assert_allclose(flat, 0.0, atol=1e-12)


def test_transition_scores_ignore_empty_sequences() -> None:
    a = transition_scores([[0, 1], []], k=2)
    b = transition_scores([[0, 1]], k=2)
    np.testing.assert_allclose(a[0], b[0])
    np.testing.assert_allclose(a[1], b[1])


# -- training on invented paragraphs ---------------------------------------------------------------------
#: an invented report style: a context, then what staff provided, how people responded, what followed
PARAGRAPH = [
    ("where services were stretched across the county", C),
    ("the team offered weekly drop-in sessions", MRES),
    ("residents felt they could ask for help", MRESP),
    ("attendance at clinics rose over the year", OUT),
    ("interviews took place in the spring", NONE),
]
#: an ambiguous clause whose label only its place decides: after a context it is a resource
SAME_WORDS = "the sessions were held"


def _model(margin: float = 1.0, steps: int = 200) -> ChainModel:
    return ChainModel(features=ComponentModel(vectorizer=Tfidf(ngrams=1, min_df=1), grammar=False),
                      margin=margin, steps=steps)


def _training() -> tuple[list[str], list[str], list[int]]:
    texts, labels, lengths = [], [], []
    for shift in range(6):
        par = PARAGRAPH[shift % 5 :] + PARAGRAPH[: shift % 5]
        texts += [t for t, _ in par]
        labels += [lab for _, lab in par]
        lengths.append(len(par))
    # the ambiguous clause: a resource after a context, "none" at the start of a paragraph
    for _ in range(4):
        texts += [PARAGRAPH[0][0], SAME_WORDS]
        labels += [C, MRES]
        lengths.append(2)
        texts += [SAME_WORDS, PARAGRAPH[4][0]]
        labels += [NONE, NONE]
        lengths.append(2)
    return texts, labels, lengths


def test_chain_model_learns_words_and_the_order_of_labels() -> None:
    texts, labels, lengths = _training()
    m = _model()
    m.fit(texts, [()] * len(texts), labels, lengths)
    assert m.decode([t for t, _ in PARAGRAPH], [()] * 5, [5]) == [lab for _, lab in PARAGRAPH]
    # the same words take their label from their neighbour
    assert m.decode([PARAGRAPH[0][0], SAME_WORDS], [()] * 2, [2]) == [C, MRES]
    assert m.decode([SAME_WORDS, PARAGRAPH[4][0]], [()] * 2, [2]) == [NONE, NONE]
    # the learnt transition from a context to a resource beats a context to an outcome
    c, mres, o = LABELS.index(C), LABELS.index(MRES), LABELS.index(OUT)
    assert m.trans[c, mres] > m.trans[c, o]


def test_chain_model_marginals_are_distributions_that_agree_with_decoding() -> None:
    texts, labels, lengths = _training()
    m = _model()
    m.fit(texts, [()] * len(texts), labels, lengths)
    probe = [t for t, _ in PARAGRAPH]
    p = m.marginals(probe, [()] * 5, [5])
    assert p.shape == (5, len(LABELS))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, atol=1e-9)
    assert [LABELS[j] for j in p.argmax(axis=1)] == m.decode(probe, [()] * 5, [5])
    assert m.marginals([], [], []).shape == (0, len(LABELS))
    assert m.decode([], [], []) == []


def test_chain_model_training_is_deterministic_and_checks_lengths() -> None:
    texts, labels, lengths = _training()
    a, b = _model(steps=30), _model(steps=30)
    a.fit(texts, [()] * len(texts), labels, lengths)
    b.fit(texts, [()] * len(texts), labels, lengths)
    assert np.array_equal(a.features.weights, b.features.weights) and np.array_equal(a.trans, b.trans)
    with pytest.raises(ValueError):
        _model().fit(texts, [()] * len(texts), labels, [*lengths, 1])


def test_margin_makes_rare_labels_likelier() -> None:
    """Softmax-margin with class weights: a rare label's marginal rises on the clauses that carry it."""
    texts = ["staff felt supported by the manager", "the meeting was on a tuesday", "the room was small",
             "the forms were printed", "the car park was full"] * 4
    labels = [MRESP, NONE, NONE, NONE, NONE] * 4
    lengths = [5] * 4
    plain, margin = _model(margin=0.0), _model(margin=1.0)
    plain.fit(texts, [()] * len(texts), labels, lengths)
    margin.fit(texts, [()] * len(texts), labels, lengths)
    probe = ["staff felt supported", "the room was on a tuesday"]
    j = LABELS.index(MRESP)
    assert margin.marginals(probe, [(), ()], [2])[0, j] > plain.marginals(probe, [(), ()], [2])[0, j]
