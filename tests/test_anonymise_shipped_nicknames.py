"""The familiar forms a registered name is matched by are given names wherever said (issue 13, a leak the
twenty-fourth study found): "and mikey and a polish lad" in captions kept "mikey", unregistered, though
``data/nicknames.csv`` gives it as Michael's and "mike" went. Every person here is invented."""

from __future__ import annotations

import pytest
from anon_support import said_count

from cmo_coder.anonymise.layers.words import given_names, name_lexicon, shipped_nicknames
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text


def test_the_shipped_forms_are_read() -> None:
    assert {"michael", "mike", "mikey"} <= shipped_nicknames()


def test_a_shipped_form_no_word_holds_is_a_given_name() -> None:
    assert "mikey" in name_lexicon("first") and "mikey" in given_names()


def test_a_shipped_form_that_is_a_word_is_not() -> None:
    """"Pat" and "Sue" are listed forms and words: the lexicon leaves them to the cues."""
    assert "pat" not in given_names() and "sue" not in given_names()


@pytest.mark.parametrize(("text", "name"), [
    ("mostly men um there's the lads by the station and mikey and a polish lad who sleeps in the car park", "mikey"),
    ("me and mikey went down the shop after", "mikey"),
    ("we had a brew with dougie after the clinic", "dougie"),
])
def test_a_familiar_form_in_captions_goes(plain: Anonymiser, text: str, name: str) -> None:
    out = redact_text(plain, text, open_items=True)
    assert not said_count(name, out), out
