"""The shapes suggestions take in the queue, in JSON Lines output and in the JSON Schema."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictFloat, StrictInt, StrictStr

from ..model.base import Frozen
from ..model.vocab import Component


class Reason(Frozen):
    """One piece of evidence: a PT's share of belief (the top three PTs, best first), a cue phrase, the
    model's strongest words, the best-matching codebook element, a nearest coded example."""

    kind: Literal["pt", "cue", "model", "element", "example"]
    text: StrictStr | None = Field(default=None, description="cue phrase, words, element statement or example text; "
                                   "for a PT, how it was scored (by tf-idf, or by sentence embeddings)")
    component: Component | None = None
    pt: StrictStr | None = None
    element: StrictStr | None = None
    coding_id: StrictStr | None = None
    score: StrictFloat | None = Field(
        default=None, description="share of belief (pt), probability (model) or cosine similarity (element, example)"
    )


class Suggestion(Frozen):
    """A proposed coding awaiting a coder's decision. ``text == transcript text[start:end]``."""

    id: StrictStr
    transcript: StrictStr
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    text: StrictStr
    component: Component
    pt: StrictStr
    confidence: StrictFloat = Field(ge=0, le=1, description="probability that the clause evidences this component")
    reasons: list[Reason]
    status: Literal["pending", "accepted", "rejected"] = "pending"
    decided_by: StrictStr | None = None
    decided_at: StrictStr | None = None
    coding_id: StrictStr | None = None

    def pt_candidates(self) -> list[tuple[str, float]]:
        return [(r.pt, r.score or 0.0) for r in self.reasons if r.kind == "pt" and r.pt]
