"""Suggesting and training against a project: what the CLI calls.

Only signed-off (anonymised) text is ever read; the trained model lives in the project's
``suggester/`` folder, next to the data it learnt from, so it travels with the project.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .. import __version__, clock
from ..errors import CmoError
from ..model import Coding, Role
from ..store import Project
from . import model as model_io
from . import queue
from .engine import (
    Suggester,
    check_codebook,
    check_trainable,
    compare_with_default,
    model_folder,
    train_component_model,
    training_set,
)
from .model import ComponentModel, Example
from .nlp import pipeline
from .pretrain import default_model
from .records import Suggestion
from .segment import overlap, segment


def facilitators(project: Project) -> list[str]:
    """Interviewer turns are questions, not evidence: they are never segmented."""
    return [p.label for p in project.participants() if p.role is Role.facilitator]


def examples(project: Project) -> list[Example]:
    return [Example(c.id, c.pt, c.component.value if c.component else None, c.text) for c in project.codings()]


def train(project: Project, actor: str | None = None, force: bool = False) -> dict[str, Any]:
    """Fit the component model on every coding with a component; refuse (changing nothing) when too few.

    Before the project's model replaces the shipped default, both are scored on a held-out
    quarter of the codings; the project's model is saved only when it scores higher (or with
    ``force``), so training never makes a fresh project's suggestions worse.
    """
    check_codebook(project.codebook)
    nlp = pipeline()
    coded = []
    for tid in project.transcript_ids("signed_off"):
        spans = [(c.start, c.end, c.component) for c in project.codings(transcript_id=tid) if c.component]
        if spans:
            coded.append((project.transcript(tid), spans))
    skip = facilitators(project)
    ts = training_set(nlp, coded, skip)
    check_trainable(ts)
    default = default_model()
    comparison = compare_with_default(nlp, coded, default, skip) if default is not None else None
    replace = force or default is None or comparison is None or comparison.project_wins
    meta: dict[str, Any] = {
        "trained_at": clock.now_iso(), "cmo_coder": __version__, "transcripts": len(coded),
        "codings": ts.n_codings, "codings_per_component": ts.codings_per_component, "examples": len(ts.texts),
        "examples_per_label": {lab: ts.labels.count(lab) for lab in model_io.LABELS},
    }
    report = {**meta, "comparison": comparison.as_dict() if comparison else None, "saved": replace}
    if not replace:
        with project.transaction(actor) as tx:
            tx.audit("train", "suggester", None, report)
        in_use = model_io.load(model_folder(project.path))
        report["path"] = None
        report["in_use"] = "project (an earlier one)" if in_use else "default"
        return report
    model = train_component_model(ts)
    meta["comparison"] = report["comparison"]
    with project.transaction(actor) as tx:
        path = model_io.save(model, model_folder(project.path), meta)
        tx.audit("train", "suggester", None, report)
    report["path"] = str(path)
    report["in_use"] = "project"
    return report


def component_model(project: Project) -> tuple[ComponentModel | None, str]:
    """The project's own model when it has one, else the shipped default (else cue rules): the model and its name."""
    loaded = model_io.load(model_folder(project.path))
    if loaded is not None:
        return loaded[0], "project"
    default = default_model()
    return (default, "default") if default is not None else (None, "cue rules")


def suggester_for(project: Project) -> Suggester:
    """The project's suggester; PTs by sentence embeddings (cached in the project) when the semantic extra is on."""
    from .. import semantic

    cache = semantic.cache_for(project.path) if semantic.available() else None
    return Suggester(pipeline(), project.codebook, component_model(project)[0], examples(project), cache)


def taken_spans(project: Project, transcript_id: str, codings: Sequence[Coding]) -> dict[str, list[tuple[int, int]]]:
    """Per component, the spans a new suggestion of that component must not touch: codings and pending suggestions.

    A clause half covered by any coding is skipped before scoring; this catches the rest, so a
    suggestion never overlaps, even by a word, a passage already coded or proposed for its component.
    """
    taken: dict[str, list[tuple[int, int]]] = {}
    for c in codings:
        if c.component is not None:
            taken.setdefault(c.component.value, []).append((c.start, c.end))
    for s in queue.listing(project, "pending", transcript_id):
        taken.setdefault(s.component.value, []).append((s.start, s.end))
    return taken


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
        codings = project.codings(transcript_id=t.id)
        coded = [(c.start, c.end) for c in codings]
        clauses = [
            c for c in clauses
            if not any(overlap((c.start, c.end), span) * 2 >= c.end - c.start for span in coded)
        ]
        taken = taken_spans(project, t.id, codings)
        found += [
            s for s in suggester.suggest_clauses(t.id, clauses, pt, min_confidence, text=t.text)
            if not any(overlap((s.start, s.end), span) for span in taken.get(s.component.value, ()))
        ]
    if suggester.pt_scorer.embeddings is not None:
        suggester.pt_scorer.embeddings.save()
    with project.transaction(actor) as tx:
        return queue.add(tx, found)

