"""What each target is expected to drop from a cmo-coder export, so nobody is surprised later.

These are expectations drawn from the REFI-QDA 1.5 specification, the vendors' import
documentation and the sample exports, not results of importing into each tool here; each
loss is stated with the count from this export, so the report says what *this* file risks.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ExportCounts(BaseModel):
    sources: int = 0
    selections: int = 0
    codings: int = 0
    notes: int = 0
    links: int = 0
    cases: int = 0
    graphs: int = 0
    astral_sources: int = 0


class DataLoss(BaseModel):
    target: str
    losses: list[str] = Field(default_factory=list)


def report(c: ExportCounts, profile: str) -> list[DataLoss]:
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
    qualcoder = ["graphs are not imported" if c.graphs else "",
                 f"{c.links} link(s) between selections are not imported" if c.links else "",
                 "code Sets are not imported"]
    out.append(DataLoss(target="QualCoder", losses=[x for x in qualcoder if x]))
    return out
