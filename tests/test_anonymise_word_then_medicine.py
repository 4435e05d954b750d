"""A word that is also a given name before a listed medicine ("from the ward mirtazapine from the gp") is no given
name and surname: the medicine stays, in captions and typed text; a surname that is also a medicine ("Rennie") still
makes a person, and a given name before a real surname still goes."""

from __future__ import annotations

import pytest
from anon_support import caption

from cmo_coder.anonymise.layers.lexicon import _medicines
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text


@pytest.mark.parametrize(("text", "kept"), [
    ("Street benzos, quetiapine from the ward mirtazapine from the GP and nobody's looking.", "mirtazapine"),
    ("I had diazepam from the street and the ward sertraline twice a day.", "sertraline"),
])
def test_a_medicine_after_a_word_name_stays(anon: Anonymiser, text: str, kept: str) -> None:
    for variant in (text, caption(text)):
        out = redact_text(anon, variant, open_items=True)
        assert kept in out, out
        assert "ward" in out, out


@pytest.mark.parametrize("text", ["then grace rennie came round with the forms", "i met grace oyelaran at the hub"])
def test_a_given_name_before_a_surname_still_goes(anon: Anonymiser, text: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert "grace" not in out, out


def test_a_medicine_a_name_list_holds_is_left_to_the_names() -> None:
    assert "mirtazapine" in _medicines()
    assert "rennie" not in _medicines() and "wellman" not in _medicines()
