"""Commands of the coding stage: ``code``, ``cmoc``, ``markup`` and ``agreement``.

Each command is a thin layer over :mod:`cmo_coder.coding`; the Python API does the work
and the same validation, so scripts and the command line behave alike.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from ..coding import agreement as agreement_mod
from ..coding import service
from ..coding.markup_import import import_markup
from ..coding.table import export_table, import_table
from ..errors import CmoError
from ..model.vocab import Component
from ..theory.service import confirm_codings, versions_coded_against
from .options import ProjectRef, coder_option, coders_filter_option, json_option, open_project, project_argument
from .output import emit_json, info, is_tty, warn

_COMPONENTS = "context, mechanism_resource, mechanism_response, outcome (or C, Mres, Mresp, O)"


@contextlib.contextmanager
def row_progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for long imports (only on a terminal, so logs and pipes stay clean)."""
    if not is_tty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            if done % 50 == 0 or done == total:
                bar.update(task, completed=done, total=total)

        yield update


def _line(v: service.CodingView) -> str:
    c = v.coding
    comp = c.component.short if c.component else "PT"
    extra = f" [{c.element}]" if c.element else ""
    who = f" — {v.attribution}" if v.attribution else ""
    text = " ".join(c.text.split())
    if len(text) > 70:
        text = text[:67] + "…"
    return (f"{c.id}  {c.transcript_id} {c.start}:{c.end}  {c.pt} {comp}{extra} {c.stance.value} "
            f"({c.coder})  “{text}”{who}")


@click.group()
def code() -> None:
    """Add, edit, remove, list, import and export codings."""


@code.command("add")
@project_argument
@click.argument("transcript")
@click.option("--quote", default=None, help="Text to code; found exactly, else tolerantly (case, spaces, quotes, …).")
@click.option("--span", default=None, help="START:END character offsets instead of a quote.")
@click.option("--occurrence", type=int, default=None, help="Which match (1, 2, …) if the quote recurs.")
@click.option("--pt", default=None, help="Programme theory, e.g. PT3 (any case); implied by --element.")
@click.option("--component", default=None, help=f"One of {_COMPONENTS}; omit for PT-level evidence.")
@click.option("--element", default=None, help="Codebook element, e.g. PT3.MR1 (implies its PT and component).")
@click.option("--stance", default="supports", show_default=True, help="supports, refutes or refines.")
@click.option("--memo", default=None)
@click.option("--allow-cross-turn", is_flag=True, help="Allow a span that crosses speaker turns.")
@coder_option
@json_option
def code_add(project: ProjectRef, transcript: str, quote: str | None, span: str | None, occurrence: int | None,
             pt: str | None,
             component: str | None, element: str | None, stance: str, memo: str | None, allow_cross_turn: bool,
             coder: str | None, as_json: bool) -> None:
    """Code a quote (or span) of TRANSCRIPT as evidence for a programme theory."""
    with open_project(project) as p:
        c = service.add_coding(p, transcript, pt=pt, quote=quote, span=span, component=component, element=element,
                               stance=stance, memo=memo, coder=coder, occurrence=occurrence,
                               allow_cross_turn=allow_cross_turn)
        view = service.CodingView.of(p, c)
    if as_json:
        emit_json(view.as_dict())
    else:
        click.echo(f"added {_line(view)}")


@code.command("edit")
@project_argument
@click.argument("coding_id")
@click.option("--quote", default=None, help="Move the coding to this quote.")
@click.option("--span", default=None, help="Move the coding to START:END.")
@click.option("--occurrence", type=int, default=None)
@click.option("--pt", default=None)
@click.option("--component", default=None)
@click.option("--element", default=None)
@click.option("--clear-element", is_flag=True, help="Drop the element, keep the component.")
@click.option("--stance", default=None)
@click.option("--memo", default=None)
@click.option("--allow-cross-turn", is_flag=True)
@click.option("--expect-version", default=None, metavar="VERSION",
              help="Refuse if the coding changed since 'code list --json' showed this version (another coder, "
                   "the workbench).")
@coder_option
def code_edit(project: ProjectRef, coding_id: str, quote: str | None, span: str | None, occurrence: int | None,
              pt: str | None, component: str | None, element: str | None, clear_element: bool, stance: str | None,
              memo: str | None, allow_cross_turn: bool, expect_version: str | None, coder: str | None) -> None:
    """Change a coding (its id stays the same)."""
    with open_project(project) as p:
        c = service.edit_coding(p, coding_id, pt=pt, component=component, element=element, stance=stance, memo=memo,
                                quote=quote, span=span, occurrence=occurrence, allow_cross_turn=allow_cross_turn,
                                clear_element=clear_element, actor=coder, expect_version=expect_version)
        click.echo(f"edited {_line(service.CodingView.of(p, c))}")


@code.command("remove")
@project_argument
@click.argument("coding_ids", nargs=-1, required=True)
@click.option("--expect-version", "expect_versions", multiple=True, metavar="VERSION",
              help="One per coding, in order: refuse if any changed since 'code list --json' showed it.")
@coder_option
def code_remove(project: ProjectRef, coding_ids: tuple[str, ...], expect_versions: tuple[str, ...],
                coder: str | None) -> None:
    """Remove codings (all or none)."""
    if expect_versions and len(expect_versions) != len(coding_ids):
        raise CmoError(f"{len(coding_ids)} coding(s) but {len(expect_versions)} --expect-version: give one per "
                       "coding, in the same order")
    with open_project(project) as p:
        expected = dict(zip(coding_ids, expect_versions, strict=True)) if expect_versions else None
        n = service.remove_codings(p, list(coding_ids), actor=coder, expect_versions=expected)
    click.echo(f"removed {n} coding(s)")


@code.command("list")
@project_argument
@click.option("--transcript", default=None)
@click.option("--pt", default=None)
@click.option("--component", default=None)
@click.option("--stance", default=None)
@click.option("--participant", default=None, help="Study label of the speaker, e.g. SP10.")
@click.option("--role", default=None, help="staff, service_user, carer or facilitator.")
@click.option("--site", default=None, help="Site or case study letter, e.g. C.")
@click.option("--coder", default=None)
@click.option("--element", default=None)
@click.option("--stale-version", is_flag=True,
              help="Only codings coded against an earlier version of their PT (or moved by a theory change) "
                   "that no coder has confirmed ('code confirm') or moved ('code edit') since.")
@json_option
def code_list(project: ProjectRef, as_json: bool, stale_version: bool, **filters: Any) -> None:
    """List codings in document order with their speakers' attributions and the PT version coded against."""
    with open_project(project) as p:
        views = service.list_codings(p, **filters)
        against = versions_coded_against(p)  # every coding in the project, whatever the filters
    if stale_version:
        views = [v for v in views if against[v.coding.id][1]]
    if not views:
        _say_why_none(len(against), filters, stale_version)
    if as_json:
        emit_json([v.item().model_copy(update={"coded_against": against[v.coding.id][0],
                                               "stale": against[v.coding.id][1]}).model_dump(mode="json")
                   for v in views])
        return
    for v in views:
        coded, stale = against[v.coding.id]
        click.echo(_line(v) + (f"  [coded against {coded}; not confirmed since]" if stale else f"  [{coded}]"))
    info(f"{len(views)} coding(s)" + (" coded against an earlier version" if stale_version else ""))


def _say_why_none(held: int, filters: dict[str, Any], stale_version: bool) -> None:
    """An empty list said in words on stderr (stdout stays empty, as a data stream): a project with no codings
    and a filter nothing matches look alike on the screen, and a new user asking "what do carers say" of a
    project nobody has coded yet was shown nothing at all."""
    asked = [f"--{k.replace('_', '-')} {v}" for k, v in filters.items() if v is not None]
    asked += ["--stale-version"] if stale_version else []
    if not held:
        info("no codings: nothing in this project is coded yet (code a stretch with 'cmo-coder code add', or "
             "bring a table in with 'cmo-coder code import')")
    else:
        info(f"no coding matches {' '.join(asked)}: the project holds {held} coding(s)")


@code.command("confirm")
@project_argument
@click.argument("coding_ids", nargs=-1, required=True)
@coder_option
def code_confirm(project: ProjectRef, coding_ids: tuple[str, ...], coder: str | None) -> None:
    """Confirm codings against their PT's current version after a theory change (all or none)."""
    with open_project(project) as p:
        n = confirm_codings(p, list(coding_ids), actor=coder)
    click.echo(f"confirmed {n} coding(s) against the current version of their programme theory")


@code.command("import")
@project_argument
@click.argument("table", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["auto", "csv", "jsonl"]), default="auto", show_default=True)
@click.option("--configurations", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="configurations.csv (name,pt,judgement,rationale) for the cmoc column's names.")
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows and list the others, instead of refusing.")
@click.option("--allow-cross-turn", is_flag=True)
@coder_option
@json_option
def code_import(project: ProjectRef, table: Path, fmt: str, configurations: Path | None, skip_invalid: bool,
                allow_cross_turn: bool, coder: str | None, as_json: bool) -> None:
    """Import codings (and configurations) from a CSV or JSON Lines TABLE, validated row by row."""
    with open_project(project) as p, row_progress(f"importing {table.name}") as progress:
        report = import_table(p, table, fmt=fmt, configurations=configurations, skip_invalid=skip_invalid,
                              allow_cross_turn=allow_cross_turn, coder=coder, progress=progress)
    if as_json:
        emit_json(report.as_dict())
        return
    for s in report.skipped:
        warn(f"skipped {s}")
    present = report.already_present + report.configurations_already_present
    click.echo(f"imported {report.codings} coding(s) and {report.configurations} configuration(s) "
               f"from {report.rows} row(s) of {table}"
               + (f"; {report.already_present} coding(s) and {report.configurations_already_present} "
                  "configuration(s) were already in the project (skipped)" if present else ""))


@code.command("export")
@project_argument
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help="File (default: stdout).")
@click.option("--configurations", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write configurations.csv (name,pt,judgement,rationale) here.")
@click.option("--transcript", "transcript_id", default=None)
@click.option("--pt", default=None)
@click.option("--coder", default=None)
def code_export(project: ProjectRef, fmt: str, out: Path | None, configurations: Path | None, transcript_id: str | None,
                pt: str | None, coder: str | None) -> None:
    """Export codings in the import format (round trip exact)."""
    with open_project(project) as p:
        text = export_table(p, fmt, out=out, configurations=configurations,  # type: ignore[arg-type]
                            transcript_id=transcript_id, pt=pt, coder=coder)
    if out is None:
        sys.stdout.write(text)
    else:
        info(f"wrote {out}")


@code.command("summary")
@project_argument
@coders_filter_option
@json_option
def code_summary(project: ProjectRef, coders: tuple[str, ...], as_json: bool) -> None:
    """Codings per programme theory: by component, stance, transcripts, configurations."""
    from ..query.filters import resolve_coders

    with open_project(project) as p:
        rows = service.summary(p, resolve_coders(p, coders))
    if as_json:
        emit_json(rows)
        return
    head = f"{'PT':<6}{'codings':>8}{'C':>5}{'Mres':>6}{'Mresp':>7}{'O':>5}{'PT-lvl':>8}"
    head += f"{'sup':>5}{'ref':>5}{'rfn':>5}{'srcs':>6}{'CMOCs':>7}  title"
    click.echo(head)
    for r in rows:
        click.echo(
            f"{r['pt']:<6}{r['codings']:>8}{r['context']:>5}{r['mechanism_resource']:>6}"
            f"{r['mechanism_response']:>7}{r['outcome']:>5}{r['pt_level']:>8}"
            f"{r['supports']:>5}{r['refutes']:>5}{r['refines']:>5}{r['transcripts']:>6}{r['configurations']:>7}"
            f"  {r['title']}"
        )


# -- configurations ---------------------------------------------------------------------------------


@click.group()
def cmoc() -> None:
    """Link codings of one programme theory into context–mechanism–outcome configurations."""


@cmoc.command("add")
@project_argument
@click.option("--pt", required=True)
@click.option("--context", "contexts", multiple=True, help="Coding id in the context role (repeatable).")
@click.option("--resource", "resources", multiple=True, help="Coding id in the mechanism-resource role.")
@click.option("--response", "responses", multiple=True, help="Coding id in the mechanism-response role.")
@click.option("--outcome", "outcomes", multiple=True, help="Coding id in the outcome role.")
@click.option("--name", default=None, help="Name (default: PT3-1, PT3-2, …).")
@click.option("--judgement", default=None, help="confirm, refute or refine.")
@click.option("--rationale", default=None)
@coder_option
@json_option
def cmoc_add(project: ProjectRef, pt: str, contexts: tuple[str, ...], resources: tuple[str, ...],
             responses: tuple[str, ...], outcomes: tuple[str, ...], name: str | None, judgement: str | None,
             rationale: str | None, coder: str | None, as_json: bool) -> None:
    """Add a configuration of two or more codings (dyads, triads, full chains)."""
    members: list[tuple[str, Component | str]] = [
        *((i, Component.context) for i in contexts), *((i, Component.mechanism_resource) for i in resources),
        *((i, Component.mechanism_response) for i in responses), *((i, Component.outcome) for i in outcomes),
    ]
    with open_project(project) as p:
        config = service.add_configuration(p, pt=pt, members=members, name=name, judgement=judgement,
                                           rationale=rationale, coder=coder)
    if as_json:
        emit_json(config.model_dump(mode="json"))
    else:
        click.echo(f"added configuration {config.id} {config.name!r} ({config.pt}, {len(config.members)} codings)")


@cmoc.command("list")
@project_argument
@click.option("--pt", default=None)
@json_option
def cmoc_list(project: ProjectRef, pt: str | None, as_json: bool) -> None:
    """List configurations."""
    with open_project(project) as p:
        configs = [c.model_copy(update={"members": service.chain_order(c.members)})
                   for c in p.configurations(service.resolve_code(p, pt, None)[0] if pt is not None else None)]
    if as_json:
        emit_json([c.model_dump(mode="json") for c in configs])
        return
    for c in configs:
        roles = " → ".join(m.role.short for m in c.members)
        judgement = c.judgement.value if c.judgement else "-"
        click.echo(f"{c.id}  {c.pt}  {c.name}  [{roles}]  {judgement}  ({c.coder})")
    info(f"{len(configs)} configuration(s)")


@cmoc.command("show")
@project_argument
@click.argument("ref")
@json_option
def cmoc_show(project: ProjectRef, ref: str, as_json: bool) -> None:
    """Show a configuration (by id or name) with its codings and who said them."""
    with open_project(project) as p:
        shown = service.show_configuration(p, ref)
    if as_json:
        emit_json(shown)
        return
    click.echo(f"{shown['id']}  {shown['pt']}  {shown['name']}  judgement: {shown['judgement'] or '-'}")
    if shown["rationale"]:
        click.echo(f"  rationale: {shown['rationale']}")
    for member in shown["members"]:
        m = member["coding"]
        who = f" — {m['attribution']}" if m["attribution"] else ""
        click.echo(f"  {member['role']:<20} {m['id']}  {m['transcript_id']} {m['start']}:{m['end']}  "
                   f"“{' '.join(m['text'].split())[:80]}”{who}")


@cmoc.command("remove")
@project_argument
@click.argument("ref")
@coder_option
def cmoc_remove(project: ProjectRef, ref: str, coder: str | None) -> None:
    """Remove a configuration (its codings stay)."""
    with open_project(project) as p:
        config = service.remove_configuration(p, ref, actor=coder)
    click.echo(f"removed configuration {config.id} {config.name!r}")


# -- markup -------------------------------------------------------------------------------------------


@click.group()
def markup() -> None:
    """Import reports and notes with inline realist markup."""


@markup.command("import")
@project_argument
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--pt", default=None, help="Programme theory until a heading such as 'Refined programme theory 3:'.")
@click.option("--id", "transcript_id", default=None, help="Source id (default: from the file name).")
@click.option("--title", default=None)
@coder_option
@json_option
def markup_import(project: ProjectRef, file: Path, pt: str | None, transcript_id: str | None, title: str | None,
                  coder: str | None, as_json: bool) -> None:
    """Import FILE as a source of its own, coding its tagged clauses and attributed quotes.

    The text is stored as written (minus tags and attributions) without anonymisation: use this
    for published reports and already anonymised notes only; interviews go through ingest and
    anonymise.
    """
    with open_project(project) as p:
        report = import_markup(p, file, pt=pt, transcript_id=transcript_id, title=title, coder=coder)
    if as_json:
        emit_json(report.as_dict())
        return
    for note in report.notes:
        warn(note)
    c = report.census
    click.echo(f"imported {file} as {report.transcript}")
    click.echo(f"  tags:          {report.clauses_found} recovered of {c['tags']} counted "
               f"→ {report.clause_codings} component codings")
    click.echo(f"  attributions:  {report.quotes_found} attributed quotes recovered "
               f"({c['attribution_lines']} attribution lines and about {c['inline_attributions']} inline "
               f"attributions counted) → {report.quote_codings} PT-level codings")
    click.echo(f"  participants:  {len(report.participants_added)} added, {report.turns} quote turns")
    click.echo("  per PT:        " + ", ".join(f"{k} {v}" for k, v in sorted(report.per_pt.items())))


# -- agreement ----------------------------------------------------------------------------------------


@click.command()
@project_argument
@click.option("--coders", required=True, multiple=True, help="Coders to compare: --coders A --coders B, or 'A B'.")
@click.argument("more_coders", nargs=-1)
@click.option("--by", type=click.Choice(["pt", "component", "transcript"]), default=None)
@click.option("--transcript", "transcripts", multiple=True, help="Only these sources (repeatable).")
@click.option("--pt", "pts", multiple=True, help="Only these programme theories (repeatable).")
@click.option("--disagreements", "show_disagreements", type=int, default=20, show_default=True,
              help="How many disagreements to print (0: none; --json lists all).")
@click.option("--with-stance", is_flag=True,
              help="Make the stance part of the code: 'supports' against 'refutes' on one span is a disagreement.")
@json_option
def agreement(project: ProjectRef, coders: tuple[str, ...], more_coders: tuple[str, ...], by: str | None,
              transcripts: tuple[str, ...], pts: tuple[str, ...], show_disagreements: int, with_stance: bool,
              as_json: bool) -> None:
    """Percentage agreement, Cohen's kappa (NVivo's method) and Krippendorff's alpha between coders."""
    names = [n for c in (*coders, *more_coders) for n in c.split()]
    with open_project(project) as p:
        cmp = agreement_mod.compare(p, names, by=by, transcripts=list(transcripts) or None, pts=list(pts) or None,
                                    with_stance=with_stance)
    if as_json:
        emit_json(cmp.as_dict())
        return
    o = cmp.overall
    alpha = "n/a" if o.alpha is None else f"{o.alpha:.3f}"
    click.echo(f"coders {', '.join(cmp.coders)}: {len(cmp.rows)} code–source pair(s) in {cmp.transcripts} source(s)")
    click.echo(f"agreement {100 * o.agreement:.2f}%   kappa {o.kappa:.3f}   alpha {alpha}")
    if cmp.groups:
        click.echo("")
        click.echo(f"{by:<14}{'pairs':>6}{'agree %':>10}{'kappa':>8}{'alpha':>8}")
        for g in cmp.groups:
            ga = "n/a" if g.alpha is None else f"{g.alpha:.3f}"
            click.echo(f"{g.group:<14}{g.rows:>6}{100 * g.agreement:>10.2f}{g.kappa:>8.3f}{ga:>8}")
    if show_disagreements and cmp.disagreements:
        click.echo("")
        n, shown = len(cmp.disagreements), min(show_disagreements, len(cmp.disagreements))
        count = f"first {shown} of {n}" if shown < n else f"{n}"
        skipped = f"; {cmp.slivers} sliver(s) shorter than a word left out" if cmp.slivers else ""
        click.echo(f"disagreements ({count}; coded by one coder only{skipped}):")
        for d in cmp.disagreements[:show_disagreements]:
            click.echo(f"  {d.transcript} {d.start}:{d.end} {d.code:<10} {'+'.join(d.coded_by):<12} “{d.text[:70]}”")
    click.echo("")
    click.echo(agreement_mod.methods_paragraph(cmp))


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""
    from .consensus_cmds import consensus

    code.add_command(consensus)
    cli.add_command(code)
    cli.add_command(cmoc)
    cli.add_command(markup)
    cli.add_command(agreement)
