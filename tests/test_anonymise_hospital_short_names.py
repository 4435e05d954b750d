"""A hospital called by one word after a patient's way into or out of it ("transferred to the Christie").

The nineteenth study left "the mater" and "the Ulster"; these held-back cases, written before any rule, ask
whether the shape is left in general. It is not: every hospital of the list goes in both casings and every kind
of ward, team or time stays but one ("referred to the council" in captions, read as a body). So no rule was
written; the cases guard the shape. The misses are strict expected failures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anon_support import as_captions, case_rows

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text

CASES = Path(__file__).parent / "data" / "hospital_short_names" / "heldback.tsv"
MISSED = {("captions", "we were referred to the council for housing"): "the council read as an organisation"}


def _readings() -> list[object]:
    out: list[object] = []
    for kind, word, sentence in case_rows(CASES):
        for casing, text in (("cased", sentence), ("captions", as_captions(sentence))):
            reason = MISSED.get((casing, text))
            out.append(pytest.param(kind, word, text, id=f"{casing}-{kind}-{word}",
                                    marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else []))
    return out


@pytest.mark.parametrize(("kind", "word", "text"), _readings())
def test_held_back_cases(anon: Anonymiser, kind: str, word: str, text: str) -> None:
    out = redact_text(anon, text, open_items=True)
    assert (re.search(rf"(?i)(?<![\w'’]){re.escape(word)}(?![\w-])", out) is not None) is (kind == "stay"), out
