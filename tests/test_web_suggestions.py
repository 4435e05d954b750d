"""Page 5, suggestions: the queue over the text, and accept / edit / reject through the CLI's services."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from cmo_coder.suggest import queue
from cmo_coder.suggest.records import Suggestion
from cmo_coder.web.state import Workbench
from tests.web_review_support import HOSTILE, A, queue_suggestions
from tests.web_support import client_for, csrf_of, project_ref, study_project, workbench_at


@pytest.fixture
def made(new_location: Callable[[str], Path | str]) -> tuple[Workbench, dict[str, Suggestion]]:
    path = study_project(new_location("study"))  # SQLite unless the test is marked ``engines``
    return workbench_at(path, "carol"), queue_suggestions(path)


@pytest.fixture
def bench(made: tuple[Workbench, dict[str, Suggestion]]) -> Workbench:
    return made[0]


@pytest.fixture
def client(bench: Workbench) -> TestClient:
    return client_for(bench)


def _post(client: TestClient, url: str, body: Any = None) -> tuple[int, dict[str, Any]]:
    r = client.post(url, json=body if body is not None else {}, headers={"x-csrf-token": csrf_of(client)})
    return r.status_code, r.json()


def _cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def _status(bench: Workbench, sid: str) -> Suggestion:
    with Project.open(bench.project_path) as p:
        return queue.get(p, sid)


def test_the_queue_page_lists_transcripts_with_their_counts(client: TestClient) -> None:
    page = client.get("/suggestions").text
    assert '<a href="/suggestions">Suggestions</a>' in page or 'href="/suggestions" aria-current="page"' in page
    assert f'<a href="/suggestions/{A}">{A}</a>' in page
    assert page.count('<td class="num">1</td>') == 3  # one pending in each of three transcripts


def test_suggestions_show_as_ghost_highlights_with_their_reasons(client: TestClient,
                                                                 made: tuple[Workbench, dict[str, Suggestion]]) -> None:
    s = made[1]["sug-a1"]
    page = client.get(f"/suggestions/{A}").text
    ghost = (f'<span class="seg ghost ghost-mechanism_resource" data-s="{s.start}" data-e="{s.end}" '
             f'data-suggestions="sug-a1">{s.text}</span>')
    assert ghost in page
    data = json.loads(page.split('id="page-data">')[1].split("</script>")[0])
    (item,) = data["suggestions"]
    assert (item["start"], item["end"]) == (s.start, s.end) and "text" not in item  # sliced on the page
    assert "text" not in data and data["length"] > s.end  # the text travels once, in the reading view
    assert s.text not in page.split('id="page-data">')[1]
    assert item["reasons"][:3] == ["programme theory PT1 (0.61)", "programme theory PT2 (0.20)",
                                   "cue phrase “first time” → Mres"]
    assert HOSTILE not in page and "<img" not in page.split('id="page-data">')[1]


def test_hostile_reasons_stay_text(client: TestClient) -> None:
    page = client.get(f"/suggestions/{A}").text
    assert "onerror=alert(1)>" not in page.replace("\\u003e", "")  # only ever inside escaped JSON


def test_unknown_and_pending_transcripts_are_refused(client: TestClient, bench: Workbench) -> None:
    assert client.get("/suggestions/nope").status_code == 404
    from cmo_coder.model import SourceFormat, TranscriptKind

    with Project.open(bench.project_path) as p, p.transaction("tester") as tx:
        tx.add_pending_transcript("raw-one", "Pending", SourceFormat.plain_txt, TranscriptKind.transcript,
                                  "0" * 64, "t")
    r = client.get("/suggestions/raw-one")
    assert r.status_code == 400 and "not signed off" in r.text


def test_an_accepted_suggestion_is_byte_identical_to_the_cli_s(bench: Workbench, client: TestClient, tmp_path: Path,
                                                               made: tuple[Workbench, dict[str, Suggestion]],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    twin = tmp_path / "twin"
    shutil.copytree(bench.project_path, twin)
    s = made[1]["sug-a1"]
    start, end = s.start, s.start + len("The first appointment")
    status, out = _post(client, "/api/suggestions/sug-a1/accept", {
        "pt": "PT1", "component": "mechanism_resource", "stance": "refines", "element": "", "memo": "first contact",
        "start": start, "end": end})
    assert status == 200, out
    code, _, err = _cli("suggest", "review", str(twin), "--accept", "sug-a1", "--stance", "refines",
                        "--memo", "first contact", "--span", f"{start}:{end}", "--coder", "carol")
    assert code == 0, err
    listed = [_cli("code", "list", str(path), "--transcript", A, "--json")[1] for path in (bench.project_path, twin)]
    assert listed[0] == listed[1]
    coding = next(c for c in json.loads(listed[0]) if c["id"] == out["coding"]["id"])
    assert coding["text"] == "The first appointment" and coding["origin"] == "suggestion"
    assert coding["memo"] == "first contact\n(accepted suggestion sug-a1 (confidence 0.72) with edits to stance, span)"
    with Project.open(bench.project_path) as p:
        audit = p.conn.execute("SELECT actor, action, detail FROM audit WHERE entity = 'suggestion'").fetchall()
    assert [(a["actor"], a["action"]) for a in audit] == [("carol", "accept")]
    assert _status(bench, "sug-a1").status == "accepted"


@pytest.mark.engines
def test_accepting_unchanged_counts_no_edits(client: TestClient) -> None:
    status, out = _post(client, "/api/suggestions/sug-b1/accept", {
        "pt": "PT2", "component": "Mres", "stance": "supports", "memo": " "})
    assert status == 200, out
    assert out["coding"]["memo"] == "accepted suggestion sug-b1 (confidence 0.72)"
    assert out["coding"]["component"] == "mechanism_resource" and out["coding"]["pt"] == "PT2"


def test_reject_records_the_coder_and_makes_no_coding(client: TestClient, bench: Workbench) -> None:
    status, out = _post(client, "/api/suggestions/sug-c1/reject")
    assert status == 200, out
    s = _status(bench, "sug-c1")
    assert (s.status, s.decided_by, s.coding_id) == ("rejected", "carol", None)


@pytest.mark.engines
def test_a_suggestion_decided_elsewhere_is_refused_not_decided_twice(client: TestClient, bench: Workbench) -> None:
    assert _cli("suggest", "review", project_ref(bench), "--reject", "sug-a1", "--coder", "bob")[0] == 0
    for action in ("accept", "reject"):
        status, out = _post(client, f"/api/suggestions/sug-a1/{action}")
        assert status == 409 and "already rejected by bob" in out["error"], out
    assert _post(client, "/api/suggestions/sug-b1/accept")[0] == 200
    assert _post(client, "/api/suggestions/sug-b1/accept")[0] == 409


def test_a_decision_landing_between_check_and_write_is_refused(client: TestClient, bench: Workbench,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from cmo_coder.web import suggestions

    real = suggestions.edits_from

    def meanwhile(data: dict[str, Any], s: Suggestion) -> Any:
        assert _cli("suggest", "review", str(bench.project_path), "--accept", s.id, "--coder", "bob")[0] == 0
        return real(data, s)

    monkeypatch.setattr(suggestions, "edits_from", meanwhile)
    status, out = _post(client, "/api/suggestions/sug-a1/accept")
    assert status == 409, out
    assert _status(bench, "sug-a1").decided_by == "bob"
    with Project.open(bench.project_path) as p:
        assert len([c for c in p.codings(transcript_id=A) if c.coder == "carol"]) == 0


def test_unknown_suggestion_is_404(client: TestClient) -> None:
    for action in ("accept", "reject"):
        status, out = _post(client, f"/api/suggestions/sug-nope/{action}")
        assert status == 404 and "no suggestion 'sug-nope'" in out["error"]


@pytest.mark.parametrize("body,expected", [
    ({"component": "Q"}, "unknown component 'Q'"),
    ({"stance": "maybe"}, "unknown stance 'maybe'"),
    ({"start": 3}, "give both 'start' and 'end'"),
    ({"start": "3", "end": 9}, "'start' must be a whole number"),
    ({"start": 0, "end": 10**6}, "outside"),
    ({"pt": "PT9"}, "unknown programme theory PT9"),
    ({"pt": "PT2", "element": "PT1.O1"}, "PT1.O1"),
    ({"pt": 7}, "'pt' must be text"),
])
def test_bad_edits_are_refused_and_change_nothing(client: TestClient, bench: Workbench, body: dict[str, Any],
                                                  expected: str) -> None:
    status, out = _post(client, "/api/suggestions/sug-a1/accept", {"pt": "PT1", **body})
    assert status == (404 if "unknown programme theory" in expected else 400) and expected in out["error"], out
    assert _status(bench, "sug-a1").status == "pending"


def test_security_applies_to_the_new_routes(bench: Workbench, client: TestClient) -> None:
    anonymous = client_for(bench, signed_in=False)
    for method, url in [("GET", "/suggestions"), ("GET", f"/suggestions/{A}"), ("GET", "/api/suggestions"),
                        ("POST", "/api/suggestions/sug-a1/accept"), ("POST", "/api/suggestions/sug-a1/reject"),
                        ("GET", "/static/suggestions.js"), ("GET", "/static/textspan.js")]:
        assert anonymous.request(method, url).status_code == 401, url
    for url in ("/api/suggestions/sug-a1/accept", "/api/suggestions/sug-a1/reject"):
        assert client.post(url, json={}).status_code == 403
        assert client.post(url, json={}, headers={"x-csrf-token": "forged"}).status_code == 403
    assert _status(bench, "sug-a1").status == "pending"


def test_the_listing_api(client: TestClient) -> None:
    r = client.get("/api/suggestions", params={"transcript": A})
    assert [s["id"] for s in r.json()["suggestions"]] == ["sug-a1"]
    assert _post(client, "/api/suggestions/sug-a1/reject")[0] == 200
    assert client.get("/api/suggestions", params={"transcript": A}).json()["suggestions"] == []
    r = client.get("/api/suggestions", params={"status": "rejected"})
    assert [s["id"] for s in r.json()["suggestions"]] == ["sug-a1"]
    r = client.get("/api/suggestions", params={"status": "odd"})
    assert r.status_code == 400 and "unknown suggestion status" in r.json()["error"]


def test_a_transcript_without_pending_suggestions_says_so(client: TestClient) -> None:
    assert _post(client, "/api/suggestions/sug-a1/reject")[0] == 200
    page = client.get(f"/suggestions/{A}").text
    assert "Nothing pending" in page and "ghost-" not in page.split('id="reader"')[1].split("</div>\n\n<aside")[0]
