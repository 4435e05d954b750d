"""Import a marked-up report as a source of its own, coded from its inline tags and attributions.

The parsed canonical text (tags and attribution lines removed, see :mod:`.markup`) is
stored as a ``document`` with source format ``markup``. Each attributed quote becomes a
turn whose speaker is the attributed study label, so quotes carry speaker, role and site
like interview codings do. Tagged clauses are coded with their component (and element,
when the tag is numbered and the codebook has that element); attributed quotes are coded
to the current PT at PT level. Everything happens in one transaction.

The import reports what it recovered next to an independent regex census of the tags
and attributions present, so a shortfall is visible instead of silent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CmoError, ValidationFailed
from ..ids import slugify
from ..model import Participant, SourceFormat, Transcript, TranscriptKind, Turn
from ..model.coding import CodingOrigin
from ..store import Project
from ..store.project import current_actor
from ..textfile import read_user_text
from .attribution_style import style_of
from .locate import Span
from .markup import AttributedQuote, MarkupDocument, census, parse_markup
from .outputs import MarkupImportReport
from .service import build_coding, insert_coding

PARSER_VERSION = "markup-1"


@dataclass
class MarkupReport:
    transcript: str
    census: dict[str, int]
    clauses_found: int = 0
    quotes_found: int = 0
    clause_codings: int = 0
    quote_codings: int = 0
    turns: int = 0
    participants_added: list[str] = field(default_factory=list)
    per_pt: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return MarkupImportReport(**self.__dict__).model_dump(mode="json")


def _read(path: Path) -> tuple[str, bytes]:
    return read_user_text(path, "marked-up text")


def _turns(doc: MarkupDocument, notes: list[str]) -> list[Turn]:
    """One turn per quoted span (first attribution wins when a quote is shared), never overlapping."""
    turns: list[Turn] = []
    seen: set[tuple[int, int]] = set()
    for q in sorted(doc.quotes, key=lambda q: (q.start, q.end)):
        if (q.start, q.end) in seen:
            notes.append(f"quote at {q.start}:{q.end} is also attributed to {q.label}; its turn keeps the first label")
            continue
        if turns and q.start < turns[-1].end:
            notes.append(f"quote at {q.start}:{q.end} ({q.label}) overlaps another quote; it gets no turn")
            continue
        seen.add((q.start, q.end))
        turns.append(Turn(speaker=q.label, start=q.start, end=q.end, flags=[f"quote_{q.kind.value}"]))
    return turns


def _participants(project: Project, quotes: list[AttributedQuote], notes: list[str]) -> dict[str, Participant]:
    out: dict[str, Participant] = {}
    for q in quotes:
        if q.label in out:
            continue
        existing = project.participant(q.label, missing_ok=True)
        if existing is not None:
            if existing.role is not q.role or (q.site and existing.site and existing.site != q.site):
                notes.append(
                    f"{q.label}: the report says {q.attribution!r}, the project has "
                    f"{style_of(project).attribution(existing)!r}; "
                    "the project's record is kept"
                )
            out[q.label] = existing
        else:
            out[q.label] = Participant(label=q.label, role=q.role, site=q.site)
    return out


def import_markup(
    project: Project, path: Path, *, pt: str | None = None, transcript_id: str | None = None,
    title: str | None = None, coder: str | None = None,
) -> MarkupReport:
    text, data = _read(path)
    if pt is not None:
        found = project.codebook.find_pt(pt)
        if found is None:
            raise CmoError(f"--pt {pt}: unknown programme theory (the codebook has "
                           f"{', '.join(project.codebook.pt_ids)})")
        pt = found
    style = style_of(project)
    doc = parse_markup(text, default_pt=pt, site_pattern=style.site_pattern())
    tid = transcript_id or slugify(path.stem, fallback="markup")[:80]
    sha = hashlib.sha256(data).hexdigest()
    if project.transcript_by_sha(sha):
        raise CmoError(f"{path}: already imported as {project.transcript_by_sha(sha)}")
    report = MarkupReport(transcript=tid, census=census(text), clauses_found=len(doc.clauses),
                          quotes_found=len(doc.quotes))
    report.notes.extend(f"{path}: {problem}" for problem in doc.problems)  # file:line, for the user to find
    turns = _turns(doc, report.notes)
    transcript = Transcript(
        id=tid, title=title or path.stem, source_format=SourceFormat.markup, kind=TranscriptKind.document,
        text=doc.text, turns=turns, source_sha256=sha, normaliser_version=PARSER_VERSION,
        warnings=list(doc.problems),
    )
    who = coder or current_actor()
    known_pts = set(project.codebook.pt_ids)
    problems: list[str] = []
    with project.transaction(who) as tx:
        people = _participants(project, doc.quotes, report.notes)
        for p in people.values():
            if project.participant(p.label, missing_ok=True) is None:
                report.participants_added.append(p.label)
            tx.upsert_participant(p)
        tx.add_document(transcript)
        report.turns = len(turns)
        coded: set[tuple[int, int, str, str | None]] = set()
        for c in doc.clauses:
            if c.pt is None or c.pt not in known_pts:
                problems.append(f"clause at {c.start}:{c.end} ({c.tag}): "
                                + ("no programme theory (give --pt or a PT heading)" if c.pt is None
                                   else f"unknown programme theory {c.pt}"))
                continue
            key: tuple[int, int, str, str | None] = (c.start, c.end, c.pt, c.component.value)
            if key in coded:
                report.notes.append(f"clause at {c.start}:{c.end} is tagged {c.component.value} twice; coded once")
                continue
            element = None
            if c.number is not None:
                candidate = f"{c.pt}.{c.component.code}{c.number}"
                if any(e.id == candidate for e in project.codebook.pt(c.pt).elements):
                    element = candidate
            memo = f"tag: ({c.tag})"
            coding = build_coding(project, tid, Span(c.start, c.end, c.text), pt=c.pt, component=c.component,
                                  element=element, memo=memo, coder=who, origin=CodingOrigin.markup)
            insert_coding(tx, coding)
            coded.add(key)
            report.clause_codings += 1
            report.per_pt[c.pt] = report.per_pt.get(c.pt, 0) + 1
        for q in doc.quotes:
            if q.pt is None or q.pt not in known_pts:
                problems.append(f"quote at {q.start}:{q.end} ({q.attribution}): "
                                + ("no programme theory (give --pt or a PT heading)" if q.pt is None
                                   else f"unknown programme theory {q.pt}"))
                continue
            key = (q.start, q.end, q.pt, None)
            if key in coded:
                continue  # one quote shared by several attributions is coded once
            coding = build_coding(project, tid, Span(q.start, q.end, q.text), pt=q.pt, component=None,
                                  memo=f"attributed: {q.attribution}", coder=who, origin=CodingOrigin.markup)
            insert_coding(tx, coding)
            coded.add(key)
            report.quote_codings += 1
            report.per_pt[q.pt] = report.per_pt.get(q.pt, 0) + 1
        if problems:
            raise ValidationFailed(f"{path}: {len(problems)} span(s) cannot be coded; nothing was imported", problems)
        tx.audit("import", "markup", tid, {k: v for k, v in report.as_dict().items() if k != "notes"})
    return report
