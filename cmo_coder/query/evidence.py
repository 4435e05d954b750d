"""The evidence table of one programme theory: every coded quote, who said it, and its CMOCs.

This is the table an analyst pastes into a realist synthesis: quote, attribution,
which element it bears on and how. Filters mirror the questions asked of it: only
the refuting evidence, only carers, only site B.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import Field

from ..coding.overlap import quotes
from ..errors import CmoError, NotFound
from ..memo.service import memos_by_target
from ..model.base import Frozen
from ..model.note import MemoTarget
from ..store import Project
from .filters import by_coder, resolve_pt, resolve_role, resolve_site
from .speakers import SpeakerLookup


class EvidenceRow(Frozen):
    """One row of ``cmo-coder evidence --json``."""

    coding_id: str
    pt: str
    element: str
    component: str = Field(description="C, Mres, Mresp or O; empty when coded to the PT as a whole.")
    stance: str
    quote: str
    attribution: str
    speaker: str
    role: str
    site: str
    transcript: str
    start: int
    end: int
    turn: int = Field(description="Index of the turn the quote starts in; -1 when the source has no turns.")
    coder: str
    memo: str
    configurations: list[str] = Field(description="Ids of the CMOCs this coding belongs to.")
    memos: list[str] = Field(default_factory=list, description="Memos written on this coding ('memo add --coding').")
    quote_id: str = Field(default="", description="The distinct quote this coding belongs to: overlapping codings "
                                                  "of one code by several coders share it (double coding).")
    quote_coders: list[str] = Field(default_factory=list, description="Every coder who coded that quote.")


def evidence(
    project: Project, pt: str, *, stance: str | None = None, role: str | None = None, site: str | None = None,
    element: str | None = None, speakers: SpeakerLookup | None = None, coders: Collection[str] | None = None,
) -> list[EvidenceRow]:
    """Codings of ``pt`` in document order, filtered by stance, speaker role, site, element and coder."""
    pt = resolve_pt(project, pt)
    if element is not None:  # "mr1" or "pt3.mr1" name PT3.MR1; an unknown element is an error, not an empty list
        found = project.codebook.find_elements(element, pt)
        if len(found) != 1:
            known = ", ".join(e.id for e in project.codebook.pt(pt).elements) or "none"
            raise NotFound(f"unknown element {element!r} for {pt} (its elements: {known})")
        element = found[0]
    role, site = resolve_role(role), resolve_site(project, site)
    speakers = speakers or SpeakerLookup(project)
    in_configs: dict[str, list[str]] = {}
    for config in project.configurations(pt):
        for m in config.members:
            in_configs.setdefault(m.coding_id, []).append(config.id)
    memos = memos_by_target(project, (MemoTarget.coding,))
    distinct = quotes(by_coder(project.codings(pt=pt), coders))
    rows = []
    for c in by_coder(project.codings(pt=pt, stance=stance, role=role, site=site, element=element), coders):
        who = speakers.of(c)
        try:  # the quote printed must be the transcript's text at the span, always
            c.check_against(project.text(c.transcript_id))
        except ValueError as exc:
            raise CmoError(f"coding {c.id} in transcript {c.transcript_id}: {exc}") from None
        rows.append(
            EvidenceRow(
                coding_id=c.id, pt=c.pt, element=c.element or "", component=c.component.short if c.component else "",
                stance=c.stance.value, quote=c.text, attribution=who.attribution, speaker=who.label, role=who.role,
                site=who.site, transcript=c.transcript_id, start=c.start, end=c.end, turn=who.turn, coder=c.coder,
                memo=c.memo or "", configurations=in_configs.get(c.id, []),
                memos=[m.body for m in memos.get(("coding", c.id), [])],
                quote_id=distinct[c.id].id, quote_coders=list(distinct[c.id].coders),
            )
        )
    return rows
