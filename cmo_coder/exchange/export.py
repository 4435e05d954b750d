"""Export a project as a REFI-QDA archive (``.qdpx``) and/or codebook (``.qdc``).

The archive is built next to its destination under a temporary name, leak-checked when a
secure folder is given, and only then moved into place, so a refused or failed export
leaves nothing behind and an existing file is never half-overwritten.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, Field

from ..errors import CmoError
from ..store import Project
from ..store.atomic import sweep_stale, temp_file_pattern
from ..store.secure import SecureFolder
from . import dataloss, leak, qdc, theory_notes
from .archive import DeterministicZip
from .dataloss import DataLoss, ExportCounts
from .qde_write import QdeWriter
from .textprep import Profile

#: The staging folder beside the destination (same file system, so the final move is a rename).
#: It only ever holds what the archive holds: signed-off, anonymised text and the project file.
STAGING_PREFIX = ".cmo-export-"
STAGING_PATTERN = re.compile(re.escape(STAGING_PREFIX) + r"[a-z0-9_]{8}")


class RefiExportReport(BaseModel):
    """What ``cmo-coder export --json`` prints."""

    qdpx: str | None = None
    qdc: str | None = None
    profile: Profile = Profile.refi
    transcripts: list[str] = Field(default_factory=list)
    skipped_pending: list[str] = Field(default_factory=list)
    counts: ExportCounts = Field(default_factory=ExportCounts)
    leak_check: str = Field(description="'passed' or 'not run'")
    warnings: list[str] = Field(default_factory=list)
    data_loss: list[DataLoss] = Field(default_factory=list)


def select_transcripts(project: Project, signed_off_only: bool) -> tuple[list[str], list[str]]:
    """Signed-off transcripts to export, and pending ones skipped; refuse pending unless told."""
    pending = project.transcript_ids(status="pending")
    if pending and not signed_off_only:
        raise CmoError(
            f"{len(pending)} transcript(s) are not signed off by anonymisation: {', '.join(pending[:20])}"
            + (" …" if len(pending) > 20 else "")
            + "; finish anonymising them, or pass --signed-off-only to export the others"
        )
    return project.transcript_ids(status="signed_off"), pending


def _modified(project: Project) -> datetime:
    last = project.conn.execute("SELECT MAX(at) FROM audit").fetchone()[0] or "1980-01-01T00:00:00Z"
    return datetime.fromisoformat(last.replace("Z", "+00:00"))


def write_qdpx(project: Project, dest: Path, transcript_ids: list[str], profile: Profile,
               secure: SecureFolder | None, progress: Callable[[int, int], None] | None = None) -> QdeWriter:
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    # a run killed mid-export (kill -9, power cut) leaves its staging folder and partial archive
    sweep_stale(dest.parent, STAGING_PATTERN, temp_file_pattern(dest))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with tempfile.TemporaryDirectory(prefix=STAGING_PREFIX, dir=dest.parent) as staging:
            stage = Path(staging)
            texts = stage / "sources"
            texts.mkdir()
            writer = QdeWriter(project, transcript_ids, profile, texts, progress)
            qde = stage / "project.qde"
            with open(qde, "wb") as fh:
                writer.write(fh)
            with open(tmp, "wb") as out:
                z = DeterministicZip(out, _modified(project))
                z.write_file("project.qde", qde)
                for name, path in sorted(writer.text_files):
                    z.write_file(name, path)
                z.close()
        if secure is not None:
            hits = leak.scan([tmp], secure, leak.codebook_reference(project), leak.team_names(project))
            if hits:
                raise leak.refuse(hits, str(dest), {str(tmp): str(dest)})
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return writer


def run(project: Project, qdpx: Path | None, qdc_path: Path | None, profile: Profile = Profile.refi,
        secure: SecureFolder | None = None, signed_off_only: bool = False,
        progress: Callable[[int, int], None] | None = None) -> RefiExportReport:
    if qdpx is None and qdc_path is None:
        raise CmoError("nothing to export: give --qdpx FILE and/or --qdc FILE")
    report = RefiExportReport(profile=profile, leak_check="passed" if secure is not None else "not run")
    if secure is not None and (refined := theory_notes.refined_texts(project)):
        hits = leak.scan_texts(refined, secure, leak.codebook_reference(project) or [])
        if hits:  # before anything is written: the codebook of both files would carry them
            raise leak.refuse(hits, str(qdpx or qdc_path))
    if qdpx is not None:
        ids, pending = select_transcripts(project, signed_off_only)
        writer = write_qdpx(project, qdpx, ids, profile, secure, progress)
        s = writer.stats
        report.qdpx = str(qdpx)
        report.transcripts = ids
        report.skipped_pending = pending if signed_off_only else []
        report.counts = ExportCounts(sources=s.sources, selections=s.selections, turn_selections=s.turn_selections,
                                     codings=s.codings, notes=s.notes,
                                     links=s.links, cases=s.cases, graphs=s.graphs,
                                     astral_sources=len(s.astral_sources))
        if s.astral_sources and profile.code_points:
            report.warnings.append(
                f"{len(s.astral_sources)} source(s) contain characters beyond U+FFFF (e.g. emoji): "
                f"{', '.join(s.astral_sources[:10])}. NVivo counts these as two characters, so its codings would "
                "shift; use --profile nvivo for NVivo")
        if s.nfc_changed:
            report.warnings.append(f"{len(s.nfc_changed)} source(s) were not in Unicode NFC and were written "
                                   f"normalised: {', '.join(s.nfc_changed[:10])}")
        if report.skipped_pending:
            report.warnings.append(f"skipped {len(pending)} transcript(s) not signed off: {', '.join(pending[:20])}")
        report.data_loss = dataloss.report(report.counts, profile.value)
    if qdc_path is not None:
        qdc.write(project.codebook, qdc_path)
        report.qdc = str(qdc_path)
    if secure is None:
        report.warnings.append("NO LEAK CHECK WAS RUN: pass --secure DIR to check the export for names before "
                               "sharing it")
    return report
