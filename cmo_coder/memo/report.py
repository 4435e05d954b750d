"""Memos as the report shows them: on a PT's page, those on the PT, its CMOCs and its codings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model.note import ProjectNote
from ..store import Project


@dataclass(frozen=True)
class ReportMemo:
    about: str  # "PT3", "CMOC first-contact (cmoc-…)", "coding cod-…"
    memo: ProjectNote

    @property
    def byline(self) -> str:
        when = f", {self.memo.updated_at:%Y-%m-%d}" if self.memo.updated_at else ""
        return f"{self.about} \u2014 {self.memo.author or 'unknown'}{when}"


def memos_for_pt(project: Project, pt: str, configurations: Iterable[tuple[str, str]],
                 coding_ids: Iterable[str]) -> list[ReportMemo]:
    """The PT's memos, then its CMOCs' (id, name), then its codings', each group oldest first."""
    out = [ReportMemo(pt, m) for m in project.notes("pt", pt)]
    for cid, name in configurations:
        out += [ReportMemo(f"CMOC {name} ({cid})", m) for m in project.notes("cmoc", cid)]
    wanted = set(coding_ids)
    out += [ReportMemo(f"coding {m.target_id}", m) for m in project.notes("coding")
            if m.target_id in wanted]
    return out


def transcript_memos(project: Project) -> list[ReportMemo]:
    """Memos on whole transcripts (field notes, interview summaries), for the report's index page:
    they belong to no one programme theory, so no PT page would show them."""
    return [ReportMemo(f"transcript {m.target_id}", m) for m in project.notes("transcript")]
