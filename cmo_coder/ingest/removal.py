"""Removing a transcript imported by mistake, from the project and from the secure folder.

A wrong file, a duplicate or a test import must be removable without hand-editing the
database. Removal is one project transaction; a transcript with codings goes only when
forced, and then its codings and suggestions go with it, each recorded in the audit log.
The secure copies (raw transcript, anonymisation proposals, redaction key entry, source
record and the original file, unless another transcript shares it) are first moved
aside inside the secure folder, restored if anything fails, and deleted only once the
project has committed: a failure leaves both folders as they were.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..anonymise.review import PROPOSALS as _PROPOSALS
from ..anonymise.review import REDACTION_KEY as _REDACTION_KEY
from ..errors import CmoError, NotFound
from ..store import Project
from ..store.secure import SecureFolder
from .importer import SOURCES_FILE


@dataclass
class Removal:
    transcript: str
    status: str
    codings: int = 0
    suggestions: int = 0
    secure_files: list[str] = field(default_factory=list)
    secure_left: bool = False

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _secure_files(secure: SecureFolder, tid: str) -> list[Path]:
    """Files that belong to this transcript alone."""
    files = [secure.raw / f"{tid}.json", secure.path / _PROPOSALS / f"{tid}.json"]
    sources = secure.read_json(SOURCES_FILE, {})
    original = sources.get(tid, {}).get("original")
    if original and not any(s.get("original") == original for t, s in sources.items() if t != tid):
        files.append(secure.path / original)
    return [f for f in files if f.exists()]


def remove_transcript(project: Project, tid: str, *, force: bool = False, secure: SecureFolder | None = None,
                      actor: str | None = None) -> Removal:
    summary = next((s for s in project.transcript_summaries() if s.id == tid), None)
    if summary is None:
        if secure is not None and (tid in secure.read_json(SOURCES_FILE, {}) or (secure.raw / f"{tid}.json").exists()):
            return _remove_secure_only(secure, tid)
        known = ", ".join(project.transcript_ids()) or "none"
        raise NotFound(f"no transcript {tid!r} in the project (transcripts: {known})")
    codings = project.codings(transcript_id=tid)
    if codings and not force:
        raise CmoError(f"transcript {tid} has {len(codings)} coding(s); remove them first, or give --force to "
                       "remove the transcript with its codings (recorded in the audit log)")
    used = sorted({r[0] for r in project.conn.execute(
        "SELECT DISTINCT m.configuration_id FROM configuration_members m JOIN codings c ON c.id = m.coding_id "
        "WHERE c.transcript_id = ?", (tid,))})
    if used:
        raise CmoError(f"transcript {tid}: its codings are part of CMO configuration(s) {', '.join(used)}; "
                       "remove those first ('cmo-coder cmoc remove PROJECT ID'), nothing was removed")
    result = Removal(transcript=tid, status=summary.status, codings=len(codings))
    with _SecureCleanup(secure, tid) as cleanup, project.transaction(actor) as tx:
        for c in codings:
            tx.remove_coding(c.id)  # refuses codings that a configuration still uses
        result.suggestions = tx.conn.execute("DELETE FROM suggestions WHERE transcript_id = ?", (tid,)).rowcount
        tx.remove_transcript(tid)
        tx.audit("remove", "transcript", tid, {
            "status": summary.status, "forced": bool(codings), "codings": len(codings),
            "suggestions": result.suggestions, "secure_copies": secure is not None,
        })
        result.secure_files = cleanup.stage()  # last, so nothing can fail between it and the commit
    result.secure_left = secure is None
    return result


def _remove_secure_only(secure: SecureFolder, tid: str) -> Removal:
    """What a removal without ``--secure`` left behind: the transcript is gone from the project already."""
    with _SecureCleanup(secure, tid) as cleanup:
        files = cleanup.stage()
    return Removal(transcript=tid, status="removed earlier", secure_files=files)


class _SecureCleanup:
    """Moves a transcript's secure files aside; puts them back on failure, deletes them on success."""

    def __init__(self, secure: SecureFolder | None, tid: str) -> None:
        self.secure, self.tid = secure, tid
        self.staging = secure.path / f".removing-{tid}" if secure is not None else None
        self.moved: list[tuple[Path, Path]] = []
        self.rewritten: list[tuple[str, Any]] = []

    def __enter__(self) -> _SecureCleanup:
        return self

    def stage(self) -> list[str]:
        if self.secure is None or self.staging is None:
            return []
        secure, done = self.secure, []
        self.staging.mkdir(exist_ok=True)
        for f in _secure_files(secure, self.tid):
            target = self.staging / f"{len(self.moved)}-{f.name}"
            f.rename(target)
            self.moved.append((f, target))
            done.append(f.relative_to(secure.path).as_posix())
        for name in (SOURCES_FILE, _REDACTION_KEY):
            data = secure.read_json(name, {})
            if isinstance(data, dict) and self.tid in data:
                before = dict(data)
                del data[self.tid]
                secure.write_json(name, data)
                self.rewritten.append((name, before))
        return done

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None and self.secure is not None:
            # Put back as much as possible: one failed step must not stop the others.
            for original, target in reversed(self.moved):
                with contextlib.suppress(OSError):
                    target.rename(original)
            for name, before in reversed(self.rewritten):
                with contextlib.suppress(OSError):
                    self.secure.write_json(name, before)
        if self.staging is not None and self.staging.exists():
            leftovers = exc_type is not None and any(self.staging.iterdir())
            if not leftovers:  # a file that could not be put back stays where the user can find it
                shutil.rmtree(self.staging)
