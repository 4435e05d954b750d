"""What keeps a local server holding research data private to the person who started it.

* a one-time token (printed with the URL) becomes an HttpOnly, SameSite=Strict session cookie;
  every request without that cookie is refused with 401, static files included;
* the Host header must name the server itself, so a hostile web page cannot reach it through
  DNS rebinding (an attacker's name resolving to 127.0.0.1);
* every change (POST, PATCH, PUT, DELETE) must carry the session's CSRF token in a header and,
  when the browser sends one, an Origin of this server;
* every response forbids inline script, framing, sniffing, referrers and caching.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..accounts.service import Role

if TYPE_CHECKING:
    from .signin import Gate

log = logging.getLogger("cmo_coder.web.access")

COOKIE = "cmo_session"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


def same_secret(sent: str, expected: str) -> bool:
    """Constant-time comparison of a token the client sent with ours, whatever characters it holds.

    ``hmac.compare_digest`` refuses ``str`` with non-ASCII characters (a TypeError, i.e. a 500), and
    a header, form field or query value can hold any; compared as UTF-8 bytes, they simply differ.
    """
    return hmac.compare_digest(sent.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and the name ``localhost``."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass
class Session:
    """One browser's session: its CSRF token and the changes it may undo (newest last).

    With accounts, also who signed in, their role, the account's stamp when they did (a changed
    stamp, i.e. a new password or a disabled account, ends the session) and when it began and was
    last used (for expiry). Without accounts these stay empty: the one person who holds the link.
    """

    csrf: str
    changes: list[Any] = field(default_factory=list)
    user: str | None = None
    role: Role | None = None
    stamp: str = ""
    started: float = 0.0
    seen: float = 0.0
    #: the text the reviewer asked the review's index to find: identifying, so held here, never in an address
    review_text: str = ""


class Sessions:
    """Tokens waiting to be exchanged and the sessions they became; safe across worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: set[str] = set()
        self._sessions: dict[str, Session] = {}

    def issue_token(self) -> str:
        """A new one-time token for a URL (the CLI prints one; tests ask for more)."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens.add(token)
        return token

    def exchange(self, token: str) -> tuple[str, Session] | None:
        """Spend ``token`` (once) for a new session id and session; None if it is not a live token."""
        with self._lock:
            match = next((t for t in self._tokens if same_secret(token, t)), None)
            if match is None:
                return None
            self._tokens.discard(match)
            sid = secrets.token_urlsafe(32)
            session = Session(csrf=secrets.token_urlsafe(32))
            self._sessions[sid] = session
            return sid, session

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        with self._lock:
            return self._sessions.get(sid)


class HostCheck:
    """Which Host headers name this server: the bound address and port (and ``localhost`` for loopback)."""

    def __init__(self, host: str, port: int | None, allow_remote: bool = False,
                 public_host: str | None = None) -> None:
        self.host = host.strip("[]").lower()
        self.port = port
        self.allow_remote = allow_remote
        #: behind a TLS proxy: the name users open (the proxy's port, usually 443, is not ours)
        self.public_host = public_host.strip("[]").lower() if public_host else None

    def accepts(self, header: str | None) -> bool:
        if not header:
            return False
        parts = urlsplit("//" + header)
        try:
            port = parts.port
        except ValueError:
            return False
        name = (parts.hostname or "").lower()
        if self.public_host is not None and name == self.public_host:
            return True
        if self.port is not None and port != self.port:
            return False
        if name == self.host:
            return True
        if is_loopback(self.host):
            return is_loopback(name)
        # Bound to a wildcard or another address with --allow-remote: a DNS name could be a
        # rebinding attack, an address literal cannot.
        return self.allow_remote and _is_ip_literal(name)


Handler = Callable[[Request], Awaitable[Response]]


class SecurityMiddleware:
    """Host check, token exchange, session cookie, CSRF, and security headers on every response.

    With a :class:`~cmo_coder.web.signin.Gate` (accounts), sign-in replaces the token, and each
    request's role is checked against the route's rule before the route runs.
    """

    def __init__(self, app: ASGIApp, sessions: Sessions, hosts: HostCheck, secure_cookie: bool = False,
                 gate: Gate | None = None) -> None:
        self.app = app
        self.sessions = sessions
        self.hosts = hosts
        self.secure_cookie = secure_cookie
        self.gate = gate
        # Cookies ignore ports: two workbenches on one machine (two projects) need two cookie names,
        # or signing in to one would sign the other out.
        self.cookie = cookie_name(hosts.port)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in SECURITY_HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        request = Request(scope, receive)
        refusal = self._refusal(request)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, request: Request) -> Response | None:
        if not self.hosts.accepts(request.headers.get("host")):
            return PlainTextResponse("Refused: this server only answers to its own address.", status_code=400)
        if self.gate is not None:
            return self._accounts_refusal(request, self.gate)
        token = request.query_params.get("token")
        if token is not None:
            return self._exchange(request, token)
        session = self.sessions.get(request.cookies.get(self.cookie))
        if session is None:
            return _unauthorised(request)
        request.scope["cmo_session"] = session
        return self._forgery(request, session)

    def _forgery(self, request: Request, session: Session) -> Response | None:
        """A change without the session's CSRF token, or from another site's page: refused."""
        if request.method in UNSAFE_METHODS:
            sent = request.headers.get(CSRF_HEADER, "")
            if not sent or not same_secret(sent, session.csrf):
                return JSONResponse({"error": "refused: the request lacks this page's CSRF token; reload the page"},
                                    status_code=403)
            origin = request.headers.get("origin")
            if origin is not None and not self.hosts.accepts(urlsplit(origin).netloc):
                return JSONResponse({"error": "refused: the request comes from another site"}, status_code=403)
        return None

    def _accounts_refusal(self, request: Request, gate: Gate) -> Response | None:
        """Accounts mode: the route's rule first (sign-in and static files are public), then session, CSRF, role."""
        action = gate.action(request)
        if action is not None and action.role is None:
            return None  # the sign-in page checks its own form token
        found = gate.session(request)
        if found is None:
            return gate.sign_in_first(request)
        _sid, session = found
        request.scope["cmo_session"] = session
        if request.url.path != "/logout":  # a form post: the sign-out checks the token in its form
            forged = self._forgery(request, session)
            if forged is not None:
                log.warning("refused: %r %s %s without this session's CSRF token or from another site",
                            session.user, request.method, request.url.path)
                return forged
        if action is not None and session.role is not None and not action.allows(session.role):
            return gate.refuse(request, session, action)
        return None

    def _exchange(self, request: Request, token: str) -> Response:
        exchanged = self.sessions.exchange(token)
        if exchanged is None:
            return _unauthorised(request, spent=True)
        sid, _session = exchanged
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        target = request.url.path + ("?" + urlencode(rest) if rest else "")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(self.cookie, sid, httponly=True, samesite="strict", secure=self.secure_cookie, path="/")
        return response


def cookie_name(port: int | None) -> str:
    return f"{COOKIE}_{port}" if port else COOKIE


def session_of(request: Request) -> Session:
    """The session the middleware attached (every route behind it has one)."""
    session = request.scope.get("cmo_session")
    assert isinstance(session, Session), "route reached without the security middleware"
    return session


def actor_of(request: Request, default: str) -> str:
    """Who makes a change: the signed-in user with accounts (never a form field), else ``serve``'s coder."""
    return session_of(request).user or default


def _unauthorised(request: Request, spent: bool = False) -> Response:
    why = ("this link's token has been used or is not valid" if spent
           else "this browser has no session with the server")
    text = (f"401 Unauthorised: {why}. Open the address that 'cmo-coder serve' printed "
            "(its token works once; restart the server for a new one).")
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": text}, status_code=401)
    return PlainTextResponse(text, status_code=401)
