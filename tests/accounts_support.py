"""Shared by the accounts tests: cheap argon2 parameters, so a test can hash dozens of passwords."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from starlette.testclient import TestClient

from cmo_coder.accounts import passwords, service
from cmo_coder.accounts.service import Role
from cmo_coder.store import Project
from cmo_coder.web.app import create_app
from cmo_coder.web.signin import AccountsConfig
from cmo_coder.web.state import Workbench

#: argon2id still, at the smallest cost argon2-cffi accepts (the real cost is about 0.1–0.4 s a hash)
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(passwords, "HASHER", CHEAP)
    yield


# -- a workbench with accounts ----------------------------------------------------------------------




#: one account per role, each with its own password
TEAM = {"lena": (Role.lead, "lena's long passphrase"), "carl": (Role.coder, "carl's long passphrase"),
        "vera": (Role.viewer, "vera's long passphrase"), "alice": (Role.coder, "alice's long passphrase")}


def add_team(project_path: Path) -> None:
    with Project.open(project_path) as p:
        for name, (role, password) in TEAM.items():
            service.add_user(p, name, role, password, actor="admin")


def accounts_client(bench: Workbench, config: AccountsConfig | None = None) -> TestClient:
    app = create_app(bench, host="testserver", port=None, accounts=config or AccountsConfig())
    return TestClient(app, base_url="http://testserver", follow_redirects=False)


def login_form(client: TestClient, next_path: str | None = None) -> str:
    """The sign-in page's form token (the page also sets the matching cookie)."""
    page = client.get("/login" + (f"?next={next_path}" if next_path else ""))
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found
    return found[1]


def sign_in(client: TestClient, name: str, password: str | None = None, next_path: str = "/"):  # type: ignore[no-untyped-def]
    token = login_form(client)
    return client.post("/login", data={"name": name, "password": password or TEAM[name][1], "csrf": token,
                                       "next": next_path})


def page_csrf(client: TestClient) -> str:
    found = re.search(r'<meta name="csrf-token" content="([^"]+)">', client.get("/").text)
    assert found, "the page carries no CSRF token"
    return found[1]
