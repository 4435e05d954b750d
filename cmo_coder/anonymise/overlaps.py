"""Where a registered or accepted occurrence meets proposals that overlap it without matching it.

A decision is about a surface and must reach every occurrence, but the layers' proposals can
overlap an occurrence without matching it. In captions "back to the fellgate royal for the
clinic" may hold a layer's "royal for the clinic" (a service) while "fellgate royal" was
accepted in another transcript; a registered "Doyle" may sit inside a proposed "Doyle's team".
Redactions never overlap, so the occurrence cannot simply be added beside such a proposal,
and skipping it left part of an accepted surface unredacted: sign-off then refused the
transcript although nobody had rejected or edited anything.

:func:`plan` says what review does for one occurrence, from the proposals around it and the
decisions so far, so that every letter of the occurrence ends up inside a redaction:

- a proposal a reviewer kept on that very occurrence (rejected by its id) wins: nothing is added,
  and sign-off names that decision if it leaves part of the surface unredacted;
- proposals that will not be applied (their surface was rejected) are ignored: a registered or
  accepted surface is redacted inside a stretch a reviewer kept as a whole ("siobhan's garden"
  kept, "siobhan" still goes);
- proposals that reach beyond the occurrence, or were edited on their own, are left as they are,
  and the parts of the occurrence they do not cover are proposed on their own, each taking the
  decision of the surface it belongs to (:attr:`Proposal.part_of`);
- otherwise the occurrence replaces whatever it contains, as one redaction.

The outcome depends only on positions, surfaces and decisions, never on the order proposals were
found in, so the same input gives the same proposals whatever order or hash seed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .models import Decision, Decisions, Proposal, ProposalSet
from .occurrences import Occurrence

_LETTERS = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Plan:
    """Replace the proposals ``drop`` by proposals for ``stretches`` (character spans of the occurrence:
    the whole of it, or the parts of it nothing else covers)."""

    drop: tuple[Proposal, ...]
    stretches: tuple[tuple[int, int], ...]


def kept_here(p: Proposal, decisions: Decisions) -> bool:
    """A reviewer kept this very occurrence (rejected it by its id)."""
    d = decisions.occurrences.get(p.id)
    return d is not None and d.decision == "reject"


def _edited_here(p: Proposal, decisions: Decisions) -> bool:
    d = decisions.occurrences.get(p.id)
    return d is not None and d.decision == "edit"


def uncovered(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of ``text[start:end]`` no span covers, trimmed to letters and digits at both ends;
    runs with no letter or digit (a space, an apostrophe) are no part of a name and are dropped."""
    free = [True] * (end - start)
    for a, b in spans:
        for i in range(max(a, start), min(b, end)):
            free[i - start] = False
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(free):
        if not free[i]:
            i += 1
            continue
        j = i
        while j < len(free) and free[j]:
            j += 1
        letters = [k for k in range(i, j) if _LETTERS.match(text, start + k)]
        if letters:
            out.append((start + letters[0], start + letters[-1] + 1))
        i = j
    return out


def _norm(surface: str) -> str:
    return " ".join(surface.lower().replace("’", "'").split())


def plan(text: str, start: int, end: int, form: str, proposals: Iterable[Proposal], decisions: Decisions,
         decision: Callable[[Proposal], Decision | None]) -> Plan | None:
    """What to propose for the occurrence ``text[start:end]`` (normalised ``form``), or None for nothing.

    ``decision`` gives a proposal's current decision (None while undecided).
    """
    overlapping = sorted((p for p in proposals if p.start < end and start < p.end),
                         key=lambda p: (p.start, p.end, p.id))
    if not overlapping:
        return Plan(drop=(), stretches=((start, end),))
    if any(kept_here(p, decisions) for p in overlapping):
        return None  # the reviewer decided this very occurrence; sign-off names the decision if it leaks
    applied = [p for p in overlapping if (d := decision(p)) is None or d.decision != "reject"]
    fixed = [p for p in applied if p.start < start or p.end > end or _edited_here(p, decisions)]
    inside = [p for p in overlapping if p not in fixed and start <= p.start and p.end <= end]
    if not fixed:
        if inside and all(p in applied and ((p.start, p.end) == (start, end) or _norm(p.surface) == form)
                          for p in inside):
            return None  # proposed as it stands already: that proposal carries its own decision
        return Plan(drop=tuple(inside), stretches=((start, end),))
    stretches = uncovered(text, start, end, [(p.start, p.end) for p in fixed])
    # a stretch proposed as it stands already keeps that proposal and its decision ("fellgate" proposed
    # where "fellgate royal" meets "royal for the clinic"); anything else inside the occurrence that a
    # stretch or a fixed proposal overlaps goes, as no two redactions may overlap
    keep = [p for p in inside if p in applied and (p.start, p.end) in stretches]
    stretches = [s for s in stretches if s not in {(p.start, p.end) for p in keep}]
    spans = [*stretches, *((f.start, f.end) for f in fixed)]
    drop = tuple(p for p in inside if p not in keep and any(p.start < b and a < p.end for a, b in spans))
    if not stretches and not drop:
        return None  # what overlaps it already covers every letter of it
    return Plan(drop=drop, stretches=tuple(stretches))


def covered(text: str, start: int, end: int, redacted: Iterable[tuple[int, int]],
            kept: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether nothing of ``text[start:end]`` survives: every letter and digit of it lies inside some
    redaction (one or several side by side), or a reviewer kept the whole of it on purpose."""
    if any(a <= start and end <= b for a, b in kept):
        return True
    return not uncovered(text, start, end, redacted)


def why_left(ps: ProposalSet, decisions: Decisions, left: Sequence[Occurrence], in_title: bool,
             in_placeholder: bool) -> str:
    """The second half of a sign-off refusal: what let each surface through and how to fix it in review.

    Only three things can: an occurrence a reviewer kept by its id, the transcript's title, or a
    placeholder a reviewer wrote. Each is named so that the reviewer can undo it.
    """
    kept = sorted({p.id for o in left for p in ps.proposals
                   if kept_here(p, decisions) and p.start < o.end and o.start < p.end})
    reasons = []
    if kept:
        reasons.append("the occurrence(s) kept by id overlap them: redact them with 'cmo-coder review --accept "
                       + " --accept ".join(kept[:5]) + "'")
    if in_title:
        reasons.append("the title names them: re-import the file under another name")
    if in_placeholder:
        reasons.append("an edited placeholder names them: edit it again without the name")
    if left and not kept:  # decisions changed since review last proposed every occurrence
        reasons.append("run 'cmo-coder review' to propose them again, then decide them")
    return "; ".join(reasons)
