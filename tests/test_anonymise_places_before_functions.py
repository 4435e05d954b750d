"""A place's word before a public service said by what it does: "i rang calderbrook social services".

"Social Services" said alone is public (every council has one) and is kept; the word before it that is no opener
is how the local body is placed. In captions "calderbrook social services" was kept whole, the place with it.
A word no dictionary holds, no acronym and no listed public name, right before such a phrase, now goes as a
place. The first case is the leak found on merge; the rest were written before the rule and never tuned on.
"""

from __future__ import annotations

import pytest
from anon_support import assert_removed

from cmo_coder.anonymise.layers.public_functions import places_before_functions
from cmo_coder.anonymise.pipeline import Anonymiser

GOES = [
    ("I rang Calderbrook Social Services about it.", "Calderbrook"),
    # held back
    ("Then Marrowick Adult Social Care came out to see him.", "Marrowick"),
    ("We got a letter from Kestleford Environmental Health.", "Kestleford"),
    ("She was passed to Dunhallow Community Mental Health Team.", "Dunhallow"),
    ("Pelsbury Children's Services were involved by then.", "Pelsbury"),
]

STAYS = [
    "i rang the new social services team",
    "our weekend care team came out",
    "the camhs crisis team rang back",
    "the MHST Mental Health Team came into school",
    "the barnardos family support service helped",
    "the nhs mental health team",
    "i rang tesco customer services",
    "she went to social services",
]


@pytest.mark.parametrize(("text", "place"), GOES)
def test_the_place_before_the_service_goes_in_both_casings(anon: Anonymiser, text: str, place: str) -> None:
    assert_removed(anon, text, place)


@pytest.mark.parametrize("text", STAYS)
def test_no_place_is_read_before_a_service_without_one(text: str) -> None:
    assert places_before_functions(text) == []


def test_the_span_slices_to_the_place_word() -> None:
    text = "so i rang calderbrook social services"
    assert [text[s:e] for s, e in places_before_functions(text)] == ["calderbrook"]
