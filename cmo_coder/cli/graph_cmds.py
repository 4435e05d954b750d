"""Commands of the graph and query stage: graph, report, which-pt, evidence, matrix."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import CmoError
from ..store.atomic import write_bytes, write_text
from .options import ProjectRef, coders_filter_option, json_option, open_project, project_argument
from .output import emit_json, info, is_tty


def _emit_bytes(data: bytes, out: Path | None) -> None:
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_bytes(out, data)
        info(f"wrote {out}")


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""

    @cli.command("graph")
    @project_argument
    @click.option("--pt", "pt", required=True, help="The programme theory, e.g. PT3.")
    @click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json"]), default="graphml",
                  show_default=True, help="GraphML and GEXF open in Gephi and Cytoscape; json is node-link.")
    @click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
                  help="File to write (default: standard output).")
    @click.option("--figure", type=click.Path(path_type=Path, dir_okay=False), default=None,
                  help="Also draw the PT's figure to this .png or .svg file.")
    @click.option("--summary", is_flag=True, help="Print the evidence summary (JSON) instead of the graph.")
    @coders_filter_option
    def graph_cmd(project: ProjectRef, pt: str, fmt: str, out: Path | None, figure: Path | None, summary: bool,
                  coders: tuple[str, ...]) -> None:
        """The evidence graph of one programme theory: theory, CMOCs, codings, participants, sites."""
        from ..graph import build, summarise
        from ..graph.draw import draw, save
        from ..graph.export import write
        from ..query.filters import resolve_coders, resolve_pt

        with open_project(project) as p:
            g = build(p, resolve_pt(p, pt), coders=resolve_coders(p, coders))
        s = summarise(g)
        if figure is not None:
            if figure.suffix.lower() not in (".png", ".svg"):
                raise CmoError(f"{figure}: the figure must be a .png or .svg file")
            save(draw(g, s), figure)
            info(f"wrote {figure}")
        if summary:
            emit_json(s.model_dump(mode="json"))
            return
        _emit_bytes(write(g, fmt), out)

    @cli.command("report")
    @project_argument
    @click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True,
                  help="Folder for index.html, index.md and one .html/.md/.png per programme theory.")
    @click.option("--figure", "figure", type=click.Choice(["png", "svg"]), default="png", show_default=True,
                  help="Figure format; svg is about five times faster to draw, png looks the same everywhere.")
    @coders_filter_option
    def report_cmd(project: ProjectRef, out: Path, figure: str, coders: tuple[str, ...]) -> None:
        """Write the evidence report: one self-contained HTML page (and Markdown twin) per PT."""
        from ..graph.report import write_report
        from ..query.filters import resolve_coders

        with open_project(project) as p:
            only = resolve_coders(p, coders)
            n = len(p.codebook.pt_ids)
            if is_tty():
                from rich.console import Console
                from rich.progress import Progress

                with Progress(console=Console(stderr=True), transient=True) as bar:
                    task = bar.add_task("drawing programme theories", total=n)
                    written = write_report(
                        p, out, progress=lambda pt: bar.update(task, advance=1, description=pt), figure=figure,
                        coders=only,
                    )
            else:
                info(f"drawing {n} programme theories…")
                written = write_report(p, out, figure=figure, coders=only)
        info(f"wrote {len(written)} files to {out} (open {out / 'index.html'})")

    @cli.command("which-pt")
    @project_argument
    @click.argument("quote")
    @json_option
    @click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True,
                  help="Most matches (or nearest quotes) to show.")
    @click.option("--no-cache", is_flag=True, help="Rebuild the quote index instead of using .cache/ in the project.")
    @coders_filter_option
    def which_pt_cmd(project: ProjectRef, quote: str, as_json: bool, limit: int, no_cache: bool,
                     coders: tuple[str, ...]) -> None:
        """Which programme theories, components and stances a quote (or fragment) is coded to."""
        from ..query.filters import resolve_coders
        from ..query.index import QuoteIndex
        from ..query.speakers import SpeakerLookup
        from ..query.which_pt import describe, which_pt
        from ..query.which_pt_coders import only_coders

        if not quote.strip():
            raise CmoError("the quote is empty; pass the words to look for")
        with open_project(project) as p:
            only = resolve_coders(p, coders)
            if no_cache or not QuoteIndex.is_cached(p):
                info("indexing the coded quotes (once; cached in the project's .cache/ until the project changes)")
            index = QuoteIndex.for_project(p, use_cache=not no_cache)
            if only is None:
                answer = which_pt(index, quote, limit=limit, speakers=SpeakerLookup(p), codebook=p.codebook,
                                  project_path=p.path)
            else:  # every match, then those of the coders asked for, then the limit
                answer = only_coders(which_pt(index, quote, limit=1_000_000, speakers=SpeakerLookup(p),
                                              codebook=p.codebook, project_path=p.path),
                                     {c.id for c in p.codings() if c.coder in only}, limit)
        if as_json:
            emit_json(answer.model_dump(mode="json"))
        else:
            click.echo("\n".join(describe(answer)))

    @cli.command("evidence")
    @project_argument
    @click.argument("pt")
    @click.option("--supporting", "stance", flag_value="supports", help="Only supporting evidence.")
    @click.option("--refuting", "stance", flag_value="refutes", help="Only refuting evidence.")
    @click.option("--refining", "stance", flag_value="refines", help="Only refining evidence.")
    @click.option("--role", default=None, help="Only quotes from this role: staff, service_user, carer.")
    @click.option("--site", default=None, help="Only quotes from this site, e.g. B or 'Case Study B'.")
    @click.option("--element", default=None, help="Only codings of this element, e.g. PT3.MR1.")
    @coders_filter_option
    @json_option
    def evidence_cmd(project: ProjectRef, pt: str, stance: str | None, role: str | None, site: str | None,
                     element: str | None, coders: tuple[str, ...], as_json: bool) -> None:
        """The evidence table of a programme theory: quote, attribution, element, stance, CMOCs."""
        from ..query.evidence import evidence
        from ..query.filters import resolve_coders

        with open_project(project) as p:
            rows = evidence(p, pt, stance=stance, role=role, site=site, element=element,
                            coders=resolve_coders(p, coders))
            pt_memos = p.notes("pt", rows[0].pt) if rows else []
        if as_json:
            emit_json([r.model_dump(mode="json") for r in rows])
            return
        if not rows:
            info("no evidence matches")
            return
        for m in pt_memos:
            click.echo(f"memo on {rows[0].pt} ({m.author or '-'}): {' '.join(m.body.split())}")
        sign = {"supports": "+", "refutes": "-", "refines": "~"}
        for r in rows:
            where = r.element or (f"{r.pt} {r.component}" if r.component else r.pt)
            cmocs = f" [{', '.join(r.configurations)}]" if r.configurations else ""
            doubled = f" | coded by {', '.join(r.quote_coders)}" if len(r.quote_coders) > 1 else ""
            click.echo(f"{sign[r.stance]} {where:<10} {r.coding_id}{cmocs} | {r.attribution or 'no speaker'} | "
                       f"{r.transcript} [{r.start}:{r.end}]{doubled}")
            click.echo(f"    \u201c{' '.join(r.quote.split())}\u201d")
            for memo in r.memos:
                click.echo(f"    memo: {' '.join(memo.split())}")
        distinct = len({r.quote_id for r in rows})
        info(f"{len(rows)} coding(s)" + (f", {distinct} distinct quote(s)" if distinct != len(rows) else ""))

    @cli.command("matrix")
    @project_argument
    @click.option("--by", type=click.Choice(["role", "site", "participant"]), required=True,
                  help="Columns: roles, sites or participants.")
    @click.option("--count", type=click.Choice(["codings", "participants"]), default="codings", show_default=True,
                  help="Count codings, or distinct participants, in each cell.")
    @click.option("--stance", type=click.Choice(["supports", "refutes", "refines"]), default=None,
                  help="Count only this stance.")
    @click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
                  help="File to write (default: standard output); .html or .md choose the format.")
    @click.option("--format", "fmt", type=click.Choice(["csv", "html", "md"]), default=None,
                  help="csv (default), html (one self-contained page) or md (a Markdown table); "
                       "default: from the --out suffix.")
    @coders_filter_option
    @json_option
    def matrix_cmd(project: ProjectRef, by: str, count: str, stance: str | None, out: Path | None, fmt: str | None,
                   coders: tuple[str, ...], as_json: bool) -> None:
        """A framework matrix: programme theories × roles, sites or participants (CSV, HTML or Markdown)."""
        from ..query.filters import resolve_coders
        from ..query.matrix import matrix, to_csv
        from ..query.matrix_render import format_for, to_html, to_markdown

        with open_project(project) as p:
            m = matrix(p, by, count=count, stance=stance, coders=resolve_coders(p, coders))  # type: ignore[arg-type]
        if as_json:
            emit_json(m.model_dump(mode="json"))
            return
        chosen = format_for(out.suffix if out is not None else None, fmt)
        text = to_html(m) if chosen == "html" else to_markdown(m) if chosen == "md" else to_csv(m)
        if out is not None:
            write_text(out, text)
            info(f"wrote {out}")
        else:
            click.echo(text, nl=False)
