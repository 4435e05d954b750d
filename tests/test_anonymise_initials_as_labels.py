"""A participant's initials written in the manifest so a transcriber's turn labels find them ("GP", "OT", "PC")
can be a word the allow-list keeps (a GP, an OT, a PC): the register refused the whole anonymisation as "both
redacted and kept", and a scoped alias ("GP@file") was refused the same. Initials label turns; nobody is spoken
of by them, so they map speakers and are not searched for in the text. A name the allow-list holds is still
refused: that is a real contradiction a team must settle."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.register import build_register
from cmo_coder.errors import ValidationFailed
from cmo_coder.model.key import KeyEntry, ParticipantKey


def _key(*aliases: str) -> ParticipantKey:
    return ParticipantKey(entries=[KeyEntry(label="TEL-S03", name="Gethin Pryce", aliases=["Gethin", *aliases],
                                            role="staff", site="Telford")])


@pytest.mark.parametrize("alias", ["GP", "GP@Interview with the link worker", "OT", "PC"])
def test_initials_that_are_a_kept_word_map_speakers_and_are_not_searched(alias: str) -> None:
    register = build_register(_key(alias), [], {"gp", "ot", "pc", "nhs"})
    surfaces = {i.surface for i in register.items}
    assert "Gethin" in surfaces and "Gethin Pryce" in surfaces
    assert not surfaces & {"GP", "OT", "PC"}


def test_a_kept_word_written_as_a_name_is_still_refused() -> None:
    with pytest.raises(ValidationFailed):
        build_register(_key("Sunny"), [], {"sunny"})


def test_initials_the_allow_list_does_not_hold_are_still_searched() -> None:
    register = build_register(_key("GJ"), [], {"gp"})
    assert "GJ" in {i.surface for i in register.items}


def test_review_and_leakcheck_which_pass_no_allow_list_do_not_search_for_them() -> None:
    """Review's and leakcheck's search for registered forms builds the register with no allow-list: "GP" was
    still found as the link worker's name in every file ("my GP, Dr Fairburn") and went with ``--accept-all``."""
    register = build_register(_key("GP"), [], set())
    assert "GP" not in {i.surface for i in register.items}
