"""Suggesting and training against a project: what the CLI calls.

Only signed-off (anonymised) text is ever read; the trained model lives in the project's
``suggester/`` folder, next to the data it learnt from, so it travels with the project.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .. import __version__, clock
from ..errors import CmoError
from ..model import Role
from ..store import Project
from . import model as model_io
from . import queue
from .engine import Suggester, check_codebook, model_folder, train_component_model, training_set
from .model import Example
from .nlp import pipeline
from .records import Suggestion
from .segment import overlap, segment


def facilitators(project: Project) -> list[str]:
    """Interviewer turns are questions, not evidence: they are never segmented."""
    return [p.label for p in project.participants() if p.role is Role.facilitator]


def examples(project: Project) -> list[Example]:
    return [Example(c.id, c.pt, c.component.value if c.component else None, c.text) for c in project.codings()]


def train(project: Project, actor: str | None = None) -> dict[str, Any]:
    """Fit the component model on every coding with a component; refuse (changing nothing) when too few."""
    check_codebook(project.codebook)
    nlp = pipeline()
    coded = []
    for tid in project.transcript_ids("signed_off"):
        spans = [(c.start, c.end, c.component) for c in project.codings(transcript_id=tid) if c.component]
        if spans:
            coded.append((project.transcript(tid), spans))
    ts = training_set(nlp, coded, facilitators(project))
    model = train_component_model(ts)
    meta = {
        "trained_at": clock.now_iso(), "cmo_coder": __version__, "transcripts": len(coded),
        "codings": ts.n_codings, "codings_per_component": ts.codings_per_component, "examples": len(ts.texts),
        "examples_per_label": {lab: ts.labels.count(lab) for lab in model_io.LABELS},
    }
    with project.transaction(actor) as tx:
        path = model_io.save(model, model_folder(project.path), meta)
        tx.audit("train", "suggester", None, meta)
    meta["path"] = str(path)
    return meta


def suggester_for(project: Project) -> Suggester:
    loaded = model_io.load(model_folder(project.path))
    return Suggester(pipeline(), project.codebook, loaded[0] if loaded else None, examples(project))


def suggest(
    project: Project, transcript_ids: Sequence[str] = (), pt: str | None = None, min_confidence: float = 0.0,
    actor: str | None = None, progress: Callable[[int, int, str], None] | None = None,
) -> list[Suggestion]:
    """Suggest for the given (default: all signed-off) transcripts and queue what is new; returns the new ones."""
    if not 0.0 <= min_confidence <= 1.0:
        raise CmoError(f"--min-confidence {min_confidence} must be between 0 and 1")
    check_codebook(project.codebook)
    ids = list(dict.fromkeys(transcript_ids)) or project.transcript_ids("signed_off")
    if not ids:
        raise CmoError("no signed-off transcripts to suggest for; anonymise and sign off transcripts first")
    suggester = suggester_for(project)
    skip = facilitators(project)
    transcripts = [project.transcript(tid) for tid in ids]  # raises for unknown or not signed off
    found: list[Suggestion] = []
    for i, t in enumerate(transcripts, 1):
        if progress:
            progress(i, len(transcripts), t.id)
        if not t.text.strip():
            raise CmoError(f"transcript {t.id} is empty: there is no speech to suggest from")
        clauses = segment(t, suggester.nlp, skip)
        coded = [(c.start, c.end) for c in project.codings(transcript_id=t.id)]
        clauses = [
            c for c in clauses
            if not any(overlap((c.start, c.end), span) * 2 >= c.end - c.start for span in coded)
        ]
        found += suggester.suggest_clauses(t.id, clauses, pt, min_confidence)
    with project.transaction(actor) as tx:
        return queue.add(tx, found)

