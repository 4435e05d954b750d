"""Evidence reports: one self-contained HTML page per programme theory, a Markdown twin, an index.

Every number is computed here from the project (through the PT graph and its summary),
never typed in, so a report can be regenerated after any coding change. HTML is built
as an element tree with ``lxml.html.builder``: quotes are text nodes, so a quote that
contains ``<script>`` is escaped by the serialiser, never pasted into markup. The figure
is inlined as a PNG data URI so a page can be e-mailed on its own; the Markdown twin
links the same PNG written beside it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import networkx as nx
from lxml.html import builder as E

from .. import clock
from ..memo.report import ReportMemo, memos_for_pt, transcript_memos
from ..model import CHAIN, Component, Configuration
from ..query.matrix import Matrix, matrix
from ..query.speakers import SpeakerLookup
from ..store import Project
from ..store.atomic import write_bytes, write_text
from ..theory import report as refined
from .build import build
from .draw import draw, render
from .nodes import coding_node, configuration_node
from .summary import LinkSummary, PTSummary, StanceEvidence, TargetSummary, summarise

CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2em auto; max-width: 72em;
       padding: 0 1em; color: #1d1d1d; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
th { background: #f1f4f8; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: 0.2em 0 0.6em 0; padding-left: 0.6em; border-left: 3px solid #9bb; }
.attr { color: #555; font-size: 0.9em; } .flag { font-weight: bold; }
.contested { color: #b35000; } .none { color: #777; } .single { color: #8a6d00; }
figure img { max-width: 100%; border: 1px solid #ddd; }
nav { font-size: 0.9em; margin-bottom: 1em; }
"""
STANCE_SIGN = {"supports": "+", "refutes": "\u2212", "refines": "~"}
REFINED = "refined"
REFINED_TITLE = "Initial \u2192 refined programme theories"


@dataclass(frozen=True)
class Quote:
    """A coding as a report prints it."""

    coding_id: str
    text: str
    attribution: str
    element: str
    stance: str
    transcript: str
    coders: str = ""  # every coder who coded this quote (to this code), e.g. "ann, bob"


@dataclass(frozen=True)
class PTReport:
    summary: PTSummary
    graph: nx.MultiDiGraph
    configurations: list[Configuration]
    quotes: dict[str, Quote]
    figure: bytes
    figure_format: str  # png or svg
    memos: list[ReportMemo] = field(default_factory=list)


def collect(project: Project, pt: str, speakers: SpeakerLookup | None = None, figure: str = "png",
            coders: Collection[str] | None = None) -> PTReport:
    """Everything one PT page shows, computed from the project (from ``coders``' codings only, if given)."""
    speakers = speakers or SpeakerLookup(project)
    g = build(project, pt, speakers, coders=coders)
    summary = summarise(g)
    quotes = {}
    for node, data in g.nodes(data=True):
        if data["kind"] == "coding":
            quotes[node] = Quote(
                coding_id=data["label"], text=data["quote"], attribution=data["attribution"] or "no speaker",
                element=data["element"] or (f"{pt} {data['component']}" if data["component"] else pt),
                stance=data["stance"], transcript=data["transcript"], coders=data.get("quote_coder_names", ""),
            )
    fig = draw(g, summary)
    configs = [c for c in project.configurations(pt) if configuration_node(c.id) in g]
    memos = memos_for_pt(project, pt, [(c.id, c.name) for c in configs], [q.coding_id for q in quotes.values()])
    return PTReport(summary, g, configs, quotes, render(fig, figure), figure, memos)


def write_report(
    project: Project, out: Path, progress: Callable[[str], None] | None = None, figure: str = "png",
    coders: Collection[str] | None = None,
) -> list[Path]:
    """Write ``index.html``/``index.md`` and ``<PT>.html``/``<PT>.md``/``<PT>.png`` per PT into ``out``.

    ``progress`` is called with each PT id as its page is computed (drawing is the slow part).
    ``figure="svg"`` draws SVG instead: about five times faster, text stays text, but it is
    shown in whatever sans-serif font the reader's browser has.
    """
    speakers = SpeakerLookup(project)
    reports = []
    for pt in project.codebook.pt_ids:
        if progress:
            progress(pt)
        reports.append(collect(project, pt, speakers, figure, coders))
    by_role = matrix(project, "role", count="participants", coders=coders)
    name = project.path.name
    stamp = clock.now_iso()
    if coders is not None:  # every page says whose codings it counts
        stamp += f", from the codings of {', '.join(sorted(coders))} only"
    files: dict[str, str | bytes] = {}
    for r in reports:
        pt = r.summary.pt
        files[f"{pt}.{r.figure_format}"] = r.figure
        files[f"{pt}.html"] = _page_html(r, name, stamp)
        files[f"{pt}.md"] = _page_md(r, name, stamp)
    refinements = refined.collect(project, speakers)
    files[f"{REFINED}.html"] = _doc(REFINED_TITLE, *refined.page_html(refinements, REFINED_TITLE, stamp))
    files[f"{REFINED}.md"] = refined.page_md(refinements, REFINED_TITLE, stamp, md)
    on_transcripts = transcript_memos(project)
    files["index.html"] = _index_html(reports, by_role, name, stamp, on_transcripts)
    files["index.md"] = _index_md(reports, by_role, name, stamp, on_transcripts)
    written = []
    for fname, content in files.items():  # everything is rendered before the first file is written
        path = out / fname
        if isinstance(content, bytes):
            write_bytes(path, content)
        else:
            write_text(path, content)
        written.append(path)
    return written


# -- shared content ------------------------------------------------------------------------------
def _flag_words(t: TargetSummary | LinkSummary) -> list[str]:
    words = []
    if t.no_evidence:
        words.append("no evidence")
    if t.contested:
        words.append("contested")
    if t.balance == "refuting":
        words.append("refuted, nothing supports")
    elif t.balance == "refining":
        words.append("refined only")
    if t.single_role:
        words.append("one role only")
    return words


def _ev(e: StanceEvidence) -> str:
    """``3 (2 cases)``: codings or CMOCs, then distinct participants."""
    if not e.count:
        return "0"
    return f"{e.count} ({e.participants} case{'s' if e.participants != 1 else ''})"


def _roles(by_role: dict[str, int]) -> str:
    return ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in by_role.items()) or "\u2013"


def _members(r: PTReport, config: Configuration, component: Component) -> list[str]:
    out = []
    for m in config.members:
        if m.role is component:
            q = r.quotes.get(coding_node(m.coding_id))
            out.append(q.element if q else m.coding_id)
    return out


def _config_quotes(r: PTReport, config: Configuration, stances: Iterable[str]) -> list[Quote]:
    qs = [r.quotes.get(coding_node(m.coding_id)) for m in config.members]
    return [q for q in qs if q is not None and q.stance in stances]


def _distinct(quotes: Iterable[Quote], g: nx.MultiDiGraph) -> list[Quote]:
    """One quote per piece of evidence: double coding of one passage to one code is listed once, with its
    coders (the longest of the coders' spans stands for it)."""
    best: dict[str, Quote] = {}
    for q in quotes:
        key = str(g.nodes[coding_node(q.coding_id)].get("quote_id") or q.coding_id)
        if key not in best or len(q.text) > len(best[key].text):
            best[key] = q
    return list(best.values())


def _totals(s: PTSummary) -> list[tuple[str, str]]:
    return [
        ("Quotes", str(s.quotes)), ("Codings", str(s.codings)), ("Double-coded", str(s.double_coded)),
        ("Supporting", str(s.stances["supports"])),
        ("Refuting", str(s.stances["refutes"])), ("Refining", str(s.stances["refines"])),
        ("Participants", str(s.participants)), ("Sites", str(s.sites)), ("CMOCs", str(s.configurations)),
    ]


ELEMENT_HEAD = ["Element", "Statement", "Supports", "Refutes", "Refines", "Cases by role", "Sites", "Flags",
                "Coded by 2+ coders"]
LINK_HEAD = ["Link", "CMOCs", "Supports", "Refutes", "Refines", "Cases by role", "Flags"]
CMOC_HEAD = ["ID", "C", "Mres", "Mresp", "O", "Supporting quotes", "Refuting quotes", "Judgement"]
QUOTE_HEAD = ["Element", "Stance", "Quote", "Attribution", "Transcript", "Coders"]


def _element_row(t: TargetSummary) -> list[str]:
    label = t.id if t.kind == "element" else ("whole theory" if t.kind == "theory" else t.id.replace(":", " "))
    return [label, t.statement, _ev(t.supports), _ev(t.refutes), _ev(t.refines), _roles(t.by_role),
            ", ".join(t.sites) or "\u2013", "; ".join(_flag_words(t)), str(t.double_coded)]


def _link_row(link: LinkSummary) -> list[str]:
    return [f"{link.source} \u2192 {link.target}", ", ".join(link.configurations) or "\u2013", _ev(link.supports),
            _ev(link.refutes), _ev(link.refines), _roles(link.by_role), "; ".join(_flag_words(link))]


def _judgement(config: Configuration) -> str:
    j = config.judgement.value if config.judgement else "not judged"
    return f"{j}: {config.rationale}" if config.rationale else j


# -- HTML ----------------------------------------------------------------------------------------
def _doc(title: str, *body: Any) -> str:
    doc = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.TITLE(title), E.STYLE(CSS)),
        E.BODY(*body), lang="en",
    )
    return lxml.html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def _table(head: list[str], rows: list[list[Any]], numeric: Iterable[int] = ()) -> Any:
    nums = set(numeric)
    return E.TABLE(
        E.THEAD(E.TR(*[E.TH(h) for h in head])),
        E.TBODY(*[
            E.TR(*[E.TD(c, E.CLASS("n")) if i in nums else E.TD(c) for i, c in enumerate(row)]) for row in rows
        ]),
    )


def _quote_block(q: Quote) -> Any:
    coders = f" \u00b7 coded by {q.coders}" if "," in q.coders else ""
    return E.DIV(
        E.BLOCKQUOTE(f"\u201c{q.text}\u201d"),
        E.SPAN(f"{q.attribution} \u00b7 {q.element} \u00b7 {q.stance} \u00b7 {q.coding_id}{coders}", E.CLASS("attr")),
    )


def _flags_html(s: PTSummary) -> Any:
    items = []
    for label, ids, css in (("No evidence", s.no_evidence, "none"), ("Contested", s.contested, "contested"),
                            ("One role only (no triangulation)", s.single_role, "single")):
        items.append(E.LI(E.SPAN(f"{label}: ", E.CLASS(f"flag {css}")), ", ".join(ids) if ids else "none"))
    return E.UL(*items)


def _page_html(r: PTReport, project_name: str, stamp: str) -> str:
    s = r.summary
    theory = r.graph.nodes[s.pt]
    cmoc_rows = []
    for c in r.configurations:
        cells: list[Any] = [E.TD(E.STRONG(c.id), E.BR(), c.name)]
        for comp in CHAIN:
            cells.append(E.TD(", ".join(_members(r, c, comp)) or "\u2013"))
        cells.append(E.TD(*[_quote_block(q) for q in _config_quotes(r, c, ("supports", "refines"))]))
        cells.append(E.TD(*[_quote_block(q) for q in _config_quotes(r, c, ("refutes",))]))
        cells.append(E.TD(_judgement(c)))
        cmoc_rows.append(E.TR(*cells))
    quotes = sorted(_distinct(r.quotes.values(), r.graph), key=lambda q: (q.element, q.stance, q.transcript,
                                                                           q.coding_id))
    mime = "image/png" if r.figure_format == "png" else "image/svg+xml"
    src = f"data:{mime};base64," + base64.b64encode(r.figure).decode("ascii")
    return _doc(
        f"{s.pt}: {s.title}",
        E.NAV(E.A("\u2190 all programme theories", href="index.html")),
        E.H1(f"{s.pt}: {s.title}"),
        E.P(theory["statement"]),
        E.P(f"Project {project_name}, generated {stamp}. Counts are computed from the project's codings.",
            E.CLASS("attr")),
        E.H2("Summary"),
        _table([k for k, _ in _totals(s)], [[v for _, v in _totals(s)]], numeric=range(len(_totals(s)))),
        _flags_html(s),
        E.FIGURE(E.IMG(src=src, alt=f"Evidence graph of {s.pt}"),
                 E.FIGCAPTION("+ supports, \u2212 refutes, ~ refines; codings on boxes, CMOCs on arrows. "
                              "Each box and arrow is marked [supported], [supported, 1 role], [MIXED], "
                              "[REFUTED], [refined only] or [no evidence], as its colour is.")),
        E.H2("Evidence per element"),
        E.P("Counts are distinct quotes (one passage coded to one code by several coders counts once), with the "
            "distinct participants (cases) behind them in brackets."),
        _table(ELEMENT_HEAD, [_element_row(t) for t in s.targets]),
        E.H2("Evidence per link"),
        E.P("A link is evidenced by a CMOC with members at both ends; counts are CMOCs."),
        _table(LINK_HEAD, [_link_row(link) for link in s.links]),
        E.H2("Configurations (CMOCs)"),
        E.TABLE(E.THEAD(E.TR(*[E.TH(h) for h in CMOC_HEAD])), E.TBODY(*cmoc_rows)) if cmoc_rows
        else E.P("No configurations yet."),
        E.H2("All evidence"),
        _table(QUOTE_HEAD, [[q.element, q.stance, q.text, q.attribution, q.transcript, q.coders] for q in quotes])
        if quotes else E.P("No codings yet."),
        *_memos_html(r.memos),
    )


def _memos_html(memos: list[ReportMemo]) -> list[Any]:
    if not memos:
        return []
    return [E.H2("Memos"), *[E.DIV(E.P(E.STRONG(m.memo.title), E.BR(), m.memo.body),
                                   E.SPAN(m.byline, E.CLASS("attr"))) for m in memos]]


def _index_rows(reports: list[PTReport]) -> list[list[str]]:
    return [
        [r.summary.pt, r.summary.title, *[v for _, v in _totals(r.summary)], str(len(r.summary.no_evidence)),
         str(len(r.summary.contested)), str(len(r.summary.single_role))]
        for r in reports
    ]


INDEX_HEAD = ["PT", "Title", "Quotes", "Codings", "Double-coded",
              "Supporting", "Refuting", "Refining", "Participants", "Sites", "CMOCs",
              "No evidence", "Contested", "One role only"]


def _matrix_rows(m: Matrix) -> tuple[list[str], list[list[str]]]:
    head = ["PT", *[c.replace("_", " ") for c in m.columns], "all"]
    rows = [[row.pt, *[str(row.cells[c]) for c in m.columns], str(row.total)] for row in m.rows]
    rows.append(["all", *[str(m.totals[c]) for c in m.columns], str(m.total)])
    return head, rows


def _index_html(reports: list[PTReport], by_role: Matrix, project_name: str, stamp: str,
                memos: list[ReportMemo]) -> str:
    rows = []
    for row in _index_rows(reports):
        pt = row[0]
        rows.append(E.TR(E.TD(E.A(pt, href=f"{pt}.html")), *[E.TD(c) for c in row[1:2]],
                         *[E.TD(c, E.CLASS("n")) for c in row[2:]]))
    mhead, mrows = _matrix_rows(by_role)
    return _doc(
        f"Evidence report: {project_name}",
        E.H1(f"Evidence report: {project_name}"),
        E.P(f"Generated {stamp}. One page per programme theory; counts are computed from the project.",
            E.CLASS("attr")),
        E.TABLE(E.THEAD(E.TR(*[E.TH(h) for h in INDEX_HEAD])), E.TBODY(*rows)),
        E.P(E.A(REFINED_TITLE, href=f"{REFINED}.html"), ": each change with its rationale and evidence, "
            "and the RAMESES II reporting items it answers."),
        E.H2("Participants giving evidence, by programme theory and role"),
        _table(mhead, mrows, numeric=range(1, len(mhead))),
        *([E.H2("Memos on transcripts"), *_memos_html(memos)[1:]] if memos else []),
    )


# -- Markdown ------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md(text: str) -> str:
    """Text safe inside a Markdown table cell: HTML escaped (renderers pass raw HTML through), specials escaped."""
    flat = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _md_table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md(h) for h in head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _md_quotes(qs: list[Quote]) -> str:
    return "; ".join(f"\u201c{q.text}\u201d ({q.attribution}, {q.coding_id}"
                     f"{', coded by ' + q.coders if ',' in q.coders else ''})" for q in qs) or "\u2013"


def _page_md(r: PTReport, project_name: str, stamp: str) -> str:
    s = r.summary
    out = [f"# {md(s.pt)}: {md(s.title)}", "", md(r.graph.nodes[s.pt]["statement"]), "",
           f"Project {md(project_name)}, generated {stamp}. Counts are computed from the project's codings.", "",
           "## Summary", "", *_md_table([k for k, _ in _totals(s)], [[v for _, v in _totals(s)]])]
    for label, ids in (("No evidence", s.no_evidence), ("Contested", s.contested),
                       ("One role only (no triangulation)", s.single_role)):
        out.append(f"- **{label}:** {md(', '.join(ids)) if ids else 'none'}")
    out += ["", f"![Evidence graph of {md(s.pt)}]({s.pt}.{r.figure_format})", "",
            "## Evidence per element", "", *_md_table(ELEMENT_HEAD, [_element_row(t) for t in s.targets]),
            "## Evidence per link", "", *_md_table(LINK_HEAD, [_link_row(link) for link in s.links]),
            "## Configurations (CMOCs)", ""]
    rows = [
        [f"{c.id} {c.name}", *[", ".join(_members(r, c, comp)) or "\u2013" for comp in CHAIN],
         _md_quotes(_config_quotes(r, c, ("supports", "refines"))), _md_quotes(_config_quotes(r, c, ("refutes",))),
         _judgement(c)]
        for c in r.configurations
    ]
    out += _md_table(CMOC_HEAD, rows) if rows else ["No configurations yet.", ""]
    quotes = sorted(_distinct(r.quotes.values(), r.graph),
                    key=lambda q: (q.element, q.stance, q.transcript, q.coding_id))
    out += ["## All evidence", ""]
    out += _md_table(QUOTE_HEAD, [[q.element, q.stance, q.text, q.attribution, q.transcript, q.coders]
                                  for q in quotes]) \
        if quotes else ["No codings yet.", ""]
    if r.memos:
        out += ["## Memos", ""]
        for m in r.memos:
            out += [f"**{md(m.memo.title)}** ({md(m.byline)})", "", md(m.memo.body), ""]
    return "\n".join(out)


def _index_md(reports: list[PTReport], by_role: Matrix, project_name: str, stamp: str,
              memos: list[ReportMemo]) -> str:
    rows = _index_rows(reports)
    lines = [f"# Evidence report: {md(project_name)}", "",
             f"Generated {stamp}. One page per programme theory; counts are computed from the project.", ""]
    head = ["| " + " | ".join(md(h) for h in INDEX_HEAD) + " |", "|" + "|".join("---" for _ in INDEX_HEAD) + "|"]
    body = ["| " + " | ".join([f"[{md(r[0])}]({r[0]}.md)", *[md(c) for c in r[1:]]]) + " |" for r in rows]
    mhead, mrows = _matrix_rows(by_role)
    refined_link = f"[{REFINED_TITLE}]({REFINED}.md): each change with its rationale and evidence, and the " \
        "RAMESES II reporting items it answers."
    notes = ["## Memos on transcripts", ""] if memos else []
    for m in memos:
        notes += [f"**{md(m.memo.title)}** ({md(m.byline)})", "", md(m.memo.body), ""]
    return "\n".join([*lines, *head, *body, "", refined_link, "",
                      "## Participants giving evidence, by programme theory and role", "", *_md_table(mhead, mrows),
                      *notes])
