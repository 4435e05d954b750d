"""The workbench over HTTP: security on every route, and coding changes through the CLI's services."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from cmo_coder.web.security import CONTENT_SECURITY_POLICY
from cmo_coder.web.state import Workbench
from tests.study import TURNS
from tests.web_support import client_for, csrf_of, study_project, workbench_at

A = "site-a-interview"
B = "site-b-focus-group"


@pytest.fixture
def bench(new_location: Callable[[str], Path | str]) -> Workbench:
    """The study on the engine under test (SQLite unless the test is marked ``engines``)."""
    return workbench_at(study_project(new_location("study")), "carol")


@pytest.fixture
def client(bench: Workbench) -> TestClient:
    return client_for(bench)


class Api:
    """JSON calls carrying the page's CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = csrf_of(client)

    def call(self, method: str, url: str, body: Any = None) -> tuple[int, dict[str, Any]]:
        r = self.client.request(method, url, json=body, headers={"x-csrf-token": self.csrf})
        return r.status_code, r.json()


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


def _offsets(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def _text(bench: Workbench, tid: str) -> str:
    with Project.open(bench.project_path) as p:
        return p.transcript(tid).text


def _cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


# -- security --------------------------------------------------------------------------------------


@pytest.mark.parametrize("method,url", [
    ("GET", "/"), ("GET", f"/transcripts/{A}"), ("GET", "/static/workbench.css"), ("GET", "/static/reader.js"),
    ("GET", "/api/codings"), ("POST", "/api/codings"), ("PATCH", "/api/codings/c1"), ("DELETE", "/api/codings/c1"),
    ("POST", "/api/undo"), ("GET", "/no/such/page"),
])
def test_every_route_without_the_session_cookie_is_401(bench: Workbench, method: str, url: str) -> None:
    r = client_for(bench, signed_in=False).request(method, url)
    assert r.status_code == 401
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_the_token_becomes_a_strict_httponly_cookie_once(bench: Workbench) -> None:
    client = client_for(bench, signed_in=False)
    token = bench.sessions.issue_token()
    r = client.get(f"/transcripts/{A}?token={token}&coder=alice", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == f"/transcripts/{A}?coder=alice"  # the token leaves the address bar
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get(f"/transcripts/{A}").status_code == 200
    again = client_for(bench, signed_in=False)
    assert again.get(f"/?token={token}").status_code == 401  # one-time
    assert again.get("/?token=forged").status_code == 401


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.nip.io", ""])
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 400


def test_host_check_for_a_real_port() -> None:
    from cmo_coder.web.security import HostCheck

    loop = HostCheck("127.0.0.1", 8765)
    assert loop.accepts("127.0.0.1:8765") and loop.accepts("localhost:8765") and loop.accepts("[::1]:8765")
    assert not loop.accepts("127.0.0.1:9999") and not loop.accepts("attacker.example:8765")
    remote = HostCheck("0.0.0.0", 8765, allow_remote=True)
    assert remote.accepts("192.0.2.7:8765") and not remote.accepts("rebind.example:8765")


def test_changes_need_the_csrf_token_and_this_origin(client: TestClient, bench: Workbench) -> None:
    text = _text(bench, A)
    start, end = _offsets(text, "joint assessment")
    body = {"transcript": A, "start": start, "end": end, "pt": "PT1"}
    assert client.post("/api/codings", json=body).status_code == 403
    assert client.post("/api/codings", json=body, headers={"x-csrf-token": "guess"}).status_code == 403
    csrf = csrf_of(client)
    foreign = client.post("/api/codings", json=body, headers={"x-csrf-token": csrf, "origin": "http://evil.example"})
    assert foreign.status_code == 403
    with Project.open(bench.project_path) as p:
        assert len(p.codings()) == 13  # nothing was written
    assert client.post("/api/codings", json=body, headers={"x-csrf-token": csrf,
                                                          "origin": "http://testserver"}).status_code == 201


def test_security_headers_forbid_inline_script(client: TestClient) -> None:
    r = client.get(f"/transcripts/{B}")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    assert "<script>" not in r.text.replace('<script type="application/json" id="page-data">', "")


# -- escaping --------------------------------------------------------------------------------------


def test_transcript_text_memos_and_names_are_escaped(client: TestClient, api: Api, bench: Workbench) -> None:
    text = _text(bench, B)
    start, end = _offsets(text, "Nobody gave us a plan")
    memo = '"><img src=x onerror=alert(1)> </script><script>alert(2)</script>'
    status, _ = api.call("POST", "/api/codings", {"transcript": B, "start": start, "end": end, "pt": "PT1",
                                                  "memo": memo})
    assert status == 201
    page = client.get(f"/transcripts/{B}").text
    assert "<img" not in page and "alert(1)>" not in page
    assert page.count("<script") == 4  # common.js, reader.js, configurations.js and the JSON data block, nothing else
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page  # the transcript's own <script> as text
    data = page.split('id="page-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)["codings"]  # JSON escapes < so it cannot close the block
    assert memo in [row[8] for row in json.loads(data)["codings"]]  # the memo, for the tooltip the script builds
    found = client.get("/", params={"q": "script"}).text
    assert "<script>alert" not in found and "&lt;script&gt;" in found


def test_a_hostile_coder_name_is_escaped(bench: Workbench) -> None:
    bench.coder = '<b onmouseover="x">eve</b>'
    page = client_for(bench).get("/").text
    assert '<b onmouseover' not in page and "&lt;b onmouseover=&#34;x&#34;&gt;eve&lt;/b&gt;" in page


# -- pages -----------------------------------------------------------------------------------------


def test_project_page_lists_transcripts_coverage_and_coders(client: TestClient) -> None:
    page = client.get("/").text
    for tid in TURNS:
        assert f'href="/transcripts/{tid}"' in page
    assert "<th scope=\"row\">alice</th>" in page and "<th scope=\"row\">bob</th>" in page
    # PT1 has c1, c8, c10 as context (3), c2, c3, c9 resource (3), c4, c5 response (2), c6, c7 outcome (2)
    row = page.split('<th scope="row">PT1</th>', 1)[1].split("</tr>", 1)[0]
    assert [int(x) for x in __import__("re").findall(r">(\d+)</td>", row)] == [3, 3, 2, 2, 0, 10]


def test_search_finds_words_and_phrases_in_context(client: TestClient) -> None:
    page = client.get("/", params={"q": '"joint   assessment"'}).text
    assert "1 hit " in page  # site A; site B's "joint assessments" is not the phrase
    assert page.count("<mark>joint assessment</mark>") == 1
    assert "3 hits" in client.get("/", params={"q": "joint assessment"}).text  # joint ×2, assessment ×1
    assert "1 hit " in client.get("/", params={"q": "HOSTEL"}).text
    assert "0 hits" in client.get("/", params={"q": "hoste"}).text  # whole words only


def test_pending_transcripts_are_listed_but_never_shown(client: TestClient, bench: Workbench) -> None:
    from cmo_coder.model import SourceFormat, TranscriptKind

    with Project.open(bench.project_path) as p, p.transaction("tester") as tx:
        tx.add_pending_transcript("secret-int", "Pending one", SourceFormat.plain_txt, TranscriptKind.transcript,
                                  "0" * 64, "test")
    page = client.get("/").text
    assert "secret-int" in page and "pending anonymisation" in page and 'href="/transcripts/secret-int"' not in page
    r = client.get("/transcripts/secret-int")
    assert r.status_code == 400 and "not signed off" in r.text


def test_reader_shows_turn_labels_and_stripes_and_filters(client: TestClient) -> None:
    page = client.get(f"/transcripts/{B}").text
    assert '<span class="label">P2</span>' in page and "carer · site B" in page
    assert len(_shown(page)) == 5  # the page script draws one stripe for each coding in its data
    only = client.get(f"/transcripts/{B}", params={"stance": "refutes"}).text
    assert len(_shown(only)) == 2 and "2 of 5 codings shown" in only
    assert {row[6] for row in _shown(only)} == {"r"}
    assert len(_shown(client.get(f"/transcripts/{B}", params={"component": "mechanism_resource",
                                                              "pt": "PT2"}).text)) == 1
    assert _shown(client.get(f"/transcripts/{B}", params={"coder": "bob"}).text) == []


def _page_data(page: str) -> dict[str, Any]:
    return dict(json.loads(page.split('id="page-data">', 1)[1].split("</script>", 1)[0]))


def _shown(page: str) -> list[list[Any]]:
    return list(_page_data(page)["codings"])


def test_the_reader_sends_the_text_once_and_no_quotes(client: TestClient, bench: Workbench) -> None:
    """The text is in the reading view only; each coding is a row of fields with no quote."""
    page = client.get(f"/transcripts/{B}").text
    data = _page_data(page)
    text = _text(bench, B)
    assert data["length"] == len(text) and "text" not in data
    rows = [dict(zip(data["fields"], row, strict=True)) for row in data["codings"]]
    assert rows and all("text" not in r for r in rows)
    gaps = dict(data["gaps"])
    shown = {int(m[1]): html.unescape(m[3]) for m in re.finditer(
        r'<div class="text" tabindex="0" data-s="(\d+)" data-e="(\d+)"[^>]*>([^<]*)</div>', page)}
    rebuilt = {**shown, **gaps}
    assert "".join(rebuilt[k] for k in sorted(rebuilt)) == text  # blocks and gaps tile the text exactly


@pytest.mark.parametrize("params,expected", [
    ({"pt": "PT9"}, "unknown programme theory"), ({"component": "mood"}, "unknown component"),
    ({"stance": "maybe"}, "unknown stance"),
])
def test_unknown_filter_values_are_errors(client: TestClient, params: dict[str, str], expected: str) -> None:
    r = client.get(f"/transcripts/{B}", params=params)
    assert r.status_code == 400 and expected in r.text


def test_unknown_transcript_page_is_404(client: TestClient) -> None:
    r = client.get("/transcripts/nope")
    assert r.status_code == 404 and "no transcript" in r.text


# -- coding changes --------------------------------------------------------------------------------


def test_a_browser_coding_is_byte_identical_to_a_cli_coding(api: Api, bench: Workbench,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    text = _text(bench, A)
    start, end = _offsets(text, "nobody gets bounced")
    status, made = api.call("POST", "/api/codings", {
        "transcript": A, "start": start, "end": end, "pt": "pt1", "element": "PT1.O1", "stance": "refines",
        "memo": "fits O1?"})
    assert status == 201, made
    path = str(bench.project_path)
    code, out, err = _cli("code", "list", path, "--transcript", A, "--coder", "carol", "--json")
    assert code == 0, err
    from_browser = json.loads(out)
    assert from_browser[0]["start"] == start and from_browser[0]["end"] == end
    assert from_browser[0]["text"] == text[start:end] == "nobody gets bounced"
    assert _cli("code", "remove", path, made["coding"]["id"])[0] == 0
    code, _, err = _cli("code", "add", path, A, "--span", f"{start}:{end}", "--pt", "pt1", "--element", "PT1.O1",
                        "--stance", "refines", "--memo", "fits O1?", "--coder", "carol")
    assert code == 0, err
    assert _cli("code", "list", path, "--transcript", A, "--coder", "carol", "--json")[1] == out


@pytest.mark.engines
def test_changes_are_audited_under_the_coder(api: Api, bench: Workbench) -> None:
    start, end = _offsets(_text(bench, A), "nobody gets bounced")
    status, made = api.call("POST", "/api/codings", {"transcript": A, "start": start, "end": end, "pt": "PT1"})
    assert status == 201
    assert api.call("POST", "/api/undo")[0] == 200
    with Project.open(bench.project_path) as p:
        log = [(e["actor"], e["action"], e["entity_id"]) for e in p.audit_log("coding")][-3:]
    cid = made["coding"]["id"]
    assert log == [("carol", "add", cid), ("carol", "remove", cid), ("carol", "undo", cid)]


@pytest.mark.parametrize("body,status,expected", [
    ({"transcript": "nope", "start": 0, "end": 4, "pt": "PT1"}, 404, "no transcript"),
    ({"transcript": A, "start": 5, "end": 99999, "pt": "PT1"}, 400, "outside its text"),
    ({"transcript": A, "start": 9, "end": 9, "pt": "PT1"}, 400, "or empty"),
    ({"transcript": A, "start": -1, "end": 4, "pt": "PT1"}, 400, "outside its text"),
    ({"transcript": A, "start": 0, "end": 200, "pt": "PT1"}, 400, "crosses speaker turns"),
    ({"transcript": A, "start": 60, "end": 70, "pt": "PT1", "element": "PT2.MR1"}, 400, "belongs to PT2"),
    ({"transcript": A, "start": 60, "end": 70, "pt": "PT9"}, 404, "unknown programme theory"),
    ({"transcript": A, "start": 60, "end": 70, "pt": "PT1", "component": "mood"}, 400, "unknown component"),
    ({"transcript": A, "start": 60, "end": 70, "pt": "PT1", "stance": "maybe"}, 400, "unknown stance"),
    ({"transcript": A, "start": "60", "end": 70, "pt": "PT1"}, 400, "'start' must be a whole number"),
    ({"transcript": A, "start": True, "end": 70, "pt": "PT1"}, 400, "'start' must be a whole number"),
    ({"start": 1, "end": 70, "pt": "PT1"}, 400, "'transcript' is required"),
    ({"transcript": A, "start": 60, "end": 70, "pt": 1}, 400, "'pt' must be text"),
    ([1, 2], 400, "must be a JSON object"),
])
def test_bad_additions_are_refused_with_a_clear_message(api: Api, bench: Workbench, body: Any, status: int,
                                                        expected: str) -> None:
    got, data = api.call("POST", "/api/codings", body)
    assert (got, expected in data["error"]) == (status, True), data
    with Project.open(bench.project_path) as p:
        assert len(p.codings()) == 13


def test_a_body_that_is_not_json_is_refused(client: TestClient) -> None:
    r = client.post("/api/codings", content=b"{nope", headers={"x-csrf-token": csrf_of(client),
                                                                "content-type": "application/json"})
    assert r.status_code == 400 and "not JSON" in r.json()["error"]


@pytest.mark.parametrize("body", [b"[" * 200_000, b'{"a":' * 50_000])
def test_a_body_nested_thousands_deep_is_refused_not_a_server_error(client: TestClient, body: bytes) -> None:
    """json recurses per level of nesting: a body of "[[[[…" raised RecursionError, a server error."""
    r = client.post("/api/codings", content=body, headers={"x-csrf-token": csrf_of(client),
                                                             "content-type": "application/json"})
    assert r.status_code == 400 and "not JSON" in r.json()["error"]


def _version(api: Api, coding_id: str) -> str:
    _, data = api.call("GET", "/api/codings")
    return next(c["version"] for c in data["codings"] if c["id"] == coding_id)


@pytest.mark.engines
def test_edit_respan_and_undo(api: Api, bench: Workbench) -> None:
    text = _text(bench, B)
    status, edited = api.call("PATCH", "/api/codings/c9", {
        "version": _version(api, "c9"), "stance": "supports", "memo": "re-read", "element": "PT1.MR1",
        "pt": "PT1", "component": "mechanism_resource"})
    assert status == 200, edited
    assert (edited["coding"]["stance"], edited["coding"]["memo"], edited["coding"]["element"]) == \
        ("supports", "re-read", "PT1.MR1")
    start, end = _offsets(text, "gave us a plan")
    status, moved = api.call("PATCH", "/api/codings/c9", {"version": edited["coding"]["version"],
                                                          "start": start, "end": end})
    assert status == 200 and moved["coding"]["text"] == "gave us a plan"
    assert api.call("POST", "/api/undo")[0] == 200
    assert api.call("POST", "/api/undo")[0] == 200
    with Project.open(bench.project_path) as p:
        back = p.coding("c9")
    assert (back.start, back.end, back.stance.value, back.memo, back.element) == \
        (*_offsets(text, "Nobody gave us a plan we could follow."), "refutes", None, None)


@pytest.mark.engines
def test_a_stale_edit_is_refused_not_overwritten(bench: Workbench) -> None:
    first, second = Api(client_for(bench)), Api(client_for(bench))
    seen = _version(first, "c6")
    assert second.call("PATCH", "/api/codings/c6", {"version": seen, "memo": "second tab"})[0] == 200
    status, data = first.call("PATCH", "/api/codings/c6", {"version": seen, "memo": "first tab"})
    assert status == 409 and "changed elsewhere" in data["error"]
    assert first.call("DELETE", "/api/codings/c6", {"version": seen})[0] == 409
    assert first.call("PATCH", "/api/codings/c6", {"memo": "no version"})[0] == 400
    with Project.open(bench.project_path) as p:
        assert p.coding("c6").memo == "second tab"
    # undo in the first tab's session has nothing of its own; the second tab's undo still works
    assert first.call("POST", "/api/undo")[0] == 409
    assert second.call("POST", "/api/undo")[0] == 200


@pytest.mark.engines
def test_undo_refuses_when_the_coding_changed_meanwhile(bench: Workbench) -> None:
    first, second = Api(client_for(bench)), Api(client_for(bench))
    assert first.call("PATCH", "/api/codings/c6", {"version": _version(first, "c6"), "memo": "one"})[0] == 200
    assert second.call("PATCH", "/api/codings/c6", {"version": _version(second, "c6"), "memo": "two"})[0] == 200
    status, data = first.call("POST", "/api/undo")
    assert status == 409 and "changed elsewhere" in data["error"]


@pytest.mark.engines
def test_delete_and_undo_restores_the_same_coding(api: Api, bench: Workbench) -> None:
    with Project.open(bench.project_path) as p:
        before = p.coding("c7")
    assert api.call("DELETE", "/api/codings/c7", {"version": _version(api, "c7")})[0] == 200
    assert api.call("DELETE", "/api/codings/c7", {"version": "x"})[0] == 409  # gone
    assert api.call("POST", "/api/undo")[0] == 200
    with Project.open(bench.project_path) as p:
        assert p.coding("c7") == before


def test_a_coding_in_a_configuration_keeps_the_service_rules(api: Api) -> None:
    status, data = api.call("DELETE", "/api/codings/c1", {"version": _version(api, "c1")})
    assert status == 400 and "configuration" in data["error"]
    status, data = api.call("PATCH", "/api/codings/c1", {"version": _version(api, "c1"), "component": "outcome"})
    assert status == 400 and "configuration" in data["error"]


def test_unknown_coding_edit_is_refused(api: Api) -> None:
    status, data = api.call("PATCH", "/api/codings/nope", {"version": "x", "memo": "m"})
    assert status == 409 and "no longer exists" in data["error"]


def test_a_project_that_vanishes_gives_one_line_not_a_traceback(client: TestClient, bench: Workbench) -> None:
    import shutil

    shutil.rmtree(bench.project_path)
    r = client.get("/")
    assert r.status_code == 404 and r.text.count("\n") == 0 and "not a cmo-coder project" in r.text
    assert "no such folder" in client.get("/api/codings").json()["error"]


# -- accessibility ---------------------------------------------------------------------------------


def test_every_control_has_a_label(client: TestClient) -> None:
    from lxml import html

    for url in ("/", f"/transcripts/{B}", "/?q=plan"):
        doc = html.fromstring(client.get(url).text)
        labelled = {label.get("for") for label in doc.iter("label") if label.get("for")}
        for control in doc.xpath("//input | //select | //textarea"):
            named = (control.get("id") in labelled or control.get("aria-label")
                     or any(a.tag == "label" for a in control.iterancestors()))
            assert named, f"{url}: unlabelled {html.tostring(control)[:80]!r}"
        for button in doc.xpath("//button"):
            assert button.get("aria-label") or button.text_content().strip(), f"{url}: a button without a name"


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_aa_contrast() -> None:
    import re

    css = (Path(__file__).resolve().parent.parent / "cmo_coder/web/static/workbench.css").read_text()
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    pairs = [("ink", "bg"), ("muted", "bg"), ("muted", "soft"), ("ink", "multi-bg")]
    pairs += [("ink", f"{k}-bg") for k in ("c", "mres", "mresp", "o", "pt")]
    for fg, bg in pairs:
        assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg)
    for chip in ("c", "mres", "mresp", "o", "pt"):  # white chip text on each component colour
        assert _contrast("#ffffff", var[chip]) >= 4.5, chip
        assert _contrast(var[chip], var["bg"]) >= 3.0, chip  # stripe edges: non-text contrast


def test_dropping_a_component_in_place_is_refused_with_the_way_to_do_it(api: Api) -> None:
    status, data = api.call("PATCH", "/api/codings/c7", {"version": _version(api, "c7"), "component": None,
                                                          "pt": "PT1"})
    assert status == 400 and "delete it and code the span again as PT-level" in data["error"]
    status, data = api.call("PATCH", "/api/codings/c7", {"version": _version(api, "c7"), "memo": "kept"})
    assert status == 200 and data["coding"]["component"] == "outcome"


def test_two_workbenches_on_one_machine_keep_separate_cookies(tmp_path: Path) -> None:
    from cmo_coder.web.app import create_app

    one = Workbench(study_project(tmp_path / "one"), "ann")
    two = Workbench(study_project(tmp_path / "two"), "ben")
    client = TestClient(create_app(one, host="127.0.0.1", port=8765), base_url="http://127.0.0.1:8765")
    assert client.get(f"/?token={one.sessions.issue_token()}").status_code == 200
    other = TestClient(create_app(two, host="127.0.0.1", port=8766), base_url="http://127.0.0.1:8766",
                       cookies=client.cookies)  # the same browser's cookie jar, another port
    assert other.get(f"/?token={two.sessions.issue_token()}").status_code == 200
    assert {c.name for c in other.cookies.jar} == {"cmo_session_8765", "cmo_session_8766"}
    client.cookies = other.cookies
    assert client.get("/").status_code == 200  # still signed in to the first


def test_a_document_without_turns_reads_as_one_block(client: TestClient, api: Api, bench: Workbench) -> None:
    import hashlib

    from cmo_coder.model import Transcript

    text = "Refined programme theory 1: joint assessment builds confidence.\nSecond line."
    doc = Transcript(id="report", title="Final report", source_format="plain_txt", kind="document", text=text,
                     source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test")
    with Project.open(bench.project_path) as p, p.transaction("tester") as tx:
        tx.add_document(doc)
    page = client.get("/transcripts/report").text
    assert page.count('class="text"') == 1 and f'data-s="0" data-e="{len(text)}"' in page
    start, end = _offsets(text, "joint assessment builds confidence")
    status, made = api.call("POST", "/api/codings", {"transcript": "report", "start": start, "end": end,
                                                     "pt": "PT1", "component": "outcome"})
    assert status == 201 and made["coding"]["text"] == text[start:end]
    assert [row[4] for row in _shown(client.get("/transcripts/report").text)] == ["4"]  # outcome's key


def test_the_undo_button_is_enabled_only_with_something_to_undo(client: TestClient, api: Api) -> None:
    assert 'id="undo" title="Undo the last change made in this browser (Ctrl+Z)" disabled' in client.get("/").text
    assert api.call("PATCH", "/api/codings/c7", {"version": _version(api, "c7"), "memo": "m"})[0] == 200
    assert "(Ctrl+Z)\" disabled" not in client.get("/").text


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
def test_a_change_landing_between_the_check_and_the_write_is_refused(api: Api, bench: Workbench,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      method: str) -> None:
    """Another process (a second coder's workbench) edits the coding after our check: ours must not land."""
    from cmo_coder.coding import service

    seen = _version(api, "c7")
    real_transaction = Project.transaction
    raced: list[bool] = []

    def racing(self: Project, actor: str | None = None):  # type: ignore[no-untyped-def]
        if not raced:  # the other process writes just before our transaction starts
            raced.append(True)
            with Project.open(bench.project_path) as other:
                service.edit_coding(other, "c7", memo="the other coder's memo", actor="dora")
        return real_transaction(self, actor)

    monkeypatch.setattr(Project, "transaction", racing)
    status, data = api.call(method, "/api/codings/c7", {"version": seen, "memo": "mine"})
    assert raced and status == 409 and "changed elsewhere" in data["error"]
    monkeypatch.setattr(Project, "transaction", real_transaction)
    with Project.open(bench.project_path) as p:
        assert p.coding("c7").memo == "the other coder's memo"


def test_undo_does_not_depend_on_the_clock(api: Api, bench: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each change stamps a new updated_at; undoing two edits made in different seconds still works."""
    ticks = iter(range(1767225600, 1767225700))
    monkeypatch.setattr("cmo_coder.clock.now_iso",
                        lambda: __import__("datetime").datetime.fromtimestamp(next(ticks)).strftime(
                            "%Y-%m-%dT%H:%M:%SZ"))
    for memo in ("one", "two"):
        assert api.call("PATCH", "/api/codings/c7", {"version": _version(api, "c7"), "memo": memo})[0] == 200
    assert api.call("POST", "/api/undo")[0] == 200
    assert api.call("POST", "/api/undo")[0] == 200
    with Project.open(bench.project_path) as p:
        assert p.coding("c7").memo is None
