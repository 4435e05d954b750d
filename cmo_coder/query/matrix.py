"""A framework matrix: programme theories down, groups of cases across, counts in the cells.

Framework analysis reads gaps as much as counts, so every PT of the codebook gets a
row, even with no evidence, and every group present among the participants a column.
A cell counts codings, or (``count="participants"``) distinct participants, since one
talkative interviewee should not look like triangulation. A focus group's joint turn counts under each of
its members (a carer and a staff member saying it together is evidence in both columns, one quote in the
total), and is never a column of its own. Codings are counted as distinct
quotes: one passage coded to one code by two coders is one piece of evidence, not two.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from typing import Literal

from pydantic import Field

from ..coding.overlap import quotes
from ..errors import CmoError
from ..model import Participant, Role
from ..model.base import Frozen
from ..store import Project
from .filters import by_coder
from .speakers import SpeakerLookup

By = Literal["role", "site", "participant"]
Count = Literal["codings", "participants"]
UNATTRIBUTED = "unattributed"


class MatrixRow(Frozen):
    pt: str
    title: str
    cells: dict[str, int]
    total: int


class Matrix(Frozen):
    """The JSON of ``cmo-coder matrix --json``; :func:`to_csv` gives the CSV."""

    by: str
    count: str
    stance: str = Field(description="The stance counted, or 'all'.")
    columns: list[str]
    rows: list[MatrixRow]
    totals: dict[str, int]
    total: int


def _natural(label: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdecimal() else p for p in re.split(r"(\d+)", label))


def matrix(project: Project, by: By, count: Count = "codings", stance: str | None = None,
           coders: Collection[str] | None = None) -> Matrix:
    if by not in ("role", "site", "participant"):
        raise CmoError(f"cannot group by {by!r} (expected role, site or participant)")
    if count not in ("codings", "participants"):
        raise CmoError(f"cannot count {count!r} (expected codings or participants)")
    speakers = SpeakerLookup(project)
    cells: dict[str, dict[str, set[str]]] = {pt: {} for pt in project.codebook.pt_ids}
    codings = by_coder(project.codings(stance=stance), coders)
    distinct = quotes(codings)
    for c in codings:
        who = speakers.of(c)
        # a joint turn counts under each member (as a query by role and the export's cases read it), never as a
        # speaker column of its own; the group's and an unplaced voice's turns have no member: unattributed
        for one in who.members or (who,):
            if by == "role":
                group = one.role.value if isinstance(one, Participant) else one.role
            elif by == "site":
                group = one.site or "" if isinstance(one, Participant) else one.site
            else:
                group = one.label
            item = distinct[c.id].id if count == "codings" else (one.label or f"?{c.transcript_id}")
            cells[c.pt].setdefault(group or UNATTRIBUTED, set()).add(item)
    groups = {g for row in cells.values() for g in row}
    columns = _columns(project, by, groups)
    titles = {pt.id: pt.title for pt in project.codebook.programme_theories}
    rows = []
    for pt, row in cells.items():
        values = {g: len(row.get(g, ())) for g in columns}
        total = len(set().union(*row.values())) if row else 0
        rows.append(MatrixRow(pt=pt, title=titles[pt], cells=values, total=total))
    totals = {g: len(set().union(*(cells[pt].get(g, set()) for pt in cells))) for g in columns}
    everything = set().union(*(items for row in cells.values() for items in row.values()))
    return Matrix(by=by, count=count, stance=stance or "all", columns=columns, rows=rows, totals=totals,
                  total=len(everything))


def _columns(project: Project, by: By, seen: set[str]) -> list[str]:
    """Every group among the participants (with or without evidence), in a reading order."""
    people = [p for p in project.participants() if p.role is not Role.facilitator and not p.joint]
    cols: list[str]
    if by == "role":
        present = {p.role.value for p in people} | seen
        cols = [r.value for r in Role if r.value in present]
    elif by == "site":
        cols = sorted({p.site for p in people if p.site} | (seen - {UNATTRIBUTED}), key=_natural)
    else:
        cols = sorted({p.label for p in people} | (seen - {UNATTRIBUTED}), key=_natural)
    if UNATTRIBUTED in seen:
        cols.append(UNATTRIBUTED)
    return cols


def to_csv(m: Matrix) -> str:
    """``pt,title,<group>…,total`` rows and a closing ``total`` row (distinct items, so not a column sum)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["pt", "title", *m.columns, "total"])
    for r in m.rows:
        w.writerow([r.pt, r.title, *(r.cells[c] for c in m.columns), r.total])
    w.writerow(["total", "", *(m.totals[c] for c in m.columns), m.total])
    return out.getvalue()
