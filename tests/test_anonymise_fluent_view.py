"""The fluent view (:mod:`cmo_coder.anonymise.fluent_view`): hesitations, filler phrases and restarts set aside
within a turn so the layers' frames read through them, every span carried back to the transcript's offsets, and
a name inside a repeat removed in both copies. The phrases are the project's own, written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.fluent_view import view
from cmo_coder.anonymise.pipeline import Anonymiser


def _read(text: str) -> str:
    return view(text, [(0, len(text))]).text


@pytest.mark.parametrize(("said", "read"), [
    ("we went to the um the red lion", "we went to the red lion"),
    ("she's at er at st anne's", "she's at st anne's"),
    ("down on uh you know church lane", "down on church lane"),
    ("the the rovers", "the rovers"),
    ("over at like the crown", "over at the crown"),
    ("i spoke to um to dean", "i spoke to dean"),
    ("me and like me and jodie", "me and jodie"),
    ("it was er it was nadia who", "it was nadia who"),
    ("the the the plough", "the plough"),
    ("The lad plays for the, er, the Rovers.", "The lad plays for the Rovers."),
    ("We meet at, like, the Swan.", "We meet at the Swan."),
])
def test_hesitations_and_restarts_are_set_aside(said: str, read: str) -> None:
    assert _read(said) == read


@pytest.mark.parametrize("said", [
    "i'd like to go to the shops",  # "like" the verb
    "i like the crown best",
    "do you know the crown",  # "you know" asked
    "wagga wagga is a long way",  # a word said twice that is no function word may be a name
    "jodie jodie come here",
    "i went to the. The next day",  # never across a sentence's end
    "he said um",  # nothing after it to join
    "no no no",
    "ah ming is my uncle",  # "ah" is no hesitation
])
def test_what_is_no_hesitation_stays(said: str) -> None:
    assert _read(said) == said


def test_every_kept_character_is_the_transcript_s_and_spans_map_back() -> None:
    text = "hello\nwe went to the um the red lion\nand then er to to the anchor"
    segments = [(0, 5), (6, 36), (37, len(text))]
    v = view(text, segments)
    assert v.changed and v.source == text
    assert all(v.text[i] == text[k] for i, k in enumerate(v.kept))
    at = v.text.index("red lion")
    assert v.span_back(at, at + len("red lion")) == (text.index("red lion"), text.index("red lion") + 8)
    assert [v.text[a:b] for a, b in v.segments(segments)] == ["hello", "we went to the red lion",
                                                              "and then to the anchor"]


def test_nothing_crosses_a_turn() -> None:
    text = "we went to the the"
    # the repeat straddles two turns: neither turn has one of its own
    assert view(text, [(0, 14), (15, 18)]).text == text


def test_a_span_on_the_kept_copy_of_a_repeat_is_copied_onto_the_copy_set_aside() -> None:
    text = "i spoke to dean to dean about it"
    v = view(text, [(0, len(text))])
    second = text.rindex("dean")
    found = v.mirrored([Candidate(second, second + 4, "person", "ner", 0.9, "test")])
    assert sorted((c.start, c.end) for c in found) == [(11, 15), (second, second + 4)]


def test_a_span_that_already_covers_the_copy_set_aside_gets_no_clipped_copy() -> None:
    """The model reads "Red Lion with er with Dean" whole: its span covers the first "with" already, and a clipped
    copy of it there would be a second proposal, "with" as an organisation."""
    text = "we went to the Red Lion with er with Dean"
    v = view(text, [(0, len(text))])
    start = text.index("Red")
    found = v.mirrored([Candidate(start, len(text), "org", "ner", 0.9, "test")])
    assert [(c.start, c.end) for c in found] == [(start, len(text))]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["the", "um", "er", "like", "you", "know", "at", "to", "dean", "anchor", ",", ".",
                                 "me", "and", "it", "was", "wagga"]), max_size=14))
def test_the_view_keeps_order_and_every_name_like_word(words: list[str]) -> None:
    text = " ".join(words)
    v = view(text, [(0, len(text))])
    assert list(v.kept) == sorted(set(v.kept)) and all(v.text[i] == text[k] for i, k in enumerate(v.kept))
    # a word no list of fillers or function words holds is set aside only as the first copy of a repeat, whose
    # kept copy (the same word) is where the layers read it and from where its span is mirrored back
    kept = set(v.kept)
    for at in range(len(text)):
        word = text[at:].split(" ", 1)[0]
        if (at == 0 or text[at - 1] == " ") and word in ("dean", "anchor", "wagga") and at not in kept:
            echo = next(e for e in v.echoes if e.start == at)
            assert text[at + echo.shift:at + echo.shift + len(word)] == word and at + echo.shift in kept


# ------------------------------------------------------------------------------- through the layers
def _redacted(anon: Anonymiser, text: str) -> list[str]:
    groups, _, _ = anon.find(text, [(0, len(text))], caseless=True)
    return [text[min(c.start for c in g):max(c.end for c in g)] for g in groups]


@pytest.mark.parametrize(("said", "name"), [
    ("he plays for the the rovers on a saturday", "rovers"),
    ("i spoke to um to dean about it and he said no", "dean"),
    ("i go to the er the willows on a wednesday for the lunch", "willows"),
    ("we go to the the anchor on a monday for the lunch club", "anchor"),
])
def test_frames_read_through_hesitations_in_captions(anon: Anonymiser, said: str, name: str) -> None:
    assert name in _redacted(anon, said)


def test_a_name_said_twice_in_a_restart_is_removed_twice(anon: Anonymiser) -> None:
    text = "i spoke to dean to dean about it and he said fine"
    assert _redacted(anon, text) == ["dean", "dean"]


def test_offsets_of_a_whole_transcript_slice_to_its_own_text(anon: Anonymiser) -> None:
    text = "we went to the um the red lion for tea\nthen er then he plays for the the rovers"
    groups, _, _ = anon.find(text, [(0, 38), (39, len(text))], caseless=True, turns=[(0, 38), (39, len(text))])
    spans = [(min(c.start for c in g), max(c.end for c in g)) for g in groups]
    assert [text[a:b] for a, b in spans] == ["red lion", "rovers"]
