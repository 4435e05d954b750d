"""The eighteenth study's findings, each as a rule of its own (``tests/data/eighteenth_study``): community mental
health, COPD and pulmonary rehabilitation, a drug and alcohol service, a foodbank and a carers' group in Aberdeen
and Aberdeenshire and in Norfolk and Norwich.

The held-back cases were written before each rule and never tuned on: they say whether a rule generalises."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.register import category_of


@pytest.mark.parametrize(("written", "kind"), [
    ("keyworker", "person"),  # a drug and alcohol service's word for a client's worker, written as one word
    # held back
    ("caseworker", "person"), ("stepdaughter", "person"), ("godmother", "person"), ("girlfriend", "person"),
    ("Stepbrother", "person"),
])
def test_a_kind_written_as_one_word_with_its_qualifier_is_read_by_its_last_part(written: str, kind: str) -> None:
    assert category_of(written) == kind


@pytest.mark.parametrize("written", ["reason", "sonnet", "keyworkers", "workerbee", "flotsam"])
def test_a_word_that_only_ends_in_letters_of_a_kind_is_still_refused(written: str) -> None:
    assert category_of(written) == written
