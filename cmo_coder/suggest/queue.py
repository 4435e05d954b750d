"""The review queue: the ``suggestions`` table, read and written only through these functions.

Suggestions are proposals, never codings: they wait here as ``pending`` until a coder
accepts (→ an ordinary coding, linked back) or rejects them. Rejections are remembered so
the same clause is not proposed for the same component again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import clock
from ..errors import CmoError, NotFound
from ..store import Project
from ..store.db import Row
from ..store.project import Tx
from ..store.rows import json_cell, reading
from .records import Reason, Suggestion

STATUSES = ("pending", "accepted", "rejected")


def _from_row(r: Row, where: object) -> Suggestion:
    reasons = json_cell(r["reasons"], list, where=where, table="suggestions", row=r["id"], column="reasons")
    with reading(where, "suggestions", r["id"]):
        return Suggestion(
            id=r["id"], transcript=r["transcript_id"], start=r["start"], end=r["end"], text=r["text"],
            component=r["component"], pt=r["pt"], confidence=float(r["confidence"]),
            reasons=[Reason.model_validate(x) for x in reasons], status=r["status"],
            decided_by=r["decided_by"], decided_at=r["decided_at"], coding_id=r["coding_id"],
        )


def add(tx: Tx, suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """Queue new suggestions; returns those actually added.

    Left out: a clause with a pending suggestion already (one proposal per clause at a time, even
    if a retrained model now prefers another component) and a clause rejected before for the
    same component.
    """
    added = []
    now = clock.now_iso()
    for s in suggestions:
        seen = tx.conn.execute(
            'SELECT 1 FROM suggestions WHERE id = ? OR (transcript_id = ? AND start = ? AND "end" = ? '
            "AND (status = 'pending' OR (status = 'rejected' AND component = ?)))",
            (s.id, s.transcript, s.start, s.end, s.component.value),
        ).fetchone()
        if seen:
            continue
        tx.conn.execute(
            'INSERT INTO suggestions (id, transcript_id, start, "end", text, component, pt, confidence, reasons, '
            "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
            (s.id, s.transcript, s.start, s.end, s.text, s.component.value, s.pt, s.confidence,
             json.dumps([r.model_dump(mode="json", exclude_none=True) for r in s.reasons], sort_keys=True), now),
        )
        added.append(s)
    by_transcript: dict[str, list[str]] = {}
    for s in added:
        by_transcript.setdefault(s.transcript, []).append(s.id)
    for tid, ids in sorted(by_transcript.items()):
        tx.audit("suggest", "transcript", tid, {"suggestions": ids})
    return added


def get(project: Project, suggestion_id: str) -> Suggestion:
    r = project.conn.execute("SELECT * FROM suggestions WHERE id = ?", (suggestion_id,)).fetchone()
    if r is None:
        raise NotFound(f"no suggestion {suggestion_id!r} in the review queue ('cmo-coder suggest review --list')")
    return _from_row(r, project.location)


def listing(
    project: Project, status: str | None = "pending", transcript_id: str | None = None,
    min_confidence: float | None = None, pt: str | None = None,
) -> list[Suggestion]:
    """Queue entries in transcript and document order."""
    if status is not None and status not in STATUSES:
        raise CmoError(f"unknown suggestion status {status!r} (expected {', '.join(STATUSES)})")
    where, args = [], []
    for cond, value in (("s.status = ?", status), ("s.transcript_id = ?", transcript_id), ("s.pt = ?", pt),
                        ("s.confidence >= ?", min_confidence)):
        if value is not None:
            where.append(cond)
            args.append(value)
    sql = (
        "SELECT s.* FROM suggestions s JOIN transcripts t ON t.id = s.transcript_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + ' ORDER BY t.position, s.start, s."end", s.id'
    )
    return [_from_row(r, project.location) for r in project.conn.execute(sql, args)]


def decide(tx: Tx, suggestion_id: str, status: str, coding_id: str | None = None) -> None:
    cur = tx.conn.execute(
        "UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ?, coding_id = ? "
        "WHERE id = ? AND status = 'pending'",
        (status, tx.actor, clock.now_iso(), coding_id, suggestion_id),
    )
    if not cur.rowcount:
        raise CmoError(f"suggestion {suggestion_id} is not pending; it was already decided")
