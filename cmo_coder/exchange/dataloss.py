"""What each target is expected to drop from a cmo-coder export, so nobody is surprised later.

The NVivo, ATLAS.ti and MAXQDA lines are expectations drawn from the REFI-QDA 1.5
specification, the vendors' import documentation and the sample exports. The QualCoder lines
are what was OBSERVED by running QualCoder's own importer (``refi.RefiImport``, QualCoder
commit c3204641e0a9, August 2026) headless on the sample study's export and reading the
database it wrote. Each loss is stated with the count from this export, so the report says
what *this* file risks.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ExportCounts(BaseModel):
    sources: int = 0
    selections: int = 0
    turn_selections: int = 0
    codings: int = 0
    notes: int = 0
    links: int = 0
    cases: int = 0
    graphs: int = 0
    astral_sources: int = 0


class DataLoss(BaseModel):
    target: str
    losses: list[str] = Field(default_factory=list)


#: A profile written for one tool reports that tool's losses only (the refi profile: every tool's).
TARGET_OF_PROFILE = {"nvivo": "NVivo", "qualcoder": "QualCoder"}


def report(c: ExportCounts, profile: str) -> list[DataLoss]:
    """The losses to expect, for the tool ``profile`` targets or, for the standard profile, for each."""
    everything = _all_targets(c, profile)
    target = TARGET_OF_PROFILE.get(profile)
    return [d for d in everything if d.target == target] if target else everything


def _all_targets(c: ExportCounts, profile: str) -> list[DataLoss]:
    out = []
    nvivo = []
    if c.links:
        nvivo.append(f"{c.links} CMOC link(s) between selections are dropped; each configuration survives as a memo "
                     "(Note) linked to its member selections")
    if c.graphs:
        nvivo.append(f"{c.graphs} graph(s) are not imported as maps")
    if c.astral_sources and profile != "nvivo":
        nvivo.append(f"{c.astral_sources} source(s) hold characters beyond U+FFFF; NVivo counts them as two, so "
                     "codings after them shift (re-export with --profile nvivo)")
    nvivo.append("code Sets become static sets at best; case membership by turn may become whole-source coding")
    out.append(DataLoss(target="NVivo", losses=nvivo))
    atlas = ["cases and their variables (role, site) have no ATLAS.ti equivalent beyond document groups; "
             "turn-level case membership is lost" if c.cases else "",
             "non-codable PT and Stance folders may arrive as code groups or flat names, not a hierarchy"]
    out.append(DataLoss(target="ATLAS.ti", losses=[x for x in atlas if x]))
    maxqda = ["graphs are not imported (MAXMaps are not part of the exchange)" if c.graphs else "",
              f"{c.links} link(s) between selections are not imported" if c.links else "",
              "non-codable folders arrive as ordinary (codable) parent codes"]
    out.append(DataLoss(target="MAXQDA", losses=[x for x in maxqda if x]))
    out.append(DataLoss(target="QualCoder", losses=qualcoder_losses(c, profile)))
    return out


QUALCODER_CHECKED = "observed with QualCoder c3204641e0a9"


def qualcoder_losses(c: ExportCounts, profile: str) -> list[str]:
    """What QualCoder's importer did with such an export when run on the sample study.

    Texts, codes (with the PT folders as categories and elements as sub-codes), every coding
    on exactly its quote with its coder, coding memos, case names and variables survived.
    """
    seen = f" ({QUALCODER_CHECKED})"
    out = []
    if c.turn_selections and profile != "qualcoder":
        out.append(f"{c.turn_selections} uncoded turn selection(s) each become an empty annotation; "
                   "re-export with --profile qualcoder" + seen)
    if c.cases:
        out.append(f"{c.cases} case(s) keep their name and variables but no text: QualCoder ignores a case's "
                   "SourceRef and SelectionRef" + seen)
    if c.notes and profile == "qualcoder":
        out.append("configuration and project notes arrive as journals (not linked to the coded text); coding "
                   "memos arrive as the codings' memos" + seen)
    elif c.notes:
        out.append(f"{c.notes} note(s) are not imported (it reads a Note only from a text file), so configuration "
                   "and project notes are lost (re-export with --profile qualcoder); coding memos arrive as the "
                   "codings' memos" + seen)
    if c.links:
        kept = " (each survives only as its journal)" if profile == "qualcoder" else ", so CMO configurations are lost"
        out.append(f"{c.links} link(s) between selections are not imported{kept}" + seen)
    if c.graphs:
        out.append(f"{c.graphs} graph(s) are not imported" + seen)
    out.append("code colours are replaced by the nearest colour of QualCoder's palette (Outcome and Supports "
               "both become #487E4B); code Sets are not imported" + seen)
    return out
