"""A long focus group's review in chromium (Playwright, as tests/test_web_e2e.py), with the keyboard alone: the
page opens at the first page with an item to decide, N and P move between undecided items and on to the next page
with one, a decision leaves the focus at the next item still open with the counts announced, and a stretch
selected on a later page is redacted at its exact offsets.

The transcript is ``benchmarks/review_page.py``'s generated focus group, 180 turns (three pages). Screenshots land
in the test's tmp folder (or in $CMO_SCREENSHOTS when set)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cmo_coder.anonymise import review as rv
from cmo_coder.store.secure import SecureFolder
from cmo_coder.web.review_paging import PAGE_TURNS
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests.test_web_e2e import Server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from review_page import write_study  # noqa: E402

browser, page = harness.browser, harness.page
TID = "focus-group-long"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    project, secure, _, _ = write_study(tmp_path, 180)
    s = Server(Workbench(project, "carol", secure))
    yield s
    s.stop()


def _focused(page: Any) -> dict[str, Any]:
    return page.evaluate("""() => { const el = document.activeElement;
        return {cls: el.className, s: el.dataset.s ? Number(el.dataset.s) : null, occ: el.dataset.occ || null}; }""")


def _until(page: Any, test: str) -> None:
    """Wait for ``test`` (a function's text) to hold in the page (the page's CSP forbids wait_for_function's eval)."""
    for _ in range(200):
        try:
            if page.evaluate(test):
                return
        except Exception:  # noqa: BLE001 - a navigation under way: the page's context is being replaced
            pass
        page.wait_for_timeout(100)
    raise AssertionError(f"never held: {test}")


def _status(page: Any) -> str:
    return " ".join(page.locator("#status").inner_text().split())


def test_a_long_focus_group_is_reviewed_page_by_page_with_the_keyboard_alone(page: Any, server: Server,
                                                                            shots: Path) -> None:
    assert server.bench.secure_path is not None
    secure = SecureFolder.open(server.bench.secure_path)
    page.goto(server.url(f"/secure/review/{TID}"))
    assert page.locator("#reader .review-turn").count() == PAGE_TURNS
    nav = page.get_by_role("navigation", name="Pages of the transcript")
    links = nav.get_by_role("link")
    assert links.count() == 3
    assert links.nth(0).get_attribute("aria-current") == "page"
    assert page.get_by_role("heading", name="The text, page 1 of 3: turns 1 to 60").count() == 1
    page.screenshot(path=str(shots / "review-pages-first.png"), full_page=False)
    # N: the first undecided item of the page, announced with the counts
    page.keyboard.press("n")
    first = _focused(page)
    assert "prop-open" in first["cls"]
    assert _status(page).startswith("undecided item 1 of ")
    page.keyboard.press("n")
    second = _focused(page)
    assert second["s"] > first["s"]
    page.keyboard.press("p")
    assert _focused(page)["occ"] == first["occ"]
    # Enter opens it, Enter on "Redact here" decides this occurrence alone; the page comes back at the next one
    undecided_before = page.locator("#rp-counts").inner_text()
    page.keyboard.press("Enter")
    assert page.locator("#rp-occurrence").is_visible()
    assert page.evaluate("document.activeElement.id") == "rp-accept"
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    _until(page, f"() => document.activeElement.dataset.occ === '{second['occ']}'")
    assert "undecided" in _status(page) and page.locator("#rp-counts").inner_text() != undecided_before
    decided = rv.load_decisions(secure).occurrences
    assert list(decided) == [first["occ"]] and decided[first["occ"]].decision == "accept"
    # the last undecided item of the page, then N: on to the next page, at its first undecided item
    last = page.locator("#reader .prop-open").last
    last.focus()
    page.keyboard.press("n")
    page.wait_for_url("**page=2#first-undecided")
    _until(page, "() => document.activeElement.classList.contains('prop-open')")
    assert page.get_by_role("navigation", name="Pages of the transcript").get_by_role("link").nth(1) \
        .get_attribute("aria-current") == "page"
    page.screenshot(path=str(shots / "review-pages-second.png"), full_page=False)
    # P from the first item of page 2: back to page 1's last undecided item
    page.keyboard.press("p")
    page.wait_for_url("**page=1#last-undecided")
    _until(page, "() => document.activeElement.classList.contains('prop-open')")


def test_text_selected_on_a_later_page_is_redacted_at_its_exact_offsets(page: Any, server: Server) -> None:
    page.goto(server.url(f"/secure/review/{TID}"))
    page.get_by_role("navigation", name="Pages of the transcript").get_by_role("link").nth(2).click()
    page.wait_for_url("**page=3")
    block = page.locator("#reader .text").nth(5)
    lo = int(block.get_attribute("data-s"))
    # the keyboard's selection: focus the turn, a word to the right at a time, Shift to grow it, Enter
    block.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    assert page.locator("#rp-redact").is_visible()
    chosen = page.locator("#rp-selected").inner_text()
    raw = rv.load_raw(SecureFolder.open(server.bench.secure_path), TID)
    assert lo > 0 and chosen in raw.text[lo:int(block.get_attribute("data-e"))]
    assert page.evaluate("document.activeElement.id") == "rp-redact-category"
    page.keyboard.press("Tab")  # to "Redact everywhere"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    decisions = rv.load_decisions(SecureFolder.open(server.bench.secure_path))
    assert rv.norm(chosen) in decisions.surfaces


def test_a_sheet_of_another_project_is_refused_in_the_page_naming_the_column(page: Any, server: Server,
                                                                            shots: Path, tmp_path: Path) -> None:
    page.goto(server.url("/secure/review"))
    with page.expect_download() as got:
        page.get_by_role("link", name="Download the decisions sheet (CSV)").click()
    sheet = tmp_path / "sheet.csv"
    got.value.save_as(sheet)
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    at = rows[0].index("project")
    ours = rows[1][at]
    theirs = tmp_path / "theirs.csv"
    with theirs.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([rows[0]] + [[*r[:at], "cmoc-0123456789ab", *r[at + 1:]] for r in rows[1:]])
    page.get_by_label("Filled-in sheet").set_input_files(str(theirs))
    page.get_by_role("button", name="Upload decisions").click()
    alert = page.get_by_role("alert").filter(has_text="column 'project'")
    alert.wait_for()
    assert f"carry another project's mark (cmoc-0123456789ab; this project's is {ours})" in alert.inner_text()
    alert.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "review-sheet-another-project.png"), full_page=False)
    assert rv.load_decisions(SecureFolder.open(server.bench.secure_path)).surfaces == {}
