"""Page 5, suggestions: the review queue shown in the text as ghost highlights, decided by keyboard.

Accepting goes through :func:`cmo_coder.suggest.review.accept_in` inside one transaction, as
``cmo-coder suggest review --accept ID [--pt … --span …]`` does, so the coding it makes (id,
memo naming the suggestion, origin, audit entry) is the one the command line would make. Only
the fields the coder actually changed count as edits, so the memo's "with edits to …" is true.
A suggestion decided meanwhile (another tab, another coder, the command line) is refused with
409 instead of being decided twice.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from ..errors import CmoError
from ..model import Component, Stance
from ..model.transcript import Transcript
from ..store import Project
from ..suggest import queue, review
from ..suggest.records import Reason, Suggestion
from . import api, changes
from .pages import Pages
from .security import actor_of
from .state import Workbench
from .views import codebook_json, coding_json, timestamp


@dataclass
class GhostSegment:
    """A run of text covered by the same pending suggestions."""

    start: int
    end: int
    text: str
    suggestions: list[str]
    css: str


@dataclass
class QueueTurn:
    index: int
    start: int
    end: int
    speaker: str | None
    start_time: float | None
    segments: list[GhostSegment] = field(default_factory=list)


def reason_text(r: Reason) -> str:
    """One reason as a coder reads it (the same evidence ``suggest review --list`` prints)."""
    score = f" ({r.score:.2f})" if r.score is not None else ""
    if r.kind == "pt":
        return f"programme theory {r.pt}{score}"
    if r.kind == "cue":
        return f"cue phrase “{r.text}”" + (f" → {r.component.short}" if r.component else "")
    if r.kind == "model":
        return f"model words: {r.text}{score}"
    if r.kind == "element":
        return f"closest element {r.element}: {r.text}{score}"
    return f"like coding {r.coding_id}: “{r.text}”{score}"


def suggestion_json(s: Suggestion) -> dict[str, Any]:
    return {
        "id": s.id, "start": s.start, "end": s.end, "text": s.text, "pt": s.pt, "component": s.component.value,
        "short": s.component.short, "confidence": round(s.confidence, 2), "status": s.status,
        "reasons": [reason_text(r) for r in s.reasons],
    }


def _ghosts(text: str, lo: int, hi: int, pending: list[Suggestion]) -> list[GhostSegment]:
    cuts = {lo, hi}
    for s in pending:
        if s.end > lo and s.start < hi:
            cuts.update((max(lo, s.start), min(hi, s.end)))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        covering = [s for s in pending if s.start < b and s.end > a]
        css = f"ghost ghost-{covering[0].component.value}" if covering else ""
        out.append(GhostSegment(a, b, text[a:b], [s.id for s in covering], css))
    return out


def queue_view(project: Project, transcript_id: str) -> dict[str, Any]:
    """The transcript (signed off only) with its pending suggestions laid over the text, turn by turn."""
    transcript: Transcript = project.transcript(transcript_id)  # unknown or pending: CmoError
    pending = queue.listing(project, "pending", transcript_id)
    text = transcript.text
    blocks: list[tuple[int, int, int | None]] = []
    position = 0
    for i, turn in enumerate(transcript.turns):
        if turn.start > position:
            blocks.append((position, turn.start, None))
        blocks.append((turn.start, turn.end, i))
        position = turn.end
    if position < len(text) or not blocks:
        blocks.append((position, len(text), None))
    # suggestions by start, so that each block looks only at those that can reach it (a 20,000-word
    # transcript has hundreds of turns and may have a thousand suggestions)
    pending.sort(key=lambda s: (s.start, s.end))
    starts = [s.start for s in pending]
    longest = max((s.end - s.start for s in pending), default=0)
    turns = []
    gaps: list[tuple[int, str]] = []
    for n, (lo, hi, index) in enumerate(blocks):
        if index is None and not text[lo:hi].strip():
            gaps.append((lo, text[lo:hi]))  # not shown, but sent so the page knows every offset
            continue
        t = transcript.turns[index] if index is not None else None
        near = pending[bisect_left(starts, lo - longest):bisect_left(starts, hi)]
        turns.append(QueueTurn(
            index=n, start=lo, end=hi, speaker=t.speaker if t else None, start_time=t.start_time if t else None,
            segments=_ghosts(text, lo, hi, [s for s in near if s.end > lo]),
        ))
    return {"transcript": transcript, "turns": turns, "gaps": gaps, "pending": [suggestion_json(s) for s in pending],
            "timestamp": timestamp}


def overview(project: Project) -> list[dict[str, Any]]:
    """Pending, accepted and rejected suggestions per transcript, in project order."""
    counts: dict[str, Counter[str]] = {}
    rows = project.conn.execute(
        "SELECT s.transcript_id AS tid, s.status AS status, COUNT(*) AS n FROM suggestions s "
        "JOIN transcripts t ON t.id = s.transcript_id GROUP BY t.position, s.transcript_id, s.status "
        "ORDER BY t.position")
    for r in rows:  # counted in SQL: the queue may hold thousands
        counts.setdefault(r["tid"], Counter())[r["status"]] += r["n"]
    titles = {t.id: t.title for t in project.transcript_summaries()}
    return [{"id": tid, "title": titles.get(tid, tid), **{k: c[k] for k in queue.STATUSES}}
            for tid, c in counts.items()]


# -- deciding --------------------------------------------------------------------------------------


def _pending(project: Project, suggestion_id: str) -> Suggestion:
    s = queue.get(project, suggestion_id)  # unknown: NotFound (404)
    if s.status != "pending":
        raise changes.StaleEdit(f"suggestion {s.id} was already {s.status} by {s.decided_by}; reload the page")
    return s


def edits_from(data: dict[str, Any], s: Suggestion) -> review.Edits:
    """Only what differs from the suggestion is an edit (the CLI's --pt, --component … given alone)."""
    pt, element, memo = api._str(data, "pt"), api._str(data, "element"), api._str(data, "memo")
    comp_text, stance_text = api._str(data, "component"), api._str(data, "stance")
    try:
        component = Component.parse(comp_text) if comp_text else None
        stance = Stance.parse(stance_text) if stance_text else None
    except ValueError as exc:
        raise api.BadRequest(str(exc)) from None
    start, end = api._int(data, "start", False), api._int(data, "end", False)
    if (start is None) != (end is None):
        raise api.BadRequest("give both 'start' and 'end' to change the span, or neither")
    span = (start, end) if start is not None and end is not None and (start, end) != (s.start, s.end) else None
    return review.Edits(
        pt=pt.strip() if pt and pt.strip() and pt.strip() != s.pt else None,
        component=component if component is not None and component != s.component else None,
        stance=stance if stance is not None and stance != Stance.supports else None,
        span=span, element=element or None, memo=memo if memo and memo.strip() else None,
    )


def _guarded_pending(project: Project, suggestion_id: str) -> None:
    """Re-check, inside SQLite's write lock, that nobody decided the suggestion in the meantime."""
    if isinstance(project, changes.GuardedProject):
        def still_pending() -> None:
            _pending(project, suggestion_id)

        project.precondition = still_pending


async def accept(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await api._body(request)
    sid = request.path_params["suggestion_id"]
    with changes.WRITE_LOCK, bench.project() as p:
        s = _pending(p, sid)
        edits = edits_from(data, s)
        _guarded_pending(p, sid)
        with p.transaction(who) as tx:
            coding = review.accept_in(tx, sid, edits)
    return {"coding": coding_json(coding), "suggestion": sid,
            "message": f"accepted {sid} as coding {coding.id} ({coding.pt} "
                       f"{coding.component.short if coding.component else 'PT-level'} {coding.stance.value})"}


async def reject(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    await api._body(request)
    sid = request.path_params["suggestion_id"]
    with changes.WRITE_LOCK, bench.project() as p:
        _pending(p, sid)
        _guarded_pending(p, sid)
        review.reject(p, sid, who)
    return {"suggestion": sid, "message": f"rejected {sid}"}


async def listing(request: Request, bench: Workbench) -> dict[str, Any]:
    status = request.query_params.get("status") or "pending"
    with bench.project() as p:
        rows = queue.listing(p, None if status == "all" else status,
                             request.query_params.get("transcript") or None)
    return {"suggestions": [suggestion_json(s) for s in rows]}


# -- pages -----------------------------------------------------------------------------------------


class SuggestionPages:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.bench = pages.bench

    async def index(self, request: Request) -> HTMLResponse:
        with self.bench.project() as p:
            rows = overview(p)
        first = next((r["id"] for r in rows if r["pending"]), None)
        return self.pages.render(request, "suggestions_index.html", title="Suggestions", rows=rows, first=first)

    async def transcript(self, request: Request) -> HTMLResponse:
        try:
            with self.bench.project() as p:
                view = queue_view(p, request.path_params["transcript_id"])
                codebook = codebook_json(p)
                rows = overview(p)
        except CmoError as exc:
            return self.pages.error(request, exc)
        t = view["transcript"]
        # each clause is sliced from the text on the page, not sent twice
        items = [{k: v for k, v in item.items() if k not in ("text", "status", "short")} for item in view["pending"]]
        # and the text itself travels once, in the reading view, which the script reads back
        page_data = {"transcript": t.id, "length": len(t.text), "gaps": view["gaps"], "suggestions": items,
                     "codebook": codebook}
        return self.pages.render(request, "suggestions.html", title=f"Suggestions · {t.title}", view=view,
                                 rows=rows, codebook=codebook, page_data=page_data)


def routes(pages: Pages) -> list[Route]:
    bench = pages.bench
    sp = SuggestionPages(pages)

    return [
        Route("/suggestions", sp.index, methods=["GET"]),
        Route("/suggestions/{transcript_id}", sp.transcript, methods=["GET"]),
        Route("/api/suggestions", api._route(bench, listing), methods=["GET"]),
        Route("/api/suggestions/{suggestion_id}/accept", api._route(bench, accept), methods=["POST"]),
        Route("/api/suggestions/{suggestion_id}/reject", api._route(bench, reject), methods=["POST"]),
    ]
