"""Options and argument types that several commands share."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..errors import CmoError
from ..store import Project
from ..store.location import Location, looks_like_url, parse
from ..store.secure import PROJECT_DB
from .hardening import NamedPath

#: what a command's PROJECT is: a folder (SQLite) or a database's :class:`Location` (PostgreSQL)
ProjectRef = Path | Location

#: the environment variable naming the project database when neither PROJECT nor --db is given
DB_ENV = "CMO_CODER_DB"


class ProjectParam(click.ParamType):
    """PROJECT: a project folder, or a database URL (``postgresql://user:password@host/db``)."""

    name = "project"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> ProjectRef:
        if isinstance(value, (Path, Location)):
            return value
        text = str(value)
        if not looks_like_url(text):
            if Path(text).is_file():
                # "leakcheck study.qdpx --secure s": the file given where the project goes
                command = ctx.command_path if ctx is not None else "cmo-coder COMMAND"
                self.fail(f"{text!r} is a file, not a project: PROJECT is the project folder (or its database "
                          f"URL) and comes first ({command} PROJECT …)", param, ctx)
            folder: Path = NamedPath(click.Path(path_type=Path, file_okay=False)).convert(value, param, ctx)
            return folder
        if "\x00" in text:
            self.fail("a database URL cannot hold a NUL character", param, ctx)
        try:
            return parse(text)
        except CmoError as exc:
            self.fail(str(exc), param, ctx)


project_argument = click.argument("project", type=ProjectParam(), metavar="PROJECT")

DB_HELP = (f"The project's database URL instead of a PROJECT folder, e.g. postgresql://coder@host/study "
           f"(default: ${DB_ENV} when no PROJECT is given).")
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
    "theory show", "theory history", "theory diff", "memo list", "memo show", "db status",
})


def _running_command() -> str | None:
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return None
    return " ".join(ctx.command_path.split()[1:])


def open_project(path: ProjectRef, read_only: bool | None = None) -> Project:
    """Open PROJECT: read-only for the commands that only read, otherwise as its permissions allow."""
    if read_only is None and _running_command() in READ_ONLY_COMMANDS:
        read_only = True
    return Project.open(path, read_only=read_only)


def pop_db(args: list[str]) -> tuple[str | None, list[str]]:
    """``--db URL`` / ``--db=URL`` taken out of a command line (not after ``--``)."""
    out: list[str] = []
    db: str | None = None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            out += args[i:]
            break
        if a == "--db":
            if i + 1 >= len(args):
                raise click.UsageError("option '--db' requires a database URL")
            db = args[i + 1]
            i += 2
            continue
        if a.startswith("--db="):
            db = a[len("--db="):]
            i += 1
            continue
        out.append(a)
        i += 1
    return db, out


def _first_positional(command: click.Command, ctx: click.Context, args: list[str]) -> str | None:
    """What click would take as PROJECT from these arguments (None if nothing)."""
    try:
        parser = command.make_parser(ctx)
        opts, _, _ = parser.parse_args(args=list(args))
    except click.UsageError:
        return None
    value = opts.get("project")
    return value if isinstance(value, str) else None  # click marks a missing value with a sentinel


def _names_a_project(token: str) -> bool:
    return looks_like_url(token) or (Path(token) / PROJECT_DB).is_file()


def _with_db(command: click.Command, parse_args: Callable[[click.Context, list[str]], list[str]]) -> Callable[
        [click.Context, list[str]], list[str]]:
    positionals = [p for p in command.params if isinstance(p, click.Argument)]

    def parse(ctx: click.Context, args: list[str]) -> list[str]:
        db, rest = pop_db(list(args))
        if db is not None:
            given = _first_positional(command, ctx, rest)
            if given is not None and _names_a_project(given):
                raise click.UsageError(f"give the project once: PROJECT ({given}) or --db, not both")
            return parse_args(ctx, [db, *rest])
        env = os.environ.get(DB_ENV)
        if env and "--help" not in rest and "-h" not in rest:
            given = _first_positional(command, ctx, rest)
            only_project = len(positionals) == 1
            if given is None or (not only_project and not _names_a_project(given)):
                return parse_args(ctx, [env, *rest])
        return parse_args(ctx, rest)

    return parse


def enable_db_option(command: click.Command) -> None:
    """Give every command that takes PROJECT a ``--db URL`` option (and ``$CMO_CODER_DB``) meaning the same.

    ``--db`` is taken out of the command line before click parses it and put where PROJECT goes, so each
    command sees one ``project`` value whichever way it was given, and no command needs its own code.
    """
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            enable_db_option(sub)
        return
    if not any(isinstance(p, click.Argument) and p.name == "project" for p in command.params):
        return
    if any(p.name == "db" for p in command.params):
        return
    command.params.append(click.Option(["--db"], metavar="URL", expose_value=False, help=DB_HELP))
    command.parse_args = _with_db(command, command.parse_args)  # type: ignore[method-assign,assignment]
