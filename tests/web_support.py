"""Shared by the workbench tests: a study project behind the app, and a signed-in client."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.testclient import TestClient

from cmo_coder import codebook as codebook_io
from cmo_coder.store.location import parse
from cmo_coder.web.app import create_app
from cmo_coder.web.state import Workbench
from tests.study import make_study

REPO = Path(__file__).resolve().parent.parent


def study_project(path: Path | str) -> Path | str:
    """The hand-checked study of tests/study.py in its own folder (or a database URL), closed (the app
    opens it per request)."""
    study = make_study(path, codebook_io.load(REPO / "codebooks" / "tiny.yaml"))
    study.project.close()
    return path


def workbench_at(ref: Path | str, coder: str, secure: Path | None = None) -> Workbench:
    """A workbench on a project folder, or on a database URL as ``serve`` gets it (a :class:`Location`)."""
    return Workbench(parse(ref) if isinstance(ref, str) else ref, coder, secure)


def client_for(bench: Workbench, signed_in: bool = True) -> TestClient:
    client = TestClient(create_app(bench, host="testserver", port=None), base_url="http://testserver")
    if signed_in:
        response = client.get(f"/?token={bench.sessions.issue_token()}")
        assert response.status_code == 200, response.text
    return client


def csrf_of(client: TestClient) -> str:
    page = client.get("/").text
    found = re.search(r'<meta name="csrf-token" content="([^"]+)">', page)
    assert found, "the page carries no CSRF token"
    return found[1]


def project_ref(bench: Workbench) -> str:
    """How a command line names the workbench's project: its folder, or its URL with the password."""
    location = parse(bench.project_path)
    return location.url if location.url is not None else str(location.folder)
