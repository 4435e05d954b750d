"""Work done once per process, at the start of every ``cmo-coder anonymise``, answers exactly as the plain code it
replaced.

- Faker's name lists (``namelists.faker_names``): each name read once, its Latin-letter test one pattern, and the
  accents folded only where a name's lower case is not ASCII and may fold to Latin letters.

Each is checked against a copy of the plain code it replaced, on generated names from several scripts (accents,
combining marks, letters whose lower case is longer or is ASCII, apostrophes and hyphens), and on the whole of
Faker's lists as installed. Every name here is invented for the project.
"""

from __future__ import annotations

import importlib
import pkgutil

from hypothesis import example, given
from hypothesis import strategies as st

from cmo_coder.anonymise import namelists
from tests.fuzzing import fuzz_settings


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
