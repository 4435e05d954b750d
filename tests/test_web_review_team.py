"""Two reviewers of one anonymisation review, each signed in with their own lead account, at the same time.

What a team must be able to trust: a decision made on a page that no longer shows what is stored is
refused with a message naming who decided what (never applied over the other's decision); an
occurrence is not decided under a surface decision its page never showed; text the other reviewer
kept is not redacted from a selection behind their back; 'redact everything undecided' applies only
to the items the page showed; sign-off is refused while anything is undecided, saying where to
decide it; and every page says who made each decision.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cmo_coder.accounts import service
from cmo_coder.accounts.service import Role
from cmo_coder.anonymise import review as rv
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web.state import Workbench
from tests.accounts_support import accounts_client, add_team, cheap_hashing, page_csrf, sign_in  # noqa: F401
from tests.web_review_support import SECRET, add_secure_transcript, decidable_rows, occurrence_body, open_version
from tests.web_support import study_project

#: a second lead, so that two reviewers with the right to sign off work side by side
RITA = ("rita", "rita's own long passphrase")


@pytest.fixture
def bench(tmp_path: Path, cheap_hashing: None) -> Workbench:  # noqa: F811
    path = study_project(tmp_path / "study")
    secure = add_secure_transcript(path, tmp_path)
    add_team(path)
    with Project.open(path) as p:
        service.add_user(p, RITA[0], Role.lead, RITA[1], actor="admin")
    return Workbench(path, "nobody-in-particular", secure)


def _reviewer(bench: Workbench, name: str, password: str | None = None) -> TestClient:
    client = accounts_client(bench)
    assert sign_in(client, name, password).status_code == 303
    return client


@pytest.fixture
def lena(bench: Workbench) -> Iterator[TestClient]:
    yield _reviewer(bench, "lena")


@pytest.fixture
def rita(bench: Workbench) -> Iterator[TestClient]:
    yield _reviewer(bench, *RITA)


def _post(client: TestClient, url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    r = client.post(url, json=body, headers={"x-csrf-token": page_csrf(client)})
    return r.status_code, r.json()


def _surface(page: str, surface: str) -> tuple[str, dict[str, str]]:
    return next((gid, row) for gid, row in decidable_rows(page, "surface").items()
                if f'<span class="surface"><bdi>{surface}</bdi></span>' in row["html"])


def _decisions(bench: Workbench) -> rv.Decisions:
    assert bench.secure_path is not None
    return rv.load_decisions(SecureFolder.open(bench.secure_path))


def _decide_surface(client: TestClient, page: str, surface: str, decision: str) -> tuple[int, dict[str, Any]]:
    gid, row = _surface(page, surface)
    return _post(client, "/secure/api/decide", {"kind": "surface", "id": gid, "decision": decision,
                                                 "version": row["version"]})


def test_a_decision_the_other_reviewer_changed_is_refused_naming_them(bench: Workbench, lena: TestClient,
                                                                      rita: TestClient) -> None:
    lenas_page = lena.get("/secure/review").text
    rita_page = rita.get("/secure/review").text
    assert _decide_surface(rita, rita_page, "Quennell", "reject")[0] == 200
    status, out = _decide_surface(lena, lenas_page, "Quennell", "accept")  # from the page loaded before
    assert status == 409, out
    assert "decided elsewhere" in out["error"] and "kept by rita" in out["error"] and "reload" in out["error"]
    assert "Quennell" not in out["error"]  # a reply names no surface
    kept = _decisions(bench).surfaces["quennell"]
    assert (kept.decision, kept.by) == ("reject", "rita")
    # reloaded, lena sees who decided, and may reverse it: a reversal made knowingly is not refused
    fresh = lena.get("/secure/review").text
    _, row = _surface(fresh, "Quennell")
    assert "reject" in row["html"] and "by rita" in row["html"]
    assert _decide_surface(lena, fresh, "Quennell", "accept")[0] == 200
    assert _decisions(bench).surfaces["quennell"].by == "lena"
    _, row = _surface(rita.get("/secure/review").text, "Quennell")
    assert "accept" in row["html"] and "by lena" in row["html"]


def test_an_occurrence_is_not_decided_under_a_surface_decision_its_page_never_showed(
        bench: Workbench, lena: TestClient, rita: TestClient) -> None:
    lenas_page = lena.get("/secure/review").text
    _, row = _surface(lenas_page, "Quennell")
    oid, occurrence = next(iter(decidable_rows(row["html"], "occurrence").items()))
    assert occurrence["group_version"], "the page gives each occurrence its surface's decision version"
    assert _decide_surface(rita, rita.get("/secure/review").text, "Quennell", "reject")[0] == 200
    status, out = _post(lena, "/secure/api/decide", occurrence_body(oid, occurrence))
    assert status == 409 and f"the surface of occurrence {oid}" in out["error"] and "kept by rita" in out["error"]
    assert oid not in _decisions(bench).occurrences
    # a client that does not say which surface decision it saw is refused outright
    body = occurrence_body(oid, occurrence)
    del body["group_version"]
    status, out = _post(lena, "/secure/api/decide", body)
    assert status == 400 and "'group_version'" in out["error"]


def test_a_selection_of_text_the_other_reviewer_kept_is_not_redacted_over_them(
        bench: Workbench, lena: TestClient, rita: TestClient) -> None:
    assert _decide_surface(rita, rita.get("/secure/review").text, "Quennell", "reject")[0] == 200
    with Project.open(bench.project_path) as p:
        assert p.transcript_status(SECRET) == "pending"
    assert bench.secure_path is not None
    text = rv.load_raw(SecureFolder.open(bench.secure_path), SECRET).text
    start = text.index("Quennell")
    status, out = _post(lena, "/secure/api/redact", {"transcript": SECRET, "start": start, "end": start + 8,
                                                     "category": "person"})
    assert status == 409 and "already decided everywhere (kept by rita" in out["error"], out
    kept = _decisions(bench).surfaces["quennell"]
    assert (kept.decision, kept.by) == ("reject", "rita")


def test_redact_everything_undecided_from_a_stale_page_is_refused(bench: Workbench, lena: TestClient,
                                                                 rita: TestClient) -> None:
    seen = open_version(lena)
    assert _decide_surface(rita, rita.get("/secure/review").text, "Quennell", "reject")[0] == 200
    before = _decisions(bench)
    status, out = _post(lena, "/secure/api/accept-all", {"undecided": seen})
    assert status == 409 and "undecided items changed since this page showed them" in out["error"], out
    assert _decisions(bench) == before
    status, out = _post(lena, "/secure/api/accept-all", {})
    assert status == 400 and "'undecided'" in out["error"]
    status, out = _post(lena, "/secure/api/accept-all", {"undecided": open_version(lena)})
    assert status == 200, out
    assert _decisions(bench).surfaces["quennell"].decision == "reject"  # rita's keep stands


def test_sign_off_while_the_other_reviewer_has_items_open_says_where_to_decide(
        bench: Workbench, lena: TestClient, rita: TestClient) -> None:
    assert _decide_surface(rita, rita.get("/secure/review").text, "Quennell", "accept")[0] == 200
    status, out = _post(lena, "/secure/api/sign-off", {"transcript": SECRET})
    assert status == 400
    assert re.search(rf"transcript {SECRET} has \d+ undecided proposal\(s\)", out["error"]), out
    assert "marked 'undecided' on the review pages" in out["error"]
    with Project.open(bench.project_path) as p:
        assert p.transcript_status(SECRET) == "pending"


def test_the_transcript_page_says_who_decided_each_stretch(bench: Workbench, lena: TestClient,
                                                           rita: TestClient) -> None:
    assert _decide_surface(rita, rita.get("/secure/review").text, "Quennell", "accept")[0] == 200
    page = lena.get(f"/secure/review/{SECRET}").text
    data = json.loads(re.search(r'<script type="application/json" id="page-data">(.*?)</script>', page, re.S)[1])
    by = {o["surface"]: o["by"] for o in data["occurrences"]}
    assert by["Quennell"] == "rita" and by["Maggie"] == "the register"


def _sheet(client: TestClient) -> list[list[str]]:
    r = client.get("/secure/review/decisions.csv")
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"] == 'attachment; filename="anonymisation-decisions.csv"'
    assert r.headers["cache-control"] == "no-store"
    return list(csv.reader(io.StringIO(r.text)))


def _filled(rows: list[list[str]], surface: str, decision: str) -> str:
    """The sheet with ``decision`` written on ``surface``'s row, as a spreadsheet saves it."""
    header = rows[0]
    out = [header] + [[*row[:header.index("decision")], decision, *row[header.index("decision") + 1:]]
                      if row[header.index("surface")] == surface and not row[0] else row for row in rows[1:]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(out)
    return buf.getvalue()


def test_a_sheet_round_trip_in_the_browser_decides_as_the_command_line(bench: Workbench, lena: TestClient) -> None:
    rows = _sheet(lena)
    assert rows[0][-2:] == ["version", "project"]
    assert rows[0][:-2] == ["id", "transcript", "surface", "count", "category",
                          "placeholder", "registered", "decision", "context"]
    status, out = _post(lena, "/secure/api/decisions", {"sheet": _filled(rows, "Quennell", "keep")})
    assert status == 200 and out["count"] == 1, out
    kept = _decisions(bench).surfaces["quennell"]
    assert (kept.decision, kept.by) == ("reject", "lena")


def test_a_sheet_downloaded_before_the_other_reviewer_decided_is_refused_whole(
        bench: Workbench, lena: TestClient, rita: TestClient) -> None:
    rows = _sheet(lena)
    assert _decide_surface(rita, rita.get("/secure/review").text, "Quennell", "accept")[0] == 200
    before = _decisions(bench)
    status, out = _post(lena, "/secure/api/decisions", {"sheet": _filled(rows, "Quennell", "keep")})
    assert status == 409, out
    line = next(n for n, row in enumerate(rows, start=1) if row[2] == "Quennell" and not row[0])
    assert (f"the uploaded sheet:{line}: column 'decision': decided since the sheet was written (now redacted by "
            "rita") in out["error"]
    assert "nothing was saved" in out["error"]
    assert _decisions(bench) == before
    # the same decision made meanwhile overwrites nothing: that row is read as any other
    status, out = _post(lena, "/secure/api/decisions", {"sheet": _filled(rows, "Quennell", "redact")})
    assert status == 200, out


def test_a_sheet_without_versions_or_from_a_coder_is_refused(bench: Workbench, lena: TestClient) -> None:
    rows = [row[:-2] for row in _sheet(lena)]  # as 'review --export-decisions' wrote it before the columns
    status, out = _post(lena, "/secure/api/decisions", {"sheet": _filled(rows, "Quennell", "keep")})
    assert status == 400 and "lacks the 'project' and 'version' columns" in out["error"]
    status, out = _post(lena, "/secure/api/decisions", {})
    assert status == 400 and "'sheet'" in out["error"]
    assert "quennell" not in _decisions(bench).surfaces
    carl = _reviewer(bench, "carl")
    assert carl.get("/secure/review/decisions.csv").status_code == 403
    assert _post(carl, "/secure/api/decisions", {"sheet": "id"})[0] == 403


def test_a_sheet_of_another_project_is_refused_in_the_browser_as_at_the_command_line(
        bench: Workbench, lena: TestClient) -> None:
    """The same transcript, another project's mark: every row could be placed here, and none is read."""
    rows = _sheet(lena)
    at = rows[0].index("project")
    assert rows[1][at].startswith("cmoc-")
    theirs = [rows[0]] + [[*row[:at], "cmoc-0123456789ab", *row[at + 1:]] for row in rows[1:]]
    before = _decisions(bench)
    status, out = _post(lena, "/secure/api/decisions", {"sheet": _filled(theirs, "Quennell", "keep")})
    assert status == 400, out
    assert f"the uploaded sheet:2: column 'project': {len(rows) - 1} row(s)" in out["error"]
    assert "carry another project's mark (cmoc-0123456789ab; this project's is " + rows[1][at] in out["error"]
    assert _decisions(bench) == before
