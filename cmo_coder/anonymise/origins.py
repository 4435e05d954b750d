"""Where someone is from, as Scots and Irish speakers say it: "I'm fae the Drum", "my granny was from Mayo".

Two things went wrong there. "Fae" and "frae" are Scots for "from", but "Fae" is also a given name, so
"I'm fae the Drum" read as someone saying their name, and "fae Donegal" as a full name; a reviewer who
accepted "fae" then removed the word from every transcript. And an Irish county said as a place of origin
("from Kerry", "fae Mayo") took a person's placeholder, or a registered Kieran's, though it is a place.

So: "fae"/"frae" followed by a word is the preposition, never a name (a candidate that is only that word is
dropped, one that starts with it starts after it); and one of Ireland's 32 counties right after a frame of
origin or home ("was from", "people were fae", "came over from", "back home in", "born in") is a place,
whatever else read a person there, and so is a listed UK town the model read as a person ("I'm fae Glasgow"),
unless a register row says that person is there. "I got it from Kerry" (no frame of origin) is left to the name
layers. Written with capitals before a listed surname that names no place, "Fae" is a woman's name ("Fae
Robertson came round"), and the whole name goes.
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


def _after_origin(text: str, c: Candidate) -> bool:
    """``c`` follows a frame of origin or home ("was from", "I'm fae", "born in")."""
    return c.start > 0 and _ORIGIN.search(text, max(0, c.start - 60), c.start) is not None


def _county_at(text: str, c: Candidate) -> bool:
    return text[c.start:c.end].lower() in IRISH_COUNTIES and _after_origin(text, c)


def _town_at(text: str, c: Candidate) -> bool:
    """"I'm fae Glasgow", "she was born in Bolton": a listed UK town right after a frame of origin or home is a
    place, though the model read a person; a registered person of that name keeps the register's reading."""
    from .layers.words import uk_towns

    return text[c.start:c.end].lower() in uk_towns() and _after_origin(text, c)


def _written_as_a_name(first: str, rest: str) -> bool:
    """"Fae Robertson came round": written with capitals, "Fae" before a surname on the lists that names no place
    is a woman's full name; the preposition is written in lower case mid-sentence, and "Fae Glasgow" names a place."""
    from .layers.words import known_surnames, place_names, uk_towns

    second = rest.split(" ", 1)[0].strip(".,;:!?'’")
    if not (first[:1].isupper() and second[:1].isupper() and second[1:2].islower()):
        return False
    low = second.lower()
    return low in known_surnames() and low not in place_names() and low not in uk_towns()


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with "fae" read as "from" and Irish counties and towns of origin typed as places (module doc)."""
    out: list[Candidate] = []
    counties: dict[tuple[int, int], Candidate] = {}
    for c in found:
        surface = text[c.start:c.end]
        first, _, rest = surface.partition(" ")
        if (c.category == "person" and first.lower() in SCOTS_FROM and _WORD_AFTER.match(text, c.start + len(first))
                and not _written_as_a_name(first, rest)):
            if not rest:
                continue  # "I'm fae the Drum": the preposition, not someone's name
            shift = len(first) + 1
            c = replace(c, start=c.start + shift)  # "fae Donegal": what follows "fae"
        county = _county_at(text, c)
        if county or (c.category == "person" and c.layer != "register" and _town_at(text, c)):
            reason = f"{'an Irish county' if county else 'a town'} said as where someone is from"
            counties.setdefault((c.start, c.end), Candidate(c.start, c.end, "place" if county else "city", "places",
                                                            0.85, reason))
            if not (c.layer == "register" and c.category != "person"):
                continue  # no person, nor the registered person it sounds like, nor a guessed body
        out.append(c)
    return out + list(counties.values())
