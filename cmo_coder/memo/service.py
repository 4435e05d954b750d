"""Add, list, show and edit memos; the ``memo`` commands mirror these functions.

A memo's target is checked before anything is written (an unknown transcript, coding,
PT or CMOC is one clear refusal), and each add or edit is one transaction with its audit
entry. Memo text is written by people who read the transcripts, so the leak check scans
it like a coding's memo.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..coding.service import find_configuration
from ..errors import CmoError, NotFound
from ..ids import stable_id
from ..model.note import MemoTarget, ProjectNote
from ..store import Project
from ..store.project import current_actor
from ..theory.service import resolve_pt


def resolve_target(project: Project, *, transcript: str | None = None, coding: str | None = None,
                   pt: str | None = None, cmoc: str | None = None) -> tuple[MemoTarget | None, str | None]:
    """At most one of the four targets, checked to exist; (None, None) for a study-wide memo."""
    given = [(k, v) for k, v in (("transcript", transcript), ("coding", coding), ("pt", pt), ("cmoc", cmoc))
             if v is not None]
    if len(given) > 1:
        raise CmoError("a memo is about one thing: give at most one of --transcript, --coding, --pt, --cmoc")
    if not given:
        return None, None
    kind, ref = given[0]
    if kind == "transcript":
        project.transcript_status(ref)
        return MemoTarget.transcript, ref
    if kind == "coding":
        return MemoTarget.coding, project.coding(ref).id
    if kind == "pt":
        return MemoTarget.pt, resolve_pt(project, ref)
    try:
        return MemoTarget.cmoc, find_configuration(project, ref).id
    except NotFound:
        raise NotFound(f"no configuration (CMOC) {ref!r}; see 'cmo-coder cmoc list'") from None


def _title(title: str | None, text: str) -> str:
    if title and title.strip():
        return title.strip()
    first = " ".join(text.split())
    return first if len(first) <= 60 else first[:59] + "…"


def add_memo(project: Project, text: str, *, title: str | None = None, transcript: str | None = None,
             coding: str | None = None, pt: str | None = None, cmoc: str | None = None,
             actor: str | None = None) -> ProjectNote:
    body = (text or "").strip()
    if not body:
        raise CmoError("a memo needs some --text")
    kind, target = resolve_target(project, transcript=transcript, coding=coding, pt=pt, cmoc=cmoc)
    who = actor or current_actor()
    n = project.conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    memo_id = stable_id("memo", kind.value if kind else "", target or "", body, n)
    memo = ProjectNote(id=memo_id, title=_title(title, body), body=body, author=who, target_kind=kind,
                       target_id=target)
    with project.transaction(who) as tx:
        return tx.add_note(memo)


def list_memos(project: Project, *, transcript: str | None = None, coding: str | None = None, pt: str | None = None,
               cmoc: str | None = None) -> list[ProjectNote]:
    kind, target = resolve_target(project, transcript=transcript, coding=coding, pt=pt, cmoc=cmoc)
    return project.notes(kind.value if kind else None, target)


def show_memo(project: Project, memo_id: str) -> ProjectNote:
    memo = project.note(memo_id)
    if memo is None:
        raise NotFound(f"no memo {memo_id!r}; see 'cmo-coder memo list'")
    return memo


def edit_memo(project: Project, memo_id: str, *, text: str | None = None, title: str | None = None,
              actor: str | None = None) -> ProjectNote:
    memo = show_memo(project, memo_id)
    if text is None and title is None:
        raise CmoError("memo edit needs a new --text or --title")
    if text is not None and not text.strip():
        raise CmoError("a memo needs some --text")
    body = text.strip() if text is not None else memo.body
    updated = memo.model_copy(update={"body": body, "title": title.strip() if title and title.strip() else memo.title})
    if updated == memo:
        raise CmoError(f"memo {memo_id}: nothing to change")
    with project.transaction(actor) as tx:
        return tx.update_note(updated)


def memos_by_target(project: Project, kinds: Sequence[MemoTarget] = tuple(MemoTarget)) -> dict[tuple[str, str],
                                                                                              list[ProjectNote]]:
    """(kind, target id) → its memos, oldest first: what reports and exports attach to each object."""
    out: dict[tuple[str, str], list[ProjectNote]] = {}
    for note in project.notes():
        if note.target_kind is not None and note.target_kind in kinds and note.target_id is not None:
            out.setdefault((note.target_kind.value, note.target_id), []).append(note)
    return out
