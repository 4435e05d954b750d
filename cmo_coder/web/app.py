"""The ASGI application: security middleware around the pages, the JSON API and the static files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import CmoError, ProjectBusy
from ..store.project import busy_message, is_busy
from . import anonymisation, api, configurations, suggestions, theory_page, which_pt_page
from .api import BUSY_RETRY_AFTER, status_of
from .pages import Pages
from .roles import unruled
from .security import HostCheck, SecurityMiddleware
from .signin import AccountsConfig, Gate
from .state import Workbench
from .workers import in_workers

STATIC = Path(__file__).parent / "static"


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path in ("/api", "/secure/api") or path.startswith(("/api/", "/secure/api/"))


async def _not_found(request: Request, exc: Exception) -> Response:
    """A path that names nothing here: for the JSON API a JSON error a client can read like every other one."""
    if _is_api(request):
        return JSONResponse({"error": "404 Not Found: no API route at this path (check the URL and the id in it)"},
                            status_code=404)
    return PlainTextResponse("404 Not Found", status_code=404)


def _methods_at(request: Request) -> list[str]:
    """Every method some route at this path answers (Starlette's own 405 names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        if isinstance(route, Route) and route.methods and route.matches(request.scope)[0] is not Match.NONE:
            methods |= route.methods
    return sorted(methods)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    """A route asked with a method it does not answer: 405 naming the methods it does, as JSON on the API."""
    allow = ", ".join(_methods_at(request))
    headers = {"allow": allow} if allow else None
    if _is_api(request):
        return JSONResponse({"error": f"405 Method Not Allowed: this route does not answer {request.method}"
                             + (f"; it answers {allow}" if allow else "")}, status_code=405, headers=headers)
    return PlainTextResponse("405 Method Not Allowed", status_code=405, headers=headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    return PlainTextResponse(f"500: {type(exc).__name__}: the server could not answer this request",
                             status_code=500)


async def _database_error(request: Request, exc: Exception) -> Response:
    """A lock held elsewhere that reached a request outside a change (e.g. while SQLite recovers its
    journal after a crash): 503, try again; any other database error is a 500 like any other bug."""
    if is_busy(exc):
        return await _cmo_error(request, ProjectBusy(busy_message(request.app.state.project_name)))
    return await _server_error(request, exc)


async def _cmo_error(request: Request, exc: Exception) -> Response:
    """An expected failure the routes did not turn into a page (e.g. the project vanished): one line."""
    assert isinstance(exc, CmoError)
    status = status_of(exc)
    headers = {"retry-after": BUSY_RETRY_AFTER} if status == 503 else None
    if _is_api(request):
        return JSONResponse({"error": str(exc)}, status_code=status, headers=headers)
    return PlainTextResponse(f"{status}: {exc}", status_code=status, headers=headers)


def create_app(bench: Workbench, host: str = "127.0.0.1", port: int | None = None,
               allow_remote: bool = False, accounts: AccountsConfig | None = None,
               public_host: str | None = None) -> Starlette:
    """The workbench for ``bench``; ``host``/``port`` (and ``public_host``) are what the Host header may name.

    With ``accounts``, users sign in (:mod:`cmo_coder.web.signin`) instead of using the one-time
    link, and each route's rule in :mod:`cmo_coder.web.roles` is enforced before it runs.
    """
    pages = Pages(bench)
    routes: list[BaseRoute] = [
        *pages.routes(), *suggestions.routes(pages), *anonymisation.routes(pages), *api.routes(bench),
        *configurations.routes(pages), *theory_page.routes(pages), *which_pt_page.routes(pages),
        Mount("/static", StaticFiles(directory=STATIC), name="static")]
    hosts = HostCheck(host, port, allow_remote, public_host=public_host)
    gate = None
    if accounts is not None:
        gate = Gate(bench, pages.env, hosts, accounts, routes)
        routes[:0] = gate.routes_of_signin()
        gate.refusal_page = lambda request, message: pages.render(
            request, "error.html", status=403, message=message, title="Not allowed", heading="Not allowed")
    missing = unruled(routes)
    if missing:  # a programming error: every route must say who may use it
        raise RuntimeError(f"routes without a rule in cmo_coder.web.roles.RULES: {missing}")
    middleware = [Middleware(SecurityMiddleware, sessions=bench.sessions, hosts=hosts, gate=gate,
                             secure_cookie=False)]
    app = Starlette(routes=in_workers(routes), middleware=middleware,
                    exception_handlers={404: _not_found, 405: _not_allowed, 500: _server_error, CmoError: _cmo_error,
                                        # the store's LockedError (either engine) is one of these
                                        sqlite3.OperationalError: _database_error})
    app.state.project_name = bench.project_name  # a database's name, never its URL (it may hold a password)
    return app
