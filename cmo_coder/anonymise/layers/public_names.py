"""Everyday public names by class: calendar words, medicines, brands, platforms, culture, faith.

People talk about their lives through these ("we went up for Vaisakhi", "he was on Subutex then
Espranor", "she's on Instagram", "watching Coronation Street"), and the statistical model reads
many of them as people, places or organisations, so an unchecked pass redacts half of what a quote
is about. Each class is a curated list in ``cmo_coder/data/public_names/`` whose header names its
sources. The lists join the allow-list and so protect only in the public sense it already enforces:
a one-word entry that the name lists hold is not kept where the words say a person, and registered
names always win. Two rules keep a list from ever excusing a person or a place (checked by tests):

* no one-word entry is a given name ("Stella" is listed as "Stella Artois", "Lorenzo" not at all);
* no one-word entry is a UK town or place ("Tottenham Hotspur" is listed, "Tottenham" is not), so
  "the Co-op in Brackley" keeps Brackley redacted.

The calendar's months, weekdays and festivals are the one exception (:data:`CALENDAR_OVER_NAME`):
"in April", "on Sunday", "for Ramadan" name the time far more often than a person, and the
allow-list's person cues still redact "April said" and "my friend Easter".
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

CALENDAR_OVER_NAME = frozenset({"january", "march", "april", "september", "sunday", "easter", "ramadan"})
"""Calendar words that some name list also holds (a given name, or the town of March): kept as the
time they name except where the words around them say a person."""

CLASSES = ("calendar", "medicines", "brands", "platforms", "culture", "faith")
"""The shipped lists, by file name without ``.txt``."""


@cache
def public_names(kind: str) -> tuple[str, ...]:
    """The entries of one class's list, in file order, comments and blank lines left out."""
    if kind not in CLASSES:
        raise ValueError(f"unknown public-name class {kind!r} (known: {', '.join(CLASSES)})")
    folder = resources.files("cmo_coder.data").joinpath("public_names")
    text = folder.joinpath(f"{kind}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def all_public_names() -> tuple[str, ...]:
    """Every class's entries, in the order of :data:`CLASSES`."""
    return tuple(entry for kind in CLASSES for entry in public_names(kind))


_CAMEL = re.compile(r"(?<=[A-Za-z][a-z]{2})(?=[A-Z][a-z]{2})")


@cache
def spaced_platforms() -> tuple[str, ...]:
    """Platform names made of two capitalised words as speech recognition and transcribers split them:
    "tik tok", "whats app", "you tube", "face time". Only the platforms class: a charity or a shop split
    so ("Bright House", "Mind Out") could be the name of a local place."""
    return tuple(_CAMEL.sub(" ", p) for p in public_names("platforms") if " " not in p and _CAMEL.search(p))
