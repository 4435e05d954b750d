"""Places the public knows the world over, kept as a study keeps them: "we went to tenerife", "she lives in the
bay area now", "it's like benidorm in there", "my brother's out in dubai".

A country, a region abroad, a world city, a holiday island or resort names no one: millions live there, or
nobody does. The place layers cannot tell it from the small place of a participant's life, least of all in
captions, where "tenerife" is a word no dictionary holds said where a place goes (:mod:`.slots`) and "bay area"
is a capitalised phrase once the caption is re-cased. So the names listed in ``data/world_places.txt`` (written
for the project; its header gives what is listed and why) are public phrases, kept by the allow-list over every
layer but the register: a registered place is never kept.

Two kinds of name are kept only in part:

* a name that is also a UK town or village (GeoNames' list and the curated one: "Perth", "Boston", "Melbourne")
  is not kept at all: the UK place may be meant, and a UK place goes;
* a name that is also a given name or surname ("Georgia", "Jordan", "Sydney", "Florence", "Chad") is kept only
  where it is said as a place: after "in", "into", "at", "near", "across", "around", after a verb of travel and
  "to" ("went to", "flew to", "moved out to"), after "be from" ("she's from Sydney"), or before a word of
  travel ("a Florida holiday"); never before a possessive or a verb of speech ("Georgia's mum", "Jordan said").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .words import name_lexicon

_THE = re.compile(r"(?i)^the\s+")


def _lines(name: str) -> list[str]:
    text = resources.files("cmo_coder.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").replace(".", "").split())


@cache
def uk_place_names() -> frozenset[str]:
    """Every UK town, village and city on the shipped lists, as published (no word or name filtered out):
    a world place of the same name is not kept."""
    return frozenset(_norm(n) for n in (*_lines("uk_towns.txt"), *_lines("uk_places.txt")))


@cache
def world_places() -> dict[str, bool]:
    """The listed world places, lower-cased, each with whether it needs "the" before it ("the States", "the
    Med"), less those a UK place shares."""
    out: dict[str, bool] = {}
    uk = uk_place_names()
    for entry in _lines("world_places.txt"):
        name = _norm(entry)
        bare = _THE.sub("", name)
        if bare in uk or name in uk:
            continue
        needs_the = bare != name
        out[bare] = out.get(bare, True) and needs_the
    return out


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(world_places(), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+").replace("'", "['’]?") for n in names)
    return re.compile(r"(?i)(?<![\w'’.-])(?P<the>the\s+)?(?P<name>" + body + r")(?![\w-])(?!['’]\w\w)")


@cache
def _people_names() -> frozenset[str]:
    return name_lexicon("all")


_AS_PLACE_BEFORE = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:in|into|at|near|across|around|round|through|throughout|inside|outside|via|visit|visits|"
    r"visited|visiting)|(?:went|go|goes|going|gone|been|moved|move|moving|emigrated|flew|fly|flying|flown|"
    r"drove|driving|travelled|traveled|travelling|sailed|trip|trips|holiday|holidays|cruise|flight|flights|"
    r"back|out|over|down|up|off|emigrate|relocated|deported|sent)\s+(?:back\s+|out\s+|over\s+|down\s+|up\s+)?to|"
    r"(?:took|take|takes|taking|brought|bring|bringing|sent|send)\s+(?:[a-z]+\s+){1,3}?(?:back\s+|out\s+)?to|"
    r"(?:['’]s|['’]re|is|are|was|were|am|['’]m|come|comes|came|originally)\s+(?:originally\s+)?from)"
    r"\s+(?:the\s+)?$")
"""Words before a name that make it a place: "in", "at", a verb of travel and "to", "be from"."""
_AS_PLACE_AFTER = re.compile(r"(?i)\s+(?:holiday|holidays|trip|trips|flight|flights|beach|beaches|airport)\b")
_PERSON_AFTER = re.compile(r"(?i)(?:['’]s?(?![\w])|\s+(?:said|says|told|tells|asked|asks|thinks|thought|felt|feels|"
                           r"texted|rang|phoned|came|comes|went|goes|was|is|has|had|and\s+(?:i|me)\b|herself|himself))")
"""A possessive or a verb of speech or doing after a name that is a given name too: a person ("Georgia said")."""


def world_place_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of world places said as places in ``text`` (module doc), "the" included where said."""
    low = text.lower()
    if not low.strip():
        return []
    places = world_places()
    people = _people_names()
    out: list[tuple[int, int]] = []
    for m in _pattern().finditer(text):
        name = _norm(m.group("name"))
        name = " ".join(name.replace("-", " ").split())
        needs_the = places.get(name)
        if needs_the is None:
            continue
        if needs_the and not m.group("the"):
            continue
        start = m.start() if m.group("the") else m.start("name")
        if " " not in name and name in people and not needs_the:  # "the States" is no one
            before = text[max(0, m.start() - 40) : m.start()]
            if _PERSON_AFTER.match(text, m.end()):
                continue
            if not (_AS_PLACE_BEFORE.search(before + (m.group("the") or ""))
                    or _AS_PLACE_AFTER.match(text, m.end())):
                continue
        out.append((start, m.end()))
    return out
