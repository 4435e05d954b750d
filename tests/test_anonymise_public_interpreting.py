"""Interpreting services, patient apps and health products named in passing (issue 13, public names wrongly
removed): entries of ``data/public_names/tools.txt`` and ``medicines.txt``.

The hand-written set lost "Language Line" said alone after a clinic's telephone (the model read a facility); the
others are what people say beside it. Each is kept cased and as captions write it; a given name that a product
shares ("Tena") is still removed where it names a person. Every person here is invented.
"""

from __future__ import annotations

import pytest
from anon_support import as_captions

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

BOTH = pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])


@BOTH
@pytest.mark.parametrize(("sentence", "kept"), [
    ("Did anyone offer you an interpreter? Once. On the telephone. Language Line. But he was lovely.", "Language Line"),
    ("The surgery booked LanguageLine for her appointment.", "LanguageLine"),
    ("We booked thebigword for the appointment.", "thebigword"),
    ("I found a good forum on HealthUnlocked about it.", "HealthUnlocked"),
    ("I use the Nicotinell patches now.", "Nicotinell"),
])
def test_kept(plain: Anonymiser, sentence: str, kept: str, captions: bool) -> None:
    text = as_captions(sentence) if captions else sentence
    target = kept.lower() if captions else kept
    assert target in redact_text(plain, text, open_items=True)


@BOTH
def test_a_given_name_a_product_shares_is_still_a_person(plain: Anonymiser, captions: bool) -> None:
    sentence = "My friend Tena came round with the shopping."
    text = as_captions(sentence) if captions else sentence
    assert "tena" not in redact_text(plain, text, open_items=True).lower()
