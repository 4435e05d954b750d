"""An everyday word and a letter is a thing, not a person: "hep C", "vitamin D", "plan B", "strep A".

The statistical model reads a capital letter after a word as a surname's initial, so where such a phrase stands
as a sentence's subject ("and hep C is curable") it proposed a person; review then spreads the accepted surface
to every "hep C" of the project, as it should for a name. The first proposal is the defect, so it is dropped
here, before anything spreads it: a proposal that only the model made (as written or in captions), of exactly
two words, a word the dictionary holds that is on no name list ("hep", "vitamin", "plan") and one letter. A
given name or a familiar form with an initial ("Jenny B", "Kev C") is on the name lists and stays a person, and
so do a title's or a kin word's ("Nurse K", "Big T": both on the lexicon as name-like words).
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.words import is_everyday, name_lexicon

_MODEL_LAYERS = frozenset({"ner", "caseless"})
_SHAPE = re.compile(r"([^\W\d_]+)\s+([A-Za-z])")


def a_thing_by_its_letter(surface: str) -> bool:
    """Whether ``surface`` is an everyday word and a letter, the word on no name list (module doc)."""
    m = _SHAPE.fullmatch(surface)
    if m is None:
        return False
    word = m.group(1).lower()
    return is_everyday(word) and word not in name_lexicon()


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the model's lone person readings of an everyday word and a letter."""
    return [c for c in found if not (c.category == "person" and c.layer in _MODEL_LAYERS
                                     and a_thing_by_its_letter(text[c.start:c.end]))]
