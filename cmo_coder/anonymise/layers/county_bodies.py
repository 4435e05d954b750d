"""A public body named after a county or a region: "Cumbria County Council", "Lancashire Fire and Rescue Service",
"Merseyside Police", "Durham Constabulary", "the Norfolk Wildlife Trust", "Healthwatch Cornwall".

A county, a metropolitan county or a police region holds hundreds of thousands of people, often more than a million,
and the body that serves it is a public body every resident deals with. The studies' own READMEs keep such bodies
("Cornwall Council", "Merseyside Police", "Humberside Police", "Healthwatch Cornwall" stay), while the model read
them as an organisation and the place lists read the county as where someone lives, leaving "[city name] County
Council". A body named after a town (a borough, a city or a town council, a town's police station) is a local body of
the place a participant lives in and is not read here.

This module only reads the shape: a county or region of :data:`COUNTIES` right before a county body's kind
(:data:`AFTER_COUNTY`) or right after "Healthwatch". Whether the county in it goes is decided with every other public
name holding a place, in :mod:`..town_names`: where the county is registered, a site, or removed elsewhere in the
same transcript ("I've lived in Cumbria all my life" … "Cumbria County Council"), the county goes and the body's
kind stays ("[place name] County Council", as :func:`.name_edges.without_service_head` cuts "Merseyside Police");
where it stays, the body stays whole, where before it was cut all the same.

The county list was written for the project from the Office for National Statistics' lists of the ceremonial
counties of England, the preserved counties of Wales and the counties of Northern Ireland (Open Government Licence
v3.0), the metropolitan counties and the regions the UK's police forces are named after; a county whose name is an
everyday word or a town's ("Down", "Durham" as the city) is read only before a county body's kind, where the word
can mean nothing else.
"""

from __future__ import annotations

import re

from .state import has_capital

COUNTIES = (
    "bedfordshire", "berkshire", "bristol", "buckinghamshire", "cambridgeshire", "cheshire", "cornwall", "cumbria",
    "derbyshire", "devon", "dorset", "durham", "east sussex", "west sussex", "essex", "gloucestershire",
    "hampshire", "herefordshire", "hertfordshire", "isle of wight", "kent", "lancashire", "leicestershire",
    "lincolnshire", "norfolk", "northamptonshire", "north northamptonshire", "west northamptonshire",
    "northumberland", "nottinghamshire", "oxfordshire", "rutland", "shropshire", "somerset", "staffordshire",
    "suffolk", "surrey", "sussex", "warwickshire", "wiltshire", "worcestershire", "yorkshire", "north yorkshire",
    "south yorkshire", "west yorkshire", "east riding", "east riding of yorkshire", "cumberland", "westmorland",
    "westmorland and furness", "merseyside", "greater manchester", "west midlands", "tyne and wear", "humberside",
    "cleveland", "avon", "avon and somerset", "devon and cornwall", "thames valley", "west mercia", "northumbria",
    "gwent", "dyfed-powys", "dyfed powys", "powys", "gwynedd", "clwyd", "dyfed", "glamorgan", "south wales",
    "north wales", "antrim", "armagh", "tyrone", "fermanagh", "londonderry", "fife", "highland", "wirral",
    "teesside")
"""Counties, metropolitan counties and police regions of the UK, lower-cased (module doc)."""

AFTER_COUNTY = ("county council", "council", "police", "constabulary", "fire and rescue service",
                "fire and rescue", "fire service", "fire brigade", "wildlife trust", "community foundation",
                "rural community council", "county fa", "cricket board")
"""A county body's kind after its county ("Cumbria County Council", "Durham Constabulary", "Kent Fire and
Rescue Service", "the Devon Wildlife Trust", "the Norfolk Community Foundation")."""

BEFORE_COUNTY = ("healthwatch",)
"""A national body's name a county's branch carries before the county ("Healthwatch Cornwall")."""

PLACE_AFTER = frozenset({"tax", "estate", "estates", "house", "houses", "office", "offices", "station", "stations",
                         "road", "street", "flat", "flats", "depot", "headquarters", "hq", "building", "car", "van",
                         "officer", "officers", "worker", "workers", "tenant", "tenants", "housing", "home", "homes"})
"""Words after a county body that make it a thing or a place of the body ("the Cornwall Council estate", "the Kent
Police station", "a Cumbria County Council house"): the body stays, so only a word whose thing is a place is read
as no body here, and the other layers decide it as before."""


def _alternation(names: tuple[str, ...]) -> str:
    return "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))


_AFTER = re.compile(r"(?<![\w'’-])(" + _alternation(COUNTIES) + r")[ \t]+(" + _alternation(AFTER_COUNTY)
                    + r")(?![\w'’-])", re.IGNORECASE)
_BEFORE = re.compile(r"(?<![\w'’-])(" + _alternation(BEFORE_COUNTY) + r")[ \t]+(" + _alternation(COUNTIES)
                     + r")(?![\w'’-])", re.IGNORECASE)
_GATE = re.compile(r"(?i)council|police|constabulary|fire|trust|foundation|healthwatch|county fa|cricket board")


def _cased_name(line: str, a: int, b: int) -> bool:
    """Every word of ``line[a:b]`` but "and" and "of" written with a capital (a line with capitals), so "the kent
    police were great" in a cased turn is read as words; a line without capitals is read as captions."""
    return all(w[:1].isupper() for w in re.split(r"[ \t-]+", line[a:b]) if w.lower() not in {"and", "of"})


def county_bodies(text: str) -> list[tuple[int, int, int, int]]:
    """Each county body in ``text``: (start, end) of the whole name and (start, end) of its county, read line by
    line."""
    if not _GATE.search(text):
        return []
    out: list[tuple[int, int, int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        s, base = line.group(0), line.start()
        cased = has_capital(s)
        for m in _AFTER.finditer(s):
            after = re.match(r"[ \t]*([\w'’-]+)", s[m.end():])
            if after and after.group(1).lower() in PLACE_AFTER:
                continue
            if cased and not _cased_name(s, m.start(), m.end()):
                continue
            out.append((m.start() + base, m.end() + base, m.start(1) + base, m.end(1) + base))
        for m in _BEFORE.finditer(s):
            if cased and not _cased_name(s, m.start(), m.end()):
                continue
            out.append((m.start() + base, m.end() + base, m.start(2) + base, m.end(2) + base))
    return out
