"""The review pages of a transcript imported under a number because its file name held a participant's name,
in a real browser (Debian's chromium through Playwright, as tests/test_web_e2e.py), and the helpers behind
what they show: the id once in the heading, why the transcript has a number, no word cut in a context.

The study goes through the path a team types: ``init``, ``import`` with a manifest, ``anonymise``. Every
name is invented. Screenshots land in the test's tmp folder (or in $CMO_SCREENSHOTS when set).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from anon_support import run_cli

from cmo_coder.model import Transcript
from cmo_coder.web.review_labels import CONTEXT_WIDTH, ELLIPSIS, renamed_for_a_name, shown_title, whole_words
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests.test_web_e2e import Server
from tests.web_support import REPO

browser, page = harness.browser, harness.page

SAID = """Interviewer: Thanks for coming in today, Dawn. How did the very first appointment go for you?

Dawn Price: It was fine in the end. The nurse from the ward rang me first, and then the clinic on Grace Road
sent a letter about the follow-up appointments that I never actually got in the post.
"""
MANIFEST = "name,aliases,role,site,label\nDawn Price,,service_user,A,P1\nSam Reid,Interviewer,staff,A,SP1\n"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    files = tmp_path / "files"
    files.mkdir()
    named = files / "interview_dawn_price.txt"
    named.write_text(SAID, encoding="utf-8")
    manifest = tmp_path / "participants.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    project, secure = tmp_path / "study", tmp_path / "secure"
    for args in (("init", project, "--codebook", REPO / "codebooks" / "tiny.yaml"),
                 ("import", project, named, "--secure", secure, "--manifest", manifest),
                 ("anonymise", project, "--secure", secure, "--rules-only")):
        assert run_cli(*args).exit_code == 0
    s = Server(Workbench(project, "carol", secure))
    yield s
    s.stop()


def test_a_numbered_transcript_is_named_once_and_says_why(page: Any, server: Server, shots: Path) -> None:
    page.goto(server.url("/secure/review/transcript-1"))
    heading = page.locator("h1").inner_text()
    assert heading.count("transcript-1") == 1, heading
    assert "file name held a name or a place" in page.locator(".renamed").inner_text()
    page.screenshot(path=str(shots / "review-numbered-transcript.png"), full_page=True)

    page.goto(server.url("/secure/review"))
    row = page.locator("table.grid").first.locator("tbody tr").first
    cells = row.locator("td")
    assert cells.nth(0).inner_text() == "transcript-1"
    assert "transcript-1" not in cells.nth(1).inner_text()
    assert "file name held a name or a place" in cells.nth(1).inner_text()
    for kwic in page.locator(".kwic").all_inner_texts():  # no context opens or ends on a cut word
        text = kwic.split(": ", 1)[-1] if kwic.startswith("transcript-1: ") else kwic
        assert not text.startswith(ELLIPSIS + " ") and not text.endswith(" " + ELLIPSIS), kwic
    page.screenshot(path=str(shots / "review-numbered-list.png"), full_page=True)


def _raw(tid: str, title: str, warnings: list[str]) -> Transcript:
    return Transcript(id=tid, title=title, source_format="plain_txt", text="x", turns=[], source_sha256="0" * 64,
                      normaliser_version="test", warnings=warnings)


def test_a_title_is_shown_only_where_it_says_more_than_the_id() -> None:
    assert shown_title(_raw("transcript-2", "transcript-2", [])) is None
    assert shown_title(_raw("site-a", "  ", [])) is None
    assert shown_title(_raw("site-a", "Site A, first interview", [])) == "Site A, first interview"
    assert renamed_for_a_name(_raw("transcript-2", "transcript-2",
                                   ["the file name contains a participant's name; imported as transcript-2"]))
    assert renamed_for_a_name(_raw("transcript-3", "transcript-3", [
        "the file name may hold a name or a place (a place); imported as transcript-3"]))
    assert renamed_for_a_name(_raw("transcript-4", "transcript-4", [
        "the file name contains a registered name or a site's town; imported as transcript-4"]))
    assert not renamed_for_a_name(_raw("site-a", "site-a", ["speaker labels inferred"]))


@pytest.mark.parametrize(("left", "right", "want_before", "want_after"), [
    # cut mid-word both sides: the cut words go
    ("round on the Tuesday. And the clinic on ", " drove me there. I will go again tomorro",
     ELLIPSIS + "on the Tuesday. And the clinic on ", " drove me there. I will go again" + ELLIPSIS),
    # cut on a space: every word stays
    (" on the Tuesday, and the clinic on Gran ", " drove me there, I will go again next t ",
     ELLIPSIS + "on the Tuesday, and the clinic on Gran ", " drove me there, I will go again next t" + ELLIPSIS),
    # the context reached the text's start and end: no ellipsis
    ("Thanks for coming in, ", ". How did it go?", "Thanks for coming in, ", ". How did it go?"),
])
def test_a_context_keeps_whole_words(left: str, right: str, want_before: str, want_after: str) -> None:
    """``left`` and ``right`` as the anonymiser cuts them: :data:`CONTEXT_WIDTH` characters, or fewer at the
    text's ends."""
    assert len(left) <= CONTEXT_WIDTH and len(right) <= CONTEXT_WIDTH
    assert whole_words(ELLIPSIS + left, right + ELLIPSIS) == (want_before, want_after)


def test_a_context_of_one_long_word_is_left_as_it_was() -> None:
    word = "x" * CONTEXT_WIDTH
    assert whole_words(ELLIPSIS + word, word + ELLIPSIS) == (ELLIPSIS + word, word + ELLIPSIS)
