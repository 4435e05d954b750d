"""Commands that create, describe and configure a project: ``init``, ``status`` and ``config``."""

from __future__ import annotations

import click

from .. import codebook as codebook_io
from ..coding.attribution_style import AttributionStyle, set_style, style_of
from ..errors import CmoError
from ..model import Participant, Role
from ..store import Project
from .options import ProjectRef, json_option, open_project, project_argument
from .output import emit_json


@click.command()
@project_argument
@click.option(
    "--codebook", "codebook_ref", required=True,
    help="Codebook YAML file, or the name of a shipped codebook ('reco', 'tiny').",
)
def init(project: ProjectRef, codebook_ref: str) -> None:
    """Create a new project folder PROJECT with a codebook of programme theories."""
    cb = codebook_io.load(codebook_ref)
    Project.create(project, cb).close()
    click.echo(f"created project {project} with codebook '{cb.name}' ({len(cb.programme_theories)} programme theories)")


@click.command()
@project_argument
@json_option
def status(project: ProjectRef, as_json: bool) -> None:
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


#: setting name → what it is, for ``config`` without a value
SETTINGS = {"attribution": "how attributions name a site: {site} where its letter or number goes; '' for none"}


def _example(style: AttributionStyle) -> str:
    return style.attribution(Participant(label="P36", role=Role.carer, site="B"))


@click.command("config")
@project_argument
@click.argument("key", required=False)
@click.argument("value", required=False)
@json_option
def config(project: ProjectRef, key: str | None, value: str | None, as_json: bool) -> None:
    """Show or change a project setting: KEY alone shows it, KEY VALUE sets it.

    attribution: how quotes' attributions name a site, e.g. 'Site {site}' or 'Trust {site}'
    ('' for no site); the default is the RECO study's 'Case Study {site}'.
    """
    if key is not None and key not in SETTINGS:
        raise CmoError(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    with open_project(project, read_only=value is None) as p:
        style = set_style(p, value) if value is not None else style_of(p)
    if as_json:
        emit_json({"attribution": style.site_format, "example": _example(style)})
        return
    prefix = "set " if value is not None else ""
    click.echo(f"{prefix}attribution  {style.shown!r}  (e.g. {_example(style)})")


def register(cli: click.Group) -> None:
    cli.add_command(init)
    cli.add_command(status)
    cli.add_command(config)
