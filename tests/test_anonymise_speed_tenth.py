"""The tenth speed pass: layers turned away from turns that hold none of their trigger words answer exactly as
they did without the gate.

Each gate is checked two ways, cased and as lower-cased captions: on generated turns (words drawn from the
layer's own trigger lists, the frames around them and filler, joined by spaces, punctuation, hyphens and
apostrophes), the layer with its gate forced open and with it in place give the same answer, so a turn the
gate skips is shown to have held nothing; and on invented turns where the layer must find something, the gate
lets the turn through and the finding is made. Every sentence here is invented for the project.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.tokens import Doc

from cmo_coder.anonymise.layers import public_context, spoken_places, state
from cmo_coder.anonymise.layers.turn_view import says_any, text_words
from tests.fuzzing import fuzz_settings

_STRICT_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")


def _open(module: object) -> mock._patch[object]:
    """``module``'s gate forced open: every turn is read as if it held a trigger word."""
    return mock.patch.object(module, "says_any", lambda text, triggers: True)


_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "-", "'", "’", "\n", "  ", "!"])


def _turns(words: st.SearchStrategy[str], most: int = 14) -> st.SearchStrategy[str]:
    """Turns of 1 to ``most`` words (or phrases) from ``words``, each followed by a separator."""
    return st.lists(st.tuples(words, _SEPARATORS), min_size=1, max_size=most).map(
        lambda parts: "".join(w + s for w, s in parts))


# ------------------------------------------------------------------------------ the runs of letters
@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.text(alphabet=st.sampled_from("abcXYZ ſßİéK'’-_1.,\n"), max_size=40))
@example("in new-mills")
def test_every_word_a_layer_pattern_finds_is_a_run_of_letters(text: str) -> None:
    words = text_words(text)
    assert all(m.group(0).lower() in words for m in _STRICT_WORD.finditer(text))
    assert says_any(text, frozenset(words)) == bool(words)


# ------------------------------------------------------------------------------ places said with ordinary words
def _spoken_vocabulary() -> list[str]:
    pairs = sorted(spoken_places.word_pair_towns())[:12]
    hospitals = sorted(spoken_places.hospital_names())[:12]
    towns = sorted(spoken_places._going_towns())[:12]
    return [*pairs, *hospitals, *towns, *spoken_places._AREA_HEADS[:6], "swansea", "new mills", "hope valley",
            "stepping hill", "reading", "wells", "ninewells", "black burn", "nine wells", "beacon", "marsden", "end",
            "estate", "of town", "the", "from", "in", "to", "over", "went", "works", "lives", "at", "down",
            "originally", "now", "road", "and", "with", "for", "ſ", "Straße", "İstanbul", "DOCKS", "Docks"]


def _cased(word: str, capital: bool) -> str:
    return word.title() if capital else word


_SPOKEN_NAMES = st.sampled_from(_spoken_vocabulary())
_FRAMES = st.sampled_from(["from", "over to", "works in", "down in", "lives out at", "in", "at the", "round the",
                           "the", "went", "a"])
_ENDS = st.sampled_from(["originally", "now", "for", "road", "docks", "end of town", "estate", ".", "with", "and"])
spoken_words = st.one_of(
    st.builds(_cased, _SPOKEN_NAMES, st.booleans()),
    st.builds(lambda f, n, capital, e: f"{f} {_cased(n, capital)} {e}", _FRAMES, _SPOKEN_NAMES, st.booleans(), _ENDS),
    st.builds(lambda town, head, capital: _cased(f"{town} {head}", capital),
              st.sampled_from(["swansea", "barnsley", "new mills", "cardiff", "Hull", "zzzford"]),
              st.sampled_from([*spoken_places._AREA_HEADS, "DOCKS", "docſ", "road"]), st.booleans()))


@pytest.mark.fuzz
@fuzz_settings(400)
@given(_turns(spoken_words), st.booleans())
@example("we moved over to hope valley last year", True)
@example("she works in reading now", True)
def test_spoken_places_gated_as_ungated(text: str, caseless: bool) -> None:
    turn = text.lower() if caseless else text
    gated = spoken_places.spoken_place_spans(turn, caseless)
    with _open(spoken_places):
        assert spoken_places.spoken_place_spans(turn, caseless) == gated


@pytest.mark.parametrize(("turn", "caseless", "said"), [
    ("she's from new mills originally", True, "new mills"),
    ("We drove out to Hope Valley for the day", False, "Hope Valley"),
    ("he was in stepping hill for a week", True, "stepping hill"),
    ("They kept him in Addenbrookes overnight", False, "Addenbrookes"),
    ("my sister works in reading now", True, "reading"),
    ("we used to walk round the swansea docks", True, "swansea docks"),
    ("She had a flat by Swansea Marina", False, "Swansea Marina"),
])
def test_spoken_places_found_where_their_trigger_is_said(turn: str, caseless: bool, said: str) -> None:
    found = [turn[s:e] for s, e, _, _ in spoken_places.spoken_place_spans(turn, caseless)]
    assert said in found


@pytest.mark.parametrize(("turn", "caseless"), [
    ("she went to church on sunday", True),
    ("we went new places every summer", True),
    ("It was reading week at the college", False),
    ("the docks were busy", True),
])
def test_spoken_places_leave_ordinary_words(turn: str, caseless: bool) -> None:
    assert spoken_places.spoken_place_spans(turn, caseless) == []


# ------------------------------------------------------------------------------ public people by their frame
_BLANK = spacy.blank("en")


def _doc(text: str) -> Doc:
    doc = _BLANK.make_doc(text)
    doc.user_data[state._TEXT_KEY] = text
    return doc


def _framed(text: str, caseless: bool) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    doc = _doc(text)
    weak: list[tuple[int, int]] = []
    kept = public_context.public_by_context(doc, public_context.name_runs(doc, caseless), caseless, weak)
    return kept, weak


def _context_triggers_sample() -> list[str]:
    return [*sorted(public_context._context_triggers())[::3], *sorted(public_context._office_words())[::6],
            "prime minister", "health secretary", "Sir", "Prof.", "Professor", "Dame", "Dr", "famous", "wrote",
            "gave", "telly", "news", "inquiry", "footballer", "watching", "off", "chaired"]


_NAMES = st.sampled_from(["Andrea Leadsom", "Kevin Doyle", "Edward Argar", "Hallett", "Rishi", "Ruby Wax",
                          "Dan Pellow", "Tracey Marsh", "Neil Ferguson", "Jordan"])
_FILLER = st.sampled_from(["said", "on", "the", "was", "my", "mate", "'s", "’s", ".", ",", "and", "me", "like",
                           "last night", "a", "book", "talk", "at", "conference", "of", "the royal college", "from",
                           "our", "neighbour", "about", "it", "we", "saw", "her", "then"])
context_words = st.one_of(
    _FILLER, _FILLER, _NAMES,
    st.builds(_cased, st.sampled_from(_context_triggers_sample()), st.booleans()),
    st.builds(lambda t, n, f: f"{t} {n} {f}", st.sampled_from(_context_triggers_sample()), _NAMES, _FILLER),
    st.builds(lambda f, n, t: f"{f} {n} {t}", _FILLER, _NAMES, st.sampled_from(_context_triggers_sample())),
    st.builds(lambda f, n, g, t: f"{f} {n} {g} {t}", st.sampled_from([".", "that", "the famous", "watching", "like"]),
              _NAMES, st.sampled_from(["the", "was on the", "'s", "on the", "wrote a", "gave a", ", the", "off the",
                                       "has written two", "chaired the"]), st.sampled_from(_context_triggers_sample())))


@pytest.mark.fuzz
@fuzz_settings(1500)
@given(_turns(context_words, 4), st.booleans())
@example("Baroness Hallett said at the inquiry", False)
@example("we watched prof. ruby wax on the telly", True)
def test_public_frames_gated_as_ungated(text: str, caseless: bool) -> None:
    turn = text.lower() if caseless else text
    gated = _framed(turn, caseless)
    with mock.patch.object(public_context, "_may_frame", lambda doc: True):
        assert _framed(turn, caseless) == gated


@pytest.mark.parametrize(("turn", "caseless", "kept"), [
    ("Baroness Hallett said it at the inquiry", False, "Baroness Hallett"),
    ("and then Prof. Neil Ferguson spoke in parliament about it", False, "Prof. Neil Ferguson"),
    ("the Hallett inquiry took years", False, "Hallett"),
    ("that Dan Pellow the footballer was on about it", False, "Dan Pellow"),
    ("Ruby Wax was on the radio this morning", False, "Ruby Wax"),
    ("Lionel Brackenbury wrote a book about it", False, "Lionel Brackenbury"),
])
def test_public_frames_found_where_their_trigger_is_said(turn: str, caseless: bool, kept: str) -> None:
    doc = _doc(turn)
    assert public_context._may_frame(doc)
    found = [turn[a:b] for a, b in _framed(turn, caseless)[0]]
    assert kept in found


@pytest.mark.parametrize(("turn", "caseless"), [
    ("Kevin Doyle came round for tea on Sunday", False),
    ("my mate Kevin Doyle was on the news after the fire", False),
    ("kevin doyle said he would ring", True),
])
def test_public_frames_leave_private_people(turn: str, caseless: bool) -> None:
    assert _framed(turn, caseless)[0] == []


def _name_runs_by_tokens(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """:func:`.public_context.name_runs` as it was, reading each run's ends from its ``Token``."""
    if caseless:
        listed = public_context.name_lexicon("all")
        may = [t.lower_ in listed for t in doc]
    else:
        may = [doc.text[t.idx:t.idx + 1].isupper() for t in doc]
    out = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and may[j] and public_context._name_shaped(doc, j, caseless):
            j += 1
        if j > i:
            out.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1])))
            i = j
        else:
            i += 1
    return out


@pytest.mark.fuzz
@fuzz_settings(300)
@given(_turns(st.one_of(context_words, st.text(min_size=1, max_size=6))), st.booleans())
@example("Sir Keir Dunmore and Ms Ada Quist-Lowe, then ÉMILE said", False)
def test_name_runs_read_from_the_view_as_from_tokens(text: str, caseless: bool) -> None:
    turn = text.lower() if caseless else text
    assert public_context.name_runs(_doc(turn), caseless) == _name_runs_by_tokens(_doc(turn), caseless)
