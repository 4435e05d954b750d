"""Postcodes and dates of birth said in ways the earlier tests did not write: dotted, hesitated over ("L S, um,
nine"), spelt "B as in bravo", by post town and number ("we live in Leeds 6"), after a street, as a whole
answer ("S6."), and split across a caption line; with the codes that are no postcode (motorways, vitamins,
forms, rooms, study labels, times) left alone. Cased and lower-cased, as captions write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.postcodes import postcode_spans, town_district_spans
from cmo_coder.anonymise.layers.said_dates import dates_of_birth
from cmo_coder.anonymise.layers.said_identifiers import said_identifiers
from cmo_coder.anonymise.layers.said_symbols import symbol_runs
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from tests.fuzzing import fuzz_settings

SAID = [
    # written
    ("We moved to BD5 9QR last spring.", "BD5 9QR"),
    ("It's B D 5 9 Q R, the flat above the shop.", "B D 5 9 Q R"),
    ("It's B.D.5 9.Q.R. on the form", "B.D.5 9.Q.R"),
    ("postcode BD5\n9QR on the letter", "BD5\n9QR"),
    ("Her postcode was BD5, 9QR, off the main road.", "BD5, 9QR"),
    ("My postcode's L-S-9, 7-T-F.", "L-S-9, 7-T-F"),
    # hesitations and pauses
    ("It's L S, um, seven, seven T F.", "L S, um, seven, seven T F"),
    ("the postcode, erm, is S K seven, er, four R F", "S K seven, er, four R F"),
    ("postcode? B D... five... nine Q R", "B D... five... nine Q R"),
    # said, "oh", "double", spelling alphabets
    ("postcode is B D five, oh Q R", "B D five, oh Q R"),
    ("it's S double one, four A B", "S double one, four A B"),
    ("it's B as in bravo, D as in delta, five, nine Q R", "B as in bravo, D as in delta, five, nine Q R"),
    ("it's bd five nine qr i think", "bd five nine qr"),
    # districts alone, with a cue
    ("We're in LS9 now, near the park.", "LS9"),
    ("They put us in the S6 area for a bit.", "S6"),
    ("she's BD3 way, up past the mosque", "BD3"),
    ("yeah we were N W ten for years", "N W ten"),
    ("we live at 14 Thornfield Road, BD5", "BD5"),
    ("S6.", "S6"),
    ("Er, it's M14.", "M14"),
    # by post town and number
    ("we live in Leeds 6 now", "Leeds 6"),
    ("she moved to Bradford five after the divorce", "Bradford five"),
    ("grew up in Liverpool 8", "Liverpool 8"),
]

NOT_POSTCODES = [
    "We took the M1 down to London.", "Go up the A1 then left.", "She's on B12 injections every three months.",
    "PT3 said that he agreed.", "SP12: I don't know really.", "We met in room B12 on the second floor.",
    "It was room G20, the training room.", "Since COVID-19 everything changed.", "The bus is at 6 30 in the morning.",
    "the m62 was closed at junction 24", "it's a PS5 game he plays", "she took vitamin d3 and b12",
    "I was on level B2 of the car park", "the form was a CH2 form for child benefit", "paper A4 size, about 200 sheets",
    "Leeds 2 Chelsea 1 was the score", "we played Leeds 3 times last year", "we've been in Leeds 3 times",
    "born in Sheffield eleven years ago", "wd40", "co2",
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "code"), SAID)
def test_postcodes_said_every_way(text: str, code: str, lower: bool) -> None:
    if lower:
        text, code = text.lower(), code.lower()
    spans = postcode_spans(text)
    assert any(text[a:b] == code for a, b in spans), (text, [text[a:b] for a, b in spans])


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("text", NOT_POSTCODES)
def test_codes_that_are_no_postcode(text: str, lower: bool) -> None:
    text = text.lower() if lower else text
    assert postcode_spans(text) == [], text


def test_a_word_after_two_letters_and_a_number_is_no_plate() -> None:
    """ "N W ten for years": "for" is a word, not the plate's last letters; "qr i think": "I" is the speaker."""
    assert not [f for f in said_identifiers("yeah we were N W ten for years") if f[2] == "car_registration"]
    assert not [f for f in said_identifiers("it's bd five nine qr i think") if f[2] == "car_registration"]
    assert [f for f in said_identifiers("the reg is bd five nine qr i") if f[2] == "car_registration"]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_the_whole_pipeline_types_them_as_postcodes(anon: Anonymiser, lower: bool) -> None:
    for text, _ in SAID:
        said = text.lower() if lower else text
        out = redact_text(anon, said)
        assert "[postcode]" in out, (said, out)
        assert "[car registration]" not in out, (said, out)


def test_a_postcode_cut_across_a_caption_cue(anon: Anonymiser) -> None:
    text = "so the post code is BD5\n\n9QR and that's the flat"
    assert redact_text(anon, text) == "so the post code is [postcode] and that's the flat"


DOB = [
    ("she was born on the third of the ninth eighty two", "third of the ninth eighty two"),
    ("d o b is the twelfth of the first seventy one", "twelfth of the first seventy one"),
    ("her birthday's the 4th of May she's 83", "4th of May"),
    ("her birthdays the fourth of may shes eighty three", "fourth of may"),
    ("dob, er, third of the ninth, eighty two", "third of the ninth, eighty two"),
    ("born third ninth eighty two", "third ninth eighty two"),
    ("i was born on the 3rd 9th 82", "3rd 9th 82"),
    ("the d o b on the form is the first of the sixth sixty", "first of the sixth sixty"),
]


@pytest.mark.parametrize(("text", "date"), DOB)
def test_dates_of_birth_as_captions_write_them(text: str, date: str) -> None:
    for said, want in ((text, date), (text.lower(), date.lower())):
        assert any(said[a:b] == want for a, b in dates_of_birth(said)), (said, [said[a:b] for a, b in
                                                                                 dates_of_birth(said)])


@pytest.mark.parametrize("text", ["we met on the third of may", "i was born in leeds", "her birthday's next week",
                                  "it was the third time we met", "the third ninth game was good"])
def test_dates_that_are_no_birth(text: str) -> None:
    assert dates_of_birth(text) == []


_WORDS = st.sampled_from(["L", "S", "um", "er", "nine", "oh", "double", "seven", "T", "F", "B", "as", "in", "bravo",
                          "Leeds", "6", "BD5", "9QR", "...", ",", "the", "postcode", "\n", "i", "for"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(_WORDS, max_size=14), st.booleans())
def test_spans_slice_the_text_they_were_found_in(words: list[str], lower: bool) -> None:
    text = " ".join(words)
    text = text.lower() if lower else text
    for a, b in postcode_spans(text) + town_district_spans(text):
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip() and text[a:b][:1].isalnum()
    for run in symbol_runs(text):
        for p in run:
            assert 0 <= p.start < p.end <= len(text) and text[p.start:p.end].strip() == text[p.start:p.end]
        assert all(x.end <= y.start for x, y in zip(run, run[1:], strict=False))
