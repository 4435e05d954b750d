"""A country said as where someone's family came from goes by one rule in every form of the migration ("came over
from Jamaica" as "came from Jamaica"), while the people's name and a trip stay; and national agencies said by their
initials ("I rang the MCA") stay as the bodies they are, in both casings, while a hospital's initials still go."""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.layers.world_places import home_city_spans
from cmo_coder.anonymise.pipeline import Anonymiser

ORIGIN_GOES = [
    ("My nan came over from Jamaica in the fifties.", "Jamaica"),
    ("Her family came here from Somalia when she was six.", "Somalia"),
    ("They fled from Syria with nothing but the clothes they had on.", "Syria"),
    ("Her dad's from Ghana originally.", "Ghana"),
    ("Her family are from Somalia and she came over when she was six.", "Somalia"),
]


@pytest.mark.parametrize(("text", "country"), ORIGIN_GOES, ids=[t[:28] for t, _ in ORIGIN_GOES])
def test_a_country_of_origin_goes_in_every_form(anon: Anonymiser, text: str, country: str) -> None:
    for out in redacted_both(anon, text):
        assert country.lower() not in out.lower(), out


def test_came_over_from_is_read_as_an_origin() -> None:
    text = "My nan came over from Jamaica in the fifties."
    s = text.index("Jamaica")
    assert (s, s + len("Jamaica"), "place") in home_city_spans(text)


STAYS = [
    ("We went to Jamaica on holiday for my fortieth.", "Jamaica"),
    ("There's a big Somali community round here, and the Yemeni lads run the shop.", "Somali"),
    ("Her mum's Nigerian, and she cooks the best jollof.", "Nigerian"),
    ("The parcel came over from Germany in two days.", "Germany"),
    ("We came from Somalia through Yemen in 2016.", "Yemen"),
]


@pytest.mark.parametrize(("text", "word"), STAYS, ids=[t[:28] for t, _ in STAYS])
def test_a_people_a_trip_and_a_transit_stay(anon: Anonymiser, text: str, word: str) -> None:
    for out in redacted_both(anon, text):
        assert word.lower() in out.lower(), out


@pytest.mark.parametrize(("text", "body"), [
    ("I rang the MCA and they put me through to the coastguard.", "MCA"),
    ("The Maritime and Coastguard Agency sent someone out.", "Maritime and Coastguard Agency"),
    ("I had a letter from the VOA about the council tax band.", "VOA"),
    ("The CAA grounded the little plane he flew.", "CAA"),
    ("The Rural Payments Agency still hadn't paid the farm.", "Rural Payments Agency"),
])
def test_a_national_agency_by_its_initials_stays(anon: Anonymiser, text: str, body: str) -> None:
    for out in redacted_both(anon, text):
        assert body.lower() in out.lower(), out


@pytest.mark.parametrize(("text", "initials"), [
    ("I was at the RVI for three weeks after the operation.", "RVI"),
    ("We took him to the LGI and they kept him in.", "LGI"),
])
def test_a_hospitals_initials_still_go(anon: Anonymiser, text: str, initials: str) -> None:
    for out in redacted_both(anon, text):
        assert initials.lower() not in out.lower(), out
