"""HTML pages: 1 project overview and search, 2 transcript reader with coding (pages 4–8 add routes here).

Templates autoescape everything; data for the page script travels as JSON inside a
``<script type="application/json">`` block (Jinja's ``tojson`` escapes ``<``, ``>`` and ``&``),
so no transcript text, memo or name is ever interpreted as markup or script.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from ..accounts.service import Role
from ..errors import CmoError, NotFound, ProjectBusy
from .bidi import controls, isolated
from .security import session_of
from .state import Workbench
from .turn_speakers import voices
from .views import CODING_FIELDS, Filters, check_filter_values, codebook_json, overview, reader, search

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class NavItem:
    """One entry of the top navigation; later pages add theirs to :data:`NAV`."""

    label: str
    path: str


NAV: list[NavItem] = [
    NavItem("Project", "/"),
    NavItem("Suggestions", "/suggestions"),
    NavItem("Configurations", "/configurations"),
    NavItem("Programme theories", "/pts"),
    NavItem("Which PT?", "/which-pt"),
]
#: shown only when ``serve`` got ``--secure``: the one page that reads identifying text
SECURE_NAV = NavItem("Anonymisation review", "/secure/review")


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    # page data without the spaces after separators (still escaped for HTML by ``tojson``)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    env.filters["isolated"] = isolated  # stored text: isolated from its neighbours, bidi controls shown
    env.filters["controls"] = controls  # a piece of one stored text (a context around a match)
    env.filters["voices"] = voices  # a turn's speaker label: one person, members together, the group, unplaced
    return env


class Pages:
    def __init__(self, bench: Workbench) -> None:
        self.bench = bench
        self.env = environment()

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        session = session_of(request)
        lead = session.role is None or session.role is Role.lead
        nav = [*NAV, SECURE_NAV] if self.bench.secure_path and lead else NAV
        # what the page offers; the server refuses the rest whatever the page shows (cmo_coder.web.roles)
        can_change = session.role is None or session.role.rank >= Role.coder.rank
        html = self.env.get_template(name).render(
            nav=nav, path=request.url.path, csrf=session.csrf, coder=session.user or self.bench.coder,
            user=session.user, role=session.role.value if session.role else None, can_change=can_change,
            project_name=self.bench.project_name, can_undo=bool(session.changes), **context,
        )
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, exc: CmoError) -> HTMLResponse:
        status = 404 if isinstance(exc, NotFound) else 503 if isinstance(exc, ProjectBusy) else 400
        return self.render(request, "error.html", status=status, message=str(exc), title="Problem")

    async def project(self, request: Request) -> HTMLResponse:
        query = request.query_params.get("q", "").strip()
        with self.bench.project() as p:
            data = overview(p)
            hits, total = search(p, query) if query else ([], 0)
        return self.render(request, "project.html", title="Project", data=data, query=query, hits=hits,
                           total_hits=total)

    async def transcript(self, request: Request) -> HTMLResponse:
        filters = Filters.from_query(dict(request.query_params))
        asked = request.query_params.get("page")
        try:
            if asked is not None and not asked.isdigit():
                raise NotFound(f"no page {asked!r} of transcript {request.path_params['transcript_id']} "
                               "(pages are numbered from 1)")
            with self.bench.project() as p:
                check_filter_values(p, filters)
                view = reader(p, request.path_params["transcript_id"], filters,
                              int(asked) if asked is not None else None)
                codebook = codebook_json(p)
        except CmoError as exc:
            return self.error(request, exc)
        # the text travels once, in the reading view; the script reads it back from there
        page_data = {"transcript": view["transcript"].id, "length": len(view["transcript"].text),
                     "gaps": view["gaps"], "fields": CODING_FIELDS, "codings": view["codings"], "codebook": codebook,
                     "page": view["page"].number, "bounds": view["bounds"],
                     # where each page begins: an address to a passage (#at-START-END) on another page goes there
                     "page_starts": [0, *(p.start for p in view["pages"][1:])]}
        return self.render(request, "transcript.html", title=view["transcript"].title, view=view,
                           filters=filters, codebook=codebook, page_data=page_data)

    def routes(self) -> list[Route]:
        return [
            Route("/", self.project, methods=["GET"]),
            Route("/transcripts/{transcript_id}", self.transcript, methods=["GET"]),
        ]
