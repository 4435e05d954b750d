"""Places read by the frame of speech around them (issue 13, a tenth round of places in captions): a verb of care
and "the", "the X one", a name and a place's head after a word of going or living, a rare word after "the" in a
place's slot, an uncommon word where someone lives, and a place a strong frame named said again. Invented cases,
cased and as captions, that must go and that must stay."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from anon_support import caption
from anon_support import redact_turns as redact
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.frames_again import frames_again
from cmo_coder.anonymise.layers.place_frames import (
    CARE_REASON,
    HEAD_REASON,
    care_spans,
    frame_place_spans,
    head_spans,
    living_spans,
    one_spans,
    rare_spans,
)
from cmo_coder.anonymise.pipeline import Anonymiser

REPO = Path(__file__).resolve().parent.parent


def surfaces(text: str, caseless: bool = True) -> list[str]:
    return [text[s:e] for s, e, _, _ in frame_place_spans(text, caseless)]


def gone(out: str, words: str) -> bool:
    return all(re.search(rf"(?i)(?<![\w'’-]){re.escape(w)}(?![\w-])", out) is None for w in words.split())


# ---------------------------------------------------------------------------------------------- each frame alone
@pytest.mark.parametrize(("text", "name"), [
    ("she was admitted to the foxglove on the tuesday", "foxglove"),
    ("they discharged me from the juniper after two weeks", "juniper"),
    ("he got transferred over to the lantern in the end", "lantern"),
    ("the baby was born at the rowan", "rowan"),
    ("they kept her in at the bramley for a week", "bramley"),
])
def test_a_verb_of_care_and_the_name_the_place(text: str, name: str) -> None:
    assert [text[s:e] for s, e in care_spans(text)] == [name]


@pytest.mark.parametrize("text", [
    "she was admitted to the ward that night",
    "he got transferred to the other hospital",
    "i was seen at the clinic on the monday",
    "they admitted her to the high dependency unit",
    "they took him to the shops and back",
    "i was born in the sixties on a farm",
    "she was discharged from the foxglove ward on friday",  # the phrase goes on: the ward layers' name
])
def test_what_fills_the_care_frame_as_a_word_stays(text: str) -> None:
    assert care_spans(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("not the big one the maple one out by the ring road", "maple"),
    ("she goes to the linnet one on a thursday", "linnet"),
    ("they took her to the foxglove one", "foxglove"),
])
def test_the_x_one_after_a_word_of_place(text: str, name: str) -> None:
    assert [text[s:e] for s, e in one_spans(text)] == [name]


@pytest.mark.parametrize("text", [
    "not the big one the new one by the station",
    "she wants the blue one not the red one",
    "go to the children's one it's quicker",
    "i'll have the cheesy one",
    "i like the maple one",  # no word of place or contrast: a kind of thing
])
def test_an_adjective_before_one_stays(text: str) -> None:
    assert one_spans(text) == []


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("they live up gorse brow past the shop", "gorse brow", "street"),
    ("we moved down to heron bank last spring", "heron bank", "place"),
    ("he's over in flax green with his nan", "flax green", "place"),
    ("she lives just off tanner way by the bus stop", "tanner way", "street"),
    ("we lived out past crow moor for a bit", "crow moor", "place"),
    ("they're round at ashen fields most weekends", "ashen fields", "place"),
])
def test_a_name_and_a_place_head_after_a_word_of_place(text: str, name: str, kind: str) -> None:
    assert [(text[s:e], k) for s, e, k in head_spans(text)] == [(name, kind)]


@pytest.mark.parametrize("text", [
    "we parked over in the car park by the entrance",
    "she goes to the food bank on a friday",
    "they live on the other side of town",
    "we had a picnic on the village green",
    "he walked all the way there and back",
    "by the way she rang again",
    "he's down the bowling green every afternoon",
    "sat on the river bank all day",
    "the heron bank was steep",  # no word of place before it
    "up the hill and down the dale",
])
def test_a_kind_with_a_head_stays(text: str) -> None:
    assert head_spans(text) == []


def test_a_rare_word_after_the_in_a_place_slot_goes_to_review() -> None:
    text = "she was in at the juniper for a week"
    assert [text[s:e] for s, e in rare_spans(text)] == ["juniper"]
    for kept in ("she was in the kitchen for a week", "we went to the shops for bread", "he's at the pictures now",
                 "she's in the juniper business", "we saw it in the volatility that", "it's set out in the rulings",
                 "from the larry side"):
        assert rare_spans(kept) == [], kept


def test_an_uncommon_word_where_someone_lives() -> None:
    text = "he's from thimble originally"
    assert [text[s:e] for s, e in living_spans(text)] == ["thimble"]
    for kept in ("he lives in fear of the letters", "she was moved to tears by it", "he grew up in care",
                 "she's from round here originally", "they moved to nights in march"):
        assert living_spans(kept) == [], kept


# ------------------------------------------------------------------------------------------ cased text and casing
def test_cased_text_needs_every_word_of_the_span_capitalised() -> None:
    assert surfaces("She was admitted to the Foxglove on the Tuesday.", False) == ["Foxglove"]
    assert surfaces("They live up Gorse Brow past the shop.", False) == ["Gorse Brow"]
    assert surfaces("She was admitted to the foxglove on the Tuesday.", False) == []
    assert surfaces("They live up gorse brow past the shop.", False) == []


@pytest.mark.parametrize("text", [
    "They say it's for the general public, not for us.",
    "The chemist is just down the road from us.",
    "All the shops on the high street have shut.",
    "He was over the moon when he heard.",
    "She was round the bend by the end of that week.",
    "It's at the back of beyond, that place.",
    "We sat in A&E for six hours.",
    "She was on the ward all night.",
])
def test_ordinary_speech_stays_in_both_casings(text: str) -> None:
    assert surfaces(text, False) == []
    assert surfaces(caption(text)) == []


# --------------------------------------------------------------------------------------------- said again
def test_a_name_a_strong_frame_proposed_is_that_place_again_where_words_say_a_place() -> None:
    text = "she was admitted to the foxglove\nshe hated it back at the foxglove for weeks\na foxglove in the garden"
    segments = [(0, 32), (33, 76), (77, len(text))]
    seed = Candidate(24, 32, "hospital", "rules", 0.7, CARE_REASON)
    again = frames_again(text, segments, [seed], True, [])
    assert [text[c.start : c.end] for c in again] == ["foxglove"]
    assert again[0].start == text.index("foxglove", 40)


def test_a_head_name_is_said_again_without_its_head() -> None:
    text = "they live up gorse brow\nwe went back up gorse for tea"
    seed = Candidate(13, 23, "street", "rules", 0.7, HEAD_REASON)
    again = frames_again(text, [(0, 23), (24, len(text))], [seed], True, [])
    assert [text[c.start : c.end] for c in again] == ["gorse"]


# --------------------------------------------------------------------------------------------- the whole anonymiser
@pytest.mark.parametrize(("turns", "name"), [
    (["She was admitted to the Foxglove on the Tuesday night."], "Foxglove"),
    (["Not the big one, the Maple one, out by the ring road."], "Maple"),
    (["We lived out past Crow Moor for a bit."], "Crow Moor"),
    (["They took her to the Foxglove one.", "She hated it at the Foxglove, the food was awful."], "Foxglove"),
])
@pytest.mark.parametrize("lower", [False, True])
def test_the_anonymiser_removes_places_said_in_frames(anon: Anonymiser, turns: list[str], name: str,
                                                      lower: bool) -> None:
    assert gone(redact(anon, turns, lower), name)


@pytest.mark.parametrize(("turns", "kept"), [
    (["She was admitted to the ward that night."], "the ward"),
    (["We parked over in the car park by the entrance."], "car park"),
    (["He lives in fear of the letters."], "fear"),
    (["By the way, she rang again this morning."], "by the way"),
])
@pytest.mark.parametrize("lower", [False, True])
def test_the_anonymiser_keeps_ordinary_speech(anon: Anonymiser, turns: list[str], kept: str, lower: bool) -> None:
    assert kept in redact(anon, turns, lower).lower()


def test_the_round_list_all_right_in_both_casings() -> None:
    """Every case of ``tests/data/place_frames.tsv``: a frame's span overlaps each phrase to remove and no phrase
    to keep, cased and as captions (the whole anonymiser's reading is ``benchmarks/word_named.py``'s)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from case_lists import caption as list_caption
    from word_named import load

    items = load(REPO / "tests" / "data" / "place_frames.tsv")
    assert len(items) >= 45
    for item in items:
        for lower in (False, True):
            said = [list_caption(t) for t in item.turns] if lower else list(item.turns)
            phrase = list_caption(item.phrase) if lower else item.phrase
            hit = False
            for turn in said:
                at = turn.find(phrase)
                if at >= 0:
                    hit |= any(s < at + len(phrase) and at < e for s, e, _, _ in frame_place_spans(turn, lower))
            assert hit == (item.kind == "remove") or (item.kind == "remove" and item.label == "town"), (
                item.phrase, lower)


# --------------------------------------------------------------------------------------------- offsets
_WORDS = ["the", "to", "at", "in", "from", "up", "over", "admitted", "one", "gorse", "brow", "way", "foxglove",
          "maple", "big", "car", "park", "lives", "originally", "thimble", "and", "for", "a", "bank", "heron", "'s",
          "Foxglove", "Brow", "Gorse", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.booleans())
def test_spans_slice_to_whole_words_and_do_not_overlap(words: list[str], caseless: bool) -> None:
    text = " ".join(words)
    spans = frame_place_spans(text, caseless)
    assert spans == frame_place_spans(text, caseless)  # deterministic
    last = -1
    for s, e, _, _ in spans:
        assert 0 <= s < e <= len(text) and s >= last
        assert text[s:e] == text[s:e].strip() and not text[s:e].lower().startswith("the ")
        assert (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())
        last = e
