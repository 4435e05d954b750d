"""Options and argument types that several commands share."""

from __future__ import annotations

from pathlib import Path

import click

from ..store import Project

project_argument = click.argument("project", type=click.Path(path_type=Path, file_okay=False))
secure_option = click.option(
    "--secure", "secure", type=click.Path(path_type=Path, file_okay=False), required=True,
    help="The secure folder holding identifying data (originals, key, decisions). Never inside the project.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
coder_option = click.option(
    "--coder", default=None, help="Who makes this change (default: $CMO_CODER_USER or your login name)."
)

coders_filter_option = click.option(
    "--coder", "coders", multiple=True,
    help="Only codings by this coder (repeatable), e.g. --coder consensus after code consensus.",
)


#: Commands that only read the project database. They open it read-only (SQLite ``mode=ro``),
#: so they work on a write-protected copy or share and cannot change a project by accident.
#: (Caches and outputs they write live outside the database.)
READ_ONLY_COMMANDS = frozenset({
    "status", "show", "transcripts", "code list", "code export", "code summary", "cmoc list", "cmoc show",
    "evidence", "matrix", "graph", "which-pt", "report", "agreement", "leakcheck", "export",
    "theory show", "theory history", "theory diff", "memo list", "memo show",
})


def _running_command() -> str | None:
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    return " ".join(ctx.command_path.split()[1:])


def open_project(path: Path, read_only: bool | None = None) -> Project:
    """Open PROJECT: read-only for the commands that only read, otherwise as its permissions allow."""
    if read_only is None and _running_command() in READ_ONLY_COMMANDS:
        read_only = True
    return Project.open(path, read_only=read_only)
