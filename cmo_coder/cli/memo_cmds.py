"""``memo``: notes on a transcript, coding, programme theory or CMOC (or the study as a whole)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..memo import service
from ..model.note import ProjectNote
from .options import ProjectRef, coder_option, json_option, open_project, project_argument
from .output import emit_json, info


def target_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed((
        click.option("--transcript", default=None, help="About this transcript."),
        click.option("--coding", default=None, help="About this coding (cod-…)."),
        click.option("--pt", default=None, help="About this programme theory, e.g. PT3."),
        click.option("--cmoc", default=None, help="About this configuration (id or name)."),
    )):
        f = opt(f)
    return f


def _about(m: ProjectNote) -> str:
    return f"{m.target_kind.value} {m.target_id}" if m.target_kind else "study"


@click.group()
def memo() -> None:
    """Memos on a transcript, coding, programme theory or CMOC; they appear in evidence, report and QDPX."""


@memo.command("add")
@project_argument
@target_options
@click.option("--text", required=True, help="The memo.")
@click.option("--title", default=None, help="Default: the memo's first words.")
@coder_option
@json_option
def memo_add(project: ProjectRef, transcript: str | None, coding: str | None, pt: str | None, cmoc: str | None,
             text: str,
             title: str | None, coder: str | None, as_json: bool) -> None:
    """Write a memo (about the study as a whole when no target is given)."""
    with open_project(project) as p:
        m = service.add_memo(p, text, title=title, transcript=transcript, coding=coding, pt=pt, cmoc=cmoc,
                             actor=coder)
    if as_json:
        emit_json(m.model_dump(mode="json"))
    else:
        click.echo(f"added memo {m.id} on {_about(m)}")


@memo.command("list")
@project_argument
@target_options
@json_option
def memo_list(project: ProjectRef, transcript: str | None, coding: str | None, pt: str | None, cmoc: str | None,
              as_json: bool) -> None:
    """List memos, or those about one target."""
    with open_project(project) as p:
        memos = service.list_memos(p, transcript=transcript, coding=coding, pt=pt, cmoc=cmoc)
    if as_json:
        emit_json([m.model_dump(mode="json") for m in memos])
        return
    for m in memos:
        click.echo(f"{m.id}  {_about(m):<24} {m.author or '-'}  {m.title}")
    info(f"{len(memos)} memo(s)")


@memo.command("show")
@project_argument
@click.argument("memo_id")
@json_option
def memo_show(project: ProjectRef, memo_id: str, as_json: bool) -> None:
    """Print one memo."""
    with open_project(project) as p:
        m = service.show_memo(p, memo_id)
    if as_json:
        emit_json(m.model_dump(mode="json"))
        return
    click.echo(f"{m.id}  on {_about(m)}  by {m.author or '-'}  {m.updated_at:%Y-%m-%d %H:%M}" if m.updated_at
               else f"{m.id}  on {_about(m)}")
    click.echo(m.title)
    click.echo("")
    click.echo(m.body)


@memo.command("edit")
@project_argument
@click.argument("memo_id")
@click.option("--text", default=None)
@click.option("--title", default=None)
@coder_option
def memo_edit(project: ProjectRef, memo_id: str, text: str | None, title: str | None, coder: str | None) -> None:
    """Rewrite a memo's text or title (the audit log records the edit)."""
    with open_project(project) as p:
        m = service.edit_memo(p, memo_id, text=text, title=title, actor=coder)
    click.echo(f"edited memo {m.id} on {_about(m)}")


def register(cli: click.Group) -> None:
    cli.add_command(memo)
