"""A territorial health board or trust goes whole as "[health board name]" or "[trust name]" under one rule,
whatever the allow-list reads in its words: "NHS Highland" as "NHS Tayside", with its "NHS" and its "health
board", cased and in captions; a national board, a region and the everyday words around them stay."""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser

BOARD, TRUST = "[health board name]", "[trust name]"
BOARDS = [
    ("NHS Highland sent the midwife out to us.", ("highland", "nhs"), BOARD),
    ("NHS Tayside paid for the taxi in the end.", ("tayside", "nhs"), BOARD),
    ("We complained to NHS Greater Glasgow and Clyde about the wait.", ("glasgow", "clyde", "nhs"), BOARD),
    ("The Hywel Dda health board sent a letter.", ("hywel", "health board"), BOARD),
    ("We were with Betsi Cadwaladr for the assessment.", ("betsi", "cadwaladr"), BOARD),
    ("The Western Trust did the review in the end.", ("western",), TRUST),
]


@pytest.mark.parametrize(("text", "gone", "placeholder"), BOARDS, ids=[t.split()[1] for t, _, _ in BOARDS])
def test_a_territorial_board_goes_whole(anon: Anonymiser, text: str, gone: tuple[str, ...], placeholder: str) -> None:
    for out in redacted_both(anon, text):
        assert placeholder in out, out
        for word in gone:
            assert word not in out.replace(placeholder, "").lower(), out


@pytest.mark.parametrize(("text", "kept"), [
    ("NHS 24 were useless that night.", "nhs 24"),
    ("I looked it up on NHS Inform first.", "nhs inform"),
    ("She bought two Highland cattle at the mart.", "highland cattle"),
    ("The NHS was good to us, the health board less so.", "health board"),
])
def test_national_boards_regions_and_words_stay(anon: Anonymiser, text: str, kept: str) -> None:
    for out in redacted_both(anon, text):
        assert kept in out.lower() and TRUST not in out and BOARD not in out, out
