"""A public word's plural possessive before a private place's head (issue 13, a leak the twenty-fourth study's
held-out sentences found): "from the Smiths' yard" became "from the Smiths[workplace name]", since "Smiths" is a
public name (a band) and the allow-list cut it off the workplace, leaving a span that began at the apostrophe.
Every family, yard and person here is invented."""

from __future__ import annotations

import pytest
from anon_support import said_count

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text


@pytest.mark.parametrize("text", [
    "Mercy from the Smiths' yard had her screening in the van.",
    "We stopped on the Smiths' yard for a year before the council site.",
])
def test_the_owners_name_goes_with_the_place(plain: Anonymiser, text: str) -> None:
    out = redact_text(plain, text, open_items=True)
    assert not said_count("Smiths", out), out
    assert "[" in out and "]" in out
    assert "' " not in out.split("[")[1], out  # no span opens at the apostrophe


@pytest.mark.parametrize(("text", "kept"), [
    ("He worked at Tesco's warehouse for a year.", "Tesco"),  # a public firm's own warehouse
    ("We went to the Beatles' museum on the dock.", "Beatles"),
])
def test_a_public_owners_own_place_stays(plain: Anonymiser, text: str, kept: str) -> None:
    assert said_count(kept, redact_text(plain, text, open_items=True))
