"""People nobody registered, known only by the frame of speech in captions (issue 13): invented cases, cased and as
captions, that must go, that become undecided items, and that must stay."""

from __future__ import annotations

import re

import pytest
import spacy
from anon_support import caption
from anon_support import redact_turns as redact
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers import state
from cmo_coder.anonymise.layers.frame_people import OPEN_LAYER, SURE_LAYER, frame_people, heard_in_a_frame
from cmo_coder.anonymise.pipeline import Anonymiser, open_case
from tests.fuzzing import fuzz_settings


def gone(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w-])", out) is None


def open_items(anon: Anonymiser, text: str) -> list[str]:
    """The stretches of ``text`` (one caption turn) a person decides one occurrence at a time."""
    groups, _, _ = anon.find(text, [(0, len(text))])
    return [text[min(c.start for c in g):max(c.end for c in g)] for g in groups if open_case(g)]


# ------------------------------------------------------------------------------ removed: a word no dictionary holds
@pytest.mark.parametrize(("text", "word"), [
    ("i was staying at baz s flat for a bit", "baz"),
    ("shaz s mum picked me up from the station", "shaz"),
    ("our stace had the baby in the september", "stace"),
    ("i was talking to kestle and she said they'd closed it", "kestle"),
    ("i had a long chat with oriel about the move", "oriel"),
    ("me and dezmo went down the jobcentre together", "dezmo"),
])
def test_a_word_no_dictionary_holds_in_a_persons_frame_goes(anon: Anonymiser, text: str, word: str) -> None:
    assert gone(redact(anon, [text], True), word)


# ------------------------------------------------------------------------------ undecided: an everyday word
@pytest.mark.parametrize(("text", "heard"), [
    ("me mam sheer was the one who kept us going", "sheer"),
    ("her little sister bright was with her the whole time", "bright"),
    ("my partner steady works nights", "steady"),
    ("so i rang sheer on and she said leave it with her", "sheer on"),
    ("i spoke to sheer on about it and she said ring the gp", "sheer on"),
    ("so i asked carry what she thought about it", "carry"),
    ("me and brisket went down the town", "brisket"),
])
def test_an_everyday_word_in_a_persons_frame_is_an_undecided_item(anon: Anonymiser, text: str, heard: str) -> None:
    assert heard in open_items(anon, text)
    assert gone(redact(anon, [text], True), heard.split()[0])  # accepted as review --accept-all does


# ------------------------------------------------------------------------------ kept, cased and as captions
@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("kept", [
    "my key worker said i could ring her any time",
    "the lady said they'd post it out to me",
    "her son said she'd been falling for months",
    "My mum said she'd come round after work.",
    "me and him never really got on after that",
    "thanks everyone for your time today",
    "to be honest i didn't think it would help",
    "my daughter basically runs the house now",
    "her sister still lives over there",
    "my son never rang me once",
    "participant two said the same about the waiting times",
    "sp twelve mentioned the transport as well",
    "i spoke to housing about it but nothing happened",
    "i rang work and she said it was fine",
    "i asked her what she thought",
    "we went back to my mum s house after",
    "the old man next door said hello",
    "it was a big deal for all of us",
    "our house was always full",
    "me and mum went shopping on the saturday",
    "i rang them up and she answered",
    "last year s was better",
])
def test_what_is_no_person_stays(anon: Anonymiser, kept: str, lower: bool) -> None:
    text = kept.lower() if lower else kept
    out = redact(anon, [text], lower)
    assert caption(text) in caption(out)


@pytest.mark.parametrize("kept", ["i rang work and she said", "my son still works nights", "our house was lovely",
                                  "i asked nicely about it and she said yes", "me and the kids went"])
def test_no_undecided_item_where_the_word_is_no_one(anon: Anonymiser, kept: str) -> None:
    assert open_items(anon, kept) == []


# ------------------------------------------------------------------------------ what decides an item
def test_only_the_frame_reading_alone_is_left_to_a_person() -> None:
    heard = Candidate(0, 5, "person", OPEN_LAYER, 0.6, "frame", per_occurrence=True)
    model = Candidate(0, 5, "person", "ner", 0.8, "model")
    assert heard_in_a_frame([heard]) and open_case([heard])
    assert not open_case([heard, model])  # the model reads a person there too: decided
    assert not heard_in_a_frame([Candidate(0, 5, "person", SURE_LAYER, 0.75, "sure")])


# ------------------------------------------------------------------------------ offsets
_BLANK = spacy.blank("en")
_WORDS = ["my", "her", "son", "mam", "little", "sister", "sheer", "on", "and", "she", "said", "was", "rang", "asked",
          "told", "to", "talking", "me", "went", "s", "flat", "mum", "our", "big", "stace", "kestle", "with", "chat",
          "about", "it", "the", "i", "carry", "what", "up", "met", "baz", "steady", "works", "\n"]


def _caption_doc(words: list[str]) -> Doc:
    doc = Doc(_BLANK.vocab, words=words, spaces=[True] * len(words))
    doc.user_data[state._TEXT_KEY] = doc.text
    doc.user_data[state._CASELESS_DOC_KEY] = True
    return doc


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.lists(st.sampled_from(_WORDS), max_size=16))
@example(["i", "rang", "sheer", "on", "and", "she", "said"])
@example(["baz", "s", "flat"])
def test_every_candidate_slices_to_whole_words_of_its_turn(words: list[str]) -> None:
    if not words:
        return
    doc = _caption_doc(words)
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t) for t in doc}
    for c in frame_people(doc):
        assert 0 <= c.start < c.end <= len(doc.text)
        assert c.start in starts and c.end in ends
        assert doc.text[c.start:c.end] == doc.text[c.start:c.end].strip()
        assert c.per_occurrence == (c.layer == OPEN_LAYER)


def test_cased_text_is_not_read() -> None:
    doc = Doc(_BLANK.vocab, words=["i", "rang", "sheer", "on", "and", "she", "said"])
    doc.user_data[state._TEXT_KEY] = doc.text
    assert frame_people(doc) == []


@pytest.mark.parametrize(("text", "gone_words"), [
    ("big tam used to run the football on a saturday", ["big", "tam"]),
    ("that's a good line big col he's full of them", ["big", "col"]),
    ("our stace had the baby in the september", ["stace"]),
])
def test_a_familiar_form_goes_with_the_word_it_is_known_by(anon: Anonymiser, text: str,
                                                           gone_words: list[str]) -> None:
    out = redact(anon, [text], True)
    assert all(gone(out, w) for w in gone_words), out
    if "our" in text:
        assert "our " in out  # "our" says whose, and stays
