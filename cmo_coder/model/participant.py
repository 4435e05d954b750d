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
#: How the labels of members speaking together are joined in one turn's speaker.
JOINT_SEPARATOR = " & "
#: how the RECO study named a site in attributions; a project can choose another (``cmo-coder config``)
DEFAULT_SITE_FORMAT = "Case Study {site}"


class Participant(Frozen):
    label: StrictStr = Field(description="Study label such as SP12 (staff) or P7 (service user or carer).")
    role: Role
    site: StrictStr | None = Field(default=None, description="Site or case study letter, e.g. 'C'.")
    attributes: dict[StrictStr, StrictStr] = Field(default_factory=dict, description="Free attributes: team, service…")
    provisional: bool = Field(default=False, description="True until a manifest line covers this speaker.")

    @field_validator("label")
    @classmethod
    def _label_shape(cls, v: str) -> str:
        # members speaking together are their labels joined ("NOR-G02 & NOR-G04"): see cmo_coder.anonymise.joint_turns
        if not all(LABEL_RE.match(part) for part in v.split(JOINT_SEPARATOR)):
            raise ValueError(f"study label {v!r} must be a letter followed by letters, digits, '-' or '_' (max 32)")
        return v

    @property
    def joint(self) -> bool:
        """Whether this is members speaking together, not a person (a turn's speakers, never a case of its own)."""
        return JOINT_SEPARATOR in self.label

    @property
    def site_name(self) -> str | None:
        return self.site_name_in(DEFAULT_SITE_FORMAT)

    @property
    def attribution(self) -> str:
        """The attribution line realist reports print under a quote: ``P36, (Carer) Case Study B``."""
        return self.attribution_in(DEFAULT_SITE_FORMAT)

    def site_name_in(self, site_format: str) -> str | None:
        """The site as a project's attributions name it: ``Site 2``, ``Trust B``; None without a site
        or when the project's attributions name no site (an empty format)."""
        if not self.site or not site_format:
            return None
        if _already_named(self.site, site_format):
            return self.site  # a manifest that wrote "Case Study B" in full, not "Case Study Case Study B"
        return site_format.replace("{site}", self.site)

    def attribution_in(self, site_format: str) -> str:
        """The attribution with a project's site format, e.g. ``P36, (Carer) Site 2``."""
        parts = [self.label]
        rest = []
        if self.role is Role.carer:
            rest.append("(Carer)")
        site_name = self.site_name_in(site_format)
        if site_name:
            rest.append(site_name)
        if rest:
            parts.append(" ".join(rest))
        return ", ".join(parts)


def _already_named(site: str, site_format: str) -> bool:
    """Whether ``site`` already reads as ``site_format`` names sites: "Case Study B" for "Case Study {site}"."""
    if "{site}" not in site_format:
        return False
    before, after = site_format.split("{site}", 1)
    low = site.lower()
    return bool(before.strip() or after.strip()) and low.startswith(before.lower()) and low.endswith(after.lower()) \
        and len(site) > len(before) + len(after)
