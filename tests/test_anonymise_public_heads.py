"""A facility's head after a kept public name ("the Mind Cymru group") is the body's own group, not a place named
before its head: the public name stays whole; a named local group no public name holds still goes."""

from __future__ import annotations

import pytest
from anon_support import caption

from cmo_coder.anonymise.layers.public_heads import public_then_head
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text


@pytest.mark.parametrize(("text", "body"), [
    ("She goes to the Mind Cymru group on a Tuesday and loves it.", "Mind Cymru"),
    ("He started at the Mencap Cymru group after Christmas.", "Mencap Cymru"),
])
def test_a_public_bodys_group_keeps_the_body_whole(anon: Anonymiser, text: str, body: str) -> None:
    assert body in redact_text(anon, text, open_items=True)
    assert caption(body) in redact_text(anon, caption(text), open_items=True)


def test_a_named_local_group_still_goes(anon: Anonymiser) -> None:
    out = redact_text(anon, "She goes to the Thornbury Lane group on a Tuesday and loves it.", open_items=True)
    assert "Thornbury" not in out, out


def test_only_a_head_reading_closing_a_public_name_yields() -> None:
    text = "the Mind Cymru group on Tuesday"
    reason = "org named before its head"
    assert public_then_head(9, 20, reason, [(4, 14)], text)
    assert not public_then_head(9, 20, "statistical NER ORG", [(4, 14)], text)  # another layer's reading
    assert not public_then_head(4, 20, reason, [(4, 14)], text)  # the name begins with the public name
    assert not public_then_head(9, 20, reason, [], text)
    assert not public_then_head(9, 31, reason, [(4, 14)], text)  # more than a head after the public name
