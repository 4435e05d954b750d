"""Hostile text stored through the API, read in a real browser as a coder would: it shows as text, runs nothing.

A memo and a configuration's name holding script, markup and a right-to-left override are sent through the
JSON API (as a confused or hostile client would), then the transcript, configurations and theory pages are
opened in Debian's chromium. No dialog may open, no script error occur, and the text must read back exactly.
Screenshots land in the test's tmp folder (or in $CMO_SCREENSHOTS when set).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from tests.test_web_e2e import A, Server, browser, page, server  # noqa: F401 - fixtures

MEMO = 'Said <script>alert("memo")</script> then "><img src=x onerror=alert(2)> & \u202Egnp.exe'
NAME = "K9 <svg onload=alert(3)> </textarea>"


def _store_through_the_api(server: Server) -> None:  # noqa: F811
    client = TestClient(server.server.config.app, base_url=f"http://127.0.0.1:{server.port}")
    assert client.get(f"/?token={server.bench.sessions.issue_token()}").status_code == 200
    csrf = client.get("/").text.split('<meta name="csrf-token" content="', 1)[1].split('"', 1)[0]
    headers = {"x-csrf-token": csrf}
    version = next(c["version"] for c in client.get("/api/codings").json()["codings"] if c["id"] == "c3")
    r = client.patch("/api/codings/c3", headers=headers, json={"version": version, "memo": MEMO})
    assert r.status_code == 200, r.text
    members = [{"coding": "c1", "role": "context"}, {"coding": "c7", "role": "outcome"}]
    r = client.post("/api/configurations", headers=headers, json={"pt": "PT1", "name": NAME, "members": members})
    assert r.status_code == 201, r.text


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in _strings(item)] if isinstance(data, list) else []


def test_a_hostile_memo_and_configuration_name_read_as_text(page: Any, server: Server, shots: Path) -> None:  # noqa: F811
    _store_through_the_api(server)
    page.goto(server.url("/pts/PT1"))
    assert MEMO in page.locator("body").inner_text()
    page.screenshot(path=str(shots / "hostile-theory.png"), full_page=True)
    page.goto(server.url("/configurations"))
    assert NAME in page.locator("body").inner_text()
    assert page.locator('svg[onload], img[onerror], script:not([src]):not([type="application/json"])').count() == 0
    page.screenshot(path=str(shots / "hostile-configurations.png"), full_page=True)
    page.goto(server.url(f"/transcripts/{A}"))
    page.locator("body").wait_for()
    # the page's data travels as JSON in a script element that never runs: the memo comes out of it whole
    assert page.locator('img[onerror], script:not([src]):not([type="application/json"])').count() == 0
    assert MEMO in _strings(page.evaluate("JSON.parse(document.getElementById('page-data').textContent)"))
    page.screenshot(path=str(shots / "hostile-transcript.png"), full_page=True)


#: where each letter of the text after a right-to-left override is drawn, left to right, in the first element
#: matching the selector (a Range per letter of the text node that holds it)
_LETTER_XS = """([selector, word]) => {
    const root = document.querySelector(selector);
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        const at = node.data.indexOf(word);
        if (at < 0) continue;
        const xs = [];
        for (let i = 0; i < word.length; i++) {
            const r = document.createRange(); r.setStart(node, at + i); r.setEnd(node, at + i + 1);
            xs.push(r.getBoundingClientRect().left);
        }
        return xs;
    }
    return null;
}"""


def test_a_right_to_left_override_reorders_nothing_and_is_shown(page: Any, server: Server, shots: Path) -> None:  # noqa: F811
    """The memo ends "\u202Egnp.exe": drawn as stored (g left of e), the override shown as a labelled mark, and
    the text after the memo (the quote it is on) not turned around either."""
    _store_through_the_api(server)
    page.goto(server.url("/pts/PT1"))
    xs = page.evaluate(_LETTER_XS, [".memos .memo", "gnp.exe"])
    assert xs is not None and xs == sorted(xs), f"the letters after the override are drawn reversed: {xs}"
    mark = page.locator(".memos .memo .bidi-ctl").first
    assert mark.get_attribute("data-ctl") == "RLO"
    assert mark.evaluate("el => getComputedStyle(el, '::before').content") == '"RLO"'
    assert mark.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    assert MEMO in page.locator("body").inner_text()  # the character is still there: a copy is exact
    page.locator(".memos .memo").first.screenshot(path=str(shots / "hostile-memo-bidi.png"))
    # the reader's tooltip, written by the page's script, shows it the same way
    page.goto(server.url(f"/transcripts/{A}"))
    tip = page.locator(".tip .memo .bidi-ctl")
    assert tip.count() == 1 and tip.get_attribute("data-ctl") == "RLO"
