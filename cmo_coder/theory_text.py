"""How close a passage is to each programme theory's own words: the codebook side of PT ranking.

Both the suggester's PT scorer and which-pt's answer for a quote nobody coded ask the same
question of the codebook: which theory's statement and elements does this text resemble?
Three choices make word overlap say more than plain TF-IDF did (each measured in
docs/benchmarks.md, "Suggest"):

* *The codebook's own stop words.* Weights are inverse document frequencies over the
  theories (each theory's title, statement and elements is one document), so a word every
  theory uses ("services", "staff", "COSMHAD" in RECO) carries nothing, whatever corpus the
  codebook came from. No list of domain words is written down; the codebook teaches it.
* *Light stemming.* "assessments", "assessed" and "assessing" count as one word, by a few
  suffix rules (no model, deterministic), so a quote need not share a theory's exact forms.
* *Context.* A clause or quote is about what its surroundings are about: a short quote
  ("they just get it") says little, the question or paragraph around it says more. The
  window's score joins the passage's own at a lower weight (:data:`CONTEXT_WEIGHT`).

A theory's score is the mean of its statement's cosine and its best element's cosine (of the
asked component, when one is given), so a theory is found both by its summary and by one
element it states precisely.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from .model import Codebook
from .semantic import METHOD as SEMANTIC_METHOD
from .semantic import EmbeddingCache

_WORD = re.compile(r"[a-z][a-z'’]*(?:-[a-z]+)*")
#: the window of surrounding text scored with a passage, in characters each side (see :func:`window`)
CONTEXT_CHARS = 600
#: how much the surroundings count beside the passage itself (the passage counts 1)
CONTEXT_WEIGHT = 0.75
#: the share of a theory's score that its statement (not its best element) decides
STATEMENT_SHARE = 0.5


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic suffix stripper (plurals, -ing, -ed, -ly, a final e); never below four letters."""
    w = word.replace("’", "'").removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("ly", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) + len(repl) >= 4:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            w = w[: len(w) - len(suffix)] + repl
            if suffix in ("ing", "ed") and len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "referring" → "refer", "planned" → "plan" (kept: ll, ss, zz)
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # "involve", "involved", "involving" → "involv"; "services" → "servic"
    return w


def terms(text: str) -> list[str]:
    """Content words of ``text``, lower-cased, hyphenated words split, stemmed; stop words and short words dropped."""
    out = []
    for word in _WORD.findall(text.lower()):
        for w in word.replace("’", "'").split("-"):  # "team-wide" is about a team
            if len(w) > 2 and w not in STOP_WORDS:
                out.append(stem(w))
    return out


class TheoryTerms:
    """Sublinear term frequency × inverse frequency over the codebook's theories, rows of unit length."""

    def __init__(self, codebook: Codebook) -> None:
        docs = [
            Counter(t for text in [pt.title, pt.statement, *(e.statement for e in pt.elements)] for t in terms(text))
            for pt in codebook.programme_theories
        ]
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        vocab = sorted(df)
        self.vocab = {t: i for i, t in enumerate(vocab)}
        # a word in every theory weighs ~0; a word of one theory log((n + 1) / 1.5)
        self.idf = np.array([math.log((n + 1) / (df[t] + 0.5)) for t in vocab], dtype=np.float32)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Rows of unit length over the codebook's words (a word no theory uses has no column and no weight)."""
        x = np.zeros((len(texts), len(self.vocab)), dtype=np.float32)
        for i, text in enumerate(texts):
            for term, c in Counter(terms(text)).items():
                j = self.vocab.get(term)
                if j is not None:
                    x[i, j] = (1.0 + math.log(c)) * self.idf[j]
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)


def window(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> tuple[int, int, str]:
    """Up to ``chars`` characters each side of ``text[start:end]``, cut at word boundaries, without the passage.

    Returns where the window starts and ends and its text (before and after joined by " … ").
    Crossing lines and turns is deliberate: in an interview the question before an answer,
    in a report the paragraph before a block quote, says what it is about.
    """
    lo = max(0, start - chars)
    hi = min(len(text), end + chars)
    if lo > 0:
        cut = text.find(" ", lo, start)
        lo = cut + 1 if cut >= 0 else start
    if hi < len(text):
        cut = text.rfind(" ", end, hi)
        hi = cut if cut >= 0 else end
    before, after = text[lo:start].strip(), text[end:hi].strip()
    return lo, hi, " … ".join(p for p in (before, after) if p)


Encoder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class TheoryMatch:
    """Per text, each theory's codebook score and the evidence behind it."""

    scores: np.ndarray  # texts × theories: STATEMENT_SHARE · statement + rest · best element (context joined)
    statement: np.ndarray  # texts × theories: the statement's cosine (the passage's own)
    element: np.ndarray  # texts × elements: each element's cosine (passage and context joined)
    context: np.ndarray  # texts × theories: the surroundings' own score (0 without context)
    own: np.ndarray  # texts × theories: the passage's own score, without its surroundings
    weight: np.ndarray  # per text, the weight its context was given (0 without context)

    def join(self, own: np.ndarray, rows: Sequence[int] | None = None) -> np.ndarray:
        """Join the passages' own evidence (the codebook's, or a better one such as a coded quote) with their
        surroundings' codebook scores, at each text's context weight; stays on the cosine scale. ``own`` holds
        the given ``rows`` (default: all)."""
        picked = list(rows) if rows is not None else list(range(len(self.weight)))
        w = self.weight[picked][:, None]
        return (own + w * self.context[picked]) / (1 + w)


class CodebookSimilarity:
    """How close texts are to each theory's statement and elements, by TF-IDF and, with the extra, by meaning.

    With sentence embeddings (``embeddings``) the two are *fused*: every score is the mean of the
    TF-IDF one and the embedding one, so a theory found by shared words and one found by meaning
    both rise (for suggested clauses measured better than either alone, docs/benchmarks.md).
    """

    def __init__(self, codebook: Codebook, embeddings: EmbeddingCache | None = None) -> None:
        self.pts = [pt.id for pt in codebook.programme_theories]
        self.elements = [(pt.id, e.id, e.component.value) for pt in codebook.programme_theories for e in pt.elements]
        self.embeddings = embeddings
        self.method = f"tf-idf + {SEMANTIC_METHOD}" if embeddings is not None else "tf-idf"
        self.terms = TheoryTerms(codebook)
        profiles = [" ".join([pt.title, pt.statement]) for pt in codebook.programme_theories]
        element_texts = [e.statement for pt in codebook.programme_theories for e in pt.elements]
        #: (text → unit vectors, profile vectors, element vectors) per way of comparing; scores are their mean
        self.channels: list[tuple[Encoder, np.ndarray, np.ndarray]] = []
        self.add_channel(self.terms.transform, profiles, element_texts)
        if embeddings is not None:
            self.add_channel(lambda texts: embeddings.embed(list(texts)), profiles, element_texts)
        pt_of = {pt: j for j, pt in enumerate(self.pts)}
        self._el_pt = np.array([pt_of[pt] for pt, _, _ in self.elements], dtype=np.int64)

    def add_channel(self, encode: Encoder, profiles: Sequence[str], element_texts: Sequence[str]) -> None:
        self.channels.append((encode, encode(profiles), encode(element_texts)))

    def _scores(self, texts: Sequence[str], components: Sequence[str | None],
                words_only: bool = False) -> tuple[np.ndarray, ...]:
        """Theory scores, statement cosines and element cosines, each the mean over the channels (over the
        word channel alone with ``words_only``)."""
        n, p, m = len(texts), len(self.pts), len(self.elements)
        scores, prof_sum, elem_sum = np.zeros((n, p)), np.zeros((n, p)), np.zeros((n, m))
        channels = self.channels[:1] if words_only else self.channels
        for encode, profile_m, element_m in channels:
            x = encode(texts)
            prof = np.maximum(x @ profile_m.T, 0.0)
            elem = np.maximum(x @ element_m.T, 0.0) if m else np.zeros((n, 0))
            prof_sum += prof
            elem_sum += elem
            scores += self._blend(prof, elem, components)
        k = len(channels)
        return scores / k, prof_sum / k, elem_sum / k

    def _blend(self, prof: np.ndarray, elem: np.ndarray, components: Sequence[str | None]) -> np.ndarray:
        """Per text and theory: the statement's cosine, blended with the best element's of the asked component
        (any component for None) when the theory has such an element."""
        out = prof.copy()
        for comp in dict.fromkeys(components):
            rows = np.array([i for i, c in enumerate(components) if c == comp], dtype=np.int64)
            for j in range(len(self.pts)):
                cols = np.array([k for k, (_, _, el_comp) in enumerate(self.elements)
                                 if self._el_pt[k] == j and (comp is None or el_comp == comp)], dtype=np.int64)
                if len(cols):
                    best = elem[np.ix_(rows, cols)].max(axis=1)
                    out[rows, j] = STATEMENT_SHARE * prof[rows, j] + (1 - STATEMENT_SHARE) * best
        return out

    def match(self, texts: Sequence[str], components: Sequence[str | None],
              contexts: Sequence[str] | None = None, context_weight: float | None = None) -> TheoryMatch:
        """Score ``texts`` (with the component each is asked about, None for any); with ``contexts``, each
        text's surroundings join its score at ``context_weight`` (the result stays on the cosine scale)."""
        own, prof, elem = self._scores(texts, components)
        ctx_scores = np.zeros_like(own)
        weight = np.zeros(len(texts))
        if contexts is not None and any(c.strip() for c in contexts):
            has = [i for i, c in enumerate(contexts) if c.strip()]
            # the surroundings by words alone: embedding a window of 1,200 characters per clause made a
            # 10,000-word transcript cost minutes with the semantic extra (163 s against 9.9 s)
            c_scores, _, c_elem = self._scores([contexts[i] for i in has], [components[i] for i in has],
                                               words_only=True)
            w = CONTEXT_WEIGHT if context_weight is None else context_weight
            ctx_scores[has] = c_scores
            weight[has] = w
            elem[has] = (elem[has] + w * c_elem) / (1 + w)
        match = TheoryMatch(own, prof, elem, ctx_scores, own, weight)
        return TheoryMatch(match.join(own), prof, elem, ctx_scores, own, weight)

    def best_element(self, match: TheoryMatch, i: int, pt: str, component: str | None = None) -> tuple[str, float]:
        """The theory's element (of ``component``, if given) closest to text ``i`` ("", 0 if none)."""
        best, best_s = "", 0.0
        for k, (el_pt, el_id, el_comp) in enumerate(self.elements):
            if el_pt == pt and (component is None or el_comp == component) and float(match.element[i, k]) > best_s:
                best, best_s = el_id, float(match.element[i, k])
        return best, best_s
