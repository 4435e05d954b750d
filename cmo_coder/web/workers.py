"""Request handlers run in worker threads, so one slow request never holds up the others.

The handlers are ``async`` only to read the request body; everything after that is blocking work
on the project (SQLite calls, page rendering). Run on the event loop, one such request, a big
page or a change waiting for another program's write lock, would stall every other coder's
request until it finished. Here the body is read on the loop, then the handler runs to the end
in a worker thread (each with its own connection, see :class:`cmo_coder.web.state.Workbench`):
reads go on in parallel, changes queue on the project's write lock with a bounded wait.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import anyio.to_thread
from starlette.requests import Request
from starlette.routing import BaseRoute, Route

Handler = Callable[[Request], Awaitable[Any]]


def off_the_event_loop(handler: Handler) -> Handler:
    """``handler`` run in a worker thread once its request body is in memory."""

    async def run(request: Request) -> Any:
        await request.body()  # the one thing a handler awaits; cached on the request from now on
        return await anyio.to_thread.run_sync(_to_the_end, handler, request)

    run.__name__ = getattr(handler, "__name__", "handler")
    run.__doc__ = handler.__doc__
    return run


def _to_the_end(handler: Handler, request: Request) -> Any:
    """Run the coroutine in this thread; its awaits (the cached body) never need the server's loop."""
    return asyncio.run(_awaited(handler(request)))


async def _awaited(awaitable: Awaitable[Any]) -> Any:
    return await awaitable


def in_workers(routes: list[BaseRoute]) -> list[BaseRoute]:
    """The same routes, each request handler run by :func:`off_the_event_loop` (mounts, e.g. static files, kept)."""
    out: list[BaseRoute] = []
    for route in routes:
        if isinstance(route, Route) and inspect.iscoroutinefunction(route.endpoint):
            out.append(Route(route.path, off_the_event_loop(route.endpoint), methods=sorted(route.methods or ()),
                             name=route.name))
        else:
            out.append(route)
    return out
