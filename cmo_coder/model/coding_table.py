"""One row of a codings table (CSV or JSON Lines): the exchange format coders edit by hand."""

from __future__ import annotations

from pydantic import Field, StrictInt, StrictStr

from .base import Frozen
from .vocab import Component, Judgement, Stance

CODING_COLUMNS = (
    "transcript", "start", "end", "quote", "pt", "component", "element", "stance", "coder", "memo", "cmoc",
)


class CodingRow(Frozen):
    transcript: StrictStr
    start: StrictInt | None = Field(default=None, ge=0, description="Empty: locate the quote in the text.")
    end: StrictInt | None = Field(default=None, ge=0)
    quote: StrictStr = Field(min_length=1)
    pt: StrictStr
    component: Component | None = None
    element: StrictStr | None = None
    stance: Stance = Stance.supports
    coder: StrictStr | None = None
    memo: StrictStr | None = None
    cmoc: StrictStr | None = Field(default=None, description="Name of the configuration this coding belongs to.")


CONFIGURATION_COLUMNS = ("name", "pt", "judgement", "rationale")


class ConfigurationRow(Frozen):
    """One row of ``configurations.csv``: judgement and rationale for a ``cmoc`` name of the codings table."""

    name: StrictStr = Field(min_length=1, description="The name used in the codings table's cmoc column.")
    pt: StrictStr
    judgement: Judgement | None = None
    rationale: StrictStr | None = None
