"""A registered surname heard in captions as everyday words that spell it only loosely (``register_near``'s
loose tier, :data:`LOOSE_SIMILARITY`): an undecided item, never removed unseen and never kept unseen.

"more holland" for Mulholland, "mega livery" for McGillivray: about two letters in three kept, sound keys
apart. Cased text is never read this way, and everyday runs far from every registered name stay. Every name
here is invented; caption sentences are long enough (20 letters) to be read as captions.
"""

from __future__ import annotations

import pytest
from anon_support import proposals, verdict
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.register_near import LOOSE_SIMILARITY, NearIndex
from cmo_coder.anonymise.layers.state import candidates
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey
from tests.fuzzing import fuzz_settings
from tests.test_anonymise_register_near import _anon

PEOPLE = ["Aoife Mulholland", "Femi Oyelaran", "Isla McGillivray", "Rory Buchanan", "Nia Dewhurst"]
HEARD = "a registered name heard as several words"


@pytest.fixture(scope="module")
def anon():  # type: ignore[no-untyped-def]
    return _anon(PEOPLE)


def _heard(anon, text: str) -> list:  # type: ignore[no-untyped-def]
    doc = anon[0].docs([text])[0]
    return [c for c in candidates(doc) if c.reason.startswith(HEARD)]


@pytest.mark.parametrize(("text", "target", "expect"), [
    ("and then more holland came round to see me", "more holland", {"review", "removed"}),  # Mulholland, 76
    ("we saw mega livery at the clinic on the monday", "mega livery", {"review"}),        # McGillivray, 67
    ("well bout canon said he would ring me back later", "bout canon", {"review"}),       # Buchanan, 71
    ("i think due worst was on shift that night", "due worst", {"review"}),               # Dewhurst, 75
])
def test_a_name_heard_loosely_is_never_left_unseen(anon, text: str, target: str, expect: set[str]) -> None:
    """An undecided item of its own, or removed where another layer reads a place or name in it too."""
    assert verdict(anon, text, target) in expect
    over = _heard(anon, text)
    assert over and all(c.per_occurrence for c in over)


@pytest.mark.parametrize("text", [
    "and then more holland came round to see me",
    "we saw mega livery at the clinic on the monday",
])
def test_the_same_words_in_cased_text_are_not_read_as_a_name(anon, text: str) -> None:
    cased = text[0].upper() + text[1:] + ". Then Mum Rang And Said So."  # capitals: a cased turn
    assert not _heard(anon, cased)


@pytest.mark.parametrize("text", [
    "we went to the shop and bought some milk and bread",
    "she said the appointment was on the tuesday morning",
    "i had to wait ages for the bus in the rain",
    "they gave me a leaflet about the group and that",
])
def test_everyday_runs_far_from_every_name_stay(anon, text: str) -> None:
    assert not _heard(anon, text)
    assert not [p for p in proposals(anon, text) if HEARD in p.reason]


def test_the_loose_look_up() -> None:
    index = NearIndex(build_register(ParticipantKey(entries=[
        KeyEntry(label="P1", name="Aoife Mulholland", role="service_user", site="A")]), [], set()).items)
    anywhere = lambda _item: True  # noqa: E731
    assert index.heard_as("moreholland", anywhere) is None       # the sound tiers do not reach it
    found = index.heard_loosely("moreholland", anywhere)
    assert found is not None and found[0] >= LOOSE_SIMILARITY and found[1].label == "P1"
    assert index.heard_loosely("shopandmilk", anywhere) is None  # another first letter
    assert index.heard_loosely("mole", anywhere) is None          # too short to be a long name heard


_WORDS = st.sampled_from(["more", "hole", "and", "mega", "livery", "bout", "canon", "due", "worst", "the", "shop",
                          "i", "was", "on", "shift", "mull", "holland", "buchan", "an"])


@fuzz_settings(40)
@given(words=st.lists(_WORDS, min_size=5, max_size=12))
def test_a_loose_reading_is_never_sure_and_slices_to_whole_words(anon, words: list[str]) -> None:
    text = " ".join(["so", "then", *words, "came", "round"])
    for c in _heard(anon, text):
        surface = text[c.start:c.end]
        assert surface == surface.strip() and surface
        assert (c.start == 0 or text[c.start - 1] == " ") and (c.end == len(text) or text[c.end] == " ")
        if c.score < 0.8:
            assert c.per_occurrence
