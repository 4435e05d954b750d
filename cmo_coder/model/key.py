"""The participants key: real names ↔ study labels. Lives only in the secure folder."""

from __future__ import annotations

from pydantic import Field, StrictStr

from .base import Frozen
from .vocab import Role


class KeyEntry(Frozen):
    label: StrictStr
    name: StrictStr
    aliases: list[StrictStr] = Field(default_factory=list)
    role: Role | None = Field(default=None, description="None only while provisional (speaker not in the manifest).")
    site: StrictStr | None = None
    attributes: dict[StrictStr, StrictStr] = Field(default_factory=dict)
    provisional: bool = Field(default=False, description="Speaker not covered by the manifest yet.")


class ParticipantKey(Frozen):
    """Label numbering is stable: an entry keeps its label forever once assigned."""

    label_formats: dict[StrictStr, StrictStr] = Field(
        default_factory=lambda: {"staff": "SP{n}", "service_user": "P{n}", "carer": "P{n}", "facilitator": "F{n}"},
        description="Label template per role; roles sharing a template share one numbering.",
    )
    entries: list[KeyEntry] = Field(default_factory=list)
    site_codes: dict[StrictStr, StrictStr] = Field(
        default_factory=dict,
        description="A site the manifest names by its town ('Bradford') → the case-study letter the project "
                    "shows instead; assigned once and kept, like labels.")

    def project_site(self, site: str | None) -> str | None:
        """The site as the project may show it: the case-study letter of a site named by its town."""
        return self.site_codes.get(site, site) if site else None
