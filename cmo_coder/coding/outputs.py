"""The JSON shapes the coding commands print with ``--json``, as models so they have schemas.

Each command builds one of these and dumps it, so what scripts receive is exactly what
``schemas/*.schema.json`` documents.
"""

from __future__ import annotations

from pydantic import Field, StrictBool, StrictInt, StrictStr

from ..model import Coding
from ..model.base import Frozen
from ..model.vocab import Component, Judgement, Role


class CodingListItem(Coding):
    """A coding with the attribution of the turn it starts in (``code list --json``, ``code add --json``)."""

    label: StrictStr | None = Field(default=None, description="Study label of the speaker, e.g. SP10.")
    role: Role | None = None
    site: StrictStr | None = None
    attribution: StrictStr | None = Field(default=None, description="'P36, (Carer) Case Study B'.")
    coded_against: StrictStr | None = Field(
        default=None, description="The PT version (and element, if since moved) it was coded against: 'PT3 v1'.")
    stale: StrictBool = Field(
        default=False, description="Coded against an earlier version of its PT, or moved by a theory change, and "
                                   "not confirmed or edited by a coder since.")
    version: StrictStr | None = Field(
        default=None, description="A fingerprint of the coding's content: 'code edit --expect-version' and the "
                                  "workbench refuse a change made from an older one.")


class ConfigurationMemberView(Frozen):
    role: Component
    coding: CodingListItem


class ConfigurationView(Frozen):
    """``cmoc show --json``: a configuration with each member coding and who said it."""

    id: StrictStr
    pt: StrictStr
    name: StrictStr
    judgement: Judgement | None = None
    rationale: StrictStr | None = None
    coder: StrictStr
    created_at: StrictStr | None = None
    updated_at: StrictStr | None = None
    members: list[ConfigurationMemberView]


class PtSummaryRow(Frozen):
    """One line of ``code summary``: a programme theory's codings by component and stance."""

    pt: StrictStr
    title: StrictStr
    codings: StrictInt
    context: StrictInt
    mechanism_resource: StrictInt
    mechanism_response: StrictInt
    outcome: StrictInt
    pt_level: StrictInt = Field(description="Codings of the PT as a whole (no component).")
    supports: StrictInt
    refutes: StrictInt
    refines: StrictInt
    transcripts: StrictInt
    configurations: StrictInt


class TableImportReport(Frozen):
    """``code import --json``."""

    rows: StrictInt
    codings: StrictInt
    configurations: StrictInt
    already_present: StrictInt = Field(
        default=0, description="Rows whose coding the project already holds, identical (a rerun): skipped.")
    configurations_already_present: StrictInt = Field(
        default=0, description="Configurations the project already holds with the same members: skipped.")
    skipped: list[StrictStr] = Field(description="Problems of rows left out with --skip-invalid, row and column.")


class MarkupImportReport(Frozen):
    """``markup import --json``: what the parser recovered next to an independent count."""

    transcript: StrictStr
    census: dict[StrictStr, StrictInt]
    clauses_found: StrictInt
    quotes_found: StrictInt
    clause_codings: StrictInt
    quote_codings: StrictInt
    turns: StrictInt
    participants_added: list[StrictStr]
    per_pt: dict[StrictStr, StrictInt]
    notes: list[StrictStr]


class PairFigures(Frozen):
    agreement: float
    kappa: float


class AgreementSummary(Frozen):
    group: StrictStr
    rows: StrictInt = Field(description="Code–source pairs pooled.")
    characters: StrictInt
    agreement: float
    kappa: float
    alpha: float | None = Field(description="Krippendorff's alpha (nominal); null when there is no variation.")
    pairs: dict[StrictStr, PairFigures] = Field(description="Per coder pair 'A~B'.")


class AgreementRow(Frozen):
    transcript: StrictStr
    code: StrictStr = Field(description="PT3.Mres, or PT3 for PT-level codings.")
    characters: StrictInt
    coded: dict[StrictStr, StrictInt]
    agreement: float
    kappa: float
    alpha: float | None


class DisagreementItem(Frozen):
    transcript: StrictStr
    code: StrictStr
    start: StrictInt
    end: StrictInt
    coded_by: list[StrictStr]
    text: StrictStr


class AgreementReport(Frozen):
    """``agreement --json``."""

    coders: list[StrictStr]
    by: StrictStr | None
    transcripts: StrictInt
    overall: AgreementSummary
    groups: list[AgreementSummary]
    rows: list[AgreementRow]
    disagreements: list[DisagreementItem]
    with_stance: bool = Field(default=False, description="Stance was part of the code (--with-stance).")
    slivers: StrictInt = Field(default=0, description="Disagreements shorter than a word, left out of the list.")
    methods: StrictStr = Field(description="A paragraph for the methods section.")


class ConsensusCoding(Frozen):
    """One coder's coding in a difference."""

    id: StrictStr
    start: StrictInt
    end: StrictInt
    code: StrictStr = Field(description="'PT3 Mres [PT3.MR1] supports'.")
    text: StrictStr


class ConsensusSide(Frozen):
    coder: StrictStr
    codings: list[ConsensusCoding] = Field(description="Empty when this coder did not code the passage.")


class ConsensusDifference(Frozen):
    """One difference still to decide (``code consensus --list --json`` prints a list of these)."""

    id: StrictStr = Field(description="The same whichever coder is named first; use with --accept/--edit/--drop.")
    transcript: StrictStr
    start: StrictInt
    end: StrictInt
    text: StrictStr
    a: ConsensusSide
    b: ConsensusSide


class ConsensusOutcome(Frozen):
    """``code consensus --json``: the merge of agreements, or one decision."""

    coders: list[StrictStr] = Field(description="The two coders merged: side a, side b.")
    into: StrictStr
    decision: StrictStr | None = Field(default=None, description="The difference decided; none for the merge.")
    action: StrictStr = Field(description="merge, accept, edit or drop.")
    agreements: StrictInt | None = Field(default=None, description="Agreements found (merge only).")
    added: list[StrictStr] = Field(description="Consensus codings added by this step.")
    already_present: list[StrictStr] = Field(description="Consensus codings this step would add that were there.")
    covered: list[StrictStr] = Field(default_factory=list,
                                     description="Earlier consensus codings over the same words, left as they are.")
    differences: StrictInt = Field(description="Differences between the two coders.")
    pending: StrictInt = Field(description="Differences still to decide.")
    transcripts: list[StrictStr] = Field(default_factory=list, description="Transcripts both coders coded.")
    single_coder: list[StrictStr] = Field(default_factory=list,
                                          description="Transcripts only one of them coded: left out.")
