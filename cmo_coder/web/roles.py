"""Who may do what in a team's workbench: one table from every route to the action it performs.

Each action needs a minimum role (viewer < coder < lead; a role may do all that those below it
may). :data:`RULES` names the action of every route of the app; the app refuses to start if a
route has no rule (:func:`unruled`), so a new page cannot be reachable by a role by accident.
The security middleware (:mod:`cmo_coder.web.security`) looks the request's route up here before
the route runs, so the check lives in one place; the pages only hide what a role cannot use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from starlette.routing import BaseRoute, Host, Mount, Route

from ..accounts.service import Role
from ..errors import CmoError


@dataclass(frozen=True)
class Action:
    """What a request does, the least role that may do it, and how a refusal describes it."""

    name: str
    role: Role | None  # None: anyone, signed in or not (the sign-in page, static files)
    refused: str  # completes "viewers cannot …"

    def allows(self, role: Role) -> bool:
        return self.role is None or role.rank >= self.role.rank


PUBLIC = Action("public", None, "")
READ = Action("read", Role.viewer, "read the project")
QUERY = Action("query", Role.viewer, "query the project")
EXPORT = Action("export", Role.viewer, "export anonymised data")
SIGN_OUT = Action("sign out", Role.viewer, "sign out")
CODE = Action("code", Role.coder, "change codings")
LINK = Action("link", Role.coder, "link, edit or delete configurations (CMOCs)")
MEMO = Action("memo", Role.coder, "write memos")
REVIEW_SUGGESTIONS = Action("review suggestions", Role.coder, "accept or reject suggestions")
UNDO = Action("undo", Role.coder, "undo changes")
CODEBOOK = Action("codebook", Role.lead, "change the codebook")
THEORY = Action("theory", Role.lead, "change the programme theories")
ANONYMISE = Action("anonymise", Role.lead, "review anonymisation or sign transcripts off")
CONSENSUS = Action("consensus", Role.lead, "decide consensus codings")

#: (method, route path) → action, for every route of the app. HEAD is looked up as GET.
RULES: dict[tuple[str, str], Action] = {
    # signing in and out (cmo_coder.web.signin) and the package's own scripts and styles
    ("GET", "/login"): PUBLIC,
    ("POST", "/login"): PUBLIC,
    ("POST", "/logout"): SIGN_OUT,
    ("GET", "/static"): PUBLIC,
    # pages 1–2: project, reader; coding through the JSON API
    ("GET", "/"): READ,
    ("GET", "/transcripts/{transcript_id}"): READ,
    ("GET", "/api/codings"): READ,
    ("POST", "/api/codings"): CODE,
    ("PATCH", "/api/codings/{coding_id}"): CODE,
    ("DELETE", "/api/codings/{coding_id}"): CODE,
    ("POST", "/api/undo"): UNDO,
    # page 4: configurations
    ("GET", "/configurations"): READ,
    ("GET", "/api/configurations"): READ,
    ("POST", "/api/configurations"): LINK,
    ("GET", "/api/configurations/{config_id}"): READ,
    ("PATCH", "/api/configurations/{config_id}"): LINK,
    ("DELETE", "/api/configurations/{config_id}"): LINK,
    # page 5: suggestions
    ("GET", "/suggestions"): READ,
    ("GET", "/suggestions/{transcript_id}"): READ,
    ("GET", "/api/suggestions"): READ,
    ("POST", "/api/suggestions/{suggestion_id}/accept"): REVIEW_SUGGESTIONS,
    ("POST", "/api/suggestions/{suggestion_id}/reject"): REVIEW_SUGGESTIONS,
    # page 6: anonymisation review (only with --secure): identifying text, leads only, reading included
    ("GET", "/secure/review"): ANONYMISE,
    ("GET", "/secure/review/{transcript_id}"): ANONYMISE,
    ("GET", "/secure/review/decisions.csv"): ANONYMISE,
    ("POST", "/secure/api/decisions"): ANONYMISE,
    ("POST", "/secure/api/decide"): ANONYMISE,
    ("POST", "/secure/api/redact"): ANONYMISE,
    ("POST", "/secure/api/accept-all"): ANONYMISE,
    ("POST", "/secure/api/sign-off"): ANONYMISE,
    ("POST", "/secure/api/review-filter"): ANONYMISE,
    # pages 7–8: programme theories, which PT? (a quote travels in a POST body, but only reads)
    ("GET", "/pts"): READ,
    ("GET", "/pts/{pt}"): READ,
    ("GET", "/which-pt"): READ,
    ("POST", "/api/which-pt"): QUERY,
}


def route_keys(route: BaseRoute) -> list[tuple[str, str]]:
    """The (method, path) keys a route answers to: each method of a route, GET for a mount."""
    if isinstance(route, Route):
        return [(m, route.path) for m in sorted(route.methods or {"GET"}) if m != "HEAD"]
    if isinstance(route, Mount):
        return [("GET", route.path)]
    if isinstance(route, Host):
        return []
    return [("?", repr(route))]


def unruled(routes: Iterable[BaseRoute]) -> list[tuple[str, str]]:
    """The keys of ``routes`` that :data:`RULES` does not name (must be empty)."""
    return [key for route in routes for key in route_keys(route) if key not in RULES]


def action_for(method: str, path: str) -> Action | None:
    return RULES.get(("GET" if method == "HEAD" else method, path))


def refusal(role: Role, action: Action) -> str:
    """One sentence a user can act on: what their role cannot do, and whom to ask."""
    assert action.role is not None
    if action.role is Role.lead:
        return f"{role.value}s cannot {action.refused}; only leads can"
    return f"{role.value}s cannot {action.refused}; ask a lead for the {action.role.value} role"


class Refused(CmoError):
    """The signed-in user's role does not allow this change (HTTP 403)."""


def check_owner(role: Role | None, user: str | None, owner: str, what: str) -> None:
    """A coder changes only their own codings and CMOCs; a lead may change anyone's (e.g. to tidy up).

    Independent coding is what agreement between coders measures, so one coder's work must not
    be rewritten under another's name. Without accounts (``role`` None) there is one person.
    """
    if role is Role.coder and owner != user:
        raise Refused(f"{what} is {owner}'s: coders change only their own codings and configurations "
                      "(a lead can change anyone's)")
