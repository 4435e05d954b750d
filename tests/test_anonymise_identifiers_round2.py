"""Direct identifiers said or typed in ways the first rules were not written on: dates of birth before their cue,
in two goes or with an age; postcodes spelt with letter names or a spelling alphabet; social-media handles and
usernames; house and flat numbers; sort codes and account numbers. Cased, as captions, and wrapped across lines.

Decisions the tests hold: a day and a month with a year, or with an age ("she'll be ninety on the first of
December"), is a date of birth; a year or an age alone is not. A postcode district said alone ("down in BD5")
goes as a postcode. A handle goes as "[handle]" wherever its shape proves it ("@kaz_m", "brummie_boy_86") and
after a platform cue otherwise ("her insta is kaz underscore m")."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.handles import handle_spans
from cmo_coder.anonymise.layers.postcodes import postcode_areas, postcode_spans
from cmo_coder.anonymise.layers.said_dates import dates_of_birth
from cmo_coder.anonymise.layers.said_identifiers import said_identifiers
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.placeholders import DIRECT_IDENTIFIERS, placeholder_for
from tests.fuzzing import fuzz_settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import spoken_identifiers as listed  # noqa: E402


def _forms(text: str) -> list[str]:
    """As written, as captions, and as captions wrapped at the middle space."""
    low = listed.caption(text)
    gaps = [m.start() for m in re.finditer(" ", low)]
    mid = min(gaps, key=lambda g: abs(g - len(low) / 2))
    return [text, low, low[:mid] + "\n" + low[mid + 1 :]]


def _said(spans: list[tuple[int, int]], text: str) -> list[str]:
    return [" ".join(listed.caption(text[a:b]).split()) for a, b in spans]


@pytest.mark.parametrize(("sentence", "date"), [
    ("Nineteen forty-eight, June the sixth, that's when he was born.", "nineteen forty eight june the sixth"),
    ("He's due to be seventy on the fourth of August.", "fourth of august"),
    ("She was born in two thousand and four, on the thirtieth of May.",
     "two thousand and four on the thirtieth of may"),
    ("Can I just check your date of birth? It's the second of March, sixty-one.", "second of march sixty one"),
    ("DOB: nought four, one one, nineteen seventy-three.", "nought four one one nineteen seventy three"),
    ("Her DOB's 9 October 1944.", "9 october 1944"),
    ("What's his birthday? Eleventh of April, he's twelve.", "eleventh of april"),
    ("He was born in '71, on the 3rd of June.", "'71 on the 3rd of june"),
])
def test_dates_of_birth_in_unseen_frames(sentence: str, date: str) -> None:
    for text in _forms(sentence):
        assert _said(dates_of_birth(text), text) == [date], text


@pytest.mark.parametrize("sentence", [
    "I was born and bred round here, the 3rd of May we moved.",
    "She turned sixty in the March.",
    "The clinic is on the fourth of August at ten.",
    "He'll be seventy next year, God willing.",
    "Born again in 1998, she says.",
    "We'll be there on the sixth of June.",
])
def test_dates_that_are_no_birth_stay(sentence: str) -> None:
    for text in _forms(sentence):
        assert dates_of_birth(text) == [], text


@pytest.mark.parametrize(("sentence", "code"), [
    ("My postcode's ell ee seven, four pee jay.", "ell ee seven four pee jay"),
    ("It's H for hotel, U for uniform, nine, two, R for Robert, W for William.",
     "h for hotel u for uniform nine two r for robert w for william"),
    ("Postcode sierra kilo one one, three echo foxtrot.", "sierra kilo one one three echo foxtrot"),
    ("Post code is bee bee two, one dee zed.", "bee bee two one dee zed"),
])
def test_postcodes_spelt_with_letter_names_and_alphabets(sentence: str, code: str) -> None:
    for text in _forms(sentence):
        assert _said(postcode_spans(text), text) == [code], text


@pytest.mark.parametrize("sentence", [
    "A for effort, B for trying.",
    "Why are you two asking?",
    "Oh, see, the M6 was shut.",
    "She got a B for biology and a C for chemistry.",
    "Alpha, bravo, we learnt it in the cadets.",
])
def test_spelt_words_that_are_no_postcode_stay(sentence: str) -> None:
    for text in _forms(sentence):
        assert postcode_spans(text) == [], text


@pytest.mark.parametrize(("sentence", "handle"), [
    ("Follow him @dazza_b_1990 for updates.", "@dazza_b_1990"),
    ("Her snap's millie underscore rose oh four.", "millie underscore rose oh four"),
    ("On TikTok he's gav.does.gardens, honestly.", "gav.does.gardens"),
    ("I'm on Facebook as Bernadette Okwu-Hale, if you want me.", "bernadette okwu hale"),
    ("My gamertag's RazorBlade501.", "razorblade501"),
    ("Look, it's instagram.com/sew.with.sal.", "instagram.com/sew.with.sal"),
    ("my username was tiny dancer eighty two", "tiny dancer eighty two"),
])
def test_handles_typed_and_said(sentence: str, handle: str) -> None:
    for text in _forms(sentence):
        assert _said(handle_spans(text), text) == [handle], text


@pytest.mark.parametrize("sentence", [
    "Meet me @ the library.",
    "We shared #TimeToTalk all week.",
    "My insta is private now.",
    "She's on Facebook as well.",
    "I forgot my username again.",
    "Go to nhs dot uk and search it.",
    "Snap, it's gone, just like that.",
    "It was on TikTok, everyone saw it.",
])
def test_words_near_platforms_that_are_no_handle_stay(sentence: str) -> None:
    for text in _forms(sentence):
        assert handle_spans(text) == [], text


@pytest.mark.parametrize(("sentence", "found"), [
    ("We lived at 27 Harrow Crescent then.", [("27", "house_number"), ("harrow crescent", "street")]),
    ("she's in flat nine over the shop", [("flat nine", "house_number")]),
    ("He's at number 64, the corner house.", [("number 64", "house_number")]),
    ("It's 12c, upstairs.", [("12c", "house_number")]),
    ("Sort code eight three, one two, four four.", [("eight three one two four four", "bank")]),
    ("Her account number's 7009 1234.", [("7009 1234", "bank")]),
])
def test_addresses_and_bank_details(sentence: str, found: list[tuple[str, str]]) -> None:
    for text in _forms(sentence):
        got = [(" ".join(listed.caption(text[a:b]).split()), c) for a, b, c, _ in said_identifiers(text)]
        assert got == [(s.lower(), c) for s, c in found], text


@pytest.mark.parametrize("sentence", [
    "It's a 15 minute walk down the road.",
    "We had 40 houses on the street.",
    "She's number 4 on the waiting list, at number 4 on the list.",
    "He wore flat shoes to the flat.",
    "Page 12c of the form.",
    "I was in room 3b.",
    "The sort of thing we did, 20 45 67 times.",
])
def test_counts_and_rooms_are_no_address(sentence: str) -> None:
    for text in _forms(sentence):
        assert [c for _, _, c, _ in said_identifiers(text) if c in {"house_number", "street", "bank"}] == [], text


def test_new_identifiers_have_their_placeholders_and_skip_the_public_cut() -> None:
    for category, placeholder in (("handle", "[handle]"), ("house_number", "[house number]"),
                                  ("bank", "[bank details]")):
        assert category in DIRECT_IDENTIFIERS
        assert placeholder_for(category, "x", "x", 0) == placeholder


@pytest.mark.parametrize(("text", "expected"), [
    ("Add me, my insta is kaz underscore m.", "Add me, my insta is [handle]."),
    ("i live at 42 elm grove with my nan", "i live at [house number] [street name] with my nan"),
    ("It's B for bravo, D for delta, five, three, X for x-ray, Q for queen.", "It's [postcode]."),
])
def test_redacted_through_the_pipeline(anon: Anonymiser, text: str, expected: str) -> None:
    assert redact_text(anon, text) == expected


def test_the_third_list(anon: Anonymiser) -> None:
    """``tests/data/spoken_identifiers_third.tsv`` (the part not held out), written before the rules: before them
    53/117 caught as written, 58/117 as captions. The misses left: "I'm G41" (one area letter and no place cue,
    as "B12" is), a caption that spells "linkedin.com/in/sarah ojo rn" with spaces; the false alarms are the
    model's ("E10 petrol" as an organisation, a campaign hashtag read as a name)."""
    for r in listed.measure(lambda t: redact_text(anon, t), listed.load(listed.LIST.with_name(
            "spoken_identifiers_third.tsv"))):
        assert r.found >= r.identifiers - 2, r.misses
        assert r.alarms <= 2, r.misses


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_ORDINAL = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth", "twentieth"] + [f"twenty-{w}" for w in ["first", "second", "third", "fourth", "fifth",
                                                                   "sixth", "seventh", "eighth", "ninth"]]
_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _two(n: int) -> str:
    if n < 10:
        return f"oh {_UNITS[n]}"
    if n < 20:
        return ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen"][n - 10]
    return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")


def _suffix(d: int) -> str:
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


@st.composite
def _birth_dates(draw: st.DrawFn) -> str:
    day, month, year = draw(st.integers(1, 29)), draw(st.integers(0, 11)), draw(st.integers(1920, 2019))
    said_day = draw(st.sampled_from([_ORDINAL[day - 1], f"{day}{_suffix(day)}"]))
    said_year = draw(st.sampled_from([
        f"nineteen {_two(year % 100)}" if year < 2000 else f"two thousand and {_UNITS[year % 10] or 'zero'}"
        if year < 2010 else f"twenty {_two(year % 100)}", str(year), f"'{year % 100:02d}", _two(year % 100)]))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"the {said_day} of {_MONTHS[month]} {said_year}"
    if shape == 1:
        return f"{_MONTHS[month]} the {said_day}, {said_year}"
    if shape == 2:
        return f"{day}/{month + 1}/{year % 100:02d}"
    return f"{said_day} {_MONTHS[month]}"


@given(_birth_dates(), st.sampled_from(["I was born on {}.", "Date of birth, {}, love.", "her d o b is {}",
                                        "Can I take your date of birth? Yes, {}.", "He was born {} in the end.",
                                        "She'll be eighty on {} this year."]), st.booleans())
@pytest.mark.fuzz
@fuzz_settings(200)
def test_any_date_of_birth_in_a_birth_frame_is_removed_wholly(date: str, frame: str, captions: bool) -> None:
    if "/" in date and "eighty on" in frame:
        date = "the 3rd of May"  # an age is reached on a day said, not a written date
    text = frame.format(date)
    if captions:
        text, date = listed.caption(text), listed.caption(date)
    at = text.index(date)
    spans = dates_of_birth(text)
    assert any(a <= at + (4 if date.lower().startswith("the ") else 0) and at + len(date) <= b for a, b in spans), (
        text, [text[a:b] for a, b in spans])
    for a, b in spans:
        assert text[a:b] == text[a:b].strip() and re.match(r"\w|['’]", text[a:b]), text[a:b]


_LETTER_SAID = {"a": "ay", "b": "bee", "d": "dee", "e": "ee", "f": "eff", "g": "gee", "h": "aitch", "j": "jay",
                "k": "kay", "l": "el", "m": "em", "n": "en", "p": "pee", "q": "cue", "r": "ar", "s": "es", "t": "tee",
                "u": "you", "w": "double you", "x": "ex", "y": "why", "z": "zed", "c": "see", "o": "oh", "i": "i",
                "v": "vee"}
_NATO = {"a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot", "g": "golf",
         "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike", "n": "november",
         "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra", "t": "tango", "u": "uniform",
         "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee", "z": "zulu"}
_DIGIT = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@st.composite
def _postcodes(draw: st.DrawFn) -> str:
    area = draw(st.sampled_from(sorted(a for a in postcode_areas() if a.isalpha())))
    district = draw(st.integers(1, 3))  # every area has districts 1-3 (Shetland, ZE, stops at 3)
    sector = draw(st.integers(0, 9))
    unit = draw(st.text(alphabet="abdefghjlnpqrstuwxyz", min_size=2, max_size=2))
    how = draw(st.integers(0, 3))
    if how == 0:
        return f"{area.upper()}{district} {sector}{unit.upper()}"
    if how == 1:
        return " ".join([*area, _DIGIT[district], _DIGIT[sector], *unit])
    if how == 2:
        return ", ".join([*(_NATO[c] for c in area), _DIGIT[district], _DIGIT[sector], *(_NATO[c] for c in unit)])
    return ", ".join([*(f"{c.upper()} for {_NATO[c]}" for c in area), _DIGIT[district], _DIGIT[sector],
                      *(f"{c.upper()} for {_NATO[c]}" for c in unit)])


@given(_postcodes(), st.sampled_from(["My postcode is {}.", "we live at {} now", "Post code, {}, yeah.",
                                      "It's {}, the address."]), st.booleans())
@pytest.mark.fuzz
@fuzz_settings(200)
def test_any_postcode_in_an_address_frame_is_removed_wholly(code: str, frame: str, captions: bool) -> None:
    text = frame.format(code)
    if captions:
        text, code = listed.caption(text), listed.caption(code)
    at = text.index(code)
    spans = postcode_spans(text)
    assert any(a <= at and at + len(code) <= b for a, b in spans), (text, [text[a:b] for a, b in spans])
    for a, b in spans:
        assert text[a:b] == text[a:b].strip(), text[a:b]


@given(st.from_regex(r"[a-z]{2,8}_[a-z0-9]{1,6}(_[0-9]{2})?", fullmatch=True),
       st.sampled_from(["find me @{} on there", "on tiktok she's {}, mad", "His username was {}.", "add {} on snap"]))
@pytest.mark.fuzz
@fuzz_settings(150)
def test_any_underscored_username_is_removed_wholly(name: str, frame: str) -> None:
    text = frame.format(name)
    at = text.index(name)
    spans = handle_spans(text)
    assert any(a <= at and at + len(name) <= b for a, b in spans), (text, spans)


@given(st.text(max_size=120))
@pytest.mark.fuzz
@fuzz_settings(300)
def test_handle_and_postcode_spans_slice_inside_any_text(text: str) -> None:
    for a, b in (*handle_spans(text), *postcode_spans(text)):
        assert 0 <= a < b <= len(text) and text[a:b].strip() == text[a:b]
