"""Page 6, anonymisation review: the only pages that read identifying text, and only with ``--secure``.

Every decision goes through :mod:`cmo_coder.anonymise.review`, in the order ``cmo-coder review``
uses (decide, complete every occurrence, save decisions and proposals), and sign-off is
:func:`~cmo_coder.anonymise.review.sign_off` itself, so its refusals are the command line's.

What keeps identifying text on these pages:

* without ``--secure`` none of these routes exists (404);
* surfaces never travel in a URL: surface groups are named by the secure folder's salted hash
  (the anonymisation log's ``surface_hash``), occurrences by their proposal ids, residual items by
  a salted hash too; decisions are POST bodies;
* replies to decisions name counts and ids, never a surface (the page keeps its status line in
  session storage across a reload); only these pages' HTML and sign-off refusals quote text;
* every response is ``Cache-Control: no-store`` (the security middleware), and uvicorn's
  access log is off (:func:`cmo_coder.web.server.run_server`);
* the other pages read only the project, which holds signed-off text.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .. import clock
from ..anonymise import review as rv
from ..anonymise.headings import heading_turns
from ..anonymise.leakcheck import registered_items
from ..anonymise.models import Decision, Decisions, LogEntry, Proposal, ProposalSet
from ..anonymise.occurrences import norm
from ..anonymise.register import CATEGORIES, RegisterItem
from ..anonymise.sheet_versions import decision_version, standing
from ..errors import CmoError, NotFound
from ..model import Transcript
from ..store import Project
from ..store.db import LockedError
from ..store.secure import REGISTER_COPY, SecureFolder
from . import api, changes, review_cache, review_index
from . import review_paging as paging
from .bidi import CONTROLS
from .long_turns import Piece, paragraph_breaks, with_breaks, with_controls
from .pages import Pages
from .review_labels import renamed_for_a_name, shown_title, whole_words
from .security import actor_of, session_of
from .state import Workbench


@dataclass
class ReviewState:
    """What ``cmo-coder review`` loads: pending transcripts with proposals, completed with every occurrence."""

    secure: SecureFolder
    ids: list[str]
    raws: dict[str, Transcript]
    items: list[RegisterItem]
    decisions: Decisions
    sets: list[ProposalSet]
    registered: set[str]
    signed_off: int = 0
    awaiting: list[str] = field(default_factory=list)

    _ids: dict[str, str] = field(default_factory=dict)
    #: views made from this state alone (the index's groups): a state is replaced, never changed, when its files
    #: change (:mod:`.review_cache`), so what is kept here is as fresh as the state
    memo: dict[str, Any] = field(default_factory=dict)

    def surface_id(self, surface: str) -> str:
        """The salted hash the anonymisation log names a surface by (salt read once per request)."""
        key = norm(surface)
        if key not in self._ids:
            self._ids[key] = rv.surface_hash(self.secure, surface)
        return self._ids[key]

    def surface_for(self, group_id: str) -> str:
        """The surface a group id names (among those proposed now), or NotFound."""
        for ps in self.sets:
            for p in ps.proposals:
                if self.surface_id(p.surface) == group_id:
                    return p.surface
        raise NotFound(f"no proposal group {group_id!r} (reload the page: the proposals changed)")

    def proposal(self, proposal_id: str) -> tuple[ProposalSet, Proposal]:
        found = rv.find_proposal(self.sets, proposal_id)
        if found is None:
            raise NotFound(f"no proposal {proposal_id!r} (reload the page: the proposals changed)")
        return found

    def raw(self, transcript_id: str) -> Transcript:
        if transcript_id not in self.raws:
            raise NotFound(f"transcript {transcript_id!r} has no proposals pending review "
                           "(unknown, already signed off, or not yet through 'cmo-coder anonymise')")
        return self.raws[transcript_id]


def load_state(project: Project, secure_path: Path | None) -> ReviewState:
    if secure_path is None:
        raise NotFound("the anonymisation review needs 'cmo-coder serve … --secure DIR'")
    sf = SecureFolder.open(secure_path, project_path=project.location)
    pending_in_order = project.transcript_ids(status="pending")
    pending = set(pending_in_order)
    ids = [t for t in rv.proposal_ids(sf) if t in pending]
    items = registered_items(sf)
    raws = {t: rv.load_raw(sf, t) for t in ids}
    decisions = rv.load_decisions(sf)
    sets = rv.complete([rv.load_proposals(sf, t) for t in ids], raws, decisions, items)
    # Why the list can be empty is worth saying: a finished review and an unstarted one look alike otherwise.
    signed_off = len(project.transcript_ids(status="signed_off"))
    awaiting = [t for t in pending_in_order if t not in set(ids)]
    return _state_of(sf, ids, raws, items, decisions, sets, signed_off, awaiting)


def _state_of(sf: SecureFolder, ids: list[str], raws: dict[str, Transcript], items: list[RegisterItem],
              decisions: Decisions, sets: list[ProposalSet], signed_off: int, awaiting: list[str]) -> ReviewState:
    registered = {norm(v) for item in items for v in item.variants}
    registered |= {norm(x.surface) for ps in sets for x in ps.proposals if x.auto}
    return ReviewState(sf, ids, raws, items, decisions, sets, registered, signed_off, awaiting)


def _cache_key(project: Project, secure_path: Path) -> str:
    return f"{project.location.display}|{Path(secure_path).resolve()}"


def _stamp(project: Project, secure_path: Path) -> str:
    return review_cache.stamp(Path(secure_path), project.transcript_ids(status="pending"),
                              project.transcript_ids(status="signed_off"))


def cached_state(project: Project, secure_path: Path | None) -> ReviewState:
    """:func:`load_state`, kept between pages while the files it was read from are unchanged
    (:mod:`.review_cache`): a page costs what it shows, and still shows every reviewer's decisions."""
    if secure_path is None:
        return load_state(project, secure_path)  # its refusal
    return review_cache.state(_cache_key(project, secure_path), _stamp(project, secure_path),
                              lambda: load_state(project, secure_path))


def save(state: ReviewState, decisions: Decisions) -> ReviewState:
    """As the CLI: decisions first, then the proposals completed with every occurrence they now reach. Returns
    the state as saved (the same decisions and completed proposals a fresh load would read back)."""
    rv.save_decisions(state.secure, decisions)
    sets = rv.complete(state.sets, state.raws, decisions, state.items)
    for ps in sets:
        rv.save_proposals(state.secure, ps)
    return _state_of(state.secure, state.ids, state.raws, state.items, decisions, sets, state.signed_off,
                     state.awaiting)


def remember(project: Project, secure_path: Path | None, saved: ReviewState) -> None:
    """Keep the state a change has just saved, stamped with the files as it left them: the page the reviewer
    reloads to after a decision needs no second load."""
    if secure_path is not None:
        review_cache.keep(_cache_key(project, secure_path), _stamp(project, secure_path), saved)


def _check_version(current: Decision | None, seen: str | None, what: str, key: str = "version") -> None:
    """Refuse (409) a decision made on a page that no longer shows what is stored: two reviewers deciding
    the same item must not overwrite each other unseen."""
    if seen is None:
        raise api.BadRequest(f"the request must say which version of the decision it changes ('{key}')")
    if decision_version(current) != seen:
        now = standing(current) if current is not None else "undecided again"
        raise changes.StaleEdit(f"{what} was decided elsewhere since this page showed it (now {now}); nothing "
                                "was changed: reload the page, then decide again")


def open_version(state: ReviewState) -> str:
    """What a page saw of the undecided items: 'redact everything undecided' applies to those alone."""
    ids = sorted(p.id for ps in state.sets for p in rv.undecided(ps, state.decisions))
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]


# -- what the pages show ---------------------------------------------------------------------------


def _kwic(context: str, surface: str) -> dict[str, str]:
    """A context line cut around its marked stretch (the anonymiser writes ``…before ⟦surface⟧ after…``)."""
    before, mark, rest = context.partition("⟦")
    match, close, after = rest.partition("⟧")
    if mark and close:
        before, after = whole_words(before, after)
        return {"before": before, "match": match, "after": after}
    at = context.find(surface)
    if at < 0:
        return {"before": context, "match": "", "after": ""}
    return {"before": context[:at], "match": surface, "after": context[at + len(surface):]}


def _occurrence(state: ReviewState, tid: str, p: Proposal) -> dict[str, Any]:
    own = state.decisions.occurrences.get(p.id)
    d = rv.decision_for(p, state.decisions)
    return {
        "id": p.id, "transcript": tid, "start": p.start, "end": p.end, "surface": p.surface, "category": p.category,
        "placeholder": rv._placeholder(p, d), "decision": d.decision if d else None, "own": own is not None,
        "version": decision_version(own), "kwic": _kwic(p.context, p.surface), "word_reading": p.word_reading,
        "registered": p.auto, "layers": p.layers, "per_occurrence": p.per_occurrence,
        "sounds_like": rv.sounds_like(p.reason), "hint": rv.occurrence_hint(p),
        "group": state.surface_id(p.surface),
        "group_version": decision_version(state.decisions.surfaces.get(norm(p.surface))),
        "by": _by(d),
    }


def _by(d: Decision | None) -> str | None:
    """Who made a decision, for the pages; a registered name's standing redaction is the register's."""
    if d is None:
        return None
    return "the register" if d.by == "register" else d.by


def review_view(state: ReviewState) -> dict[str, Any]:
    """Surface groups (with their occurrences), per-occurrence items, residual risk, and each transcript's state;
    made once per state (a state is replaced when its files change), so the index's pages and filters cost what
    they show."""
    if "review" not in state.memo:
        state.memo["review"] = _review_view(state)
    view: dict[str, Any] = state.memo["review"]
    return view


def _review_view(state: ReviewState) -> dict[str, Any]:
    by_key: dict[str, list[dict[str, Any]]] = {}
    for ps in state.sets:
        for p in ps.proposals:
            if not p.per_occurrence:
                by_key.setdefault(norm(p.surface), []).append(_occurrence(state, ps.transcript_id, p))
    groups = []
    for g in rv.group_by_surface(state.sets, state.decisions):
        info = g.as_dict()
        key = norm(g.surface)
        groups.append({
            **info, "id": state.surface_id(g.surface), "kwics": [_kwic(c, g.surface) for c in g.contexts],
            "sounds_like": g.sounds_like(),
            "category": max(g.categories, key=lambda c: (g.categories[c], c)),
            "version": decision_version(state.decisions.surfaces.get(key)), "occurrences": by_key.get(key, []),
            "by": _by(state.decisions.surfaces.get(key)),
        })
    singles = [_occurrence(state, tid, p) for tid, p, _ in rv.occurrence_items(state.sets, state.decisions)]
    residual = []
    for ps in state.sets:
        for r in rv.worth_a_look(ps.residual, state.decisions, state.registered):
            residual.append({"id": state.surface_id(r.surface), "transcript": ps.transcript_id, "surface": r.surface,
                             "count": r.count, "reason": r.reason, "kwic": _kwic(r.context, r.surface)})
    transcripts = [{"id": ps.transcript_id, "title": shown_title(state.raws[ps.transcript_id]),
                    "renamed": renamed_for_a_name(state.raws[ps.transcript_id]),
                    "proposals": len(ps.proposals), "undecided": len(rv.undecided(ps, state.decisions))}
                   for ps in state.sets]
    return {"groups": groups, "singles": singles, "residual": residual, "transcripts": transcripts,
            "signed_off": state.signed_off, "awaiting": state.awaiting, "categories": CATEGORIES,
            "open_version": open_version(state),
            "open": sum(1 for g in groups if g["decision"] is None)
            + sum(1 for o in singles if o["decision"] is None)}


def cut(text: str, lo: int, hi: int, marks: list[dict[str, Any]]) -> list[Piece]:
    """``text[lo:hi]`` as pieces that tile it exactly, one per mark (``start``/``end`` in order of start)
    inside it; a mark crossing the block's edge or overlapping an earlier one stays plain text."""
    pieces: list[Piece] = []
    at = lo
    for m in sorted(marks, key=lambda m: (m["start"], -m["end"])):
        if m["start"] < at or m["end"] > hi or m["start"] >= m["end"]:
            continue
        if m["start"] > at:
            pieces.append(Piece(at, m["start"], text[at:m["start"]], None))
        pieces.append(Piece(m["start"], m["end"], text[m["start"]:m["end"]], m))
        at = m["end"]
    if at < hi:
        pieces.append(Piece(at, hi, text[at:hi], None))
    return pieces


@dataclass(frozen=True)
class WholeTranscript:
    """What every page of one transcript's review is cut from, made once per version of its proposals and their
    decisions (:mod:`.review_cache`): its items as the pages show them (in order of start), its turns, its pages
    with their counts, and the preview sign-off would store now."""

    occurrences: list[dict[str, Any]]
    starts: list[int]
    blocks: list[tuple[int, int, str | None]]
    pages: list[paging.Page]
    preview: Transcript | None
    open: int
    preview_error: str | None


def whole_transcript(state: ReviewState, transcript_id: str) -> WholeTranscript:
    """The transcript's :class:`WholeTranscript`, kept under a digest of its completed proposals and the decisions
    that reach them: a decision elsewhere leaves it as kept; one on its items makes it anew."""
    raw = state.raw(transcript_id)
    ps = next(s for s in state.sets if s.transcript_id == transcript_id)
    register = "|".join(review_cache.stamp_of_files(state.secure.path, ("participants-key.json", REGISTER_COPY)))
    key = review_cache.transcript_key(
        ps, state.decisions, f"{state.secure.path.resolve()}|{transcript_id}|{raw.source_sha256}|"
                             f"{raw.normaliser_version}|{len(raw.text)}|{register}")
    return review_cache.view(key, lambda: _make_whole(state, raw, ps))


def _make_whole(state: ReviewState, raw: Transcript, ps: ProposalSet) -> WholeTranscript:
    occurrences = [_occurrence(state, ps.transcript_id, p) for p in ps.proposals]
    heading = heading_turns(raw)  # lines above a plain file's first speaker: no one's turn, so no label
    blocks: list[tuple[int, int, str | None]] = [
        (t.start, t.end, None if n < heading else t.speaker) for n, t in enumerate(raw.turns)]
    blocks = blocks or [(0, len(raw.text), None)]
    occurrences.sort(key=lambda o: (o["start"], -o["end"]))
    all_pages = paging.pages([(lo, hi) for lo, hi, _ in blocks], [(o["start"], o["decision"] is None)
                                                                  for o in occurrences])
    try:
        preview, open_n = rv.preview(state.secure, ps.transcript_id, state.decisions, state.items)
        preview_error = None
    except CmoError as exc:
        preview, open_n, preview_error = None, len(rv.undecided(ps, state.decisions)), str(exc)
    return WholeTranscript(occurrences, [o["start"] for o in occurrences], blocks, all_pages, preview, open_n,
                           preview_error)


def transcript_view(state: ReviewState, transcript_id: str, page: int | None = None) -> dict[str, Any]:
    """One page of the raw text (:mod:`.review_paging`: whole turns, the first page with an item still to decide
    unless ``page`` names another), turn by turn, cut at every proposal; the counts of every page; and the preview
    sign-off would store now, of the same turns. Only the page's own turns are cut here; the rest is the
    transcript's :class:`WholeTranscript`, kept between pages."""
    raw = state.raw(transcript_id)
    whole = whole_transcript(state, transcript_id)
    all_pages, occurrences, starts = whole.pages, whole.occurrences, whole.starts
    if page is None:
        shown = paging.landing(all_pages)
    elif 1 <= page <= len(all_pages):
        shown = all_pages[page - 1]
    else:
        raise NotFound(f"transcript {transcript_id} has no page {page} (it has {len(all_pages)})")
    turns = []
    for lo, hi, speaker in whole.blocks[shown.first:shown.stop]:  # a block's marks start inside it
        near = occurrences[bisect_left(starts, lo):bisect_left(starts, hi)]
        breaks = paragraph_breaks(raw.text, lo, hi, [(o["start"], o["end"]) for o in near])
        turns.append({"speaker": speaker, "start": lo, "end": hi,
                      "pieces": with_controls(with_breaks(cut(raw.text, lo, hi, near), breaks), CONTROLS)})
    on_page = occurrences[bisect_left(starts, shown.start):bisect_left(starts, shown.end)]
    preview_text = _preview_of(whole.preview, raw, shown) if whole.preview is not None else None
    before, after = paging.neighbours(all_pages, shown)
    return {"raw": raw, "title": shown_title(raw), "renamed": renamed_for_a_name(raw), "turns": turns,
            "occurrences": on_page, "preview": preview_text, "open": whole.open,
            "preview_error": whole.preview_error, "categories": CATEGORIES, "pages": all_pages, "page": shown,
            "open_before": before, "open_after": after, "turns_per_page": paging.PAGE_TURNS}


def _preview_of(preview: Transcript, raw: Transcript, page: paging.Page) -> str:
    """The preview of the page's turns alone (the preview keeps the raw text's turns, each redacted in place);
    the whole preview where the turns do not pair one to one, or the transcript has none."""
    if len(preview.turns) != len(raw.turns) or not raw.turns or page.stop <= page.first:
        return preview.text
    return preview.text[preview.turns[page.first].start:preview.turns[page.stop - 1].end]


# -- changes ---------------------------------------------------------------------------------------

DECISIONS = ("accept", "reject", "edit")
DONE = {"accept": "redacting", "reject": "keeping", "edit": "new placeholder for"}


def _choice(data: dict[str, Any], key: str, allowed: tuple[str, ...], required: bool = True) -> str | None:
    value = api._str(data, key)
    if value is None and not required:
        return None
    if value not in allowed:
        raise api.BadRequest(f"'{key}' must be one of {', '.join(allowed)}")
    return value


def _changing(bench: Workbench, work: Callable[[Project, ReviewState], dict[str, Any]]) -> dict[str, Any]:
    """Load, change and save under the server's write lock: two tabs never interleave a read and a write."""
    with changes.WRITE_LOCK, bench.project() as p:
        return work(p, load_state(p, bench.secure_path))


async def decide(request: Request, bench: Workbench) -> dict[str, Any]:
    """Decide a surface everywhere (``kind: surface``) or one occurrence (``kind: occurrence``)."""
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await api._body(request)
    kind = _choice(data, "kind", ("surface", "occurrence"))
    decision = _choice(data, "decision", DECISIONS)
    assert decision is not None
    target = api._str(data, "id") or ""
    placeholder = (api._str(data, "placeholder") or "").strip() or None
    category = _choice(data, "category", CATEGORIES, required=False)
    seen = api._str(data, "version")

    seen_group = api._str(data, "group_version")

    def work(p: Project, state: ReviewState) -> dict[str, Any]:
        if kind == "occurrence":
            _, proposal = state.proposal(target)
            _check_version(state.decisions.occurrences.get(proposal.id), seen, f"occurrence {proposal.id}")
            # the page showed this occurrence under its surface's decision: one made since is news to it
            _check_version(state.decisions.surfaces.get(norm(proposal.surface)), seen_group,
                           f"the surface of occurrence {proposal.id}", key="group_version")
            decisions = rv.decide_occurrence(state.decisions, proposal, decision, who, placeholder)
            what = f"occurrence {proposal.id}"
        else:
            surface = state.surface_for(target)
            _check_version(state.decisions.surfaces.get(norm(surface)), seen, "this surface")
            decisions = rv.decide(state.decisions, state.registered, surface, decision, who,
                                  placeholder=placeholder if decision == "edit" else None,
                                  category=category if decision != "reject" else None)
            n = sum(1 for ps in state.sets for x in ps.proposals if norm(x.surface) == norm(surface))
            what = f"a surface ({n} occurrence{'' if n == 1 else 's'})"
        remember(p, bench.secure_path, save(state, decisions))
        return {"message": f"{DONE[decision]} {what}", "decision": decision}

    return _changing(bench, work)


async def accept_all(request: Request, bench: Workbench) -> dict[str, Any]:
    """``review --accept-all``: every undecided surface accepted, every open occurrence redacted."""
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await api._body(request)
    seen = api._str(data, "undecided")
    if seen is None:
        raise api.BadRequest("the request must say which undecided items the page showed ('undecided')")

    def work(p: Project, state: ReviewState) -> dict[str, Any]:
        if open_version(state) != seen:  # another reviewer decided, or redacted, since: the page is stale
            raise changes.StaleEdit("the undecided items changed since this page showed them (another reviewer "
                                    "decided or redacted something); nothing was changed: reload the page, read "
                                    "what is left, then redact everything undecided again")
        before = sum(len(rv.undecided(ps, state.decisions)) for ps in state.sets)
        decisions = rv.accept_all(state.sets, state.decisions, who)
        sets = rv.complete(state.sets, state.raws, decisions, state.items)  # as the CLI: accepted forms reach
        decisions = rv.accept_all(sets, decisions, who)             # occurrences no layer proposed
        remember(p, bench.secure_path, save(state, decisions))
        return {"message": f"redacting all {before} undecided proposal{'' if before == 1 else 's'}",
                "count": before}

    return _changing(bench, work)


async def redact(request: Request, bench: Workbench) -> dict[str, Any]:
    """``review --redact SURFACE --category C``: a stretch of one transcript's text, or a residual item, by id."""
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await api._body(request)
    category = _choice(data, "category", CATEGORIES)
    assert category is not None

    def work(p: Project, state: ReviewState) -> dict[str, Any]:
        residual = api._str(data, "residual")
        if residual is not None:
            found = [r.surface for ps in state.sets for r in ps.residual if state.surface_id(r.surface) == residual]
            if not found:
                raise NotFound(f"no residual-risk item {residual!r} (reload the page)")
            surface = found[0]
        else:
            tid = api._str(data, "transcript") or ""
            raw = state.raw(tid)
            start, end = api._int(data, "start"), api._int(data, "end")
            assert start is not None and end is not None
            if not 0 <= start < end <= len(raw.text):
                raise api.BadRequest(f"span {start}:{end} is outside transcript {tid} (0:{len(raw.text)})")
            surface = " ".join(raw.text[start:end].split())
            if not surface:
                raise api.BadRequest("the selection holds no text to redact")
        earlier = state.decisions.surfaces.get(norm(surface))
        if earlier is not None:  # a reviewer's decision is changed on its row, where the page shows it, not here
            raise changes.StaleEdit(f"this text is already decided everywhere ({standing(earlier)}); nothing was "
                                    "changed: reload the page and change that decision on its row")
        decisions = rv.decide(state.decisions, state.registered, surface, "accept", who, category=category)
        completed = rv.complete(state.sets, state.raws, decisions, state.items)
        n = sum(1 for ps in completed for x in ps.proposals if norm(x.surface) == norm(surface))
        save(state, decisions)
        rv.log(state.secure, LogEntry(at=clock.now_iso(), actor=who, transcript="*", action="add_redaction",
                                      category=category, decision="accept", count=n,
                                      surface_hash=rv.surface_hash(state.secure, surface)))
        return {"message": f"redacting a new surface as {category} at {n} occurrence{'' if n == 1 else 's'}",
                "count": n}

    return _changing(bench, work)


async def index_filter(request: Request, bench: Workbench) -> dict[str, Any]:
    """Set (or clear, with "") the text the index finds in surfaces, for this session alone: a name typed to find
    is identifying, so it travels in this POST body and is held in the server's memory, never in an address."""
    data = await api._body(request)
    text = api._str(data, "text")
    if text is None:
        raise api.BadRequest("the request must say the text to find ('text'; \"\" to show every surface)")
    session_of(request).review_text = " ".join(text.split())[:review_index.MAX_TEXT]
    return {"message": "finding surfaces by their text" if text.strip() else "showing every surface"}


async def sign_off(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await api._body(request)
    tid = api._str(data, "transcript") or ""

    def work(p: Project, state: ReviewState) -> dict[str, Any]:
        if p.transcript_status(tid) != "pending":  # unknown: NotFound
            raise CmoError(f"transcript {tid} is already signed off")
        ps = next((s for s in state.sets if s.transcript_id == tid), None)
        left = rv.undecided(ps, state.decisions) if ps is not None else []
        if left:  # the command line's refusal, but pointing at this page rather than at the command's options
            forms = len({norm(x.surface) for x in left})
            raise CmoError(f"transcript {tid} has {len(left)} undecided proposal(s) ({forms} form(s)); each is "
                           "marked 'undecided' on the review pages (perhaps another reviewer is deciding it now): "
                           "decide it, then sign off")
        rv.sign_off(p, state.secure, tid, who)
        return {"signed_off": tid, "message": f"signed off {tid}: it now reads in the reader"}

    return _changing(bench, work)


# -- pages -----------------------------------------------------------------------------------------


class ReviewPages:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.bench = pages.bench

    async def index(self, request: Request) -> HTMLResponse:
        try:
            with self.bench.project() as p:
                state = cached_state(p, self.bench.secure_path)
                view = review_view(state)
            asked = list(dict.fromkeys([*CATEGORIES, *review_index.categories_of(view["groups"], ())]))
            query = review_index.parse(request.query_params, session_of(request).review_text, asked,
                                       review_index.layers_of(view["groups"]))
            shown = review_index.select(view["groups"], query, state.ids, CATEGORIES)
            singles = review_index.select_singles(view["singles"], query, query.singles)
        except CmoError as exc:
            return self.pages.error(request, exc)
        return self.pages.render(request, "review.html", title="Anonymisation review", view=view, index=shown,
                                 singles=singles, query=query, secure_page=True)

    async def transcript(self, request: Request) -> HTMLResponse:
        tid = request.path_params["transcript_id"]
        asked = request.query_params.get("page")
        try:
            if asked is not None and not asked.isdigit():
                raise NotFound(f"no page {asked!r} of transcript {tid} (pages are numbered from 1)")
            with self.bench.project() as p:
                if self.bench.secure_path is not None and tid in p.transcript_ids(status="signed_off"):
                    # a finished review, not a problem: a bookmarked or shared address of it should say so
                    return self.pages.render(request, "review_signed_off.html", title=f"{tid} signed off",
                                             transcript=tid, secure_page=True)
                view = transcript_view(cached_state(p, self.bench.secure_path), tid,
                                       int(asked) if asked is not None else None)
        except CmoError as exc:
            return self.pages.error(request, exc)
        shown = view["page"]  # no text: the page's script reads it from the turns drawn, at the transcript's offsets
        page_data = {"transcript": view["raw"].id, "end": shown.end,
                     "occurrences": view["occurrences"], "page": shown.number, "pages": len(view["pages"]),
                     "open_before": view["open_before"], "open_after": view["open_after"]}
        return self.pages.render(request, "review_transcript.html", title=f"Review {view['raw'].id}", view=view,
                                 page_data=page_data, secure_page=True)


def _private(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """An unexpected failure on a secure route answers with its type alone and is not logged: its
    message or traceback could quote the secure folder into a terminal or a log file."""

    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except (CmoError, LockedError):  # one clear line, or a 503 to retry: nothing secret in either
            raise
        except Exception as exc:  # noqa: BLE001 - nothing of it may reach a log
            text = f"500: {type(exc).__name__}: the server could not answer this request (details withheld)"
            if "/api/" in request.url.path:
                return JSONResponse({"error": text}, status_code=500)
            return PlainTextResponse(text, status_code=500)

    return run


def routes(pages: Pages) -> list[Route]:
    """Nothing at all without ``--secure``: every /secure/ path is then 404."""
    bench = pages.bench
    if bench.secure_path is None:
        return []
    from . import review_sheet  # it builds on this module

    rp = ReviewPages(pages)

    async def sheet_file(request: Request) -> Response:
        try:
            return await review_sheet.download_route(request, bench)
        except CmoError as exc:
            return pages.error(request, exc)

    return [
        Route("/secure/review/decisions.csv", _private(sheet_file), methods=["GET"]),
        Route("/secure/review", _private(rp.index), methods=["GET"]),
        Route("/secure/review/{transcript_id}", _private(rp.transcript), methods=["GET"]),
        Route("/secure/api/decide", _private(api._route(bench, decide)), methods=["POST"]),
        Route("/secure/api/redact", _private(api._route(bench, redact)), methods=["POST"]),
        Route("/secure/api/accept-all", _private(api._route(bench, accept_all)), methods=["POST"]),
        Route("/secure/api/sign-off", _private(api._route(bench, sign_off)), methods=["POST"]),
        Route("/secure/api/review-filter", _private(api._route(bench, index_filter)), methods=["POST"]),
        Route("/secure/api/decisions", _private(api._route(bench, review_sheet.upload)), methods=["POST"]),
    ]
