"""The participants manifest: the one file that ties real speaker names to study labels.

It is identifying by design and belongs in the secure folder. Columns (CSV):
``name, aliases, role, site, label`` and any further columns as free attributes;
aliases are separated by ``;``.
"""

from __future__ import annotations

from pydantic import Field, StrictStr, field_validator

from .base import Frozen
from .participant import LABEL_RE
from .vocab import Role

GROUP_ATTRIBUTE = ("speakers", "group")
"""The attribute a manifest row of role ``group`` carries: a group recorded without speaker labels (a focus group's
captions), whose turns are all given to the row's label. Its name is the group's label or description, never a
person's: it is not registered as a name, and the import does not read it in file names."""


def is_group(attributes: dict[str, str]) -> bool:
    """Whether a manifest row or key entry (by its attributes) stands for a group without speaker labels."""
    return attributes.get(GROUP_ATTRIBUTE[0]) == GROUP_ATTRIBUTE[1]


class ManifestEntry(Frozen):
    name: StrictStr = Field(min_length=1, description="The speaker's name as transcripts write it.")
    aliases: list[StrictStr] = Field(default_factory=list, description="Other spellings, device names, nicknames.")
    role: Role
    site: StrictStr | None = None
    label: StrictStr | None = Field(default=None, description="Fixed study label; assigned (SP<n>, P<n>) when empty.")
    attributes: dict[StrictStr, StrictStr] = Field(default_factory=dict)

    @field_validator("label")
    @classmethod
    def _label_shape(cls, v: str | None) -> str | None:
        if v is not None and not LABEL_RE.match(v):
            raise ValueError(f"study label {v!r} must be a letter followed by letters, digits, '-' or '_'")
        return v


class Manifest(Frozen):
    participants: list[ManifestEntry]
