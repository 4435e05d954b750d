"""What a theory change is and what a version of a programme theory holds.

A :class:`TheoryChange` is the whole description of one change, complete enough that
applying it to the versions before it gives the versions after it with no other input:
that is what the audit log stores, and what :func:`replay` reads back.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictBool, StrictInt, StrictStr

from ..model.base import Frozen
from ..model.codebook import Element
from ..model.vocab import Component


class ChangeKind(StrEnum):
    initial = "initial"
    revise = "revise"
    add = "add"
    add_element = "add_element"
    edit_element = "edit_element"
    retire_element = "retire_element"
    split_pt = "split"  # not `split`: that would shadow str.split
    merge = "merge"


class TheoryChange(Frozen):
    """One refinement of the theory, as the audit log records it."""

    kind: ChangeKind
    pt: StrictStr = Field(description="The PT changed: the one revised, added to, split, or merged into.")
    title: StrictStr | None = None
    statement: StrictStr | None = None
    element: StrictStr | None = Field(default=None, description="The element added, edited or retired.")
    component: Component | None = None
    tag: StrictStr | None = None
    new_pt: StrictStr | None = Field(default=None, description="split: the PT the moved elements form.")
    sources: list[StrictStr] = Field(default_factory=list, description="merge: the PTs or elements merged.")
    moves: dict[StrictStr, StrictStr] = Field(
        default_factory=dict, description="Element id → the element it became or its codings went to.")
    rationale: StrictStr = Field(min_length=1)
    evidence: list[StrictStr] = Field(default_factory=list, description="Coding and CMOC ids behind the change.")
    author: StrictStr
    at: StrictStr


class PTVersion(Frozen):
    """A programme theory as it stood after one change."""

    pt: StrictStr
    version: StrictInt = Field(ge=1)
    title: StrictStr
    statement: StrictStr
    elements: list[Element] = Field(default_factory=list)
    retired: StrictBool = False
    change: ChangeKind
    rationale: StrictStr | None = None
    evidence: list[StrictStr] = Field(default_factory=list)
    moves: dict[StrictStr, StrictStr] = Field(default_factory=dict)
    author: StrictStr
    at: StrictStr

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


class TheoryHistory(Frozen):
    """``theory history --json``: every version of one PT, oldest first."""

    pt: StrictStr
    versions: list[PTVersion]
