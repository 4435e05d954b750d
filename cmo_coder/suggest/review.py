"""Deciding suggestions: accepting (possibly edited) makes an ordinary coding; rejecting makes none.

The accepted coding is the coder's own: ``coder`` is whoever accepted it, ``origin`` is
``suggestion`` so analyses can tell assisted from unassisted coding, and the memo names
the suggestion it came from. Edits (span, PT, component, stance) are applied before the
coding is validated against the codebook and the text, exactly like a hand-made coding.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import CmoError, ValidationFailed
from ..ids import stable_id
from ..model import Coding, Component, Stance
from ..model.coding import CodingOrigin
from ..store import Project
from ..store.project import Tx
from . import queue
from .records import Suggestion


@dataclass(frozen=True)
class Edits:
    pt: str | None = None
    component: Component | None = None
    stance: Stance | None = None
    span: tuple[int, int] | None = None


def _coding_for(project: Project, s: Suggestion, coder: str, edits: Edits) -> Coding:
    start, end = edits.span or (s.start, s.end)
    text = project.text(s.transcript)
    if not (0 <= start < end <= len(text)):
        raise CmoError(
            f"suggestion {s.id}: span {start}:{end} is outside transcript {s.transcript} (0:{len(text)}) or empty"
        )
    pt = edits.pt or s.pt
    component = edits.component or s.component
    stance = edits.stance or Stance.supports
    changed = {k: v for k, v in (("pt", edits.pt), ("component", edits.component), ("stance", edits.stance),
                                  ("span", edits.span)) if v is not None}
    memo = f"accepted suggestion {s.id} (confidence {s.confidence:.2f})" + (
        " with edits: " + ", ".join(f"{k}" for k in changed) if changed else ""
    )
    return Coding(
        id=stable_id("cod", s.transcript, start, end, pt, component.value, stance.value, coder),
        transcript_id=s.transcript, start=start, end=end, text=text[start:end], pt=pt, component=component,
        stance=stance, coder=coder, memo=memo, origin=CodingOrigin.suggestion,
    )


def accept_in(tx: Tx, suggestion_id: str, edits: Edits = Edits()) -> Coding:  # noqa: B008
    s = queue.get(tx.project, suggestion_id)
    if s.status != "pending":
        raise CmoError(f"suggestion {s.id} was already {s.status} by {s.decided_by} at {s.decided_at}")
    try:
        coding = _coding_for(tx.project, s, tx.actor, edits)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise ValidationFailed(f"suggestion {s.id} cannot become a coding", [str(exc)]) from None
    coding = tx.add_coding(coding)
    queue.decide(tx, s.id, "accepted", coding.id)
    tx.audit("accept", "suggestion", s.id, {"coding_id": coding.id, "edits": sorted(
        k for k, v in edits.__dict__.items() if v is not None)})
    return coding


def reject_in(tx: Tx, suggestion_id: str) -> None:
    s = queue.get(tx.project, suggestion_id)
    if s.status != "pending":
        raise CmoError(f"suggestion {s.id} was already {s.status} by {s.decided_by} at {s.decided_at}")
    queue.decide(tx, s.id, "rejected")
    tx.audit("reject", "suggestion", s.id, {"transcript": s.transcript, "start": s.start, "end": s.end})


def accept(project: Project, suggestion_id: str, coder: str, edits: Edits = Edits()) -> Coding:  # noqa: B008
    with project.transaction(coder) as tx:
        return accept_in(tx, suggestion_id, edits)


def reject(project: Project, suggestion_id: str, coder: str) -> None:
    with project.transaction(coder) as tx:
        reject_in(tx, suggestion_id)


def accept_above(project: Project, threshold: float, coder: str, transcript_id: str | None = None) -> list[Coding]:
    """Accept every pending suggestion at or above ``threshold`` in one transaction: all or none."""
    if not 0.0 <= threshold <= 1.0:
        raise CmoError(f"--accept-above {threshold} must be between 0 and 1")
    pending = queue.listing(project, "pending", transcript_id, threshold)
    with project.transaction(coder) as tx:
        return [accept_in(tx, s.id) for s in pending]
