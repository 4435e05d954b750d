"""Held-out cases for registered names heard as other words (``layers/register_heard.py``).

Written before the rules and read only after them, to report how the rules do on cases they were not made on.
Each case cased and as captions. Every name here is invented.
"""

from __future__ import annotations

import pytest
from anon_support import WANTED, as_captions, verdict

from tests.test_anonymise_register_heard import heard_anon

CASES = [
    ("I saw Doctor Fairy Weather on Tuesday.", "Fairy Weather", "review_or_remove"),   # Fairweather
    ("My sister Rhi An On came round.", "Rhi An On", "review_or_remove"),               # Rhiannon
    ("Mrs Quen Elle said it was fine.", "Quen Elle", "review_or_remove"),               # Quennell
    ("okay thankskatie that was everything", "thankskatie", "review_or_remove"),        # Katie run in
    ("Her son Oluwa Shay Un was there.", "Oluwa Shay Un", "review_or_remove"),          # Oluwaseun
    ("A lad called Peer Tech rang.", "Peer Tech", "review_or_remove"),                  # Pertek
    ("The doctor said the weather was fair.", "weather", "keep"),
    ("My brother works at the depot now.", "works at the depot", "keep"),
    ("The nurse was pure brilliant with us.", "pure brilliant", "keep"),
    ("She was called back in on the Monday.", "back in", "keep"),
]


@pytest.mark.parametrize("caption", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("text", "target", "expect"), CASES)
def test_held_out(text: str, target: str, expect: str, caption: bool) -> None:
    if caption:
        text, target = as_captions(text), as_captions(target)
    assert verdict(heard_anon(), text, target) in WANTED[expect]
