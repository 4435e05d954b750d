"""Participants are known to the project only by study label, role and site.

Real names never enter this model: they live in the secure folder's key, which maps
them to labels. That is what makes the project folder safe to share.
"""

from __future__ import annotations

import re

from pydantic import Field, StrictStr, field_validator

from .base import Frozen
from .vocab import Role

LABEL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")


class Participant(Frozen):
    label: StrictStr = Field(description="Study label such as SP12 (staff) or P7 (service user or carer).")
    role: Role
    site: StrictStr | None = Field(default=None, description="Site or case study letter, e.g. 'C'.")
    attributes: dict[StrictStr, StrictStr] = Field(default_factory=dict, description="Free attributes: team, service…")
    provisional: bool = Field(default=False, description="True until a manifest line covers this speaker.")

    @field_validator("label")
    @classmethod
    def _label_shape(cls, v: str) -> str:
        if not LABEL_RE.match(v):
            raise ValueError(f"study label {v!r} must be a letter followed by letters, digits, '-' or '_' (max 32)")
        return v

    @property
    def site_name(self) -> str | None:
        return f"Case Study {self.site}" if self.site else None

    @property
    def attribution(self) -> str:
        """The attribution line realist reports print under a quote: ``P36, (Carer) Case Study B``."""
        parts = [self.label]
        rest = []
        if self.role is Role.carer:
            rest.append("(Carer)")
        if self.site_name:
            rest.append(self.site_name)
        if rest:
            parts.append(" ".join(rest))
        return ", ".join(parts)
