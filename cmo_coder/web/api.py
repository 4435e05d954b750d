"""JSON routes for changing codings; every one goes through :mod:`cmo_coder.web.changes`.

Errors are one JSON object ``{"error": "..."}`` with 400 (bad input), 404 (unknown thing),
409 (stale edit, nothing to undo) or 401/403 from the security layer; never a traceback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..coding import service
from ..errors import CmoError, Conflict, NotFound, ProjectBusy
from ..store import Project
from . import changes, roles
from .config_changes import ConfigChange
from .security import actor_of, session_of
from .state import Workbench
from .views import coding_json

log = logging.getLogger("cmo_coder.web.access")

MAX_BODY = 256 * 1024
UNDO_DEPTH = 200
#: seconds a client is told to wait when another writer held the project (a change takes milliseconds)
BUSY_RETRY_AFTER = "2"


class BadRequest(CmoError):
    """The request itself is malformed (not JSON, wrong types)."""


def status_of(exc: CmoError) -> int:
    """403 refused by role, 404 unknown thing, 409 changed meanwhile, 503 busy (try again), 400 anything else
    the input got wrong."""
    if isinstance(exc, roles.Refused):
        return 403
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, Conflict):
        return 409
    if isinstance(exc, ProjectBusy):
        return 503
    return 400


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise BadRequest(f"request body larger than {MAX_BODY} bytes")
    try:
        data = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: arrays nested thousands deep
        raise BadRequest("request body is not JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("request body must be a JSON object")
    where = _not_text(data)
    if where is not None:
        raise BadRequest(f"{where} holds a lone UTF-16 surrogate (an escape like \\ud800 without its pair), "
                         "which is not text; send the character itself")
    return data


def _not_text(data: dict[str, Any]) -> str | None:
    """The first field (as ``'memo'`` or ``'members'[1]['role']``) whose text, or key, is not storable text.

    JSON lets ``"\\ud800"`` stand alone; Python reads it into a ``str`` that UTF-8 cannot encode, so
    the database refused it only when the change was written (a 500). Walked without recursion: the
    body may nest as deep as the JSON reader allows.
    """
    stack: list[tuple[str, Any]] = [(repr(key), value) for key, value in data.items()]
    stack += [("a key of the body", key) for key in data]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return where
        elif isinstance(value, dict):
            stack += [(f"{where}[{k!r}]", v) for k, v in value.items()]
            stack += [(f"a key in {where}", k) for k in value]
        elif isinstance(value, list):
            stack += [(f"{where}[{n}]", v) for n, v in enumerate(value)]
    return None


def _int(data: dict[str, Any], key: str, required: bool = True) -> int | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadRequest(f"'{key}' must be a whole number (a character offset)")
    return value


def _str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRequest(f"'{key}' must be text")
    return value


Endpoint = Callable[[Request, Workbench], Awaitable[dict[str, Any]]]


def _route(bench: Workbench, endpoint: Endpoint, status: int = 200) -> Callable[[Request], Awaitable[JSONResponse]]:
    async def handler(request: Request) -> JSONResponse:
        try:
            return JSONResponse(await endpoint(request, bench), status_code=status)
        except roles.Refused as exc:
            log.warning("refused: %r %s %s: %s", session_of(request).user, request.method, request.url.path, exc)
            return JSONResponse({"error": f"403 Forbidden: {exc}"}, status_code=403)
        except CmoError as exc:
            refused = status_of(exc)
            return JSONResponse({"error": str(exc)}, status_code=refused,
                                headers={"retry-after": BUSY_RETRY_AFTER} if refused == 503 else None)

    return handler


class SelfUndoing(Protocol):
    """A change to something other than a coding (a CMOC…) that the session's Undo can reverse."""

    def describe(self) -> str: ...

    def undo(self, project: Project, actor: str) -> None: ...


def _remember(request: Request, change: changes.Change | SelfUndoing) -> None:
    session = session_of(request)
    session.changes.append(change)
    del session.changes[:-UNDO_DEPTH]


async def list_codings(request: Request, bench: Workbench) -> dict[str, Any]:
    transcript = request.query_params.get("transcript") or None
    with bench.project() as p:
        views = service.list_codings(p, transcript=transcript)
        return {"codings": [{**v.as_dict(), "version": changes.version(v.coding)} for v in views]}


async def add_coding(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await _body(request)
    transcript = _str(data, "transcript")
    if not transcript:
        raise BadRequest("'transcript' is required")
    start, end = _int(data, "start"), _int(data, "end")
    assert start is not None and end is not None
    with bench.project() as p:
        change = changes.add(p, transcript, start, end, pt=_str(data, "pt"), component=_str(data, "component"),
                             element=_str(data, "element"), stance=_str(data, "stance"), memo=_str(data, "memo"),
                             coder=who)
    _remember(request, change)
    assert change.after is not None
    return {"coding": coding_json(change.after), "message": f"coded {change.after.pt} {change.after.id}"}


def check_own_coding(request: Request, project: Project, coding_id: str) -> None:
    """With accounts, a coder may change only their own coding (a vanished one is left to the stale check)."""
    session = session_of(request)
    try:
        owner = project.coding(coding_id).coder
    except NotFound:
        return
    roles.check_owner(session.role, session.user, owner, f"coding {coding_id}")


async def edit_coding(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await _body(request)
    coding_id = request.path_params["coding_id"]
    with bench.project() as p:
        check_own_coding(request, p, coding_id)
        change = changes.edit(
            p, coding_id, _str(data, "version"), start=_int(data, "start", False), end=_int(data, "end", False),
            pt=_str(data, "pt"), component=_str(data, "component"), element=_str(data, "element"),
            stance=_str(data, "stance"), memo=_str(data, "memo"), actor=who,
            pt_level="component" in data and not data["component"],
        )
    _remember(request, change)
    assert change.after is not None
    return {"coding": coding_json(change.after), "message": f"edited {coding_id}"}


async def delete_coding(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await _body(request)
    coding_id = request.path_params["coding_id"]
    with bench.project() as p:
        check_own_coding(request, p, coding_id)
        change = changes.delete(p, coding_id, _str(data, "version"), actor=who)
    _remember(request, change)
    return {"deleted": coding_id, "message": f"deleted {coding_id}"}


async def undo(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    session = session_of(request)
    if not session.changes:
        raise changes.StaleEdit("nothing to undo in this browser session")
    change = session.changes[-1]
    with bench.project() as p:
        if isinstance(change, changes.Change):
            changes.undo(p, change, actor=who)
        else:  # a change to something else (a CMOC…) knows how to undo itself
            change.undo(p, actor=who)
    session.changes.pop()
    # a configuration that undoing its link removed: the page must not ask for it again
    gone = change.after.id if isinstance(change, ConfigChange) and change.kind == "link" and change.after else None
    return {"undone": change.describe(), "message": f"undid the {change.describe()}", "gone": gone}


def routes(bench: Workbench) -> list[Route]:
    return [
        Route("/api/codings", _route(bench, list_codings), methods=["GET"]),
        Route("/api/codings", _route(bench, add_coding, status=201), methods=["POST"]),
        Route("/api/codings/{coding_id}", _route(bench, edit_coding), methods=["PATCH"]),
        Route("/api/codings/{coding_id}", _route(bench, delete_coding), methods=["DELETE"]),
        Route("/api/undo", _route(bench, undo), methods=["POST"]),
    ]
