"""``cmo-coder serve`` refuses bad input in one line, exit 1, before any server starts."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.store.schema import LATEST
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web.server import url_for
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
