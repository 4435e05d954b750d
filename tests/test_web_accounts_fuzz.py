"""Hostile input to the sign-in: whatever the form or cookie holds, one clear answer, no session, no 500."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from cmo_coder.store import Project
from cmo_coder.web.signin import AccountsConfig, safe_next
from cmo_coder.web.state import Workbench
from tests.accounts_support import CHEAP, accounts_client, add_team, login_form
from tests.fuzzing import fuzz_settings
from tests.web_support import study_project


@given(st.one_of(st.text(), st.sampled_from(["//x", "/\\x", "/%2F%2Fx", "https://x/", "/ok?a=//b", "\t/x"])))
def test_after_signing_in_the_browser_only_ever_goes_to_a_path_here(target: str) -> None:
    went = safe_next(target)
    parts = urlsplit(went)
    assert went.startswith("/") and not went.startswith("//") and "\\" not in went
    assert not parts.scheme and not parts.netloc
    assert went == "/" or went == target


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    from cmo_coder.accounts import passwords

    saved, passwords.HASHER = passwords.HASHER, CHEAP
    try:
        path = study_project(tmp_path_factory.mktemp("fuzz") / "study")
        add_team(path)
    finally:
        passwords.HASHER = saved
    return accounts_client(Workbench(path, "nobody"), AccountsConfig())


_form_values = st.one_of(st.text(max_size=80), st.sampled_from(["carl", "", "\x00", "a" * 2000, "%ZZ", "&=&="]))


@pytest.mark.fuzz
@fuzz_settings(60)
@given(name=_form_values, password=_form_values, extra=st.binary(max_size=200), keep_token=st.booleans(),
       cookie=st.one_of(st.none(), st.text(st.characters(min_codepoint=33, max_codepoint=126,
                                                         exclude_characters=';,"\\'), max_size=60)))
def test_fuzz_the_sign_in_form(client: TestClient, name: str, password: str, extra: bytes, keep_token: bool,
                               cookie: str | None) -> None:
    client.cookies.clear()
    token = login_form(client)
    if cookie is not None:  # a forged or stale session cookie alongside
        client.cookies.set("cmo_session", cookie)
    form = {"name": name, "password": password, "csrf": token if keep_token else name}
    body = "&".join(f"{k}={v}" for k, v in form.items()).encode("utf-8", "surrogatepass") + extra
    r = client.post("/login", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    # no generated password is a team member's: never a session, always a page that says why
    assert r.status_code in (401, 403, 429), (r.status_code, r.text[:200])
    assert "<form method=\"post\" action=\"/login\"" in r.text
    assert client.get("/api/codings").status_code == 401


def test_the_fuzzed_project_still_has_its_codings(tmp_path: Path) -> None:
    """Sign-in never writes to the project except a rehash: the study is as made."""
    path = study_project(tmp_path / "study")
    with Project.open(path) as p:
        assert len(p.codings()) == 13


def test_a_token_with_non_ascii_characters_is_refused_not_a_server_error(tmp_path: Path) -> None:
    """Found by the sign-in fuzz: comparing such a token used to raise inside the comparison (500)."""
    from tests.web_support import client_for

    bench = Workbench(study_project(tmp_path / "study"), "carol")
    anonymous = client_for(bench, signed_in=False)
    assert anonymous.get("/?token=%C3%A9t%C3%A9").status_code == 401  # a one-time link's token
    client = client_for(bench)
    r = client.post("/api/undo", headers={"x-csrf-token": "\u00e9t\u00e9".encode()})
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
