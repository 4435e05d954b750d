"""Page 4, Configurations: link codings as CMOCs, see their members, edit and delete them.

Codings are picked in the reader (a "link" box beside each stripe) or from the list on
``/configurations``; the pick travels between pages in the browser's session storage, so
one CMOC can gather codings from several transcripts. Every change is a JSON call through
:mod:`cmo_coder.web.config_changes`, i.e. the ``cmoc`` command's service and audit log.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from ..coding.service import chain_order
from ..errors import CmoError, NotFound
from ..model import Coding, Configuration
from ..model.vocab import CHAIN, Component, Judgement
from ..query.speakers import SpeakerLookup
from ..store import Project
from . import config_changes, roles
from .api import BadRequest, _body, _remember, _route, _str
from .pages import Pages
from .security import actor_of, session_of
from .state import Workbench
from .views import STANCE_MARKS, component_class, component_short

JUDGEMENTS = [j.value for j in Judgement]


def member_json(coding: Coding, role: str, speakers: SpeakerLookup) -> dict[str, Any]:
    who = speakers.of(coding)
    return {
        "coding": coding.id, "role": role, "role_short": Component(role).short,
        "transcript": coding.transcript_id, "start": coding.start, "end": coding.end, "text": coding.text,
        "pt": coding.pt, "component": coding.component.value if coding.component else None,
        "element": coding.element, "stance": coding.stance.value, "mark": STANCE_MARKS[coding.stance.value],
        "coder": coding.coder, "attribution": who.attribution,
    }


def config_json(project: Project, config: Configuration, speakers: SpeakerLookup | None = None) -> dict[str, Any]:
    """A CMOC with its members in chain order (C → Mres → Mresp → O), each with its quote and place."""
    speakers = speakers or SpeakerLookup(project)
    return {
        "id": config.id, "pt": config.pt, "name": config.name,
        "judgement": config.judgement.value if config.judgement else None, "rationale": config.rationale,
        "coder": config.coder, "version": config_changes.version(config),
        "members": [member_json(project.coding(m.coding_id), m.role.value, speakers)
                    for m in chain_order(config.members)],
    }


def _members(data: dict[str, Any], required: bool) -> list[config_changes.MemberRequest] | None:
    raw = data.get("members")
    if raw is None and not required:
        return None
    if not isinstance(raw, list):
        raise BadRequest("'members' must be a list of {coding, role}")
    out = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("coding"), str):
            raise BadRequest("each member must be an object with a 'coding' id")
        role = item.get("role")
        if role is not None and not isinstance(role, str):
            raise BadRequest("a member's 'role' must be text")
        out.append(config_changes.MemberRequest(item["coding"], role or None))
    return out


# -- JSON routes ---------------------------------------------------------------------------------


async def list_configurations(request: Request, bench: Workbench) -> dict[str, Any]:
    """All CMOCs, or those of ``?pt=``, or those with a member in ``?transcript=``."""
    pt = request.query_params.get("pt") or None
    transcript = request.query_params.get("transcript") or None
    with bench.project() as p:
        if pt is not None and p.codebook.find_pt(pt) is None:
            raise NotFound(f"unknown programme theory {pt!r}")
        if transcript is not None:
            p.transcript_status(transcript)  # NotFound for a typo
        speakers = SpeakerLookup(p)
        shown = [config_json(p, c, speakers) for c in p.configurations(p.codebook.find_pt(pt) if pt else None)]
    if transcript is not None:
        shown = [c for c in shown if any(m["transcript"] == transcript for m in c["members"])]
    return {"configurations": shown}


async def get_configuration(request: Request, bench: Workbench) -> dict[str, Any]:
    with bench.project() as p:
        return {"configuration": config_json(p, p.configuration(request.path_params["config_id"]))}


async def link_configuration(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await _body(request)
    members = _members(data, required=True)
    assert members is not None
    with bench.project() as p:
        config = config_changes.link(p, members, pt=_str(data, "pt"), name=_str(data, "name"),
                                     judgement=_str(data, "judgement"), rationale=_str(data, "rationale"),
                                     coder=who)
        shown = config_json(p, config)
    _remember(request, config_changes.ConfigChange("link", None, config))
    return {"configuration": shown, "message": f"linked {config.name!r} ({config.pt}, {len(config.members)} codings)"}


def check_own_configuration(request: Request, project: Project, config_id: str) -> None:
    """With accounts, a coder may change only their own CMOC (a vanished one is left to the stale check)."""
    session = session_of(request)
    try:
        owner = project.configuration(config_id).coder
    except NotFound:
        return
    roles.check_owner(session.role, session.user, owner, f"configuration {config_id}")


async def edit_configuration(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await _body(request)
    config_id = request.path_params["config_id"]
    with bench.project() as p:
        check_own_configuration(request, p, config_id)
        before, after = config_changes.edit(
            p, config_id, _str(data, "version"), members=_members(data, required=False), name=_str(data, "name"),
            judgement=_str(data, "judgement"), rationale=_str(data, "rationale"), actor=who,
        )
        shown = config_json(p, after)
    _remember(request, config_changes.ConfigChange("edit", before, after))
    return {"configuration": shown, "message": f"saved {after.name!r}"}


async def delete_configuration(request: Request, bench: Workbench) -> dict[str, Any]:
    who = actor_of(request, bench.coder)  # the signed-in user with accounts
    data = await _body(request)
    with bench.project() as p:
        check_own_configuration(request, p, request.path_params["config_id"])
        old = config_changes.delete(p, request.path_params["config_id"], _str(data, "version"), actor=who)
    _remember(request, config_changes.ConfigChange("delete", old, None))
    return {"deleted": old.id, "message": f"deleted configuration {old.name!r} (its codings stay)"}


# -- the page ------------------------------------------------------------------------------------


def _pickable(project: Project, pt: str, speakers: SpeakerLookup) -> list[dict[str, Any]]:
    """The codings of ``pt`` a coder can pick from the list, in document order, with their CMOCs."""
    in_configs: dict[str, list[str]] = {}
    for config in project.configurations(pt):
        for m in config.members:
            in_configs.setdefault(m.coding_id, []).append(config.name)
    rows = []
    for c in project.codings(pt=pt):
        who = speakers.of(c)
        rows.append({
            "id": c.id, "transcript": c.transcript_id, "start": c.start, "end": c.end, "text": c.text,
            "pt": c.pt, "component": c.component.value if c.component else None, "css": component_class(c.component),
            "short": component_short(c.component), "element": c.element, "stance": c.stance.value,
            "mark": STANCE_MARKS[c.stance.value], "coder": c.coder, "attribution": who.attribution,
            "configurations": in_configs.get(c.id, []),
        })
    return rows


class ConfigurationsPage:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.bench = pages.bench

    async def page(self, request: Request) -> HTMLResponse:
        wanted = request.query_params.get("pt", "").strip()
        try:
            with self.bench.project() as p:
                pt_ids = p.codebook.pt_ids
                pt = p.codebook.find_pt(wanted) if wanted else None
                if wanted and pt is None:
                    raise NotFound(f"unknown programme theory {wanted!r} (the codebook has {', '.join(pt_ids)})")
                speakers = SpeakerLookup(p)
                configs = [config_json(p, c, speakers) for c in p.configurations(pt)]
                list_pt = pt or next((x for x in pt_ids if p.codings(pt=x)), pt_ids[0] if pt_ids else None)
                pickable = _pickable(p, list_pt, speakers) if list_pt else []
                titles = {t.id: t.title for t in p.codebook.programme_theories}
        except CmoError as exc:
            return self.pages.error(request, exc)
        return self.pages.render(request, "configurations.html", title="Configurations", configs=configs,
                                 pt=pt, pt_ids=pt_ids, titles=titles, list_pt=list_pt, pickable=pickable)


def routes(pages: Pages) -> list[Route]:
    bench = pages.bench
    # the configuration panel (templates/_cmoc_tray.html) is on the reader too: what it lists is global
    pages.env.globals.update(judgements=JUDGEMENTS, chain=[(c.value, c.short) for c in CHAIN])
    page = ConfigurationsPage(pages)
    return [
        Route("/configurations", page.page, methods=["GET"]),
        Route("/api/configurations", _route(bench, list_configurations), methods=["GET"]),
        Route("/api/configurations", _route(bench, link_configuration, status=201), methods=["POST"]),
        Route("/api/configurations/{config_id}", _route(bench, get_configuration), methods=["GET"]),
        Route("/api/configurations/{config_id}", _route(bench, edit_configuration), methods=["PATCH"]),
        Route("/api/configurations/{config_id}", _route(bench, delete_configuration), methods=["DELETE"]),
    ]
