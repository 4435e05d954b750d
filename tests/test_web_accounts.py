"""The workbench with accounts: sign-in, sessions, the failed sign-in limit, and roles on every route."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from cmo_coder.accounts import service
from cmo_coder.errors import CmoError
from cmo_coder.store import Project
from cmo_coder.web import roles
from cmo_coder.web.ratelimit import LoginLimiter, Policy
from cmo_coder.web.security import CONTENT_SECURITY_POLICY
from cmo_coder.web.server import ServeOptions, accounts_mode, check_accounts_options
from cmo_coder.web.signin import GENERIC_FAILURE, AccountsConfig, safe_next
from cmo_coder.web.state import Workbench
from tests.accounts_support import TEAM, accounts_client, add_team, cheap_hashing, page_csrf, sign_in  # noqa: F401
from tests.web_support import study_project, workbench_at

pytestmark = pytest.mark.usefixtures("cheap_hashing")

A = "site-a-interview"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def bench(tmp_path: Path, request: pytest.FixtureRequest, new_location: Callable[[str], Path | str]) -> Workbench:
    request.getfixturevalue("cheap_hashing")  # before the team's passwords are hashed
    path = study_project(new_location("study"))  # SQLite unless the test is marked ``engines``
    add_team(path)
    # with a secure folder named, the /secure/ routes exist (a lead reaching them gets the folder's error)
    return workbench_at(path, "ignored-serve-coder", tmp_path / "secure")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def config(clock: Clock) -> AccountsConfig:
    return AccountsConfig(idle_seconds=600, lifetime_seconds=3600, clock=clock,
                          limiter=LoginLimiter(Policy(free=3, base=60), Policy(free=6, base=60), clock=clock))


@pytest.fixture
def client(bench: Workbench, config: AccountsConfig) -> TestClient:
    return accounts_client(bench, config)


def _span(bench: Workbench, quote: str) -> tuple[int, int]:
    with Project.open(bench.project_path) as p:
        text = p.transcript(A).text
    start = text.index(quote)
    return start, start + len(quote)


def _codings(bench: Workbench) -> list[tuple[str, str]]:
    with Project.open(bench.project_path) as p:
        return sorted((c.id, c.coder) for c in p.codings())


# -- signing in ------------------------------------------------------------------------------------


def test_without_a_session_pages_go_to_sign_in_and_the_api_says_401(client: TestClient) -> None:
    r = client.get(f"/transcripts/{A}?coder=alice")
    assert r.status_code == 303 and r.headers["location"] == f"/login?next=%2Ftranscripts%2F{A}%3Fcoder%3Dalice"
    assert client.get("/").headers["location"] == "/login"
    for method, url in [("GET", "/api/codings"), ("POST", "/api/codings"), ("DELETE", "/api/codings/c1")]:
        r = client.request(method, url)
        assert r.status_code == 401 and "sign in first" in r.json()["error"]
    assert client.get("/?token=anything").status_code == 303  # no one-time links with accounts
    assert client.get("/static/workbench.css").status_code == 200  # the package's own files, no data
    login = client.get("/login")
    assert login.status_code == 200 and login.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert '<form method="post" action="/login"' in login.text and "<script" not in login.text


@pytest.mark.engines
def test_signing_in_sets_a_strict_httponly_cookie_and_shows_who_and_role(client: TestClient) -> None:
    r = sign_in(client, "carl", next_path=f"/transcripts/{A}")
    assert r.status_code == 303 and r.headers["location"] == f"/transcripts/{A}"
    cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("cmo_session="))
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower() and "secure" not in cookie.lower()
    page = client.get("/").text
    assert 'signed in as <strong>carl</strong> <span class="role-badge">coder</span>' in page
    assert 'action="/logout"' in page and "ignored-serve-coder" not in page


def test_behind_a_proxy_the_cookie_is_secure_when_the_proxy_says_https(bench: Workbench) -> None:
    client = accounts_client(bench, AccountsConfig(behind_proxy=True))
    headers = {"x-forwarded-proto": "https"}
    token = client.get("/login", headers=headers)
    assert "secure" in token.headers["set-cookie"].lower()
    import re
    csrf = re.search(r'name="csrf" value="([^"]+)"', token.text)[1]  # type: ignore[index]
    client.cookies.set("cmo_login", csrf)
    r = client.post("/login", data={"name": "carl", "password": TEAM["carl"][1], "csrf": csrf}, headers=headers)
    assert r.status_code == 303 and "; secure" in r.headers["set-cookie"].lower()
    # without --behind-proxy the header is not trusted
    plain = accounts_client(bench, AccountsConfig())
    assert "secure" not in plain.get("/login", headers=headers).headers["set-cookie"].lower()


def test_wrong_password_unknown_name_and_disabled_account_get_the_same_answer(client: TestClient,
                                                                               bench: Workbench) -> None:
    with Project.open(bench.project_path) as p:
        service.set_disabled(p, "vera", True)
    answers = []
    for name, password in [("carl", "not carl's password"), ("nobody", "whatever it is here"),
                           ("vera", TEAM["vera"][1])]:
        r = sign_in(client, name, password)
        answers.append((r.status_code, GENERIC_FAILURE in r.text, "cmo_session=" in r.headers.get("set-cookie", "")))
    assert answers == [(401, True, False)] * 3


@pytest.mark.parametrize("tamper", ["no token", "wrong token", "other origin", "null origin from another site"])
def test_the_sign_in_form_needs_its_own_token_and_this_origin(client: TestClient, tamper: str) -> None:
    from tests.accounts_support import login_form

    token = login_form(client)
    data = {"name": "carl", "password": TEAM["carl"][1], "csrf": token}
    headers = {}
    if tamper == "no token":
        del data["csrf"]
    elif tamper == "wrong token":
        data["csrf"] = "forged"
    elif tamper == "other origin":
        headers["origin"] = "http://evil.example"
    else:  # what a browser sends for a form post under our no-referrer policy, from another site
        headers.update({"origin": "null", "sec-fetch-site": "cross-site"})
    r = client.post("/login", data=data, headers=headers)
    assert r.status_code == 403 and "expired or came from another site" in r.text
    assert "cmo_session=" not in r.headers.get("set-cookie", "")


def test_a_same_site_form_post_with_a_null_origin_signs_in(client: TestClient) -> None:
    from tests.accounts_support import login_form

    token = login_form(client)
    r = client.post("/login", data={"name": "carl", "password": TEAM["carl"][1], "csrf": token},
                    headers={"origin": "null", "sec-fetch-site": "same-origin"})
    assert r.status_code == 303


def test_a_next_address_never_leaves_the_server() -> None:
    assert safe_next("/transcripts/x?y=1") == "/transcripts/x?y=1"
    for bad in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "", None]:
        assert safe_next(bad) == "/"


# -- the failed sign-in limit ----------------------------------------------------------------------


def test_failed_sign_ins_lock_the_name_with_a_429_even_for_the_right_password(
        client: TestClient, clock: Clock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "cmo_coder.web.access")
    for _ in range(3):
        assert sign_in(client, "carl", "wrong password, again").status_code == 401
    r = sign_in(client, "carl", "wrong password, again")  # the 4th failure locks for 60 s
    assert r.status_code == 401
    locked = sign_in(client, "carl")
    assert locked.status_code == 429 and "try again in 1 minute" in locked.text
    assert int(locked.headers["retry-after"]) in range(55, 62)
    assert sign_in(client, "CARL ", TEAM["carl"][1]).status_code == 429  # the same name, however typed
    assert sign_in(client, "lena").status_code == 303  # other names are not locked
    clock.now += 61
    assert sign_in(client, "carl").status_code == 303
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "sign-in failed for 'carl'" in logged and "locked" in logged
    assert "wrong password, again" not in logged and TEAM["carl"][1] not in logged


def test_lockouts_grow_and_unknown_names_lock_like_known_ones(clock: Clock) -> None:
    limiter = LoginLimiter(Policy(free=2, base=10, cap=35), Policy(free=100), clock=clock)
    waits = []
    for _ in range(6):
        limiter.failed("nobody", "10.0.0.1")
        waits.append(round(limiter.wait("nobody", "10.0.0.1")))
    assert waits == [0, 0, 10, 20, 35, 35]
    limiter.succeeded("nobody")
    assert limiter.wait("nobody", "10.0.0.1") == 0


def test_one_address_guessing_many_names_is_locked_too(client: TestClient) -> None:
    for i in range(7):  # the address may fail 6 times; the 7th failure locks it
        assert sign_in(client, f"guess{i}", "some wrong password").status_code == 401
    r = sign_in(client, "lena")
    assert r.status_code == 429 and "from this address" in r.text


def test_a_password_typed_into_the_name_field_is_not_logged(client: TestClient,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "cmo_coder.web.access")
    sign_in(client, "my secret pass!", "x" * 12)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "sign-in failed for (not a valid user name)" in logged and "my secret pass" not in logged


# -- sessions ending -------------------------------------------------------------------------------


def test_signing_in_ignores_the_letter_case_of_the_name(client: TestClient) -> None:
    assert sign_in(client, "Carl", TEAM["carl"][1]).status_code == 303
    assert "signed in as <strong>carl</strong>" in client.get("/").text


def test_signing_out_after_the_session_ended_goes_to_the_sign_in_page(client: TestClient, clock: Clock) -> None:
    sign_in(client, "carl")
    csrf = page_csrf(client)
    clock.now += 601
    r = client.post("/logout", data={"csrf": csrf})
    assert r.status_code == 303 and r.headers["location"] == "/login?out=1"


def test_sign_out_ends_the_session_on_the_server(client: TestClient) -> None:
    sign_in(client, "carl")
    cookie = client.cookies.get("cmo_session")
    csrf = page_csrf(client)
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 403
    r = client.post("/logout", data={"csrf": csrf})
    assert r.status_code == 303 and r.headers["location"] == "/login?out=1"
    assert "You have signed out." in client.get("/login?out=1").text
    replay = TestClient(client.app, base_url="http://testserver", follow_redirects=False)
    replay.cookies.set("cmo_session", cookie)  # type: ignore[arg-type]
    assert replay.get("/api/codings").status_code == 401


def test_sessions_expire_when_idle_and_after_their_lifetime(client: TestClient, clock: Clock) -> None:
    sign_in(client, "carl")
    clock.now += 599
    assert client.get("/api/codings").status_code == 200
    clock.now += 601
    r = client.get("/")
    assert r.status_code == 303 and r.headers["location"] == "/login?ended=1"
    assert client.get("/api/codings").status_code == 401
    sign_in(client, "carl")
    for _ in range(7):  # used every 9 minutes: never idle, but a session lasts an hour at most
        clock.now += 540
        status = client.get("/api/codings").status_code
    assert status == 401


@pytest.mark.parametrize("change", ["disable", "passwd", "role"])
def test_disabling_a_user_or_changing_their_password_ends_their_sessions(client: TestClient, bench: Workbench,
                                                                         change: str) -> None:
    sign_in(client, "carl")
    assert client.get("/api/codings").status_code == 200
    with Project.open(bench.project_path) as p:
        if change == "disable":
            service.set_disabled(p, "carl", True)
        elif change == "role":
            service.set_role(p, "carl", service.Role.viewer)
        else:
            service.change_password(p, "carl", "carl's new passphrase")
    r = client.get("/api/codings")
    assert r.status_code == 401 and "session has ended" in r.json()["error"]
    if change == "passwd":
        assert sign_in(client, "carl", "carl's new passphrase").status_code == 303
    if change == "role":
        assert sign_in(client, "carl").status_code == 303
        assert '<span class="role-badge">viewer</span>' in client.get("/").text
        r = client.post("/api/undo", headers={"x-csrf-token": page_csrf(client)})
        assert r.status_code == 403 and "viewers cannot undo changes" in r.json()["error"]


def test_signing_in_replaces_a_hash_made_with_older_parameters(client: TestClient, bench: Workbench,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    from cmo_coder.accounts import passwords

    with Project.open(bench.project_path) as p:
        old = service.credentials(p, "carl").password_hash  # type: ignore[union-attr]
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=2, memory_cost=8, parallelism=1))
    assert sign_in(client, "carl").status_code == 303
    with Project.open(bench.project_path) as p:
        new = service.credentials(p, "carl").password_hash  # type: ignore[union-attr]
        assert new != old and "t=2" in new
        assert [e["action"] for e in p.audit_log("user") if e["entity_id"] == "carl"] == ["add", "rehash"]
    assert client.get("/api/codings").status_code == 200  # the same password: the session goes on


# -- roles -----------------------------------------------------------------------------------------


@pytest.mark.engines
def test_a_viewer_cannot_code_gets_a_clear_403_and_it_is_logged(client: TestClient, bench: Workbench,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "cmo_coder.web.access")
    sign_in(client, "vera")
    before = _codings(bench)
    start, end = _span(bench, "joint assessment")
    r = client.post("/api/codings", json={"transcript": A, "start": start, "end": end, "pt": "PT1"},
                    headers={"x-csrf-token": page_csrf(client)})
    assert r.status_code == 403
    assert r.json()["error"] == "403 Forbidden: viewers cannot change codings; ask a lead for the coder role"
    assert _codings(bench) == before
    assert "refused: viewer 'vera'" in caplog.text and "POST /api/codings" in caplog.text
    page = client.get(f"/transcripts/{A}").text  # reading is allowed, the controls to change are not there
    assert 'data-can-change="0"' in page and 'id="undo"' not in page


def test_a_coder_is_refused_the_anonymisation_review_with_a_page(client: TestClient, bench: Workbench) -> None:
    sign_in(client, "carl")
    r = client.get("/secure/review")
    assert r.status_code == 403 and "text/html" in r.headers["content-type"]
    assert "coders cannot review anonymisation or sign transcripts off; only leads can" in r.text
    assert "signed in as <strong>carl</strong>" in r.text
    assert "Anonymisation review" not in client.get("/").text
    lead = accounts_client(bench)
    sign_in(lead, "lena")
    assert "Anonymisation review" in lead.get("/").text


def test_the_coder_of_a_coding_is_the_signed_in_user_never_a_form_field(client: TestClient,
                                                                        bench: Workbench) -> None:
    sign_in(client, "carl")
    start, end = _span(bench, "joint assessment")
    r = client.post("/api/codings", json={"transcript": A, "start": start, "end": end, "pt": "PT1",
                                          "coder": "mallory", "actor": "mallory"},
                    headers={"x-csrf-token": page_csrf(client)})
    assert r.status_code == 201, r.text
    made = r.json()["coding"]
    with Project.open(bench.project_path) as p:
        assert p.coding(made["id"]).coder == "carl"
        assert [e["actor"] for e in p.audit_log("coding") if e["entity_id"] == made["id"]] == ["carl"]


@pytest.mark.engines
def test_a_coder_changes_only_their_own_codings_a_lead_any(client: TestClient, bench: Workbench) -> None:
    from cmo_coder.web.changes import version

    with Project.open(bench.project_path) as p:
        theirs = p.coding("c1")
    assert theirs.coder == "alice"
    sign_in(client, "carl")
    r = client.request("DELETE", "/api/codings/c1", json={"version": version(theirs)},
                       headers={"x-csrf-token": page_csrf(client)})
    assert r.status_code == 403 and "coding c1 is alice's" in r.json()["error"]
    r = client.patch("/api/codings/c1", json={"version": version(theirs), "memo": "mine now"},
                     headers={"x-csrf-token": page_csrf(client)})
    assert r.status_code == 403
    lead = accounts_client(bench, AccountsConfig())
    sign_in(lead, "lena")
    r = lead.patch("/api/codings/c1", json={"version": version(theirs), "memo": "tidied"},
                   headers={"x-csrf-token": page_csrf(lead)})
    assert r.status_code == 200
    with Project.open(bench.project_path) as p:
        assert p.coding("c1").memo == "tidied" and p.coding("c1").coder == "alice"
    owner = accounts_client(bench, AccountsConfig())
    sign_in(owner, "alice")
    with Project.open(bench.project_path) as p:
        now = p.coding("c1")
    r = owner.patch("/api/codings/c1", json={"version": version(now), "memo": "my own"},
                    headers={"x-csrf-token": page_csrf(owner)})
    assert r.status_code == 200, r.text


#: what each role may do, written out independently of cmo_coder.web.roles.RULES
def _expected(role: str, method: str, path: str) -> bool:
    if path in ("/login", "/logout", "/static"):
        return True
    if role == "lead":
        return True
    if path.startswith("/secure"):
        return False
    if role == "coder":
        return True
    return method == "GET" or path == "/api/which-pt"


def _concrete(path: str) -> str:
    values = {"transcript_id": A, "coding_id": "nope", "config_id": "nope", "suggestion_id": "nope", "pt": "PT1"}
    for key, value in values.items():
        path = path.replace("{" + key + "}", value)
    return "/static/workbench.css" if path == "/static" else path


@pytest.mark.parametrize("role_user", ["lena", "carl", "vera"])
def test_every_route_of_the_app_with_every_role(bench: Workbench, role_user: str) -> None:
    """Walks app.routes itself: a route added without a rule (or a wrong one) fails here."""
    client = accounts_client(bench, AccountsConfig())
    app = client.app
    keys = [key for route in app.routes for key in roles.route_keys(route)]  # type: ignore[attr-defined]
    assert len(keys) == len(set(keys)) and roles.unruled(app.routes) == []  # type: ignore[attr-defined]
    assert {k for r in app.routes if isinstance(r, (Route, Mount)) for k in roles.route_keys(r)} == set(keys)  # type: ignore[attr-defined]
    role = TEAM[role_user][0].value
    walked = []
    for method, path in sorted(keys, key=lambda k: k[1] == "/logout"):  # sign out last
        sign_in(client, role_user)
        headers = {"x-csrf-token": page_csrf(client)}
        if path == "/logout":
            r = client.post("/logout", data={"csrf": headers["x-csrf-token"]})
        elif path == "/login" and method == "POST":
            r = sign_in(client, role_user)
        else:
            r = client.request(method, _concrete(path), headers=headers,
                               json={} if method in ("POST", "PATCH", "DELETE") else None)
        allowed = _expected(role, method, path)
        assert (r.status_code != 403) == allowed, (role, method, path, r.status_code, r.text[:200])
        assert r.status_code not in (401, 500), (role, method, path, r.status_code, r.text[:200])
        if not allowed:
            assert "cannot" in r.text and ("ask a lead for the" in r.text or "only leads can" in r.text)
        walked.append((method, path))
    assert sorted(walked) == sorted(keys)


def test_an_app_with_a_route_without_a_rule_does_not_start(bench: Workbench,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(roles.RULES, ("POST", "/api/undo"))
    with pytest.raises(RuntimeError, match=r"\('POST', '/api/undo'\)"):
        accounts_client(bench)


# -- serve's options -------------------------------------------------------------------------------


def _options(bench: Workbench, **kw: object) -> ServeOptions:
    return ServeOptions(project=bench.project_path, secure=None, coder="me", open_browser=False, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("kw,message", [
    ({"coder_given": True}, "--coder is not used with accounts"),
    ({"host": "0.0.0.0"}, "would send passwords and session cookies over plain HTTP"),
    ({"host": "192.0.2.5", "behind_proxy": True}, "plain HTTP"),
    ({"public_host": "coding.example.org"}, "with --behind-proxy"),
])
def test_serve_refuses_what_does_not_fit_accounts(bench: Workbench, kw: dict[str, object], message: str) -> None:
    options = _options(bench, **kw)
    assert accounts_mode(options)
    with pytest.raises(CmoError, match=message):
        check_accounts_options(options, True)


def test_serve_allows_plain_http_off_loopback_only_when_told(bench: Workbench) -> None:
    check_accounts_options(_options(bench, host="0.0.0.0", insecure_http=True), True)
    check_accounts_options(_options(bench, behind_proxy=True, public_host="coding.example.org"), True)


def test_accounts_without_users_and_proxy_options_without_accounts_are_refused(tmp_path: Path) -> None:
    bench = Workbench(study_project(tmp_path / "bare"), "me")
    with pytest.raises(CmoError, match="has no users, so nobody could sign in"):
        accounts_mode(_options(bench, accounts=True))
    assert not accounts_mode(_options(bench))
    with pytest.raises(CmoError, match="--behind-proxy serve a team with accounts"):
        check_accounts_options(_options(bench, behind_proxy=True), False)
    check_accounts_options(_options(bench, coder_given=True), False)  # the token mode keeps --coder


def _serve(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str, dict[str, object]]:
    from click.testing import CliRunner

    import cmo_coder.web.server as server_mod
    from cmo_coder.cli.main import cli

    served: dict[str, object] = {}

    def fake_run(app: object, sock: object, browse: str | None) -> None:
        served.update(app=app, port=sock.getsockname()[1], browse=browse)  # type: ignore[attr-defined]
        sock.close()  # type: ignore[attr-defined]

    monkeypatch.setattr(server_mod, "run_server", fake_run)
    r = CliRunner().invoke(cli, ["serve", *args, "--no-browser"])
    return r.exit_code, r.stdout, r.stderr, served


def test_serve_with_users_prints_the_sign_in_address_and_its_app_asks_to_sign_in(
        bench: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    code, out, err, served = _serve([str(bench.project_path), "--port", "0"], monkeypatch)
    assert code == 0, err
    found = re.search(r"open http://127\.0\.0\.1:(\d+)/login\n", out)
    assert found and int(found[1]) == served["port"] and "token=" not in out and "sign in" in out
    client = TestClient(served["app"], base_url=f"http://127.0.0.1:{found[1]}",  # type: ignore[arg-type]
                        follow_redirects=False)
    assert client.get("/").status_code == 303
    assert sign_in(client, "carl").status_code == 303
    assert "signed in as <strong>carl</strong>" in client.get("/").text


@pytest.mark.parametrize("args,message", [
    (["--coder", "ann"], "--coder is not used with accounts"),
    (["--host", "0.0.0.0"], "over plain HTTP"),
    (["--host", "0.0.0.0", "--allow-remote"], "add --insecure-http"),
    (["--public-host", "coding.example.org"], "with --behind-proxy"),
])
def test_serve_with_users_refuses_in_one_line(bench: Workbench, monkeypatch: pytest.MonkeyPatch,
                                              args: list[str], message: str) -> None:
    code, out, err, served = _serve([str(bench.project_path), *args], monkeypatch)
    assert code == 1 and not served and "open http" not in out
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err


def test_serve_with_insecure_http_warns_and_starts(bench: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err, served = _serve([str(bench.project_path), "--host", "0.0.0.0", "--port", "0",
                                     "--insecure-http"], monkeypatch)
    assert code == 0, err
    assert "plain HTTP" in err and "unencrypted" in err and served["app"] is not None
    assert "open http://0.0.0.0:" in out


def test_serve_behind_a_proxy_accepts_the_public_host(bench: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err, served = _serve([str(bench.project_path), "--port", "0", "--behind-proxy",
                                     "--public-host", "coding.example.org"], monkeypatch)
    assert code == 0, err
    assert "users open https://coding.example.org/" in out
    client = TestClient(served["app"], base_url="https://coding.example.org",  # type: ignore[arg-type]
                        follow_redirects=False)
    assert client.get("/login").status_code == 200
    assert client.get("/login", headers={"host": "elsewhere.example"}).status_code == 400
