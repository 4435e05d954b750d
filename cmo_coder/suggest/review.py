"""Deciding suggestions: accepting (possibly edited) makes an ordinary coding; rejecting makes none.

The accepted coding is the coder's own: ``coder`` is whoever accepted it, ``origin`` is
``suggestion`` so analyses can tell assisted from unassisted coding, and the memo names
the suggestion it came from. Edits (span, PT, component, stance) are applied before the
coding is validated against the codebook and the text, exactly like a hand-made coding.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..coding.locate import span_from_offsets
from ..coding.service import build_coding
from ..errors import CmoError
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
    element: str | None = None
    memo: str | None = None


def _coding_for(project: Project, s: Suggestion, coder: str, edits: Edits) -> Coding:
    """Built by the coding service, like a hand-made coding: same id scheme, span and turn checks."""
    start, end = edits.span or (s.start, s.end)
    span = span_from_offsets(project.transcript(s.transcript), start, end)
    changed = [k for k, v in edits.__dict__.items() if v is not None and k != "memo"]
    memo = f"accepted suggestion {s.id} (confidence {s.confidence:.2f})" + (
        f" with edits to {', '.join(changed)}" if changed else ""
    )
    if edits.memo and edits.memo.strip():
        memo = f"{edits.memo.strip()}\n({memo})"
    # an element names its own PT and component; the suggested ones give way to it
    pt = edits.pt or (None if edits.element else s.pt)
    component = edits.component or (None if edits.element else s.component)
    return build_coding(
        project, s.transcript, span, pt=pt, component=component, element=edits.element,
        stance=edits.stance or Stance.supports, memo=memo, coder=coder, origin=CodingOrigin.suggestion,
    )


def accept_in(tx: Tx, suggestion_id: str, edits: Edits = Edits()) -> Coding:  # noqa: B008
    s = queue.get(tx.project, suggestion_id)
    if s.status != "pending":
        raise CmoError(f"suggestion {s.id} was already {s.status} by {s.decided_by} at {s.decided_at}")
    coding = tx.add_coding(_coding_for(tx.project, s, tx.actor, edits))
    queue.decide(tx, s.id, "accepted", coding.id)
    edited = sorted(k for k, v in edits.__dict__.items() if v is not None)
    tx.audit("accept", "suggestion", s.id, {"coding_id": coding.id, "edits": edited})
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


def accept_above(
    project: Project, threshold: float, coder: str, transcript_id: str | None = None
) -> list[tuple[str, Coding]]:
    """Accept every pending suggestion at or above ``threshold`` in one transaction: all or none."""
    if not 0.0 <= threshold <= 1.0:
        raise CmoError(f"--accept-above {threshold} must be between 0 and 1")
    pending = queue.listing(project, "pending", transcript_id, threshold)
    with project.transaction(coder) as tx:
        return [(s.id, accept_in(tx, s.id)) for s in pending]
