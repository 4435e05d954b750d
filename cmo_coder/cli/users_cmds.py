"""``users``: the accounts of a team's workbench (``serve`` asks them to sign in once a project has any).

A password is never an argument (it would end up in the shell history and the process list):
it is typed twice at a hidden prompt, or read from the first line of standard input with
``--password-stdin`` for scripts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..accounts import service
from ..errors import CmoError
from .options import json_option, open_project, project_argument
from .output import emit_json

password_stdin_option = click.option(
    "--password-stdin", is_flag=True,
    help="Read the password from the first line of standard input (for scripts) instead of a prompt.",
)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        password = password[:-1] if password.endswith("\r") else password
        if not password:
            raise CmoError("--password-stdin: standard input holds no password (an empty first line)")
        return password
    value = click.prompt("Password", hide_input=True, confirmation_prompt="Repeat the password")
    return str(value)


def _describe(user: service.User) -> str:
    return f"{user.name} ({user.role.value}{', disabled' if user.disabled else ''})"


@click.group()
def users() -> None:
    """Accounts of the workbench: leads, coders and viewers who sign in to 'serve'."""


@users.command("add")
@project_argument
@click.argument("name")
@click.option("--role", required=True, type=click.Choice([r.value for r in service.Role]),
              help="lead: codebook, theory, anonymisation and consensus; coder: codes, links, memos, "
                   "suggestions; viewer: reads, queries and exports.")
@password_stdin_option
def users_add(project: Path, name: str, role: str, password_stdin: bool) -> None:
    """Add the account NAME (its codings carry this name); the password is asked for twice."""
    service.check_name(name)
    with open_project(project) as p:
        if service.credentials(p, name) is not None:  # say so before asking for a password
            raise CmoError(f"user {name!r} already exists in {project}")
        password = _read_password(password_stdin)
        user = service.add_user(p, name, service.Role(role), password)
    click.echo(f"added {_describe(user)}")


@users.command("list")
@project_argument
@json_option
def users_list(project: Path, as_json: bool) -> None:
    """The accounts: name, role, whether disabled, when created and last changed (never a password)."""
    with open_project(project, read_only=True) as p:
        found = service.list_users(p)
    if as_json:
        emit_json([u.as_dict() for u in found])
        return
    if not found:
        click.echo("no users: 'serve' uses a one-time link (add one with 'cmo-coder users add')")
        return
    for u in found:
        click.echo(f"{u.name}\t{u.role.value}\t{'disabled' if u.disabled else 'active'}\tchanged {u.changed_at}")


@users.command("disable")
@project_argument
@click.argument("name")
def users_disable(project: Path, name: str) -> None:
    """Disable NAME: they cannot sign in and their open sessions end; their codings stay theirs."""
    with open_project(project) as p:
        user = service.set_disabled(p, name, True)
    click.echo(f"disabled {user.name}")


@users.command("enable")
@project_argument
@click.argument("name")
def users_enable(project: Path, name: str) -> None:
    """Enable NAME again."""
    with open_project(project) as p:
        user = service.set_disabled(p, name, False)
    click.echo(f"enabled {user.name}")


@users.command("role")
@project_argument
@click.argument("name")
@click.option("--role", required=True, type=click.Choice([r.value for r in service.Role]), help="The new role.")
def users_role(project: Path, name: str, role: str) -> None:
    """Give NAME another role (e.g. a viewer who is to code); their sessions end."""
    with open_project(project) as p:
        user = service.set_role(p, name, service.Role(role))
    click.echo(f"{user.name} is now a {user.role.value}; their sessions have ended")


@users.command("passwd")
@project_argument
@click.argument("name")
@password_stdin_option
def users_passwd(project: Path, name: str, password_stdin: bool) -> None:
    """Set a new password for NAME; every session they had ends."""
    with open_project(project) as p:
        service.get_user(p, name)  # an unknown name fails before the prompt
        password = _read_password(password_stdin)
        user = service.change_password(p, name, password)
    click.echo(f"changed the password of {user.name}; their sessions have ended")


def register(cli: click.Group) -> None:
    cli.add_command(users)
