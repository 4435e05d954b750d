"""A team's workbench in a real browser: a coder signs in and codes as themselves; a viewer cannot code.

Uses the browser and page fixtures of the other browser tests (Debian's chromium through Playwright;
skipped outside CI when missing). Screenshots of the sign-in page, the page header and a refusal
land in the test's tmp folder (or in $CMO_SCREENSHOTS when set).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.web.signin import AccountsConfig
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests.accounts_support import TEAM, add_team, cheap_hashing  # noqa: F401  (a fixture)
from tests.web_support import study_project, workbench_at

browser, page = harness.browser, harness.page
A = harness.A


class AccountsServer(harness.Server):
    """The harness's server with sign-in: its addresses carry no one-time token."""

    def __init__(self, bench: Workbench) -> None:
        super().__init__(bench, accounts=AccountsConfig())

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def server(tmp_path: Path, cheap_hashing: None) -> Iterator[AccountsServer]:  # noqa: F811
    path = study_project(tmp_path / "study")
    add_team(path)
    s = AccountsServer(Workbench(path, "nobody-in-particular", tmp_path / "secure"))
    yield s
    s.stop()


def _sign_in(p: Any, server: AccountsServer, name: str, path: str, shot: Path | None = None) -> None:
    p.goto(server.url(path))
    p.wait_for_url("**/login?next=*")
    if shot is not None:
        p.screenshot(path=str(shot), full_page=True)
    p.get_by_label("Name").fill(name)
    p.get_by_label("Password").fill(TEAM[name][1])
    p.get_by_role("button", name="Sign in").click()
    p.wait_for_url(f"**{path}")


def _select_three_words_and_press_enter(p: Any) -> None:
    target = p.locator(".text").nth(1)  # SP1's turn
    for _ in range(40):
        p.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the turn's text never received keyboard focus")
    for _ in range(3):
        p.keyboard.press("Shift+ArrowRight")
    assert p.evaluate("window.getSelection().toString()") == "Everyone here accepts"
    p.keyboard.press("Enter")


def _codings(server: AccountsServer, coder: str) -> list[dict[str, Any]]:
    r = CliRunner().invoke(cli, ["code", "list", str(server.bench.project_path), "--transcript", A,
                                 "--coder", coder, "--json"])
    assert r.exit_code == 0, r.stderr
    return list(json.loads(r.stdout))


def test_a_coder_codes_as_themselves_and_a_viewer_cannot(browser: Any, page: Any, server: AccountsServer,
                                                          shots: Path) -> None:
    from playwright.sync_api import expect

    # the coder: signs in on the way to a transcript, codes a span with the keyboard
    _sign_in(page, server, "carl", f"/transcripts/{A}", shots / "accounts-login.png")
    expect(page.locator("header .coder")).to_have_text(re.compile(r"signed in as\s+carl\s+coder"))
    _select_three_words_and_press_enter(page)
    assert page.locator("#panel").is_visible()
    page.keyboard.type("PT1")
    page.keyboard.press("Tab")
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_contain_text("coded PT1")
    page.screenshot(path=str(shots / "accounts-coder-reader.png"))
    made = _codings(server, "carl")
    assert [(c["text"], c["coder"]) for c in made] == [("Everyone here accepts", "carl")]

    # the viewer: reads the same transcript without a way to change it; the API refuses anyway
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    viewer = context.new_page()
    viewer.set_default_timeout(20_000)
    _sign_in(viewer, server, "vera", f"/transcripts/{A}")
    expect(viewer.locator("header .coder")).to_have_text(re.compile(r"signed in as\s+vera\s+viewer"))
    assert viewer.locator("#undo").count() == 0 and viewer.locator("#tray").count() == 0
    assert viewer.locator("input.pick").count() == 0  # no "link" boxes beside the stripes
    assert viewer.locator("#reader .stripe").count() > 0  # the codings are there to read
    _select_three_words_and_press_enter(viewer)
    assert viewer.locator("#panel").is_hidden()
    viewer.screenshot(path=str(shots / "accounts-viewer-reader.png"))
    csrf = viewer.locator('meta[name="csrf-token"]').get_attribute("content")
    r = context.request.post(server.url("/api/codings"), headers={"x-csrf-token": csrf},
                             data={"transcript": A, "start": 0, "end": 5, "pt": "PT1"})
    assert r.status == 403
    assert r.json()["error"] == "403 Forbidden: viewers cannot change codings; ask a lead for the coder role"
    assert _codings(server, "vera") == []
    refused = viewer.goto(server.url("/secure/review"))
    assert refused is not None and refused.status == 403
    expect(viewer.locator("p.error")).to_contain_text("viewers cannot review anonymisation")
    viewer.screenshot(path=str(shots / "accounts-refused.png"), full_page=True)
    viewer.get_by_role("button", name="Sign out").click()
    viewer.wait_for_url("**/login?out=1")
    expect(viewer.locator(".notice")).to_have_text("You have signed out.")
    context.close()


# -- a team's project in PostgreSQL ----------------------------------------------------------------


@pytest.fixture
def pg_server(pg_url: str, tmp_path: Path, cheap_hashing: None) -> Iterator[AccountsServer]:  # noqa: F811
    study_project(pg_url)
    add_team(pg_url)  # type: ignore[arg-type]
    s = AccountsServer(workbench_at(pg_url, "nobody-in-particular", tmp_path / "secure"))
    yield s
    s.stop()


def _select_words_of_turn(p: Any, turn: int, words: int) -> str:
    """Select the first ``words`` words of the ``turn``-th turn by keyboard and open the coding panel."""
    target = p.locator(".text").nth(turn)
    target.click(position={"x": 2, "y": 2})
    p.evaluate("""([i, n]) => {
        const el = document.querySelectorAll('.text')[i];
        const sel = window.getSelection(); sel.removeAllRanges();
        const range = document.createRange(); range.setStart(el.firstChild, 0); range.setEnd(el.firstChild, 0);
        sel.addRange(range);
        for (let k = 0; k < n; k++) sel.modify('extend', 'forward', 'word');
    }""", [turn, words])
    chosen = str(p.evaluate("window.getSelection().toString()")).strip()
    p.keyboard.press("Enter")
    return chosen


def _code_pt1(p: Any) -> None:
    from playwright.sync_api import expect

    assert p.locator("#panel").is_visible()
    p.keyboard.type("PT1")
    p.keyboard.press("Tab")
    p.keyboard.press("2")
    p.keyboard.press("Enter")
    expect(p.locator("#status")).to_contain_text("coded PT1")


def test_two_coders_on_a_postgresql_project_code_at_once_and_one_stale_edit_is_409(
        browser: Any, page: Any, pg_server: AccountsServer, pg_url: str, shots: Path) -> None:
    from playwright.sync_api import expect

    before = {c["id"] for c in _pg_codings(pg_url)}
    _sign_in(page, pg_server, "carl", f"/transcripts/{A}")
    expect(page.locator("header .coder")).to_have_text(re.compile(r"signed in as\s+carl\s+coder"))
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    other = context.new_page()
    other.set_default_timeout(20_000)
    _sign_in(other, pg_server, "alice", f"/transcripts/{A}")
    # both open the panel on their own span before either saves: the two saves land one after the other
    carl_span = _select_words_of_turn(page, 1, 3)
    alice_span = _select_words_of_turn(other, 2, 2)
    assert carl_span and alice_span and carl_span != alice_span
    _code_pt1(page)
    _code_pt1(other)
    page.screenshot(path=str(shots / "team-postgresql-reader.png"))
    by = {c["coder"]: c for c in _pg_codings(pg_url) if c["id"] not in before}
    assert (by["carl"]["text"], by["alice"]["text"]) == (carl_span, alice_span)

    # carl's coding: alice (a coder) may not change it; carl and the lead both try from the same version
    coding = by["carl"]["id"]
    lead = browser.new_context()
    lead_page = lead.new_page()
    _sign_in(lead_page, pg_server, "lena", f"/transcripts/{A}")

    def patch(ctx: Any, p: Any, body: dict[str, Any]) -> Any:
        csrf = p.locator('meta[name="csrf-token"]').get_attribute("content")
        return ctx.request.patch(pg_server.url(f"/api/codings/{coding}"), headers={"x-csrf-token": csrf}, data=body)

    listed = context.request.get(pg_server.url("/api/codings")).json()["codings"]
    seen = next(c["version"] for c in listed if c["id"] == coding)
    assert patch(context, other, {"version": seen, "memo": "alice's"}).status == 403
    assert patch(lead, lead_page, {"version": seen, "memo": "lena's"}).status == 200
    stale = patch(page.context, page, {"version": seen, "memo": "carl's"})
    assert stale.status == 409 and "changed elsewhere" in stale.json()["error"]
    assert next(c for c in _pg_codings(pg_url) if c["id"] == coding)["memo"] == "lena's"
    lead.close()
    context.close()


def _pg_codings(url: str) -> list[dict[str, Any]]:
    r = CliRunner().invoke(cli, ["code", "list", url, "--transcript", A, "--json"])
    assert r.exit_code == 0, r.stderr
    return list(json.loads(r.stdout))
