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


def open_project(path: Path, read_only: bool | None = None) -> Project:
    """Open PROJECT; ``read_only=True`` for commands that only read (they then work on write-protected copies)."""
    return Project.open(path, read_only=read_only)
