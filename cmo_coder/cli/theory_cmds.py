"""``theory``: show and refine the programme theories, each change a recorded, argued version.

A thin layer over :mod:`cmo_coder.theory.service`: the Python API checks and does the work,
so scripts and the command line refuse the same things in the same words.
"""

from __future__ import annotations

import click

from ..theory import service
from ..theory.diff import diff_versions, render_words
from ..theory.model import PTVersion, TheoryHistory
from ..theory.store import history, latest
from .options import ProjectRef, coder_option, json_option, open_project, project_argument
from .output import emit_json

because_option = click.option("--because", required=True, help="Why: the rationale recorded with the new version.")
evidence_option = click.option(
    "--evidence", multiple=True,
    help="Coding or CMOC id that motivated the change (repeatable; or several in one quoted value).")


def _evidence(values: tuple[str, ...]) -> list[str]:
    return [v for value in values for v in value.replace(",", " ").split()]


def _describe(v: PTVersion) -> list[str]:
    lines = [f"{v.pt} v{v.version}  {v.title}" + ("  (retired)" if v.retired else ""),
             f"  {v.statement}"]
    lines += [f"  {e.id:<10} {e.component.short:<6} {e.statement}" + (f"  [{e.tag}]" if e.tag else "")
              for e in v.elements]
    return lines


def _changed(versions: list[PTVersion]) -> None:
    for v in versions:
        what = "retired" if v.retired else f"now v{v.version}"
        click.echo(f"{v.pt} {what} ({v.change.value}: {v.rationale})")


@click.group()
def theory() -> None:
    """Show and refine the programme theories: every change a new version with its rationale and evidence."""


@theory.command("show")
@project_argument
@click.argument("pt", required=False)
@json_option
def theory_show(project: ProjectRef, pt: str | None, as_json: bool) -> None:
    """Print the codebook: each PT's current version, statement and element ids (or one PT)."""
    with open_project(project) as p:
        current = [v for v in latest(p).values() if not v.retired]
        if pt is not None:
            wanted = service.resolve_pt(p, pt)
            current = [v for v in current if v.pt == wanted]
    if as_json:
        emit_json([v.model_dump(mode="json") for v in current])
        return
    for i, v in enumerate(current):
        if i:
            click.echo("")
        for line in _describe(v):
            click.echo(line)


@theory.command("history")
@project_argument
@click.argument("pt")
@json_option
def theory_history(project: ProjectRef, pt: str, as_json: bool) -> None:
    """Every version of PT, oldest first, with who changed it, when, why and on what evidence."""
    with open_project(project) as p:
        versions = history(p, service.any_pt(p, pt))
    if as_json:
        emit_json(TheoryHistory(pt=versions[0].pt, versions=versions).model_dump(mode="json"))
        return
    for v in versions:
        click.echo(f"v{v.version}  {v.at}  {v.author}  {v.change.value}" + ("  (retired)" if v.retired else ""))
        click.echo(f"    {v.statement}")
        if v.rationale:
            click.echo(f"    because: {v.rationale}")
        if v.evidence:
            click.echo(f"    evidence: {', '.join(v.evidence)}")
        for src, dst in sorted(v.moves.items()):
            click.echo(f"    {src} → {dst}")


@theory.command("diff")
@project_argument
@click.argument("pt")
@click.argument("old", type=int, required=False)
@click.argument("new", type=int, required=False)
@json_option
def theory_diff(project: ProjectRef, pt: str, old: int | None, new: int | None, as_json: bool) -> None:
    """Word-level diff of PT between versions OLD and NEW (default: the first and the current one).

    Deleted words print as [-words-], inserted ones as {+words+}.
    """
    if (old is None) != (new is None):
        raise click.UsageError("give two versions (e.g. 1 3) or none")
    versions = (old, new) if old is not None and new is not None else ()
    with open_project(project) as p:
        all_v = history(p, service.any_pt(p, pt))
    by_number = {v.version: v for v in all_v}
    a, b = versions if versions else (all_v[0].version, all_v[-1].version)
    for n in (a, b):
        if n not in by_number:
            raise click.UsageError(f"{all_v[0].pt} has versions 1 to {all_v[-1].version}, not {n}")
    lo, hi = min(a, b), max(a, b)
    d = diff_versions(by_number[a], by_number[b], [v for v in all_v if lo < v.version <= hi])
    if as_json:
        emit_json(d.model_dump(mode="json"))
        return
    click.echo(f"{d.pt} v{d.old} → v{d.new}")
    if any(w.op != "equal" for w in d.title):
        click.echo(f"title:     {render_words(d.title)}")
    click.echo(f"statement: {render_words(d.statement)}")
    for e in d.elements:
        other = f" ({'to' if e.change == 'moved_out' else 'from'} {e.other})" if e.other else ""
        text = render_words(e.words) if e.words else e.statement
        click.echo(f"  {e.change:<10} {e.element}{other}: {text}")
    if not d.elements and all(w.op == "equal" for w in (*d.title, *d.statement)):
        click.echo("  no change")


@theory.command("revise")
@project_argument
@click.argument("pt")
@click.option("--statement", default=None, help="The PT's new statement.")
@click.option("--title", default=None, help="The PT's new title.")
@because_option
@evidence_option
@coder_option
@json_option
def theory_revise(project: ProjectRef, pt: str, statement: str | None, title: str | None, because: str,
                  evidence: tuple[str, ...], coder: str | None, as_json: bool) -> None:
    """Reword PT's statement or title: a new version; the old one is kept."""
    with open_project(project) as p:
        out = service.revise(p, pt, statement=statement, title=title, because=because,
                             evidence=_evidence(evidence), actor=coder)
    _report(out, as_json)


@theory.command("add")
@project_argument
@click.option("--id", "pt_id", required=True, help="The new PT's id, e.g. PT12 (never a retired one's).")
@click.option("--title", required=True)
@click.option("--statement", required=True)
@because_option
@evidence_option
@coder_option
@json_option
def theory_add(project: ProjectRef, pt_id: str, title: str, statement: str, because: str, evidence: tuple[str, ...],
               coder: str | None, as_json: bool) -> None:
    """Add a programme theory the evidence suggested."""
    with open_project(project) as p:
        out = service.add_pt(p, pt_id, title=title, statement=statement, because=because,
                             evidence=_evidence(evidence), actor=coder)
    _report(out, as_json)


@theory.command("add-element")
@project_argument
@click.argument("pt")
@click.option("--component", required=True, help="context, mechanism_resource, mechanism_response, outcome "
                                                  "(or C, Mres, Mresp, O).")
@click.option("--statement", required=True)
@click.option("--tag", default=None, help="The authors' own inline tag, e.g. 'proximal outcomes'.")
@because_option
@evidence_option
@coder_option
@json_option
def theory_add_element(project: ProjectRef, pt: str, component: str, statement: str, tag: str | None, because: str,
                       evidence: tuple[str, ...], coder: str | None, as_json: bool) -> None:
    """Add an element to PT (it gets the next free id, e.g. PT3.MP2)."""
    with open_project(project) as p:
        out = service.add_element(p, pt, component=component, statement=statement, tag=tag, because=because,
                                  evidence=_evidence(evidence), actor=coder)
    _report(out, as_json)


@theory.command("edit-element")
@project_argument
@click.argument("element")
@click.option("--statement", default=None)
@click.option("--tag", default=None)
@because_option
@evidence_option
@coder_option
@json_option
def theory_edit_element(project: ProjectRef, element: str, statement: str | None, tag: str | None, because: str,
                        evidence: tuple[str, ...], coder: str | None, as_json: bool) -> None:
    """Reword ELEMENT (e.g. PT3.MR1): a new version of its PT."""
    with open_project(project) as p:
        out = service.edit_element(p, element, statement=statement, tag=tag, because=because,
                                   evidence=_evidence(evidence), actor=coder)
    _report(out, as_json)


@theory.command("retire-element")
@project_argument
@click.argument("element")
@click.option("--move-to", default=None, help="Element (same component) that takes over ELEMENT's codings.")
@because_option
@evidence_option
@coder_option
@json_option
def theory_retire_element(project: ProjectRef, element: str, move_to: str | None, because: str,
                          evidence: tuple[str, ...], coder: str | None, as_json: bool) -> None:
    """Retire ELEMENT from its PT; its codings, if any, move to --move-to."""
    with open_project(project) as p:
        out = service.retire_element(p, element, move_to=move_to, because=because,
                                     evidence=_evidence(evidence), actor=coder)
    _report(out, as_json)


@theory.command("split")
@project_argument
@click.argument("pt")
@click.option("--into", "new_pt", required=True, help="Id of the new PT, e.g. PT12.")
@click.option("--element", "elements", multiple=True, required=True,
              help="Element of PT that moves to the new PT, with its codings (repeatable).")
@click.option("--title", required=True, help="The new PT's title.")
@click.option("--statement", required=True, help="The new PT's statement.")
@because_option
@evidence_option
@coder_option
@json_option
def theory_split(project: ProjectRef, pt: str, new_pt: str, elements: tuple[str, ...], title: str, statement: str,
                 because: str, evidence: tuple[str, ...], coder: str | None, as_json: bool) -> None:
    """Split PT: the given elements (and their codings) become a new PT."""
    with open_project(project) as p:
        out = service.split(p, pt, new_pt=new_pt, elements=list(elements), title=title, statement=statement,
                            because=because, evidence=_evidence(evidence), actor=coder)
    _report(out, as_json)


@theory.command("merge")
@project_argument
@click.argument("sources", nargs=-1, required=True)
@click.option("--into", required=True, help="The PT (or element) that the SOURCES merge into.")
@click.option("--statement", default=None, help="A new statement for the PT merged into.")
@click.option("--title", default=None)
@because_option
@evidence_option
@coder_option
@json_option
def theory_merge(project: ProjectRef, sources: tuple[str, ...], into: str, statement: str | None, title: str | None,
                 because: str, evidence: tuple[str, ...], coder: str | None, as_json: bool) -> None:
    """Merge PTs into one PT (their elements, codings and CMOCs move; they retire),
    or elements into one element (they retire; their codings move)."""
    with open_project(project) as p:
        out = service.merge(p, list(sources), into=into, statement=statement, title=title, because=because,
                            evidence=_evidence(evidence), actor=coder)
    _report(out, as_json)


def _report(versions: list[PTVersion], as_json: bool) -> None:
    if as_json:
        emit_json([v.model_dump(mode="json") for v in versions])
    else:
        _changed(versions)


def register(cli: click.Group) -> None:
    cli.add_command(theory)
