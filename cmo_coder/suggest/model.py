"""The suggester's models: which component a clause evidences, and which programme theory.

Component: before training, cue phrases alone decide (``CueScorer``); after
``cmo-coder suggest train``, a multinomial logistic regression over TF-IDF words and word
pairs plus the cue counts (``ComponentModel``) does. Logistic regression was chosen by
measurement (``benchmarks/suggest.py`` compares it with spaCy's ``textcat``, the cue rules
and baselines): it trains in seconds on a CPU, is deterministic (zero initialisation,
full-batch optimisation, no sampling) and its weights explain themselves as evidence.

Programme theory: cosine similarity of the clause, and at a lower weight of its
surroundings, to each PT's statement and to its elements of the predicted component (the
codebook works on a fresh project), beside the nearest already-coded examples, which take
over as the project grows.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import CmoError
from ..model import Codebook, Component
from ..semantic import EmbeddingCache
from ..theory_text import CodebookSimilarity
from .cues import cue_scores
from .features import Sparse, Tfidf

NONE = "none"
LABELS: tuple[str, ...] = (NONE, *(c.value for c in Component))
FORMAT = "cmo-coder-suggester/1"


def _cue_matrix(cues: Sequence[Sequence[tuple[str, str]]]) -> np.ndarray:
    out = np.zeros((len(cues), len(Component)), dtype=np.float32)
    for i, cs in enumerate(cues):
        scores = cue_scores(cs)
        out[i] = [np.log1p(scores[c]) for c in Component]
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class CueScorer:
    """Component probabilities from cue phrases only: what a fresh project gets."""

    #: the weight of "no cue at all": one single-word cue makes a component as likely as "none"
    NONE_LOGIT = 1.0

    def predict_proba(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]]) -> np.ndarray:
        logits = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
        logits[:, 0] = self.NONE_LOGIT
        for i, cs in enumerate(cues):
            scores = cue_scores(cs)
            logits[i, 1:] = [scores[c] for c in Component]
        return _softmax(logits)


Features = Sequence[Sequence[str]]


@dataclass
class ComponentModel:
    """Multinomial logistic regression on [TF-IDF | log(1 + cue score per component) | grammar features].

    The grammar features (:mod:`.grammar`: the clause's verb class, opening word, subject, modal,
    place in its sentence, and the same of its neighbours) are indicator columns scaled by
    ``grammar_weight``: at full weight they outvote the words on little data, at a fifth they
    add what carries over to unseen theories (0.2 and 0.3 measured alike on a development split,
    0.5 and 1.0 worse; see docs/benchmarks.md). A model without a grammar vocabulary (files written before it existed,
    or ``grammar=False``) scores words and cues only.
    """

    vectorizer: Tfidf = field(default_factory=lambda: Tfidf(ngrams=2, min_df=2, max_features=50000))
    weights: np.ndarray = field(default_factory=lambda: np.zeros((0, len(LABELS)), dtype=np.float32))
    bias: np.ndarray = field(default_factory=lambda: np.zeros(len(LABELS), dtype=np.float32))
    l2: float = 1e-3
    steps: int = 300
    grammar: bool = True
    grammar_weight: float = 0.2
    grammar_vocab: dict[str, int] = field(default_factory=dict)

    def _grammar_matrix(self, features: Features | None, n: int) -> np.ndarray:
        out = np.zeros((n, len(self.grammar_vocab)), dtype=np.float32)
        if features is None or not self.grammar_vocab:
            return out
        for i, fs in enumerate(features):
            for f in fs:
                j = self.grammar_vocab.get(f)
                if j is not None:
                    out[i, j] = self.grammar_weight
        return out

    def _x(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]], features: Features | None) -> Sparse:
        return (self.vectorizer.transform_sparse(texts).hstack_dense(_cue_matrix(cues))
                .hstack_dense(self._grammar_matrix(features, len(texts))))

    def prepare(self, texts: Sequence[str], features: Features | None = None) -> None:
        """Fit the vocabularies (words, grammar features) on the training texts: the columns any model of them reads.

        Grammar features seen fewer than twice are left out, as rare words are by the vectoriser.
        """
        self.vectorizer.fit(texts)
        if self.grammar and features is not None:
            counts = Counter(f for fs in features for f in set(fs))
            self.grammar_vocab = {f: j for j, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
        else:
            self.grammar_vocab = {}

    def fit(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]], labels: Sequence[str],
            features: Features | None = None, weights: Sequence[float] | None = None) -> None:
        """Full-batch Adam from zeros with balanced class weights (rare components count as much as common ones).

        ``weights`` (one per example) let a source count less than another: class balance is then
        taken over the weighted counts. Without them every example counts once.
        """
        self.prepare(texts, features)
        x = self._x(texts, cues, features)
        y = np.array([LABELS.index(lab) for lab in labels])
        n, k = len(y), len(LABELS)
        onehot = np.zeros((n, k), dtype=np.float32)
        onehot[np.arange(n), y] = 1.0
        if weights is None:
            counts_y = np.bincount(y, minlength=k).astype(np.float32)
            class_w = np.where(counts_y > 0, n / (k * np.maximum(counts_y, 1)), 0.0).astype(np.float32)
            sample_w = class_w[y][:, None] / n
        else:
            if len(weights) != n:
                raise ValueError(f"{len(weights)} weights for {n} examples")
            wt = np.asarray(weights, dtype=np.float32)
            total = float(wt.sum())
            counts_w = np.bincount(y, weights=wt, minlength=k).astype(np.float32)
            class_w = np.where(counts_w > 0, total / (k * np.maximum(counts_w, 1e-9)), 0.0).astype(np.float32)
            sample_w = (class_w[y] * wt)[:, None] / total
        w = np.zeros((x.n_cols, k), dtype=np.float32)
        b = np.zeros(k, dtype=np.float32)
        m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
        lr, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
        for t in range(1, self.steps + 1):
            p = _softmax(x.dot(w) + b)
            g = (p - onehot) * sample_w
            gw = x.tdot(g) + self.l2 * w
            gb = g.sum(axis=0)
            m_w = beta1 * m_w + (1 - beta1) * gw
            v_w = beta2 * v_w + (1 - beta2) * gw * gw
            m_b = beta1 * m_b + (1 - beta1) * gb
            v_b = beta2 * v_b + (1 - beta2) * gb * gb
            corr1, corr2 = 1 - beta1**t, 1 - beta2**t
            w -= lr * (m_w / corr1) / (np.sqrt(v_w / corr2) + eps)
            b -= lr * (m_b / corr1) / (np.sqrt(v_b / corr2) + eps)
        self.weights, self.bias = w.astype(np.float32), b.astype(np.float32)

    def predict_proba(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]],
                      features: Features | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        return _softmax(self._x(texts, cues, features).dot(self.weights) + self.bias)

    def top_terms(self, text: str, label: str, n: int = 3) -> list[str]:
        """The words of ``text`` that pushed hardest towards ``label``: evidence a coder can check."""
        j = LABELS.index(label)
        scored = []
        for term in set(self.vectorizer.terms(text)):
            i = self.vectorizer.vocab.get(term)
            if i is not None:
                scored.append((float(self.weights[i, j] - self.weights[i].mean()), term))
        return [t for s, t in sorted(scored, key=lambda st: (-st[0], st[1]))[:n] if s > 0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "vectorizer": self.vectorizer.to_dict(), "labels": list(LABELS), "l2": self.l2, "steps": self.steps,
            "grammar": list(self.grammar_vocab), "grammar_weight": self.grammar_weight,
            "weights": [[round(float(v), 6) for v in row] for row in self.weights],
            "bias": [round(float(v), 6) for v in self.bias],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ComponentModel:
        if tuple(d["labels"]) != LABELS:
            raise CmoError(f"suggester model labels {d['labels']} do not match this version's {list(LABELS)}")
        return cls(
            vectorizer=Tfidf.from_dict(d["vectorizer"]), weights=np.array(d["weights"], dtype=np.float32),
            bias=np.array(d["bias"], dtype=np.float32), l2=d["l2"], steps=d["steps"],
            grammar=bool(d.get("grammar")), grammar_weight=float(d.get("grammar_weight", 0.0)),
            grammar_vocab={f: j for j, f in enumerate(d.get("grammar", []))},
        )


@dataclass(frozen=True)
class Example:
    """A coded span the PT scorer can point to as evidence."""

    id: str
    pt: str
    component: str | None
    text: str


@dataclass(frozen=True)
class PtEvidence:
    scores: dict[str, float]  # pt → share of belief, sums to 1
    elements: dict[str, tuple[str, float]]  # pt → best-matching element id and its cosine
    neighbours: list[tuple[Example, float]]  # nearest coded examples with their cosine
    with_context: bool = False  # the clause's surroundings took part in the codebook score


class PtScorer:
    """Which programme theory a clause speaks to: the codebook, plus the project's coded examples.

    Each PT is scored by its best *prototype*: its own statement and elements (the codebook,
    :class:`cmo_coder.theory_text.CodebookSimilarity`) or, discounted by ``EXAMPLE_WEIGHT``, its
    nearest coded example. A PT nobody has coded yet still competes on its codebook text, which
    matters because coding usually proceeds one theory at a time. Given each clause's
    surroundings (``contexts``: the question or sentences around it), the codebook score joins
    the clause's with the surroundings' at a lower weight; coded examples are compared with the
    clause alone, never with its surroundings (those are often coded themselves, and a
    neighbour's coding is not evidence of this clause's theory). With the semantic extra
    (``embeddings``), every cosine is the mean of the TF-IDF one and the sentence-embedding one,
    and the nearest coded examples (found by TF-IDF) are re-scored so too. A neighbour *vote*
    (``mode="vote"``) ranks theories that already have examples better but buries new ones (see
    ``benchmarks/suggest.py``, split by PT), so it is available but not the default.
    """

    K = 5
    BATCH = 512
    #: a coded example is noisier evidence than the authors' own element statement
    EXAMPLE_WEIGHT = 0.5
    #: in vote mode, examples needed before neighbours weigh as much as the codebook
    HALF_WEIGHT_AT = 30

    def __init__(self, codebook: Codebook, examples: Sequence[Example] = (), mode: str = "prototype",
                 embeddings: EmbeddingCache | None = None) -> None:
        if mode not in ("prototype", "vote"):
            raise ValueError(f"unknown PT scoring mode {mode!r}")
        self.mode = mode
        self.embeddings = embeddings
        self.codebook_sim = CodebookSimilarity(codebook, embeddings)
        self.method = self.codebook_sim.method
        self.pts = self.codebook_sim.pts
        self.examples = [e for e in examples if e.pt in self.pts]
        profiles = [" ".join([pt.title, pt.statement, *(e.statement for e in pt.elements)])
                    for pt in codebook.programme_theories]
        self.vec = Tfidf(ngrams=1, stop_words=True, max_features=5000).fit(profiles + [e.text for e in self.examples])
        self.example_m = self.vec.transform([e.text for e in self.examples])
        n = len(self.examples)
        self.knn_weight = n / (n + self.HALF_WEIGHT_AT)

    def score(self, texts: Sequence[str], components: Sequence[str | None],
              contexts: Sequence[str] | None = None) -> list[PtEvidence]:
        if not texts:
            return []
        if len(texts) > self.BATCH:  # bound memory: the dense clause matrix is batch × vocabulary
            return [ev for i in range(0, len(texts), self.BATCH)
                    for ev in self.score(texts[i : i + self.BATCH], components[i : i + self.BATCH],
                                         contexts[i : i + self.BATCH] if contexts is not None else None)]
        match = self.codebook_sim.match(texts, components, contexts)
        ex = self.vec.transform(texts) @ self.example_m.T if self.examples else np.zeros((len(texts), 0), np.float32)
        out = []
        for i, comp in enumerate(components):
            raw = {pt: float(match.own[i, j]) for j, pt in enumerate(self.pts)}
            best_el = {}
            for pt in self.pts:
                el_id, s = self.codebook_sim.best_element(match, i, pt, comp)
                if el_id:
                    best_el[pt] = (el_id, s)
            neighbours: list[tuple[Example, float]] = []
            if self.examples:
                order = np.argsort(-ex[i], kind="stable")[: self.K]
                neighbours = [(self.examples[j], float(ex[i, j])) for j in order if ex[i, j] > 0]
                if self.embeddings is not None and neighbours:  # the nearest by words, re-scored by words and meaning
                    sims = self.embeddings.embed([e.text for e, _ in neighbours]) @ self.embeddings.embed([texts[i]])[0]
                    neighbours = sorted(((e, 0.5 * s + 0.5 * max(0.0, float(v)))
                                         for (e, s), v in zip(neighbours, sims, strict=True)), key=lambda es: -es[1])
            if self.mode == "prototype":
                for e, s in neighbours:
                    raw[e.pt] = max(raw[e.pt], self.EXAMPLE_WEIGHT * s)
            # the clause's own best evidence, then its surroundings' codebook score at a lower weight
            if match.weight[i]:
                joined = match.join(np.array([[raw[pt] for pt in self.pts]]), [i])[0]
                raw = {pt: float(joined[j]) for j, pt in enumerate(self.pts)}
            dist = _shares(raw, self.pts)
            if self.mode == "vote" and neighbours:
                mass = sum(s for _, s in neighbours)
                vote = {pt: 0.0 for pt in self.pts}
                for e, s in neighbours:
                    vote[e.pt] += s / mass
                w = self.knn_weight
                dist = {pt: (1 - w) * dist[pt] + w * vote[pt] for pt in self.pts}
            out.append(PtEvidence(dist, best_el, neighbours, bool(match.weight[i] > 0)))
        return out


def _shares(raw: dict[str, float], pts: Sequence[str]) -> dict[str, float]:
    total = sum(raw.values())
    return {pt: (raw[pt] / total if total > 0 else 1 / len(pts)) for pt in pts}


def save(model: ComponentModel, folder: Path, meta: dict[str, Any]) -> Path:
    from ..store.atomic import write_text

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "component-model.json"
    write_text(path, json.dumps({"format": FORMAT, "meta": meta, "model": model.to_dict()}, sort_keys=True) + "\n")
    return path


def load(folder: Path) -> tuple[ComponentModel, dict[str, Any]] | None:
    path = folder / "component-model.json"
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise CmoError(f"{path}: not a suggester model this version reads (format {data.get('format')!r})")
        return ComponentModel.from_dict(data["model"]), data["meta"]
    except (ValueError, KeyError, TypeError) as exc:
        raise CmoError(f"{path}: unreadable suggester model ({exc}); retrain with 'cmo-coder suggest train'") from None
