"""The review's index and the coding page on a long transcript in chromium (Playwright, as tests/test_web_e2e.py),
with the keyboard alone: the index filtered and its text to find typed, J to a surface, R to redact it with its
contexts read first, the focus kept in place and the counts announced after the reload; and the coding page of a
2,000-turn transcript drawn a page at a time, a passage on a later page opened there.

The review's transcript is ``benchmarks/review_page.py``'s generated focus group, 180 turns. Screenshots land in the
test's tmp folder (or in $CMO_SCREENSHOTS when set)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise import review as rv
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web.review_paging import PAGE_TURNS
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests.study import add_signed_off
from tests.test_web_e2e import Server
from tests.test_web_review_pages_e2e import _status, _until
from tests.web_support import REPO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from review_page import write_study  # noqa: E402

browser, page = harness.browser, harness.page


@pytest.fixture
def server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Server]:
    if "coding" in request.node.name:
        path = tmp_path / "project"
        project = Project.create(path, codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="tester")
        add_signed_off(project, "long-group", [(f"P{i % 4 + 1}", "service_user", "A",
                                                f"Turn {i}: the evening group listened to me at last.")
                                               for i in range(2000)])
        project.close()
        s = Server(Workbench(path, "cora"))
    else:
        study, secure, _, _ = write_study(tmp_path, 180)
        s = Server(Workbench(study, "carol", secure))
    yield s
    s.stop()


def test_the_index_is_filtered_and_decided_with_the_keyboard_alone(page: Any, server: Server, shots: Path) -> None:
    assert server.bench.secure_path is not None
    secure = SecureFolder.open(server.bench.secure_path)
    page.goto(server.url("/secure/review"))
    # what a screen reader is given: headings, labelled fields, a live count
    assert page.get_by_role("heading", name="Proposals by surface").count() == 1
    for label in ("Show", "Of category", "Proposed by", "Order", "Surface contains"):
        assert page.get_by_label(label, exact=True).count() == 1, label
    counts = page.locator("#index-counts")
    assert counts.get_attribute("role") == "status"
    total = page.locator(".review-groups tr.decidable").count()
    assert total >= 5
    page.screenshot(path=str(shots / "review-index.png"), full_page=False)
    # the keyboard alone: "/" to the text to find, a few letters, Enter
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-text"
    wanted = page.locator(".review-groups tr.decidable .surface").nth(0).inner_text()
    page.keyboard.type(wanted[:4])
    page.keyboard.press("Enter")
    _until(page, f"() => document.querySelectorAll('.review-groups tr.decidable').length < {total}")
    assert wanted[:4].lower() not in page.url.lower()  # the text never in the address
    rows = page.locator(".review-groups tr.decidable .surface")
    assert all(wanted[:4].lower() in rows.nth(i).inner_text().lower() for i in range(rows.count()))
    assert page.locator("#f-text").input_value() == wanted[:4]
    page.screenshot(path=str(shots / "review-index-found.png"), full_page=False)
    # back to every surface, undecided only, by the Show field and the keyboard
    page.locator("#f-clear").focus()
    page.keyboard.press("Enter")
    _until(page, f"() => document.querySelectorAll('.review-groups tr.decidable').length === {total}")
    page.locator("#f-show").focus()
    page.keyboard.press("ArrowDown")  # "undecided only"
    page.locator("#f-apply").focus()
    page.keyboard.press("Enter")
    _until(page, "() => location.search.includes('show=undecided')")
    open_before = page.locator(".review-groups tr.decidable").count()
    # J to the first surface still open: announced with its state and how often it is said
    page.locator("h1").click()
    page.keyboard.press("j")
    announced = _status(page)
    assert announced.startswith(f"surface 1 of {open_before} on this page") and "undecided" in announced
    assert "said " in announced and " in 1 transcript" in announced
    row = page.locator(".review-groups tr.decidable").nth(0)
    gid = row.get_attribute("data-id")
    assert row.locator(".kwic").count() >= 1  # its contexts are on the row it is decided from
    page.screenshot(path=str(shots / "review-index-undecided.png"), full_page=False)
    page.keyboard.press("r")
    _until(page, f"() => !document.querySelector('tr.decidable[data-id=\"{gid}\"]')")
    assert page.locator(".review-groups tr.decidable").count() == open_before - 1
    _until(page, "() => document.getElementById('status').textContent.trim().length > 0")  # shown once loaded
    assert "redacting a surface" in _status(page) and "undecided" in _status(page)  # the counts announced
    assert any(d.decision == "accept" for d in rv.load_decisions(secure).surfaces.values())
    # on every surface: a registered name cannot be kept, and the keyboard says why; the focus stays in the list
    page.goto(server.url("/secure/review"))
    page.locator("h1").click()
    page.keyboard.press("j")
    registered = page.locator(".review-groups tr.decidable").nth(0)
    if registered.locator('td.acts button[data-action="reject"]').is_disabled():
        page.keyboard.press("x")
        assert "always redacted" in _status(page)
    page.keyboard.press("o")
    page.screenshot(path=str(shots / "review-index-decided.png"), full_page=False)


def test_the_coding_page_of_a_long_transcript_is_drawn_a_page_at_a_time(page: Any, server: Server,
                                                                         shots: Path) -> None:
    page.goto(server.url("/transcripts/long-group"))
    assert page.locator("#reader .turn").count() == PAGE_TURNS
    nav = page.get_by_role("navigation", name="Pages of the transcript")
    assert nav.get_by_role("link").nth(0).get_attribute("aria-current") == "page"
    assert page.get_by_role("heading", name="The text, page 1 of").count() == 1
    page.screenshot(path=str(shots / "reader-pages-first.png"), full_page=False)
    # an address to a passage on a later page (a search hit's, a theory page's) opens that page, passage selected
    with server.bench.project() as p:
        text = p.transcript("long-group").text
    start = text.index("Turn 1500:")
    page.goto(f"http://127.0.0.1:{server.port}/")  # from another page, as a link is followed
    page.goto(f"http://127.0.0.1:{server.port}/transcripts/long-group#at-{start}-{start + 9}")
    _until(page, "() => location.search.includes('page=')")
    _until(page, "() => String(window.getSelection()).length > 0")
    assert str(page.evaluate("String(window.getSelection())")) == text[start:start + 9]
    current = page.locator('.reader-pages a[aria-current="page"]')
    assert int(current.get_attribute("aria-label").split()[1].rstrip(",")) > 1
    page.screenshot(path=str(shots / "reader-pages-passage.png"), full_page=False)
