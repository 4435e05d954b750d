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
        rows = list(texts)
        x = np.zeros((len(rows), len(self.vocab)), dtype=np.float32)
        for i, t in enumerate(rows):
            for term, c in Counter(self.terms(t)).items():
                j = self.vocab.get(term)
                if j is not None:
                    x[i, j] = (1.0 + math.log(c)) * self.idf[j]
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        np.divide(x, norms, out=x, where=norms > 0)
        return x

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
