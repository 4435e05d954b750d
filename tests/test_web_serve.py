"""``cmo-coder serve`` refuses bad input in one line, exit 1, before any server starts."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.store.schema import LATEST
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web.server import url_for
from tests.fuzzing import fuzz_settings
from tests.web_support import study_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return study_project(tmp_path_factory.mktemp("serve") / "study")


def refused(*args: str) -> str:
    """The one line ``serve`` prints, after checking it exits 1 without a traceback or a URL."""
    r = CliRunner().invoke(cli, ["serve", *args, "--no-browser"])
    assert r.exit_code == 1, (r.exit_code, r.stdout, r.stderr)
    assert "token=" not in r.stdout and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    return lines[0]


def test_missing_project(tmp_path: Path) -> None:
    assert "no such folder" in refused(str(tmp_path / "nothing"))


def test_newer_schema(tmp_path: Path) -> None:
    path = study_project(tmp_path / "study")
    conn = sqlite3.connect(path / "project.sqlite")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    assert "newer" in refused(str(path)).lower()


def test_locked_project(tmp_path: Path) -> None:
    path = study_project(tmp_path / "study")
    holder = sqlite3.connect(path / "project.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert "locked by another program" in refused(str(path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_remote_host_needs_allow_remote(project: Path) -> None:
    line = refused(str(project), "--host", "0.0.0.0")
    assert "--allow-remote" in line


def test_port_in_use(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert f"port {port} on 127.0.0.1 is in use" in refused(str(project), "--port", str(port))


def test_secure_folder_of_another_project(project: Path, tmp_path: Path) -> None:
    SecureFolder.open(tmp_path / "other-secure", create=True)
    assert "does not match the project" in refused(str(project), "--secure", str(tmp_path / "other-secure"))
    assert "does not exist" in refused(str(project), "--secure", str(tmp_path / "missing"))
    assert "inside one another" in refused(str(project), "--secure", str(project / "inner"))


def test_the_printed_url_carries_the_token() -> None:
    assert url_for("127.0.0.1", 8765, "abc") == "http://127.0.0.1:8765/?token=abc"
    assert url_for("::1", 8765, "abc") == "http://[::1]:8765/?token=abc"


@st.composite
def serve_argv(draw: st.DrawFn, places: dict[str, str]) -> list[str]:
    hostile = ["", "\x00", "a\x00b", "\n", "x" * 300, "Ω😊", "--help", "-"]
    args = ["serve", draw(st.sampled_from([places["project"], places["missing"], places["file"], *hostile]))]
    if draw(st.booleans()):
        args += ["--secure", draw(st.sampled_from([places["secure"], places["missing"], places["project"],
                                                   places["file"], *hostile]))]
    if draw(st.booleans()):
        args += ["--host", draw(st.sampled_from(["127.0.0.1", "localhost", "0.0.0.0", "::1", "evil.example",
                                                 "999.1.1.1", *hostile]))]
    args += ["--port", draw(st.sampled_from(["0", "-1", "65536", "abc", "nan", "1e3", "", "99999999999999999999"]))]
    for flag in ("--allow-remote", "--no-browser"):
        if draw(st.booleans()):
            args.append(flag)
    if draw(st.booleans()):
        args += ["--coder", draw(st.sampled_from(["ann", *hostile]))]
    return args


@pytest.fixture(scope="module")
def places(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("serve-fuzz")
    (base / "notes.txt").write_text("not a project", encoding="utf-8")
    return {"project": str(project), "missing": str(base / "missing"), "file": str(base / "notes.txt"),
            "secure": str(base / "secure")}


@pytest.mark.fuzz
@fuzz_settings(40)
@given(data=st.data())
def test_fuzz_serve_argv(places: dict[str, str], data: st.DataObject) -> None:
    """Whatever the argv, serve exits 0 (having printed its URL) or 1 with one 'error:' line; never serves here."""
    import cmo_coder.web.server as server_mod

    started: list[str | None] = []

    def fake_run(app: object, sock: socket.socket, browse: str | None) -> None:
        started.append(browse)
        sock.close()

    original, server_mod.run_server = server_mod.run_server, fake_run
    try:
        args = data.draw(serve_argv(places))
        r = CliRunner().invoke(cli, args)
    finally:
        server_mod.run_server = original
    shown = f"argv={args!r} stdout={r.stdout[-300:]!r} stderr={r.stderr[-300:]!r}"
    assert r.exception is None or isinstance(r.exception, SystemExit), shown
    assert r.exit_code in (0, 1), shown
    assert "Traceback" not in r.stderr, shown
    if r.exit_code == 0 and "--help" in args:
        assert r.stdout.startswith("Usage:") and not started, shown
    elif r.exit_code == 0:
        assert "?token=" in r.stdout and len(started) == 1, shown
    else:
        assert not started, shown
        errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
        assert len(errors) == 1 and r.stderr.startswith("error: "), shown


def test_serve_prints_a_url_whose_token_opens_the_app(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from starlette.testclient import TestClient

    import cmo_coder.web.server as server_mod

    served: dict[str, object] = {}

    def fake_run(app: object, sock: socket.socket, browse: str | None) -> None:
        served.update(app=app, port=sock.getsockname()[1], browse=browse)
        sock.close()

    monkeypatch.setattr(server_mod, "run_server", fake_run)
    r = CliRunner().invoke(cli, ["serve", str(project), "--port", "0", "--coder", "ann"])
    assert r.exit_code == 0, r.stderr
    found = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=(\S+)", r.stdout)
    assert found and int(found[1]) == served["port"] and served["browse"] == found[0]
    client = TestClient(served["app"], base_url=f"http://127.0.0.1:{found[1]}")  # type: ignore[arg-type]
    assert client.get("/").status_code == 401
    assert client.get(f"/?token={found[2]}").status_code == 200
    assert "coding as <strong>ann</strong>" in client.get("/").text
