"""A service of worship said by its name: "Father Rooney said the Mass", "we go to Mass on Sundays", "after
Evensong".

The statistical model reads a capitalised "Mass" as a place (the short form of Massachusetts), and removing it
took from the analyst what the family's priest did ("said the [city name]") while naming no one. The name of a
service is the same in every parish, as "the funeral" is: it says nothing of where or who.

A proposal that is only such a word (or its plural) is dropped, unless it follows another name and a comma
("Boston, Mass.", "Springfield, Mass"), which is how a US state is written after its town. The register's own
entries always stand. The list is written for the project from the names of the services of the Catholic,
Anglican and Orthodox churches as their members say them.
"""

from __future__ import annotations

import re

from .candidates import Candidate

SERVICES = frozenset({
    "mass", "masses", "requiem", "evensong", "matins", "mattins", "vespers", "compline", "lauds", "benediction",
    "eucharist", "communion", "holy communion", "divine liturgy", "liturgy", "novena", "stations of the cross",
})
"""Services of worship said by their name in the churches of the four nations (written for the project)."""

_STATE_AFTER_TOWN = re.compile(r"[A-Z][\w.'’-]*,[^\S\n]*$")
"""A capitalised word and a comma right before it: "Boston, Mass", the state after its town."""


def said_as_service(text: str, c: Candidate) -> bool:
    """``c`` is only the name of a service of worship, and no town and comma come before it."""
    surface = text[c.start:c.end].strip().rstrip(".").lower()
    if surface.startswith("the "):
        surface = surface[4:]
    if surface not in SERVICES:
        return False
    return not _STATE_AFTER_TOWN.search(text, max(0, c.start - 40), c.start)


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without services of worship said by their name (module doc); the register's entries stand."""
    return [c for c in found if c.layer == "register" or c.item_key is not None or not said_as_service(text, c)]
