"""Gates before two patterns tried at every position of every turn: each answers as the pattern it stands in front of.

``facility_cues.may_cue`` stands before ``_FACILITY_VERB`` (a verb of going, working or referring: the first word
of each of its ways), and ``slots._may_say_initials`` before ``_INITIALS`` (a hospital's initials after a
preposition: only listed initials count). Each is checked on generated turns drawn from the pattern's own words
with filler, odd separators and letters outside ASCII that a case-blind pattern matches ("ſ", the Kelvin sign), in
four casings: the gate lets through every turn the pattern matches in, and the layer with its gate forced open
finds the same. Every first word the pattern can begin with is in the gate's list (read from the pattern's
source). Invented turns where something must be found are found; ordinary turns stay. Every sentence here is
invented for the project.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers import facility_cues, slots
from tests.fuzzing import fuzz_settings

_SEPARATORS = st.sampled_from([" ", " ", " ", " ", ", ", ". ", "-", "'", "’", "\n", "\t", "  ", "", "_", "3"])
_ODD = ["ſix", "ſent", "\u212aent", "one_", "_two", "4th", "twenty-one", "tw0", "café", "naïve", "sixb", "Sixa"]
_FILLER = ["the", "a", "we", "yeah", "she", "and", "really", "on", "tuesdays", "every", "week", "it", "was", "lovely",
           "kestrel", "sunflower", "willows", "bramblewick", "Harbourlight", "Oaks", "Mill", "to", "the", "at", "in",
           "road", "grove", "lane", "close", "elm", "b", "h", "j", "minutes", "club", "day centre"]


def _words_of(pattern: re.Pattern[str]) -> list[str]:
    return sorted(set(re.findall(r"[a-z]{2,}", pattern.pattern)))


def _turns(keys: list[str], most: int = 5) -> st.SearchStrategy[str]:
    """Filler, one or two of ``keys`` (a pattern's words), filler: most turns hold only a key or two, so a key the
    gate lacks is the only way the pattern can match there."""
    words = st.lists(st.tuples(st.sampled_from(_FILLER), _SEPARATORS), max_size=most)
    said = st.lists(st.tuples(st.sampled_from(keys), _SEPARATORS), min_size=1, max_size=2)
    return st.tuples(words, said, words).map(lambda p: "".join(w + s for part in p for w, s in part))


def _casings(text: str) -> list[str]:
    return [text, text.lower(), text.upper(), text.title()]


# ------------------------------------------------------------------------------------------ facility verbs
_TAILS = ["to the x", "into x", "down to x", "up at x", "on to x", "them to x", "them on to x", "them back to x",
          "at x", "for x", "with x", "in x", "by x", "from x", "x", "a lot to x", "goes to x", "going to x", "to x",
          "over to x", "round at x", "me to x"]


def test_every_first_word_of_the_facility_verbs_is_a_gate_word() -> None:
    first = {w for w in _words_of(facility_cues._FACILITY_VERB) for tail in _TAILS
             if facility_cues._FACILITY_VERB.match(f"{w} {tail}")}
    assert first == facility_cues._VERB_FIRST_WORDS


_VERB_VOCABULARY = [*sorted(facility_cues._VERB_FIRST_WORDS), "them", "have been", "said they", *_ODD]


@pytest.mark.fuzz
@fuzz_settings(400)
@given(_turns(_VERB_VOCABULARY))
@example("she ſent him to the willows")
@example("\u212aeeps going to the Oaks")
def test_the_verb_gate_lets_through_every_turn_the_pattern_matches(text: str) -> None:
    for turn in _casings(text):
        assert facility_cues.may_cue(turn) or not facility_cues._FACILITY_VERB.search(turn), turn


@pytest.mark.fuzz
@fuzz_settings(200)
@given(_turns(_VERB_VOCABULARY))
@example("she goes to the sunflower on tuesdays")
def test_cued_spans_are_the_same_with_the_verb_gate_open(text: str) -> None:
    for turn in _casings(text):
        for caseless in (False, True):
            gated = facility_cues.cued_spans(turn, caseless)
            with mock.patch.object(facility_cues, "says_any", lambda t, words: True):
                assert facility_cues.cued_spans(turn, caseless) == gated, turn


@pytest.mark.parametrize("turn, caseless, said", [
    ("she goes to bramblewick every week", True, "bramblewick"),
    ("He was referred to Harbourlight on Tuesday.", False, "Harbourlight"),
    ("i volunteer at greenbeck on a monday", True, "greenbeck"),
])
def test_facilities_after_a_verb_are_still_found(turn: str, caseless: bool, said: str) -> None:
    assert said in [turn[c.start:c.end] for c in facility_cues.cued_spans(turn, caseless)]


@pytest.mark.parametrize("turn", [
    "we had a lovely time at the party",
    "yeah",
    "I think the nurses were brilliant",
])
def test_turns_with_no_verb_of_going_are_not_searched_and_give_nothing(turn: str) -> None:
    assert not facility_cues.may_cue(turn)
    assert not [c for c in facility_cues.cued_spans(turn, turn.islower()) if "verb" in c.reason]


# ------------------------------------------------------------------------------------------ hospital initials
_INITIALS_VOCABULARY = [*sorted(slots.HOSPITAL_INITIALS)[::2], "rvi", "jr", "RVI", "in", "at", "to", "into", "from",
                        "up", "down", "the", "gp", "ae", "bed", "for", "ſjuh", "vh\u212a", "rvi_", "rvi2", *_ODD]


def _hospital_initials(turn: str) -> list[tuple[int, int]]:
    """What the layer reads from :data:`slots._INITIALS`: the matches whose initials are a hospital's."""
    return [m.span(1) for m in slots._INITIALS.finditer(turn) if m.group(1).lower() in slots.HOSPITAL_INITIALS]


@pytest.mark.fuzz
@fuzz_settings(400)
@given(_turns(_INITIALS_VOCABULARY))
@example("she was in ſjuh for a week")
@example("taken to vh\u212a overnight")
def test_the_initials_gate_lets_through_every_turn_with_a_hospital_s_initials(text: str) -> None:
    for turn in _casings(text):
        assert slots._may_say_initials(turn) or not _hospital_initials(turn), turn


@pytest.mark.fuzz
@fuzz_settings(200)
@given(_turns(_INITIALS_VOCABULARY))
@example("waiting in pri for a bed")
def test_slot_spans_are_the_same_with_the_initials_gate_open(text: str) -> None:
    for turn in _casings(text):
        for caseless in (False, True):
            gated = slots.slot_spans(turn, caseless)
            with mock.patch.object(slots, "_may_say_initials", lambda t: True):
                assert slots.slot_spans(turn, caseless) == gated, turn


def test_every_hospital_s_initials_open_the_gate() -> None:
    for initials in slots.HOSPITAL_INITIALS:
        for turn in (f"taken to the {initials} for a bed", f"TAKEN TO THE {initials.upper()} FOR A BED"):
            assert slots._may_say_initials(turn)
            assert _hospital_initials(turn), turn


@pytest.mark.parametrize("turn, caseless, said", [
    ("waiting in pri for a bed", True, "pri"),
    ("they took him to the RVI in the end", False, "RVI"),
])
def test_hospitals_by_their_initials_are_still_found(turn: str, caseless: bool, said: str) -> None:
    assert said in [turn[a:b] for a, b, kind in slots.slot_spans(turn, caseless) if kind == "hospital"]


@pytest.mark.parametrize("turn", ["we went up the road to see him", "I was at the gp on monday", "yeah"])
def test_turns_with_no_hospital_s_initials_are_not_searched(turn: str) -> None:
    assert not slots._may_say_initials(turn)
    assert not [k for _, _, k in slots.slot_spans(turn, turn.islower()) if k == "hospital"]
