"""A name before the word that closes a request, a call or a message ("ring gemma asap", "thanks gemma bye",
"that's dawn ok"): the name goes and the closing word stays, cased and as captions (issue 13, words eaten beside a
name). Invented cases; every proposal slices to its words."""

from __future__ import annotations

import re

import pytest
from anon_support import caption, redact_turns

from cmo_coder.anonymise.pipeline import Anonymiser

_BEFORE = "Yeah we had a long chat about the group and the forms and all that on the Monday."


def out_of(anon: Anonymiser, turn: str, lower: bool) -> str:
    return redact_turns(anon, [_BEFORE, turn], lower).split("\n", 1)[1]


def said(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w-])", out) is not None


CASES = [
    ("Can you send it to Kerry ASAP, the form's due.", ["Kerry"], "ASAP"),
    ("Ring Gemma asap about the form.", ["Gemma"], "asap"),
    ("Thanks Gemma, bye.", ["Gemma"], "bye"),
    ("Ask Kerry tbh, she knows.", ["Kerry"], "tbh"),
    ("Can you ring Gemma Okafor asap about it.", ["Gemma", "Okafor"], "asap"),
    ("Tell Shannon brb.", ["Shannon"], "brb"),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("turn", "names", "closing"), CASES)
def test_the_name_goes_and_the_closing_word_stays(anon: Anonymiser, turn: str, names: list[str], closing: str,
                                                  lower: bool) -> None:
    out = out_of(anon, turn, lower)
    for name in names:
        assert not said(out, name), out
    assert said(out, closing), out


def test_a_word_name_before_ok_still_goes_in_captions(anon: Anonymiser) -> None:
    """ "that's dawn ok": the pair was removed together; now the name alone goes, "ok" stays."""
    out = out_of(anon, "right that's dawn ok", True)
    assert not said(out, "dawn") and said(out, "ok"), out


def test_spans_slice_to_the_name(anon: Anonymiser) -> None:
    text = caption("Ring Gemma asap about the form, and thanks Kerry bye.")
    groups, _, _ = anon.find(text, [(0, len(text))], caseless=True)
    for g in groups:
        for c in g:
            assert text[c.start:c.end].strip() == text[c.start:c.end]
            assert "asap" not in text[c.start:c.end] and "bye" not in text[c.start:c.end]
