"""An anonymisation review done by a team of two in a real browser (Debian's chromium through Playwright).

Lena and Rita, two leads with their own accounts, review one secure transcript at the same time: Rita
keeps an everyday word, Lena's older page then tries to redact everything undecided and is refused,
Rita redacts a name the tool missed and tries to sign off while an item is still open, Lena redacts that
item everywhere, Rita's older page tries to keep it and is refused naming Lena, Rita reverses Lena's
decision from a fresh page, both read the preview, and Lena signs off. Screenshots of every page land
in the test's tmp folder (or in $CMO_SCREENSHOTS when set).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cmo_coder.accounts import service
from cmo_coder.accounts.service import Role
from cmo_coder.store import Project
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests import test_web_e2e_accounts as team
from tests import test_web_review_e2e as review
from tests.accounts_support import add_team, cheap_hashing  # noqa: F401  (a fixture)
from tests.web_review_support import IDENTIFYING, SECRET, add_secure_transcript
from tests.web_support import study_project

browser = harness.browser
RITA = ("rita", "rita's own long passphrase")


@pytest.fixture
def server(tmp_path: Path, cheap_hashing: None) -> Iterator[team.AccountsServer]:  # noqa: F811
    path = study_project(tmp_path / "study")
    secure = add_secure_transcript(path, tmp_path)
    add_team(path)
    with Project.open(path) as p:
        service.add_user(p, RITA[0], Role.lead, RITA[1], actor="admin")
    s = team.AccountsServer(Workbench(path, "nobody-in-particular", secure))
    yield s
    s.stop()


def _reviewer(browser: Any, server: team.AccountsServer, name: str, password: str, path: str) -> Any:
    """A browser of the reviewer's own (its own cookies), signed in at ``path``."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    p = context.new_page()
    p.set_default_timeout(20_000)
    p.goto(server.url(path))
    p.wait_for_url("**/login?next=*")
    p.get_by_label("Name").fill(name)
    p.get_by_label("Password").fill(password)
    p.get_by_role("button", name="Sign in").click()
    p.wait_for_url(f"**{path}")
    return p


def _focus(p: Any, locator: Any) -> None:
    """Tab until ``locator`` has the focus: the review is finished with the keyboard."""
    for _ in range(60):
        p.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    pytest.fail("the element never received keyboard focus")


def test_two_reviewers_review_one_transcript_at_once(browser: Any, server: team.AccountsServer,
                                                     shots: Path) -> None:
    lena = _reviewer(browser, server, "lena", team.TEAM["lena"][1], "/secure/review")
    rita = _reviewer(browser, server, *RITA, f"/secure/review/{SECRET}")
    lena.screenshot(path=str(shots / "team-lena-review.png"), full_page=True)
    rita.screenshot(path=str(shots / "team-rita-transcript.png"), full_page=True)

    # Rita keeps "I will be fine" as a word; Lena's page, loaded before, may not redact it behind her back
    will = rita.locator(".prop-open", has_text="will")
    _focus(rita, will)
    rita.keyboard.press("Enter")
    rita.get_by_role("button", name="Keep here").click()
    review._wait_for(rita, "#status", "keeping")
    lena.get_by_role("button", name="Redact everything undecided").click()
    review._wait_for(lena, "#status", "the undecided items changed since this page showed them")
    lena.screenshot(path=str(shots / "team-lena-stale-accept-all.png"), full_page=True)
    lena.reload()
    assert "reject by rita" in lena.locator("#h-singles + p + ul").inner_text()

    # Rita redacts the ward the tool missed, then tries to sign off with Quennell still open
    review._select_words(rita, "Ravensholme")
    rita.locator("#rp-redact-category").select_option("place")
    rita.get_by_role("button", name="Redact everywhere").click()
    review._wait_for(rita, "#status", "redacting a new surface as place")
    rita.get_by_role("button", name=f"Sign off {SECRET}").click()
    review._wait_for(rita, "#rp-error", "marked 'undecided' on the review pages")
    rita.screenshot(path=str(shots / "team-rita-sign-off-refused.png"), full_page=True)

    # Lena redacts Quennell everywhere from a fresh transcript page; Rita's page still shows it open
    lena.goto(server.url(f"/secure/review/{SECRET}"))
    lena.locator(".prop-open", has_text="Quennell").first.click()
    lena.get_by_role("button", name="Redact everywhere").click()
    review._wait_for(lena, "#status", "redacting a surface")
    rita.locator(".prop-open", has_text="Quennell").first.click()
    rita.get_by_role("button", name="Keep everywhere").click()
    review._wait_for(rita, "#rp-error", "redacted by lena")
    rita.screenshot(path=str(shots / "team-rita-stale-keep.png"), full_page=True)
    # reloaded, Rita sees who decided and reverses it knowingly; then both agree to redact it after all
    rita.reload()
    rita.locator(".prop-accept", has_text="Quennell").first.click()
    assert "by lena" in rita.locator("#rp-state").inner_text()
    rita.get_by_role("button", name="Keep everywhere").click()
    review._wait_for(rita, "#status", "keeping a surface")
    lena.reload()
    lena.locator(".prop-reject", has_text="Quennell").first.click()
    assert "by rita" in lena.locator("#rp-state").inner_text()
    lena.get_by_role("button", name="Redact everywhere").click()
    review._wait_for(lena, "#status", "redacting a surface")

    # both read the preview: nothing undecided, nothing identifying, the kept word still there
    for who, p in (("lena", lena), ("rita", rita)):
        p.goto(server.url(f"/secure/review/{SECRET}"))
        preview = p.locator("#preview").inner_text()
        assert "⟦?" not in preview and "I will be fine" in preview and "[place name] ward" in preview
        assert not [n for n in IDENTIFYING if n in preview]
        p.screenshot(path=str(shots / f"team-{who}-preview.png"), full_page=True)
    lena.get_by_role("button", name=f"Sign off {SECRET}").click()
    lena.wait_for_url(f"**/transcripts/{SECRET}")
    assert not [n for n in IDENTIFYING if n in lena.locator("#reader").inner_text()]
    rita.goto(server.url("/secure/review"))
    rita.screenshot(path=str(shots / "team-rita-after-sign-off.png"), full_page=True)
    assert "Every transcript is signed off" in rita.locator("main").inner_text()
    for p in (lena, rita):
        p.context.close()


def _filled_sheet(path: Path, surface: str, decision: str, out: Path) -> Path:
    import csv

    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    at = rows[0].index("decision")
    for row in rows[1:]:
        if row[rows[0].index("surface")] == surface and not row[0]:
            row[at] = decision
    with out.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return out


def test_a_decisions_sheet_downloaded_and_uploaded_by_a_team(browser: Any, server: team.AccountsServer,
                                                             shots: Path, tmp_path: Path) -> None:
    lena = _reviewer(browser, server, "lena", team.TEAM["lena"][1], "/secure/review")
    rita = _reviewer(browser, server, *RITA, f"/secure/review/{SECRET}")
    with lena.expect_download() as got:
        lena.get_by_role("link", name="Download the decisions sheet (CSV)").click()
    sheet = tmp_path / "sheet.csv"
    got.value.save_as(sheet)
    # Rita redacts Quennell on her page while Lena fills in the sheet to keep it
    rita.locator(".prop-open", has_text="Quennell").first.click()
    rita.get_by_role("button", name="Redact everywhere").click()
    review._wait_for(rita, "#status", "redacting a surface")
    lena.get_by_label("Filled-in sheet").set_input_files(str(_filled_sheet(sheet, "Quennell", "keep",
                                                                          tmp_path / "kept.csv")))
    lena.get_by_role("button", name="Upload decisions").click()
    review._wait_for(lena, "#sheet-error", "decided since the sheet was written (now redacted by rita")
    lena.screenshot(path=str(shots / "team-lena-stale-sheet.png"), full_page=True)
    # a fresh sheet: Lena sees Rita's redaction in it and decides the word Rita left open
    with lena.expect_download() as got:
        lena.get_by_role("link", name="Download the decisions sheet (CSV)").click()
    got.value.save_as(sheet)
    assert "accept" in next(line for line in sheet.read_text(encoding="utf-8").splitlines() if ",Quennell," in line)
    lena.get_by_label("Filled-in sheet").set_input_files(str(sheet))
    lena.get_by_role("button", name="Upload decisions").click()
    review._wait_for(lena, "#status", "from the sheet")
    for p in (lena, rita):
        p.context.close()
