"""Helpers of the structure round (``suggest_fresh.py --part structure``): decoding a per-clause model's
probabilities along a paragraph, and a paragraph-level prior on how densely it is tagged.

Kept apart from ``suggest_fresh.py`` so that tests can import them without the benchmark's data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from cmo_coder.suggest.crf import forward_backward, pad, viterbi
from cmo_coder.suggest.features import Tfidf
from cmo_coder.suggest.model import LABELS, NONE


def split(flat: Sequence[str], lengths: Sequence[int]) -> list[list[int]]:
    """Flat labels cut into sequences of label indices."""
    if sum(lengths) != len(flat):
        raise ValueError(f"lengths cover {sum(lengths)} labels, not {len(flat)}")
    out, at = [], 0
    for n in lengths:
        out.append([LABELS.index(lab) for lab in flat[at : at + n]])
        at += n
    return out


def chain_decode(proba: np.ndarray, lengths: Sequence[int], trans: np.ndarray, start: np.ndarray,
                 weight: float = 1.0) -> list[str]:
    """Viterbi over log-probabilities plus ``weight`` times the transition scores (HMM-style), flat."""
    logp = np.log(np.clip(proba, 1e-12, None))
    out: list[str] = []
    at = 0
    zero = np.zeros(proba.shape[1])
    for n in lengths:
        out += [LABELS[j] for j in viterbi(logp[at : at + n], weight * trans, weight * start, zero)]
        at += n
    return out


def chain_marginals(proba: np.ndarray, lengths: Sequence[int], trans: np.ndarray, start: np.ndarray,
                    weight: float = 1.0) -> np.ndarray:
    """Forward-backward marginals of the same chain: per-clause probabilities that see the neighbours' labels."""
    if not len(proba):
        return proba
    (rows, cols), mask = pad(lengths)
    em = np.zeros(mask.shape + (proba.shape[1],))
    em[rows, cols] = np.log(np.clip(proba, 1e-12, None))
    post = forward_backward(em, mask, weight * trans, weight * start, np.zeros(proba.shape[1]))
    return post.marginals[rows, cols]


_QUOTE = re.compile(r"[“”\"‘’']")
_NUMBER = re.compile(r"\d")


class DensityPrior:
    """How densely a paragraph is tagged, predicted from the paragraph as a whole (ridge regression).

    The target is the log-odds of the paragraph's share of tagged clauses (smoothed by half a
    clause). Features: the paragraph's words (TF-IDF) and a few shape figures (its number of
    clauses, the share of its clauses carrying a cue phrase, quotation marks, digits, words per
    clause). Its prediction scales each clause's "none" probability by the ratio of the
    predicted odds of "untagged" to the training paragraphs' mean, to the power ``strength``.
    """

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = alpha
        self.vec = Tfidf(ngrams=1, min_df=2, max_features=3000)
        self.mean = np.zeros(0)
        self.std = np.zeros(0)
        self.x_train = np.zeros((0, 0))
        self.dual = np.zeros(0)
        self.offset = 0.0

    @staticmethod
    def shape(text: str, clauses: Sequence[str], cued: int) -> list[float]:
        n = max(1, len(clauses))
        return [math.log1p(len(clauses)), cued / n, float(bool(_QUOTE.search(text))),
                float(bool(_NUMBER.search(text))), math.log1p(sum(len(c.split()) for c in clauses) / n)]

    def _x(self, texts: Sequence[str], shapes: Sequence[Sequence[float]], fit: bool = False) -> np.ndarray:
        dense = np.asarray(shapes, dtype=np.float64).reshape(len(texts), -1)
        if fit:
            self.mean, self.std = dense.mean(axis=0), dense.std(axis=0) + 1e-9
        return np.hstack([self.vec.transform(texts).astype(np.float64), (dense - self.mean) / self.std])

    @staticmethod
    def logit(tagged: int, n: int) -> float:
        share = (tagged + 0.5) / (n + 1.0)
        return math.log(share / (1.0 - share))

    def fit(self, texts: Sequence[str], shapes: Sequence[Sequence[float]], targets: Sequence[float]) -> DensityPrior:
        """Ridge in its dual form (few paragraphs, many words): deterministic, closed form."""
        self.vec.fit(texts)
        x = self._x(texts, shapes, fit=True)
        y = np.asarray(targets, dtype=np.float64)
        self.offset = float(y.mean())
        self.x_train = x
        self.dual = np.linalg.solve(x @ x.T + self.alpha * np.eye(len(y)), y - self.offset)
        return self

    def predict(self, texts: Sequence[str], shapes: Sequence[Sequence[float]]) -> np.ndarray:
        """Predicted log-odds of "tagged" per paragraph."""
        if not texts:
            return np.zeros(0)
        return np.asarray(self._x(texts, shapes) @ (self.x_train.T @ self.dual) + self.offset)


def scale_none(proba: np.ndarray, lengths: Sequence[int], predicted: Sequence[float], mean: float,
               strength: float = 1.0) -> np.ndarray:
    """Each clause's "none" probability times exp(strength × (mean − predicted log-odds of tagged)), renormalised.

    A paragraph predicted to be tagged more densely than the average lowers its clauses' "none"; one
    predicted sparser raises it. ``mean`` is the training paragraphs' mean log-odds.
    """
    out = np.array(proba, dtype=np.float64)
    at = 0
    j = LABELS.index(NONE)
    for n, z in zip(lengths, predicted, strict=True):
        out[at : at + n, j] *= math.exp(strength * (mean - z))
        at += n
    return out / out.sum(axis=1, keepdims=True)


def learn_transitions(logp: np.ndarray, labels: Sequence[str], lengths: Sequence[int], steps: int = 200,
                      l2: float = 1e-2) -> tuple[np.ndarray, np.ndarray]:
    """Transition and start scores learnt by conditional likelihood over fixed emissions (a CRF whose only
    parameters are the transitions): ``logp`` are a per-clause model's log-probabilities, cross-fitted so that
    they are as unsure on the training text as on new text. Full-batch Adam from zeros, deterministic."""
    y = np.array([LABELS.index(lab) for lab in labels])
    n, k = logp.shape
    (rows, cols), mask = pad(lengths)
    em = np.zeros(mask.shape + (k,))
    em[rows, cols] = logp
    firsts = np.cumsum([0, *lengths[:-1]]).astype(np.int64)
    nxt = np.ones(n, dtype=bool)
    nxt[firsts[1:] - 1] = False
    nxt[-1] = False
    gold_pairs = np.zeros((k, k))
    np.add.at(gold_pairs, (y[nxt], y[np.flatnonzero(nxt) + 1]), 1.0)
    gold_start = np.bincount(y[firsts], minlength=k).astype(np.float64)
    trans, start, zero = np.zeros((k, k)), np.zeros(k), np.zeros(k)
    moments = [np.zeros((k, k)), np.zeros((k, k)), np.zeros(k), np.zeros(k)]
    lr, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        post = forward_backward(em, mask, trans, start, zero)
        g_t = (post.pairs.sum(axis=(0, 1)) - gold_pairs) / n + l2 * trans
        g_s = (post.marginals[:, 0].sum(axis=0) - gold_start) / n + l2 * start
        for p, g, m, v in ((trans, g_t, moments[0], moments[1]), (start, g_s, moments[2], moments[3])):
            m[...] = beta1 * m + (1 - beta1) * g
            v[...] = beta2 * v + (1 - beta2) * g * g
            p -= lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    return trans, start
