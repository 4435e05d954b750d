"""A register alias written as an honorific and the row's own surname ("Dr Nance" of "NANCE, Elowen") is the
surname: it must not take the familiar forms of a given name that happens to be spelt the same."""
from __future__ import annotations

import pytest

from cmo_coder.anonymise.register import person_variants, said_as_surname
from cmo_coder.model.key import KeyEntry, ParticipantKey


@pytest.mark.parametrize(("alias", "full_name", "expected"), [
    ("Dr Nance", "NANCE, Elowen", True),
    ("Dr. Nance", "Elowen Nance", True),
    ("Mrs Ho", "Wai Ling Ho", True),
    ("dr nance", "Nance, Elowen", True),
    ("Dr Sarah", "Sarah Jones", False),  # a given name after the title keeps its forms
    ("Miss Elowen", "NANCE, Elowen", False),
    ("Nance", "NANCE, Elowen", False),  # no title: the word alone may be how friends say her name
    ("Dr Nance", "Nance", False),  # one name: it may be a given name
    ("Auntie Nance", "Elowen Nance", False),
])
def test_an_honorific_and_the_rows_surname_is_the_surname(alias: str, full_name: str, expected: bool) -> None:
    assert said_as_surname(alias, full_name) is expected


def test_the_surname_takes_no_given_names_nicknames() -> None:
    as_given = {v.lower() for v in person_variants("Dr Nance")}
    as_surname = {v.lower() for v in person_variants("Dr Nance", surname=True)}
    assert {"naz", "nazza"} <= as_given  # the nickname list's forms of the given name Nance
    assert not {"naz", "nazza"} & as_surname
    assert {"dr nance", "nance"} <= as_surname  # the surname itself still goes
    assert "sally" in {v.lower() for v in person_variants("Dr Sarah")}


def test_a_key_alias_of_title_and_surname_is_read_as_the_surname() -> None:
    from cmo_coder.anonymise.register import from_key

    key = ParticipantKey(entries=[KeyEntry(label="S01", name="Elowen Nance", aliases=["Dr Nance"], role="staff")])
    forms = {v.lower() for item in from_key(key) for v in item.variants}
    assert {"elowen nance", "dr nance", "nance"} <= forms
    assert not {"naz", "nazza"} & forms


def test_a_register_line_of_title_and_surname_is_read_as_the_surname(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.anonymise.register import load_register_csv

    path = tmp_path / "register.csv"
    path.write_text('surface,category,placeholder,aliases\n"NANCE, Elowen",GP,,Dr Nance\n', encoding="utf-8")
    (item,) = load_register_csv(path)
    forms = {v.lower() for v in item.variants}
    assert item.category == "person" and {"dr nance", "nance", "elowen"} <= forms
    assert not {"naz", "nazza"} & forms
