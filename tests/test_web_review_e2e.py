"""Pages 5 and 6 in a real browser (Debian's chromium through Playwright, as tests/test_web_e2e.py).

Suggestions are accepted, edited and rejected with the keyboard only; an anonymisation is reviewed
(a missed name selected and redacted, a word kept, the rest decided), refused at sign-off while an
item is open, signed off, and then read in the reader. Screenshots of each page land in the test's
tmp folder (or in $CMO_SCREENSHOTS when set).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests.test_web_e2e import Server
from tests.web_review_support import IDENTIFYING, SECRET, A, B, C, add_secure_transcript, queue_suggestions
from tests.web_support import study_project

# the same browser and page fixtures as the other browser tests (this module's server adds a queue and a
# secure folder)
browser, page = harness.browser, harness.page


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    path = study_project(tmp_path / "study")
    queue_suggestions(path)
    s = Server(Workbench(path, "carol", add_secure_transcript(path, tmp_path)))
    yield s
    s.stop()


def _codings(server: Server, transcript: str) -> list[dict[str, Any]]:
    r = CliRunner().invoke(cli, ["code", "list", str(server.bench.project_path), "--transcript", transcript,
                                 "--coder", "carol", "--json"])
    assert r.exit_code == 0, r.stderr
    return list(json.loads(r.stdout))


def _wait_for(page: Any, selector: str, text: str) -> None:
    """Until the element shows ``text`` (polled from here: the page's CSP forbids evaluated strings)."""
    from playwright.sync_api import expect

    expect(page.locator(selector)).to_contain_text(text)


def test_accept_edit_and_reject_suggestions_by_keyboard(page: Any, server: Server, shots: Path) -> None:
    page.goto(server.url(f"/suggestions/{B}"))
    assert page.locator("#sugg-pos").inner_text() == "1 of 1"
    assert page.locator(".ghost.current").count() == 1
    page.screenshot(path=str(shots / "suggestions.png"), full_page=True)
    page.keyboard.press("a")
    _wait_for(page, "#status", "accepted sug-b1")
    (made,) = _codings(server, B)
    assert made["text"] == "The team training made everyone own it rather than leaving it to the specialist."
    assert (made["pt"], made["component"], made["origin"]) == ("PT2", "mechanism_resource", "suggestion")
    assert "Nothing pending" in page.locator("#sugg-title").inner_text()

    page.goto(server.url(f"/suggestions/{A}"))
    page.keyboard.press("e")
    assert page.locator("#sugg-form").is_visible()
    assert page.evaluate("document.activeElement.id") == "e-pt"
    page.keyboard.press("Tab")  # to the component radios
    page.keyboard.press("4")    # outcome
    page.keyboard.press("r")    # refutes
    page.screenshot(path=str(shots / "suggestions-edit.png"), full_page=True)
    page.keyboard.press("Enter")
    _wait_for(page, "#status", "accepted sug-a1")
    (made,) = _codings(server, A)[-1:]
    assert (made["component"], made["stance"]) == ("outcome", "refutes")
    assert "with edits to component, stance" in made["memo"]

    page.goto(server.url(f"/suggestions/{C}"))
    page.keyboard.press("n")  # one item: next wraps to itself
    page.keyboard.press("x")
    _wait_for(page, "#status", "rejected sug-c1")
    assert _codings(server, C) == []
    page.goto(server.url("/suggestions"))
    page.screenshot(path=str(shots / "suggestions-index.png"), full_page=True)
    assert page.locator("tbody tr").count() == 3


def test_a_suggestion_decided_in_another_tab_is_refused(page: Any, server: Server) -> None:
    page.goto(server.url(f"/suggestions/{A}"))
    other = page.context.new_page()
    other.goto(f"http://127.0.0.1:{server.port}/suggestions/{A}")  # same session, as a second tab
    other.keyboard.press("x")
    _wait_for(other, "#status", "rejected")
    other.close()
    page.keyboard.press("a")
    _wait_for(page, "#sugg-error", "already rejected")
    assert _codings(server, A) == []


def test_re_span_a_suggestion_with_the_keyboard(page: Any, server: Server) -> None:
    page.goto(server.url(f"/suggestions/{A}"))
    turn = page.locator(".text").nth(2)  # P1's turn, where the suggestion is
    turn.focus()
    for _ in range(3):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    assert page.locator("#sugg-form").is_visible()
    assert "“The first appointment” (changed from" in page.locator("#e-span").inner_text()
    page.keyboard.press("Enter")
    _wait_for(page, "#status", "accepted sug-a1")
    (made,) = _codings(server, A)
    assert made["text"] == "The first appointment" and made["memo"].endswith("with edits to span")


def _select_words(page: Any, words: str) -> None:
    """Select ``words`` in the review text with the mouse, from its first to its last character."""
    seg = page.locator("#reader .seg", has_text=words).first
    box = seg.evaluate("""(el, words) => {
        const node = el.firstChild, at = node.data.indexOf(words), r = document.createRange();
        r.setStart(node, at); r.setEnd(node, at + 1); const a = r.getBoundingClientRect();
        r.setStart(node, at + words.length - 1); r.setEnd(node, at + words.length); const b = r.getBoundingClientRect();
        return {x1: a.left + 1, y: a.top + a.height / 2, x2: b.right - 1};
    }""", words)
    page.mouse.move(box["x1"], box["y"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y"], steps=5)
    page.mouse.up()


def test_review_and_sign_off_anonymisation(page: Any, server: Server, shots: Path) -> None:
    page.goto(server.url("/secure/review"))
    page.screenshot(path=str(shots / "review.png"), full_page=True)
    page.get_by_role("button", name=f"Sign off {SECRET}").click()
    _wait_for(page, "#status", f"transcript {SECRET} has 3 undecided proposal(s)")

    page.goto(server.url(f"/secure/review/{SECRET}"))
    assert page.locator("#preview").inner_text().count("⟦?") == 3  # Quennell ×2 and "will"
    page.screenshot(path=str(shots / "review-transcript.png"), full_page=True)
    # the tool missed the ward's name: select it and redact it everywhere
    _select_words(page, "Ravensholme")
    assert page.locator("#rp-selected").inner_text() == "Ravensholme"
    page.locator("#rp-redact-category").select_option("place")
    page.screenshot(path=str(shots / "review-redact.png"))
    page.get_by_role("button", name="Redact everywhere").click()
    _wait_for(page, "#status", "redacting a new surface")
    assert page.locator(".prop", has_text="Ravensholme").count() == 1
    # "I will be fine": keep the word, by keyboard
    page.locator(".prop-open", has_text="will").focus()
    page.keyboard.press("Enter")
    assert "reads as the word" in page.locator("#rp-state").inner_text()
    page.get_by_role("button", name="Keep here").click()
    _wait_for(page, "#status", "keeping")
    # still open: Quennell; sign-off refuses
    page.get_by_role("button", name=f"Sign off {SECRET}").click()
    _wait_for(page, "#rp-error", "undecided")
    page.locator(".prop-open", has_text="Quennell").first.click()
    page.screenshot(path=str(shots / "review-decide.png"))
    page.get_by_role("button", name="Redact everywhere").click()
    _wait_for(page, "#status", "redacting a surface")
    preview = page.locator("#preview").inner_text()
    assert "⟦?" not in preview and "I will be fine" in preview
    assert not [n for n in IDENTIFYING if n in preview]
    page.screenshot(path=str(shots / "review-ready.png"), full_page=True)
    page.get_by_role("button", name=f"Sign off {SECRET}").click()
    page.wait_for_url(f"**/transcripts/{SECRET}")
    text = page.locator("#reader").inner_text()
    assert "[name removed]" in text and "I will be fine" in text
    assert not [n for n in IDENTIFYING if n in text]
    page.screenshot(path=str(shots / "review-signed-off.png"), full_page=True)


def test_redact_a_missed_name_with_the_keyboard_only(page: Any, server: Server) -> None:
    page.goto(server.url(f"/secure/review/{SECRET}"))
    turn = page.locator("#reader .text").first  # "Thanks Will. I work with Dr Quennell at Ravensholme ward, …"
    for _ in range(40):
        page.keyboard.press("Tab")
        if turn.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the turn's text never received keyboard focus")
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    assert page.evaluate("window.getSelection().toString()") == "Ravensholme"
    page.keyboard.press("Enter")
    assert page.locator("#rp-selected").inner_text() == "Ravensholme"
    assert page.evaluate("document.activeElement.id") == "rp-redact-category"
    page.keyboard.press("p")  # place
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    _wait_for(page, "#status", "redacting a new surface as place")
    assert "[place name] ward" in page.locator("#preview").inner_text()
