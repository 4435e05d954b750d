"""The workbench in a real browser (Debian's chromium driven by Playwright; browsers are never downloaded).

Skips, saying why, only when chromium or Playwright is missing outside CI; with CI=true it fails instead.
Screenshots of each page land in the test's tmp folder.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from cmo_coder.web.app import create_app
from cmo_coder.web.server import bind
from cmo_coder.web.signin import AccountsConfig
from cmo_coder.web.state import Workbench
from tests.web_support import study_project

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
A, B = "site-a-interview", "site-b-focus-group"


def _need_browser() -> Any:
    in_ci = os.environ.get("CI", "").lower() == "true"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("CI=true but Playwright for Python is not installed (pip install playwright)")
        pytest.skip("Playwright for Python is not installed (pip install playwright); browser tests skipped")
    if not CHROMIUM.exists():
        if in_ci:
            pytest.fail(f"CI=true but {CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped")
    return sync_playwright


class Server:
    """The app on uvicorn in a background thread, on a free loopback port."""

    def __init__(self, bench: Workbench, accounts: AccountsConfig | None = None) -> None:
        import uvicorn

        self.bench = bench
        self.sock = bind("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        app = create_app(bench, host="127.0.0.1", port=self.port, accounts=accounts)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                break
            threading.Event().wait(0.02)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}?token={self.bench.sessions.issue_token()}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _need_browser()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    s = Server(Workbench(study_project(tmp_path / "study"), "carol"))
    yield s
    s.stop()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    p = context.new_page()
    p.set_default_timeout(20_000)  # a loaded two-core CI machine: waits end as soon as the page is ready
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    expected = ("status of 400", "status of 409")  # refusals the page shows in its panel

    def console(m: Any) -> None:
        if m.type == "error" and not any(e in m.text for e in expected):
            errors.append(m.text)

    p.on("console", console)
    # the console names no address for a failed load: record which ones failed
    p.on("response", lambda r: errors.append(f"{r.status} {r.request.method} {r.url.split('?')[0]}")
         if r.status >= 400 and r.status not in (400, 409) else None)
    yield p
    assert not dialogs, f"script ran in the page: {dialogs}"
    assert not errors, f"errors in the page: {errors}"
    context.close()


def _codings(server: Server, transcript: str) -> list[dict[str, Any]]:
    r = CliRunner().invoke(cli, ["code", "list", str(server.bench.project_path), "--transcript", transcript,
                                 "--coder", "carol", "--json"])
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _text(server: Server, transcript: str) -> str:
    with Project.open(server.bench.project_path) as p:
        return p.transcript(transcript).text


def test_project_page_and_search(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url("/"))
    assert page.locator("h1").inner_text().startswith("Project")
    page.get_by_label('Words or "a phrase"').fill('"joint assessment"')
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=*")
    assert page.locator("ol.hits li").count() == 1
    page.screenshot(path=str(tmp_path / "project.png"), full_page=True)
    page.locator("ol.hits a").first.click()
    page.wait_for_url(f"**/transcripts/{A}*")
    assert page.evaluate("window.getSelection().toString()") == "joint assessment"


def test_code_a_span_with_the_keyboard_only(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url(f"/transcripts/{A}"))
    target = page.locator(".text").nth(1)  # SP1's turn
    for _ in range(40):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the turn's text never received keyboard focus")
    for _ in range(3):
        page.keyboard.press("Shift+ArrowRight")
    assert page.evaluate("window.getSelection().toString()") == "Everyone here accepts"
    page.keyboard.press("Enter")
    assert page.locator("#panel").is_visible()
    page.keyboard.type("PT1")
    page.keyboard.press("Tab")  # into the component radios
    page.keyboard.press("2")
    page.keyboard.press("r")
    page.screenshot(path=str(tmp_path / "code-panel.png"))
    page.keyboard.press("Enter")
    page.wait_for_selector("#status:has-text('coded PT1')")
    made = _codings(server, A)
    text = _text(server, A)
    assert len(made) == 1
    c = made[0]
    assert (c["pt"], c["component"], c["stance"]) == ("PT1", "mechanism_resource", "refutes")
    assert text[c["start"]:c["end"]] == c["text"] == "Everyone here accepts"
    page.screenshot(path=str(tmp_path / "reader-after-coding.png"), full_page=True)


def _drag_select(page: Any, locator: Any, start_frac: float, end_frac: float) -> None:
    box = locator.bounding_box()
    y = box["y"] + 8
    page.mouse.move(box["x"] + box["width"] * start_frac, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end_frac, y, steps=5)
    page.mouse.up()


def test_mouse_selection_snaps_to_words_then_edit_and_undo(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url(f"/transcripts/{A}"))
    _drag_select(page, page.locator(".text").nth(2), 0.03, 0.3)  # P1's turn, starting inside a word
    page.locator("#panel").wait_for(state="visible")  # opens on the selection event: slower when busy
    quote = page.locator("#panel-quote").inner_text().strip("“”")
    text = _text(server, A)
    _segments_tile_the_text(page, text)
    assert page.locator('#reader .seg.hl-mechanism_resource[data-codings="c2 d3"]').count() == 1  # overlap
    assert quote in text and text.index(quote) > 0
    before = text[text.index(quote) - 1]
    assert not before.isalnum() and not quote[0].isspace() and not quote[-1].isspace()
    page.locator("#f-pt").fill("PT2")
    page.locator("#f-element").select_option("PT2.O1")
    page.locator("#f-save").click()
    page.wait_for_selector("#status:has-text('coded PT2')")
    made = _codings(server, A)
    assert [(c["text"], c["element"], c["component"]) for c in made] == [(quote, "PT2.O1", "outcome")]
    # edit in place: open it from its stripe, change the stance and memo
    page.locator(f"#c-{made[0]['id']}").click()
    page.locator("#f-memo").fill("staff view? <b>check</b>")
    page.locator("#f-stance").get_by_label("refines").check()
    page.locator("#f-save").click()
    page.wait_for_selector("#status:has-text('edited')")
    assert _codings(server, A)[0]["stance"] == "refines"
    page.locator(f"#c-{made[0]['id']}").focus()
    assert page.locator(f"#tip-{made[0]['id']}").is_visible()
    assert "staff view? <b>check</b>" in page.locator(f"#tip-{made[0]['id']}").inner_text()
    page.screenshot(path=str(tmp_path / "reader-tooltip.png"))
    page.keyboard.press("Control+z")
    page.wait_for_selector("#status:has-text('undid the edit')")
    back = _codings(server, A)[0]
    assert (back["stance"], back["memo"]) == ("supports", None)


def test_hostile_text_shows_as_text(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url(f"/transcripts/{B}"))
    assert '<script>alert("x")</script>' in page.locator(".text").nth(2).inner_text()
    page.locator("#c-c5").click()
    page.locator("#f-memo").fill('"><img src=x onerror=alert(1)>')
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#status:has-text('edited')")
    page.locator("#c-c5").focus()
    assert '"><img src=x onerror=alert(1)>' in page.locator("#tip-c5").inner_text()
    assert page.locator("img").count() == 0
    _segments_tile_the_text(page, _text(server, B))
    page.screenshot(path=str(tmp_path / "reader-hostile.png"), full_page=True)


def test_a_second_tab_stale_edit_is_refused(page: Any, server: Server) -> None:
    page.goto(server.url(f"/transcripts/{B}"))
    other = page.context.new_page()
    other.goto(f"http://127.0.0.1:{server.port}/transcripts/{B}")
    other.locator("#c-c4").click()
    other.locator("#f-memo").fill("changed in the second tab")
    other.locator("#f-save").click()
    other.wait_for_selector("#status:has-text('edited')")
    page.locator("#c-c4").click()
    page.locator("#f-memo").fill("changed in the first tab")
    page.locator("#f-save").click()
    page.wait_for_selector("#panel-error:has-text('changed elsewhere')")
    with Project.open(server.bench.project_path) as p:
        assert p.coding("c4").memo == "changed in the second tab"
    other.close()


def test_respan_with_the_keyboard_then_delete_and_undo(page: Any, server: Server) -> None:
    page.goto(server.url(f"/transcripts/{B}"))
    page.locator("#c-c9").click()  # "Nobody gave us a plan we could follow."
    assert page.locator("#panel-title").inner_text() == "Edit coding c9"
    page.locator(".text").nth(2).focus()  # P2's turn
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    assert "re-span from" in page.locator("#panel-span").inner_text()
    page.locator("#f-save").click()
    page.wait_for_selector("#status:has-text('edited c9')")
    with Project.open(server.bench.project_path) as p:
        moved = p.coding("c9")
        assert moved.text == "Honestly he" == p.text(B)[moved.start:moved.end]
    page.locator("#c-d1").click()
    page.locator("#f-delete").click()
    page.wait_for_selector("#status:has-text('deleted d1')")
    assert page.locator("#c-d1").count() == 0
    page.get_by_role("button", name="Undo").click()
    page.wait_for_selector("#status:has-text('undid the delete')")
    assert page.locator("#c-d1").count() == 1


def test_offsets_stay_exact_after_characters_outside_the_basic_plane(page: Any, server: Server) -> None:
    """JavaScript counts UTF-16 units, Python code points: an emoji before the span must not shift it."""
    from tests.study import add_signed_off

    with Project.open(server.bench.project_path) as p:
        add_signed_off(p, "astral", [("P9", "service_user", "A", "Café 😀😀 ﬁne — the plan worked, 𝒜 said.")])
    page.goto(server.url("/transcripts/astral"))
    page.locator(".text").first.focus()
    page.keyboard.press("ArrowRight")  # Café → ﬁne
    page.keyboard.press("ArrowRight")  # → the
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    page.keyboard.type("PT1")
    page.keyboard.press("Enter")
    page.wait_for_selector("#status:has-text('coded PT1')")
    # and a mouse selection after the astral characters, snapped to words
    last = page.locator(".text").first.locator(".seg").last
    box = last.bounding_box()
    page.mouse.move(box["x"] + box["width"] - 30, box["y"] + 8)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + 8, steps=4)
    page.mouse.up()
    page.locator("#f-pt").fill("PT2")
    page.locator("#f-save").click()
    page.wait_for_selector("#status:has-text('coded PT2')")
    text = _text(server, "astral")
    made = sorted(_codings(server, "astral"), key=lambda c: c["start"])
    assert [c["text"] for c in made] == ["the plan", "said."]  # the drag ran past the full stop
    assert all(text[c["start"]:c["end"]] == c["text"] for c in made)
    _segments_tile_the_text(page, text)
    assert "the plan" in page.locator(f"#tip-{made[0]['id']}").text_content()  # the quote, sliced by the page


def _segments_tile_the_text(page: Any, text: str) -> None:
    """The segments the page script builds cover each block exactly, and slice to the server's text."""
    blocks = page.evaluate("""() => [...document.querySelectorAll('#reader .text')].map((b) => ({
        s: Number(b.dataset.s), e: Number(b.dataset.e),
        segs: [...b.children].map((x) => [Number(x.dataset.s), Number(x.dataset.e), x.textContent,
                                          x.dataset.codings || ''])}))""")
    assert blocks
    for block in blocks:
        segs = block["segs"]
        assert segs[0][0] == block["s"] and segs[-1][1] == block["e"]
        assert all(a[1] == b[0] and a[0] < a[1] for a, b in zip(segs, segs[1:], strict=False))
        assert all(text[s:e] == shown for s, e, shown, _ in segs)


def test_enter_in_the_pt_field_completes_a_unique_match_before_saving(page: Any, server: Server) -> None:
    page.goto(server.url(f"/transcripts/{A}"))
    page.locator(".text").nth(2).focus()
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Enter")
    page.keyboard.type("train")  # PT2's title is "training"
    page.keyboard.press("Enter")
    assert page.locator("#f-pt").input_value() == "PT2" and _codings(server, A) == []
    page.locator("#f-pt").fill("PT")
    page.keyboard.press("Enter")
    assert "several programme theories match" in page.locator("#panel-error").inner_text()
    page.locator("#f-pt").fill("pt2")
    page.keyboard.press("Enter")
    page.wait_for_selector("#status:has-text('coded PT2')")
    assert [c["text"] for c in _codings(server, A)] == ["The"]
