"""A given name and an initial said where a person stands: "Dawn P rang me", "then mo t was the one".

A given name that is also a word ("Dawn", "Will", "Mark", "Rose") is read as a person by the frame it stands in,
and an initial after it broke every frame, so "Dawn P rang me" and "Mark T is the manager" were left whole in
both casings (a leak found while probing the rule that keeps "hep C"). The pair goes where a person's frame
holds it: what a person does after it, or a word of speaking to or of someone before it. The cases in
``GOES`` and ``STAYS`` were written before the rule (those marked held back were never tuned on).
"""

from __future__ import annotations

import pytest
from anon_support import assert_removed

from cmo_coder.anonymise.layers.short_people import short_people_spans
from cmo_coder.anonymise.pipeline import Anonymiser

GOES = [
    ("Then Mo T was the one who sorted it.", "Mo T"),
    ("Dawn P rang me about the appointment.", "Dawn P"),
    ("Mark T is the manager there now.", "Mark T"),
    ("I spoke to Will K about it.", "Will K"),
    # held back
    ("He met Sue W at the bus stop.", "Sue W"),
    ("And Rose B is lovely, she helped us.", "Rose B"),
    ("I saw Carol J in town.", "Carol J"),
    ("We'll see how Grace H gets on with it.", "Grace H"),
    ("Ask Jo C, she knows the forms.", "Jo C"),
]

WORD_NAMES = [
    # a word no name list holds, in typed text, where the pair speaks or is someone's (written after the
    # first rule, from the leak "Storm T said she'd ring" left by it)
    ("Storm T said she'd ring after lunch.", "Storm T"),
    ("Sky B was my nurse on the ward.", "Sky B"),
]

STAYS = [
    ("I got plan B sorted in the end.", "plan B"),
    ("The vitamin D was low again.", "vitamin D"),
    ("We were on ward B for a week.", "ward B"),
    # held back
    ("It's on page B of the form.", "page B"),
    ("Will A levels count for the course?", "Will A"),
    ("He read everything about Malcolm X at college.", "Malcolm X"),
    ("In May B block opened for day patients.", "May B"),
    ("She got a mark B on her essay.", "mark B"),
    ("Block C was my favourite place to wait.", "Block C"),
    ("Plan B was my idea, to be fair.", "Plan B"),
    ("Vitamin D is my worry in winter.", "Vitamin D"),
]


@pytest.mark.parametrize(("text", "name"), GOES)
def test_a_given_name_and_its_initial_go_in_both_casings(anon: Anonymiser, text: str, name: str) -> None:
    assert_removed(anon, text, name)


@pytest.mark.parametrize(("text", "name"), WORD_NAMES)
def test_a_word_name_and_its_initial_go_in_typed_text(anon: Anonymiser, text: str, name: str) -> None:
    assert_removed(anon, text, name, captions=False)


@pytest.mark.parametrize(("text", "kept"), STAYS)
def test_a_thing_named_by_a_letter_is_no_name_and_initial(text: str, kept: str) -> None:
    for caseless, variant in ((False, text), (True, text.lower())):
        start = variant.lower().index(kept.lower())
        spans = short_people_spans(variant, caseless)
        assert not any(s <= start < e for s, e, _ in spans), (variant, spans)


def test_the_span_slices_to_the_name_and_its_initial() -> None:
    text = "and then dawn p rang me"
    spans = short_people_spans(text, True)
    assert [text[s:e] for s, e, _ in spans] == ["dawn p"]
