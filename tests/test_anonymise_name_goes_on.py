"""A registered given name said with a surname the register lacks, where the surname is a word
(``layers/name_goes_on.py``).

"Gethin prys" (a surname in lower case in cased text), "Dawn Hill came in" (a surname that is a word, with a
capital) and the same in captions ("will bass rang me"), with the pairs that must stay: a street ("Grace
Road"), a phrase ("Will Power", "Dawn Chorus"), a brand ("Jo Malone"), a weekday, a verb. Every name here is
invented. Caption sentences are long enough (20 letters) to be read as captions. A property: whatever
casing a registered given name and the word after it are written in, the given name is never left unseen,
and every candidate slices to whole words.
"""

from __future__ import annotations

import pytest
from anon_support import WANTED, as_captions, proposals, verdict
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.name_goes_on import PHRASES, goes_on
from cmo_coder.anonymise.layers.state import candidates
from tests.fuzzing import fuzz_settings
from tests.test_anonymise_register_near import _anon

PEOPLE = ["Nkechi Obiora", "Dawn Price", "Priya Shah", "Will Jones", "Grace Ellis", "Jo Kerr", "Hope Mensah",
          "Gethin Lloyd", "Rosa Delgado"]


@pytest.fixture(scope="module")
def anon():  # type: ignore[no-untyped-def]
    return _anon(PEOPLE)


def _goes_on_over(anon, text: str, target: str, own: bool = False) -> list:  # type: ignore[no-untyped-def]
    """Candidates over ``target`` that take it as the registered name going on: this module's (``own``), or
    this module's and :func:`.register_near.run_on`'s."""
    s = text.index(target)
    e = s + len(target)
    doc = anon[0].docs([text])[0]
    mark = "goes on into" if own else "goes on"
    return [c for c in candidates(doc) if mark in c.reason and c.start < e and s < c.end]


# -- a surname written in lower case in cased text -----------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("I was with Gethin prys at the time.", "Gethin prys"),      # "prys" is a dictionary word only as pry + s
    ("Nkechi amadi rang the office twice.", "Nkechi amadi"),
    ("We waited for Rosa quinteiro all morning.", "Rosa quinteiro"),
])
def test_a_surname_in_lower_case_after_a_registered_name_goes_with_it(anon, text: str, target: str) -> None:
    assert verdict(anon, text, target) == "removed"


@pytest.mark.parametrize(("text", "target"), [
    ("Gethin said it was fine by him.", "said"),
    ("Then Priya went home early that day.", "went"),
    ("I asked Nkechi again about the letter.", "again"),
    ("Was that Dawn innit, the one from the group?", "innit"),
])
def test_an_everyday_lower_case_word_after_the_name_stays(anon, text: str, target: str) -> None:
    assert not _goes_on_over(anon, text, target)
    assert verdict(anon, text, target) == "kept"


# -- a surname that is also a word, with a capital ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("Then Dawn Hill came in with the forms.", "Dawn Hill"),
    ("I spoke to Priya Oak on the Monday.", "Priya Oak"),
    ("Yes, Hope Bell said so at the meeting.", "Hope Bell"),
    ("I rang Gethin Wood about the form.", "Gethin Wood"),
    ("We sat with Rosa Moss for an hour.", "Rosa Moss"),
])
def test_a_capitalised_surname_that_is_a_word_goes_with_the_name(anon, text: str, target: str) -> None:
    assert verdict(anon, text, target) == "removed"


def test_the_rule_itself_takes_a_word_surname(anon) -> None:
    """Not the model's reading of the pair: this module's own candidate."""
    assert _goes_on_over(anon, "I rang Gethin Wood about the form.", "Wood", own=True)
    assert _goes_on_over(anon, "Yes, Hope Bell said so at the meeting.", "Bell", own=True)
    assert _goes_on_over(anon, "I was with Gethin prys at the time.", "prys", own=True)


def test_after_an_open_registered_name_the_pair_is_one_undecided_item(anon) -> None:
    """ "Will" may be the verb: the two words are decided together, never the surname removed alone."""
    text = "Will Bass rang me about the letter."
    over = _goes_on_over(anon, text, "Bass")
    if over:  # the register layer read "Will" as the person outright only where the words around say so
        assert all(c.per_occurrence == (text[c.start:c.end] == "Will Bass") for c in over)
    assert verdict(anon, text, "Will Bass") in WANTED["review_or_remove"]


@pytest.mark.parametrize(("text", "target"), [
    ("We met on Grace Road by the shop.", "Road"),         # a street
    ("She loves the Dawn Chorus walk in May.", "Chorus"),  # a phrase, no surname
    ("She bought Jo Malone perfume for her mum.", "Malone"),  # a brand
    ("It takes Will Power to stop smoking.", "Power"),     # a phrase with a surname word
    ("I asked Nkechi Monday and she said yes.", "Monday"),
    ("Dawn Hill Road was closed again.", "Hill"),          # the street's head comes next
    ("Hope Street is where she lives now.", "Street"),
    ("Then Gethin NHS Direct rang back.", "NHS"),
])
def test_a_place_phrase_brand_or_day_after_the_name_is_not_taken(anon, text: str, target: str) -> None:
    assert not _goes_on_over(anon, text, target)


def test_a_town_that_is_a_surname_is_an_undecided_item_not_a_silent_removal(anon) -> None:
    text = "I asked Priya Preston about the form."
    over = _goes_on_over(anon, text, "Preston")
    assert over and all(c.per_occurrence for c in over)


# -- the same in captions ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("then dawn hill came in with the forms", "dawn hill"),
    ("will bass rang me about the letter yesterday", "will bass"),
    ("i rang gethin wood about the form again", "gethin wood"),
    ("we sat with rosa moss for an hour or so", "rosa moss"),
])
def test_a_surname_that_is_a_word_in_captions_is_never_left_unseen(anon, text: str, target: str) -> None:
    assert verdict(anon, text, target) in WANTED["review_or_remove"]


def test_in_captions_the_surname_is_an_item_of_its_own(anon) -> None:
    """No capital says it is a name: the reviewer decides the word, the given name stays removed."""
    text = "i rang gethin wood about the form again"
    over = _goes_on_over(anon, text, "wood", own=True)
    assert over and all(c.per_occurrence and text[c.start:c.end] == "wood" for c in over)


@pytest.mark.parametrize(("text", "target"), [
    ("then priya went home early that day", "went"),
    ("i told gethin now about it all", "now"),
    ("she came round to priya house after", "house"),
    ("nkechi said it was fine by her", "said"),
    ("dawn and will came round after tea", "and"),
    ("it takes will power to stop smoking", "power"),
    ("we went up grace road to the shop", "road"),
    ("i asked nkechi monday and she said yes", "monday"),
])
def test_everyday_words_after_a_name_in_captions_stay(anon, text: str, target: str) -> None:
    assert not _goes_on_over(anon, text, target)


def test_phrases_are_lower_case_pairs() -> None:
    assert all(p == p.lower() and len(p.split()) == 2 for p in PHRASES)


def test_nothing_without_a_register_match(anon) -> None:
    doc = anon[0].docs(["Then Dawn Hill came in with the forms."])[0]
    assert goes_on(doc, [], False, {}, []) == []


# -- property: a registered given name in any casing, and the word after it ------------------------------------
_AFTER = st.sampled_from(["Hill", "prys", "Oak", "Road", "Monday", "said", "Bell", "amadi", "Wood", "Power",
                          "Chorus", "Street", "went", "Preston", "Malone", "x", "Ng", "O'Neill"])
_GIVEN = st.sampled_from(["Dawn", "Priya", "Gethin", "Nkechi", "Hope", "Rosa"])
_SAME_SURNAMES = {"hill", "prys", "bell", "amadi", "wood"}


@fuzz_settings(40)
@given(name=_GIVEN, after=_AFTER, casing=st.sampled_from(["as written", "captions", "name lower", "name upper"]),
       lead=st.sampled_from(["I rang", "Then", "We sat with", "Yes,"]))
def test_a_registered_given_name_is_never_left_unseen_whatever_follows(anon, name: str, after: str, casing: str,
                                                                       lead: str) -> None:
    said = {"name lower": name.lower(), "name upper": name.upper()}.get(casing, name)
    text = f"{lead} {said} {after} about the form again."
    if casing == "captions":
        text = as_captions(text)
        said = said.lower()
    s = text.index(said)
    props = proposals(anon, text)
    assert any(p.start <= s and s + len(said) <= p.end for p in props), "the registered name was left"
    for p in props:
        assert text[p.start:p.end] == p.surface
        assert (p.start == 0 or not text[p.start - 1].isalnum()) and (p.end == len(text) or not text[p.end].isalnum())
    doc = anon[0].docs([text])[0]
    for c in candidates(doc):
        if "goes on into" in c.reason:  # in captions only ever an undecided item; never a street, day or verb
            word = text[c.start:c.end].split()[-1].lower()
            assert c.per_occurrence or casing != "captions"
            assert word not in {"road", "monday", "said", "went", "street", "malone"}
            assert (c.per_occurrence or word != "chorus") and f"{said.lower()} {word}" not in PHRASES


# -- the round's held-out sentences (written first, read only at the end: 10 of 14 as meant, 9 before) --------
HELD_OUT_PEOPLE = ["Marisol Quintero", "Dawn Pritchard", "Ifeoma Nwosu", "Will Garside", "Rosa Lindqvist",
                   "Kamal Haddad"]
_MISSED = {
    "Parks": "a public figure no list holds ('Rosa Parks'), removed as the registered Rosa's surname",
    "parks": "the same in captions",
    "Chorus": "the model reads 'Dawn Chorus' as a person; the pair is kept only by this rule",
    "Glasgow": "a town after a given name is removed as a town by the place layers, which is no leak",
}
HELD_OUT = [
    ("Marisol veda rang the ward twice.", "Marisol veda", "remove"),
    ("I was talking to Ifeoma Ụdeh after group.", "Ifeoma Ụdeh", "remove"),
    ("Dawn Birch came round with the forms.", "Dawn Birch", "review_or_remove"),
    ("Kamal Stone said he would ring back.", "Kamal Stone", "review_or_remove"),
    ("Rosa Parks was always her hero.", "Parks", "keep"),
    ("I'd ask Ifeoma tomorrow if I were you.", "tomorrow", "keep"),
    ("Will Garside said the Dawn Chorus walk was lovely.", "Chorus", "keep"),
    ("I told Rosa Glasgow was too far.", "Glasgow", "keep_or_review"),
    ("marisol veda rang the ward twice", "marisol veda", "review_or_remove"),
    ("i spoke to kamal stone about it", "kamal stone", "review_or_remove"),
    ("dawn birch came round with the forms", "dawn birch", "review_or_remove"),
    ("ifeoma went to the shop for me", "went", "keep"),
    ("rosa parks was always her hero", "parks", "keep_or_review"),
    ("will garside said it was a waste of time", "said", "keep"),
]


@pytest.fixture(scope="module")
def held_out_anon():  # type: ignore[no-untyped-def]
    return _anon(HELD_OUT_PEOPLE)


@pytest.mark.parametrize(("text", "target", "expect"), [
    pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=_MISSED[c[1]])) if c[1] in _MISSED else c
    for c in HELD_OUT])
def test_held_out_sentences(held_out_anon, text: str, target: str, expect: str) -> None:
    assert verdict(held_out_anon, text, target) in WANTED[expect]
