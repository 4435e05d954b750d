"""Layers that read the turn's shared columns, and gates asked once per turn, answer as the code they replace.

- the lexicon's given-name words (``lexicon._may_be_given``) and the register shapes' words worth a look
  (``register_shapes._worth_a_look``) are read from the turn's shared view (:mod:`.turn_view`), not from arrays of
  their own: the same indices as the per-layer arrays gave, on generated turns, and a view changed under them
  changes their answer (what shows they read it);
- the events and dishes named after a place ask whether the turn holds a capital only once a head word is said,
  and the local branches and county bodies ask it through ``state.has_capital``: the same spans as the
  per-character walk, non-ASCII capitals included;
- a number before a street (``said_identifiers._addresses``) is looked for only where a street kind is said:
  a turn without one never reaches the pattern, a turn with one (cased, in captions, with a long s) is found, and
  the gate's words are exactly the pattern's.

Every name, place and sentence here is invented for the project.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.attrs import IS_ALPHA, IS_STOP, LOWER, ORTH
from spacy.tokens import Doc

from cmo_coder.anonymise.layers import (
    county_bodies,
    lexicon,
    place_branches,
    place_events,
    register_shapes,
    short_people,
)
from cmo_coder.anonymise.layers import said_identifiers as ids
from cmo_coder.anonymise.layers.register_shapes import ShapeIndex
from cmo_coder.anonymise.layers.turn_view import turn_view
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")

_PIECES = st.sampled_from(["Morwenna", "tregear", "said", "my", "the", "Darren", "o'brien", "Ynys-Wen", "van",
                           "de", "Jo", "kay", "\n", "  ", ",", ".", "'s", "can't", "9", "Ⅷ", "ſam", "Kelvin",
                           "İlkay", "and", "Penhallow-Roskilly"])


def _doc(pieces: list[str]) -> Doc:
    return _BLANK(" ".join(pieces))


def _given_by_array(doc: Doc) -> list[int]:
    """What ``_may_be_given`` answered from an array of its own, before it read the shared view."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    return [i for i, (low, alpha, stop) in enumerate(doc.to_array([LOWER, IS_ALPHA, IS_STOP]).tolist())
            if alpha and not stop and lexicon._given_word(strings[low])]


def _worth_by_array(doc: Doc, index: ShapeIndex) -> list[int]:
    """What ``_worth_a_look`` answered from the doc's ``ORTH`` array, before it read the shared view."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if register_shapes._worth(strings[orth], index)]


@fuzz_settings(150)
@given(st.lists(_PIECES, max_size=16))
@example(["Morwenna", "and", "Darren", "o'brien"])
@example([])
def test_given_words_and_shapes_from_the_view_are_the_arrays(pieces: list[str]) -> None:
    doc = _doc(pieces)
    index = ShapeIndex([])
    assert lexicon._may_be_given(doc) == _given_by_array(doc)
    assert register_shapes._worth_a_look(doc, index) == _worth_by_array(doc, index)


def test_the_lexicon_and_shapes_read_the_turns_view() -> None:
    doc = _BLANK("so Morwenna and Darren o'brien came round")
    index = ShapeIndex([])
    assert lexicon._may_be_given(doc) and register_shapes._worth_a_look(doc, index)
    view = turn_view(doc)
    view.alpha[:] = [False] * len(view.alpha)  # a view saying no word is of letters: no given name is left
    assert lexicon._may_be_given(doc) == []
    view.texts[:] = ["x"] * len(view.texts)  # no particle, joiner or registered shape among its words
    assert register_shapes._worth_a_look(doc, index) == []


def _walk_capital(text: str) -> bool:
    return any(ch.isupper() for ch in text)


_EVENT_TURNS = ["we went to Brighton Pride last year", "we went to brighton pride last year",
                "Ⅷ we had a lovely cornish pasty", "ǅ and a bakewell tart", "we did the Great North Run",
                "no head here at all", "the harrogate show\nand the Harrogate Show", "ſt ives festival was on"]


@pytest.mark.parametrize("text", _EVENT_TURNS)
def test_events_named_after_a_place_as_the_walk_over_characters(text: str, monkeypatch: Any) -> None:
    got = place_events.named_after_place(text)
    monkeypatch.setattr(place_events, "has_capital", _walk_capital)
    assert got == place_events.named_after_place(text)


def test_a_turn_without_a_head_asks_no_capital(monkeypatch: Any) -> None:
    def refuse(text: str) -> bool:
        raise AssertionError("asked of a turn without a head word")

    monkeypatch.setattr(place_events, "has_capital", refuse)
    assert place_events.named_after_place("Morwenna said it was all fine in the end") == []
    monkeypatch.setattr(place_events, "has_capital", _walk_capital)
    assert place_events.named_after_place("we went to Brighton Pride") == [(11, 25, "pride")]


_BRANCH_TURNS = ["I went to Age UK Leeds and then age uk leeds again",
                 "the Kent County Council and kent county council", "Ⅷ mind in leeds\nMind in Leeds",
                 "ǅ kent county council", "nothing of the kind"]


@pytest.mark.parametrize("text", _BRANCH_TURNS)
def test_branches_and_county_bodies_as_the_walk_over_characters(text: str, monkeypatch: Any) -> None:
    got = place_branches.branch_names(text), county_bodies.county_bodies(text)
    monkeypatch.setattr(place_branches, "has_capital", _walk_capital)
    monkeypatch.setattr(county_bodies, "has_capital", _walk_capital)
    assert got == (place_branches.branch_names(text), county_bodies.county_bodies(text))


class _Refused:
    def finditer(self, text: str) -> Any:
        raise AssertionError(f"the street pattern was tried on {text!r}")


def test_a_turn_without_a_street_kind_never_tries_the_street_pattern(monkeypatch: Any) -> None:
    monkeypatch.setattr(ids, "_NUMBER_STREET", _Refused())
    assert list(ids._addresses("she is 42 and lives up north", "she is 42 and lives up north")) == []
    assert ids.said_identifiers("we had 3 kids and 2 dogs") == []


@pytest.mark.parametrize(("text", "street"), [
    ("she lives at 42 Elm Grove now", "Elm Grove"), ("she lives at 42 elm grove now", "elm grove"),
    ("we were at 12 mill ſt then", "mill ſt"), ("at 7 old mill ſtreet", "old mill ſtreet"),
    ("number 9 Tregear Road, Penhallow", "Tregear Road")])
def test_a_street_after_a_number_is_still_found(text: str, street: str) -> None:
    found = [text[s:e] for s, e, kind, _ in ids._addresses(text, text.lower()) if kind == "street"]
    assert found == [street]


def test_the_gates_street_words_are_the_patterns() -> None:
    alternatives = re.fullmatch(r"\(\?:(.*)\)", ids._STREET_KINDS)
    assert alternatives is not None
    words: set[str] = set()
    for alt in alternatives.group(1).split("|"):
        words |= {alt[:-2], alt[:-1]} if alt.endswith("s?") else {alt}
    assert words == ids._STREET_KIND_WORDS
    for word in ids._STREET_KIND_WORDS:
        assert re.fullmatch(ids._STREET_KINDS, word)


_SHORT_PIECES = st.sampled_from(["it's", "don't", "k", "K", "lee", "al", "Al's", "'al", "x''al", "o'clock", "jo",
                                 "Jo-Anne", "’ty", "di’", "I", "a", "mo", "\n", " ", ",", ".", "-", "Ⅷ", "\u212aal",
                                 "éal", "ed", "said", "my", "sister", "9", "u", "’"])


@fuzz_settings(300)
@given(st.lists(_SHORT_PIECES, max_size=12), st.sampled_from([" ", "", "'"]))
@example(["'al"], " ")
@example(["\u212aal"], " ")
@example(["it's"], " ")
def test_the_short_word_gate_lets_through_every_turn_the_loop_reads(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    read = any(w.group(0).lower().replace("’", "'") in short_people._MAY_BE_SHORT
               for w in short_people._WORDS.finditer(text))
    if read:
        assert short_people._may_hold_short(text)
    if not short_people._may_hold_short(text):
        assert short_people.short_people_spans(text, caseless=True) == []
        assert short_people.short_people_spans(text, caseless=False) == []


def test_the_short_word_gate_turns_away_a_turn_of_contractions_and_finds_the_frames() -> None:
    assert not short_people._may_hold_short("well it's hard, isn't it, and I don't know a thing")
    assert short_people.short_people_spans("my sister k lee said", True) == [
        (10, 15, "an initial standing for a person (a relative or worker before it)")]
    assert [s for s, _, _ in short_people.short_people_spans("her brother Al came", False)] == [12]
