"""Theory-aware answers for quotes no coding contains: rank programme theories by similarity.

Analysts most often ask "which PT does this quote support?" about quotes they have not
coded yet, so an uncoded quote is compared with what the project already knows about each
theory: its statement and title, its elements (the authors' own C / Mres / Mresp / O
wording) and the quotes coded to it. A theory's own score is the mean of its codebook score
(:class:`cmo_coder.theory_text.CodebookSimilarity`: the mean of the statement's and the best
element's cosine) and its best coded quote's cosine; a theory nobody has coded yet is scored
by the codebook alone, so it is not halved for lacking evidence no analyst has given it.
When the quote was found in a transcript, its surroundings' codebook score joins at a lower
weight. The answer names the best-matching element and quote, and the surroundings used, as
the reason, so an analyst can judge it.

Why the mean (``coded_quote_join``): the codebook's cosines (over its own few words) run
larger than the cosines to coded quotes (over all the project's words), so the rule used
before, the better of the codebook score and half the best quote's cosine, let the codebook
decide nearly always, and a quote found in no transcript, with no surroundings to help, was
answered from a few shared words with the theories' statements (0.234 top-1 on the
development quotes of the RECO chapter). Adding both kinds of evidence raised it to 0.281
and the answer with surroundings from 0.641 to 0.672 on the same quotes; counting the quote
evidence fully instead (the better of the two, undiscounted) or scoring coded quotes by
Okapi BM25 (:mod:`cmo_coder.query.bm25`) was no better there, and took first place from
theories nobody had coded yet (docs/benchmarks.md).

A *paraphrase* (a coded quote retold in other words) is recognised when one coded quote is
the closest to it by a clear margin: cosine at least ``PARAPHRASE_MIN`` and at least
``PARAPHRASE_MARGIN`` above the next closest quote of another passage (codings of the same
passage, nested or coded twice, are one candidate and are all answered). Below that the
answer stays "not coded, by similarity": a near tie between two quotes is not evidence that
the analyst meant either.

Against the codebook, similarity is TF-IDF over stemmed content words weighted by how few
theories use them (:mod:`cmo_coder.theory_text`); against coded quotes, TF-IDF cosine over the
project's own words, in plain numpy; coded quotes are held sparse, so a project of 100,000
codings costs megabytes, not gigabytes. With the optional semantic extra installed
(:mod:`cmo_coder.semantic`), each cosine becomes the mean of the TF-IDF one and the
sentence-embedding one (fused; on report text better than embeddings alone, below TF-IDF alone
for quotes, see docs/benchmarks.md): statements and elements
are embedded whole, and coded quotes are first shortlisted by TF-IDF (``SEMANTIC_SHORTLIST``
per query) and only those are embedded (cached per project), so the first question of a
large project does not embed every coding. Paraphrases are always decided by TF-IDF, whose
thresholds were measured.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import semantic
from ..model import Codebook
from ..suggest.features import Sparse, Tfidf
from ..theory_text import CONTEXT_WEIGHT, CodebookSimilarity
from .index import QuoteIndex

#: a paraphrase must share this much weighted vocabulary with its coding ...
PARAPHRASE_MIN = 0.45
#: ... and be this much closer to it than to any other coded quote
PARAPHRASE_MARGIN = 0.15
#: ... and share at least this many words with it: one rare word shared with a short quote ("kept") makes a
#: high cosine and no retelling ("the same nurse kept coming" is no paraphrase of "that's why I kept going")
PARAPHRASE_SHARED_WORDS = 2
METHOD = "tf-idf"
#: coded quotes re-scored by meaning per query (the closest by TF-IDF)
SEMANTIC_SHORTLIST = 50


def coded_quote_join(codebook_score: float, best_quote: float, has_quotes: bool) -> float:
    """A theory's own score from its codebook score and its best coded quote's cosine (both 0–1).

    The mean of the two when the theory has coded quotes (each kind of evidence counts, neither
    drowns the other), the codebook score alone when it has none: a theory nobody has coded yet
    is judged on its statement and elements, not halved for a lack of codings.
    """
    return (codebook_score + best_quote) / 2 if has_quotes else codebook_score


@dataclass(frozen=True)
class TheoryScore:
    """One programme theory's similarity to a query, with the evidence behind it."""

    pt: str
    score: float
    statement_score: float
    element: str
    element_score: float
    quote_index: int  # index into the quote index's records (-1: the theory has no coded quote)
    quote_score: float
    context_score: float = 0.0  # the surroundings' own codebook score (0 without context)


@dataclass(frozen=True)
class Paraphrase:
    index: int  # the coding in the quote index
    score: float
    runner_up: float


class TheorySimilarity:
    """Vectors of a codebook's theories and a project's coded quotes, built once per index."""

    def __init__(self, codebook: Codebook, index: QuoteIndex,
                 embeddings: semantic.EmbeddingCache | None = None) -> None:
        self.codebook = codebook
        self.embeddings = embeddings
        self.codebook_sim = CodebookSimilarity(codebook, embeddings)
        self.method = self.codebook_sim.method
        self.index = index
        self.pts = self.codebook_sim.pts
        profiles = [" ".join([pt.title, pt.statement]) for pt in codebook.programme_theories]
        element_texts = [e.statement for pt in codebook.programme_theories for e in pt.elements]
        #: coded quotes against the query (and paraphrases): TF-IDF over the project's own words
        self.vec = Tfidf(ngrams=1, stop_words=True, max_features=50000).fit(profiles + element_texts + index.texts)
        self.quotes: Sparse = self.vec.transform_sparse(index.texts)
        self.quote_pts = [r.pt for r in index.records]
        #: per theory, the positions of its coded quotes (vectorised best-quote lookup)
        self.quotes_of = {pt: np.array([k for k, q in enumerate(self.quote_pts) if q == pt], dtype=np.int64)
                          for pt in self.pts}

    def _query(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        q = self.vec.transform([text])[0]
        quote_cos = self.quotes.dot(q[:, None].astype(np.float32))[:, 0] if len(self.quote_pts) else np.zeros(0)
        return q, quote_cos

    def _semantic_quotes(self, text: str, tfidf_cos: np.ndarray) -> np.ndarray:
        """The closest coded quotes by words, re-scored by the mean of their TF-IDF and embedding cosines."""
        assert self.embeddings is not None
        q = self.embeddings.embed([text])[0]
        quote_cos = np.zeros(len(self.quote_pts), dtype=np.float32)
        shortlist = [int(k) for k in np.argsort(-tfidf_cos, kind="stable")[:SEMANTIC_SHORTLIST] if tfidf_cos[k] > 0]
        if shortlist:
            emb = np.maximum(self.embeddings.embed([self.index.texts[k] for k in shortlist]) @ q, 0.0)
            quote_cos[shortlist] = 0.5 * tfidf_cos[shortlist] + 0.5 * emb
        return quote_cos

    def rank(self, text: str, context: str = "", context_quotes: bool = False) -> list[TheoryScore]:
        """Every theory of the codebook, most similar first (ties in codebook order); empty scores are 0.

        ``context`` (the text around the quote where it was found) joins the codebook score at a
        lower weight. Coded quotes are compared with the quote alone: the surroundings are often
        coded themselves, and matching them would answer with the neighbours' theories
        (``context_quotes=True`` does, for the benchmark that measures how much that would flatter).
        """
        _, quote_cos = self._query(text)
        if self.embeddings is not None:
            quote_cos = self._semantic_quotes(text, quote_cos)
        if context_quotes and context:
            _, ctx_cos = self._query(context)
            quote_cos = (quote_cos + CONTEXT_WEIGHT * ctx_cos) / (1 + CONTEXT_WEIGHT)
        match = self.codebook_sim.match([text], [None], [context] if context else None)
        if self.embeddings is not None:
            self.embeddings.save()
        evidence = []
        own = np.zeros((1, len(self.pts)))
        for j, pt in enumerate(self.pts):
            best_el, best_el_s = self.codebook_sim.best_element(match, 0, pt)
            best_q, best_q_s = -1, 0.0
            mine = self.quotes_of[pt]
            if len(mine):
                k = int(mine[int(np.argmax(quote_cos[mine]))])
                if float(quote_cos[k]) > 0:
                    best_q, best_q_s = k, float(quote_cos[k])
            own[0, j] = coded_quote_join(float(match.own[0, j]), best_q_s, bool(len(mine)))
            evidence.append((best_el, best_el_s, best_q, best_q_s))
        joined = match.join(own)[0]  # the quote's own best evidence, then its surroundings at a lower weight
        out = [TheoryScore(pt, float(joined[j]), float(match.statement[0, j]), el, el_s, q, q_s,
                           float(match.context[0, j]))
               for j, (pt, (el, el_s, q, q_s)) in enumerate(zip(self.pts, evidence, strict=True))]
        order = {pt: i for i, pt in enumerate(self.pts)}
        return sorted(out, key=lambda s: (-s.score, order[s.pt]))

    def paraphrase(self, text: str) -> Paraphrase | None:
        """The coded quote this query retells, when one is closest by a clear margin."""
        q, quote_cos = self._query(text)
        if not len(quote_cos):
            return None
        best = int(np.argmax(quote_cos))
        top = float(quote_cos[best])
        if top < PARAPHRASE_MIN:
            return None
        words = self.quotes.cols[self.quotes.rows == best]
        if len(np.intersect1d(words, np.nonzero(q)[0])) < PARAPHRASE_SHARED_WORDS:
            return None
        rec = self.index.records[best]
        same = self.index.norm_texts[best]
        runner_up = 0.0
        for k in np.argsort(-quote_cos, kind="stable")[:50]:  # the runner-up is among the closest few
            other = self.index.records[int(k)]
            same_passage = other.transcript_id == rec.transcript_id and other.start < rec.end and rec.start < other.end
            if self.index.norm_texts[int(k)] != same and not same_passage:
                runner_up = float(quote_cos[int(k)])
                break
        if top - runner_up < PARAPHRASE_MARGIN:
            return None
        return Paraphrase(best, top, runner_up)


def for_index(index: QuoteIndex, codebook: Codebook, project_path: Path | None = None) -> TheorySimilarity:
    """The similarity model of an index, built on first use and kept on the index (a server reuses it).

    Sentence embeddings are used when the semantic extra is installed (cached under the project).
    """
    use_semantic = semantic.available()
    key = (hashlib.sha256(codebook.model_dump_json().encode("utf-8")).hexdigest(), use_semantic)
    cached: dict[tuple[str, bool], TheorySimilarity] = getattr(index, "_theory_similarity", {})
    if key not in cached:
        cached = {k: v for k, v in cached.items() if k[0] == key[0]}  # one codebook at a time, with and without
        cached[key] = TheorySimilarity(codebook, index, semantic.cache_for(project_path) if use_semantic else None)
        index._theory_similarity = cached  # type: ignore[attr-defined]
    return cached[key]
