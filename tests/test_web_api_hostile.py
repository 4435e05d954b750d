"""Defects the API fuzz targets (tests/test_web_api_fuzz.py) found, each pinned by the request that showed it."""

from __future__ import annotations

from pathlib import Path

from cmo_coder.web.security import SECURITY_HEADERS
from cmo_coder.web.state import Workbench
from tests.web_support import client_for, csrf_of, study_project


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
    """Found by the raw-request fuzz: ``PUT /api/codings`` answered Starlette's plain ``Method Not Allowed``."""
    client = client_for(Workbench(study_project(tmp_path / "study"), "carol"))
    r = client.request("PUT", "/api/codings", json={}, headers={"x-csrf-token": csrf_of(client)})
    assert r.status_code == 405
    assert r.headers["content-type"].startswith("application/json")
    assert "does not answer PUT" in r.json()["error"]
    assert {m.strip() for m in r.headers["allow"].split(",")} >= {"GET", "POST"}
    assert r.headers["content-security-policy"] == SECURITY_HEADERS["content-security-policy"]
