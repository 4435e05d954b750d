"""Work done once per process, at the start of every ``cmo-coder anonymise``, answers exactly as the plain code it
replaced.

- Faker's name lists (``namelists.faker_names``): each name read once, its Latin-letter test one pattern, and the
  accents folded only where a name's lower case is not ASCII and may fold to Latin letters;
- the allow-list's phrase matcher (``AllowListComponent.set_phrases``): phrases added to the matcher it has where
  the new list holds every phrase it matches, instead of a new matcher of the whole list.

Each is checked against a copy of the plain code it replaced, on generated names from several scripts (accents,
combining marks, letters whose lower case is longer or is ASCII, apostrophes and hyphens), and on the whole of
Faker's lists as installed. Every name here is invented for the project.
"""

from __future__ import annotations

import importlib
import pkgutil

import spacy
from hypothesis import example, given
from hypothesis import strategies as st
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from cmo_coder.anonymise import namelists
from cmo_coder.anonymise.layers.allowlist import AllowListComponent, default_allowlist, spellings
from tests.fuzzing import fuzz_settings

_BLANK = spacy.blank("en")


def _plain_latin(name: str) -> bool:
    """The test each form passed before: three characters or more, each an ASCII letter, a hyphen or an apostrophe."""
    return len(name) > 2 and all(c.isascii() and (c.isalpha() or c in "-'") for c in name)


def _plain_forms(name: str) -> set[str]:
    """The forms of one name as they were made before: as written and folded, each kept if in Latin letters."""
    return {f for f in (name.lower(), namelists.fold(name)) if _plain_latin(f)}


def _plain_faker_names() -> tuple[frozenset[str], frozenset[str]]:
    """Faker's lists read as before: every name of every locale, forms made for each occurrence."""
    import faker.providers.person as person

    given_names: set[str] = set()
    family: set[str] = set()
    for module in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        if provider is None:
            continue
        for attr in namelists._GIVEN_ATTRS:
            for n in namelists._values(getattr(provider, attr, None)):
                given_names.update(_plain_forms(n))
        for attr in namelists._FAMILY_ATTRS:
            for n in namelists._values(getattr(provider, attr, None)):
                family.update(_plain_forms(n))
    return frozenset(given_names), frozenset(family)


_LETTERS = st.sampled_from([
    *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "-", "'", "’", " ", ".", "1", "_",
    "é", "É", "ó", "ñ", "ü", "ç", "ø", "Ø", "ł", "Ł", "đ", "ß", "æ", "Æ", "œ", "ı", "İ", "ð", "þ", "ſ", "K", "Å",
    "\u0301", "\u0308", "\u0327", "ﬁ", "ǅ", "ǆ", "Ⅷ", "ａ", "Ж", "ж", "Ω", "ά", "ع", "中", "ह", "ɛ", "ŋ", "ʼ"])
_NAMES = st.text(_LETTERS, max_size=9)


@fuzz_settings(500)
@given(_NAMES)
@example("Zsófia")
@example("Łukasz")
@example("Ольга")
@example("Kelvin")
@example("İlkay")
@example("ﬁona")
@example("O'Neill-Ó")
@example("Jo")
def test_a_names_forms_are_the_plain_ones(name: str) -> None:
    assert namelists._latin(name) is _plain_latin(name)
    assert namelists._forms(name) == _plain_forms(name)
    assert namelists._all_forms({name}) == frozenset(_plain_forms(name))


@fuzz_settings(200)
@given(st.sets(_NAMES, max_size=30))
def test_the_forms_of_many_names_are_the_union_of_each(names: set[str]) -> None:
    plain: set[str] = set()
    for n in names:
        plain |= _plain_forms(n)
    assert namelists._all_forms(names) == frozenset(plain)


def test_fakers_lists_read_once_are_the_plain_lists() -> None:
    given_names, family = namelists.faker_names()
    assert (given_names, family) == _plain_faker_names()
    assert "zsofia" in given_names and "lukasz" in given_names  # folded accents are there
    assert not any(n.isupper() or " " in n for n in given_names | family)


def test_a_name_in_another_script_has_no_form() -> None:
    for name in ("Ольга", "Γιώργος", "محمد", "李"):
        assert namelists._all_forms({name}) == frozenset()
    assert namelists._all_forms({"Zoë", "Zoe"}) == frozenset({"zoe"})
    assert namelists._all_forms({"Seán"}) == frozenset({"sean"})  # the lower case as written is not ASCII


# ------------------------------------------------------------------------------ the allow-list's phrase matcher
def _plain_matches(phrases: set[str], doc: Doc) -> list[tuple[int, int, int]]:
    """What a matcher made anew of ``phrases`` finds, as the component made it before."""
    matcher = PhraseMatcher(_BLANK.vocab, attr="LOWER")
    docs = []
    for p in sorted({x.lower() for x in phrases}):
        for variant in spellings(p):
            docs.append(_BLANK.make_doc(variant))
    matcher.add("ALLOW", docs)
    return list(matcher(doc))


_PHRASE_WORDS = st.sampled_from(["the", "Trust", "al-anon", "st", "mungo's", "change,", "grow", "live", "Mind",
                                 "age", "uk", "nhs", "scope", "sands", "Wear", "house", "of", "and", "x"])
_PHRASES = st.sets(st.lists(_PHRASE_WORDS, min_size=1, max_size=3).map(" ".join), max_size=8)
_COMPONENT = AllowListComponent(_BLANK)


@fuzz_settings(300)
@given(st.lists(_PHRASES, min_size=1, max_size=4), st.lists(_PHRASE_WORDS, max_size=16))
@example([{"al-anon"}, {"al-anon", "st mungo's"}], ["al", "anon", "and", "st", "mungos", "alanon", "st", "mungo’s"])
@example([{"age uk", "mind"}, {"mind"}], ["age", "uk", "mind"])
def test_phrases_added_match_as_a_matcher_made_anew(lists: list[set[str]], words: list[str]) -> None:
    doc = _BLANK.make_doc(" ".join(words + [w.replace("-", " ") for w in words]))
    for phrases in lists:  # supersets, subsets and others in turn, on one component
        _COMPONENT.set_phrases(phrases)
        assert _COMPONENT.phrases == {p.lower() for p in phrases}
        assert list(_COMPONENT.matcher(doc)) == _plain_matches(phrases, doc)


def test_the_shipped_list_with_a_studys_own_phrases_matches_as_made_anew() -> None:
    component = AllowListComponent(_BLANK)  # made with the shipped list
    own = [*default_allowlist(), "HOMEWARD", "the Bright Steps programme"]
    component.set_phrases(own)
    doc = _BLANK.make_doc("The HOMEWARD carers met at Age UK, then the bright steps programme and Mind.")
    assert list(component.matcher(doc)) == _plain_matches(set(own), doc)
    assert any(doc[s:e].text == "HOMEWARD" for _, s, e in component.matcher(doc))
    component.set_phrases(default_allowlist())  # back to the shipped list alone: the study's phrase goes
    assert not any(doc[s:e].text == "HOMEWARD" for _, s, e in component.matcher(doc))
    assert list(component.matcher(doc)) == _plain_matches(set(default_allowlist()), doc)
