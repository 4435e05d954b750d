"""The twenty-second study's findings, each as a rule of its own (``tests/data/twenty_second_study``): diabetes and
kidney care in South Asian families, young carers, island maternity, video consultations and a pharmacy minor
ailments service, in the Black Country, Coventry, Orkney and Shetland (invented)."""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.model import Role


@pytest.mark.parametrize(("written", "role"), [
    ("young carer", Role.carer), ("Young Carer", Role.carer), ("young-carer", Role.carer),
    # held back: written before the rule
    ("unpaid carer", Role.carer), ("kinship carer", Role.carer), ("parent carer", Role.carer),
    ("renal patient", Role.service_user), ("lead interviewer", Role.facilitator),
    ("community interpreter", Role.facilitator),
])
def test_a_kind_of_carer_or_patient_is_that_role(written: str, role: Role) -> None:
    """The study's manifest wrote "young carer" in its role column; the import refused the whole manifest."""
    assert Role.parse(written) is role
    assert Role.parse(written, job_titles=False) is role


@pytest.mark.parametrize("written", ["carer's friend", "friend of the carer", "young person", "patient of the practice",
                                     "a very young unpaid carer"])
def test_a_phrase_whose_head_is_no_role_is_still_refused(written: str) -> None:
    with pytest.raises(ValueError, match="unknown role"):
        Role.parse(written, job_titles=False)


@pytest.mark.parametrize(("text", "name"), [
    ("Is that the family on the corner, in Whitmore Reans? He's my neighbour's lad.", "Whitmore Reans"),
    # held back: written before the rule
    ("She was brought up in Kilbarchan Ardgowan before the move.", "Kilbarchan Ardgowan"),
    ("He goes to the club at Pendeford Brockhurst every Friday.", "Pendeford Brockhurst"),
    ("They moved out to Tullochgorm Achnashie when the bairn came.", "Tullochgorm Achnashie"),
])
def test_a_place_of_two_words_no_dictionary_holds_goes_whole(anon: Anonymiser, text: str, name: str) -> None:
    """The study's "Whitmore Reans" lost its first word and kept "Reans": the slot took one word."""
    assert_removed(anon, text, name)


@pytest.mark.parametrize(("text", "word"), [
    ("We went to Stourbridge yesterday morning with the kids.", "yesterday"),
    ("I moved to Kirkwall Sunday last, after the wedding.", "Sunday"),
    ("She was in Ardgowan Tuesday and Wednesday for the clinic.", "Tuesday"),
])
def test_the_word_after_such_a_place_stays_when_a_dictionary_holds_it(anon: Anonymiser, text: str, word: str) -> None:
    assert_kept(anon, text, word)
