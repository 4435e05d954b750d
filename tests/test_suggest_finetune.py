"""Helpers of the fine-tuned encoder round (``benchmarks/suggest_finetune.py``) needing no torch, invented cases."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.suggest.features import Tfidf
from cmo_coder.suggest.model import LABELS, NONE, ComponentModel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from suggest_finetune import ColumnsModel, balanced_pairs, neighbour_mean  # noqa: E402

labels_st = st.lists(st.sampled_from(LABELS), min_size=0, max_size=30)


@settings(max_examples=100, deadline=None)
@given(labels_st, st.integers(0, 60), st.integers(0, 5))
def test_pairs_are_labelled_by_whether_their_labels_agree(labels: list[str], n: int, seed: int) -> None:
    pairs = balanced_pairs(labels, n, seed)
    for a, b, target in pairs:
        assert a != b and 0 <= a < len(labels) and 0 <= b < len(labels)
        assert target == (1.0 if labels[a] == labels[b] else 0.0)
    assert pairs == balanced_pairs(labels, n, seed)  # deterministic
    possible = len(set(labels)) >= 2 or any(c >= 2 for c in Counter(labels).values())
    assert len(pairs) == (n if possible else 0)


def test_pairs_give_rare_labels_as_many_anchors_as_none() -> None:
    labels = [NONE] * 60 + ["context"] * 3 + ["outcome"] * 5
    pairs = balanced_pairs(labels, 300, seed=1)
    anchors = Counter(labels[a] for a, _, _ in pairs)
    assert anchors[NONE] == anchors["context"] == anchors["outcome"] == 100
    same = [t for _, _, t in pairs]
    assert 0.4 < sum(same) / len(same) < 0.6


def test_a_label_with_one_example_only_pairs_with_others() -> None:
    pairs = balanced_pairs([NONE, NONE, "context"], 20, seed=0)
    assert all(t == 0.0 for a, _, t in pairs if a == 2)
    assert {t for _, _, t in pairs} == {0.0, 1.0}


def test_one_label_gives_only_same_label_pairs() -> None:
    pairs = balanced_pairs([NONE] * 4, 6, seed=0)
    assert len(pairs) == 6 and all(t == 1.0 for _, _, t in pairs)


def test_neighbour_mean_stays_within_each_sequence() -> None:
    x = np.arange(12, dtype=np.float32).reshape(6, 2)  # rows 0-2 one paragraph, 3 alone, 4-5 another
    out = neighbour_mean(x, [3, 1, 2])
    np.testing.assert_allclose(out[0], x[1])
    np.testing.assert_allclose(out[1], (x[0] + x[2]) / 2)
    np.testing.assert_allclose(out[2], x[1])
    np.testing.assert_allclose(out[3], 0.0)
    np.testing.assert_allclose(out[4], x[5])
    np.testing.assert_allclose(out[5], x[4])
    with pytest.raises(ValueError):
        neighbour_mean(x, [3, 2])


TEXTS = ["Staff had protected time for training", "Managers found money for cover",
         "Workers felt able to ask for help", "Fewer people were turned away",
         "The report has four chapters", "We thank the reviewers"]
GOLD = ["context", "mechanism_resource", "mechanism_response", "outcome", NONE, NONE]


def _columns() -> np.ndarray:
    cols = np.zeros((len(TEXTS), len(LABELS)), dtype=np.float32)
    for i, lab in enumerate(GOLD):
        cols[i, LABELS.index(lab)] = 1.0  # a perfectly informative embedding
    return cols


def test_a_head_on_dense_columns_alone_learns_from_them() -> None:
    m = ColumnsModel(vectorizer=Tfidf(ngrams=1, min_df=1), words=False, grammar=False)
    m.columns = _columns()
    m.fit(TEXTS, [()] * len(TEXTS), GOLD)
    assert m.weights.shape == (len(LABELS), len(LABELS))  # the columns only: no word, cue or grammar column
    m.columns = _columns()[[3, 0]]
    proba = m.predict_proba(["words it never saw", "nor these"], [(), ()])
    assert [LABELS[j] for j in proba.argmax(axis=1)] == ["outcome", "context"]


def test_columns_beside_words_add_to_the_shipped_columns() -> None:
    plain = ComponentModel(vectorizer=Tfidf(ngrams=1, min_df=1), grammar=False)
    plain.fit(TEXTS, [()] * len(TEXTS), GOLD)
    m = ColumnsModel(vectorizer=Tfidf(ngrams=1, min_df=1), grammar=False)
    m.columns = _columns()
    m.fit(TEXTS, [()] * len(TEXTS), GOLD)
    assert m.weights.shape[0] == plain.weights.shape[0] + len(LABELS)
    m.columns = _columns()[:2]
    with pytest.raises(ValueError):
        m.predict_proba(TEXTS, [()] * len(TEXTS))
    m.columns = None  # without columns it reads as the plain model's columns
    assert m.predict_proba(TEXTS[:1], [()]).shape == (1, len(LABELS))


def test_the_finetune_part_says_it_skips_without_the_extra(capsys: pytest.CaptureFixture[str]) -> None:
    import suggest_fresh  # the benchmark script; this suite runs with the extra switched off

    suggest_fresh.finetune_dev(None, [])  # type: ignore[arg-type]  # never reaches the chapter
    out = capsys.readouterr().out
    assert "Fine-tuned encoder: skipped" in out and "semantic extra" in out


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(0, 4), st.integers(1, 4), st.integers(0, 10_000))
def test_blocks_multiply_as_the_whole_matrix(n: int, n_sparse: int, n_dense: int, seed: int) -> None:
    from suggest_finetune import Blocks

    from cmo_coder.suggest.features import Sparse

    rng = np.random.default_rng(seed)
    whole = rng.normal(size=(n, n_sparse + n_dense)).astype(np.float32)
    whole[:, :n_sparse][rng.random((n, n_sparse)) < 0.5] = 0.0
    r, c = np.nonzero(whole[:, :n_sparse])
    x = Blocks(Sparse(r, c, whole[r, c], n, n_sparse), whole[:, n_sparse:])
    w = rng.normal(size=(n_sparse + n_dense, 3)).astype(np.float32)
    g = rng.normal(size=(n, 3)).astype(np.float32)
    assert x.n_cols == n_sparse + n_dense
    np.testing.assert_allclose(x.dot(w), whole @ w, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(x.tdot(g), whole.T @ g, rtol=1e-4, atol=1e-4)
