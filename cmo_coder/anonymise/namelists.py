"""Given names and surnames: the US Census 1990 lists, widened with Faker's for many countries
and with the project's own lists of names heard in the UK today.

The US Census 1990 lists miss many names a UK study hears (Siobhan, Niamh, Priya, Kwame,
Aisha, Gareth, Okafor). Faker ships curated given-name and surname lists for some sixty
locales; the Latin-script ones widen the lexicon, read with and without their accents
("Zsófia" is said, and captioned, "zsofia"), with the romanised lists of the locales that
have them. Only the lists are read: nothing is generated, and no locale's other data is used.
Faker has no Welsh, Gaelic, Somali, Eritrean, Igbo, Caribbean, Bangladeshi, Gujarati, Tamil
or Kurdish names in Latin script; ``data/given_names_uk.txt`` and ``data/surnames_uk.txt``
(sources in their headers) hold those.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from functools import cache
from importlib import resources

from .stored_lists import stored


def _values(value: object) -> list[str]:
    if isinstance(value, dict):
        return [k for k in value if isinstance(k, str)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if isinstance(v, str)]
    return []  # a property or a generator function: not a list of names


def _latin(name: str) -> bool:
    """Three or more characters, each an ASCII letter, a hyphen or an apostrophe."""
    return _LATIN.fullmatch(name) is not None


_LATIN = re.compile(r"[A-Za-z'-]{3,}")
""":func:`_latin` as one pattern: Faker's lists hold some 150,000 names, and a test of each character in Python
took most of a second of every run's start (an ASCII character that is a letter is one of A to Z or a to z)."""


_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d",
                               "þ": "th", "’": "'"})


def fold(name: str) -> str:
    """``name`` lower-cased without accents ("Zsófia" → "zsofia", "Łukasz" → "lukasz"): how speech
    recognition and most people type a name they heard."""
    low = name.lower().translate(_UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def plain(low: str) -> str:
    """A lower-cased word as the name lists hold it: as written if ASCII, else without accents
    ("seán" → "sean"); a word of a caption is looked up this way, a word of ASCII costs nothing."""
    return low if low.isascii() else fold(low)


def _forms(name: str) -> set[str]:
    """The lower-cased name as written and without accents, each kept only in Latin letters."""
    low = name.lower()
    if low.isascii():  # without accents already: :func:`fold` of ASCII text is its lower case
        return {low} if _latin(low) else set()
    return {f for f in (low, fold(name)) if _latin(f)}


_GIVEN_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                "first_names_unisex", "first_romanized_names", "first_romanized_names_male",
                "first_romanized_names_female", "first_names_est", "first_names_rus")
_FAMILY_ATTRS = ("last_names", "last_names_male", "last_names_female", "last_names_unisex", "last_names_common",
                 "male_last_names", "unisex_last_names", "last_romanized_names", "last_names_est",
                 "last_names_rus", "last_names_without_suffix")


@cache
@stored("faker_names")
def faker_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), lower-cased; empty when Faker is not installed."""
    try:
        import faker.providers.person as person
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset(), frozenset()
    given_raw: set[str] = set()
    family_raw: set[str] = set()
    for module in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        if provider is None:
            continue
        for attr in _GIVEN_ATTRS:
            given_raw.update(_values(getattr(provider, attr, None)))
        for attr in _FAMILY_ATTRS:
            family_raw.update(_values(getattr(provider, attr, None)))
    # each name read once: the locales' lists repeat many names (and the forms of a name depend on it alone)
    return _all_forms(given_raw), _all_forms(family_raw)


def _all_forms(names: set[str]) -> frozenset[str]:
    """Every :func:`_forms` of ``names``, in one set: each name lower-cased once, and folded only where its lower
    case is not ASCII (:func:`fold` of ASCII text is its lower case)."""
    lows = [(n, n.lower()) for n in names]
    out = {low for _, low in lows if _LATIN.fullmatch(low)}
    out.update(f for n, low in lows if not low.isascii() and _may_fold_latin(low) and _LATIN.fullmatch(f := fold(n)))
    return frozenset(out)


def _may_fold_latin(low: str) -> bool:
    """Whether :func:`fold` of a name whose lower case is ``low`` may be in Latin letters (:func:`_latin`), told
    without a test of each character in Python: the fold drops only combining marks from the decomposed text, so
    a fold in Latin letters is that text with every character outside ASCII dropped. A name in another script
    ("Ольга", "Γιώργος") drops to nothing here, and most of Faker's names outside ASCII are such."""
    decomposed = unicodedata.normalize("NFKD", low.translate(_UNDECOMPOSED))
    return _LATIN.fullmatch(decomposed.encode("ascii", "ignore").decode("ascii")) is not None


def _listed(fname: str) -> frozenset[str]:
    """Names of a ``cmo_coder/data`` list, lower-cased, as written and without accents; short ones too."""
    text = resources.files("cmo_coder.data").joinpath(fname).read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        out.update(f for f in (name.lower().replace("’", "'"), fold(name))
                   if len(f) >= 2 and all(c.isascii() and (c.isalpha() or c in "-'") for c in f))
    return frozenset(out)


@cache
def uk_given() -> frozenset[str]:
    """Given names heard in the UK today, of many origins (``data/given_names_uk.txt``), lower-cased."""
    return _listed("given_names_uk.txt")


@cache
def uk_surnames() -> frozenset[str]:
    """Surnames heard in the UK today, of many origins (``data/surnames_uk.txt``), lower-cased."""
    return _listed("surnames_uk.txt")


@cache
def census_names(fname: str, limit: int | None = None) -> dict[str, float]:
    """One US Census 1990 list of the ``names`` package (public domain): name → percent of people.

    ``fname`` is ``dist.male.first``, ``dist.female.first`` or ``dist.all.last``; ``limit``
    keeps the most frequent names only.
    """
    try:
        import names as names_pkg
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    lines = resources.files(names_pkg).joinpath(fname).read_text(encoding="ascii").splitlines()[:limit]
    out: dict[str, float] = {}
    for line in lines:
        parts = line.split()
        if parts:
            out.setdefault(parts[0].lower(), float(parts[1]))
    return out


def census_given() -> dict[str, float]:
    """US given names (men's and women's lists), with the larger of their two frequencies."""
    out = dict(census_names("dist.female.first"))
    for name, share in census_names("dist.male.first").items():
        out[name] = max(share, out.get(name, 0.0))
    return out
