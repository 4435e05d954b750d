"""A listed town whose name holds a possessive: "Bishop's Castle", "Bishop's Stortford".

The tokeniser splits the "'s" off the word the place list writes it with, so the listed-places layer never matched
these names; "Bishop" went as an organisation and, in captions, "stortford" was left. Said after "the" or an
owner ("the bishop's castle") it is whose castle, not a town.
"""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed

from cmo_coder.anonymise.pipeline import Anonymiser


@pytest.mark.parametrize(("text", "town"), [
    ("She lives out in Bishop's Castle now.", "Castle"),
    ("She lives out in Bishop's Stortford now.", "Stortford"),
    ("He stayed at Bishop's Waltham with his sister.", "Waltham"),
])
def test_the_whole_town_goes_in_both_casings(anon: Anonymiser, text: str, town: str) -> None:
    assert_removed(anon, text, town)


def test_whose_castle_is_no_town(anon: Anonymiser) -> None:
    assert_kept(anon, "The bishop's castle was lovely on the tour.", "castle")
