"""Structure over the clauses of a paragraph: a linear-chain CRF, and Viterbi over any per-clause scores.

A clause's component depends on the clauses around it: realist reports run context → resource →
response → outcome, and untagged clauses come in runs. The neighbour features of :mod:`.grammar`
give a clause a look at its neighbours' words; a chain model goes further and scores the *labels*
of neighbours jointly. Three pieces, all plain numpy, deterministic (zero initialisation,
full-batch optimisation, no sampling):

- :func:`forward_backward` and :func:`viterbi`: exact inference over one or many sequences
  (padded to one batch) given emission scores (sequence × position × label), a transition matrix
  and start and end scores, in log space. Per-clause marginals are the confidence a suggester
  needs; Viterbi is the best joint labelling.
- :class:`ChainModel`: a CRF whose emission scores are the component model's features
  (TF-IDF, cues, grammar and neighbour features, :class:`.model.ComponentModel`) times learnt
  weights, with learnt transitions. Rare components are protected by a *softmax-margin* cost
  (Gimpel and Smith 2010): during training every wrong label at a position is made more
  tempting by the gold label's class weight, so the model must win rare labels by a margin.
- :func:`transition_scores`: counted transitions between gold labels, as pointwise mutual
  information (how much likelier a label is after another than overall), to decode the
  probabilities of a per-clause model HMM-style without changing its operating point.

Measured against the shipped per-clause model in ``benchmarks/suggest_fresh.py --part structure``
(docs/benchmarks.md, "A fifth round: structure over clauses").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .features import Tfidf
from .model import LABELS, ComponentModel, Features


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    return np.squeeze(m, axis=axis) + np.log(np.exp(a - m).sum(axis=axis))


@dataclass(frozen=True)
class Posterior:
    """What forward-backward gives for a batch: log partition per sequence, label and pair marginals."""

    log_z: np.ndarray  # (B,)
    marginals: np.ndarray  # (B, L, K); zero at padding
    pairs: np.ndarray  # (B, L - 1, K, K): P(y_t = i, y_t+1 = j); zero where t + 1 is padding


def forward_backward(emissions: np.ndarray, mask: np.ndarray, trans: np.ndarray, start: np.ndarray,
                     end: np.ndarray) -> Posterior:
    """Exact marginals of a linear chain, in log space, for a padded batch.

    ``emissions`` (B, L, K) are the label scores of each position, ``mask`` (B, L) marks real
    positions (each sequence a prefix, at least one position long), ``trans`` (K, K) the score
    of label j after label i, ``start`` and ``end`` (K) the scores of the first and last label.
    """
    e = np.asarray(emissions, dtype=np.float64)
    b, n, k = e.shape
    alpha = np.empty((b, n, k))
    alpha[:, 0] = start + e[:, 0]
    for t in range(1, n):
        step = _logsumexp(alpha[:, t - 1, :, None] + trans[None], axis=1) + e[:, t]
        alpha[:, t] = np.where(mask[:, t, None], step, alpha[:, t - 1])  # padding carries the last real column
    log_z = _logsumexp(alpha[:, -1] + end, axis=1)
    beta = np.empty((b, n, k))
    beta[:, -1] = end
    for t in range(n - 2, -1, -1):
        step = _logsumexp(trans[None] + (e[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        beta[:, t] = np.where(mask[:, t + 1, None], step, end)  # the last real position ends the sequence
    marginals = np.exp(alpha + beta - log_z[:, None, None]) * mask[:, :, None]
    if n > 1:
        pair_scores = (alpha[:, :-1, :, None] + trans[None, None] + (e[:, 1:] + beta[:, 1:])[:, :, None, :]
                       - log_z[:, None, None, None])
        pairs = np.exp(pair_scores) * mask[:, 1:, None, None]
    else:
        pairs = np.zeros((b, 0, k, k))
    return Posterior(log_z, marginals, pairs)


def viterbi(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """The best labelling of one sequence (L, K); ties go to the lower label index, so the result is deterministic."""
    e = np.asarray(emissions, dtype=np.float64)
    n, k = e.shape
    if n == 0:
        return []
    score = start + e[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans  # (from, to)
        back[t] = np.argmax(cand, axis=0)
        score = cand[back[t], np.arange(k)] + e[t]
    best = [int(np.argmax(score + end))]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def pad(lengths: Sequence[int]) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray]:
    """Row and column in the padded batch of each flat position, and the batch's mask."""
    if any(n < 1 for n in lengths):
        raise ValueError("every sequence needs at least one position")
    longest = max(lengths, default=0)
    rows = np.repeat(np.arange(len(lengths)), lengths)
    cols = np.concatenate([np.arange(n) for n in lengths]) if lengths else np.zeros(0, dtype=np.int64)
    mask = np.zeros((len(lengths), longest), dtype=bool)
    mask[rows, cols] = True
    return (rows, cols), mask


def transition_scores(label_sequences: Sequence[Sequence[int]], k: int,
                      smoothing: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Counted transitions as pointwise mutual information: log P(j | i) − log P(j), and the same at a start.

    Added to a per-clause model's log-probabilities (which, trained with balanced class
    weights, carry no class prior), they say how much a label's neighbour changes its odds
    without pulling every clause towards the commonest label.
    """
    pair = np.full((k, k), smoothing)
    first = np.full(k, smoothing)
    overall = np.full(k, smoothing)
    for seq in label_sequences:
        if not len(seq):
            continue
        first[seq[0]] += 1
        for a, b in zip(seq, seq[1:], strict=False):
            pair[a, b] += 1
        for a in seq:
            overall[a] += 1
    log_prior = np.log(overall / overall.sum())
    trans = np.log(pair / pair.sum(axis=1, keepdims=True)) - log_prior[None]
    start = np.log(first / first.sum()) - log_prior
    return trans, start


@dataclass
class ChainModel:
    """A linear-chain CRF over clauses, its emission features those of :class:`ComponentModel`.

    ``margin`` scales the softmax-margin cost (0: plain conditional likelihood; 1: a wrong label
    costs the gold label's balanced class weight). ``bias`` is added to the emission scores at
    prediction time, one per label (the trained model's own calibration when zero).
    """

    features: ComponentModel = field(default_factory=lambda: ComponentModel(
        vectorizer=Tfidf(ngrams=2, min_df=2, max_features=50000)))
    l2: float = 1e-3
    steps: int = 300
    margin: float = 1.0
    trans: np.ndarray = field(default_factory=lambda: np.zeros((len(LABELS), len(LABELS))))
    start: np.ndarray = field(default_factory=lambda: np.zeros(len(LABELS)))
    end: np.ndarray = field(default_factory=lambda: np.zeros(len(LABELS)))
    bias: np.ndarray = field(default_factory=lambda: np.zeros(len(LABELS)))

    def fit(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]], labels: Sequence[str],
            lengths: Sequence[int], features: Features | None = None) -> None:
        """Full-batch Adam from zeros on the (softmax-margin) negative log-likelihood of whole sequences.

        ``lengths`` cut the flat examples into sequences, in order (a paragraph's clauses, a
        theory's element statements, a coded span alone). The loss is averaged per position, so
        its scale matches the per-clause model's and the same step size and l2 apply.
        """
        if sum(lengths) != len(texts):
            raise ValueError(f"sequence lengths cover {sum(lengths)} examples, not {len(texts)}")
        fm = self.features
        fm.prepare(texts, features)
        x = fm._x(texts, cues, features)
        y = np.array([LABELS.index(lab) for lab in labels])
        n, k = len(y), len(LABELS)
        (rows, cols), mask = pad(lengths)
        counts = np.bincount(y, minlength=k).astype(np.float64)
        class_w = np.where(counts > 0, n / (k * np.maximum(counts, 1)), 0.0)
        cost = np.zeros((n, k))
        cost += self.margin * class_w[y][:, None]
        cost[np.arange(n), y] = 0.0
        cost_b = np.zeros(mask.shape + (k,))
        cost_b[rows, cols] = cost
        gold_b = np.zeros(mask.shape + (k,))
        gold_b[rows, cols, y] = 1.0
        firsts = np.cumsum([0, *lengths[:-1]]).astype(np.int64)
        lasts = firsts + np.asarray(lengths, dtype=np.int64) - 1
        gold_pairs = np.zeros((k, k))
        nxt = np.ones(n, dtype=bool)
        nxt[lasts] = False
        np.add.at(gold_pairs, (y[nxt], y[np.flatnonzero(nxt) + 1]), 1.0)
        gold_start = np.bincount(y[firsts], minlength=k).astype(np.float64)
        gold_end = np.bincount(y[lasts], minlength=k).astype(np.float64)
        params = {"w": np.zeros((x.n_cols, k)), "b": np.zeros(k), "trans": np.zeros((k, k)),
                  "start": np.zeros(k), "end": np.zeros(k)}
        moments = {name: (np.zeros_like(p), np.zeros_like(p)) for name, p in params.items()}
        lr, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
        for t in range(1, self.steps + 1):
            em = np.zeros(mask.shape + (k,))
            em[rows, cols] = x.dot(params["w"]) + params["b"]
            post = forward_backward(em + cost_b, mask, params["trans"], params["start"], params["end"])
            g_em = (post.marginals - gold_b)[rows, cols] / n
            grads = {
                "w": x.tdot(g_em) + self.l2 * params["w"], "b": g_em.sum(axis=0),
                "trans": (post.pairs.sum(axis=(0, 1)) - gold_pairs) / n,
                "start": (post.marginals[:, 0].sum(axis=0) - gold_start) / n,
                "end": (post.marginals[np.arange(len(lengths)), np.asarray(lengths) - 1].sum(axis=0) - gold_end) / n,
            }
            for name, g in grads.items():
                m, v = moments[name]
                m[...] = beta1 * m + (1 - beta1) * g
                v[...] = beta2 * v + (1 - beta2) * g * g
                params[name] -= lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
        fm.weights, fm.bias = params["w"].astype(np.float32), params["b"].astype(np.float32)
        self.trans, self.start, self.end = params["trans"], params["start"], params["end"]

    def _emissions(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]],
                   features: Features | None) -> np.ndarray:
        fm = self.features
        return np.asarray(fm._x(texts, cues, features).dot(fm.weights) + fm.bias, dtype=np.float64) + self.bias

    def marginals(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]], lengths: Sequence[int],
                  features: Features | None = None) -> np.ndarray:
        """Per-clause label marginals (N, K): each clause's confidence given its whole sequence."""
        if not texts:
            return np.zeros((0, len(LABELS)))
        (rows, cols), mask = pad(lengths)
        em = np.zeros(mask.shape + (len(LABELS),))
        em[rows, cols] = self._emissions(texts, cues, features)
        return forward_backward(em, mask, self.trans, self.start, self.end).marginals[rows, cols]

    def decode(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]], lengths: Sequence[int],
               features: Features | None = None) -> list[str]:
        """The best labelling of each sequence (Viterbi), flat, in the order of ``texts``."""
        em = self._emissions(texts, cues, features) if texts else np.zeros((0, len(LABELS)))
        out: list[str] = []
        at = 0
        for n in lengths:
            out += [LABELS[j] for j in viterbi(em[at : at + n], self.trans, self.start, self.end)]
            at += n
        return out
