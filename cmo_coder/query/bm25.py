"""Okapi BM25 over short documents of terms: a measured alternative for scoring coded quotes.

BM25 was tried for which-pt's coded-quote evidence (docs/benchmarks.md, "which-pt for quotes
nobody coded"): it saturates repeated words (``k1``) and discounts long documents (``b``),
which TF-IDF cosine does only through the vector's length. On the development quotes it was
no better than the cosine the answer uses, so which-pt keeps the cosine; the benchmark keeps
BM25 beside it so the comparison can be run again on new data. Twenty lines of numpy need no
dependency (``rank-bm25`` computes the same formula).

The score of a document ``d`` for a query ``q`` (Robertson and Zaragoza 2009, with the
non-negative IDF of Lucene)::

    sum over distinct terms t of q:  idf(t) · f(t, d) · (k1 + 1) / (f(t, d) + k1 · (1 − b + b · |d| / avgdl))
    idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))

where ``f(t, d)`` counts ``t`` in ``d``, ``N`` is the number of documents and ``n(t)`` how many
contain ``t``. A query term repeated counts once (quotes are short; repetition is emphasis,
not topic). :meth:`Okapi.normalised` divides by the query's score against itself as a
document of the same collection, so scores sit near a 0–1 scale comparable across queries (a
document repeating the query's words more often than the query does can pass 1).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

#: term-frequency saturation and length normalisation, Robertson's usual defaults
K1 = 1.2
B = 0.75


class Okapi:
    """BM25 scores of a fixed collection of documents (each a list of terms) for any query."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = K1, b: float = B) -> None:
        if k1 < 0 or not 0 <= b <= 1:
            raise ValueError(f"BM25 needs k1 >= 0 and 0 <= b <= 1, not k1={k1}, b={b}")
        self.k1, self.b = k1, b
        self.n_docs = len(documents)
        self.lengths = np.array([len(d) for d in documents], dtype=np.float64)
        self.avgdl = float(self.lengths.mean()) if self.n_docs and self.lengths.sum() else 1.0
        df: Counter[str] = Counter()
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(documents):
            for term, count in sorted(Counter(doc).items()):
                df[term] += 1
                self.postings.setdefault(term, []).append((i, count))
        self.df = df

    def idf(self, term: str) -> float:
        """Inverse document frequency, never negative (a term in every document still counts a little)."""
        n = self.df.get(term, 0)
        return math.log(1.0 + (self.n_docs - n + 0.5) / (n + 0.5))

    def _tf_part(self, count: float, length: float) -> float:
        return count * (self.k1 + 1.0) / (count + self.k1 * (1.0 - self.b + self.b * length / self.avgdl))

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """One BM25 score per document (0 for a document sharing no query term)."""
        out = np.zeros(self.n_docs, dtype=np.float64)
        for term in sorted(set(query)):
            weight = self.idf(term)
            for i, count in self.postings.get(term, ()):
                out[i] += weight * self._tf_part(count, float(self.lengths[i]))
        return out

    def self_score(self, query: Sequence[str]) -> float:
        """The query's score against itself as a document of this collection: the most any document could match it."""
        counts = Counter(query)
        return sum(self.idf(t) * self._tf_part(c, float(len(query))) for t, c in sorted(counts.items()))

    def normalised(self, query: Sequence[str]) -> np.ndarray:
        """Scores divided by :meth:`self_score` (all 0 for a query without terms)."""
        top = self.self_score(query)
        return self.scores(query) / top if top > 0 else np.zeros(self.n_docs, dtype=np.float64)
