"""Drop-ins, cafés and groups named after a person: "Dan's Den", "Kenny's Place", "Shaz's Café".

A local drop-in is often named after whoever set it up or is remembered by it. The name layers find the given
name and nothing else, so the signed-off text read "[name removed]'s Den": the person gone, but the venue
still there to be recognised, and a placeholder that says a person where a place stands. Here the whole name
is one place: a given name on the name lists, its possessive and a venue's head.

Cased text needs both capitals ("Kenny's Place", not "Kenny's place", which is his home). Captions have no
capitals, so only heads nobody's home is called are taken there ("dan's den", "shaz's cafe"), never "place",
"house" or "kitchen" ("round at dan's place" is his flat; the name layers still remove "dan").
Heads written for the project.
"""

from __future__ import annotations

import re

from .words import is_everyday, listed_names

VENUE_HEADS = frozenset({"den", "place", "corner", "café", "cafe", "kitchen", "pantry", "shed", "hub", "haven",
                         "lounge", "diner", "cabin", "retreat", "garden", "gardens", "space", "house", "hut"})
"""Heads of a venue named after a person, capitalised in cased text ("Dan's Den", "Kenny's Place")."""
CAPTION_VENUE_HEADS = frozenset({"den", "café", "cafe", "pantry", "hub", "haven", "diner", "cabin", "retreat", "hut"})
"""The same in captions: only heads a home is never called ("round at dan's place" is his flat)."""
CAFES = frozenset({"café", "cafe", "diner", "kitchen", "pantry"})
"""Heads that make the venue a café rather than a service."""

_CASED = re.compile(r"\b([A-Z][a-z]+)['’]s\s+([A-Z][a-zé]+)\b")
_CAPTIONS = re.compile(r"(?<![\w'’])([a-z]+)['’]s\s+([a-zé]+)\b")


def venue_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """``(start, end, category)`` of venues named after a person: "cafe" for a café's head, else "service"."""
    out = []
    for m in (_CAPTIONS if caseless else _CASED).finditer(text):
        name, head = m.group(1).lower(), m.group(2).lower()
        if head not in (CAPTION_VENUE_HEADS if caseless else VENUE_HEADS):
            continue
        if name not in listed_names() or (caseless and is_everyday(name)):
            continue  # "Nobody's Place"; in captions "the bird's cafe"
        out.append((m.start(), m.end(), "cafe" if head in CAFES else "service"))
    return out
