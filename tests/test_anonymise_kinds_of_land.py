"""Kinds of place on the land, by the water and round a village ("out to the croft", "down the towpath", "up on the
moor") are nouns of a kind in captions, neither a name heard as words nor an organisation; a name said in
that slot ("in at the juniper", "the tree lisk") is still proposed, and a street named by a noun that ends as an
adjective does ("Canal Street", "Cathedral Road") is read as a street where someone lives on it, in both casings."""

from __future__ import annotations

import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.layers.place_frames import LAND_KINDS, rare_spans
from cmo_coder.anonymise.layers.streets import street_namable
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

KINDS = [
    "We walked out to the croft and back before tea.",
    "He'd be up on the moor with the dogs all day.",
    "We used to cycle down the towpath to get to school.",
    "He'd walk the dog out on the fell every morning.",
    "My grandad worked at the colliery till it shut.",
    "She keeps the hens down at the allotment.",
    "We'd sit on the jetty and watch the boats come in.",
]


@pytest.mark.parametrize("text", KINDS, ids=[t[:28] for t in KINDS])
def test_a_kind_of_place_stays_in_both_casings(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "[" not in out, out


def test_the_kinds_are_no_name_in_the_rare_word_frame() -> None:
    for word in ("croft", "byre", "bothy", "tarn", "towpath", "colliery"):
        assert word in LAND_KINDS
        assert rare_spans(f"we walked out to the {word} and back") == []


@pytest.mark.parametrize(("text", "name"), [
    ("She was in at the juniper for a week after the fall.", "juniper"),
    ("They took her to the tree lisk and kept her in.", "tree lisk"),
])
def test_a_name_heard_as_words_is_still_proposed(anon: Anonymiser, text: str, name: str) -> None:
    out = redact_text(anon, caption(text), open_items=True)
    assert name not in out, out


def test_names_a_home_or_a_pub_often_takes_are_not_kinds() -> None:
    assert not {"mill", "forge", "lighthouse", "harbour", "juniper", "vicarage", "manse", "rectory"} & LAND_KINDS


def test_a_care_home_called_after_an_old_church_house_still_goes_in_captions(anon: Anonymiser) -> None:
    out = redact_text(anon, caption("Dad's at the vicarage now, the care home, and he's settled."), open_items=True)
    assert "vicarage" not in out, out


@pytest.mark.parametrize("text", [
    "We lived on Canal Street for three years above the shop.",
    "He's got a flat on Canal Street now, near the station.",
    "She grew up on Cathedral Road, right by the school.",
])
def test_a_street_named_by_a_noun_ending_as_an_adjective_goes(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "canal" not in out.lower() and "cathedral" not in out.lower(), out


def test_canal_street_said_as_the_scene_still_stays(anon: Anonymiser) -> None:
    text = "We used to go out on Canal Street on a Friday night, the bars were packed."
    for out in redacted_both(anon, text):
        assert "canal street" in out.lower(), out


def test_street_nouns_and_adjectives() -> None:
    assert street_namable("canal") and street_namable("cathedral") and street_namable("olive")
    assert not street_namable("central") and not street_namable("winding") and not street_namable("massive")
