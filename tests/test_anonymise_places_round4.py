"""Local places nobody registered, fourth round: places said where a place goes with nothing saying their kind
("i was in harrowmead for a month", "they took him to the royal"), a house's head after an ordinary word
("he's at orchard grange"), a place's head after a name another layer found ("hollins park primary"), and the
everyday sentences that fill the same slot with ordinary words ("in the morning", "from scratch").

Every name here is made up. Each sentence runs cased, and as a caption (lower case, no punctuation) inside a
longer turn, and broken across a caption line before the name's last word.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.consistency import heads_after
from cmo_coder.anonymise.layers.slots import house_spans, slot_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from tests.fuzzing import fuzz_settings

_BEFORE = "yeah so the thing is with all that you know what i mean "
_AFTER = " and then after that we sort of got on with it really"


def _caption(sentence: str) -> str:
    return re.sub(r"[.,;:!?]", "", sentence.lower())


def _forms(sentence: str, name: str) -> list[str]:
    """Cased in a short turn; a caption inside a long turn; the caption broken before the name's last word."""
    low = _caption(sentence)
    cut = low.find(name.lower()) + name.lower().rfind(" ") if " " in name else low.find(name.lower()) - 1
    return [f"Yes, well. {sentence} And then we had our tea.", _BEFORE + low + _AFTER,
            _BEFORE + low[:cut] + "\n" + low[cut + 1 :] + _AFTER]


def _assert_removed(anon: Anonymiser, sentence: str, name: str) -> None:
    for text in _forms(sentence, name):
        out = redact_text(anon, text)
        for word in (w for w in name.split() if w.lower() not in {"and", "of", "the"}):
            assert not re.search(rf"(?i)\b{re.escape(word)}\b", out), f"{word!r} left in {out!r}"


def _assert_kept(anon: Anonymiser, sentence: str) -> None:
    for text in _forms(sentence, "")[:2]:
        out = redact_text(anon, text)
        assert "[" not in out, f"something removed from {text!r}: {out!r}"


# ------------------------------------------------------------------ a word no dictionary holds, in the slot
@pytest.mark.parametrize("sentence, name", [
    ("They rushed her into Brackenridge in the ambulance.", "Brackenridge"),  # hospital
    ("I was in Harrowmead for a month after the op.", "Harrowmead"),  # hospital
    ("He did two years in Hewell.", "Hewell"),  # prison
    ("He's been inside at Wentmoor since June.", "Wentmoor"),  # prison
    ("I'm from Wrenbeck originally.", "Wrenbeck"),  # town
    ("We moved out to Little Haddon when I retired.", "Little Haddon"),  # village with its word of place
    ("She lives over on Brackley with the kids.", "Brackley"),  # estate
    ("They gave us a flat on the Gorsefield.", "Gorsefield"),  # estate
    ("Took her to Thornleigh because the other place was full.", "Thornleigh"),  # care home
    ("My brother still lives down Lindenfield.", "Lindenfield"),  # street
])
def test_unknown_words_in_a_places_slot(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name)


# ------------------------------------------------------------------ hospitals by their everyday name
@pytest.mark.parametrize("sentence, name", [
    ("They took him to the Royal.", "Royal"),
    ("He's up at the General for tests.", "General"),
    ("She was in the Infirmary for a week.", "Infirmary"),
    ("Mum ended up in Kelderby General after the fall.", "Kelderby General"),
])
def test_hospitals_by_their_everyday_name(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name)


def test_the_royal_is_typed_a_hospital(anon: Anonymiser) -> None:
    out = redact_text(anon, _BEFORE + "they took him to the royal" + _AFTER)
    assert "the [hospital name]" in out, out


# ------------------------------------------------------------------ homes and houses by their head
@pytest.mark.parametrize("sentence, name", [
    ("He's at Orchard Grange, it's nursing.", "Orchard Grange"),
    ("She's been in Rosemount Lodge since the spring.", "Rosemount Lodge"),
    ("Dad went into Willow Court for respite.", "Willow Court"),
    ("I'm visiting at Ivy House on Thursday.", "Ivy House"),
    ("We moved into Marsden Close in ninety eight.", "Marsden Close"),
])
def test_homes_named_by_a_house_head(anon: Anonymiser, sentence: str, name: str) -> None:
    _assert_removed(anon, sentence, name)


# ------------------------------------------------------------------ a place's head after its name
@pytest.mark.parametrize("sentence, name", [
    ("She went to Hollins Park Primary.", "Hollins Park Primary"),
    ("The funeral was at Christ the King.", "Christ King"),
    ("A worker from Fresh Start rang me.", "Fresh Start"),
])
def test_names_found_whole(anon: Anonymiser, sentence: str, name: str) -> None:
    for text in _forms(sentence, name)[:2]:
        out = redact_text(anon, text)
        for word in name.split():
            assert not re.search(rf"(?i)\b{re.escape(word)}\b", out), f"{word!r} left in {out!r}"


# ------------------------------------------------------------------ the same slots, filled with words
@pytest.mark.parametrize("sentence", [
    "We went to the pub after.",
    "The care home closed down last year.",
    "Mum goes down the church on a Sunday.",
    "The estate agent rang about the flat.",
    "She wrote to the royal college about it.",
    "In the morning she gets the bus.",
    "We had to start from scratch.",
    "She stayed at home with the kids.",
    "In the end we just left it.",
    "The general public don't know.",
    "On the whole it was alright.",
    "We went to Tesco and then the Co-op.",
    "Age UK helped us and so did the NHS.",
    "She loved the royal family.",
    "We sat in the garden all afternoon.",
    "He was in hospital for a month.",
    "They switched him to sertraline.",
    "It was hard in lockdown.",
    "She messages me on WhatsApp.",
    "He was up at the crown court on Monday.",
    "They put her in a safe house.",
    "He went to the general election count.",
])
def test_everyday_slots_stay(anon: Anonymiser, sentence: str) -> None:
    _assert_kept(anon, sentence)


# ------------------------------------------------------------------ the functions themselves
def test_slot_spans_reads_the_slot_not_the_word() -> None:
    assert [(s, e) for s, e, _ in slot_spans("i was in harrowmead for a month", True)] == [(9, 19)]
    assert slot_spans("harrowmead was where i was for a month", True) == []  # no slot before it
    assert slot_spans("she talks to me in urdu", True) == []  # a language
    assert slot_spans("they changed him to zopiclone", True) == []  # a medicine, prescribed
    assert slot_spans("she is in harrowmead now", False) == []  # cased text writes a name's capital


def test_house_spans_need_the_slot_and_no_article() -> None:
    assert house_spans("he's at orchard grange now", True) == [(8, 22, "place")]
    assert house_spans("he's at the crown court now", True) == []
    assert house_spans("orchard grange is lovely", True) == []


def test_heads_after_joins_a_name_and_its_head() -> None:
    text = "she went to hollins park\nprimary and loved it"
    found = [Candidate(12, 24, "city", "places", 0.75, "UK place list")]
    [joined] = heads_after(text, found)
    assert text[joined.start:joined.end] == "hollins park\nprimary" and joined.category == "school"
    assert heads_after("we went to leeds primary care", [Candidate(11, 16, "city", "places", 0.75, "x")]) == []
    assert heads_after("he met leeds", [Candidate(7, 12, "person", "ner", 0.75, "x")]) == []


_WORDS = st.sampled_from(["in", "at", "to", "the", "from", "harrowmead", "royal", "general", "orchard", "grange",
                          "morning", "into", "on", "lives", "little", "haddon", "\n", " ", "court", "crown"])


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.lists(_WORDS, max_size=14), st.booleans())
def test_spans_slice_whole_words(words: list[str], caseless: bool) -> None:
    text = " ".join(words)
    for s, e, _ in slot_spans(text, caseless):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip() and text[s:e][0].isalpha() and text[e - 1].isalpha()
        assert (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())
