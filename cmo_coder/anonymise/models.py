"""File shapes of the anonymise stage. All of them live in the secure folder: they quote originals."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, StrictFloat, StrictInt, StrictStr

from ..model.base import Frozen


class Proposal(Frozen):
    id: StrictStr
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    surface: StrictStr = Field(description="The original text (secure folder only).")
    category: StrictStr
    layers: list[StrictStr] = Field(description="Every layer that proposed this stretch, best first.")
    score: StrictFloat
    reason: StrictStr
    placeholder: StrictStr
    item_key: StrictStr | None = None
    auto: StrictBool = Field(default=False, description="Registered: accepted without review.")
    context: StrictStr = ""
    per_occurrence: StrictBool = Field(
        default=False, description="A registered name that may be an everyday word here: decided one by one.")
    word_reading: StrictStr | None = Field(
        default=None, description="Per-occurrence item whose grammar reads as the everyday word, and why "
                                  "(review --keep-word-readings keeps these); none where only a person can tell.")
    part_of: StrictStr | None = Field(
        default=None, description="The accepted surface (normalised) this stretch is part of, where another "
                                  "proposal covers the rest of it: the stretch takes that surface's decision.")


class Residual(Frozen):
    surface: StrictStr
    reason: StrictStr
    count: StrictInt
    context: StrictStr


class ProposalSet(Frozen):
    transcript_id: StrictStr
    source_sha256: StrictStr
    model: StrictStr | None
    caseless: StrictBool
    numbered: StrictBool
    proposals: list[Proposal]
    residual: list[Residual] = Field(default_factory=list)
    public: list[tuple[StrictInt, StrictInt]] = Field(
        default_factory=list,
        description="Stretches the allow-list kept in their public sense here (a national body, a public figure "
                    "in a public context, a study label): a surface accepted elsewhere does not reach into them, "
                    "so a local 'Chris' accepted in one turn leaves 'Chris Whitty' on the news as said.")


class Decision(Frozen):
    decision: Literal["accept", "reject", "edit"]
    placeholder: StrictStr | None = None
    category: StrictStr | None = Field(default=None, description="Set when a reviewer added the surface (--redact).")
    by: StrictStr
    at: StrictStr


class Decisions(Frozen):
    """Saved review decisions. By surface (lower-cased) they apply to every transcript, now and later."""

    surfaces: dict[StrictStr, Decision] = Field(default_factory=dict)
    occurrences: dict[StrictStr, Decision] = Field(default_factory=dict)


class LogEntry(Frozen):
    """One line of the anonymisation log: never the original, only a salted hash of it."""

    at: StrictStr
    actor: StrictStr
    transcript: StrictStr
    action: StrictStr
    layer: StrictStr | None = None
    category: StrictStr | None = None
    decision: StrictStr | None = None
    placeholder: StrictStr | None = None
    surface_hash: StrictStr | None = None
    count: StrictInt | None = None
