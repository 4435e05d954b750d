"""A focus group's review and transcript pages in a real browser (Debian's chromium through Playwright), with the
keyboard alone: a joint turn's members are named and said to speak together, the group's line says it was the
whole group, and a reviewer reaches and decides a marked stretch without a mouse. Screenshots land in the test's
tmp folder (or in $CMO_SCREENSHOTS)."""

# ruff: noqa: F811  (the shared browser fixtures, imported)
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests.test_focus_group_review_and_matrix import group  # noqa: F401
from tests.test_web_e2e import Server
from tests.test_web_review_e2e import _wait_for

browser, page = harness.browser, harness.page


@pytest.fixture
def server(group: tuple[Path, Path]) -> Iterator[Server]:
    study, secure = group
    s = Server(Workbench(study, "carol", secure))
    yield s
    s.stop()


def _tid(server: Server) -> str:
    with server.bench.project() as p:
        return p.transcript_ids()[0]


def test_a_focus_group_reviewed_and_read_with_the_keyboard(page: Any, server: Server, shots: Path) -> None:
    tid = _tid(server)
    page.goto(server.url(f"/secure/review/{tid}"))
    joint = page.locator(".who .label-joint").first
    assert joint.inner_text().replace("\n", "") == "CAR-01 & CAR-02"
    assert page.locator(".who", has_text="the whole group").count() == 1
    assert page.locator(".who", has_text="a voice the transcriber could not place").count() == 1
    for _ in range(60):  # Tab to the first marked stretch, as a reviewer without a mouse does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('prop')"):
            break
    else:
        pytest.fail("no marked stretch reached with Tab")
    page.keyboard.press("Enter")
    assert page.locator("#rp-occurrence").is_visible()
    page.screenshot(path=str(shots / "focus-group-review.png"), full_page=True)
    r = CliRunner().invoke(cli, ["review", str(server.bench.project_path), "--secure", str(server.bench.secure_path),
                                 "--accept-all", "--sign-off"])
    assert r.exit_code == 0, r.output
    page.goto(server.url(f"/transcripts/{tid}"))
    together = page.locator(".turn", has_text="The biscuits!").locator(".text")
    for _ in range(60):  # Tab to the joint turn: its accessible name says who spoke it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.includes('The biscuits!')"):
            break
    else:
        pytest.fail("the joint turn was not reached with Tab")
    label = page.evaluate("document.getElementById(document.activeElement.getAttribute('aria-labelledby'))"
                          ".innerText")
    assert "CAR-01 & CAR-02" in label and "speaking together" in label, label
    assert together.count() == 1
    _wait_for(page, ".turn:has-text('[laughter]') .who", "the whole group")
    page.screenshot(path=str(shots / "focus-group-transcript.png"), full_page=True)
