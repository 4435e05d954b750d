"""The coding page (the reader) on a long transcript, drawn a page of whole turns at a time: each page draws only
its turns and the codings that reach them, every coding counted on the page where it starts, and a coding that
runs across a page's edge kept exact (its offsets the transcript's, its quote whole on both pages).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from cmo_coder import codebook as codebook_io
from cmo_coder.store import Project
from cmo_coder.web.review_paging import PAGE_TURNS
from cmo_coder.web.state import Workbench
from tests.study import add_signed_off
from tests.web_support import REPO, client_for, csrf_of

TURNS = 2000
TID = "long-group"


@pytest.fixture(scope="module")
def long_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reader") / "project"
    project = Project.create(path, codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="tester")
    said = ["The evening group was the first place anyone listened to me.",
            "It took months before anybody rang me back about the referral.",
            "My sister drove me there every Friday until she moved away."]
    add_signed_off(project, TID, [(f"P{i % 4 + 1}", "service_user", "A", said[i % 3]) for i in range(TURNS)])
    project.close()
    return path


@pytest.fixture
def client(long_project: Path) -> TestClient:
    return client_for(Workbench(long_project, "cora"))


def _data(html: str) -> dict[str, Any]:
    return json.loads(re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S)[1])


def _links(html: str) -> list[tuple[int, int]]:
    return [(int(n), int(c)) for n, c in re.findall(r'aria-label="Page (\d+), turns \d+ to \d+: (\d+) codings?"',
                                                    html)]


def _code(client: TestClient, start: int, end: int) -> dict[str, Any]:
    r = client.post("/api/codings", json={"transcript": TID, "start": start, "end": end, "pt": "PT1",
                                          "component": "context", "stance": "supports"},
                    headers={"x-csrf-token": csrf_of(client)})
    assert r.status_code == 201, r.text
    return r.json()["coding"]


def test_a_long_transcript_opens_a_page_of_whole_turns_with_its_codings(client: TestClient) -> None:
    html = client.get(f"/transcripts/{TID}").text
    assert html.count('<div class="turn" id="turn-') == PAGE_TURNS  # not the transcript's 2,000
    links = _links(html)
    assert len(links) >= TURNS // PAGE_TURNS and links[0][0] == 1
    data = _data(html)
    assert data["page"] == 1 and data["bounds"][0] == 0 and len(data["page_starts"]) == len(links)
    second = client.get(f"/transcripts/{TID}?page=2").text
    assert 'aria-current="page"' in second and _data(second)["page"] == 2
    first_turn = int(re.search(r'<div class="turn" id="turn-(\d+)"', second)[1])
    assert first_turn >= PAGE_TURNS  # the second page's turns, by their place in the transcript
    for bad in ("0", str(len(links) + 1), "two"):
        r = client.get(f"/transcripts/{TID}?page={bad}")
        assert r.status_code == 404 and "page" in r.text


def test_a_coding_across_a_page_edge_is_exact_on_both_pages_and_counted_once(client: TestClient,
                                                                              long_project: Path) -> None:
    with Project.open(long_project) as p:
        text = p.transcript(TID).text
    html = client.get(f"/transcripts/{TID}").text
    edge = _data(html)["page_starts"][1]  # where page 2 begins
    start, end = edge - 30, edge + 25
    # pages are cut between turns, so a span across a page's edge crosses turns: the page's API refuses it ...
    r = client.post("/api/codings", json={"transcript": TID, "start": start, "end": end, "pt": "PT1",
                                          "component": "context", "stance": "supports"},
                    headers={"x-csrf-token": csrf_of(client)})
    assert r.status_code == 400 and "crosses speaker turns" in r.json()["error"]
    # ... and one coded across turns on purpose ('code add --allow-cross-turn') is kept exact on both pages
    from cmo_coder.coding import service

    with Project.open(long_project) as p:
        made = service.add_coding(p, TID, pt="PT1", span=f"{start}:{end}", component="context", element=None,
                                  stance="supports", memo=None, coder="cora", allow_cross_turn=True)
    coding = {"id": made.id, "start": made.start, "end": made.end}
    assert coding["start"] == start and coding["end"] == end  # kept as chosen: offsets are the transcript's
    inside = _code(client, edge + 40, edge + 60)
    one, two = client.get(f"/transcripts/{TID}?page=1").text, client.get(f"/transcripts/{TID}?page=2").text
    for page in (one, two):
        data = _data(page)
        ids = [row[0] for row in data["codings"]]
        assert coding["id"] in ids  # drawn on both pages it reaches
        # the text the page carries (its turns and the gaps) holds the coding's whole quote at its offsets
        chars: dict[int, str] = {}
        for at, piece in data["gaps"]:
            chars.update({at + i: ch for i, ch in enumerate(piece)})
        for m in re.finditer(r'<div class="text" tabindex="0" data-s="(\d+)" data-e="(\d+)"[^>]*>(.*?)</div>',
                             page, re.S):
            import html as html_lib

            block = html_lib.unescape(m[3])
            assert block == text[int(m[1]):int(m[2])]
            chars.update({int(m[1]) + i: ch for i, ch in enumerate(block)})
        assert "".join(chars.get(i, "\0") for i in range(start, end)) == text[start:end]
    assert inside["id"] not in [row[0] for row in _data(one)["codings"]]
    counts = dict(_links(one))
    assert counts[1] >= 1 and counts[2] >= 1
    assert sum(counts.values()) == len(client.get(f"/api/codings?transcript={TID}").json()["codings"])


def test_a_filtered_reader_keeps_its_filter_in_its_pages_links(client: TestClient) -> None:
    html = client.get(f"/transcripts/{TID}?pt=PT1&stance=supports").text
    assert 'href="?pt=PT1&amp;stance=supports&amp;page=2"' in html
