"""Postcodes and dates of birth said in ways the earlier rounds did not write: a letter spelt by any word ("M as in
mother", "P for Peter"), a postcode said, taken back and said again, a district with the first digit of its
inward code and nothing more ("S K twenty-two, four, I can't remember the rest"), and a weekday said before a date
of birth ("born on Tuesday the third of March"). Cased and as captions; what must stay: a count after a district
typed whole ("in BD5, three years now"), two districts said apart, times, money, doses, helplines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.postcodes import postcode_spans
from cmo_coder.anonymise.layers.said_dates import dates_of_birth, weekday_start
from cmo_coder.anonymise.layers.said_full_dates import full_dates
from cmo_coder.anonymise.layers.said_symbols import might_hold
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from tests.fuzzing import fuzz_settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import spoken_identifiers as listed  # noqa: E402

POSTCODES = [
    # a letter spelt by a word of its own, not a spelling alphabet's
    ("Postcode is M as in mother, eight, two R as in Robert, Y as in yellow.",
     "M as in mother, eight, two R as in Robert, Y as in yellow"),
    ("it was b for barry eight three d for dog j for jam", "b for barry eight three d for dog j for jam"),
    ("It's S as in sugar, K as in king, four, one P as in Peter, W as in water.",
     "S as in sugar, K as in king, four, one P as in Peter, W as in water"),
    # said, taken back, said again
    ("It's N G five, no wait, N G six, one D F.", "N G five, no wait, N G six, one D F"),
    ("The postcode is H U four, sorry, H U five, two Q A.", "H U four, sorry, H U five, two Q A"),
    ("the postcode is m thirty no sorry m thirty one four e l", "m thirty no sorry m thirty one four e l"),
    # the district and the first digit of the inward code
    ("The postcode's S K twenty-two, four, I can't remember the rest.", "S K twenty-two, four"),
    ("It's B D twenty-one, three.", "B D twenty-one, three"),
    ("Postcode's W F fourteen, six, I think.", "W F fourteen, six"),
    ("The postcode is S K twenty-two, four A, something like that.", "S K twenty-two, four A"),
]

NOT_ONE_POSTCODE = [
    # two places said apart, not a correction
    ("we lived in LS6. Later we moved to LS7 for the school", ["LS6", "LS7"]),
    # a district then a count or a time
    ("She's in BD5, three years now.", ["BD5"]),
    ("we're in LS6, two of us in a flat", ["LS6"]),
    ("we're in ls6 two or three nights a week", ["ls6"]),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "code"), POSTCODES)
def test_postcodes_said_this_round(text: str, code: str, lower: bool) -> None:
    if lower:
        text, code = listed.caption(text), listed.caption(code)
    found = [text[a:b] for a, b in postcode_spans(text)]
    assert code in found, (text, found)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "codes"), NOT_ONE_POSTCODE)
def test_what_is_not_one_postcode(text: str, codes: list[str], lower: bool) -> None:
    if lower:
        text, codes = text.lower(), [c.lower() for c in codes]
    assert [text[a:b] for a, b in postcode_spans(text)] == codes


def test_the_first_look_reads_a_letter_spelt_by_any_word() -> None:
    assert might_hold("postcode is m as in mother eight two")
    assert might_hold("it's p for peter four")
    assert not might_hold("as in mother, we went home at eight")  # no letter said before "as in"


WEEKDAY_DATES = [
    ("I was born on Tuesday the third of March, nineteen sixty-two.", "Tuesday the third of March, nineteen sixty-two"),
    ("She was born Sunday the ninth of June, nineteen eighty-one.", "Sunday the ninth of June, nineteen eighty-one"),
    ("born on a friday, the 13th of may 1977", "friday, the 13th of may 1977"),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "date"), WEEKDAY_DATES)
def test_a_weekday_before_a_date_of_birth_goes_with_it(text: str, date: str, lower: bool) -> None:
    if lower:
        text, date = listed.caption(text), listed.caption(date)
    assert date in [text[a:b] for a, b in dates_of_birth(text)]
    assert date in [text[d.start : d.end] for d in full_dates(text)]


def test_a_weekday_alone_or_apart_from_the_date_stays() -> None:
    text = "On Tuesday we talked about the third of March."
    assert weekday_start(text, text.index("third")) == text.index("third")
    text = "I was born on the third of March 1962, a Tuesday."
    assert all(text[a:b] != "Tuesday" for a, b in dates_of_birth(text))
    assert "a Tuesday." in redact_text_rules(text)


def redact_text_rules(text: str) -> str:
    """The date layers' spans cut out of ``text`` (no model)."""
    spans = sorted(dates_of_birth(text))
    for a, b in reversed(spans):
        text = text[:a] + "[date]" + text[b:]
    return text


KEEP = [
    "Call one one one if it's not an emergency.", "They dialled nine nine nine straight away.",
    "Ward rounds at nine, then the doctors go.", "She paid twelve pounds fifty for the prescription.",
    "He takes fifteen mil of methadone every morning.", "I'm a Scorpio, so I hold a grudge.",
    "The sixty-two bus stops outside.", "Shift starts at seven, finishes at half seven.",
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("text", KEEP)
def test_public_numbers_stay(anon: Anonymiser, text: str, lower: bool) -> None:
    text = listed.caption(text) if lower else text
    assert redact_text(anon, text) == text


def test_the_fourth_list(anon: Anonymiser) -> None:
    """``tests/data/spoken_identifiers_fourth.tsv``, written before the rules of this round: before them 39 of 45
    caught in every form, no false alarm; the misses were the letters spelt by any word, the corrections, and an
    "ee ess" area that is no UK area (the list's own mistake, mended to "ee ex" before the rules)."""
    for r in listed.measure(lambda t: redact_text(anon, t), listed.load(listed.LIST.with_name(
            "spoken_identifiers_fourth.tsv"))):
        assert r.found >= r.identifiers - 1, r.misses
        assert r.alarms == 0, r.misses


_LETTER_WORDS = {"b": "bravo", "d": "david", "l": "london", "s": "sugar", "m": "mother", "w": "william"}


@given(st.sampled_from(sorted(_LETTER_WORDS)), st.sampled_from(["as in", "for"]),
       st.sampled_from(["one", "two", "five", "seven", "nine"]), st.sampled_from(["", "erm, ", ", "]),
       st.booleans())
@fuzz_settings(150)
def test_offsets_of_spelt_postcodes(letter: str, link: str, digit: str, pause: str, upper: bool) -> None:
    """Whatever the words, each span slices to a stretch of the text that starts and ends on a word."""
    said = f"{letter} {link} {_LETTER_WORDS[letter]}, s {link} sugar, {pause}{digit}, four a {link} apple b"
    text = f"The postcode is {said.upper() if upper else said}, yeah."
    for a, b in postcode_spans(text):
        assert 0 <= a < b <= len(text)
        assert text[a].isalnum() and text[b - 1].isalnum()
        assert text[a:b].strip() == text[a:b]


@pytest.mark.parametrize("text", ["The postcode is ee ex twelve, oh en bee.", "the postcode is ee ex twelve oh en bee",
                                  "Postcode's E X twelve, O N B."])
def test_after_a_postcode_cue_a_plate_shape_is_the_postcode(text: str) -> None:
    """EX12 0NB fits a plate's shape too (two letters, two digits, three letters, "oh" read as O)."""
    from cmo_coder.anonymise.layers.said_identifiers import said_identifiers

    assert not [f for f in said_identifiers(text) if f[2] == "car_registration"], said_identifiers(text)
    assert postcode_spans(text)


@pytest.mark.parametrize("text", ["The reg is L V nineteen H B C.", "the car reg is y k six eight x r t",
                                  "My postcode is LS6 and the car reg is YK68 XRT."])
def test_a_plate_after_a_car_cue_is_still_a_plate(text: str) -> None:
    from cmo_coder.anonymise.layers.said_identifiers import said_identifiers

    assert [f for f in said_identifiers(text) if f[2] == "car_registration"]


@pytest.mark.parametrize(("text", "code"), [
    ("the postcode is s k twenty two four i cant remember the rest", "s k twenty two four"),
    ("its b d twenty one three and then", "b d twenty one three"),
])
def test_the_sector_digit_in_captions(text: str, code: str) -> None:
    assert code in [text[a:b] for a, b in postcode_spans(text)]


@pytest.mark.parametrize(("text", "code"), [
    ("we are in l s twenty six two days a week", "l s twenty six"),
    ("it's in L S twenty-six two days a week", "L S twenty-six"),  # typed: no pause marked, nothing joined
])
def test_a_count_after_a_district_stays(text: str, code: str) -> None:
    assert [text[a:b] for a, b in postcode_spans(text)] == [code]
