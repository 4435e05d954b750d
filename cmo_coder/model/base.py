"""Shared pydantic configuration: no unknown fields, no silent coercion of numbers and text.

Fields use ``StrictInt`` / ``StrictStr`` so that ``"12"`` is never taken for an offset;
enums still accept their string values, which is how every file format spells them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for every model: unknown fields are refused, assignments are re-validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


class Frozen(BaseModel):
    """Base for value objects that must not change once validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)
