"""A hospital called by one word after a patient's way into or out of it ("transferred to the Christie").

The nineteenth study left "the mater" and "the Ulster"; these held-back cases, written before any rule, ask
whether the shape is left in general. It is not: every hospital of the list goes in both casings and every kind
of ward, team or time stays but one ("referred to the council" in captions, read as a body). So no rule was
written; the cases guard the shape. The misses are strict expected failures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import assert_word_reading, cased_and_caption_params

from cmo_coder.anonymise.pipeline import Anonymiser

CASES = Path(__file__).parent / "data" / "hospital_short_names" / "heldback.tsv"
MISSED = {("captions", "we were referred to the council for housing"): "the council read as an organisation"}


@pytest.mark.parametrize(("kind", "word", "text"), cased_and_caption_params(CASES, MISSED))
def test_held_back_cases(anon: Anonymiser, kind: str, word: str, text: str) -> None:
    assert_word_reading(anon, kind, word, text)
