"""Suggesting and training, on a project or on in-memory data (the benchmark uses the latter).

The flow is the same both ways: segment speech into clauses, give each clause component
probabilities (cue rules, or the trained model), keep clauses whose best component beats
"none", then rank programme theories for the kept clauses.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language

from ..errors import CmoError
from ..ids import stable_id
from ..model import Codebook, Component, Transcript
from ..semantic import EmbeddingCache
from ..theory_text import window
from .grammar import clause_features, context_features, own
from .model import LABELS, NONE, ComponentModel, CueScorer, Example, PtEvidence, PtScorer
from .records import Reason, Suggestion
from .segment import Clause, label_clauses, overlap, segment

#: the smallest training set ``suggest train`` accepts: below it a model only memorises
MIN_CODINGS = 20
MIN_COMPONENTS = 2
MIN_PER_COMPONENT = 3
MODEL_FOLDER = "suggester"


@dataclass(frozen=True)
class TrainingSet:
    texts: list[str]
    cues: list[tuple[tuple[str, str], ...]]
    labels: list[str]
    codings_per_component: dict[str, int]
    features: list[tuple[str, ...]] = field(default_factory=list)
    #: one weight per example, or empty when every example counts once
    weights: list[float] = field(default_factory=list)

    @property
    def n_codings(self) -> int:
        return sum(self.codings_per_component.values())


def examples_from(
    nlp: Language, transcript: Transcript, spans: Sequence[tuple[int, int, Component]],
    skip_speakers: Sequence[str] = (),
) -> tuple[list[Clause], list[str]]:
    """Clauses of a coded transcript labelled by the codings covering them ("none" when uncoded)."""
    clauses = segment(transcript, nlp, skip_speakers)
    labels = label_clauses(clauses, [(s, e, c.value) for s, e, c in spans])
    return clauses, [lab or NONE for lab in labels]


def span_context(text: str, clauses: Sequence[Clause], start: int, end: int) -> tuple[str, ...]:
    """The neighbour features a coded span would have as a clause: those of the clauses just outside it.

    Neighbours count only on the same line of the same speaker, as in :func:`segment.with_context`;
    a span no candidate clause touches has no context features.
    """
    inside = [k for k, c in enumerate(clauses) if overlap((c.start, c.end), (start, end))]
    if not inside:
        return ()
    first, last = inside[0], inside[-1]

    def same_line(a: Clause, b: Clause) -> bool:
        return a.speaker == b.speaker and "\n" not in text[a.end : b.start]

    prev = clauses[first - 1] if first > 0 and same_line(clauses[first - 1], clauses[first]) else None
    nxt = clauses[last + 1] if last + 1 < len(clauses) and same_line(clauses[last], clauses[last + 1]) else None
    return context_features((own(prev.features), prev.cues) if prev else None,
                            (own(nxt.features), nxt.cues) if nxt else None)


def parsed_examples(
    nlp: Language, texts: Sequence[str], contexts: Sequence[tuple[str, ...]] | None = None,
) -> tuple[list[tuple[tuple[str, str], ...]], list[tuple[str, ...]]]:
    """Cues and grammar features of stand-alone examples (coded spans, codebook statements), parsed on their own."""
    cues: list[tuple[tuple[str, str], ...]] = []
    features: list[tuple[str, ...]] = []
    for k, doc in enumerate(nlp.pipe(texts)):
        cues.append(tuple((c.label_, c.text) for c in doc.spans.get("cmo_cues", ())))
        features.append(clause_features(doc[:], 0, 1) + (contexts[k] if contexts is not None else ()))
    return cues, features


def training_set(
    nlp: Language, coded: Sequence[tuple[Transcript, Sequence[tuple[int, int, Component]]]],
    skip_speakers: Sequence[str] = (),
) -> TrainingSet:
    """Labelled clauses of every coded transcript, plus each coded span itself as a positive example."""
    texts: list[str] = []
    cues: list[tuple[tuple[str, str], ...]] = []
    labels: list[str] = []
    features: list[tuple[str, ...]] = []
    per: Counter[str] = Counter()
    span_texts: list[tuple[str, str]] = []
    span_contexts: list[tuple[str, ...]] = []
    for transcript, spans in coded:
        clauses, labs = examples_from(nlp, transcript, spans, skip_speakers)
        texts += [c.text for c in clauses]
        cues += [c.cues for c in clauses]
        features += [c.features for c in clauses]
        labels += labs
        for s, e, comp in spans:
            per[comp.value] += 1
            span_texts.append((transcript.text[s:e], comp.value))
            span_contexts.append(span_context(transcript.text, clauses, s, e))
    span_cues, span_features = parsed_examples(nlp, [t for t, _ in span_texts], span_contexts)
    texts += [t for t, _ in span_texts]
    cues += span_cues
    features += span_features
    labels += [lab for _, lab in span_texts]
    return TrainingSet(texts, cues, labels, dict(sorted(per.items())), features)


def check_trainable(ts: TrainingSet) -> None:
    enough = {c: n for c, n in ts.codings_per_component.items() if n >= MIN_PER_COMPONENT}
    if ts.n_codings < MIN_CODINGS or len(enough) < MIN_COMPONENTS:
        have = ", ".join(f"{Component(c).short} {n}" for c, n in ts.codings_per_component.items()) or "none"
        raise CmoError(
            f"too few codings to train the suggester: it needs at least {MIN_CODINGS} codings with a component "
            f"(C, Mres, Mresp or O), with {MIN_PER_COMPONENT} or more in each of at least {MIN_COMPONENTS} "
            f"components; the project has {ts.n_codings} ({have}). Code more (or accept suggestions) and retry; "
            "until then suggestions come from cue phrases and the codebook."
        )


def train_component_model(ts: TrainingSet) -> ComponentModel:
    check_trainable(ts)
    model = ComponentModel()
    model.fit(ts.texts, ts.cues, ts.labels, ts.features)
    return model


#: share of a project's codings held out to decide whether its own model beats the default one
HELD_OUT_SHARE = 0.25


def _held_out(key: str) -> bool:
    """A stable quarter of keys (a hash, not a random draw: retraining gives the same split)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) < HELD_OUT_SHARE * 0x100000000


@dataclass(frozen=True)
class Comparison:
    """The project's model against the default one on the same held-out clauses."""

    held_out_clauses: int
    held_out_codings: int
    project_f1: float
    default_f1: float

    @property
    def project_wins(self) -> bool:
        return self.project_f1 > self.default_f1

    def as_dict(self) -> dict[str, object]:
        return {"held_out_clauses": self.held_out_clauses, "held_out_codings": self.held_out_codings,
                "project_macro_f1": round(self.project_f1, 4), "default_macro_f1": round(self.default_f1, 4),
                "project_beats_default": self.project_wins}


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Mean F1 over the four components; a component clause predicted "none" is a miss."""
    f1s = []
    for comp in LABELS[1:]:
        tp = sum(g == comp and p == comp for g, p in zip(gold, pred, strict=True))
        wrong = sum((g == comp) != (p == comp) for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(f1s))


def decide(proba: np.ndarray) -> list[str]:
    """The suggester's rule: the best component when it is at least as likely as "none"."""
    out = []
    for p in proba:
        j = int(np.argmax(p[1:])) + 1
        out.append(LABELS[j] if p[j] >= p[0] else NONE)
    return out


def compare_with_default(
    nlp: Language, coded: Sequence[tuple[Transcript, Sequence[tuple[int, int, Component]]]],
    default: ComponentModel, skip_speakers: Sequence[str] = (),
) -> Comparison | None:
    """Train on three quarters of the codings, score both models on the clauses of the held-out quarter.

    A clause overlapping a held-out coding is held out with it (its label comes from that coding),
    and so is a stable quarter of the uncoded clauses; the held-out codings' own text is never
    trained on. None when the held-out part has no coded clause to score.
    """
    train_texts: list[str] = []
    train_cues: list[tuple[tuple[str, str], ...]] = []
    train_labels: list[str] = []
    train_features: list[tuple[str, ...]] = []
    test: list[tuple[Clause, str]] = []
    per: Counter[str] = Counter()
    spans_out: list[tuple[str, str]] = []
    span_contexts: list[tuple[str, ...]] = []
    n_held = 0
    for transcript, spans in coded:
        held = [(s, e, c) for s, e, c in spans if _held_out(f"{transcript.id}\x1f{s}\x1f{e}")]
        kept = [sp for sp in spans if sp not in held]
        n_held += len(held)
        clauses, labels = examples_from(nlp, transcript, spans, skip_speakers)
        for clause, label in zip(clauses, labels, strict=True):
            touches_held = any(overlap((clause.start, clause.end), (s, e)) for s, e, _ in held)
            touches_kept = any(overlap((clause.start, clause.end), (s, e)) for s, e, _ in kept)
            if touches_held or (not touches_kept and _held_out(f"{transcript.id}\x1f{clause.start}")):
                test.append((clause, label))
            else:
                train_texts.append(clause.text)
                train_cues.append(clause.cues)
                train_labels.append(label)
                train_features.append(clause.features)
        for s, e, comp in kept:
            per[comp.value] += 1
            spans_out.append((transcript.text[s:e], comp.value))
            span_contexts.append(span_context(transcript.text, clauses, s, e))
    if not any(label != NONE for _, label in test):
        return None
    span_cues, span_features = parsed_examples(nlp, [t for t, _ in spans_out], span_contexts)
    train_texts += [t for t, _ in spans_out]
    train_cues += span_cues
    train_labels += [lab for _, lab in spans_out]
    train_features += span_features
    if len(set(train_labels) - {NONE}) < MIN_COMPONENTS:
        return None
    candidate = ComponentModel()
    candidate.fit(train_texts, train_cues, train_labels, train_features)
    texts = [c.text for c, _ in test]
    cues = [c.cues for c, _ in test]
    features = [c.features for c, _ in test]
    gold = [lab for _, lab in test]
    return Comparison(
        held_out_clauses=len(test), held_out_codings=n_held,
        project_f1=macro_f1(gold, decide(candidate.predict_proba(texts, cues, features))),
        default_f1=macro_f1(gold, decide(default.predict_proba(texts, cues, features))),
    )


def check_codebook(codebook: Codebook) -> None:
    if not any(pt.elements for pt in codebook.programme_theories):
        raise CmoError(
            f"codebook {codebook.name!r} has no C / Mres / Mresp / O elements, so there is nothing to suggest "
            "against; add elements to its programme theories (see codebooks/tiny.yaml)"
        )


class Suggester:
    """Clause → (component, PT, confidence, reasons). Stateless between calls; cheap to build."""

    def __init__(
        self, nlp: Language, codebook: Codebook, model: ComponentModel | None = None, examples: Sequence[Example] = (),
        embeddings: EmbeddingCache | None = None,
    ) -> None:
        check_codebook(codebook)
        self.nlp = nlp
        self.codebook = codebook
        self.model = model
        self.cue_scorer = CueScorer()
        self.pt_scorer = PtScorer(codebook, examples, embeddings=embeddings)

    def component_proba(self, clauses: Sequence[Clause]) -> np.ndarray:
        texts = [c.text for c in clauses]
        cues = [c.cues for c in clauses]
        if self.model is not None:
            return self.model.predict_proba(texts, cues, [c.features for c in clauses])
        return self.cue_scorer.predict_proba(texts, cues)

    def suggest_clauses(
        self, transcript_id: str, clauses: Sequence[Clause], pt: str | None = None, min_confidence: float = 0.0,
        text: str | None = None,
    ) -> list[Suggestion]:
        """Suggestions for ``clauses``; given the transcript text, PTs are scored with each clause's surroundings."""
        if pt is not None:
            found = self.codebook.find_pt(pt)
            if found is None:
                raise CmoError(f"unknown programme theory {pt} (the codebook has {', '.join(self.codebook.pt_ids)})")
            pt = found
        proba = self.component_proba(clauses)
        kept: list[tuple[Clause, str, float]] = []
        for clause, p in zip(clauses, proba, strict=True):
            j = int(np.argmax(p[1:])) + 1
            if p[j] >= p[0] and p[j] >= min_confidence:
                kept.append((clause, LABELS[j], float(p[j])))
        contexts = [window(text, c.start, c.end)[2] for c, _, _ in kept] if text is not None else None
        evidence = self.pt_scorer.score([c.text for c, _, _ in kept], [comp for _, comp, _ in kept], contexts)
        out = []
        for (clause, comp, conf), ev in zip(kept, evidence, strict=True):
            ranked = sorted(ev.scores.items(), key=lambda kv: (-kv[1], self.codebook.pt_ids.index(kv[0])))
            top = ranked[:3]
            if pt is not None and pt not in {p for p, _ in top}:
                continue
            chosen = pt or top[0][0]
            out.append(self._suggestion(transcript_id, clause, Component(comp), chosen, conf, top, ev))
        return out

    def _suggestion(
        self, tid: str, clause: Clause, comp: Component, pt: str, conf: float, top: list[tuple[str, float]],
        ev: PtEvidence,
    ) -> Suggestion:
        method = f"by {self.pt_scorer.method}" + (", with the surrounding text" if ev.with_context else "")
        reasons = [Reason(kind="pt", pt=p, score=round(s, 4), text=method) for p, s in top]
        cues = dict.fromkeys((c, phrase.lower()) for c, phrase in clause.cues)  # once each, in order of appearance
        reasons += [Reason(kind="cue", text=phrase, component=Component(c)) for c, phrase in cues]
        if self.model is not None:
            reasons.append(Reason(kind="model", component=comp, score=round(conf, 4),
                                  text=", ".join(self.model.top_terms(clause.text, comp.value)) or None))
        if pt in ev.elements and ev.elements[pt][1] > 0:
            el_id, sim = ev.elements[pt]
            reasons.append(Reason(kind="element", element=el_id, pt=pt, score=round(sim, 4),
                                  text=self.codebook.element(el_id).statement))
        for ex, sim in ev.neighbours[:3]:
            reasons.append(Reason(kind="example", coding_id=ex.id, pt=ex.pt, score=round(sim, 4),
                                  component=Component(ex.component) if ex.component else None, text=ex.text[:200]))
        return Suggestion(
            id=stable_id("sug", tid, clause.start, clause.end, comp.value, pt), transcript=tid,
            start=clause.start, end=clause.end, text=clause.text, component=comp, pt=pt,
            confidence=round(min(1.0, max(0.0, conf)), 4), reasons=reasons,
        )


def model_folder(project_path: Path) -> Path:
    return project_path / MODEL_FOLDER


ProgressFn = Callable[[str], None]
