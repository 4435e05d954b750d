"""``cmo-coder serve``: the coding workbench in the browser (see :mod:`cmo_coder.web`)."""

from __future__ import annotations

from pathlib import Path

import click

from ..store.project import current_actor
from .options import ProjectRef, project_argument
from .output import warn


@click.command()
@project_argument
@click.option("--secure", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="The secure folder (checked against the project; used by the review pages).")
@click.option("--coder", default=None, help="Whose codings these are (default: $CMO_CODER_USER or your login name).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --allow-remote.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="0 picks a free port.")
@click.option("--allow-remote", is_flag=True, help="Allow --host to be an address other machines can reach.")
@click.option("--no-browser", is_flag=True, help="Print the address but do not open a browser.")
@click.option("--accounts", is_flag=True,
              help="Require signing in (automatic once the project has users; refused while it has none).")
@click.option("--behind-proxy", is_flag=True,
              help="Accounts behind a TLS reverse proxy: trust its X-Forwarded-Proto and X-Forwarded-For.")
@click.option("--public-host", default=None, metavar="NAME",
              help="With --behind-proxy: the host name users open (e.g. coding.example.org).")
@click.option("--insecure-http", is_flag=True,
              help="Accounts on a non-loopback --host without TLS (passwords cross the network unencrypted).")
def serve(project: ProjectRef, secure: Path | None, coder: str | None, host: str, port: int, allow_remote: bool,
          no_browser: bool, accounts: bool, behind_proxy: bool, public_host: str | None, insecure_http: bool) -> None:
    """Code transcripts in the browser: a local, token-protected workbench on PROJECT.

    Once the project has users ('cmo-coder users add'), everyone signs in instead and what they may
    do follows their role; --coder is then refused (changes carry the signed-in user's name). A project
    in PostgreSQL (a URL, --db or $CMO_CODER_DB) is a team's: several coders at once, each signed in;
    without users it is served only on loopback, to whoever holds the one-time link.
    """
    from ..web.server import ServeOptions
    from ..web.server import serve as run

    options = ServeOptions(project=project, secure=secure, coder=coder or current_actor(), host=host, port=port,
                           allow_remote=allow_remote, open_browser=not no_browser, accounts=accounts,
                           coder_given=coder is not None, behind_proxy=behind_proxy, public_host=public_host,
                           insecure_http=insecure_http)
    run(options, say=click.echo, warn=warn)


def register(cli: click.Group) -> None:
    cli.add_command(serve)
