"""Defects the API fuzz targets (tests/test_web_api_fuzz.py) found, each pinned by the request that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmo_coder.anonymise import review as rv
from cmo_coder.store import Project
from cmo_coder.store.atomic import write_text_once
from cmo_coder.web.security import SECURITY_HEADERS
from cmo_coder.web.state import Workbench
from tests.anon_support import secure_folder
from tests.web_support import client_for, csrf_of, study_project

A = "site-a-interview"


def test_an_api_path_that_names_nothing_answers_a_json_error(tmp_path: Path) -> None:
    """Found by the coding fuzz: an id holding an encoded slash (``c1%2F..``) left every API route and got a
    plain-text 404, which a client parsing the API's JSON errors cannot read."""
    client = client_for(Workbench(study_project(tmp_path / "study"), "carol"))
    csrf = csrf_of(client)
    for method, url in (("PATCH", "/api/codings/c1%2F.."), ("GET", "/api/nothing"),
                        ("DELETE", "/api/configurations/K1/x"), ("POST", "/api/suggestions/../accept")):
        r = client.request(method, url, json={}, headers={"x-csrf-token": csrf})
        assert r.status_code == 404, (method, url)
        assert r.headers["content-type"].startswith("application/json")
        assert r.json()["error"].startswith("404 Not Found")
        assert all(r.headers[k] == v for k, v in SECURITY_HEADERS.items())
    page = client.get("/no-such-page")
    assert page.status_code == 404 and page.text == "404 Not Found"  # pages keep their plain answer


def test_a_method_an_api_route_does_not_answer_is_a_json_405_naming_the_ones_it_does(tmp_path: Path) -> None:
    """Found reading the code while mending the 404: ``PUT /api/codings`` answered Starlette's plain ``Method Not
    Allowed``, whose ``Allow`` header named only the GET route's methods."""
    client = client_for(Workbench(study_project(tmp_path / "study"), "carol"))
    r = client.request("PUT", "/api/codings", json={}, headers={"x-csrf-token": csrf_of(client)})
    assert r.status_code == 405
    assert r.headers["content-type"].startswith("application/json")
    assert "does not answer PUT" in r.json()["error"]
    assert {m.strip() for m in r.headers["allow"].split(",")} >= {"GET", "POST"}
    assert r.headers["content-security-policy"] == SECURITY_HEADERS["content-security-policy"]


def test_two_requests_making_the_review_salt_at_once_keep_the_first(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Found reading the review fuzz's first request: the secure folder's salt is made on first use, and a
    second request that also saw it missing replaced it, so the ids the first page showed (salted hashes of
    each surface) named nothing any more and the log's hashes of one surface differed."""
    secure = secure_folder(tmp_path)
    first = rv.salt(secure)
    real_exists = Path.exists
    # the second request checked before the first one's file appeared
    monkeypatch.setattr(Path, "exists", lambda self: False if self.name == ".log-salt" else real_exists(self))
    assert rv.salt(secure) == first
    assert rv.surface_hash(secure, "Ravensholme") == rv.surface_hash(secure, "ravensholme")
    assert not [p.name for p in secure.path.iterdir() if p.name.endswith(".tmp")]


def test_writing_a_file_once_never_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "made" / "salt"
    assert write_text_once(target, "first\n") is True
    assert write_text_once(target, "second\n") is False
    assert target.read_text(encoding="utf-8") == "first\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["salt"]


def test_a_lone_surrogate_in_a_field_is_refused_naming_the_field_and_nothing_is_written(tmp_path: Path) -> None:
    """Found by the page-escaping fuzz: a memo sent as ``"\\ud800"`` (valid JSON, not text) reached the
    database, which could not encode it: a 500 on the add, where it should be a 400 naming the field."""
    path = study_project(tmp_path / "study")
    client = client_for(Workbench(path, "carol"))
    csrf = {"x-csrf-token": csrf_of(client), "content-type": "application/json"}
    with Project.open(path) as p:
        text, before = p.transcript(A).text, len(p.codings())
    start = text.index("I had a cup of tea")
    body = f'{{"transcript": "{A}", "start": {start}, "end": {start + 18}, "pt": "PT2", "memo": "tea \\ud800"}}'
    r = client.post("/api/codings", content=body.encode(), headers=csrf)
    assert r.status_code == 400 and r.json()["error"].startswith("'memo' holds a lone UTF-16 surrogate")
    nested = ('{"pt": "PT1", "name": "K9", "members": [{"coding": "c1", "role": "context"}, '
              '{"coding": "c2", "role": "\\udfff"}]}')
    r = client.post("/api/configurations", content=nested.encode(), headers=csrf)
    assert r.status_code == 400 and r.json()["error"].startswith("'members'[1]['role'] holds a lone")
    paired = body.replace("\\ud800", "\\ud83d\\ude00")  # a pair is one character (😀): stored as such
    r = client.post("/api/codings", content=paired.encode(), headers=csrf)
    assert r.status_code == 201 and r.json()["coding"]["memo"] == "tea \U0001F600"
    with Project.open(path) as p:
        assert len(p.codings()) == before + 1
        assert len(p.configurations()) == 3


def test_the_bare_api_path_answers_json_too(tmp_path: Path) -> None:
    """Found by the configuration fuzz: ``/api/configurations/..`` reaches ``/api``, which answered plain text."""
    client = client_for(Workbench(study_project(tmp_path / "study"), "carol"))
    r = client.request("PATCH", "/api/configurations/..", json={}, headers={"x-csrf-token": csrf_of(client)})
    assert r.status_code == 404 and r.json()["error"].startswith("404 Not Found")
