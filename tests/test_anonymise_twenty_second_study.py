"""The twenty-second study's findings, each as a rule of its own (``tests/data/twenty_second_study``): diabetes and
kidney care in South Asian families, young carers, island maternity, video consultations and a pharmacy minor
ailments service, in the Black Country, Coventry, Orkney and Shetland (invented)."""

from __future__ import annotations

import pytest

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
