"""Given names that are also modal verbs ("will", "may") before a surname, and given names that are also words
said at a call's close or by a caller saying who they are (issue 13, classes 3–5, captions). Invented cases that
must go and that must stay, cased and as captions; every proposal slices to its words."""

from __future__ import annotations

import re

import pytest
from anon_support import caption, redact_turns

from cmo_coder.anonymise.layers.modal_names import REASON, modal_names
from cmo_coder.anonymise.pipeline import Anonymiser

_BEFORE = "Yeah we had a long chat about the group and the forms and all that on the Monday."
"""A neutral first turn: a caption file has more than one line, and the casing is read from the whole file."""


def out_of(anon: Anonymiser, turn: str, lower: bool) -> str:
    """The turn redacted (open items shown) after a neutral turn, as typed text or as captions."""
    return redact_turns(anon, [_BEFORE, turn], lower).split("\n", 1)[1]


def gone(out: str, word: str) -> bool:
    return re.search(rf"(?i)(?<![\w'’-]){re.escape(word)}(?![\w-])", out) is None


WILL_GONE = [
    ("Can Will Tyson come to the next one?", "Will"),
    ("Did Will Tyson ring you back?", "Will"),
    ("I asked if Will Tyson could come along.", "Will"),
    ("Me and Will Tyson went to the drop-in.", "Will"),
    ("I think Will Tyson rang the office.", "Will"),
    ("I told Will Baxter about the forms.", "Will"),
    ("If May Jones could ring me back that would be great.", "May"),
    ("Did May Jones ring the surgery?", "May"),
    ("I was talking to Will Ferris about it.", "Will"),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("turn", "word"), WILL_GONE)
def test_a_modal_given_name_goes_with_its_surname(anon: Anonymiser, turn: str, word: str, lower: bool) -> None:
    out = out_of(anon, turn, lower)
    assert gone(out, word), out
    surname = turn.split(word + " ", 1)[1].split()[0]
    assert gone(out, surname), out


WILL_STAYS = [
    "Will Tyson come to the meeting?",  # the modal's question: a bare verb after its subject
    "So will Baxter come or not?",
    "She will Hoover the stairs later.",
    "The nurse will Cook it for him.",
    "We will see Baxter tomorrow.",
    "You may Jones it but I won't.",
    "I think it will rain later.",
    "They said it may well be.",
    "I told Will.",  # one word: the word layers' question, not this layer's
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("turn", WILL_STAYS)
def test_the_modal_verb_stays(anon: Anonymiser, turn: str, lower: bool) -> None:
    """Nothing of this layer's (the model may still read "Will Tyson" opening a question as a name)."""
    text = caption(turn) if lower else turn
    groups, _, _ = anon.find(text, [(0, len(text))], caseless=lower)
    ours = [c for g in groups for c in g if c.reason == REASON]
    assert ours == [], [text[c.start:c.end] for c in ours]


def test_spans_slice_to_the_modal_word_and_its_surname(anon: Anonymiser) -> None:
    for turn in [caption(t) for t, _ in WILL_GONE]:
        doc = anon.docs([turn], caseless=True)[0]
        for c in modal_names(doc, []):
            said = turn[c.start:c.end]
            assert said.split()[0] in {"will", "may"} and len(said.split()) == 2, said


def test_nothing_in_a_turn_without_a_modal_word(anon: Anonymiser) -> None:
    doc = anon.docs(["me and tyson went to the drop in on monday"], caseless=True)[0]
    assert modal_names(doc, []) == []


CLOSE_GONE = [
    ("love you amber bye", "amber"),
    ("right i'll let you go then see you tuesday hope", "hope"),
    ("okay see you soon rose", "rose"),
    ("brilliant take care dawn", "dawn"),
    ("thanks for that speak soon grace bye", "grace"),
    ("thank you pearl see you soon", "pearl"),
    ("hiya it's dawn here from the surgery about your appointment", "dawn"),
    ("hello this is rose speaking", "rose"),
    ("hi it's holly here again sorry to bother you", "holly"),
]


@pytest.mark.parametrize(("turn", "word"), CLOSE_GONE)
def test_a_word_name_at_a_calls_close_or_said_by_its_caller_goes(anon: Anonymiser, turn: str, word: str) -> None:
    out = out_of(anon, turn, True)
    assert gone(out, word), out


CLOSE_STAYS = [
    ("it's dawn here now and i can't sleep", "dawn"),
    ("see you in the summer", "summer"),
    ("i hope so see you soon", "hope"),
    ("take care of yourself", "care"),
    ("love you too bye", "love"),
    ("it's hope here that keeps us going", "hope"),
    ("see you later then bye", "later"),
    ("it's summer here already", "summer"),
    ("this is grace before meals", "grace"),
]


@pytest.mark.parametrize(("turn", "word"), CLOSE_STAYS)
def test_the_word_stays_where_no_caller_or_hearer_is_named(anon: Anonymiser, turn: str, word: str) -> None:
    out = out_of(anon, turn, True)
    assert not gone(out, word), out
