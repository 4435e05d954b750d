"""Where someone is from, as Scots and Irish speakers say it: "I'm fae the Drum", "my granny was from Mayo".

Two things went wrong there. "Fae" and "frae" are Scots for "from", but "Fae" is also a given name, so
"I'm fae the Drum" read as someone saying their name, and "fae Donegal" as a full name; a reviewer who
accepted "fae" then removed the word from every transcript. And an Irish county said as a place of origin
("from Kerry", "fae Mayo") took a person's placeholder, or a registered Kieran's, though it is a place.

So: "fae"/"frae" followed by a word is the preposition, never a name (a candidate that is only that word is
dropped, one that starts with it starts after it); and one of Ireland's 32 counties right after a frame of
origin or home ("was from", "people were fae", "came over from", "back home in", "born in") is a place,
whatever else read a person there. "I got it from Kerry" (no frame of origin) is left to the name layers.
The county is proposed as the place lists propose a place (layer ``places``), which is what makes its type
win over a given name the word also is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import Candidate

SCOTS_FROM = frozenset({"fae", "frae"})
"""Scots spellings of "from" (written for the project)."""

IRISH_COUNTIES = frozenset({
    "antrim", "armagh", "carlow", "cavan", "clare", "cork", "derry", "donegal", "down", "dublin", "fermanagh",
    "galway", "kerry", "kildare", "kilkenny", "laois", "leitrim", "limerick", "longford", "louth", "mayo",
    "meath", "monaghan", "offaly", "roscommon", "sligo", "tipperary", "tyrone", "waterford", "westmeath",
    "wexford", "wicklow"})
"""The 32 counties of Ireland (the public list of the island's traditional counties)."""

_ORIGIN = re.compile(
    r"(?i)(?:\b(?:is|was|were|are|am|be|been|come|comes|came|coming|originally|over|home|back|all|"
    r"born|raised|brought up|grew up|moved|family|people|folk|roots)|['’](?:s|m|re))"
    r"(?:\s+(?:originally|all|over|back|home))?\s+(?:from|fae|frae|in|out of)\s+(?:county\s+|co\.?\s+)?$")
"""A frame of origin or home before a place: "was from", "people were fae", "came over from", "born in"."""
_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]")


def _county_at(text: str, c: Candidate) -> bool:
    word = text[c.start:c.end]
    return (word.lower() in IRISH_COUNTIES and c.start > 0
            and _ORIGIN.search(text, max(0, c.start - 60), c.start) is not None)


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with "fae" read as "from" and Irish counties of origin typed as places (module doc)."""
    out: list[Candidate] = []
    counties: dict[tuple[int, int], Candidate] = {}
    for c in found:
        surface = text[c.start:c.end]
        first, _, rest = surface.partition(" ")
        if c.category == "person" and first.lower() in SCOTS_FROM and _WORD_AFTER.match(text, c.start + len(first)):
            if not rest:
                continue  # "I'm fae the Drum": the preposition, not someone's name
            shift = len(first) + 1
            c = replace(c, start=c.start + shift)  # "fae Donegal": what follows "fae"
        if _county_at(text, c):
            counties.setdefault((c.start, c.end), Candidate(c.start, c.end, "place", "places", 0.85,
                                                            "an Irish county said as where someone is from"))
            if not (c.layer == "register" and c.category != "person"):
                continue  # no person, nor the registered person it sounds like, nor a guessed body
        out.append(c)
    return out + list(counties.values())
