"""Page 6, anonymisation review: only with --secure, only under /secure/, and nothing identifying anywhere else."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from cmo_coder.anonymise import review as rv
from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web.state import Workbench
from tests.anon_support import add_pending, secure_folder
from tests.web_review_support import (
    IDENTIFYING,
    KEY,
    NOTHING_OPEN,
    SECRET,
    SPEECH,
    add_secure_transcript,
    queue_suggestions,
)
from tests.web_review_support import decidable_rows as _rows
from tests.web_review_support import occurrence_body as _occurrence_body
from tests.web_review_support import open_version as _open_version
from tests.web_support import client_for, csrf_of, project_ref, study_project, workbench_at


@pytest.fixture
def bench(tmp_path: Path, new_location: Callable[[str], Path | str]) -> Workbench:
    path = study_project(new_location("study"))  # SQLite unless the test is marked ``engines``
    queue_suggestions(path)
    return workbench_at(path, "carol", add_secure_transcript(path, tmp_path))


@pytest.fixture
def client(bench: Workbench) -> TestClient:
    return client_for(bench)


def _post(client: TestClient, url: str, body: Any) -> tuple[int, dict[str, Any]]:
    r = client.post(url, json=body, headers={"x-csrf-token": csrf_of(client)})
    return r.status_code, r.json()


def _group(client: TestClient, surface: str) -> tuple[str, dict[str, str]]:
    page = client.get("/secure/review").text
    return next((gid, row) for gid, row in _rows(page, "surface").items()
                if f'<span class="surface"><bdi>{surface}</bdi></span>' in row["html"])


def _state(bench: Workbench) -> rv.Decisions:
    assert bench.secure_path is not None
    return rv.load_decisions(SecureFolder.open(bench.secure_path))


def _cli(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_without_secure_every_review_route_is_404(tmp_path: Path) -> None:
    path = study_project(tmp_path / "study")
    add_secure_transcript(path, tmp_path)
    client = client_for(Workbench(path, "carol"))
    assert "/secure/review" not in client.get("/").text  # not in the navigation either
    for url in ("/secure/review", f"/secure/review/{SECRET}"):
        assert client.get(url).status_code == 404
    for url in ("/secure/api/decide", "/secure/api/redact", "/secure/api/sign-off", "/secure/api/accept-all"):
        r = client.post(url, json={"transcript": SECRET}, headers={"x-csrf-token": csrf_of(client)})
        assert r.status_code == 404
        assert not any(name in r.text for name in IDENTIFYING)


@pytest.mark.engines
def test_review_lists_groups_occurrences_and_residual_with_context(client: TestClient) -> None:
    r = client.get("/secure/review")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    page = r.text
    assert '<a href="/secure/review" aria-current="page">Anonymisation review</a>' in page
    assert "Quennell" in page and "Ravensholme" in page  # undecided surface, residual risk
    gid, row = _group(client, "Quennell")
    assert "undecided" in row["html"] and "I work with Dr <mark>Quennell</mark> at Ravensholme" in row["html"]
    assert "reads as the word: lower case mid-sentence" in page  # "I will be fine": one occurrence at a time
    assert re.fullmatch(r"[0-9a-f]{16}", gid)  # a salted hash, not the surface


def test_hostile_text_in_surfaces_and_context_stays_text(client: TestClient, bench: Workbench) -> None:
    for url in ("/secure/review", f"/secure/review/{SECRET}"):
        page = client.get(url).text
        assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/secure/review/{SECRET}").text
    with Project.open(bench.project_path) as p:
        raw = rv.load_raw(SecureFolder.open(bench.secure_path or Path()), SECRET)
    start = raw.text.index('"><img')
    status, out = _post(client, "/secure/api/redact", {"transcript": SECRET, "start": start,
                                                       "end": start + len('"><img src=x onerror=alert(2)>'),
                                                       "category": "other"})
    assert status == 200, out
    page = client.get("/secure/review").text
    assert "<img src=x" not in page and "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert p is not None


@pytest.mark.engines
def test_decide_a_surface_everywhere_then_one_occurrence(client: TestClient, bench: Workbench) -> None:
    gid, row = _group(client, "Quennell")
    status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": "reject",
                                                        "version": row["version"]})
    assert status == 200, out
    assert "Quennell" not in out["message"]  # replies never quote a surface
    assert _state(bench).surfaces["quennell"].decision == "reject"
    assert _state(bench).surfaces["quennell"].by == "carol"
    # the page saw the undecided version: deciding from it again is stale
    status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": "accept",
                                                        "version": row["version"]})
    assert status == 409 and "decided elsewhere" in out["error"]
    gid, row = _group(client, "Quennell")
    occurrences = _rows(row["html"], "occurrence")
    assert len(occurrences) == 2
    first, seen = next(iter(occurrences.items()))
    status, out = _post(client, "/secure/api/decide", _occurrence_body(first, seen))
    assert status == 200, out
    assert _state(bench).occurrences[first].decision == "accept"


def test_edit_the_placeholder_and_category(client: TestClient, bench: Workbench) -> None:
    gid, row = _group(client, "Quennell")
    status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": "edit",
                                                        "placeholder": "[consultant]", "category": "person",
                                                        "version": row["version"]})
    assert status == 200, out
    gid, row = _group(client, "Quennell")
    assert "[consultant]" in row["html"] and "edit" in row["html"]
    status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": "edit",
                                                        "placeholder": "consultant", "version": row["version"]})
    assert status == 400 and "in brackets" in out["error"]


@pytest.mark.parametrize("body,status,expected", [
    ({"kind": "surface", "id": "0" * 16, "decision": "accept", "version": "x"}, 404, "no proposal group"),
    ({"kind": "occurrence", "id": "red-nope", "decision": "accept", "version": "x"}, 404, "no proposal 'red-nope'"),
    ({"kind": "thing", "id": "x", "decision": "accept"}, 400, "'kind' must be one of surface, occurrence"),
    ({"kind": "surface", "id": "x", "decision": "maybe"}, 400, "'decision' must be one of accept, reject, edit"),
    ({"kind": "surface", "id": "x", "decision": "accept", "category": "pet"}, 400, "'category' must be one of"),
])
def test_bad_decisions_are_refused(client: TestClient, bench: Workbench, body: dict[str, Any], status: int,
                                   expected: str) -> None:
    before = _state(bench)
    got, out = _post(client, "/secure/api/decide", body)
    assert got == status and expected in out["error"], out
    assert _state(bench) == before


def test_a_registered_name_cannot_be_kept_and_a_version_is_required(client: TestClient) -> None:
    gid, row = _group(client, "Maggie")
    status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": "reject",
                                                        "version": row["version"]})
    assert status == 400 and "is a registered name: it is always redacted" in out["error"]
    status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": "accept"})
    assert status == 400 and "'version'" in out["error"]


def test_redact_a_missed_stretch_and_a_residual_item(client: TestClient, bench: Workbench) -> None:
    page = client.get("/secure/review").text
    residual = re.search(r'data-residual="([0-9a-f]{16})"', page)
    assert residual
    status, out = _post(client, "/secure/api/redact", {"residual": residual[1], "category": "place"})
    assert status == 200 and out["count"] == 1, out
    assert _state(bench).surfaces["ravensholme"].category == "place"
    status, out = _post(client, "/secure/api/redact", {"residual": "f" * 16, "category": "place"})
    assert status == 404
    for body, expected in [({"transcript": SECRET, "start": 5, "end": 2, "category": "place"}, "outside"),
                           ({"transcript": SECRET, "start": 0, "end": 4}, "'category' must be one of"),
                           ({"transcript": "nope", "start": 0, "end": 4, "category": "place"}, "no proposals")]:
        status, out = _post(client, "/secure/api/redact", body)
        assert status in (400, 404) and expected in out["error"], out


@pytest.mark.engines
def test_sign_off_refuses_as_the_cli_does_then_the_reader_shows_the_text(client: TestClient, bench: Workbench) -> None:
    status, out = _post(client, "/secure/api/sign-off", {"transcript": SECRET})
    code, _, err = _cli("review", project_ref(bench), "--secure", str(bench.secure_path), "--sign-off")
    assert status == 400 and code == 1
    # the same count as the command line's, and where to decide in the browser rather than the command's options
    counted = f"transcript {SECRET} has 3 undecided proposal(s) (2 form(s))"
    assert counted in out["error"] and counted in err
    assert "marked 'undecided' on the review pages" in out["error"] and "--accept-all" not in out["error"]
    assert client.get(f"/transcripts/{SECRET}").status_code == 400
    _decide_everything(client)
    status, out = _post(client, "/secure/api/sign-off", {"transcript": SECRET})
    assert status == 200, out
    reader = client.get(f"/transcripts/{SECRET}")
    assert reader.status_code == 200 and "[name removed]" in reader.text
    assert not [name for name in IDENTIFYING if name in reader.text], reader.text
    status, out = _post(client, "/secure/api/sign-off", {"transcript": SECRET})
    assert status == 400 and "already signed off" in out["error"]
    finished = client.get(f"/secure/review/{SECRET}")  # a bookmarked address says the review is done
    assert finished.status_code == 200 and f"<h1>{SECRET} is signed off</h1>" in finished.text
    assert f'href="/transcripts/{SECRET}"' in finished.text and "Problem" not in finished.text
    assert client.get("/secure/review/no-such-transcript").status_code == 404
    listing = client.get("/secure/review").text
    assert re.search(r"Every transcript is signed off \(\d+\): nothing is pending review", listing), listing
    assert "import transcripts and run" not in listing


def test_an_empty_list_says_why_it_is_empty(tmp_path: Path) -> None:
    """A transcript imported and not yet anonymised is named as waiting, not confused with a finished review."""
    path = study_project(tmp_path / "study")
    with Project.open(path) as p:
        sf = secure_folder(tmp_path, KEY)
        add_pending(p, sf, SECRET, SPEECH)
    listing = client_for(workbench_at(path, "carol", sf.path)).get("/secure/review").text
    assert f"1 transcript\n      ({SECRET}) await <code>cmo-coder anonymise</code>" in listing, listing
    assert "Every transcript is signed off" not in listing and "import transcripts and run" not in listing


def test_a_category_no_reviewer_may_choose_is_shown_as_proposed(tmp_path: Path) -> None:
    """A phone number or a date of birth is proposed with a category of its own ("phone", "dob") that no register
    line names; the page showed the first choice, "person", and "Redact" sent it, so the number became
    "[name removed]". The select shows the proposal's own category, and deciding sends no other."""
    path = study_project(tmp_path / "study")
    with Project.open(path) as p:
        sf = secure_folder(tmp_path, KEY)
        add_pending(p, sf, SECRET, [("P9", "Will Jenkins", "Ring me on 0114 496 0732 any time.")])
    r = CliRunner().invoke(cli, ["anonymise", str(path), "--secure", str(sf.path), "--rules-only"])
    assert r.exit_code == 0, r.output
    page = client_for(workbench_at(path, "carol", sf.path)).get("/secure/review").text
    selects = re.findall(r'<select id="cat-[^"]+" class="f-category">(.*?)</select>', page)
    chosen = [re.findall(r'<option value="([^"]+)" selected>', s) for s in selects]
    assert ["phone"] in chosen, chosen
    assert all(len(c) == 1 for c in chosen), chosen


def test_the_preview_shows_the_text_as_it_will_be_signed_off(client: TestClient) -> None:
    page = client.get(f"/secure/review/{SECRET}").text
    preview = page.split('id="preview"')[1].split("</div>")[0]
    assert "⟦?Quennell⟧" in preview and "[name removed] runs the group" in preview
    assert "Maggie" not in preview


def test_security_applies_to_the_secure_routes(bench: Workbench, client: TestClient) -> None:
    anonymous = client_for(bench, signed_in=False)
    for method, url in [("GET", "/secure/review"), ("GET", f"/secure/review/{SECRET}"),
                        ("POST", "/secure/api/decide"), ("POST", "/secure/api/redact"),
                        ("POST", "/secure/api/sign-off"), ("POST", "/secure/api/accept-all"),
                        ("GET", "/static/review.js")]:
        r = anonymous.request(method, url)
        assert r.status_code == 401 and not any(name in r.text for name in IDENTIFYING), url
    before = _state(bench)
    for url in ("/secure/api/decide", "/secure/api/redact", "/secure/api/sign-off", "/secure/api/accept-all"):
        assert client.post(url, json={"transcript": SECRET}).status_code == 403
    assert _state(bench) == before


def _decide_everything(client: TestClient) -> None:
    """What a reviewer does: redact each residual-risk item, then accept every undecided item."""
    page = client.get("/secure/review").text
    for rid in re.findall(r'data-residual="([0-9a-f]{16})"', page):
        assert _post(client, "/secure/api/redact", {"residual": rid, "category": "place"})[0] == 200
    for kind in ("surface", "occurrence"):
        page = client.get("/secure/review").text  # as shown after the surfaces were decided
        for oid, row in _rows(page, kind).items():
            if "undecided" in row["html"]:
                body = _occurrence_body(oid, row) if kind == "occurrence" else {
                    "kind": kind, "id": oid, "decision": "accept", "version": row["version"]}
                status, out = _post(client, "/secure/api/decide", body)
                assert status == 200, out


def _crawl(client: TestClient) -> dict[str, str]:
    """Every page and API answer a signed-in browser can reach outside /secure/, and the links they hold."""
    seen: dict[str, str] = {}
    todo = ["/", "/suggestions", "/api/codings", "/api/suggestions?status=all", "/transcripts/nope",
            f"/transcripts/{SECRET}", "/suggestions/nope", f"/suggestions/{SECRET}", "/no/such/page", "/?q=ward"]
    while todo:
        url = todo.pop()
        if url in seen or url.startswith(("/secure", "/static")):
            continue
        r = client.get(url)
        seen[url] = r.text + "\n".join(f"{k}: {v}" for k, v in r.headers.items())
        todo += [u for u in re.findall(r'href="(/[^"#]*)', r.text) if not u.startswith("/secure")]
    return seen


def test_nothing_identifying_reaches_any_other_page_url_or_reply(client: TestClient) -> None:
    """Review everything, crawl every non-secure page and API reply before and after sign-off, and
    check every address the secure pages link to: no registered or proposed surface anywhere."""
    page = client.get("/secure/review").text
    surfaces = set(IDENTIFYING) | {m for m in re.findall(r'<span class="surface">([^<]+)</span>', page)}
    surfaces -= {"Will", "will"}  # the everyday word stays in the signed-off text ("I will be fine")
    _decide_everything(client)
    for secure_page in ("/secure/review", f"/secure/review/{SECRET}"):
        links = re.findall(r'(?:href|src|action)="([^"]*)"', client.get(secure_page).text)
        assert links and not [u for u in links if any(s.lower() in u.lower() for s in surfaces)]
    before = _crawl(client)
    assert _post(client, "/secure/api/sign-off", {"transcript": SECRET})[0] == 200
    after = _crawl(client)
    assert f"/transcripts/{SECRET}" in after
    for url, body in {**before, **after}.items():
        leaked = [s for s in surfaces if s.lower() in body.lower()]
        assert not leaked, f"{url} shows {leaked}"


def test_the_server_keeps_no_access_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """Addresses never hold a surface, and uvicorn is told not to log them anyway."""
    import socket

    import uvicorn

    from cmo_coder.web.server import run_server

    configs: list[Any] = []

    class Recorder:
        def __init__(self, config: Any) -> None:
            configs.append(config)

        def run(self, sockets: Any) -> None:
            return None

    monkeypatch.setattr(uvicorn, "Server", Recorder)
    run_server(object(), socket.socket(), None)
    assert configs[0].access_log is False


def test_every_control_on_the_review_pages_has_a_label(client: TestClient) -> None:
    from lxml import html

    from tests.web_review_support import A

    for url in ("/suggestions", f"/suggestions/{A}", "/secure/review", f"/secure/review/{SECRET}"):
        doc = html.fromstring(client.get(url).text)
        labelled = {label.get("for") for label in doc.iter("label") if label.get("for")}
        for control in doc.xpath("//input | //select | //textarea"):
            named = (control.get("id") in labelled or control.get("aria-label")
                     or any(a.tag == "label" for a in control.iterancestors()))
            assert named, f"{url}: unlabelled {html.tostring(control)[:80]!r}"
        for button in doc.xpath("//button"):
            assert button.get("aria-label") or button.text_content().strip(), f"{url}: a button without a name"


def test_review_colours_meet_wcag_aa_contrast() -> None:
    from tests.test_web_api import _contrast

    css = (Path(__file__).resolve().parent.parent / "cmo_coder/web/static/workbench.css").read_text()
    ink = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))["ink"]
    rules = dict(re.findall(r"\.((?:ghost|prop)-[\w]+) \{ background: (#[0-9a-fA-F]{6})", css))
    assert {"ghost-context", "ghost-outcome", "prop-open", "prop-accept", "prop-edit", "prop-reject"} <= set(rules)
    for name, background in rules.items():
        assert _contrast(ink, background) >= 4.5, name
    banner = re.search(r"\.secure-banner \{ background: (#\w{6});.*color: (#\w{6})", css)
    assert banner and _contrast(banner[2], banner[1]) >= 4.5
    disabled = re.search(r"\.act:disabled \{.*color: (#\w{6})", css)
    assert disabled and _contrast(disabled[1], "#ffffff") >= 4.5


def test_an_unexpected_failure_on_a_secure_page_quotes_and_logs_nothing(
        client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from cmo_coder.web import anonymisation

    def broken(*args: Any) -> Any:
        raise KeyError("Quennell at Ravensholme")

    monkeypatch.setattr(anonymisation, "review_view", broken)
    monkeypatch.setattr(anonymisation, "load_state", broken)
    with caplog.at_level("DEBUG"):
        page = client.get("/secure/review")
        status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": "x", "decision": "accept"})
    assert page.status_code == 500 and "KeyError" in page.text and "Quennell" not in page.text
    assert status == 500 and "Quennell" not in out["error"]
    assert "Quennell" not in caplog.text


def test_redact_everything_undecided_as_accept_all_does(client: TestClient, bench: Workbench) -> None:
    status, out = _post(client, "/secure/api/accept-all", {"undecided": _open_version(client)})
    assert status == 200 and out["count"] == 3, out  # Quennell ×2 and one "will"
    decisions = _state(bench)
    assert decisions.surfaces["quennell"].decision == "accept"
    assert [d.decision for d in decisions.occurrences.values()] == ["accept"]
    assert "Redact everything undecided" not in client.get("/secure/review").text
    assert _post(client, "/secure/api/accept-all", {"undecided": NOTHING_OPEN})[1]["count"] == 0


def test_accepting_with_another_category_uses_its_placeholder(client: TestClient, bench: Workbench) -> None:
    gid, row = _group(client, "Quennell")
    assert row["category"] == "person"
    status, out = _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": "accept",
                                                        "category": "place", "version": row["version"]})
    assert status == 200, out
    assert _state(bench).surfaces["quennell"].category == "place"
    _, row = _group(client, "Quennell")
    assert 'value="[place name]"' in row["html"]


def test_an_occurrence_decided_by_the_cli_meanwhile_is_refused(client: TestClient, bench: Workbench) -> None:
    page = client.get("/secure/review").text
    singles = page.split('id="h-singles"')[1]
    ((oid, row),) = _rows(singles, "occurrence").items()  # "I will be fine"
    code, _, err = _cli("review", str(bench.project_path), "--secure", str(bench.secure_path), "--reject", oid,
                        "--coder", "bob")
    assert code == 0, err
    status, out = _post(client, "/secure/api/decide", _occurrence_body(oid, row))
    assert status == 409 and "decided elsewhere" in out["error"], out
    assert _state(bench).occurrences[oid].by == "bob"
    ((_, fresh),) = _rows(client.get("/secure/review").text.split('id="h-singles"')[1], "occurrence").items()
    assert "reject" in fresh["html"]
    status, out = _post(client, "/secure/api/decide", _occurrence_body(oid, fresh))
    assert status == 200 and _state(bench).occurrences[oid].decision == "accept"


def test_a_heading_above_the_first_speaker_has_no_speaker_label(tmp_path: Path) -> None:
    """Lines above a plain file's first speaker are a heading, signed off as no one's turn; the review page
    showed them under the reader's "UNKNOWN" as though someone had said them."""
    path = study_project(tmp_path / "study")
    src = tmp_path / "carer_interview.txt"
    src.write_text("Interview with a carer, site B\n\nInterviewer: How is your mum?\n\n"
                   "Razia Begum: Better since the new tablets.\n\nInterviewer: And the group?\n\n"
                   "Razia Begum: She goes on Tuesdays.\n", encoding="utf-8")
    manifest = tmp_path / "participants.csv"
    manifest.write_text("name,aliases,role,site,label\nAnne Reid,Interviewer,staff,B,SP1\nRazia Begum,,carer,B,P1\n",
                        encoding="utf-8")
    secure = tmp_path / "secure"
    for args in (["import", str(path), str(src), "--secure", str(secure), "--manifest", str(manifest)],
                 ["anonymise", str(path), "--secure", str(secure), "--rules-only"]):
        r = CliRunner().invoke(cli, args)
        assert r.exit_code == 0, r.output
    page = client_for(workbench_at(path, "carol", secure)).get("/secure/review/carer_interview").text
    assert "Interview with a carer, site B" in page
    assert "UNKNOWN" not in page
    assert '<span class="label">SP1</span>' in page and '<span class="label">P1</span>' in page
