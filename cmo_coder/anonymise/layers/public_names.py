"""Everyday public names by class: calendar words, medicines, brands, platforms, culture, faith, football
clubs and public people.

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

The people class (public figures of everyday talk: presenters, footballers, musicians, royals,
politicians) is listed by full name only, and three more rules hold for it (see :func:`everyday_figures`):
a full name many private people bear is not listed (a surname among :data:`COMMONEST_SURNAMES` after a
given name: "Chris Evans", "Martin Lewis"); a word of kinship or friendship right before a listed name
makes it a private person's ("my mate Harry Kane"); and a registered given name inside a listed full name
("Gary" of "Gary Lineker") is not the registered person, as with the health-policy figures.

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

CLASSES = ("calendar", "medicines", "brands", "platforms", "culture", "faith", "clubs", "people", "kin", "bodies",
           "national", "tools", "media")
"""The shipped lists, by file name without ``.txt``."""
FRAME_ONLY = ("named_titles",)
"""Lists that keep nothing alone, read only by a frame (``named_titles``: see :mod:`.named_culture`); not in
:data:`CLASSES`, so never in :func:`all_public_names` or the allow-list."""


@cache
def public_names(kind: str) -> tuple[str, ...]:
    """The entries of one class's list, in file order, comments and blank lines left out."""
    if kind not in CLASSES and kind not in FRAME_ONLY:
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


_COMMONEST = """
smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright walker white
edwards hughes green hall lewis harris clarke patel jackson wood turner martin cooper hill ward morris moore clark
lee king baker harrison morgan allen james scott phillips watson davis parker price bennett young griffiths
mitchell kelly cook carter richardson bailey collins bell shaw murphy miller cox richards khan marshall anderson
simpson ellis adams singh begum wilkinson foster chapman powell webb rogers gray mason ali hunt hussain campbell
matthews owen palmer holmes mills barnes knight lloyd butler russell barker fisher stevens jenkins murray dixon
harvey
"""
COMMONEST_SURNAMES = frozenset(_COMMONEST.split())
"""The hundred commonest surnames of England and Wales (published surname frequency tables): a listed
public person whose surname is one of these after a given name would excuse too many participants who bear
the same full name ("Chris Evans", "Martin Lewis"), so none is listed (checked by a test)."""


@cache
def everyday_figures() -> tuple[str, ...]:
    """The people class's full names (``data/public_names/people.txt``) that are two words or more: the
    register and review read them as :func:`.public_figures.full_name_spans` do the health-policy
    figures, so a registered "Gary" is not taken out of "Gary Lineker"."""
    return tuple(n for n in public_names("people") if " " in n.strip())
