"""Signing in to a team's workbench: the sign-in page, sessions, expiry, sign-out, and the role check.

Used instead of the one-time link when the project has accounts (``cmo-coder users``):

* ``/login`` is a plain form (no script), protected against cross-site posting by a
  double-submit token (a cookie and a hidden field that must match) and the Origin check;
* a wrong name, a wrong password and a disabled account get the same answer, in the same time
  (:func:`cmo_coder.accounts.passwords.check` always verifies one hash);
* failed sign-ins are counted per name and per client address (:mod:`cmo_coder.web.ratelimit`);
  a locked name or address gets 429 and a wait, and every failure is logged (never the password);
* a session is a random id in a signed, HttpOnly, SameSite=Strict cookie (``Secure`` when the
  request came over TLS through a trusted proxy); it ends on sign-out, after
  :data:`IDLE_SECONDS` unused or :data:`LIFETIME_SECONDS` in all, and at the next request once
  the user is disabled, their password or role changes (the account's *stamp* no longer matches);
* before any route runs, :class:`Gate` checks the signed-in user's role against
  :data:`cmo_coder.web.roles.RULES`; a refusal is a 403 page or JSON with a sentence to act on,
  and a log line.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from itsdangerous import BadSignature, TimestampSigner
from jinja2 import Environment
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route

from ..accounts import passwords
from ..accounts import service as accounts
from . import roles
from .ratelimit import LoginLimiter, minutes
from .security import HostCheck, Session, cookie_name, same_secret
from .state import Workbench

log = logging.getLogger("cmo_coder.web.access")

#: a session unused this long ends (a coder reading one long transcript makes no request for a while)
IDLE_SECONDS = 2 * 60 * 60
#: and any session ends after a working day
LIFETIME_SECONDS = 12 * 60 * 60
MAX_FORM = 8 * 1024
GENERIC_FAILURE = "The name or password is not right, or the account is disabled."


@dataclass
class AccountsConfig:
    """How a team's server runs: behind a TLS proxy or not, and its session limits."""

    behind_proxy: bool = False
    idle_seconds: float = IDLE_SECONDS
    lifetime_seconds: float = LIFETIME_SECONDS
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    clock: Callable[[], float] = time.monotonic


class AccountSessions:
    """Signed-in sessions by id; the cookie carries the id signed with a key made at start-up."""

    def __init__(self, config: AccountsConfig) -> None:
        self.config = config
        self._signer = TimestampSigner(secrets.token_bytes(32), salt="cmo-coder session")
        self._lock = threading.Lock()
        self._sessions: dict[str, Session] = {}

    def start(self, user: accounts.User, stamp: str) -> tuple[str, Session]:
        """A new session (a new id: nothing from before signing in carries over) and its cookie value."""
        now = self.config.clock()
        sid = secrets.token_urlsafe(32)
        session = Session(csrf=secrets.token_urlsafe(32), user=user.name, role=user.role, stamp=stamp,
                          started=now, seen=now)
        with self._lock:
            self._expire(now)
            self._sessions[sid] = session
        return self._signer.sign(sid).decode("ascii"), session

    def find(self, cookie: str | None) -> tuple[str, Session] | None:
        """The live session a cookie names (and mark it used), or None."""
        if not cookie:
            return None
        try:
            sid = self._signer.unsign(cookie, max_age=int(self.config.lifetime_seconds) + 1).decode("ascii")
        except (BadSignature, UnicodeDecodeError):
            return None
        now = self.config.clock()
        with self._lock:
            session = self._sessions.get(sid)
            if session is None:
                return None
            if self._expired(session, now):
                del self._sessions[sid]
                return None
            session.seen = now
            return sid, session

    def end(self, sid: str) -> None:
        with self._lock:
            self._sessions.pop(sid, None)

    def _expired(self, session: Session, now: float) -> bool:
        return (now - session.seen > self.config.idle_seconds
                or now - session.started > self.config.lifetime_seconds)

    def _expire(self, now: float) -> None:
        for sid in [sid for sid, s in self._sessions.items() if self._expired(s, now)]:
            del self._sessions[sid]


def client_address(request: Request, behind_proxy: bool) -> str:
    """The client's address; behind a trusted proxy, the one it appended to ``X-Forwarded-For``."""
    if behind_proxy:
        forwarded = request.headers.get("x-forwarded-for", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last[:64]
    return request.client.host if request.client else "unknown"


def is_https(request: Request, behind_proxy: bool) -> bool:
    """Whether the browser's connection is TLS: the proxy's ``X-Forwarded-Proto``, trusted only behind one."""
    if request.url.scheme == "https":
        return True
    return behind_proxy and request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower() == "https"


def _shown_name(name: str) -> str:
    """A submitted name as the log may show it: a password typed into the name field must not be logged."""
    return repr(name) if accounts.NAME.fullmatch(name) else "(not a valid user name)"


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this server only (never ``//host`` or a full URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


class Gate:
    """Sign-in, sessions and roles: what the security middleware asks in accounts mode."""

    def __init__(self, bench: Workbench, env: Environment, hosts: HostCheck, config: AccountsConfig,
                 routes: list[BaseRoute]) -> None:
        self.bench = bench
        self.env = env
        self.hosts = hosts
        self.config = config
        self.sessions = AccountSessions(config)
        self.routes = routes
        self.cookie = cookie_name(hosts.port)
        self.login_cookie = f"cmo_login_{hosts.port}" if hosts.port else "cmo_login"
        self.refusal_page: Callable[[Request, str], Response] | None = None

    # -- what the middleware asks -----------------------------------------------------------------
    def action(self, request: Request) -> roles.Action | None:
        """The rule of the route this request will reach (None: no route; the app answers 404/405)."""
        scope = request.scope
        for route in self.routes:
            match, _ = route.matches(scope)
            if match is not Match.FULL:
                continue
            if isinstance(route, Mount):
                return roles.action_for("GET", route.path) if request.method in ("GET", "HEAD") else None
            if isinstance(route, Route):
                return roles.action_for(request.method, route.path)
        return None

    def session(self, request: Request) -> tuple[str, Session] | None:
        """The request's session if it is live and its account unchanged since sign-in (enabled, same stamp)."""
        found = self.sessions.find(request.cookies.get(self.cookie))
        if found is None:
            return None
        sid, session = found
        assert session.user is not None
        with self.bench.project() as p:
            current = accounts.credentials(p, session.user)
        if current is None or current.user.disabled or current.stamp != session.stamp:
            self.sessions.end(sid)
            log.info("session of %r ended: the account changed (disabled, new password or role)", session.user)
            return None
        session.role = current.user.role  # a changed role applies at once
        return sid, session

    def sign_in_first(self, request: Request) -> Response:
        had_cookie = self.cookie in request.cookies
        why = "your session has ended; sign in again" if had_cookie else "sign in first"
        if request.url.path == "/logout":  # signing out of a session that already ended
            response: Response = RedirectResponse("/login?out=1", status_code=303)
        elif request.url.path.startswith(("/api/", "/secure/api/")) or request.method != "GET":
            response = JSONResponse({"error": f"401 Unauthorised: {why} at /login"}, status_code=401)
        else:
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            query = {"next": target} if target != "/" else {}
            if had_cookie:
                query["ended"] = "1"
            response = RedirectResponse("/login" + (f"?{urlencode(query)}" if query else ""), status_code=303)
        if had_cookie:
            response.delete_cookie(self.cookie, path="/")
        return response

    def refuse(self, request: Request, session: Session, action: roles.Action) -> Response:
        assert session.role is not None
        message = roles.refusal(session.role, action)
        log.warning("refused: %s %r (%s) %s %s: %s", session.role.value, session.user,
                    client_address(request, self.config.behind_proxy), request.method, request.url.path, message)
        return refusal_response(request, message, self.refusal_page)

    # -- the routes -------------------------------------------------------------------------------
    def routes_of_signin(self) -> list[Route]:
        return [
            Route("/login", self.login_page, methods=["GET"]),
            Route("/login", self.login, methods=["POST"]),
            Route("/logout", self.logout, methods=["POST"]),
        ]

    def _page(self, request: Request, status: int, message: str = "", name: str = "",
              notice: str = "") -> HTMLResponse:
        token = secrets.token_urlsafe(32)
        html = self.env.get_template("login.html").render(
            title="Sign in", project_name=self.bench.project_name, csrf=token, message=message, name=name,
            notice=notice, next=safe_next(request.query_params.get("next")),
        )
        response = HTMLResponse(html, status_code=status)
        response.set_cookie(self.login_cookie, token, httponly=True, samesite="strict", path="/login",
                            secure=is_https(request, self.config.behind_proxy))
        return response

    async def login_page(self, request: Request) -> HTMLResponse:
        notice = ("You have signed out." if request.query_params.get("out")
                  else "Your session has ended; sign in again." if request.query_params.get("ended") else "")
        return self._page(request, 200, notice=notice)

    async def _form(self, request: Request) -> dict[str, str]:
        raw = await request.body()
        if len(raw) > MAX_FORM:
            return {}
        try:
            return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        except (UnicodeDecodeError, ValueError):
            return {}

    def _cross_site(self, request: Request) -> bool:
        """A form post from another site's page.

        Browsers send ``Origin: null`` for a form post from a page whose referrer policy is
        ``no-referrer`` (ours), so then the browser's ``Sec-Fetch-Site`` decides; either way the
        form token must also match a SameSite=Strict cookie, which a cross-site post never carries.
        """
        origin = request.headers.get("origin")
        if origin is not None and origin != "null":
            return not self.hosts.accepts(urlsplit(origin).netloc)
        return request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none")

    async def login(self, request: Request) -> Response:
        form = await self._form(request)
        name, password = form.get("name", "").strip(), form.get("password", "")
        sent, expected = form.get("csrf", ""), request.cookies.get(self.login_cookie, "")
        if self._cross_site(request) or not sent or not expected or not same_secret(sent, expected):
            log.warning("sign-in refused: no matching form token (cross-site or stale form) from %s",
                        client_address(request, self.config.behind_proxy))
            return self._page(request, 403, "This sign-in form has expired or came from another site; "
                                            "sign in again here.", name=name)
        address = client_address(request, self.config.behind_proxy)
        limiter = self.config.limiter
        wait = limiter.wait(name, address)
        if wait > 0:
            log.warning("sign-in refused for %s from %s: too many failures, locked for %.0f s",
                        _shown_name(name), address, wait)
            response = self._page(request, 429, f"Too many failed sign-ins for this name or from this address: "
                                                f"try again in {minutes(wait)}.", name=name)
            response.headers["retry-after"] = str(int(wait) + 1)
            return response
        user = await self._verify(name, password)
        if user is None:
            limiter.failed(name, address)
            log.warning("sign-in failed for %s from %s", _shown_name(name), address)
            return self._page(request, 401, GENERIC_FAILURE, name=name)
        limiter.succeeded(name)
        with self.bench.project() as p:
            found = accounts.credentials(p, user.name)
        if found is None or found.user.disabled:  # disabled between the check and now
            return self._page(request, 401, GENERIC_FAILURE, name=name)
        cookie, _session = self.sessions.start(found.user, found.stamp)
        log.info("signed in: %s %r from %s", found.user.role.value, found.user.name, address)
        done = RedirectResponse(safe_next(form.get("next")), status_code=303)
        done.set_cookie(self.cookie, cookie, httponly=True, samesite="strict", path="/",
                            secure=is_https(request, self.config.behind_proxy),
                            max_age=int(self.config.lifetime_seconds))
        done.delete_cookie(self.login_cookie, path="/login")
        return done

    async def _verify(self, name: str, password: str) -> accounts.User | None:
        """The account if the password is right and it is enabled; hashing runs off the event loop."""
        with self.bench.project() as p:
            found = accounts.credentials(p, name, any_case=True) if len(password) <= accounts.MAX_PASSWORD else None
        ok = await run_in_threadpool(passwords.check, found.password_hash if found else None,
                                     password[:accounts.MAX_PASSWORD])
        if not ok or found is None or found.user.disabled:
            return None
        if passwords.needs_rehash(found.password_hash):
            fresh = await run_in_threadpool(passwords.hash_password, password)
            with self.bench.project() as p:
                accounts.store_rehash(p, found.user.name, found.password_hash, fresh)
        return found.user

    async def logout(self, request: Request) -> Response:
        """Sign out (a form post carrying the session's CSRF token): the session ends here, not only the cookie."""
        found = self.sessions.find(request.cookies.get(self.cookie))
        form = await self._form(request)
        if found is not None:
            sid, session = found
            if self._cross_site(request) or not same_secret(form.get("csrf", ""), session.csrf):
                return refusal_response(request, "refused: the sign-out lacks this page's token; reload the page",
                                        self.refusal_page)
            self.sessions.end(sid)
            log.info("signed out: %r", session.user)
        response = RedirectResponse("/login?out=1", status_code=303)
        response.delete_cookie(self.cookie, path="/")
        return response


def refusal_response(request: Request, message: str,
                     page: Callable[[Request, str], Response] | None) -> Response:
    """403: JSON for the API, the error page (with the header, when signed in) for a page."""
    if request.url.path.startswith(("/api/", "/secure/api/")) or request.method != "GET" or page is None:
        return JSONResponse({"error": f"403 Forbidden: {message}"}, status_code=403)
    return page(request, message)
