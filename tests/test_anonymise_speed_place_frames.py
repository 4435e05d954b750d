"""The place frames read only the words right after their cue: the rare-word and living frames answer as the walk
over every word of the turn they replaced.

``place_frames._words_from`` gives the words of ``_WORD`` from a position on; ``rare_spans`` and ``living_spans``
read the words after each cue from it (and the rare-word frame passes by a cue whose first word is ordinary, which
every run it tries begins with). Each is checked against the plain code it replaced, kept here as the reference, on
generated turns drawn from the frames' own words (prepositions of place, "the", dictionary words seldom written in
lower case, words in no dictionary, given names, abstract nouns, the words that end a phrase) with odd spaces,
apostrophes, hyphens, capitals and punctuation; invented turns the frames must find are found, and ordinary ones
stay. Every sentence here is invented for the project.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers import place_frames as pf
from tests.fuzzing import fuzz_settings


def _rare_walk(text: str) -> list[tuple[int, int]]:
    """``rare_spans`` as it was: every word of the turn visited, the slots looked up among them."""
    out: list[tuple[int, int]] = []
    slots = {m.end() for m in pf._SLOT_WORD.finditer(text)}
    if not slots:
        return out
    words = list(pf._WORD.finditer(text))
    i = 0
    while i < len(words):
        if words[i].start() not in slots:
            i += 1
            continue
        before = text[max(0, words[i].start() - 20) : words[i].start()]
        the = bool(pf._THE_SLOT.search(before))
        hit = None
        if the or pf._BARE_SLOT.search(before):
            for k in (3, 2, 1):
                run = words[i : i + k]
                if len(run) < k or any(text[x.end() : y.start()] != " " for x, y in zip(run, run[1:], strict=False)):
                    continue
                lows = [pf._plain(w.group(0)) for w in run]
                if not all(pf._name_word(w) for w in lows) or not pf._ends(text, run[-1].end()):
                    continue
                if pf._reads_as_word(lows) or k == 1 and not (the and pf.in_dictionary(lows[0])
                                                              and pf._rare(lows[0])):
                    continue
                if k > 1 and not (any(pf._rare(w) for w in lows) if the else
                                  pf.in_dictionary(lows[0]) and any(not pf.in_dictionary(w) for w in lows[1:])):
                    continue
                hit = (run[0].start(), run[-1].end(), k)
                break
        if hit is None:
            i += 1
            continue
        out.append(hit[:2])
        i += hit[2]
    return out


def _living_walk(text: str) -> list[tuple[int, int]]:
    """``living_spans`` as it was: every word of the turn visited."""
    out: list[tuple[int, int]] = []
    after = {m.end() for m in pf._LIVING_END.finditer(text)}
    if not after:
        return out
    for m in pf._WORD.finditer(text):
        if m.start() not in after:
            continue
        low = pf._plain(m.group(0))
        if not pf._name_word(low) or low in pf._IDIOMS or pf._usage(low) >= pf._UNCOMMON_LIVING or not (
                pf.in_dictionary(low)):
            continue
        if not pf._LIVING.search(text[max(0, m.start() - 40) : m.start()]) or not pf._ends(text, m.end()):
            continue
        out.append(m.span())
    return out


_WORDS = ["in", "at", "to", "from", "into", "near", "outside", "the", "in the", "at the", "to the", "from the",
          "moved", "lived", "she was", "he's from", "moved over to", "grew up in", "juniper", "tree", "lisk", "thimble",
          "brambling", "cedar", "bank", "larry", "volatility", "rulings", "hospital", "shops", "o'hara's", "don't",
          "within", "thinking", "other", "there", "for a week", "when", "and", "originally", "then", ".", ",",
          "Juniper", "THE", "lodge", "gables", "marsh", "wold", "hythe", "kirk", "a", "s", "&", "rock-n-roll", "’tis"]
_SEPARATORS = st.sampled_from([" ", " ", " ", " ", "  ", ", ", ". ", "-", "'", "’", "\n", "\t", "", "&", "_"])


def _turns(most: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(_WORDS), _SEPARATORS), min_size=1, max_size=most).map(
        lambda parts: "".join(w + s for w, s in parts))


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.text(alphabet=st.sampled_from("abz'’&-_ X1.\n"), max_size=30), st.integers(0, 32), st.integers(1, 4))
def test_words_from_are_the_words_of_the_whole_walk(text: str, start: int, most: int) -> None:
    walk = [m.span() for m in pf._WORD.finditer(text)]
    got = [m.span() for m in pf._words_from(text, start, most)]
    if start in [a for a, _ in walk]:
        i = [a for a, _ in walk].index(start)
        assert got == walk[i : i + most]
    else:
        assert got == []


@pytest.mark.fuzz
@fuzz_settings(400)
@given(_turns())
@example("she was in at the juniper for a week")
@example("they took her to the tree lisk when")
@example("in the  in the juniper lodge, then")
@example("to the to the cedar bank and")
def test_the_rare_frame_answers_as_the_walk(text: str) -> None:
    for turn in (text, text.lower()):
        assert pf.rare_spans(turn) == _rare_walk(turn), turn


@pytest.mark.fuzz
@fuzz_settings(400)
@given(_turns())
@example("he's from thimble originally")
@example("moved over to brambling when")
def test_the_living_frame_answers_as_the_walk(text: str) -> None:
    for turn in (text, text.lower()):
        assert pf.living_spans(turn) == _living_walk(turn), turn


def _said(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize("turn, said, frame", [
    ("she was in at the juniper for a week", "juniper", pf.rare_spans),
    ("they took her to the tree lisk when she was bad", "tree lisk", pf.rare_spans),
    ("he's from thimble originally", "thimble", pf.living_spans),
])
def test_invented_frames_are_still_found(turn: str, said: str, frame: object) -> None:
    assert callable(frame)
    assert said in _said(turn, frame(turn))


@pytest.mark.parametrize("turn", [
    "we went to the shops and then to the park",
    "i was in the hospital for a week",
    "she's thinking of going into town",
    "there was nothing in it for me",
])
def test_ordinary_turns_stay(turn: str) -> None:
    assert pf.rare_spans(turn) == [] and pf.living_spans(turn) == []


def test_the_word_pattern_has_the_look_behind_the_walk_relies_on() -> None:
    # :func:`place_frames._words_from` is exact only while no word can begin inside another word's letters
    assert re.search(r"\(\?<!\[[^]]*\\w[^]]*'", pf._WORD.pattern)
