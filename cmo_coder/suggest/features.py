"""Text → vectors: TF-IDF over words and word pairs, in plain numpy.

Two uses with different needs: the component classifier keeps function words ("when",
"if", "so", "felt" carry the component), while PT similarity drops them (topic words
carry the theory). Both are small, deterministic and have no dependency beyond numpy.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[a-z][a-z'’]*(?:-[a-z]+)*|\d+")


def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


class Sparse:
    """A matrix as (row, column, value) triples: a study's vocabulary times its clauses would not fit dense.

    Only the two products logistic regression needs, both via ``np.bincount``.
    """

    def __init__(self, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, n_rows: int, n_cols: int) -> None:
        self.rows, self.cols, self.vals, self.n_rows, self.n_cols = rows, cols, vals, n_rows, n_cols

    def hstack_dense(self, dense: np.ndarray) -> Sparse:
        """Append dense columns (e.g. cue scores) after the sparse ones."""
        r, c = np.nonzero(dense)
        return Sparse(
            np.concatenate([self.rows, r]), np.concatenate([self.cols, c + self.n_cols]),
            np.concatenate([self.vals, dense[r, c].astype(np.float32)]), self.n_rows, self.n_cols + dense.shape[1],
        )

    def dot(self, w: np.ndarray) -> np.ndarray:
        """``X @ w`` for ``w`` of shape (n_cols, k)."""
        contrib = self.vals[:, None] * w[self.cols]
        return np.stack([np.bincount(self.rows, contrib[:, j], self.n_rows) for j in range(w.shape[1])], axis=1)

    def tdot(self, g: np.ndarray) -> np.ndarray:
        """``X.T @ g`` for ``g`` of shape (n_rows, k)."""
        contrib = self.vals[:, None] * g[self.rows]
        return np.stack([np.bincount(self.cols, contrib[:, j], self.n_cols) for j in range(g.shape[1])], axis=1)

    def dense(self) -> np.ndarray:
        x = np.zeros((self.n_rows, self.n_cols), dtype=np.float32)
        x[self.rows, self.cols] = self.vals
        return x


class Tfidf:
    """Sublinear TF-IDF with L2-normalised rows; ``ngrams=2`` adds adjacent word pairs."""

    def __init__(self, ngrams: int = 2, stop_words: bool = False, min_df: int = 1, max_features: int = 20000) -> None:
        self.ngrams = ngrams
        self.stop_words = stop_words
        self.min_df = min_df
        self.max_features = max_features
        self.vocab: dict[str, int] = {}
        self.idf = np.zeros(0, dtype=np.float32)

    def terms(self, text: str) -> list[str]:
        ws = words(text)
        if self.stop_words:
            ws = [w for w in ws if w not in STOP_WORDS and len(w) > 2]
        out = list(ws)
        if self.ngrams >= 2:
            out += [f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False)]
        return out

    def fit(self, texts: Sequence[str]) -> Tfidf:
        df: Counter[str] = Counter()
        for t in texts:
            df.update(set(self.terms(t)))
        kept = sorted((t for t, n in df.items() if n >= self.min_df), key=lambda t: (-df[t], t))[: self.max_features]
        kept.sort()
        self.vocab = {t: i for i, t in enumerate(kept)}
        n = len(texts)
        self.idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept], dtype=np.float32)
        return self

    def transform(self, texts: Iterable[str]) -> np.ndarray:
        """Dense rows: for the small matrices of PT similarity."""
        return self.transform_sparse(texts).dense()

    def transform_sparse(self, texts: Iterable[str]) -> Sparse:
        rows, cols, vals = [], [], []
        n = 0
        for i, t in enumerate(texts):
            n = i + 1
            entries = [(self.vocab[term], (1.0 + math.log(c)) * float(self.idf[self.vocab[term]]))
                       for term, c in Counter(self.terms(t)).items() if term in self.vocab]
            norm = math.sqrt(sum(v * v for _, v in entries))
            for j, v in sorted(entries):
                rows.append(i)
                cols.append(j)
                vals.append(v / norm)
        return Sparse(np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
                      np.array(vals, dtype=np.float32), n, len(self.vocab))

    def to_dict(self) -> dict[str, Any]:
        return {
            "ngrams": self.ngrams, "stop_words": self.stop_words, "min_df": self.min_df,
            "max_features": self.max_features, "terms": list(self.vocab), "idf": [round(float(v), 6) for v in self.idf],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tfidf:
        v = cls(d["ngrams"], d["stop_words"], d["min_df"], d["max_features"])
        v.vocab = {t: i for i, t in enumerate(d["terms"])}
        v.idf = np.array(d["idf"], dtype=np.float32)
        return v
