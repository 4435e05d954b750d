"""Pages 4, 7 and 8 in a real browser (same harness as tests/test_web_e2e.py: Debian chromium, Playwright).

Link a CMOC from the reader by keyboard, pick one from the list, edit and delete one; open a PT
page and click through to a quote; ask which PT. Screenshots of each page land in the test's tmp folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from tests import test_web_e2e as harness
from tests.test_web_e2e import A, B, Server

# the same browser, server and page fixtures as the other browser tests
browser, server, page = harness.browser, harness.server, harness.page

C = "site-c-interview"


def _configs(server: Server) -> list[dict[str, Any]]:
    r = CliRunner().invoke(cli, ["cmoc", "list", str(server.bench.project_path), "--json"])
    assert r.exit_code == 0, r.stderr
    return list(json.loads(r.stdout))


def _focus_by_tab(page: Any, selector: str, limit: int = 80) -> None:
    """Reach ``selector`` with the Tab key only, as a keyboard user would."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} never received keyboard focus")


def test_link_a_cmoc_from_the_reader_by_keyboard(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url(f"/transcripts/{C}"))
    assert page.locator("#tray").is_hidden()
    _focus_by_tab(page, "#c-c7")  # O: "We rarely see them turn up in crisis at A&E any more."
    page.keyboard.press("l")
    assert page.locator("#tray").is_visible() and page.locator("#tray-body").is_hidden()  # folded: text stays visible
    assert "1 coding" in page.locator("#tray-title").inner_text()
    _focus_by_tab(page, "#c-c8")  # C: "It only worked because my key worker already knew me …"
    page.keyboard.press("l")
    assert page.locator("#tray-title").inner_text() == "New configuration (CMOC) of PT1 · 2 codings"
    # a third pick from another transcript survives the page change (a CMOC spans transcripts)
    page.screenshot(path=str(tmp_path / "reader-cmoc-picked.png"))
    page.goto(f"http://127.0.0.1:{server.port}/transcripts/{A}")
    assert page.locator("#tray-members li").count() == 2
    _focus_by_tab(page, "#c-c2")
    page.keyboard.press("l")
    assert page.locator("#tray-members li").count() == 3
    assert page.locator(".pick[data-coding='c2']").is_checked()
    page.keyboard.press("Shift+L")  # to the panel
    assert page.evaluate("document.activeElement.id") == "t-name"
    page.keyboard.type("Knowing the worker keeps people")
    page.keyboard.press("Tab")
    page.keyboard.type("refi")  # the judgement list, by its first letters
    page.keyboard.press("Tab")
    page.keyboard.type("P3 and SP3 agree; <b>not</b> markup")
    page.screenshot(path=str(tmp_path / "reader-cmoc-tray.png"))
    page.keyboard.press("Control+Enter")
    page.wait_for_url("**cmoc=*")
    page.wait_for_selector("#status:has-text('linked')")
    made = [c for c in _configs(server) if c["name"] == "Knowing the worker keeps people"]
    assert len(made) == 1
    k = made[0]
    assert (k["pt"], k["judgement"], k["coder"], k["rationale"]) == ("PT1", "refine", "carol",
                                                                     "P3 and SP3 agree; <b>not</b> markup")
    assert [(m["coding_id"], m["role"]) for m in k["members"]] == [
        ("c8", "context"), ("c2", "mechanism_resource"), ("c7", "outcome")]
    # back in the reader its members are highlighted: here c2 only, the others listed with links
    page.wait_for_selector(".stripe.cmoc-stripe")
    assert page.locator(".stripe.cmoc-stripe").count() == 1
    assert page.locator(".seg.cmoc-member").count() >= 1
    assert "1 of 3 members highlighted here" in page.locator("#cmoc-bar").inner_text()
    assert page.locator("#tray").is_hidden()
    page.screenshot(path=str(tmp_path / "reader-cmoc-members.png"), full_page=True)
    page.locator("#cmoc-bar a", has_text="We rarely see them").click()
    page.wait_for_url(f"**/transcripts/{C}?cmoc=*")
    page.wait_for_selector("#cmoc-bar .cmoc-shown")
    assert page.locator(".stripe.cmoc-stripe").count() == 2
    assert page.evaluate("window.getSelection().toString()") == "We rarely see them turn up in crisis at A&E any more."
    # the header's Undo takes the link back, as it does a coding
    page.get_by_role("button", name="Undo").click()
    page.wait_for_selector("#status:has-text('undid the link')")
    assert "Knowing the worker keeps people" not in [c["name"] for c in _configs(server)]


def test_pick_from_the_list_then_edit_and_delete(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url("/configurations"))
    page.locator("#pick-c3").check()
    page.locator("#pick-c7").check()
    page.locator("#t-name").fill("From the list")
    page.locator("#t-save").click()
    page.wait_for_selector("#status:has-text('linked')")
    assert "From the list" in [c["name"] for c in _configs(server)]
    page.screenshot(path=str(tmp_path / "configurations.png"), full_page=True)
    # edit K3: judgement and rationale; then drop one member in favour of another
    card = page.locator("#cmoc-K3")
    card.get_by_role("button", name="Edit").click()
    page.wait_for_selector("#tray-title:has-text('Edit configuration')")
    assert page.locator("#tray-title").inner_text() == "Edit configuration Prior relationship matters · 2 codings"
    page.screenshot(path=str(tmp_path / "configurations-edit.png"))
    page.locator("#t-judgement").select_option("confirm")
    page.locator("#t-rationale").fill("agreed at the second meeting")
    page.locator("#t-save").click()
    page.wait_for_selector("#status:has-text('saved')")
    k3 = next(c for c in _configs(server) if c["id"] == "K3")
    assert (k3["judgement"], k3["rationale"]) == ("confirm", "agreed at the second meeting")
    # a second tab deletes K2; this tab's stale delete is refused
    other = page.context.new_page()
    other.goto(f"http://127.0.0.1:{server.port}/configurations")
    k2_other = other.locator("#cmoc-K2").get_by_role("button", name="Delete")
    k2_other.click()
    k2_other.click()
    other.wait_for_selector("#status:has-text('deleted configuration')")
    other.close()
    delete = page.locator("#cmoc-K2").get_by_role("button", name="Delete")
    delete.click()
    assert "Really delete" in delete.inner_text()
    delete.click()
    page.wait_for_selector("#status:has-text('no longer exists')")
    assert "K2" not in [c["id"] for c in _configs(server)]
    with Project.open(server.bench.project_path) as p:
        assert p.coding("c5")  # its codings stay


def test_pt_page_then_click_through_to_a_quote(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url("/pts"))
    page.get_by_role("link", name="PT1", exact=True).click()
    page.wait_for_url("**/pts/PT1")
    figure = page.locator(".pt-figure img")
    assert figure.evaluate("img => img.complete && img.naturalWidth > 300")
    page.screenshot(path=str(tmp_path / "theory.png"), full_page=True)
    page.get_by_label("Stance").select_option("refutes")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**stance=refutes*")
    assert page.locator("a.quote-link").count() == 2
    page.screenshot(path=str(tmp_path / "theory-refuting.png"), full_page=True)
    page.locator("a.quote-link", has_text="Nobody gave us a plan").click()
    page.wait_for_url(f"**/transcripts/{B}#at-*")
    assert page.evaluate("window.getSelection().toString()") == "Nobody gave us a plan we could follow."


def test_which_pt_ranks_and_links_the_matching_codings(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url("/which-pt"))
    page.get_by_label("Paste a quote or a fragment").fill("joint   assessment")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#answer:not([hidden])")
    assert page.url.endswith("/which-pt")  # the quote never reaches the address
    assert [t.strip() for t in page.locator("#answer-pts > li > a").all_inner_texts()] == ["PT1", "PT2"]
    assert page.locator("#answer-matches li").count() == 3
    assert set(page.locator("#answer-matches mark").all_inner_texts()) == {"joint assessment"}
    page.screenshot(path=str(tmp_path / "which-pt.png"), full_page=True)
    # hostile text in a coded quote is shown as text
    page.get_by_label("Paste a quote or a fragment").fill('<script>alert("x")</script>')
    page.get_by_role("button", name="Ask").click()
    page.wait_for_selector("#answer-matches li:has-text('The nurse said')")
    assert page.locator("#answer img, #answer script").count() == 0
    page.locator("#answer-matches a.match-quote").first.click()
    page.wait_for_url(f"**/transcripts/{B}#at-*")
    assert page.evaluate("window.getSelection().toString()").startswith("The nurse said <script>")


def test_which_pt_answers_an_uncoded_quote_by_similarity(page: Any, server: Server, tmp_path: Path) -> None:
    page.goto(server.url("/which-pt"))
    page.get_by_label("Paste a quote or a fragment").fill("A shared assessment between the teams kept him coming back")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#answer:not([hidden])")
    assert page.locator("#answer-matches li").count() == 0
    heading = page.locator("#answer-elsewhere h3", has_text="by similarity")
    assert heading.count() == 1
    assert page.locator("#answer-elsewhere .pt-ranking > li").count() >= 1
    assert page.locator("#answer-elsewhere .pt-ranking > li a").first.inner_text() in {"PT1", "PT2"}
    page.screenshot(path=str(tmp_path / "which-pt-similarity.png"), full_page=True)


def test_a_hostile_cmoc_name_and_rationale_show_as_text(page: Any, server: Server, tmp_path: Path) -> None:
    from cmo_coder.coding import service

    hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    with Project.open(server.bench.project_path) as p:
        config = service.add_configuration(p, pt="PT1", members=[("c3", "mechanism_resource"), ("c7", "outcome")],
                                           name=hostile, rationale=hostile, coder="carol")
    page.goto(server.url("/"))
    page.goto(f"http://127.0.0.1:{server.port}/transcripts/{A}?cmoc={config.id}")
    page.wait_for_selector("#cmoc-bar .cmoc-shown")
    assert hostile in page.locator("#cmoc-bar").inner_text()
    page.goto(f"http://127.0.0.1:{server.port}/configurations")
    page.locator(f"#cmoc-{config.id}").get_by_role("button", name="Edit").click()
    page.wait_for_selector("#tray-title:has-text('Edit configuration')")
    assert hostile in page.locator("#tray-title").inner_text() and page.locator("#t-rationale").input_value() == hostile
    assert page.locator("img").count() == 0
    page.screenshot(path=str(tmp_path / "configurations-hostile.png"))
