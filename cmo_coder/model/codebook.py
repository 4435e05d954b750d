"""The codebook: programme theories and the C / Mres / Mresp / O elements they are made of."""

from __future__ import annotations

import re

from pydantic import Field, StrictStr, field_validator, model_validator

from .base import Frozen
from .vocab import CHAIN, CODE_TO_COMPONENT, Component

PT_ID_RE = re.compile(r"^PT\d+[a-z]?$")
ELEMENT_ID_RE = re.compile(r"^(?P<pt>PT\d+[a-z]?)\.(?P<code>C|MR|MP|O)(?P<n>\d+)$")


class Element(Frozen):
    id: StrictStr = Field(description="e.g. PT3.MR1: programme theory, component code (C, MR, MP, O), number.")
    component: Component
    statement: StrictStr = Field(min_length=1)
    tag: StrictStr | None = Field(default=None, description="The authors' own inline tag, e.g. 'proximal outcomes'.")

    @model_validator(mode="after")
    def _id_matches_component(self) -> Element:
        m = ELEMENT_ID_RE.match(self.id)
        if not m:
            raise ValueError(f"element id {self.id!r} must look like PT3.C1, PT3.MR1, PT3.MP1 or PT3.O1")
        if CODE_TO_COMPONENT[m["code"]] is not self.component:
            raise ValueError(
                f"element {self.id} has code {m['code']} but component {self.component.value} "
                f"(expected code {self.component.code})"
            )
        return self

    @property
    def pt(self) -> str:
        return self.id.split(".", 1)[0]


class ProgrammeTheory(Frozen):
    id: StrictStr = Field(description="e.g. PT3")
    title: StrictStr = Field(min_length=1)
    statement: StrictStr = Field(min_length=1)
    elements: list[Element] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not PT_ID_RE.match(v):
            raise ValueError(f"programme theory id {v!r} must look like PT3")
        return v

    @model_validator(mode="after")
    def _elements_belong(self) -> ProgrammeTheory:
        seen: set[str] = set()
        for el in self.elements:
            if el.pt != self.id:
                raise ValueError(f"element {el.id} is listed under {self.id} but its id names {el.pt}")
            if el.id in seen:
                raise ValueError(f"element id {el.id} appears twice in {self.id}")
            seen.add(el.id)
        return self

    def elements_of(self, component: Component) -> list[Element]:
        return [e for e in self.elements if e.component is component]

    def chain(self) -> list[tuple[Element, Element]]:
        """Links C → Mres → Mresp → O between consecutive components that have elements."""
        present = [self.elements_of(c) for c in CHAIN]
        present = [p for p in present if p]
        return [(a, b) for left, right in zip(present, present[1:], strict=False) for a in left for b in right]


class Codebook(Frozen):
    name: StrictStr
    version: StrictStr = "1"
    description: StrictStr | None = None
    citation: StrictStr | None = None
    licence: StrictStr | None = None
    programme_theories: list[ProgrammeTheory] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Codebook:
        seen: set[str] = set()
        for pt in self.programme_theories:
            if pt.id in seen:
                raise ValueError(f"programme theory id {pt.id} appears twice")
            seen.add(pt.id)
        return self

    def pt(self, pt_id: str) -> ProgrammeTheory:
        for pt in self.programme_theories:
            if pt.id == pt_id:
                return pt
        known = ", ".join(p.id for p in self.programme_theories)
        raise KeyError(f"unknown programme theory {pt_id!r} (the codebook has {known})")

    def element(self, element_id: str) -> Element:
        m = ELEMENT_ID_RE.match(element_id)
        if m:
            for el in self.pt(m["pt"]).elements if m["pt"] in self.pt_ids else []:
                if el.id == element_id:
                    return el
        raise KeyError(f"unknown element {element_id!r}")

    def find_pt(self, text: str) -> str | None:
        """The PT an analyst means: ``pt2``, ``Pt2``, ``PT 2`` all name ``PT2``; None if none."""
        key = "".join(text.split()).casefold()
        return next((p for p in self.pt_ids if p.casefold() == key), None)

    def find_elements(self, text: str, pt: str | None = None) -> list[str]:
        """Element ids that ``text`` may mean, ignoring case: the full id (``pt2.mp1``), or the
        part after the dot (``MP1``) within ``pt``, or in any PT when ``pt`` is None."""
        key = "".join(text.split()).casefold()
        ids = [e.id for p in self.programme_theories for e in p.elements]
        exact = [i for i in ids if i.casefold() == key]
        if exact or "." in key:
            return exact
        return [i for i in ids if i.split(".", 1)[1].casefold() == key and (pt is None or i.split(".", 1)[0] == pt)]

    @property
    def pt_ids(self) -> list[str]:
        return [p.id for p in self.programme_theories]
