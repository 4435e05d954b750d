"""Codings (a span evidencing part of a programme theory) and configurations (CMOCs).

A coding carries its own text so that its span can be checked against the transcript
at every boundary (store, import, export): the text is the witness of the offsets.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field, StrictInt, StrictStr, model_validator

from .base import Frozen
from .codebook import ELEMENT_ID_RE, PT_ID_RE
from .vocab import CODE_TO_COMPONENT, Component, Judgement, Stance


class CodingOrigin(StrEnum):
    """How a coding came to be; kept so analysts can tell hand coding from imports."""

    manual = "manual"
    table = "table"
    markup = "markup"
    suggestion = "suggestion"
    refi_qda = "refi_qda"


class Coding(Frozen):
    id: StrictStr
    transcript_id: StrictStr
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(ge=0)
    text: StrictStr
    pt: StrictStr
    component: Component | None = Field(default=None, description="Open when the quote evidences the PT as a whole.")
    element: StrictStr | None = None
    stance: Stance = Stance.supports
    coder: StrictStr = Field(min_length=1)
    memo: StrictStr | None = None
    origin: CodingOrigin = CodingOrigin.manual
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Coding:
        if self.end <= self.start:
            raise ValueError(f"span [{self.start}, {self.end}) is empty or reversed")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span [{self.start}, {self.end}) has {self.end - self.start} characters "
                f"but its text has {len(self.text)}"
            )
        if not PT_ID_RE.match(self.pt):
            raise ValueError(f"programme theory id {self.pt!r} must look like PT3")
        if self.element is not None:
            m = ELEMENT_ID_RE.match(self.element)
            if not m:
                raise ValueError(f"element id {self.element!r} must look like PT3.MR1")
            if m["pt"] != self.pt:
                raise ValueError(f"element {self.element} belongs to {m['pt']}, not {self.pt}")
            el_component = CODE_TO_COMPONENT[m["code"]]
            if self.component is None:
                object.__setattr__(self, "component", el_component)
            elif self.component is not el_component:
                raise ValueError(
                    f"element {self.element} is a {el_component.value}, but the coding says {self.component.value}"
                )
        return self

    def check_against(self, text: str) -> None:
        """Raise unless the span slices ``text`` exactly to this coding's text."""
        if self.end > len(text):
            raise ValueError(f"span [{self.start}, {self.end}) is beyond the transcript's {len(text)} characters")
        actual = text[self.start : self.end]
        if actual != self.text:
            raise ValueError(
                f"span [{self.start}, {self.end}) reads {actual[:60]!r} in the transcript, not {self.text[:60]!r}"
            )


class ConfigurationMember(Frozen):
    coding_id: StrictStr
    role: Component


class Configuration(Frozen):
    """A context–mechanism–outcome configuration: linked codings of one PT (dyads, triads, full chains)."""

    id: StrictStr
    pt: StrictStr
    name: StrictStr
    members: list[ConfigurationMember] = Field(min_length=2)
    judgement: Judgement | None = None
    rationale: StrictStr | None = None
    coder: StrictStr = Field(min_length=1)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @model_validator(mode="after")
    def _shape(self) -> Configuration:
        ids = [m.coding_id for m in self.members]
        if len(set(ids)) != len(ids):
            raise ValueError(f"configuration {self.name!r} lists the same coding twice")
        if len({m.role for m in self.members}) < 2:
            raise ValueError(f"configuration {self.name!r} needs at least two different roles (e.g. C and O)")
        if not PT_ID_RE.match(self.pt):
            raise ValueError(f"programme theory id {self.pt!r} must look like PT3")
        return self
