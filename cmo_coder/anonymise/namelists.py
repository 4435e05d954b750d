"""Given names and surnames: the US Census 1990 lists, widened with Faker's for many countries.

The US Census 1990 lists miss many names a UK study hears (Siobhan, Niamh, Priya, Kwame,
Aisha, Gareth, Okafor). Faker ships curated given-name and surname lists for some sixty
locales; the Latin-script ones widen the lexicon. Only the lists are read: nothing is
generated, and no locale's other data is used.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib import resources


def _values(value: object) -> list[str]:
    if isinstance(value, dict):
        return [k for k in value if isinstance(k, str)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if isinstance(v, str)]
    return []  # a property or a generator function: not a list of names


def _latin(name: str) -> bool:
    return len(name) > 2 and all(c.isascii() and (c.isalpha() or c in "-'") for c in name)


@cache
def faker_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), lower-cased; empty when Faker is not installed."""
    try:
        import faker.providers.person as person
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset(), frozenset()
    given: set[str] = set()
    family: set[str] = set()
    for module in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        if provider is None:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            given.update(n.lower() for n in _values(getattr(provider, attr, None)) if _latin(n))
        family.update(n.lower() for n in _values(getattr(provider, "last_names", None)) if _latin(n))
    return frozenset(given), frozenset(family)


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
