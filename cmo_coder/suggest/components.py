"""The suggester as spaCy pipeline components, for use outside a project.

``nlp.add_pipe("cmo_clauses")`` puts candidate clauses in ``doc.spans["cmo_clauses"]``;
``nlp.add_pipe("cmo_component_model", config={"path": ".../suggester"})`` labels each clause
with its most likely component (or "none") and sets ``span._.cmo_proba``. Without a path the
cue rules decide, as on a fresh project. The CLI runs the same functions directly (it
segments turn by turn, which a single doc cannot express).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..errors import CmoError
from . import model as model_io
from .cues import SPAN_KEY as CUE_KEY
from .grammar import clause_features, context_features
from .model import LABELS, ComponentModel, CueScorer
from .segment import clause_spans, sentence_clauses

CLAUSE_KEY = "cmo_clauses"
if not Span.has_extension("cmo_proba"):
    Span.set_extension("cmo_proba", default=None)


@Language.factory("cmo_clauses")
def make_clauses(nlp: Language, name: str) -> ClauseSplitter:
    return ClauseSplitter()


class ClauseSplitter:
    """Candidate clauses of every sentence (needs sentences: the parser or a sentencizer before it)."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[CLAUSE_KEY] = SpanGroup(doc, name=CLAUSE_KEY, spans=list(clause_spans(doc)))
        return doc


def _features(doc: Doc, clauses: list[Span]) -> list[tuple[str, ...]]:
    """Grammar and neighbour features of the doc's clauses, as :func:`segment.segment` computes them."""
    place = {(s.start, s.end): (i, n) for s, i, n in sentence_clauses(doc)}
    own = [clause_features(s, *place.get((s.start, s.end), (0, 1))) for s in clauses]
    cues = [
        tuple((c.label_, c.text) for c in doc.spans.get(CUE_KEY, ()) if c.start >= s.start and c.end <= s.end)
        for s in clauses
    ]

    def joined(a: Span, b: Span) -> bool:  # neighbours on one line, as segment() sees them
        return "\n" not in doc.text[a.end_char : b.start_char]

    return [
        own[k] + context_features(
            (own[k - 1], cues[k - 1]) if k and joined(clauses[k - 1], clauses[k]) else None,
            (own[k + 1], cues[k + 1]) if k + 1 < len(clauses) and joined(clauses[k], clauses[k + 1]) else None)
        for k in range(len(clauses))
    ]


@Language.factory("cmo_component_model", default_config={"path": None})
def make_component_model(nlp: Language, name: str, path: str | None) -> ComponentLabeller:
    model: ComponentModel | None = None
    if path is not None:
        loaded = model_io.load(Path(path))
        if loaded is None:
            raise CmoError(f"{path}: no trained suggester model (run 'cmo-coder suggest train')")
        model = loaded[0]
    return ComponentLabeller(model)


class ComponentLabeller:
    def __init__(self, model: ComponentModel | None) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        clauses = list(doc.spans.get(CLAUSE_KEY, ()))
        cues = [
            tuple((c.label_, c.text) for c in doc.spans.get(CUE_KEY, ()) if c.start >= s.start and c.end <= s.end)
            for s in clauses
        ]
        texts = [s.text for s in clauses]
        proba = (self.model.predict_proba(texts, cues, _features(doc, clauses)) if self.model is not None
                 else CueScorer().predict_proba(texts, cues))
        labelled = []
        for span, p in zip(clauses, proba, strict=True):
            j = int(p[1:].argmax()) + 1
            label = LABELS[j] if p[j] >= p[0] else LABELS[0]
            new = Span(doc, span.start, span.end, label=label)
            new._.cmo_proba = {lab: round(float(v), 4) for lab, v in zip(LABELS, p, strict=True)}
            labelled.append(new)
        doc.spans[CLAUSE_KEY] = SpanGroup(doc, name=CLAUSE_KEY, spans=labelled)
        return doc
