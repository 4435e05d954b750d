"""Theory versions and memos as REFI-QDA notes: what they say, and how an import reads them back.

REFI-QDA has no notion of a programme theory's versions or of a memo's target beyond the
``NoteRef`` an element carries, and importers differ in which ``NoteRef`` they read. So
each such note also says in its ``Description`` what it is (``cmo-coder theory version;
pt: PT3; version: 2; change: revise`` or ``cmo-coder memo; on: coding cod-…``); cmo-coder's
own importer reads that line back, other tools show it as the note's description.
"""

from __future__ import annotations

import re

from ..model.note import MemoTarget, ProjectNote
from ..store import Project
from ..theory.model import ChangeKind, PTVersion
from ..theory.report import CHANGE_WORDS
from ..theory.store import all_versions

THEORY_MARK = "cmo-coder theory version"
MEMO_MARK = "cmo-coder memo"
_THEORY = re.compile(r"^cmo-coder theory version; pt: (?P<pt>PT\d+[a-z]?); version: (?P<version>\d+); "
                     r"change: (?P<change>\w+)$")
_MEMO = re.compile(r"^cmo-coder memo; on: (?P<kind>transcript|coding|pt|cmoc) (?P<target>\S+)$")


def version_description(v: PTVersion) -> str:
    return f"{THEORY_MARK}; pt: {v.pt}; version: {v.version}; change: {v.change.value}"


def version_title(v: PTVersion) -> str:
    return f"{v.pt} v{v.version}: {CHANGE_WORDS[v.change]}"


def version_body(v: PTVersion) -> str:
    """The version's statement and elements, then why it changed and on what evidence."""
    lines = [f"{v.title}: {v.statement}" if not v.retired else f"{v.title}: retired"]
    lines += [f"{e.id} ({e.component.short}): {e.statement}" for e in v.elements]
    lines += ["", f"Change: {CHANGE_WORDS[v.change]}, by {v.author}, {v.at}."]
    if v.rationale:
        lines.append(f"Rationale: {v.rationale}")
    if v.evidence:
        lines.append(f"Evidence: {', '.join(v.evidence)}")
    if v.moves:
        lines.append("Moved: " + "; ".join(f"{a} → {b}" for a, b in sorted(v.moves.items())))
    return "\n".join(lines)


def memo_description(note: ProjectNote) -> str | None:
    if note.target_kind is None:
        return note.description
    return f"{MEMO_MARK}; on: {note.target_kind.value} {note.target_id}"


def read_theory_mark(description: str | None) -> tuple[str, int] | None:
    m = _THEORY.match((description or "").strip())
    return (m["pt"], int(m["version"])) if m else None


def read_memo_mark(description: str | None) -> tuple[MemoTarget, str] | None:
    m = _MEMO.match((description or "").strip())
    return (MemoTarget(m["kind"]), m["target"]) if m else None


def refined_texts(project: Project) -> dict[str, str]:
    """Every refined version's words, named for a leak report. Refinements are written after reading
    the transcripts, yet an export carries them inside its codebook, which the file scan reads as
    reference text (only full, cased names): they are checked here in full first."""
    return {f"theory {v.pt} v{v.version}": f"{v.title}\n{version_body(v)}"
            for v in all_versions(project) if v.change is not ChangeKind.initial}
