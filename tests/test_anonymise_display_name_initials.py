"""A meeting's display name carries its account's organisation in brackets, often as initials in mixed case or
beside a word ("SZYMANSKI, Piotr (NLaG)", "WRAY, Janice (Works OH)"). Only one word in three capitals or more was
read as an organisation; the rest were registered as the person's nickname, so "works" and "oh" became forms of
her name: every "oh" said (an "oh one seven..." phone number given "[name removed]", "Oh, I don't go") and "the
works" went as her name. A nickname written in brackets ("(PJ)", "(Tosh)", "(DeeDee)") is still one."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.register import person_variants, written_nicknames


@pytest.mark.parametrize("name", [
    "WRAY, Janice (Works OH)", "SZYMANSKI, Piotr (NLaG)", "Lowe, Sara (RDaSH)", "KHAN, Imran (Estates FM)",
    "Bevan, Carys (BCUHB Wrexham)", "Ellis, Mark (OH Physio)",
])
def test_an_organisations_initials_in_brackets_are_no_nickname(name: str) -> None:
    bare, nicknames = written_nicknames(name)
    assert nicknames == []
    forms = {v.lower() for v in person_variants(name)}
    assert not forms & {"works", "oh", "nlag", "rdash", "estates", "fm", "bcuhb", "wrexham", "physio"}


@pytest.mark.parametrize(("name", "nickname"), [
    ("Priya (PJ) Jones", "PJ"), ("Thomas (Tosh) Brown", "Tosh"), ("Deirdre (DeeDee) Walsh", "DeeDee"),
    ("McAllister, Robert (Bob)", "Bob"),
])
def test_a_nickname_in_brackets_is_still_a_name(name: str, nickname: str) -> None:
    assert written_nicknames(name)[1] == [nickname]
