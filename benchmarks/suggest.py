"""How well does the suggester find C / Mres / Mresp / O clauses and their PT, and how fast is it?

Usage: python benchmarks/suggest.py PATH/TO/shared/reco [--folds 5] [--words 10000]

Data: the tagged RECO report chapter (``chapter4_pt1-5.txt``), parsed with the inline-markup
parser; its tags give every clause a gold component (or "none") and its PT headings a gold
PT. Nothing from the file is stored; figures are printed only.

Two held-out evaluations, both reported:
  A. split by programme theory: train on the sections of PT1–3, test on PT4–5 (new theories,
     new wording: the closest stand-in for unseen chapters);
  B. random clause split: K folds with a fixed seed (same theories, unseen clauses).
Components: macro-F1 over C / Mres / Mresp / O (a clause predicted "none" counts as a miss),
for the majority-class baseline, the cue-phrase keyword baseline, spaCy textcat (bag of
words) and the logistic regression the suggester ships (TF-IDF words+pairs, without and
with cue features, and with grammar and neighbour features as shipped). PTs: top-1 / top-3
accuracy on held-out tagged clauses, for the majority-PT baseline, a keyword-overlap baseline,
codebook similarity, and codebook similarity blended with nearest coded examples (what the
suggester does).
Speed: suggesting for a generated 10,000-word interview (cue rules, default model, trained).
Then ``benchmarks/suggest_fresh.py``: a fresh project with the default model, and which-pt for
uncoded quotes and paraphrases, on held-out parts of the chapter.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.coding.markup import parse_markup  # noqa: E402
from cmo_coder.model import Component, Participant, Transcript, Turn  # noqa: E402
from cmo_coder.suggest.engine import Suggester, training_set  # noqa: E402
from cmo_coder.suggest.features import words  # noqa: E402
from cmo_coder.suggest.model import LABELS, NONE, ComponentModel, CueScorer, Example, PtScorer  # noqa: E402
from cmo_coder.suggest.nlp import pipeline  # noqa: E402
from cmo_coder.suggest.segment import Clause, label_clauses, segment  # noqa: E402

COMPONENTS = [c.value for c in Component]
Cues = Sequence[Sequence[tuple[str, str]]]
Feats = Sequence[Sequence[str]]
Predictor = Callable[[list[str], Cues, Feats], np.ndarray]


# -- data ------------------------------------------------------------------------------------------
def document(text: str, tid: str) -> Transcript:
    return Transcript(
        id=tid, title=tid, source_format="markup", kind="document", text=text, turns=[],
        source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="bench",
    )


class Data:
    def __init__(self, reco: Path) -> None:
        self.md = parse_markup((reco / "chapter4_pt1-5.txt").read_text(encoding="utf-8"))
        self.text = self.md.text
        self.heads = sorted((h.start, h.pt) for h in self.md.headings)
        self.tagged = [(c.start, c.end, c.component, c.pt) for c in self.md.clauses]
        self.quotes = [(q.start, q.end, q.pt) for q in self.md.quotes]

    def section(self, offset: int) -> str | None:
        pt = None
        for start, p in self.heads:
            if start <= offset:
                pt = p
        return pt

    def part(self, start: int, end: int, tid: str) -> tuple[Transcript, list[tuple[int, int, Component]]]:
        t = document(self.text[start:end], tid)
        spans = [(s - start, e - start, c) for s, e, c, _ in self.tagged if start <= s and e <= end]
        return t, spans


# -- component models ------------------------------------------------------------------------------
def fit_lr(texts: list[str], cues: Cues, labels: list[str], feats: Feats, use_cues: bool = True,
           grammar: bool = True) -> Predictor:
    m = ComponentModel(grammar=grammar)
    empty: list[tuple[str, str]] = []
    m.fit(texts, cues if use_cues else [empty] * len(texts), labels, feats)
    return lambda t, c, f: m.predict_proba(t, c if use_cues else [empty] * len(t), f)


def fit_textcat(texts: list[str], cues: Cues, labels: list[str], feats: Feats) -> Predictor:
    import spacy
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(0)
    nlp = spacy.blank("en")
    tc = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": 262144}})
    for lab in LABELS:
        tc.add_label(lab)
    examples = [SpacyExample.from_dict(nlp.make_doc(t), {"cats": {lab: float(lab == y) for lab in LABELS}})
                for t, y in zip(texts, labels, strict=True)]
    opt = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    # balance the classes by repeating rarer ones, as the logistic regression weights them
    by_label: dict[str, list[SpacyExample]] = {}
    for ex, y in zip(examples, labels, strict=True):
        by_label.setdefault(y, []).append(ex)
    most = max(len(v) for v in by_label.values())
    examples = [ex for v in by_label.values() for ex in (v * (most // len(v) + 1))[:most]]
    for _ in range(15):
        rng.shuffle(examples)
        for batch in minibatch(examples, 16):
            nlp.update(batch, sgd=opt, losses={})

    def predict(t: list[str], c: Cues, f: Feats) -> np.ndarray:
        return np.array([[d.cats[lab] for lab in LABELS] for d in nlp.pipe(t)])
    return predict


def fit_majority(texts: list[str], cues: Cues, labels: list[str], feats: Feats) -> Predictor:
    top = Counter(labels).most_common(1)[0][0]
    row = np.array([float(lab == top) for lab in LABELS])
    return lambda t, c, f: np.tile(row, (len(t), 1))


def fit_keyword(texts: list[str], cues: Cues, labels: list[str], feats: Feats) -> Predictor:
    return lambda t, c, f: CueScorer().predict_proba(t, c)  # rules only: nothing learnt


MODELS: dict[str, Callable[[list[str], Cues, list[str], Feats], Predictor]] = {
    "majority class": fit_majority,
    "keyword (cue rules)": fit_keyword,
    "spaCy textcat (bow)": fit_textcat,
    "logistic regression (tf-idf)": lambda t, c, y, f: fit_lr(t, c, y, f, use_cues=False, grammar=False),
    "logistic regression (tf-idf+cues)": lambda t, c, y, f: fit_lr(t, c, y, f, grammar=False),
    "logistic regression (+grammar) *": fit_lr,
}


def decide(p: np.ndarray) -> list[str]:
    """The suggester's rule: best component if at least as likely as "none"."""
    out = []
    for row in p:
        j = int(np.argmax(row[1:])) + 1
        out.append(LABELS[j] if row[j] >= row[0] else NONE)
    return out


def scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    f1s = []
    for comp in COMPONENTS:
        tp = sum(g == comp and p == comp for g, p in zip(gold, pred, strict=True))
        fp = sum(g != comp and p == comp for g, p in zip(gold, pred, strict=True))
        fn = sum(g == comp and p != comp for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    det_tp = sum(g != NONE and p != NONE for g, p in zip(gold, pred, strict=True))
    det_p = det_tp / max(1, sum(p != NONE for p in pred))
    det_r = det_tp / max(1, sum(g != NONE for g in gold))
    return {"macro_f1": float(np.mean(f1s)), "det_p": det_p, "det_r": det_r}


# -- PT scorers ------------------------------------------------------------------------------------
def pt_rankings(name: str, codebook, train_ex: list[Example], texts: list[str], comps: list[str]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    pts = codebook.pt_ids
    if name == "majority PT":
        order = [p for p, _ in Counter(e.pt for e in train_ex).most_common()]
        order += [p for p in pts if p not in order]
        return [order] * len(texts)
    if name == "keyword overlap":
        bags = {pt.id: set(words(" ".join([pt.title, pt.statement, *(e.statement for e in pt.elements)])))
                for pt in codebook.programme_theories}
        from spacy.lang.en.stop_words import STOP_WORDS
        out = []
        for t in texts:
            ws = {w for w in words(t) if w not in STOP_WORDS}
            out.append(sorted(pts, key=lambda p: (-len(ws & bags[p]), pts.index(p))))
        return out
    if name.startswith("codebook + neighbour vote"):
        scorer = PtScorer(codebook, train_ex, mode="vote")
    else:
        scorer = PtScorer(codebook, train_ex if name.startswith("codebook + coded") else [])
    return [sorted(ev.scores, key=lambda p: (-ev.scores[p], pts.index(p))) for ev in scorer.score(texts, comps)]


PT_METHODS = [
    "majority PT", "keyword overlap", "codebook similarity", "codebook + neighbour vote",
    "codebook + coded examples *",
]


def pt_eval(codebook, train_ex, test: list[tuple[str, str, str]]) -> dict[str, tuple[float, float]]:  # type: ignore[no-untyped-def]
    texts = [t for t, _, _ in test]
    comps = [c for _, c, _ in test]
    gold = [p for _, _, p in test]
    out = {}
    for name in PT_METHODS:
        ranks = pt_rankings(name, codebook, train_ex, texts, comps)
        top1 = np.mean([r[0] == g for r, g in zip(ranks, gold, strict=True)])
        top3 = np.mean([g in r[:3] for r, g in zip(ranks, gold, strict=True)])
        out[name] = (float(top1), float(top3))
    return out


# -- evaluations -----------------------------------------------------------------------------------
def split_by_pt(data: Data, nlp, codebook) -> None:  # type: ignore[no-untyped-def]
    cut = next(s for s, p in data.heads if p == "PT4")
    train_t, train_spans = data.part(0, cut, "train")
    test_t, test_spans = data.part(cut, len(data.text), "test")
    ts = training_set(nlp, [(train_t, train_spans)])
    test_clauses = segment(test_t, nlp)
    gold = [g or NONE for g in label_clauses(test_clauses, [(s, e, c.value) for s, e, c in test_spans])]
    print(f"\nA. split by PT — train on PT1–3 ({len(train_spans)} tagged clauses, {len(ts.texts)} examples), "
          f"test on PT4–5 ({len(test_clauses)} clauses, {sum(g != NONE for g in gold)} tagged)")
    component_table(ts.texts, ts.cues, ts.labels, ts.features, test_clauses, gold)
    train_ex = examples_in(data, 0, cut)
    test = [(data.text[s:e], c.value, p) for s, e, c, p in data.tagged if s >= cut and p]
    pt_table(pt_eval(codebook, train_ex, test), len(test), len(train_ex))


def examples_in(data: Data, start: int, end: int, keep: Callable[[int], bool] = lambda i: True) -> list[Example]:
    ex = [Example(f"c{i}", p, c.value, data.text[s:e]) for i, (s, e, c, p) in enumerate(data.tagged)
          if p and start <= s < end and keep(i)]
    ex += [Example(f"q{i}", p, None, data.text[s:e]) for i, (s, e, p) in enumerate(data.quotes)
           if p and start <= s < end]
    return ex


def random_split(data: Data, nlp, codebook, folds: int) -> None:  # type: ignore[no-untyped-def]
    t = document(data.text, "all")
    clauses = segment(t, nlp)
    gold = [g or NONE for g in label_clauses(clauses, [(s, e, c.value) for s, e, c, _ in data.tagged])]
    order = list(range(len(clauses)))
    random.Random(13).shuffle(order)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    print(f"\nB. random clause split — {folds} folds (seed 13) over {len(clauses)} clauses, "
          f"{sum(g != NONE for g in gold)} tagged; figures are the mean over folds")
    results: dict[str, list[dict[str, float]]] = {}
    tag_order = list(range(len(data.tagged)))
    random.Random(13).shuffle(tag_order)
    tag_fold = {i: k % folds for k, i in enumerate(tag_order)}
    pt_results: dict[str, list[tuple[float, float]]] = {}
    for k in range(folds):
        tr = [i for i in range(len(clauses)) if fold_of[i] != k]
        te = [i for i in range(len(clauses)) if fold_of[i] == k]
        texts = [clauses[i].text for i in tr]
        cues = [clauses[i].cues for i in tr]
        feats = [clauses[i].features for i in tr]
        labels = [gold[i] for i in tr]
        for name, fit in MODELS.items():
            pred = decide(fit(texts, cues, labels, feats)([clauses[i].text for i in te], [clauses[i].cues for i in te],
                                                          [clauses[i].features for i in te]))
            results.setdefault(name, []).append(scores([gold[i] for i in te], pred))
        train_ex = examples_in(data, 0, len(data.text), keep=lambda i, k=k: tag_fold[i] != k)  # type: ignore[misc]
        test = [(data.text[s:e], c.value, p) for i, (s, e, c, p) in enumerate(data.tagged) if p and tag_fold[i] == k]
        for name, v in pt_eval(codebook, train_ex, test).items():
            pt_results.setdefault(name, []).append(v)
    print(f"  {'component model':38} {'macro-F1':>9} {'detect P':>9} {'detect R':>9}")
    for name, rs in results.items():
        m = {key: float(np.mean([r[key] for r in rs])) for key in rs[0]}
        print(f"  {name:38} {m['macro_f1']:9.3f} {m['det_p']:9.3f} {m['det_r']:9.3f}")
    pt_table({n: (float(np.mean([a for a, _ in v])), float(np.mean([b for _, b in v])))
              for n, v in pt_results.items()}, len(data.tagged) // folds, None)


def component_table(texts, cues, labels, feats, test_clauses: list[Clause], gold: list[str]) -> None:  # type: ignore[no-untyped-def]
    print(f"  {'component model':38} {'macro-F1':>9} {'detect P':>9} {'detect R':>9}")
    for name, fit in MODELS.items():
        pred = decide(fit(texts, cues, labels, feats)([c.text for c in test_clauses], [c.cues for c in test_clauses],
                                                      [c.features for c in test_clauses]))
        s = scores(gold, pred)
        print(f"  {name:38} {s['macro_f1']:9.3f} {s['det_p']:9.3f} {s['det_r']:9.3f}")


def pt_table(res: dict[str, tuple[float, float]], n_test: int, n_train: int | None) -> None:
    extra = f", {n_train} coded examples from the training part" if n_train is not None else ""
    print(f"  PT assignment on ~{n_test} held-out tagged clauses (gold component given{extra}):")
    print(f"  {'PT method':38} {'top-1':>9} {'top-3':>9}")
    for name, (a, b) in res.items():
        print(f"  {name:38} {a:9.3f} {b:9.3f}")


# -- speed -----------------------------------------------------------------------------------------
SUBJECTS = ["the team", "my key worker", "the nurse", "the GP", "staff on the ward", "the dual diagnosis worker",
            "the psychiatrist", "my mum", "the drug service", "the crisis team", "the housing officer", "we"]
VERBS = ["listened to me", "sorted out my medication", "rang me every week", "never turned up",
         "referred me on", "came to the house", "explained the plan", "had training on alcohol",
         "kept changing", "sent me away", "worked together", "shared the care plan"]
FEELINGS = ["I felt safe", "I didn't trust them", "I felt judged", "I was more confident", "I felt listened to",
            "I got angry", "I was scared", "I felt like giving up", "I had hope again", "I was motivated"]
RESULTS = ["I stopped drinking for a while", "I ended up in hospital", "I kept going to appointments",
           "I dropped out", "things got better", "I relapsed", "I moved into my own flat", "I went back to work"]
CONTEXTS = ["When I was drinking heavily", "If you're using", "Because of the waiting list",
            "Where I live", "At the time", "Before the new service", "When they merged the teams"]


def interview(n_words: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    turns: list[tuple[str, str]] = []
    count = 0
    while count < n_words:
        q = rng.choice(["Can you tell me more about that?", "How did that make you feel?",
                        "What happened after that?", "What helped?"])
        sentences = []
        for _ in range(rng.randint(3, 8)):
            form = rng.randint(0, 3)
            if form == 0:
                s = f"{rng.choice(CONTEXTS)}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)}."
            elif form == 1:
                s = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} and {rng.choice(FEELINGS)}."
            elif form == 2:
                s = f"{rng.choice(FEELINGS)}, so {rng.choice(RESULTS)}."
            else:
                s = f"Um, you know, {rng.choice(SUBJECTS)} {rng.choice(VERBS)}, which meant {rng.choice(RESULTS)}."
            sentences.append(s)
        answer = " ".join(sentences)
        turns += [("F1", q), ("P1", answer)]
        count += len(q.split()) + len(answer.split())
    return turns


def generated(n_words: int, tid: str = "generated", seed: int = 7) -> Transcript:
    turns = interview(n_words, seed)
    parts, model_turns, off = [], [], 0
    for i, (who, said) in enumerate(turns):
        if i:
            parts.append("\n\n")
            off += 2
        model_turns.append(Turn(speaker=who, start=off, end=off + len(said)))
        parts.append(said)
        off += len(said)
    text = "".join(parts)
    return Transcript(id=tid, title=tid, source_format="plain_txt", text=text, turns=model_turns,
                      source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="bench")


PHRASES = {Component.context: CONTEXTS, Component.mechanism_resource: VERBS, Component.mechanism_response: FEELINGS,
           Component.outcome: RESULTS}


def study_training(n_interviews: int, words_each: int, codebook) -> None:  # type: ignore[no-untyped-def]
    """Train as ``suggest train`` does on a study-sized project: generated interviews, a third of the
    generator's component phrases coded (to random PTs)."""
    from cmo_coder.model import Coding
    from cmo_coder.store import Project
    from cmo_coder.suggest import run

    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(Path(tmp) / "study", codebook, actor="bench")
        n_codings = 0
        with project.transaction("bench") as tx:
            tx.upsert_participant(Participant(label="F1", role="facilitator"))
            tx.upsert_participant(Participant(label="P1", role="service_user"))
            for k in range(n_interviews):
                t = generated(words_each, f"int{k:02d}", seed=100 + k)
                tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, "bench")
                tx.sign_off_transcript(t)
                for comp, phrases in PHRASES.items():
                    for phrase in phrases:
                        at = t.text.find(phrase)
                        while at >= 0:
                            if rng.random() < 0.33:
                                tx.add_coding(Coding(
                                    id=f"c{k}-{at}-{comp.value}", transcript_id=t.id, start=at, end=at + len(phrase),
                                    text=phrase, pt=rng.choice(codebook.pt_ids), component=comp, coder="bench"))
                                n_codings += 1
                            at = t.text.find(phrase, at + 1)
        t0 = time.perf_counter()
        meta = run.train(project, "bench")
        print(f"  'cmo-coder suggest train' on a study: {n_interviews} interviews x {words_each} words, "
              f"{n_codings} codings, {meta['examples']} examples: {time.perf_counter() - t0:.1f} s")
        project.close()


def speed(n_words: int, data: Data, nlp, codebook) -> None:  # type: ignore[no-untyped-def]
    t = generated(n_words)
    text = t.text
    turns = t.turns
    print(f"\nSpeed — generated interview: {len(text.split())} words, {len(turns)} turns (CPU, "
          f"{len(__import__('os').sched_getaffinity(0))} cores)")
    ts = training_set(nlp, [data.part(0, len(data.text), "all")])
    t0 = time.perf_counter()
    model = ComponentModel()
    model.fit(ts.texts, ts.cues, ts.labels, ts.features)
    print(f"  train on {len(ts.texts)} examples: {time.perf_counter() - t0:.2f} s")
    ex = examples_in(data, 0, len(data.text))
    from cmo_coder.suggest.pretrain import default_model

    for label, m in (("cue rules", None), ("default model (fresh project)", default_model()),
                     ("trained model", model)):
        t0 = time.perf_counter()
        clauses = segment(t, nlp, ["F1"])
        t1 = time.perf_counter()
        s = Suggester(nlp, codebook, m, ex).suggest_clauses(t.id, clauses)
        t2 = time.perf_counter()
        print(f"  {label:28} segment {t1 - t0:5.2f} s + score {t2 - t1:5.2f} s = {t2 - t0:5.2f} s "
              f"({len(clauses)} clauses, {len(s)} suggestions)")
    # the whole command path: project, queue writes, audit
    from cmo_coder.store import Project
    from cmo_coder.suggest import run
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(Path(tmp) / "p", codebook, actor="bench")
        with project.transaction("bench") as tx:
            tx.upsert_participant(Participant(label="F1", role="facilitator"))
            tx.upsert_participant(Participant(label="P1", role="service_user"))
            tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, "bench")
            tx.sign_off_transcript(t)
        t0 = time.perf_counter()
        n = len(run.suggest(project, [t.id], actor="bench"))
        print(f"  'cmo-coder suggest' path (project, queue, audit): {time.perf_counter() - t0:.2f} s, {n} queued")
        project.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reco", type=Path, help="folder holding chapter4_pt1-5.txt (../shared/reco)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--words", type=int, default=10000)
    ap.add_argument("--study", type=int, default=20, help="interviews in the study-sized training run (0: skip)")
    ap.add_argument("--study-words", type=int, default=6000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    nlp = pipeline()
    print(f"spaCy pipeline {nlp.meta.get('name')} {nlp.meta.get('version')} loaded in {time.perf_counter() - t0:.2f} s")
    codebook = codebook_io.load(REPO / "codebooks" / "reco.yaml")
    data = Data(args.reco)
    print(f"chapter: {len(data.text)} characters, {len(data.tagged)} tagged clauses, {len(data.quotes)} quotes; "
          "'*' marks what the suggester ships")
    split_by_pt(data, nlp, codebook)
    random_split(data, nlp, codebook, args.folds)
    speed(args.words, data, nlp, codebook)
    if args.study:
        study_training(args.study, args.study_words, codebook)
    import suggest_fresh  # the fresh-project (default model) and theory-aware which-pt evaluations

    suggest_fresh.run(args.reco, args.folds)


if __name__ == "__main__":
    main()
