"""Start the workbench: check everything that can be wrong *before* serving, then run uvicorn.

A missing, locked, read-only or newer-schema project, a secure folder that is not this
project's, a remote address without ``--allow-remote`` and a port in use each end in one
clear line (a :class:`CmoError`) before any socket is served.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..accounts.service import has_users
from ..errors import CmoError
from ..store import Project
from ..store.db import DbError, LockedError
from ..store.location import Location, parse
from ..store.secure import SecureFolder
from .security import is_loopback
from .signin import AccountsConfig
from .state import Workbench


@dataclass(frozen=True)
class ServeOptions:
    #: a project folder, or a team's project in PostgreSQL (its URL as a :class:`Location`)
    project: Path | Location
    secure: Path | None
    coder: str
    host: str = "127.0.0.1"
    port: int = 8765
    allow_remote: bool = False
    open_browser: bool = True
    #: require sign-in even if the project has no users yet (refused then: nobody could sign in)
    accounts: bool = False
    #: ``--coder`` was given (refused with accounts: the signed-in user is the coder)
    coder_given: bool = False
    behind_proxy: bool = False
    public_host: str | None = None
    insecure_http: bool = False


PROXY_DOCS = "see 'Serving a team' in the guide (docs/guide/team.md) for nginx and Caddy examples"


def accounts_mode(options: ServeOptions) -> bool:
    """Sign-in is required when the project has users (whatever the options say) or ``--accounts`` asks."""
    with Project.open(options.project, read_only=True) as project:
        has = has_users(project)
    if options.accounts and not has:
        raise CmoError(f"{options.project} has no users, so nobody could sign in: add one first with "
                       f"'cmo-coder users add {options.project} NAME --role lead'")
    return has


def check_shared_database(options: ServeOptions, accounts: bool) -> str | None:
    """A project in a database is a team's: served to others, only with accounts.

    Without sign-in every change would carry the one ``--coder`` name, whoever made it, and anyone
    who reached the address could code. On loopback the one-time link still keeps the workbench to
    the person who started it (a lead trying the project before adding the team), so that is allowed,
    with a note; any other address is refused until the project has users. Returns the note, if any.
    """
    location = parse(options.project)
    if not location.is_postgres or accounts:
        return None
    add = f"'cmo-coder users add {location} NAME --role lead'"
    if not is_loopback(options.host):
        raise CmoError(f"{location} is a shared database but has no users, so everyone would code under one "
                       f"name: add users first with {add} (then each coder signs in)")
    return (f"{location} has no users: this workbench is yours alone (the one-time link) and codes as "
            f"{options.coder!r}; to let the team sign in, add users with {add}")


def check_accounts_options(options: ServeOptions, accounts: bool) -> None:
    """The options that only make sense with accounts, and those that do not make sense with them."""
    if accounts:
        if options.coder_given:
            raise CmoError("--coder is not used with accounts: every change is recorded under the name of "
                           "the user who signed in; leave --coder out")
        if options.public_host and not options.behind_proxy:
            raise CmoError("--public-host names the address a TLS proxy serves: give it with --behind-proxy")
        if not is_loopback(options.host) and not options.insecure_http:
            raise CmoError(f"--host {options.host} would send passwords and session cookies over plain HTTP; "
                           f"serve on 127.0.0.1 behind a TLS proxy ({PROXY_DOCS}), or add --insecure-http "
                           "if the network is private and that is really intended")
        return
    given = [name for name, on in (("--behind-proxy", options.behind_proxy), ("--public-host", options.public_host),
                                   ("--insecure-http", options.insecure_http)) if on]
    if given:
        raise CmoError(f"{' and '.join(given)} serve a team with accounts, but {options.project} has no users: "
                       f"add them with 'cmo-coder users add {options.project} NAME --role …' first")


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a line is logged (not the one at start-up)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def _log_to_stderr() -> None:
    """Sign-ins, failures and refusals, one line each on stderr (uvicorn's access log stays off)."""
    logger = logging.getLogger("cmo_coder.web.access")
    if not logger.handlers:
        handler = _CurrentStderr()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def check_project(path: Path | Location) -> None:
    """The project opens at this version, can be written here, and no other program holds its write lock.

    On PostgreSQL the trial write also shows that the database user may change the project (a
    read-only role is refused now, not at the first coding).
    """
    with Project.open(path) as project:  # missing, unreachable, not a project, newer schema: CmoError
        if project.read_only:
            raise CmoError(f"{path}: the workbench changes the project, but it cannot be written here "
                           "(check the folder's and project.sqlite's permissions)")
        project.conn.set_lock_timeout(500)
        try:
            project.conn.begin_write()
            project.conn.rollback()
        except LockedError as exc:
            raise CmoError(f"{path}: the project is locked by another program ({exc}); "
                           "wait for it to finish or close it, then start again") from None
        except DbError as exc:
            if not project.conn.is_postgres:  # SQLite says "locked" for a held lock in other words too
                raise CmoError(f"{path}: the project is locked by another program ({exc}); "
                               "wait for it to finish or close it, then start again") from None
            raise CmoError(f"{path}: the workbench changes the project, but this database user cannot "
                           f"({str(exc).splitlines()[0]}); connect as a user with write access") from None


def check_secure(secure: Path, project_path: Path | Location) -> None:
    """The secure folder exists, is one, and holds this project's transcripts.

    A folder project and its secure folder may not nest; a database project has no folder to nest
    with, so for both the tie is the same: the secure folder holds raw transcripts of this project's ids.
    """
    folder = SecureFolder.open(secure, project_path=project_path)
    with Project.open(project_path, read_only=True) as project:
        ids = project.transcript_ids()
    if not ids:
        return
    held = {p.stem for p in folder.raw.glob("*.json")}
    if not held & set(ids):
        raise CmoError(f"secure folder {secure} does not match the project {project_path}: "
                       f"it holds none of the project's {len(ids)} transcript(s)")


def check_host(host: str, allow_remote: bool) -> str | None:
    """None for loopback; a warning for a remote address with ``--allow-remote``; else refuse."""
    if is_loopback(host):
        return None
    if not allow_remote:
        raise CmoError(f"--host {host} would let other machines reach this project's data; "
                       "add --allow-remote if that is really intended")
    return (f"serving on {host}: anyone who can reach this address and has the link can read "
            "and change the codings of this project")


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound now so that a port in use is reported before anything starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(64)
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise CmoError(f"port {port} on {host} is in use; choose another with --port") from None
        raise CmoError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


def url_for(host: str, port: int, token: str | None) -> str:
    """The address to open: with the one-time token, or (accounts) the sign-in page's."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "login")


def serve(options: ServeOptions, say: Callable[[str], None], warn: Callable[[str], None]) -> None:
    """Check, bind, print the one-time URL, open the browser, and serve until interrupted."""
    from .app import create_app

    check_project(options.project)
    accounts = accounts_mode(options)
    check_accounts_options(options, accounts)
    note = check_shared_database(options, accounts)
    if options.secure is not None:
        check_secure(options.secure, options.project)
    warning = None if accounts else check_host(options.host, options.allow_remote)
    sock = bind(options.host, options.port)
    port = sock.getsockname()[1]
    bench = Workbench(options.project, options.coder, options.secure)
    if accounts:
        _log_to_stderr()
        remote = not is_loopback(options.host)
        app = create_app(bench, host=options.host, port=port, allow_remote=remote,
                         accounts=AccountsConfig(behind_proxy=options.behind_proxy), public_host=options.public_host)
        url = url_for(options.host, port, None)
        if remote:
            warn(f"serving accounts over plain HTTP on {options.host} (--insecure-http): passwords and session "
                 f"cookies cross the network unencrypted; {PROXY_DOCS}")
        say(f"cmo-coder workbench for {options.project}: users sign in with their accounts")
        say(f"open {url}" + (f" (users open https://{options.public_host}/)" if options.public_host else ""))
        say("press Ctrl+C to stop")
    else:
        app = create_app(bench, host=options.host, port=port, allow_remote=options.allow_remote)
        url = url_for(options.host, port, bench.sessions.issue_token())
        if warning:
            warn(warning)
        if note:
            warn(note)
        say(f"cmo-coder workbench for {options.project} (coding as {options.coder})")
        say(f"open {url}")
        say("the link works once; press Ctrl+C to stop")
    try:
        run_server(app, sock, url if options.open_browser else None)
    finally:
        bench.close()


def run_server(app: Any, sock: socket.socket, browse: str | None) -> None:
    """Serve ``app`` on the bound ``sock`` until interrupted; open ``browse`` in the browser if given."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    if browse:
        threading.Timer(0.5, webbrowser.open, args=(browse,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
