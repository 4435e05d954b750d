"""A given name that is an adjective, said after a verb of being, in captions ("the kitchen was tiny").

The caseless reading capitalised every listed given name before the model read the turn, so "tiny", "rusty" and
"dusty" after "was" were removed as people. Cases: ``tests/data/predicate_words/heldback.tsv``, written before
the rule and never tuned on; the misses are strict expected failures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import assert_word_reading, cased_and_caption_params

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

CASES = Path(__file__).parent / "data" / "predicate_words" / "heldback.tsv"
MISSED = {
    ("captions", "her cheeks were rosy when she came in"): "removed by a reading this rule does not reach",
    ("captions", "the morning was misty down by the river"): "removed by a reading this rule does not reach",
    ("captions", "the manager there is frank he's alright"): "a name after 'is' with no cue: left before too",
    ("cased", "My key worker is Grace, she rings every week."): "a name after 'is' with no cue: left before too",
    ("captions", "my key worker is grace she rings every week"): "a name after 'is' with no cue: left before too",
}


@pytest.mark.parametrize(("kind", "word", "text"), cased_and_caption_params(CASES, MISSED))
def test_held_back_cases(anon: Anonymiser, kind: str, word: str, text: str) -> None:
    assert_word_reading(anon, kind, word, text)


@pytest.mark.parametrize("text", ["the room was so tiny", "it looked a bit dusty", "the bed was tiny"])
def test_an_adjective_after_a_verb_of_being_stays(anon: Anonymiser, text: str) -> None:
    assert redact_text(anon, text, open_items=True) == text
