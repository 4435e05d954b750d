"""Workbench pages 4, 7 and 8 over HTTP: configurations (CMOCs), programme theory, which PT.

The study (tests/study.py) has CMOCs K1 (c1 C, c2 Mres, c4 Mresp, c6 O; confirm), K2 (c3 Mres,
c5 Mresp; refute) and K3 (c8 C, c9 Mres); c9 is a PT-level-element coding (component Mres, no
element); d1–d3 are PT2. Expected values below are read off that table, not off the code.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from cmo_coder.web.state import Workbench
from cmo_coder.web.theory_page import safe_svg
from cmo_coder.web.which_pt_page import highlighted
from tests.fuzzing import fuzz_settings
from tests.web_support import client_for, csrf_of, study_project, workbench_at

A, B, C = "site-a-interview", "site-b-focus-group", "site-c-interview"
XSS = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


@pytest.fixture
def bench(new_location: Callable[[str], Path | str]) -> Workbench:
    return workbench_at(study_project(new_location("study")), "carol")  # SQLite unless marked ``engines``


@pytest.fixture
def client(bench: Workbench) -> TestClient:
    return client_for(bench)


class Api:
    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = csrf_of(client)

    def call(self, method: str, url: str, body: Any = None) -> tuple[int, dict[str, Any]]:
        r = self.client.request(method, url, json=body, headers={"x-csrf-token": self.csrf})
        return r.status_code, r.json()


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


def _cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def _config(api: Api, ref: str) -> dict[str, Any]:
    status, data = api.call("GET", f"/api/configurations/{ref}")
    assert status == 200, data
    return data["configuration"]


def _new_coding(bench: Workbench, transcript: str, quote: str, pt: str, component: str | None) -> str:
    with Project.open(bench.project_path) as p:
        text = p.transcript(transcript).text
    start = text.index(quote)
    code, out, err = _cli("code", "add", str(bench.project_path), transcript, "--span", f"{start}:{start + len(quote)}",
                          "--pt", pt, *(["--component", component] if component else []), "--coder", "carol",
                          "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


# -- security ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("method,url", [
    ("GET", "/configurations"), ("GET", "/pts"), ("GET", "/pts/PT1"), ("GET", "/which-pt"),
    ("GET", "/api/configurations"), ("POST", "/api/configurations"), ("GET", "/api/configurations/K1"),
    ("PATCH", "/api/configurations/K1"), ("DELETE", "/api/configurations/K1"), ("POST", "/api/which-pt"),
    ("GET", "/static/configurations.js"), ("GET", "/static/which_pt.js"),
])
def test_every_new_route_without_the_session_cookie_is_401(bench: Workbench, method: str, url: str) -> None:
    assert client_for(bench, signed_in=False).request(method, url).status_code == 401


@pytest.mark.parametrize("method,url,body", [
    ("POST", "/api/configurations", {"members": [{"coding": "c7"}, {"coding": "c3"}]}),
    ("PATCH", "/api/configurations/K1", {"version": "x", "name": "renamed"}),
    ("DELETE", "/api/configurations/K1", {"version": "x"}),
    ("POST", "/api/which-pt", {"quote": "joint assessment"}),
])
def test_every_new_change_needs_the_csrf_token(client: TestClient, bench: Workbench, method: str, url: str,
                                               body: dict[str, Any]) -> None:
    assert client.request(method, url, json=body).status_code == 403
    assert client.request(method, url, json=body, headers={"x-csrf-token": "guess"}).status_code == 403
    with Project.open(bench.project_path) as p:
        assert sorted(c.id for c in p.configurations()) == ["K1", "K2", "K3"]


# -- configurations: link --------------------------------------------------------------------------


def test_a_browser_cmoc_is_the_same_as_a_cli_cmoc(api: Api, bench: Workbench) -> None:
    # picked in reading order (outcome first), stored in chain order as `cmoc add` stores them
    status, made = api.call("POST", "/api/configurations", {
        "members": [{"coding": "c7"}, {"coding": "c3"}], "name": "Plan keeps people", "judgement": "refines",
        "rationale": "two sites agree"})
    assert status == 201, made
    config = made["configuration"]
    assert config["pt"] == "PT1" and config["judgement"] == "refine" and config["coder"] == "carol"
    assert [(m["coding"], m["role"]) for m in config["members"]] == [("c3", "mechanism_resource"), ("c7", "outcome")]
    path = str(bench.project_path)
    from_browser = _cli("cmoc", "show", path, "Plan keeps people", "--json")[1]
    shown = json.loads(from_browser)
    assert _cli("cmoc", "remove", path, config["id"], "--coder", "carol")[0] == 0
    code, _, err = _cli("cmoc", "add", path, "--pt", "PT1", "--resource", "c3", "--outcome", "c7", "--name",
                        "Plan keeps people", "--judgement", "refine", "--rationale", "two sites agree",
                        "--coder", "carol")
    assert code == 0, err
    again = json.loads(_cli("cmoc", "show", path, "Plan keeps people", "--json")[1])
    for volatile in ("created_at", "updated_at"):
        shown.pop(volatile), again.pop(volatile)
    assert shown == again and shown["id"] == config["id"]
    with Project.open(bench.project_path) as p:
        first = [(e["actor"], e["action"]) for e in p.audit_log("configuration")][-3:]
    assert first == [("carol", "add"), ("carol", "remove"), ("carol", "add")]


@pytest.mark.engines
def test_an_unnamed_cmoc_is_numbered_like_the_cli(api: Api) -> None:
    status, made = api.call("POST", "/api/configurations", {"members": [{"coding": "c7"}, {"coding": "c3"}],
                                                            "name": None})
    assert status == 201 and made["configuration"]["name"] == "PT1-4"  # K1–K3 exist


def test_a_pt_level_coding_needs_a_role(api: Api, bench: Workbench) -> None:
    loose = _new_coding(bench, C, "instead of dropping out after two visits", "PT1", None)
    status, data = api.call("POST", "/api/configurations", {"members": [{"coding": "c8"}, {"coding": loose}]})
    assert status == 400 and "choose the role" in data["error"]
    status, data = api.call("POST", "/api/configurations", {"members": [{"coding": "c8"},
                                                                        {"coding": loose, "role": "O"}]})
    assert status == 201, data
    assert [m["role"] for m in data["configuration"]["members"]] == ["context", "outcome"]


@pytest.mark.parametrize("body,status,expected", [
    ({"members": [{"coding": "c7"}, {"coding": "nope"}]}, 404, "no coding 'nope'"),
    ({"members": [{"coding": "c7"}, {"coding": "d1"}]}, 400, "belong to PT1 and PT2"),
    ({"pt": "PT2", "members": [{"coding": "c7"}, {"coding": "c3"}]}, 400, "coded to PT1, not PT2"),
    ({"pt": "PT9", "members": [{"coding": "c7"}, {"coding": "c3"}]}, 404, "unknown programme theory"),
    ({"members": [{"coding": "c7"}]}, 400, "at least two codings"),
    ({"members": [{"coding": "c7"}, {"coding": "c6"}]}, 400, "two different roles"),
    ({"members": [{"coding": "c7"}, {"coding": "c7"}, {"coding": "c3"}]}, 400, "same coding twice"),
    ({"members": [{"coding": "c7", "role": "context"}, {"coding": "c3"}]}, 400, "is given the role context"),
    ({"members": [{"coding": "c7", "role": "mood"}, {"coding": "c3"}]}, 400, "unknown component"),
    ({"members": [{"coding": "c7"}, {"coding": "c3"}], "judgement": "maybe"}, 400, "unknown judgement"),
    ({"members": [{"coding": "c7"}, {"coding": "c3"}], "name": "a;b"}, 400, "must not contain ';'"),
    ({"members": "c7 c3"}, 400, "'members' must be a list"),
    ({"members": [{"coding": 7}, {"coding": "c3"}]}, 400, "'coding' id"),
    ({"members": [{"coding": "c7", "role": 2}, {"coding": "c3"}]}, 400, "'role' must be text"),
    ({"members": [{"coding": "c7"}, {"coding": "c3"}], "name": ["x"]}, 400, "'name' must be text"),
    ([1, 2], 400, "must be a JSON object"),
])
def test_bad_links_are_refused_with_the_reason(api: Api, bench: Workbench, body: Any, status: int,
                                               expected: str) -> None:
    got, data = api.call("POST", "/api/configurations", body)
    assert (got, expected in data["error"]) == (status, True), data
    with Project.open(bench.project_path) as p:
        assert len(p.configurations()) == 3


def test_a_name_taken_in_the_pt_is_refused(api: Api) -> None:
    body = {"members": [{"coding": "c7"}, {"coding": "c3"}], "name": "Twice"}
    assert api.call("POST", "/api/configurations", body)[0] == 201
    status, data = api.call("POST", "/api/configurations", {**body, "members": [{"coding": "c6"}, {"coding": "c2"}]})
    assert status == 400 and "already exists" in data["error"]


def test_listing_by_pt_and_transcript(api: Api) -> None:
    status, data = api.call("GET", "/api/configurations?pt=pt2")
    assert status == 200 and data["configurations"] == []
    status, data = api.call("GET", f"/api/configurations?transcript={C}")
    assert [c["id"] for c in data["configurations"]] == ["K1", "K3"]  # c6 in K1, c8 in K3
    k1 = data["configurations"][0]
    assert [m["role_short"] for m in k1["members"]] == ["C", "Mres", "Mresp", "O"]
    assert k1["members"][3]["attribution"] == "SP3, Case Study C"
    assert api.call("GET", "/api/configurations?pt=PT9")[0] == 404
    assert api.call("GET", "/api/configurations?transcript=nope")[0] == 404
    assert api.call("GET", "/api/configurations/nope")[0] == 404


# -- configurations: edit and delete ---------------------------------------------------------------


def test_edit_renames_rejudges_and_changes_members(api: Api, bench: Workbench) -> None:
    k2 = _config(api, "K2")
    status, data = api.call("PATCH", "/api/configurations/K2", {
        "version": k2["version"], "name": "No plan, no hope (revised)", "judgement": "refine",
        "rationale": "carer and user differ", "members": [{"coding": "c3"}, {"coding": "c5"}, {"coding": "c7"}]})
    assert status == 200, data
    after = data["configuration"]
    assert after["id"].startswith("cmoc-") and after["name"] == "No plan, no hope (revised)"  # a new name, a new id
    assert after["judgement"] == "refine" and after["rationale"] == "carer and user differ"
    assert [m["coding"] for m in after["members"]] == ["c3", "c5", "c7"] and after["coder"] == "alice"
    with Project.open(bench.project_path) as p:
        assert "K2" not in [c.id for c in p.configurations()]
        log = [(e["actor"], e["action"], e["entity_id"]) for e in p.audit_log("configuration")][-2:]
    assert log == [("carol", "remove", "K2"), ("carol", "add", after["id"])]
    status, data = api.call("PATCH", f"/api/configurations/{after['id']}", {"version": after["version"],
                                                                             "judgement": ""})
    assert status == 200 and data["configuration"]["judgement"] is None
    assert data["configuration"]["rationale"] == "carer and user differ"  # kept when not sent


@pytest.mark.engines
def test_a_stale_cmoc_edit_or_delete_is_refused_not_overwritten(bench: Workbench) -> None:
    first, second = Api(client_for(bench)), Api(client_for(bench))
    seen = _config(first, "K1")["version"]
    assert second.call("PATCH", "/api/configurations/K1", {"version": seen, "rationale": "second tab"})[0] == 200
    status, data = first.call("PATCH", "/api/configurations/K1", {"version": seen, "rationale": "first tab"})
    assert status == 409 and "changed elsewhere" in data["error"]
    assert first.call("DELETE", "/api/configurations/K1", {"version": seen})[0] == 409
    assert first.call("PATCH", "/api/configurations/K1", {"rationale": "no version"})[0] == 400
    with Project.open(bench.project_path) as p:
        assert p.configuration("K1").rationale == "second tab"
    # a rename elsewhere (a new id) leaves this page's CMOC gone: refused, not re-created
    fresh = _config(second, "K1")["version"]
    assert second.call("PATCH", "/api/configurations/K1", {"version": fresh, "name": "elsewhere"})[0] == 200
    status, data = first.call("PATCH", "/api/configurations/K1", {"version": fresh, "rationale": "x"})
    assert status == 409 and "no longer exists" in data["error"]
    with Project.open(bench.project_path) as p:
        assert [c.name for c in p.configurations("PT1")].count("elsewhere") == 1


def test_a_cli_change_between_check_and_write_is_caught(api: Api, bench: Workbench,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The version check runs again inside the write transaction (another process may write meanwhile)."""
    from cmo_coder.coding import service

    seen = _config(api, "K3")["version"]
    real_edit, real_remove = service.edit_configuration, service.remove_configuration

    def meddle() -> None:  # another workbench rewrites K3 after this request's check
        with Project.open(bench.project_path) as p, p.transaction("dave") as tx:
            k3 = p.configuration("K3")
            tx.remove_configuration("K3")
            tx.add_configuration(k3.model_copy(update={"rationale": "dave was here"}))

    def edit(project: Project, ref: str, **kw: Any) -> Any:
        meddle()
        return real_edit(project, ref, **kw)

    def remove(project: Project, ref: str, **kw: Any) -> Any:
        with Project.open(bench.project_path) as p, p.transaction("dave") as tx:
            tx.remove_configuration("K3")
        return real_remove(project, ref, **kw)

    monkeypatch.setattr(service, "edit_configuration", edit)
    status, data = api.call("PATCH", "/api/configurations/K3", {"version": seen, "rationale": "late"})
    assert status == 409 and "changed elsewhere" in data["error"]
    with Project.open(bench.project_path) as p:
        assert p.configuration("K3").rationale == "dave was here"
    monkeypatch.setattr(service, "remove_configuration", remove)
    fresh = _config(api, "K3")["version"]
    status, data = api.call("DELETE", "/api/configurations/K3", {"version": fresh})
    assert status == 409 and "no longer exists" in data["error"]


def test_an_edit_cannot_move_a_cmoc_to_another_pt(api: Api) -> None:
    k3 = _config(api, "K3")
    status, data = api.call("PATCH", "/api/configurations/K3", {"version": k3["version"],
                                                                "members": [{"coding": "d1"}, {"coding": "d2"}]})
    assert status == 400 and "is of PT1" in data["error"]
    status, data = api.call("PATCH", "/api/configurations/K3", {"version": k3["version"], "name": "K1 twin",
                                                                "members": [{"coding": "c8"}]})
    assert status == 400 and "at least two" in data["error"]
    taken = "Joint assessment builds confidence and retention"
    status, data = api.call("PATCH", "/api/configurations/K3", {"version": k3["version"], "name": taken})
    assert status == 400 and "already has a configuration named" in data["error"]


def test_delete_keeps_the_codings(api: Api, bench: Workbench) -> None:
    k1 = _config(api, "K1")
    status, data = api.call("DELETE", "/api/configurations/K1", {"version": k1["version"]})
    assert status == 200 and "its codings stay" in data["message"]
    with Project.open(bench.project_path) as p:
        assert "K1" not in [c.id for c in p.configurations()] and p.coding("c1")
        assert p.audit_log("configuration")[-1]["actor"] == "carol"
    assert api.call("DELETE", "/api/configurations/K1", {"version": k1["version"]})[0] == 409


def test_undo_reverses_link_edit_and_delete_in_turn(api: Api, bench: Workbench) -> None:
    def state() -> list[tuple[str, str, str | None, list[str]]]:
        with Project.open(bench.project_path) as p:
            return [(c.id, c.name, c.rationale, [m.coding_id for m in c.members]) for c in p.configurations()]

    start = state()
    status, made = api.call("POST", "/api/configurations", {"members": [{"coding": "c7"}, {"coding": "c3"}]})
    assert status == 201
    k1 = _config(api, "K1")
    assert api.call("PATCH", "/api/configurations/K1", {"version": k1["version"], "name": "Renamed",
                                                        "members": [{"coding": "c1"}, {"coding": "c6"}]})[0] == 200
    k3 = _config(api, "K3")
    assert api.call("DELETE", "/api/configurations/K3", {"version": k3["version"]})[0] == 200
    gone = []
    for expected in ("delete of configuration 'Prior relationship matters'", "edit of configuration 'Renamed'",
                     "link of configuration 'PT1-4'"):
        status, data = api.call("POST", "/api/undo")
        assert status == 200 and expected in data["message"], data
        gone.append(data["gone"])
    assert gone == [None, None, made["configuration"]["id"]]  # only undoing the link removed one
    assert state() == start
    with Project.open(bench.project_path) as p:
        log = [(e["actor"], e["action"], e["detail"].get("undone")) for e in p.audit_log("configuration")]
    assert [x for x in log if x[1] == "undo"] == [("carol", "undo", "delete"), ("carol", "undo", "edit"),
                                                  ("carol", "undo", "link")]


def test_undo_of_a_cmoc_changed_meanwhile_is_refused(bench: Workbench) -> None:
    first, second = Api(client_for(bench)), Api(client_for(bench))
    status, made = first.call("POST", "/api/configurations", {"members": [{"coding": "c7"}, {"coding": "c3"}]})
    config = made["configuration"]
    assert second.call("PATCH", f"/api/configurations/{config['id']}", {"version": config["version"],
                                                                         "rationale": "mine now"})[0] == 200
    status, data = first.call("POST", "/api/undo")
    assert status == 409 and "changed elsewhere" in data["error"]
    with Project.open(bench.project_path) as p:
        assert p.configuration(config["id"]).rationale == "mine now"


def test_a_coding_in_a_cmoc_cannot_be_deleted_from_the_reader(api: Api) -> None:
    status, data = api.call("GET", f"/api/codings?transcript={C}")
    c6 = next(c for c in data["codings"] if c["id"] == "c6")
    status, data = api.call("DELETE", "/api/codings/c6", {"version": c6["version"]})
    assert status == 400 and "part of configuration(s) K1" in data["error"]


# -- configurations: the page ----------------------------------------------------------------------


def test_configurations_page_lists_cmocs_members_and_pickable_codings(client: TestClient) -> None:
    page = client.get("/configurations").text
    for name in ("Joint assessment builds confidence and retention", "No plan, no hope", "Prior relationship matters"):
        assert name in page
    k1 = page.split('id="cmoc-K1"', 1)[1].split("</article>", 1)[0]
    assert re.findall(r'chip-(\w+)">', k1) == ["context", "mechanism_resource", "mechanism_response", "outcome"]
    assert f'href="/transcripts/{C}?cmoc=K1#at-' in k1
    assert page.count('class="pick"') == 10  # PT1's codings c1–c10
    pt2 = client.get("/configurations", params={"pt": "pt2"}).text
    assert "0 configurations of PT2" in pt2 and pt2.count('class="pick"') == 3
    r = client.get("/configurations", params={"pt": "PT9"})
    assert r.status_code == 404 and "unknown programme theory" in r.text


def test_member_links_select_exactly_the_member_text(client: TestClient, bench: Workbench) -> None:
    page = client.get("/configurations").text
    links = re.findall(r'href="/transcripts/([\w-]+)\?cmoc=\w+#at-(\d+)-(\d+)"><bdi>([^<]*)</bdi></a>', page)
    assert len(links) == 8
    import html

    with Project.open(bench.project_path) as p:
        for tid, start, end, shown in links:
            assert p.transcript(tid).text[int(start):int(end)] == html.unescape(shown)


def test_cmoc_names_and_rationales_are_escaped_everywhere(api: Api, client: TestClient) -> None:
    status, made = api.call("POST", "/api/configurations", {"members": [{"coding": "c7"}, {"coding": "c3"}],
                                                            "name": XSS, "rationale": XSS})
    assert status == 201, made
    for url in ("/configurations", "/pts/PT1", f"/transcripts/{A}"):
        page = client.get(url).text
        assert "<img src=x" not in page and "<script>alert" not in page, url
    assert client.get("/configurations").text.count("&#34;&gt;&lt;img src=x onerror=alert(1)&gt;") >= 2


# -- programme theory ------------------------------------------------------------------------------


def _rows(page: str) -> list[str]:
    table = page.split('<table class="grid evidence">', 1)[1].split("</table>", 1)[0] if "grid evidence" in page else ""
    return re.findall(r'<a class="quote-link" href="[^"]+"><bdi>([^<]*)</bdi></a>', table)  # stored text: isolated


def test_theory_page_shows_evidence_cmocs_and_memos(client: TestClient, bench: Workbench) -> None:
    page = client.get("/pts/pt1").text
    assert "<h1>PT1: " in page
    assert len(_rows(page)) == 10 and "10 of 10 codings shown: 7 supporting, 2 refuting, 1 refining" in page
    assert page.count('<article class="cmoc"') == 3
    memos = page.split('id="h-memos"', 1)[1]
    assert "check with team" in memos and "he still felt judged" in memos  # c5's memo, on its quote
    with Project.open(bench.project_path) as p:
        for tid, start, end in re.findall(r'href="/transcripts/([\w-]+)#at-(\d+)-(\d+)"', page):
            assert p.transcript(tid).text[int(start):int(end)]  # every link names a real passage
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page  # c10


@pytest.mark.parametrize("params,quotes", [
    ({"stance": "refutes"}, ["he still felt judged", "Nobody gave us a plan"]),
    ({"role": "carer"}, ["he still felt judged", "Nobody gave us a plan", "The nurse said"]),
    ({"site": "c"}, ["People stay with us", "We rarely see them", "It only worked"]),
    ({"coder": "bob"}, ["We rarely see them"]),
    ({"stance": "supports", "site": "B", "role": "staff"}, ["Once we started"]),
])
def test_theory_page_filters(client: TestClient, params: dict[str, str], quotes: list[str]) -> None:
    shown = _rows(client.get("/pts/PT1", params=params).text)
    assert len(shown) == len(quotes) and all(q in s for q, s in zip(quotes, shown, strict=True)), shown


@pytest.mark.parametrize("url,params,status,expected", [
    ("/pts/PT9", {}, 404, "unknown programme theory"),
    ("/pts/PT1", {"stance": "maybe"}, 400, "unknown stance"),
    ("/pts/PT1", {"site": "Z"}, 404, "no site"),
    ("/pts/PT1", {"role": "pilot"}, 400, "role"),
    ("/pts/PT1", {"coder": "mallory"}, 400, "no coder"),
])
def test_theory_page_bad_input(client: TestClient, url: str, params: dict[str, str], status: int,
                               expected: str) -> None:
    r = client.get(url, params=params)
    assert r.status_code == status and expected in r.text


def test_theory_figure_is_a_sanitised_svg_image(client: TestClient) -> None:
    page = client.get("/pts/PT1").text
    src = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert src, "no figure"
    svg = base64.b64decode(src[1]).decode()
    assert svg.lstrip().startswith("<svg") and "PT1.MP1" in svg and "<script" not in svg
    assert client.get("/pts").status_code == 200 and 'href="/pts/PT2"' in client.get("/pts").text


def test_safe_svg_drops_script_handlers_and_outside_links() -> None:
    hostile = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="x()">'
               b'<script>alert(1)</script><!-- c --><a xlink:href="javascript:alert(2)"><text>A &lt;b&gt;</text></a>'
               b'<use href="#g"/><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
               b'<image href="http://evil.example/x.png"/></svg>')
    clean = safe_svg(hostile).decode()
    for bad in ("onload", "<script", "javascript:", "foreignObject", "evil.example", "<!--"):
        assert bad not in clean
    assert "A &lt;b&gt;" in clean and 'href="#g"' in clean


# -- which PT --------------------------------------------------------------------------------------


def test_which_pt_answers_as_the_cli_does(api: Api, bench: Workbench) -> None:
    quote = "joint assessment"
    status, answer = api.call("POST", "/api/which-pt", {"quote": quote})
    assert status == 200, answer
    code, out, err = _cli("which-pt", str(bench.project_path), quote, "--json")
    assert code == 0, err
    cli_answer = json.loads(out)
    assert answer["pts"] == cli_answer["pts"] and [m["coding_id"] for m in answer["matches"]] == [
        m["coding_id"] for m in cli_answer["matches"]]
    assert [p["pt"] for p in answer["pts"]] == ["PT1", "PT2"]
    with Project.open(bench.project_path) as p:
        for m in answer["matches"]:
            text = p.transcript(m["transcript"]).text
            assert m["before"] + m["match"] + m["after"] == m["quote"] == text[m["start"]:m["end"]]
            assert m["match"].lower() == text[m["matched_start"]:m["matched_end"]].lower() == "joint assessment"
            assert m["href"] == f"/transcripts/{m['transcript']}#at-{m['start']}-{m['end']}"


def test_which_pt_finds_an_uncoded_passage_and_says_where(api: Api) -> None:
    status, answer = api.call("POST", "/api/which-pt", {"quote": "I had a cup of tea and waited a long time."})
    assert status == 200 and not answer["coded"]
    assert [(loc["transcript"], loc["text"]) for loc in answer["locations"]] == [
        (A, "I had a cup of tea and waited a long time.")]
    assert answer["locations"][0]["href"].startswith(f"/transcripts/{A}#at-")


@pytest.mark.parametrize("body,expected", [
    ({"quote": "   "}, "the quote is empty"), ({}, "the quote is empty"), ({"quote": 3}, "'quote' must be text"),
    ({"quote": "x" * 20_001}, "longer than"), ({"quote": "plan", "limit": 0}, "'limit'"),
    ({"quote": "plan", "limit": "5"}, "'limit'"), ({"quote": "plan", "limit": True}, "'limit'"),
])
def test_which_pt_bad_input(api: Api, body: dict[str, Any], expected: str) -> None:
    status, data = api.call("POST", "/api/which-pt", body)
    assert status == 400 and expected in data["error"]


def test_which_pt_never_takes_the_quote_from_the_address(client: TestClient) -> None:
    page = client.get("/which-pt").text
    assert 'id="quote"' in page and 'method="get"' not in page and "<form" in page
    r = client.get("/which-pt", params={"q": "joint assessment"})
    assert r.status_code == 400 and "not taken from the address" in r.text and "joint assessment" not in r.text


@fuzz_settings(200)
@given(st.text(min_size=1, max_size=40), st.integers(0, 100), st.integers(-5, 60), st.integers(-5, 60))
def test_highlighted_parts_always_rebuild_the_quote(quote: str, start: int, a: int, b: int) -> None:
    from cmo_coder.query.which_pt import QuoteMatch

    end = start + len(quote)
    m = QuoteMatch(coding_id="c", pt="PT1", component="", element="", stance="supports", quote=quote,
                   attribution="", speaker="", role="", site="", transcript="t", start=start, end=end,
                   matched_start=start + a, matched_end=start + b, kind="fuzzy", score=90)
    h = highlighted(m)
    assert h["before"] + h["match"] + h["after"] == quote and h["match"]
    if 0 <= a < b <= len(quote):
        assert h["match"] == quote[a:b]


# -- navigation ------------------------------------------------------------------------------------


def test_every_page_links_the_new_pages(client: TestClient) -> None:
    for url in ("/", f"/transcripts/{A}", "/configurations", "/pts/PT1", "/which-pt"):
        page = client.get(url).text
        for target in ('href="/configurations"', 'href="/pts"', 'href="/which-pt"'):
            assert target in page, (url, target)
    assert 'href="/pts" aria-current="page"' in client.get("/pts/PT2").text


# -- accessibility ---------------------------------------------------------------------------------


def test_every_control_on_the_new_pages_has_a_label(client: TestClient) -> None:
    from lxml import html

    for url in ("/configurations", "/pts", "/pts/PT1", "/which-pt", f"/transcripts/{A}"):
        doc = html.fromstring(client.get(url).text)
        labelled = {label.get("for") for label in doc.iter("label") if label.get("for")}
        for control in doc.xpath("//input | //select | //textarea"):
            named = (control.get("id") in labelled or control.get("aria-label")
                     or any(a.tag == "label" for a in control.iterancestors()))
            assert named, f"{url}: unlabelled {html.tostring(control)[:80]!r}"
        for button in doc.xpath("//button"):
            assert button.get("aria-label") or button.text_content().strip(), f"{url}: a button without a name"
        assert doc.xpath("//img[not(@alt)]") == [], f"{url}: an image without alt text"


def test_every_text_colour_in_the_stylesheet_meets_aa_on_white() -> None:
    """Literal text colours (judgements, stances, hints…) against the white page; white itself is for dark bars."""
    from tests.test_web_api import _contrast

    css = (Path(__file__).resolve().parent.parent / "cmo_coder/web/static/workbench.css").read_text()
    colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})\b", css)) - {"#ffffff", "#FFFFFF"}
    assert {"#1b6e35", "#a50e0e", "#7a3da8"} <= colours  # the judgement colours are among those checked
    for colour in colours:
        assert _contrast(colour, "#ffffff") >= 4.5, colour
    marks = re.findall(r"\.cmoc-(?:member|stripe) \{[^}]*?(?:outline|box-shadow):[^;]*?(#[0-9a-fA-F]{6})", css)
    assert len(marks) == 2
    for mark in marks:  # the outlines marking a CMOC's members: non-text contrast
        assert _contrast(mark, "#ffffff") >= 3.0, mark
