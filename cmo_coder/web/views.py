"""What the pages show, computed from the project: plain data for the templates, no HTML here.

Only signed-off (anonymised) text is ever read: pending transcripts appear in the list by id,
title and status, never with text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import CmoError, NotFound
from ..ingest.group_speakers import JOINT_SEPARATOR, label_parts
from ..model import Coding, Participant, Transcript
from ..model.vocab import CHAIN, Component, Stance
from ..store import Project
from . import review_paging
from .changes import version

COMPONENT_KEYS = {"context": "1", "mechanism_resource": "2", "mechanism_response": "3", "outcome": "4"}
STANCE_KEYS = {"supports": "s", "refutes": "r", "refines": "f"}
STANCE_MARKS = {"supports": "+", "refutes": "−", "refines": "~"}
SEARCH_LIMIT = 200
CONTEXT = 60


def component_short(component: Component | None) -> str:
    return component.short if component else "PT"


def component_class(component: Component | None) -> str:
    return component.value if component else "pt_level"


# -- project page --------------------------------------------------------------------------------


def overview(project: Project) -> dict[str, Any]:
    """Transcripts with status and counts; PT × component coverage; codings per coder and PT."""
    transcripts = []
    rows = project.conn.execute(
        "SELECT t.id, t.title, t.status, t.kind, LENGTH(t.text) AS characters, "
        "(SELECT COUNT(*) FROM turns u WHERE u.transcript_id = t.id) AS turns, "
        "(SELECT COUNT(*) FROM codings c WHERE c.transcript_id = t.id) AS codings "
        "FROM transcripts t ORDER BY t.position"
    )
    for r in rows:
        transcripts.append(dict(r))
    coverage: dict[str, Counter[str]] = {pt: Counter() for pt in project.codebook.pt_ids}
    by_coder: dict[str, Counter[str]] = {}
    counts = "SELECT pt, component, coder, COUNT(*) AS n FROM codings GROUP BY pt, component, coder"
    for r in project.conn.execute(counts):
        coverage.setdefault(r["pt"], Counter())[r["component"] or "pt_level"] += r["n"]
        by_coder.setdefault(r["coder"], Counter())[r["pt"]] += r["n"]
    columns = [c.value for c in CHAIN] + ["pt_level"]
    titles = {pt.id: pt.title for pt in project.codebook.programme_theories}
    return {
        "transcripts": transcripts,
        "columns": columns,
        "column_labels": {**{c.value: c.short for c in CHAIN}, "pt_level": "PT-level"},
        "coverage": [
            {"pt": pt, "title": titles.get(pt, ""), "counts": [coverage[pt][c] for c in columns],
             "total": sum(coverage[pt].values())}
            for pt in coverage
        ],
        "pt_ids": list(coverage),
        "coders": [
            {"coder": coder, "counts": [counts[pt] for pt in coverage], "total": sum(counts.values())}
            for coder, counts in sorted(by_coder.items())
        ],
    }


@dataclass(frozen=True)
class Hit:
    transcript: str
    start: int
    end: int
    before: str
    match: str
    after: str
    speaker: str | None


_QUERY_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')


def search_pattern(query: str) -> re.Pattern[str] | None:
    """Words and "quoted phrases" → one case-insensitive pattern matching whole words, any spacing."""
    terms = [(m[1] if m[1] is not None else m[2]).strip() for m in _QUERY_TERM.finditer(query)]
    parts = []
    for term in terms:
        words = term.split()
        if not words:
            continue
        body = r"\s+".join(re.escape(w) for w in words)
        parts.append(rf"(?<!\w){body}(?!\w)")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def search(project: Project, query: str) -> tuple[list[Hit], int]:
    """Hits (at most :data:`SEARCH_LIMIT`) in signed-off text, with context, and the total count."""
    pattern = search_pattern(query)
    if pattern is None:
        return [], 0
    hits: list[Hit] = []
    total = 0
    for tid in project.transcript_ids(status="signed_off"):
        transcript = project.transcript(tid)
        text = transcript.text
        for m in pattern.finditer(text):
            total += 1
            if len(hits) >= SEARCH_LIMIT:
                continue
            lo, hi = max(0, m.start() - CONTEXT), min(len(text), m.end() + CONTEXT)
            turn = transcript.turn_at(m.start())
            hits.append(Hit(
                transcript=tid, start=m.start(), end=m.end(),
                before=("…" if lo else "") + text[lo:m.start()],
                match=text[m.start():m.end()], after=text[m.end():hi] + ("…" if hi < len(text) else ""),
                speaker=transcript.turns[turn].speaker if turn is not None else None,
            ))
    return hits, total


# -- reader --------------------------------------------------------------------------------------


@dataclass
class TurnView:
    index: int
    start: int
    end: int
    speaker: str | None
    participant: Participant | None
    start_time: float | None
    end_time: float | None
    text: str
    #: a joint turn's members (``CAR-01 & CAR-02``), each as a participant, for the page to name one by one
    members: tuple[Participant, ...] = ()
    #: the turn's flags: a group's or an unplaced voice's line, signed off as its members' joint line, says so
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    coder: str | None = None
    pt: str | None = None
    component: str | None = None
    stance: str | None = None

    @classmethod
    def from_query(cls, params: dict[str, str]) -> Filters:
        def value(key: str) -> str | None:
            v = params.get(key, "").strip()
            return v or None

        return cls(coder=value("coder"), pt=value("pt"), component=value("component"), stance=value("stance"))

    def query(self, page: int | None = None) -> str:
        """This filter (and ``page``) as a query string: a page's link keeps what the coder filtered by."""
        from urllib.parse import urlencode

        pairs = [(k, v) for k, v in (("coder", self.coder), ("pt", self.pt), ("component", self.component),
                                     ("stance", self.stance)) if v]
        return urlencode(pairs + ([("page", str(page))] if page is not None else []))

    def keep(self, c: Coding) -> bool:
        if self.coder and c.coder != self.coder:
            return False
        if self.pt and c.pt != self.pt:
            return False
        if self.component and component_class(c.component) != self.component:
            return False
        return not (self.stance and c.stance.value != self.stance)


def timestamp(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(seconds)
    return f"{s // 3600:d}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:d}:{s % 60:02d}"


def coding_json(c: Coding) -> dict[str, Any]:
    """What the page script needs about a coding (the same fields ``code list --json`` has, plus version)."""
    return {
        "id": c.id, "start": c.start, "end": c.end, "text": c.text, "pt": c.pt,
        "component": c.component.value if c.component else None, "element": c.element, "stance": c.stance.value,
        "coder": c.coder, "memo": c.memo, "version": version(c),
    }


#: the order of a coding's fields in the reader's page data (one array per coding, not one object:
#: a thousand codings' keys would weigh more than their values); component and stance travel as
#: their keyboard keys from the codebook part of the page data
CODING_FIELDS = ("id", "start", "end", "pt", "component", "element", "stance", "coder", "memo", "version")


def coding_row(c: Coding) -> list[Any]:
    """A coding as the reader's page data carries it: no quote (the page slices it from the text it shows)."""
    return [c.id, c.start, c.end, c.pt, COMPONENT_KEYS[c.component.value] if c.component else None, c.element,
            STANCE_KEYS[c.stance.value], c.coder, c.memo, version(c)]


def reader(project: Project, transcript_id: str, filters: Filters, page: int | None = None) -> dict[str, Any]:
    """One page of the turns (or, for a document without turns, one block), with the codings that reach it.

    Why pages: a two-hour focus group (2,000 turns or more) drew every turn and every coding at once, a page of
    megabytes the browser took seconds to lay out and a coder scrolled through. Pages are the review's
    (:mod:`.review_paging`: whole turns, at most 60 of them), cut by turns alone, so a page's address names the
    same turns whatever is coded; offsets stay the transcript's. Page ``k`` reaches from its first turn to the
    next page's first turn (the last to the text's end), so every coding is counted on the page where it starts
    and drawn on every page it reaches; one that runs past the page's edges carries the text it quotes from beyond
    them (``gaps``), so its quote stays whole."""
    transcript: Transcript = project.transcript(transcript_id)  # NotFound / not signed off: CmoError
    all_codings = project.codings(transcript_id=transcript_id)
    shown = [c for c in all_codings if filters.keep(c)]
    text = transcript.text
    participants = {p.label: p for p in project.participants()}
    blocks: list[tuple[int, int, int | None]] = []
    position = 0
    for i, turn in enumerate(transcript.turns):
        if turn.start > position:
            blocks.append((position, turn.start, None))
        blocks.append((turn.start, turn.end, i))
        position = turn.end
    if position < len(text) or not blocks:
        blocks.append((position, len(text), None))
    turns = []
    gaps: list[tuple[int, str]] = []
    for n, (lo, hi, index) in enumerate(blocks):
        t = transcript.turns[index] if index is not None else None
        if index is None and not text[lo:hi].strip():
            gaps.append((lo, text[lo:hi]))  # the blank line between two turns: not shown, but sent for offsets
            continue
        turns.append(TurnView(
            index=n, start=lo, end=hi, speaker=t.speaker if t else None,
            participant=participants.get(t.speaker) if t else None,
            start_time=t.start_time if t else None, end_time=t.end_time if t else None, text=text[lo:hi],
            members=tuple(m for lab in label_parts(t.speaker) if (m := participants.get(lab)) is not None)
            if t and t.speaker and JOINT_SEPARATOR in t.speaker else (),
            flags=tuple(t.flags) if t else (),
        ))
    all_pages = review_paging.pages([(t.start, t.end) for t in turns], [(c.start, False) for c in shown])
    if page is not None and not 1 <= page <= len(all_pages):
        raise NotFound(f"transcript {transcript_id} has no page {page} (it has {len(all_pages)})")
    at = all_pages[(page or 1) - 1]
    lo = at.start if at.number > 1 else 0
    hi = all_pages[at.number].start if at.number < len(all_pages) else len(text)
    reaching = [c for c in shown if c.start < hi and c.end > lo]
    outside = [(lo_, hi_) for lo_, hi_ in ((min((c.start for c in reaching), default=lo), lo),
                                           (hi, max((c.end for c in reaching), default=hi))) if lo_ < hi_]
    return {
        "transcript": transcript,
        "turns": turns[at.first:at.stop] if turns else turns,
        "gaps": [g for g in gaps if lo <= g[0] < hi] + [(a, text[a:b]) for a, b in outside],
        "pages": all_pages,
        "page": at,
        "bounds": [lo, hi],
        "turns_per_page": review_paging.PAGE_TURNS,
        "codings": [coding_row(c) for c in reaching],
        "shown": len(shown),
        "total": len(all_codings),
        "coders": sorted({c.coder for c in all_codings}),
        "timestamp": timestamp,
    }


def codebook_json(project: Project) -> dict[str, Any]:
    """PTs and their elements for the coding panel's type-ahead and element list."""
    return {
        "pts": [
            {"id": pt.id, "title": pt.title,
             "elements": [{"id": e.id, "component": e.component.value, "statement": e.statement} for e in pt.elements]}
            for pt in project.codebook.programme_theories
        ],
        "components": [{"value": c.value, "short": c.short, "key": COMPONENT_KEYS[c.value]} for c in CHAIN],
        "stances": [{"value": s.value, "key": STANCE_KEYS[s.value], "mark": STANCE_MARKS[s.value]} for s in Stance],
    }


def check_filter_values(project: Project, filters: Filters) -> None:
    """Unknown filter values are an error, as in ``code list``, not an empty page."""
    if filters.pt and filters.pt not in project.codebook.pt_ids:
        raise CmoError(f"unknown programme theory {filters.pt!r} in the filter")
    if filters.component and filters.component not in [*COMPONENT_KEYS, "pt_level"]:
        raise CmoError(f"unknown component {filters.component!r} in the filter")
    if filters.stance and filters.stance not in STANCE_KEYS:
        raise CmoError(f"unknown stance {filters.stance!r} in the filter")


__all__ = ["Filters", "Hit", "codebook_json", "overview", "reader", "search"]
