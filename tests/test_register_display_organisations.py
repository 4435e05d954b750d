"""A meeting's display name with the account's organisation in brackets (issue 13, the twenty-first study).

The study's Teams alias "PRICE, Lorraine (Bristol Drugs Project)" registered "Bristol Drugs Project", "Drugs" and
"Project" as names of hers: "the Scottish Drugs Forum" came out "the Scottish [name removed] Forum" in two files.
The bracket was read as a name she goes by, since no word of it was one the register knew for an organisation, and
an acronym in brackets ("(NBT)", an NHS trust's) was read so too. Cases beyond the study's were written before the
rule and not tuned on."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.register import person_variants, written_nicknames


@pytest.mark.parametrize("display", [
    "PRICE, Lorraine (Bristol Drugs Project)",  # the study's
    "Wisniewski, Tomasz (NBT)",  # the study's
    "HUGHES, Carys (Cardiff Alcohol Project)",  # held back
    "Dunn, Paul (Leeds Recovery Network)",  # held back
    "Whyte, Morag (NHSGGC)",  # held back
    "Bell, Tom (AWP)",  # held back
    "Ali, Sana (Bradford Drugs Programme)",  # held back
])
def test_an_organisation_in_brackets_is_no_name_of_the_person(display: str) -> None:
    assert written_nicknames(display)[1] == []
    variants = person_variants(display)
    organisation = display[display.index("(") + 1:-1].split()
    assert not [w for w in organisation if w in variants], variants


@pytest.mark.parametrize(("display", "nick"), [
    ("Priya (PJ) Jones", "PJ"), ("Thomas (Tommy) Reid", "Tommy"), ("Mary (Molly) Kerr", "Molly"),
    ("Reid, Thomas (Tosh)", "Tosh"),
])
def test_a_name_in_brackets_is_still_a_name_the_person_goes_by(display: str, nick: str) -> None:
    assert written_nicknames(display)[1] == [nick]
