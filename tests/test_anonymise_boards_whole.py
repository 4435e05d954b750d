"""A territorial health board or trust goes whole as "[trust name]" under one rule, whatever the allow-list reads
in its words: "NHS Highland" as "NHS Tayside", with its "NHS" and its "health board", cased and in captions; a
national board, a region and the everyday words around them stay."""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser

BOARDS = [
    ("NHS Highland sent the midwife out to us.", ("highland", "nhs")),
    ("NHS Tayside paid for the taxi in the end.", ("tayside", "nhs")),
    ("We complained to NHS Greater Glasgow and Clyde about the wait.", ("glasgow", "clyde", "nhs")),
    ("The Hywel Dda health board sent a letter.", ("hywel", "health board")),
    ("We were with Betsi Cadwaladr for the assessment.", ("betsi", "cadwaladr")),
    ("The Western Trust did the review in the end.", ("western",)),
]


@pytest.mark.parametrize(("text", "gone"), BOARDS, ids=[t.split()[1] for t, _ in BOARDS])
def test_a_territorial_board_goes_whole(anon: Anonymiser, text: str, gone: tuple[str, ...]) -> None:
    for out in redacted_both(anon, text):
        assert "[trust name]" in out, out
        for word in gone:
            assert word not in out.lower(), out


@pytest.mark.parametrize(("text", "kept"), [
    ("NHS 24 were useless that night.", "nhs 24"),
    ("I looked it up on NHS Inform first.", "nhs inform"),
    ("She bought two Highland cattle at the mart.", "highland cattle"),
    ("The NHS was good to us, the health board less so.", "health board"),
])
def test_national_boards_regions_and_words_stay(anon: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(anon, text):
        assert kept in out.lower() and "[trust name]" not in out, out
