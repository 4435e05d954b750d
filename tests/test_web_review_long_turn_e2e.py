"""The review page of captions read without speakers: one long turn shown in paragraphs (``web/long_turns.py``),
in a real browser (Debian's chromium through Playwright, as tests/test_web_e2e.py), and the helper behind it.

The captions are YouTube's automatic captions of an invented residents' meeting, imported with ``--speaker`` for
the group, as a team would; every name is invented. Screenshots land in the test's tmp folder (or in
$CMO_SCREENSHOTS when set)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from anon_support import run_cli
from test_ingest_caption_downloads import _youtube

from cmo_coder.web.long_turns import LONG_TURN, PARA_MAX, Piece, paragraph_breaks, with_breaks
from cmo_coder.web.state import Workbench
from tests import test_web_e2e as harness
from tests.test_web_e2e import Server
from tests.web_support import REPO

browser, page = harness.browser, harness.page

SENTENCES = ["so welcome everyone to the residents meeting tonight",
             "I spoke with Dawn Price from the tenants group last week about the bins on the estate",
             "and the council said they would send someone round but nobody came",
             "the play area by the community centre is still closed and the children have nowhere to go",
             "we also heard from Sam Reid who runs the food bank on Tuesdays at the church hall"]
MANIFEST = ("name,aliases,role,site,label\nDawn Price,,service_user,A,P1\nSam Reid,,staff,A,SP1\n"
            "Residents meeting,,group,A,G1\n")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    words = [w for i in range(30) for w in SENTENCES[i % len(SENTENCES)].split()]
    captions = tmp_path / "meeting.en.vtt"
    captions.write_text(_youtube(words, per_line=7), encoding="utf-8")
    manifest = tmp_path / "participants.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    project, secure = tmp_path / "study", tmp_path / "secure"
    for args in (("init", project, "--codebook", REPO / "codebooks" / "tiny.yaml"),
                 ("import", project, captions, "--secure", secure, "--manifest", manifest, "--speaker", "G1"),
                 ("anonymise", project, "--secure", secure, "--rules-only")):
        assert run_cli(*args).exit_code == 0
    s = Server(Workbench(project, "carol", secure))
    yield s
    s.stop()


def test_a_caption_turn_is_shown_in_paragraphs_with_every_proposal_whole(page: Any, server: Server,
                                                                         shots: Path) -> None:
    page.goto(server.url("/secure/review/meeting.en"))
    turns = page.locator("#reader .review-turn")
    assert turns.count() == 1
    block = turns.first.locator(".text")
    assert page.locator("#reader .para-break").count() >= 3
    # the page shows paragraphs: the block is far taller than one line, and no paragraph is a wall of text
    box = block.bounding_box()
    assert box is not None and box["height"] > 200
    marks = page.locator("#reader .prop")
    assert marks.count() == 12  # Dawn Price and Sam Reid, each in one sentence of five, thirty sentences
    # the text and offsets are the transcript's: the pieces tile the block exactly
    segs = block.locator(".seg")
    spans = [(int(s.get_attribute("data-s")), int(s.get_attribute("data-e"))) for s in segs.all()]
    assert spans[0][0] == int(block.get_attribute("data-s")) and spans[-1][1] == int(block.get_attribute("data-e"))
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    page.screenshot(path=str(shots / "review-caption-paragraphs.png"), full_page=True)
    # a proposal in a later paragraph is found and decided as anywhere else
    marks.nth(marks.count() - 1).click()
    assert page.locator("#rp-occurrence").is_visible()
    assert page.locator("#rp-surface").inner_text() in ("Dawn Price", "Sam Reid")


def _tiles(text: str, lo: int, hi: int, pieces: list[Piece]) -> bool:
    return "".join(p.text for p in pieces) == text[lo:hi] and all(text[p.start:p.end] == p.text for p in pieces)


def test_breaks_fall_at_sentence_ends_or_spaces_never_inside_a_proposal() -> None:
    text = " ".join(["We met at the hall and talked about the bins for a long while."] * 40)
    marks = [(i, i + 8) for i in range(0, len(text) - 8, 97)]
    breaks = paragraph_breaks(text, 0, len(text), marks)
    assert breaks and all(text[b - 1] == " " for b in breaks)
    assert all(not (s < b < e) for b in breaks for s, e in marks)
    assert all(b - a <= PARA_MAX + 120 for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True))
    assert all(text[b - 2] == "." for b in breaks)  # full stops there are: a paragraph ends a sentence
    pieces = [Piece(0, len(text), text, None)]
    assert _tiles(text, 0, len(text), [p for p in with_breaks(pieces, breaks) if not p.brk])


def test_captions_with_no_full_stops_break_at_spaces() -> None:
    text = " ".join(["so we went to the hall and then we talked about the bins"] * 40)
    breaks = paragraph_breaks(text, 0, len(text), [])
    assert len(breaks) >= len(text) // PARA_MAX - 1 and all(text[b - 1] == " " for b in breaks)


@pytest.mark.parametrize("text", ["short turn. " * 10, ("a line of a typed turn.\n" * 80)])
def test_short_turns_and_turns_with_their_own_paragraphs_are_shown_as_written(text: str) -> None:
    assert len(text) <= LONG_TURN or "\n" in text
    assert paragraph_breaks(text, 0, len(text), []) == []


def test_a_break_inside_a_plain_piece_splits_it_and_a_proposal_piece_is_never_split() -> None:
    text = "x" * 10 + " Dawn Price " + "y" * 10
    pieces = [Piece(0, 11, text[:11], None), Piece(11, 21, text[11:21], {"id": "p"}), Piece(21, 32, text[21:], None)]
    out = with_breaks(pieces, [5, 11, 25])
    assert [(p.start, p.end, p.brk) for p in out] == [(0, 5, False), (5, 5, True), (5, 11, False), (11, 11, True),
                                                      (11, 21, False), (21, 25, False), (25, 25, True),
                                                      (25, 32, False)]
    assert _tiles(text, 0, len(text), [p for p in out if not p.brk])
