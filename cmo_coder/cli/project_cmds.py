"""Commands that create and describe a project: ``init`` and ``status``."""

from __future__ import annotations

from pathlib import Path

import click

from .. import codebook as codebook_io
from ..store import Project
from .options import json_option, open_project, project_argument
from .output import emit_json


@click.command()
@project_argument
@click.option(
    "--codebook", "codebook_ref", required=True,
    help="Codebook YAML file, or the name of a shipped codebook ('reco', 'tiny').",
)
def init(project: Path, codebook_ref: str) -> None:
    """Create a new project folder PROJECT with a codebook of programme theories."""
    cb = codebook_io.load(codebook_ref)
    Project.create(project, cb).close()
    click.echo(f"created project {project} with codebook '{cb.name}' ({len(cb.programme_theories)} programme theories)")


@click.command()
@project_argument
@json_option
def status(project: Path, as_json: bool) -> None:
    """Counts of transcripts, participants and codings per programme theory."""
    with open_project(project, read_only=True) as p:
        st = p.status()
    if as_json:
        emit_json(st)
        return
    click.echo(f"project      {st['project']}")
    click.echo(f"codebook     {st['codebook']['name']} ({st['codebook']['programme_theories']} PTs)")
    t = st["transcripts"]
    click.echo(f"transcripts  {t['total']} ({t['signed_off']} signed off, {t['pending']} awaiting anonymisation)")
    roles = ", ".join(f"{n} {r}" for r, n in st["participants"]["by_role"].items()) or "none"
    click.echo(f"participants {st['participants']['total']} ({roles})")
    click.echo(f"codings      {st['codings']}, configurations {st['configurations']}")
    click.echo("")
    click.echo(f"{'PT':<6}{'codings':>8}{'supports':>10}{'refutes':>9}{'refines':>9}{'CMOCs':>7}")
    for pt, c in st["per_pt"].items():
        click.echo(
            f"{pt:<6}{c['codings']:>8}{c['supports']:>10}{c['refutes']:>9}{c['refines']:>9}{c['configurations']:>7}"
        )


def register(cli: click.Group) -> None:
    cli.add_command(init)
    cli.add_command(status)
