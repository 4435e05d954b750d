"""``cmo-coder db``: where a project's database is, and moving a project between SQLite and PostgreSQL."""

from __future__ import annotations

import click

from ..store.copy import copy_project
from .options import ProjectParam, ProjectRef, json_option, open_project, project_argument
from .output import emit_json, info


@click.group()
def db() -> None:
    """The project's database: its engine and schema, and copies between a folder and PostgreSQL."""


@db.command("copy")
@click.argument("source", type=ProjectParam(), metavar="SOURCE")
@click.argument("target", type=ProjectParam(), metavar="TARGET")
@json_option
def db_copy(source: ProjectRef, target: ProjectRef, as_json: bool) -> None:
    """Copy the project SOURCE into TARGET, each a project folder or a database URL.

    The target must be new (a missing or empty folder, or a database with no tables). Everything in the
    database is copied exactly (ids, codings, configurations, theory versions, memos, the audit log with its
    numbers and times), checked by reading it back before it commits. Caches and a trained suggester stay
    behind: they are rebuilt on the target.
    """
    report = copy_project(source, target)
    if as_json:
        emit_json(report.as_dict())
        return
    counts = report.rows
    click.echo(f"copied {report.source} -> {report.target}: {counts['transcripts']} transcripts, "
               f"{counts['codings']} codings, {counts['configurations']} configurations, "
               f"{counts['notes']} notes, {counts['audit']} audit entries")
    info("the trained suggester (if any) is not copied: run 'cmo-coder suggest train' on the target")


@db.command("status")
@project_argument
@json_option
def db_status(project: ProjectRef, as_json: bool) -> None:
    """Which engine holds PROJECT, where (passwords masked), and its schema version."""
    with open_project(project, read_only=True) as p:
        data = {
            "engine": p.conn.dialect,
            "location": p.location.display,
            "schema_version": p.schema_version,
            "local_files": str(p.path),
        }
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        click.echo(f"{key:<15}{value}")


def register(cli: click.Group) -> None:
    cli.add_command(db)
