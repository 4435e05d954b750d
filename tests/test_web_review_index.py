"""The review's index, *Proposals by surface*, as a reviewer works from it (``web/review_index.py``): filtered by
decision, category, layer and text, sorted by count or by first place, in pages, each surface saying how many
occurrences it has before it is decided everywhere; the text to find never in an address.

The study is the review benchmark's generated focus group (``benchmarks/review_page.py``), 180 turns.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from cmo_coder.web import review_index
from cmo_coder.web.review_index import IndexQuery, select
from cmo_coder.web.state import Workbench
from tests.web_review_support import decidable_rows
from tests.web_support import client_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from review_page import write_study  # noqa: E402


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    project, secure, tid, _ = write_study(tmp_path_factory.mktemp("index"), 180)
    return project, secure, tid


@pytest.fixture
def client(study: tuple[Path, Path, str]) -> TestClient:
    project, secure, _ = study
    return client_for(Workbench(project, "rita", secure))


def _surfaces(html: str) -> list[str]:
    return re.findall(r'<th scope="row" id="sf-[^"]+" class="surface-cell" tabindex="-1"><span class="surface">'
                      r'<bdi>(.*?)</bdi>', html)


def _counts(html: str) -> str:
    return " ".join(re.search(r'<p class="count" id="index-counts" role="status">(.*?)</p>', html, re.S)[1].split())


def _csrf(client: TestClient) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', client.get("/secure/review").text)[1]


def test_the_index_filters_by_decision_category_and_layer_and_says_how_many_match(client: TestClient) -> None:
    every = client.get("/secure/review").text
    rows = decidable_rows(every, "surface")
    total = len(rows)
    assert total >= 5 and f"Surfaces 1–{total} of {total};" in _counts(every)
    undecided = client.get("/secure/review?show=undecided").text
    open_rows = decidable_rows(undecided, "surface")
    assert open_rows and all("undecided" in r["html"] for r in open_rows.values())
    decided = decidable_rows(client.get("/secure/review?show=decided").text, "surface")
    assert set(open_rows) | set(decided) == set(rows) and not set(open_rows) & set(decided)
    assert f"of {total}); {len(open_rows)} of them undecided" in _counts(undecided)
    people = client.get("/secure/review?category=person").text
    assert decidable_rows(people, "surface") and all(
        r["category"] == "person" for r in decidable_rows(people, "surface").values())
    # a category the project knows but none of these surfaces is of: an empty list that says so, not an error
    assert "No surface matches this filter." in client.get("/secure/review?category=pub").text
    layers = re.findall(r'<option value="([^"]+)"', re.search(r'<select id="f-layer".*?</select>', every, re.S)[0])
    layer = next(x for x in layers if x)
    by_layer = client.get(f"/secure/review?layer={layer}").text
    assert decidable_rows(by_layer, "surface") and all(
        layer in r["html"].split('<span class="layers">')[1].split("</span>")[0]
        for r in decidable_rows(by_layer, "surface").values())
    for bad in ("show=some", "category=planet", "layer=nobody", "sort=loudest", "page=0", "page=9"):
        r = client.get(f"/secure/review?{bad}")
        assert r.status_code == 404 and "index" in r.text, bad


def test_the_index_sorts_by_where_each_surface_is_first_said(client: TestClient, study) -> None:
    _, secure, tid = study
    from cmo_coder.anonymise import review as rv
    from cmo_coder.store.secure import SecureFolder

    html = client.get("/secure/review?sort=first").text
    shown = _surfaces(html)
    ps = rv.load_proposals(SecureFolder.open(secure), tid)
    first: dict[str, int] = {}
    for p in sorted(ps.proposals, key=lambda p: p.start):
        if not p.per_occurrence:
            first.setdefault(p.surface.lower(), p.start)
    # every surface the index lists is in order of its first proposal in the transcript
    places = [first[s.lower()] for s in shown if s.lower() in first]
    assert len(places) >= 3 and places == sorted(places)
    assert _surfaces(client.get("/secure/review").text) != shown  # not the order by count


def test_the_index_is_paged_and_a_page_past_the_last_is_refused(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    every = _surfaces(client.get("/secure/review").text)
    monkeypatch.setattr(review_index, "PER_PAGE", 3)
    pages = -(-len(every) // 3)
    seen = []
    for n in range(1, pages + 1):
        html = client.get(f"/secure/review?page={n}").text
        seen += _surfaces(html)
        assert f'aria-current="page" aria-label="Surfaces page {n} of {pages}"' in html
        assert f"page {n} of {pages}" in _counts(html)
    assert seen == every  # each surface on exactly one page, in the same order
    assert client.get(f"/secure/review?page={pages + 1}").status_code == 404
    # a filter keeps its own pages, and its links keep the filter
    html = client.get("/secure/review?sort=first").text
    assert 'href="/secure/review?sort=first&amp;page=2"' in html
    assert set(_surfaces(client.get("/secure/review?sort=first&page=2").text)) <= set(every)


def test_the_text_to_find_is_held_with_the_session_never_in_an_address(client: TestClient, study) -> None:
    project, secure, _ = study
    every = _surfaces(client.get("/secure/review").text)
    wanted = next(s for s in every if " " not in s and len(s) > 3)
    r = client.post("/secure/api/review-filter", json={"text": wanted[1:].upper()},
                    headers={"x-csrf-token": _csrf(client)})
    assert r.status_code == 200 and wanted not in r.text and wanted[1:].upper() not in r.text
    html = client.get("/secure/review").text
    found = _surfaces(html)
    assert wanted in found and all(wanted[1:].lower() in s.lower() for s in found) and len(found) < len(every)
    links = re.findall(r'href="([^"]*)"', html) + re.findall(r'action="([^"]*)"', html)
    assert not [x for x in links if wanted[1:].lower() in x.lower()]
    # another reviewer's session is not filtered by it
    other = client_for(Workbench(project, "sam", secure))
    assert _surfaces(other.get("/secure/review").text) == every
    r = client.post("/secure/api/review-filter", json={"text": ""}, headers={"x-csrf-token": _csrf(client)})
    assert r.status_code == 200 and _surfaces(client.get("/secure/review").text) == every
    assert client.post("/secure/api/review-filter", json={},
                       headers={"x-csrf-token": _csrf(client)}).status_code == 400


def test_a_surface_row_says_how_often_it_is_said_and_lists_its_first_occurrences(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review_index, "SHOWN_OCCURRENCES", 2)
    rows = decidable_rows(client.get("/secure/review").text, "surface")
    many = next(r for r in rows.values() if "Occurrences (" in r["html"])
    count = int(re.search(r"Occurrences \((\d+)\)", many["html"])[1])
    assert count > 3
    assert re.search(rf"said {count} times in 1 transcript; the first \d shown:", many["html"])
    assert many["html"].count('data-kind="occurrence"') == 2
    assert "the first 2 here, the rest on the transcripts' pages" in many["html"]
    assert 'aria-label="Redact ' in many["html"] and f"everywhere ({count})" in many["html"]


def _group(n: int, decided: bool, category: str, layer: str, at: int) -> dict[str, Any]:
    return {"surface": f"s{n}", "decision": "accept" if decided else None, "category": category,
            "layers": {layer: 1}, "occurrences": [{"transcript": "t", "start": at}]}


@given(st.lists(st.tuples(st.booleans(), st.sampled_from(["person", "place"]), st.sampled_from(["a", "b"]),
                          st.integers(0, 10_000)), max_size=140),
       st.sampled_from(["all", "undecided", "decided"]), st.sampled_from([None, "person"]),
       st.sampled_from([None, "a"]), st.sampled_from(["count", "first"]))
def test_the_pages_of_a_filter_hold_each_matching_surface_once(rows, show, category, layer, sort) -> None:
    groups = [_group(n, *r) for n, r in enumerate(rows)]
    first = select(groups, IndexQuery(show=show, category=category, layer=layer, sort=sort), ["t"], ["person"])
    got = [g["surface"] for n in range(1, first.pages + 1) for g in
           select(groups, IndexQuery(show=show, category=category, layer=layer, sort=sort, page=n), ["t"],
                  ["person"]).rows]
    want = [g for g in groups if (show == "all" or (g["decision"] is None) == (show == "undecided"))
            and category in (None, g["category"]) and (layer is None or layer in g["layers"])]
    assert sorted(got) == sorted(g["surface"] for g in want) and len(got) == len(set(got)) == first.matching
    assert first.matching_open == sum(g["decision"] is None for g in want)
    if sort == "first":
        starts = {g["surface"]: g["occurrences"][0]["start"] for g in groups}
        assert [starts[s] for s in got] == sorted(starts[s] for s in got)


def test_the_occurrences_decided_one_at_a_time_are_paged_and_filtered_too(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    every = decidable_rows(client.get("/secure/review").text, "occurrence")
    monkeypatch.setattr(review_index, "PER_PAGE", 3)

    def singles(html: str) -> list[str]:
        part = html.split('id="h-singles"')[1]
        return list(decidable_rows(part, "occurrence"))

    first = client.get("/secure/review").text
    count = int(re.search(r"Occurrences 1–3 of (\d+);", " ".join(first.split()))[1])
    assert count > 6 and len(singles(first)) == 3
    second = singles(client.get("/secure/review?singles=2").text)
    assert len(second) == 3 and not set(second) & set(singles(first))
    pages = -(-count // 3)
    assert client.get(f"/secure/review?singles={pages + 1}").status_code == 404
    assert 'href="/secure/review?singles=2#h-singles"' in first
    # a surfaces' page link keeps the occurrences' page, and the reverse
    assert 'href="/secure/review?page=2&amp;singles=2"' in client.get("/secure/review?singles=2").text
    decided = client.get("/secure/review?show=decided").text
    assert "No occurrence matching the filter above" in " ".join(decided.split()) or all(
        "undecided" not in r["html"].split('<span class="decision">')[1][:12]
        for r in decidable_rows(decided.split('id="h-singles"')[1], "occurrence").values())
    assert set(every) >= set(singles(first))
