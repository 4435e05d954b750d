"""Welsh street names, their kind first ("Heol y Felin"), in cased text and captions.

The street names here are made up from common Welsh words; the heads are those of Welsh street naming.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.welsh_streets import welsh_street_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from tests.fuzzing import fuzz_settings

STREETS = [
    ("I know the warden at the hostel on Heol y Felin, I can text him.", "Heol y Felin"),
    ("She moved to Ffordd yr Orsaf after the divorce.", "Ffordd yr Orsaf"),
    ("The chemist on Stryd Fawr does the scripts.", "Stryd Fawr"),
    ("We lived in Maes y Coed for years.", "Maes y Coed"),
    ("His nan's flat is on Lôn Las, by the school.", "Lôn Las"),
    ("Turn left at Cilgant Bedwen and it's the blue door.", "Cilgant Bedwen"),
]


@pytest.mark.parametrize(("sentence", "street"), STREETS)
def test_a_welsh_street_is_found_whole_cased_and_in_captions(sentence: str, street: str) -> None:
    for text, caseless in ((sentence, False), (sentence.lower().replace(",", "").replace(".", ""), True)):
        spans = [text[s:e] for s, e in welsh_street_spans(text, caseless)]
        assert street.lower() in [s.lower() for s in spans], (text, spans)


@pytest.mark.parametrize("sentence", [
    "The maes was packed for the eisteddfod.",
    "the maes was packed for the eisteddfod",
    "Lon said he would come along later.",
    "we sat on the clos and the teras",
])
def test_heads_that_are_other_words_need_a_name_shape(sentence: str) -> None:
    assert welsh_street_spans(sentence, sentence.islower()) == []


def test_the_whole_street_goes_and_reads_as_a_street(anon: Anonymiser) -> None:
    text = "Knowing people. I know the warden at the hostel on Heol y Felin, I can text him."
    out = redact_text(anon, text)
    assert "Felin" not in out and "Heol" not in out
    assert "[street name]" in out


@fuzz_settings(200)
@given(st.text(alphabet="HeolyFfrdStwaLôn ,.'yr", max_size=60), st.booleans())
def test_spans_lie_inside_the_text(text: str, caseless: bool) -> None:
    for s, e in welsh_street_spans(text, caseless):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
