"""The report's "Initial → refined programme theories" page and its RAMESES II section.

Laid out like the refined-theory table of a realist report (RECO's Table 8): each PT's
initial statement beside its current one, then every change between them with its
rationale and the evidence behind it (each quote with its attribution, linked to the PT
page that shows it in context). The RAMESES II section says, from the same records,
what was tested, what was refined and on what evidence, under the reporting items
it answers (4 programme theory, 13 data analysis, 15 main findings). Every word of it is
computed from the project; nothing is typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml.html import builder as E

from ..model.vocab import Component
from ..query.speakers import SpeakerLookup
from ..store import Project
from .diff import diff_versions
from .model import ChangeKind, PTVersion
from .store import all_versions

CHANGE_WORDS = {
    ChangeKind.initial: "initial programme theory", ChangeKind.revise: "statement revised",
    ChangeKind.add: "added", ChangeKind.add_element: "element added", ChangeKind.edit_element: "element reworded",
    ChangeKind.retire_element: "element retired", ChangeKind.split_pt: "split", ChangeKind.merge: "merged",
}


@dataclass(frozen=True)
class Evidence:
    """One evidence id as the page prints it: a quote with its attribution, or a CMOC with its judgement."""

    ref: str
    pt: str
    text: str
    who: str


@dataclass(frozen=True)
class PTRefinement:
    pt: str
    versions: list[PTVersion]
    evidence: dict[str, Evidence]
    codings: int
    supports: int
    refutes: int
    refines: int

    @property
    def initial(self) -> PTVersion:
        return self.versions[0]

    @property
    def current(self) -> PTVersion:
        return self.versions[-1]

    @property
    def changes(self) -> list[PTVersion]:
        return [v for v in self.versions if v.change is not ChangeKind.initial]

    @property
    def status(self) -> str:
        """What became of the PT: the words of the RAMESES II findings table."""
        if self.current.retired:
            return "merged into another programme theory"
        if self.initial.change is ChangeKind.add:
            return "new: added from the evidence"
        if self.initial.change is ChangeKind.split_pt:
            return "new: split from another programme theory"
        if not self.changes:
            return "tested, not changed" if self.codings else "not tested: no evidence coded"
        return f"refined ({len(self.changes)} change{'s' if len(self.changes) != 1 else ''})"


def collect(project: Project, speakers: SpeakerLookup | None = None) -> list[PTRefinement]:
    """Every PT ever in the project (live ones in codebook order, then retired), with its evidence resolved."""
    speakers = speakers or SpeakerLookup(project)
    by_pt: dict[str, list[PTVersion]] = {}
    for v in all_versions(project):
        by_pt.setdefault(v.pt, []).append(v)
    order = [*project.codebook.pt_ids, *[p for p in by_pt if p not in project.codebook.pt_ids]]
    stances = {(r[0], r[1]): r[2] for r in project.conn.execute(
        "SELECT pt, stance, COUNT(*) FROM codings GROUP BY pt, stance")}
    out = []
    for pt in order:
        versions = sorted(by_pt[pt], key=lambda v: v.version)
        refs = {ref for v in versions for ref in v.evidence}
        out.append(PTRefinement(
            pt=pt, versions=versions, evidence={ref: _evidence(project, ref, speakers) for ref in sorted(refs)},
            codings=sum(stances.get((pt, s), 0) for s in ("supports", "refutes", "refines")),
            supports=stances.get((pt, "supports"), 0), refutes=stances.get((pt, "refutes"), 0),
            refines=stances.get((pt, "refines"), 0),
        ))
    return out


def _evidence(project: Project, ref: str, speakers: SpeakerLookup) -> Evidence:
    row = project.conn.execute("SELECT id FROM codings WHERE id = ?", (ref,)).fetchone()
    if row is not None:
        c = project.coding(ref)
        who = speakers.of(c)
        return Evidence(ref, c.pt, f"\u201c{' '.join(c.text.split())}\u201d ({c.stance.value})",
                        who.attribution or "no speaker")
    conf = project.conn.execute("SELECT id, pt, name, judgement, rationale FROM configurations WHERE id = ? "
                                "OR name = ?", (ref, ref)).fetchone()
    if conf is not None:
        judged = conf["judgement"] or "not judged"
        return Evidence(ref, conf["pt"], f"CMOC {conf['name']}: {judged}"
                        + (f": {conf['rationale']}" if conf["rationale"] else ""), "configuration")
    return Evidence(ref, "", "(no longer in the project)", "")


def _change_line(v: PTVersion) -> str:
    moved = "; ".join(f"{a} \u2192 {b}" for a, b in sorted(v.moves.items()))
    return (f"v{v.version} {CHANGE_WORDS[v.change]} by {v.author}, {v.at[:10]}: {v.rationale or ''}"
            + (f" ({moved})" if moved else ""))


ELEMENT_CHANGE_WORDS = {"added": "added", "retired": "retired", "reworded": "reworded",
                        "moved_in": "moved in", "moved_out": "moved out"}


def element_lines(r: PTRefinement) -> list[str]:
    """How the refined theory's elements differ from the initial ones, one line each ("Mres added: …").

    A refinement often changes an element, not the headline statement (``theory add-element``,
    ``edit-element``, ``retire-element``): without these lines the refined column would repeat the
    initial statement and hide the change it reports.
    """
    if not r.changes or r.initial.change is not ChangeKind.initial:
        return []
    diff = diff_versions(r.initial, r.current, r.changes)
    lines = []
    for c in diff.elements:
        where = f" ({c.other})" if c.other and c.change in ("moved_in", "moved_out") else ""
        lines.append(f"{Component(c.component).short} {ELEMENT_CHANGE_WORDS[c.change]}{where}: {c.statement}")
    return lines


def ramesesii_rows(refinements: list[PTRefinement]) -> list[list[str]]:
    """PT | initial status | evidence coded (supports/refutes/refines) | outcome | rationale of each change."""
    return [[r.pt, r.current.title, f"{r.codings} ({r.supports} / {r.refutes} / {r.refines})", r.status,
             " ".join(v.rationale or "" for v in r.changes) or "\u2013"] for r in refinements]


RAMESES_HEAD = ["PT", "Title", "Codings (supports / refutes / refines)", "Outcome", "Why"]
TABLE_HEAD = ["PT", "Initial programme theory", "Refined programme theory", "Changes, rationale and evidence"]


def _summary_sentence(refinements: list[PTRefinement]) -> str:
    initial = [r for r in refinements if r.initial.change is ChangeKind.initial]
    tested = [r for r in initial if r.codings or r.changes]
    refined = [r for r in initial if r.changes and not r.current.retired]
    new = [r for r in refinements if r.initial.change is not ChangeKind.initial]
    evidence = {ref for r in refinements for ref in r.evidence}
    # a split or merge makes versions of several PTs in one change: count changes, not versions
    changes = {(v.at, v.author, v.change, v.rationale, tuple(v.evidence)) for r in refinements for v in r.changes}
    return (f"{len(initial)} initial programme theories; {len(tested)} tested against coded evidence, "
            f"{len(refined)} refined, {sum(r.current.retired for r in refinements)} merged away and {len(new)} "
            f"added or split off; {len(changes)} recorded change(s) cite "
            f"{len(evidence)} coding(s) and CMOC(s).")


def _origin(r: PTRefinement) -> str | None:
    """How a PT that was not in the initial codebook came to be, for its empty "initial" cell."""
    if r.initial.change is ChangeKind.initial:
        return None
    came = "split off" if r.initial.change is ChangeKind.split_pt else "added"
    return f"none: {came} in v1"


def page_html(refinements: list[PTRefinement], title: str, stamp: str) -> list[Any]:
    """Body elements of ``refined.html`` (the caller wraps them in the report's page)."""
    rows = []
    for r in refinements:
        changes: list[Any] = []
        for v in r.changes:
            items = [E.LI(E.A(ref, href=f"{ev.pt}.html") if ev.pt else ref, f" {ev.text}",
                          E.SPAN(f" \u2014 {ev.who}", E.CLASS("attr")))
                     for ref in v.evidence for ev in (r.evidence[ref],)]
            changes.append(E.P(_change_line(v)))
            if items:
                changes.append(E.UL(*items))
        current = r.current
        rows.append(E.TR(
            E.TD(E.A(r.pt, href=f"{r.pt}.html") if not current.retired else r.pt),
            E.TD(_origin(r), E.CLASS("none")) if _origin(r) else E.TD(E.STRONG(r.initial.title), E.BR(),
                                                                        r.initial.statement),
            E.TD(E.STRONG(current.title), E.BR(), "retired" if current.retired else current.statement,
                 *([E.UL(*[E.LI(line) for line in element_lines(r)], E.CLASS("elements"))]
                   if element_lines(r) else [])),
            E.TD(*changes) if changes else E.TD("no change", E.CLASS("none")),
        ))
    return [
        E.NAV(E.A("\u2190 all programme theories", href="index.html")),
        E.H1(title),
        E.P(f"Generated {stamp}. Each change is a recorded version with its author, date, rationale and the "
            "codings or CMOCs behind it; quotes link to the programme theory's evidence page.", E.CLASS("attr")),
        E.TABLE(E.THEAD(E.TR(*[E.TH(h) for h in TABLE_HEAD])), E.TBODY(*rows)),
        *rameses_html(refinements),
    ]


def rameses_html(refinements: list[PTRefinement]) -> list[Any]:
    tested = ramesesii_rows(refinements)
    return [
        E.H2("Reporting against RAMESES II"),
        E.P("Items of the RAMESES II reporting standards for realist evaluations that these records answer."),
        E.H3("Item 4, programme theory: the initial programme theories"),
        E.UL(*[E.LI(E.STRONG(f"{r.pt}: {r.initial.title}. "), r.initial.statement) for r in refinements
               if r.initial.change is ChangeKind.initial]),
        E.H3("Item 13, data analysis: what was tested, and how theories were refined"),
        E.P("Quotes were coded to a programme theory and its context, mechanism (resource, response) and outcome "
            "elements as supporting, refuting or refining it, and linked into CMO configurations. Each refinement "
            "below was recorded as a new version of the theory with its rationale and the codings or CMOCs that "
            "motivated it. " + _summary_sentence(refinements)),
        E.H3("Item 15, main findings: what was refined and on what evidence"),
        E.TABLE(E.THEAD(E.TR(*[E.TH(h) for h in RAMESES_HEAD])),
                E.TBODY(*[E.TR(*[E.TD(c) for c in row]) for row in tested])),
    ]


def page_md(refinements: list[PTRefinement], title: str, stamp: str, md: Any) -> str:
    """``refined.md``; ``md`` escapes a table cell the way the rest of the report does."""
    out = [f"# {md(title)}", "", f"Generated {stamp}. Each change is a recorded version with its author, date, "
           "rationale and the codings or CMOCs behind it.", "",
           "| " + " | ".join(TABLE_HEAD) + " |", "|" + "|".join("---" for _ in TABLE_HEAD) + "|"]
    for r in refinements:
        changes = []
        for v in r.changes:
            ev = "; ".join(f"[{md(ref)}]({r.evidence[ref].pt}.md) {md(r.evidence[ref].text)} \u2014 "
                           f"{md(r.evidence[ref].who)}" for ref in v.evidence)
            changes.append(md(_change_line(v)) + (f" Evidence: {ev}" if ev else ""))
        current = md("retired" if r.current.retired else r.current.statement)
        current += "".join(f"<br>{md(line)}" for line in element_lines(r))
        initial = md(_origin(r) or "") or f"**{md(r.initial.title)}** {md(r.initial.statement)}"
        out.append(f"| {md(r.pt)} | {initial} | **{md(r.current.title)}** "
                   f"{current} | {'<br>'.join(changes) or 'no change'} |")
    out += ["", "## Reporting against RAMESES II", "",
            "Items of the RAMESES II reporting standards for realist evaluations that these records answer.", "",
            "### Item 4, programme theory: the initial programme theories", ""]
    out += [f"- **{md(r.pt)}: {md(r.initial.title)}.** {md(r.initial.statement)}" for r in refinements
            if r.initial.change is ChangeKind.initial]
    out += ["", "### Item 13, data analysis: what was tested, and how theories were refined", "",
            md(_summary_sentence(refinements)), "",
            "### Item 15, main findings: what was refined and on what evidence", "",
            "| " + " | ".join(RAMESES_HEAD) + " |", "|" + "|".join("---" for _ in RAMESES_HEAD) + "|"]
    out += ["| " + " | ".join(md(c) for c in row) + " |" for row in ramesesii_rows(refinements)]
    return "\n".join([*out, ""])
