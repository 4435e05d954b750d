"""A name set off by commas after a word for a person, then "she" or "he", is a person whatever the model reads:
the seventeenth study's "The Stroke Association lady, Anji, she gave me the leaflet" was read as a county of China
and removed as "[city name]" (:mod:`cmo_coder.anonymise.apposed_people`)."""
from __future__ import annotations

import pytest

from cmo_coder.anonymise.apposed_people import candidates
from cmo_coder.anonymise.pipeline import Anonymiser

READ = [
    ("The Stroke Association lady, Anji, she gave me the leaflet.", "Anji"),
    ("We had a nurse, Dawn, she came every morning.", "Dawn"),
    ("That fella, Kaz, he sorted the bus pass out.", "Kaz"),
    ("The midwife, June, she was brilliant.", "June"),  # a month that is a given name is the person here
]

NOT_READ = [
    ("The lady, she gave me the leaflet.", None),  # no name between the commas
    ("The lady, honestly, she was lovely.", "honestly"),  # no capital
    ("the lady, anji, she gave me the leaflet", "anji"),  # captions: no commas to trust
    ("I saw the lady, Tuesday, she said no.", "Tuesday"),
]


def _people(text: str, caseless: bool = False) -> list[str]:
    return [text[c.start:c.end] for c in candidates(text, (0, len(text)), [], caseless)]


@pytest.mark.parametrize(("text", "name"), READ)
def test_the_name_between_commas_is_a_person(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(("text", "word"), NOT_READ)
def test_no_name_or_no_capital_is_no_reading(text: str, word: str | None) -> None:
    caseless = text == text.lower()
    assert word not in _people(text, caseless)


HELD_BACK = [  # written before the frame was run
    ("The physio, Precious, she had me walking in a week.", "Precious", True),
    ("That support worker, Gaz, he's the only one who rings back.", "Gaz", True),
    ("The lady, Mrs, she said.", "Mrs", False),
]


def test_the_held_back_cases() -> None:
    right = [(name in _people(text)) is read for text, name, read in HELD_BACK]
    assert all(right), [c for c, ok in zip(HELD_BACK, right, strict=True) if not ok]


def test_the_person_gets_a_persons_placeholder(anon: Anonymiser) -> None:
    text = "The Stroke Association lady, Anji, she gave me the leaflet. Carers UK do the online bit."
    groups, _, _ = anon.find(text, [(0, len(text))], turns=[(0, len(text))])
    at = text.index("Anji")
    covering = [c for g in groups for c in g if c.start <= at < c.end]
    assert covering and any(c.category == "person" for c in covering)
