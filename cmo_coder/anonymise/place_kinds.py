"""What kind of place a removed place's word names, for its placeholder: a part of a city, or a town whose name
is also a given name.

A district said as where someone lives ("an address in Grangetown", "from Splott") is no city; "[city name]" tells
an analyst the wrong scale. A town or district whose name a person bears too ("Barry", "Ely") is proposed as a
person by the layers that read names, and "moved her to [name removed]" reads as if she were moved to someone.
The lists are the shipped town files (:data:`.layers.words.TOWN_FILES`), read lazily: the layers import the
placeholders module, so this one must not import them when it loads.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def district_names() -> frozenset[str]:
    """The districts and parts of cities of ``data/uk_districts.txt``, lower-cased."""
    from .layers.words import _data_lines

    return frozenset(line.lower() for line in _data_lines("uk_districts.txt"))


@cache
def listed_place_words() -> frozenset[str]:
    """Every town and district line of the shipped lists, lower-cased, before the readers drop the ones that are
    given names or words ("barry", "ely")."""
    from .layers.words import town_lines

    return frozenset(line.strip().lower() for line in town_lines())


_LIVED_IN = re.compile(
    r"(?i)(?:(?:^|[^\w'’])in|,\s*from|(?:live|lives|lived|living|moved|move|moving|born|grew\s+up|brought\s+up|"
    r"raised|based|work|works|worked|working|house|flat|address|family)\s+(?:in|at|to|from|near|out\s+at|"
    r"over\s+in|down\s+in|up\s+in))\s+$")
"""Words before a place that no person stands after: "the docks in Barry", "ninety-one, from Ely", "grew up in",
"moved to"; not "a card from" nor "talked to", where a person does."""

_TAKEN_TO_HOSPITAL = re.compile(
    r"(?i)(?:^|[^\w'’])(?:born|admitted|discharged|transferred|referred|blue[- ]?lighted|rushed|came\s+across|"
    r"went\s+across|moved\s+across|sent\s+over|stepped\s+down)\s+(?:\w+\s+)?(?:at|to|in|into|from|over\s+to|"
    r"across\s+to)\s+the\s+$")
"""A patient's way into or out of a hospital, then "the": "came across from the Heath", "born at the Royal",
"admitted to the General". What follows is a hospital called by its short name."""


def a_district(surface: str) -> bool:
    """Whether ``surface`` is a listed district or part of a city ("Splott", "Butetown")."""
    return " ".join(surface.lower().split()) in district_names()


def a_person_named_place(text: str, start: int, surface: str) -> bool:
    """Whether a one-word name removed as a person is a listed town or district said where a place stands
    ("the docks in Barry", "ninety-one, from Ely"): the word goes either way; its placeholder says a place."""
    return (len(surface.split()) == 1 and surface.lower() in listed_place_words()
            and _LIVED_IN.search(text[max(0, start - 30):start]) is not None)


def a_hospital_by_its_short_name(text: str, start: int, surface: str) -> bool:
    """Whether a one-word name removed as a person or a place is said where a patient is born, admitted or
    transferred ("came across from the Heath to Llandough"): a hospital called by its short name, whose
    placeholder says a hospital rather than a place or a person."""
    return len(surface.split()) == 1 and _TAKEN_TO_HOSPITAL.search(text[max(0, start - 40):start]) is not None


_ROAD_HEADS = frozenset({"road", "street", "avenue", "crescent", "terrace", "gardens", "mews", "rd", "ave"})
"""Heads that end a street's name and almost no person's: a name of two or more words ending in one is a street,
whatever layer removed it ("King Street" read by the title rule as a king, "Prince Street" by the model as a
hospital)."""
_SURNAME_HEADS = frozenset({"lane", "close", "drive", "grove"})
"""Heads that end streets and are surnames too ("Mill Lane", "Lois Lane"): a street only where the word before it
is no given name."""
_STREET_SHAPED = frozenset({"person", "place", "city", "area", "hospital", "other", "org"})
"""Categories a street's name is wrongly given: a person's, a place's of another scale, a building's or a body's."""


def a_street_by_its_head(category: str, surface: str) -> bool:
    """Whether a name removed as a person, a town, a hospital or a body is a street by its last word ("King
    Street", "Green Lane"): "she lives on [name removed]" sends a reader looking for a person. The words go either
    way; only the placeholder changes. In cased text every word must be capitalised ("King Street", not a
    sentence's "Albert street"), so a run the model read into a sentence is left as it was."""
    from .layers.words import given_names

    words = surface.replace("’", "'").split()
    if category not in _STREET_SHAPED or len(words) < 2 or not all(w[:1].isalpha() for w in words):
        return False
    if any(w[:1].isupper() for w in words) and not all(w[:1].isupper() for w in words):
        return False
    head, before = words[-1].lower().rstrip("."), words[-2].lower().removesuffix("'s")
    if head in _ROAD_HEADS:
        return True
    return head in _SURNAME_HEADS and before not in given_names()
