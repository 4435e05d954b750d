"""Overlapping codings of one code: the unit both the consensus merge and the evidence counts use.

When two coders code the same passage to the same code, that is one piece of evidence
coded twice, not two: counts of evidence are counts of *distinct quotes*. A quote is a
group of codings of one code (programme theory, component, element and stance) in one
transcript whose spans chain together by overlap; with one coder it is always a single
coding, since the store refuses overlapping codings of one code by one coder.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Coding

CodeKey = tuple[str, str, str, str]  # pt, component, element, stance


def code_key(c: Coding) -> CodeKey:
    return (c.pt, c.component.value if c.component else "", c.element or "", c.stance.value)


def overlap_groups(codings: Iterable[Coding]) -> list[list[Coding]]:
    """Codings chained together by overlapping spans (half-open: touching spans do not overlap)."""
    groups: list[list[Coding]] = []
    end = -1
    for c in sorted(codings, key=lambda c: (c.start, c.end, c.id)):
        if groups and c.start < end:
            groups[-1].append(c)
            end = max(end, c.end)
        else:
            groups.append([c])
            end = c.end
    return groups


@dataclass(frozen=True)
class Quote:
    """One piece of evidence: the codings of one code that overlap, and who made them."""

    id: str = ""
    coders: tuple[str, ...] = ()
    codings: tuple[str, ...] = ()


def quotes(codings: Iterable[Coding]) -> dict[str, Quote]:
    """Coding id → the distinct quote it belongs to (its id is its first coding's, in document order)."""
    keyed: dict[tuple[str, CodeKey], list[Coding]] = defaultdict(list)
    for c in codings:
        keyed[(c.transcript_id, code_key(c))].append(c)
    out: dict[str, Quote] = {}
    for group_codings in keyed.values():
        for group in overlap_groups(group_codings):
            q = Quote(group[0].id, tuple(sorted({c.coder for c in group})), tuple(c.id for c in group))
            out.update({c.id: q for c in group})
    return out
