"""Hospitals said as two letters joined by "and" (issue 13, a leak the twenty-fourth study found):
:mod:`cmo_coder.anonymise.letter_pairs`.

The cases (``tests/data/letter_pair_places.tsv``) are read as written and as captions write them; the held-back
half (``letter_pair_places_heldout.tsv``, written before the rule and never tuned on) is measured, its figures in
``docs/benchmarks.md``, and asserted only where the rule reached it. Every hospital's pair of letters here is
invented or used as invented.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from anon_support import caption, said_count

from cmo_coder.anonymise.letter_pairs import candidates
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

CASES = Path(__file__).parent / "data" / "letter_pair_places.tsv"
HELD = Path(__file__).parent / "data" / "letter_pair_places_heldout.tsv"


def _rows(path: Path) -> list[tuple[str, list[str], list[str]]]:
    with path.open(encoding="utf-8") as f:
        return [(r["text"], [g for g in r["go"].split(";") if g], [s for s in r["stay"].split(";") if s])
                for r in csv.DictReader(f, delimiter="\t")]


@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "go", "stay"), _rows(CASES))
def test_the_cases(plain: Anonymiser, text: str, go: list[str], stay: list[str], captions: bool) -> None:
    said = caption(text) if captions else text
    out = redact_text(plain, said, open_items=True)
    for surface in go:
        assert not said_count(surface, out), out
    for surface in stay:
        assert said_count(surface, out), out


@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "go"), [(t, g) for t, g, _ in _rows(HELD) if g])
def test_the_held_back_hospitals_go(plain: Anonymiser, text: str, go: list[str], captions: bool) -> None:
    out = redact_text(plain, caption(text) if captions else text, open_items=True)
    for surface in go:
        assert not said_count(surface, out), out


@pytest.mark.parametrize(("text", "found"), [
    ("She had the X-ray at the K and C.", ["K and C"]),
    ("we went up the l and d", ["l and d"]),
    ("He was taken to the W&B in the night.", ["W&B"]),
    ("She was waiting in the A and E.", []),  # every hospital's emergency department
    ("We popped into the M and S on the way.", []),  # a shop
    ("we went in the b and q for paint", []),
    ("She went to the K and c on the bus.", []),  # a capital and a lower-case letter: no pair of initials
    ("Then the K and C consultant rang.", []),  # no word of going or being before "the"
    ("he went up the L and D with his mum", ["L and D"]),  # a pair in capitals stands whatever the turn's case
])
def test_what_the_rule_reads(text: str, found: list[str]) -> None:
    assert [text[c.start:c.end] for c in candidates(text)] == found


def test_a_lower_case_pair_in_a_cased_turn_is_no_hospital() -> None:
    """"in the x and y" of a typed turn with capitals is maths, not a caption's hospital."""
    assert candidates("Then we plotted it in the p and q columns, Sarah said.") == []
    assert [c.category for c in candidates("then we went in the p and q for her bloods")] == ["hospital"]
