"""A long transcript's review page in pages of whole turns (``web/review_paging.py``): what a page draws, where a
reviewer lands, and counts that stay right across pages.

The transcript is the review benchmark's generated focus group (``benchmarks/review_page.py``: eight registered
members, an unregistered doctor, two wards, registered names that are everyday words), here 180 turns.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from cmo_coder.anonymise import review as rv
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web.review_paging import PAGE_CHARS, PAGE_TURNS, cut_pages, landing, neighbours, pages
from cmo_coder.web.state import Workbench
from tests.web_support import client_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from review_page import write_study  # noqa: E402

TURNS = 180


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    project, secure, tid, _ = write_study(tmp_path_factory.mktemp("long"), TURNS)
    return project, secure, tid


@pytest.fixture
def client(study: tuple[Path, Path, str]) -> TestClient:
    project, secure, _ = study
    return client_for(Workbench(project, "rita", secure))


def _data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S)[1])


def _links(html: str) -> list[tuple[int, int, int]]:
    """(page, undecided, items) of each page's link."""
    return [(int(n), int(u), int(i)) for n, u, i in
            re.findall(r'aria-label="Page (\d+), turns \d+ to \d+: (\d+) undecided of (\d+)"', html)]


def test_a_long_transcript_is_drawn_a_page_of_whole_turns_at_a_time(client: TestClient, study) -> None:
    _, secure, tid = study
    html = client.get(f"/secure/review/{tid}").text
    assert html.count('class="turn review-turn"') == PAGE_TURNS  # not the transcript's 180
    links = _links(html)
    assert [n for n, _, _ in links] == [1, 2, 3]
    # each item counted on exactly one page, the one that draws it; every page's items are the transcript's
    drawn = [_data(client.get(f"/secure/review/{tid}?page={n}").text)["occurrences"] for n, _, _ in links]
    assert [len(d) for d in drawn] == [i for _, _, i in links]
    ids = [o["id"] for d in drawn for o in d]
    assert len(ids) == len(set(ids)) >= len(rv.load_proposals(SecureFolder.open(secure), tid).proposals)
    data = _data(html)
    assert "text" not in data  # the page's script reads the text from the turns drawn
    assert data["page"] == 1 and data["pages"] == 3 and data["open_after"] == 2
    assert all(o["start"] < data["end"] for o in data["occurrences"])
    second = client.get(f"/secure/review/{tid}?page=2").text
    assert 'aria-current="page"' in second and _data(second)["page"] == 2
    assert second.count('class="turn review-turn"') == PAGE_TURNS
    for bad in ("4", "0", "two"):
        r = client.get(f"/secure/review/{tid}?page={bad}")
        assert r.status_code == 404 and "page" in r.text


def test_the_page_opened_is_the_first_with_an_item_to_decide_and_the_counts_stay_right(
        client: TestClient, study) -> None:
    project, secure, tid = study
    first = _data(client.get(f"/secure/review/{tid}?page=1").text)["occurrences"]
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', client.get(f"/secure/review/{tid}").text)[1]
    before = _links(client.get(f"/secure/review/{tid}").text)
    # decide every item of page 1 one occurrence at a time, as the panel does
    for o in first:
        r = client.post("/secure/api/decide", json={"kind": "occurrence", "decision": "accept", "id": o["id"],
                                                    "version": o["version"], "group_version": o["group_version"]},
                        headers={"x-csrf-token": csrf})
        assert r.status_code == 200, r.text
    html = client.get(f"/secure/review/{tid}").text
    assert _data(html)["page"] == 2 and _data(html)["open_before"] is None  # landed on the next page to decide
    after = _links(html)
    assert after[0][1] == 0 and after[1:] == before[1:]
    total = sum(u for _, u, _ in after)
    assert f"{total} items undecided in this transcript" in " ".join(html.split())
    decided = rv.load_decisions(SecureFolder.open(secure)).occurrences
    assert {o["id"] for o in first} <= set(decided)  # each decision on its own occurrence, no other
    assert len(decided) == len(first)


# -- the pages themselves -------------------------------------------------------------------------------------


@given(st.lists(st.integers(1, 3000), max_size=400), st.data())
def test_pages_cover_every_turn_once_within_their_limits_and_count_every_item_once(
        lengths: list[int], data: st.DataObject) -> None:
    blocks, at = [], 0
    for n in lengths:
        blocks.append((at, at + n))
        at += n + 2
    items = data.draw(st.lists(st.tuples(st.integers(0, max(at, 1)), st.booleans()), max_size=200))
    got = pages(blocks, items)
    assert [(p.first, p.stop) for p in got] == cut_pages(blocks)
    if blocks:
        assert got[0].first == 0 and got[-1].stop == len(blocks)
        assert all(a.stop == b.first for a, b in zip(got, got[1:], strict=False))
        for p in got:
            assert 1 <= p.stop - p.first <= PAGE_TURNS
            # a page takes no further turn once it holds PAGE_CHARS; a single turn may be longer
            assert p.stop - p.first == 1 or blocks[p.stop - 2][1] - blocks[p.first][0] < PAGE_CHARS
    assert sum(p.items for p in got) == len(items)
    assert sum(p.undecided for p in got) == sum(u for _, u in items)
    assert landing(got).undecided or not any(p.undecided for p in got)
    for p in got:
        before, after = neighbours(got, p)
        assert before is None or (before < p.number and got[before - 1].undecided)
        assert after is None or (after > p.number and got[after - 1].undecided)
