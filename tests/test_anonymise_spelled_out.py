"""A place said by its initials and in full in one transcript (issue 13, a leak the twenty-fourth study found):
:mod:`cmo_coder.anonymise.spelled_out`.

The cases (``tests/data/spelled_out_places.tsv``, written with the rule, so no held-back measure) are read as
written; captions are not asserted, since lower-case words have no initials to read (their figures are in
``docs/benchmarks.md``). The places' initials are real shapes; the people and what happened are invented.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from anon_support import said_count

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.spelled_out import candidates

CASES = Path(__file__).parent / "data" / "spelled_out_places.tsv"


def _rows() -> list[tuple[str, list[str], list[str]]]:
    with CASES.open(encoding="utf-8") as f:
        return [(r["text"], [g for g in r["go"].split(";") if g], [s for s in r["stay"].split(";") if s])
                for r in csv.DictReader(f, delimiter="\t")]


@pytest.mark.parametrize(("text", "go", "stay"), _rows())
def test_the_cases(plain: Anonymiser, text: str, go: list[str], stay: list[str]) -> None:
    out = redact_text(plain, text, open_items=True)
    for surface in go:
        assert not said_count(surface, out), out
    for surface in stay:
        assert said_count(surface, out), out


def _org(text: str, surface: str, category: str = "org") -> Candidate:
    start = text.index(surface)
    return Candidate(start, start + len(surface), category, "ner", 0.9, "test", None, None)


def test_the_full_name_takes_the_initials_category() -> None:
    text = "She rung the QEQM herself. Queen Elizabeth the Queen Mother had me in ten days."
    found = candidates(text, [_org(text, "QEQM", "hospital")])
    assert [(text[c.start:c.end], c.category) for c in found] == [("Queen Elizabeth the Queen Mother", "hospital")]


@pytest.mark.parametrize(("text", "initials", "category"), [
    ("She works for the NHS. The National Health Service is stretched.", "NHS", None),  # nothing proposed
    ("He was in the RVI. The Royal Victoria Infirmary was good.", "RVI", "person"),  # a person's initials
    ("He was in the RVI. The royal victoria infirmary was good.", "RVI", "hospital"),  # no capitals to read
    ("He was in the RV. The Royal Victoria was good.", "RV", "hospital"),  # two letters are too few
])
def test_what_is_not_spelt_out(text: str, initials: str, category: str | None) -> None:
    found = [] if category is None else [_org(text, initials, category)]
    assert candidates(text, found) == []
