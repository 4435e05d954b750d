"""A long transcript's review kept between pages (``web/review_cache.py``): a page costs what it shows, every
count stays the whole transcript's, and every reviewer's decision is on the next page anyone opens.

The transcript is the review benchmark's generated focus group (``benchmarks/review_page.py``), here 180 turns;
two reviewers are two servers on the same project and secure folder (two people's ``serve``), or two sessions of
one server.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from cmo_coder.anonymise import review as rv
from cmo_coder.anonymise.models import Decision, Decisions
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web import anonymisation, review_cache
from cmo_coder.web.state import Workbench
from tests.web_support import client_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from review_page import write_study  # noqa: E402

TURNS = 180


@pytest.fixture
def study(tmp_path: Path) -> tuple[Path, Path, str]:
    project, secure, tid, _ = write_study(tmp_path, TURNS)
    return project, secure, tid


def _data(html: str) -> dict[str, Any]:
    return json.loads(re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S)[1])


def _links(html: str) -> list[tuple[int, int, int]]:
    return [(int(n), int(u), int(i)) for n, u, i in
            re.findall(r'aria-label="Page (\d+), turns \d+ to \d+: (\d+) undecided of (\d+)"', html)]


def _open_said(html: str) -> int:
    return int(re.search(r"(\d+) items? undecided in this transcript", " ".join(html.split()))[1])


def _decide(client: TestClient, o: dict[str, Any], decision: str = "accept") -> None:
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/secure/review").text)[1]
    r = client.post("/secure/api/decide", json={"kind": "occurrence", "decision": decision, "id": o["id"],
                                                "version": o["version"], "group_version": o["group_version"]},
                    headers={"x-csrf-token": csrf})
    assert r.status_code == 200, r.text


def _counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = anonymisation.load_state

    def counted(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(anonymisation, "load_state", counted)
    return calls


def test_reviewer_a_decides_and_reviewer_b_s_next_page_shows_it(study) -> None:
    project, secure, tid = study
    bench = Workbench(project, "ann", secure)
    a = client_for(bench)
    b = client_for(Workbench(project, "ben", secure))  # another server on the same folders
    b_same = client_for(bench)  # another session of the same server
    first_b = b.get(f"/secure/review/{tid}?page=1").text
    b_same.get(f"/secure/review/{tid}?page=1")
    o = next(x for x in _data(a.get(f"/secure/review/{tid}?page=1").text)["occurrences"] if x["decision"] is None)
    _decide(a, o)
    for viewer in (b, b_same):
        seen = viewer.get(f"/secure/review/{tid}?page=1").text
        mine = next(x for x in _data(seen)["occurrences"] if x["id"] == o["id"])
        assert mine["decision"] == "accept" and mine["by"] == "ann"
        assert _open_said(seen) == _open_said(first_b) - 1
        assert _links(seen)[0][1] == _links(first_b)[0][1] - 1
    # and a decision written by the command line (another process, no server told) is seen too
    sf = SecureFolder.open(secure)
    other = next(x for x in _data(b.get(f"/secure/review/{tid}?page=2").text)["occurrences"]
                 if x["decision"] is None)
    ps = next(s for s in rv.complete([rv.load_proposals(sf, tid)], {tid: rv.load_raw(sf, tid)},
                                     rv.load_decisions(sf), []) if s.transcript_id == tid)
    proposal = next(p for p in ps.proposals if p.id == other["id"])
    rv.save_decisions(sf, rv.decide_occurrence(rv.load_decisions(sf), proposal, "reject", "cli", None))
    for viewer in (a, b):
        seen = _data(viewer.get(f"/secure/review/{tid}?page=2").text)["occurrences"]
        assert next(x for x in seen if x["id"] == other["id"])["decision"] == "reject"


def test_a_page_turned_or_reloaded_after_a_decision_loads_nothing_again(
        study, monkeypatch: pytest.MonkeyPatch) -> None:
    project, secure, tid = study
    client = client_for(Workbench(project, "rita", secure))
    calls = _counting_loads(monkeypatch)
    client.get(f"/secure/review/{tid}")
    assert len(calls) == 1
    for n in (1, 2, 3, 1):
        client.get(f"/secure/review/{tid}?page={n}")
    client.get("/secure/review")
    assert len(calls) == 1  # the files are unchanged: the state read once serves every page
    o = _data(client.get(f"/secure/review/{tid}?page=1").text)["occurrences"][0]
    _decide(client, o)
    assert len(calls) == 2  # the decision reads afresh under the write lock, as before
    html = client.get(f"/secure/review/{tid}?page=1").text
    assert len(calls) == 2  # the page it reloads to is the state the decision saved
    assert next(x for x in _data(html)["occurrences"] if x["id"] == o["id"])["decision"] == "accept"


def test_the_state_a_decision_keeps_is_the_state_a_fresh_load_reads(study) -> None:
    project, secure, tid = study
    client = client_for(Workbench(project, "rita", secure))
    page = [o for o in _data(client.get(f"/secure/review/{tid}?page=2").text)["occurrences"] if o["decision"] is None]
    _decide(client, page[0], "reject")
    _decide(client, page[1])
    with Project.open(project) as p:
        kept = anonymisation.cached_state(p, secure)
        fresh = anonymisation.load_state(p, secure)
    assert kept.decisions == fresh.decisions
    assert [s.model_dump() for s in kept.sets] == [s.model_dump() for s in fresh.sets]
    assert kept.registered == fresh.registered
    view_kept = anonymisation.transcript_view(kept, tid, 2)
    view_fresh = anonymisation.transcript_view(fresh, tid, 2)
    assert view_kept["occurrences"] == view_fresh["occurrences"] and view_kept["preview"] == view_fresh["preview"]
    assert view_kept["pages"] == view_fresh["pages"] and view_kept["open"] == view_fresh["open"]


def test_a_transcript_s_pages_are_kept_until_a_decision_reaches_its_own_items(study) -> None:
    project, secure, tid = study
    with Project.open(project) as p:
        state = anonymisation.load_state(p, secure)
    whole = anonymisation.whole_transcript(state, tid)
    assert anonymisation.whole_transcript(state, tid) is whole  # the same version: made once
    # a decision on a surface none of its items carries leaves it as kept
    elsewhere = Decisions(surfaces={**state.decisions.surfaces, "a surface said nowhere": Decision(
        decision="accept", by="ann", at="2026-01-01T00:00:00Z", placeholder="[x]")},
        occurrences=state.decisions.occurrences)
    moved = anonymisation.ReviewState(state.secure, state.ids, state.raws, state.items, elsewhere, state.sets,
                                      state.registered)
    assert anonymisation.whole_transcript(moved, tid) is whole
    # one on its own item makes it anew, with the counts that decision changes
    o = next(x for x in whole.occurrences if x["decision"] is None)
    proposal = state.proposal(o["id"])[1]
    own = rv.decide_occurrence(state.decisions, proposal, "accept", "ann", None)
    decided = anonymisation.ReviewState(state.secure, state.ids, state.raws, state.items, own, state.sets,
                                        state.registered)
    after = anonymisation.whole_transcript(decided, tid)
    assert after is not whole
    assert sum(p.undecided for p in after.pages) == sum(p.undecided for p in whole.pages) - 1


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_page_counts_summed_are_the_whole_transcript_s_after_random_decisions(study, data: st.DataObject) -> None:
    project, secure, tid = study
    review_cache.clear()
    client = client_for(Workbench(project, "rita", secure))
    html = client.get(f"/secure/review/{tid}").text
    pages = len(_links(html))
    for _ in range(data.draw(st.integers(1, 3), label="decisions")):
        n = data.draw(st.integers(1, pages), label="page")
        shown = _data(client.get(f"/secure/review/{tid}?page={n}").text)["occurrences"]
        o = data.draw(st.sampled_from(shown), label="occurrence")
        # a registered name used as a name is never kept (the page offers no 'Keep' for it)
        kinds = ["accept"] if o["registered"] else ["accept", "reject"]
        _decide(client, o, data.draw(st.sampled_from(kinds), label="decision"))
    html = client.get(f"/secure/review/{tid}").text
    links = _links(html)
    drawn = [_data(client.get(f"/secure/review/{tid}?page={n}").text)["occurrences"] for n, _, _ in links]
    assert [sum(o["decision"] is None for o in d) for d in drawn] == [u for _, u, _ in links]
    assert [len(d) for d in drawn] == [i for _, _, i in links]
    sf = SecureFolder.open(secure)
    with Project.open(project) as p:
        fresh = anonymisation.load_state(p, secure)
    ps = next(s for s in fresh.sets if s.transcript_id == tid)
    assert sum(u for _, u, _ in links) == len(rv.undecided(ps, fresh.decisions)) == _open_said(html)
    assert sum(i for _, _, i in links) == len(ps.proposals)
    assert rv.preview(sf, tid)[1] == _open_said(html)


def test_a_file_rewritten_in_place_within_the_clock_s_grain_is_a_new_stamp(tmp_path: Path) -> None:
    (tmp_path / "proposals").mkdir()
    f = tmp_path / "proposals" / "t.json"
    f.write_text('{"a": 1}')
    before = review_cache.stamp(tmp_path, ["t"], [])
    st = f.stat()
    with open(f, "r+", encoding="utf-8") as fh:  # same inode, same size, and the clock set back to the same instant
        fh.write('{"a": 2}')
    import os

    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_ino == st.st_ino and f.stat().st_mtime_ns == st.st_mtime_ns
    assert review_cache.stamp(tmp_path, ["t"], []) != before
    assert review_cache.stamp(tmp_path, ["t"], []) == review_cache.stamp(tmp_path, ["t"], [])
    assert review_cache.stamp(tmp_path, ["t"], ["u"]) != review_cache.stamp(tmp_path, ["t"], [])
