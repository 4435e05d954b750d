"""Interjections and chat abbreviations beside a name ("Aww Shiloh", "its Patsy btw", "ask sharon omg she knows").

A peer group's chat and a phone's captions put these straight before or after a name. No name holds them, so the
name goes and the word stays: a redaction that takes "btw" or "aww" along changes the quote for nothing, and "Aww
Shiloh" read as one organisation gave the child an organisation's placeholder.
"""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.layers.name_edges import CHAT_WORDS, never_in_a_name
from cmo_coder.anonymise.layers.words import name_lexicon
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from tests.anon_support import as_captions, assert_kept, assert_removed, both_casings

CASES = [
    # (text, the name that goes, the chat word that stays)
    ("Its Patsy btw from the yard, saved your number", "Patsy", "btw"),
    ("Thanks Dave tbh it was fine in the end", "Dave", "tbh"),
    ("Ask Sharon omg she knows everyone there", "Sharon", "omg"),
    ("Aww Shiloh they've got so big now", "Shiloh", "Aww"),
    ("Lol Patsy you're mad for that", "Patsy", "Lol"),
]


@pytest.mark.parametrize(("text", "name", "word"), CASES)
def test_the_name_goes_and_the_chat_word_stays(anon: Anonymiser, text: str, name: str, word: str) -> None:
    assert_removed(anon, text, name)
    assert_kept(anon, text, word)


def test_a_name_beside_a_chat_word_takes_a_persons_placeholder(anon: Anonymiser) -> None:
    for _, variant in both_casings("Aww Shiloh they've got so big now"):
        out = redact_text(anon, variant, open_items=True)
        assert "[organisation name]" not in out, out


@pytest.mark.parametrize("text", ["lol that was so funny", "omg I know right", "tbh it was fine", "aww bless him"])
def test_chat_words_alone_stay(anon: Anonymiser, text: str) -> None:
    for _, variant in both_casings(text):
        assert redact_text(anon, variant, open_items=True) == variant


def test_no_chat_word_is_a_name_people_bear() -> None:
    """A word a name list holds is never listed: it could be someone's name beside another."""
    assert not CHAT_WORDS & name_lexicon("all")
    assert all(never_in_a_name(w) and never_in_a_name(w.upper(), cased=True) for w in CHAT_WORDS)


def test_offsets_slice_to_their_text(anon: Anonymiser) -> None:
    from cmo_coder.model import Transcript
    from cmo_coder.model.transcript import Turn

    for text, _, _ in CASES:
        for variant in (text, as_captions(text)):
            t = Transcript(id="t", title="t", source_format="plain_txt", text=variant,
                           turns=[Turn(speaker="SP9", speaker_name="x", start=0, end=len(variant))],
                           source_sha256="0" * 64, normaliser_version="test")
            for p in anon.analyse(t).proposals:
                assert variant[p.start:p.end] == p.surface
