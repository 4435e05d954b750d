"""Schools, churches and streets named after a person or a saint, where a layer removed only the person inside
(issue 13, classes 3–5, captions): invented cases that must go whole, and what must stay."""

from __future__ import annotations

import re

import pytest
from anon_support import redact_turns as redact
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.named_after import REASON, named_after
from cmo_coder.anonymise.pipeline import Anonymiser
from tests.fuzzing import fuzz_settings


def read(text: str, name: str, category: str = "person", layer: str = "rules") -> list[tuple[str, str]]:
    """What the pass adds around ``name`` (removed by ``layer`` as ``category``) in ``text``."""
    s = text.index(name)
    found = [Candidate(s, s + len(name), category, layer, 0.75, "a name")]
    return [(text[c.start:c.end], c.category) for c in named_after(text, found)]


@pytest.mark.parametrize(("text", "name", "whole", "kind"), [
    ("he goes to sir john thursby community college", "john thursby", "sir john thursby community college", "school"),
    ("he's at king edward the sixth grammar now", "edward", "king edward the sixth grammar", "school"),
    ("she went to queen elizabeth's high school", "queen elizabeth", "queen elizabeth's high school", "school"),
    ("my son's at the bishop of hereford's bluecoat school", "hereford", "bishop of hereford's bluecoat school",
     "school"),
    ("she's at dixons kings academy in year nine", "dixons", "dixons kings academy", "school"),
    ("he was at cardinal hinsley catholic high", "hinsley", "cardinal hinsley catholic high", "school"),
    ("we got married at st barnabas church", "barnabas", "st barnabas church", "church"),
    ("we lived on st john's road for years", "john", "st john's road", "street"),
])
def test_the_rest_of_a_name_goes_with_the_name(text: str, name: str, whole: str, kind: str) -> None:
    assert read(text, name) == [(whole, kind)]


@pytest.mark.parametrize(("text", "name"), [
    ("kayden's high school rang about him", "kayden"),  # the school a child goes to
    ("she went to kayden's high school for the play", "kayden"),
    ("i took kayden to school on the monday", "kayden"),
    ("kelly left school at sixteen", "kelly"),
    ("i did the school run with kelly", "kelly"),
    ("she went to kelly college fees were too much", "kelly"),  # a head that goes on as a word of its own
    ("sir alex was on the telly", "alex"),  # no head
    ("we sang at st john's on the sunday", "john"),
    ("she lives on kelly's road now", "kelly"),  # a street after a bare name is the street layers'
])
def test_a_name_beside_a_kind_word_stays_a_name(text: str, name: str) -> None:
    assert read(text, name) == []


def test_a_registered_name_is_left_to_the_register() -> None:
    assert read("he goes to sir john thursby community college", "john thursby", layer="register") == []


@pytest.mark.parametrize(("text", "gone"), [
    ("he goes to sir john thursby community college now", "sir john thursby community"),
    ("he's at king edward the sixth grammar now and loves it", "king edward sixth"),
    ("she went to queen elizabeth's high school in the end", "queen elizabeth's"),
])
def test_captions_lose_the_whole_name(anon: Anonymiser, text: str, gone: str) -> None:
    out = redact(anon, [text], True)
    for word in gone.split():
        assert re.search(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])", out) is None, out


@pytest.mark.parametrize(("text", "kept"), [
    ("my son's high school was rubbish to be honest", "high school"),
    ("the queen's speech was on at christmas", "queen's speech"),
    ("she left school at sixteen and went to college", "went to college"),
])
def test_kind_words_stay(anon: Anonymiser, text: str, kept: str) -> None:
    assert kept in redact(anon, [text], True)


_WORDS = st.sampled_from(["sir", "john", "'s", "st", "high", "school", "the", "sixth", "grammar", "to", "at",
                          "road", "church", "queen", "catholic", "run", "college", "bishop", "of"])


@fuzz_settings(40)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.integers(0, 11))
def test_every_span_holds_the_name_and_slices_to_words(words: list[str], at: int) -> None:
    text = " ".join(words).replace(" 's", "'s")
    matches = [m for m in re.finditer(r"[a-z]+", text)]
    m = matches[at % len(matches)]
    found = [Candidate(m.start(), m.end(), "person", "rules", 0.75, "a name")]
    for c in named_after(text, found):
        assert c.start <= m.start() and m.end() <= c.end and c.reason == REASON
        said = text[c.start:c.end]
        assert said == said.strip() and re.match(r"\w", said) and re.search(r"\w$", said)
