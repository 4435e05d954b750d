"""A team's workbench on a shared database: ``serve`` on a URL, several workbenches on one project,
and a writer that waits on another answered with 503, never 500."""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cmo_coder.store import Project
from cmo_coder.web.state import Workbench
from tests.accounts_support import add_team, cheap_hashing, sign_in  # noqa: F401 - a fixture
from tests.web_support import client_for, csrf_of, project_ref, study_project, workbench_at

A = "site-a-interview"
PASSWORD_IN_URL = re.compile(r"postgresql://[^:/@]+:([^@*]+)@")


def _serve(args: list[str], monkeypatch: pytest.MonkeyPatch,
           env: dict[str, str] | None = None) -> tuple[int, str, str, dict[str, Any]]:
    from click.testing import CliRunner

    import cmo_coder.web.server as server_mod
    from cmo_coder.cli.main import cli

    served: dict[str, Any] = {}

    def fake_run(app: object, sock: Any, browse: str | None) -> None:
        served.update(app=app, port=sock.getsockname()[1], browse=browse)
        sock.close()

    monkeypatch.setattr(server_mod, "run_server", fake_run)
    r = CliRunner().invoke(cli, ["serve", *args, "--no-browser"], env=env)
    return r.exit_code, r.stdout, r.stderr, served


def _password(url: str) -> str:
    found = PASSWORD_IN_URL.match(url)
    assert found, url
    return found[1]


def _span(bench: Workbench, quote: str) -> tuple[int, int]:
    with Project.open(bench.project_path) as p:
        start = p.transcript(A).text.index(quote)
    return start, start + len(quote)


class Api:
    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = csrf_of(client)

    def call(self, method: str, url: str, body: Any = None) -> tuple[int, dict[str, Any], dict[str, str]]:
        r = self.client.request(method, url, json=body, headers={"x-csrf-token": self.csrf})
        return r.status_code, r.json(), dict(r.headers)

    def version(self, coding_id: str) -> str:
        _, data, _ = self.call("GET", "/api/codings")
        return str(next(c["version"] for c in data["codings"] if c["id"] == coding_id))


# -- serve on a URL --------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["argument", "--db", "CMO_CODER_DB"])
def test_serve_on_a_database_with_users_asks_to_sign_in_and_never_shows_the_password(
        pg_url: str, monkeypatch: pytest.MonkeyPatch, cheap_hashing: None, how: str) -> None:  # noqa: F811
    study_project(pg_url)
    add_team(pg_url)  # type: ignore[arg-type]
    args, env = {"argument": ([pg_url], None), "--db": (["--db", pg_url], None),
                 "CMO_CODER_DB": ([], {"CMO_CODER_DB": pg_url})}[how]
    code, out, err, served = _serve([*args, "--port", "0"], monkeypatch, env)
    assert code == 0, err
    secret = _password(pg_url)
    assert secret not in out + err and "users sign in" in out and "/login" in out
    client = TestClient(served["app"], base_url=f"http://127.0.0.1:{served['port']}", follow_redirects=False)
    assert sign_in(client, "carl").status_code == 303
    page = client.get("/").text
    database = pg_url.rsplit("/", 1)[1]
    assert "signed in as <strong>carl</strong>" in page and database in page and secret not in page
    assert "postgresql://" not in page


def test_a_shared_database_without_users_is_served_only_on_loopback_by_its_link(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    study_project(pg_url)
    secret = _password(pg_url)
    code, out, err, served = _serve([pg_url, "--host", "0.0.0.0", "--allow-remote", "--port", "0"], monkeypatch)
    assert code == 1 and not served and "open http" not in out
    assert err.count("\n") == 1 and "has no users" in err and "cmo-coder users add" in err and secret not in err
    code, out, err, served = _serve([pg_url, "--port", "0", "--coder", "lena"], monkeypatch)
    assert code == 0, err
    assert "?token=" in out and "has no users" in err and "users add" in err and secret not in out + err
    client = TestClient(served["app"], base_url=f"http://127.0.0.1:{served['port']}")
    assert client.get(served["browse"] or re.findall(r"open (\S+)", out)[0]).status_code == 200
    code, _, err, _ = _serve([pg_url, "--accounts", "--port", "0"], monkeypatch)
    assert code == 1 and "has no users" in err and secret not in err


def test_an_unreachable_database_is_one_line_without_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql://coder:hunter2-secret@127.0.0.1:1/study"
    code, out, err, served = _serve([url, "--port", "0"], monkeypatch)
    assert code == 1 and not served and err.count("\n") == 1
    assert "hunter2-secret" not in out + err and "cannot be reached" in err


# -- several workbenches on one project -------------------------------------------------------------


@pytest.mark.engines
def test_two_workbenches_on_one_project_see_each_other_and_a_stale_edit_is_409(
        new_location: Callable[[str], Path | str]) -> None:
    ref = study_project(new_location("study"))
    first, second = workbench_at(ref, "ann"), workbench_at(ref, "bob")  # as two `serve` processes would be
    ann, bob = Api(client_for(first)), Api(client_for(second))
    seen = bob.version("c6")  # bob's workbench now keeps its connection
    start, end = _span(first, "joint assessment")
    status, made, _ = ann.call("POST", "/api/codings", {"transcript": A, "start": start, "end": end, "pt": "PT1"})
    assert status == 201, made
    _, listed, _ = bob.call("GET", "/api/codings")  # the other workbench's commit is seen at once
    assert made["coding"]["id"] in {c["id"] for c in listed["codings"]}
    assert ann.call("PATCH", "/api/codings/c6", {"version": seen, "memo": "ann's"})[0] == 200
    status, data, _ = bob.call("PATCH", "/api/codings/c6", {"version": seen, "memo": "bob's"})
    assert status == 409 and "changed elsewhere" in data["error"]
    with Project.open(first.project_path) as p:
        assert p.coding("c6").memo == "ann's"


@pytest.mark.engines
def test_a_writer_kept_waiting_by_another_gets_503_and_retry_after_not_500(
        new_location: Callable[[str], Path | str], monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    import cmo_coder.store.connect as connect

    monkeypatch.setattr(connect, "LOCK_TIMEOUT_MS", 300)  # PostgreSQL: SET lock_timeout at connecting
    monkeypatch.setattr(sqlite3, "connect", functools.partial(sqlite3.connect, timeout=0.3))  # SQLite's wait
    ref = study_project(new_location("study"))
    bench = workbench_at(ref, "ann")
    api = Api(client_for(bench))
    start, end = _span(bench, "joint assessment")
    body = {"transcript": A, "start": start, "end": end, "pt": "PT1"}
    holder = Project.open(project_ref(bench) if engine == "postgresql" else ref)
    try:
        holder.conn.begin_write()  # another program's change, not yet committed
        status, data, headers = api.call("POST", "/api/codings", body)
        assert status == 503 and headers.get("retry-after") == "2", data
        assert "try again in a moment" in data["error"] and "\n" not in data["error"]
        holder.conn.rollback()
    finally:
        holder.close()
    with Project.open(bench.project_path) as p:
        assert len(p.codings()) == 13  # nothing half-written
    assert api.call("POST", "/api/codings", body)[0] == 201


def test_serve_checks_the_secure_folder_against_a_database_project(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cheap_hashing: None) -> None:  # noqa: F811
    from cmo_coder.store.secure import SecureFolder

    study_project(pg_url)
    add_team(pg_url)  # type: ignore[arg-type]
    code, _, err, served = _serve([pg_url, "--secure", str(tmp_path / "missing"), "--port", "0"], monkeypatch)
    assert code == 1 and not served and "does not exist" in err and err.count("\n") == 1
    other = SecureFolder.open(tmp_path / "another-study", create=True).path  # holds none of this project's
    code, _, err, served = _serve([pg_url, "--secure", str(other), "--port", "0"], monkeypatch)
    assert code == 1 and not served and "does not match the project" in err and _password(pg_url) not in err
