"""Places the public knows the world over, kept as a study keeps them: "we went to tenerife", "a week in the bay
area", "it's like benidorm in there", "he's out in thailand".

A country, a region abroad, a world city, a holiday island or resort names no one when said as a trip or a
comparison: millions live there, or nobody does. The place layers cannot tell it from the small place of a
participant's life, least of all in captions, where "tenerife" is a word no dictionary holds said where a place
goes (:mod:`.slots`) and "bay area" is a capitalised phrase once the caption is re-cased. So the names listed in
``data/world_places.txt`` (written for the project; its header says what is listed and why) are public phrases,
kept by the allow-list over every layer but the register: a registered place is never kept.

* Countries, regions, coasts and areas (the list's "anywhere" group) are kept wherever said as a place, but
  where the clause says someone lives, was born, grew up, settled or emigrated there ("her son emigrated to New
  Zealand", "he's from Zambia originally"): the hand-written evaluation sets' authors, writing blind to this
  module, both mark such a country as a place of that person's life, so it is proposed whole as a place
  (:func:`home_city_spans`) and the study team decides, rather than kept or cut in part ("Costa del [name]").
* Cities, islands and resorts (the "trip" group) are kept only as a trip, a visit or a comparison ("went to",
  "a week in", "like", "a Florida holiday"); where the clause says someone lives, works or comes from ("she's
  in Tenerife most of the year", "he's from Lagos") the city narrows down who they are: it is proposed as a
  town (:func:`home_city_spans`), which in captions no other layer would do.
* A name that is also a UK town or village ("Perth", "Boston", "Melbourne") is never kept.
* A name that is also a given name or surname ("Georgia", "Jordan", "Sydney", "Florence") is kept only where it
  is said as a place ("in", "at", a verb of travel and "to", "be from", "a Florida holiday"), never before a
  possessive or a verb of speech ("Georgia's mum", "Jordan said").
* A name with a head after it ("Kenya Road", "Malta Ward", "the Bali Lounge") names a local place and is not
  kept; nor is one after "the" that is never said with it ("the Dubai grill").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ..lookup import NameGate, by_first_letter
from .cue_scan import cued_search, register_cues
from .state import has_capital
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
    return frozenset(_norm(n) for file in ("uk_towns.txt", "uk_districts.txt", "uk_places.txt") for n in _lines(file))


@cache
def _entries() -> list[tuple[str, bool]]:
    """Each listed entry, normalised, with whether its group is kept only as a trip (``# group: trip``)."""
    text = resources.files("cmo_coder.data").joinpath("world_places.txt").read_text(encoding="utf-8")
    out: list[tuple[str, bool]] = []
    trip = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# group:"):
            trip = line.split(":", 1)[1].strip() == "trip"
        elif line and not line.startswith("#"):
            out.append((_norm(line), trip))
    return out


@cache
def world_places() -> dict[str, bool]:
    """The listed world places, lower-cased, each with whether it needs "the" before it ("the States", "the
    Med"), less those a UK place shares."""
    out: dict[str, bool] = {}
    uk = uk_place_names()
    for name, _ in _entries():
        bare = _THE.sub("", name)
        if bare in uk or name in uk:
            continue
        needs_the = bare != name
        out[bare] = out.get(bare, True) and needs_the
    return out


@cache
def trip_only() -> frozenset[str]:
    """Cities, islands and resorts: kept as a trip or a comparison, not as where someone lives or comes from.
    A name also listed in a group kept anywhere (a country that is an island: "Jamaica", "Malta") is not."""
    anywhere = {_THE.sub("", n) for n, trip in _entries() if not trip}
    return frozenset(_THE.sub("", n) for n, trip in _entries() if trip) - anywhere


@cache
def _said_with_the() -> frozenset[str]:
    """Places said with "the" ("the Algarve", "the Gambia"): listed so, with it or without."""
    return frozenset(_THE.sub("", n) for n, _ in _entries() if _THE.match(n))


_HEAD_AFTER = re.compile(
    r"(?i)[ \t]+(?:road|rd|street|st|lane|avenue|ave|drive|close|way|grove|crescent|terrace|place|court|gardens?|"
    r"square|parade|row|walk|hill|estate|park|house|lodge|hall|centre|center|unit|ward|wing|clinic|surgery|practice|"
    r"hospital|school|academy|college|nursery|church|mosque|temple|chapel|lounge|grill|bar|cafe|café|restaurant|"
    r"takeaway|kitchen|inn|arms|tavern|club|hotel|shop|stores?|market|express|supermarket|bakery|kebabs?|pizza|"
    r"chippy|spice|palace|nights|tandoori|balti|diner|bistro|salon|gym|works|mill|depot|services?|project|trust|"
    r"group|team|hub|homes?|view|rise|mount|heights|towers|flats|building|fields?|green|bridge|wharf|dock|quay|"
    r"bingo|bowl|cinema|lanes|suite|rooms?|bay|barbers?|nails|beauty|motors|cars|taxis?|foods?|mart|dental)\b")
"""A head after the name: a local place named after the world place ("Kenya Road", "the Bali Lounge", "Malta
Ward", "Dubai Grill"), which is as private as any other local name."""
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(world_places(), key=len, reverse=True)
    # grouped by first letter, order kept: the same match, but each position is tried against one small group
    # instead of all ~670 names one by one (the largest cost of this module on every turn)
    body = by_first_letter((re.escape(n).replace(r"\ ", r"[\s-]+").replace("'", "['’]?") for n in names), True)
    return re.compile(r"(?i)(?<![\w'’.-])(?P<the>the\s+)?(?P<name>" + body + r")(?![\w-])(?!['’]\w\w)")


@cache
def _gate() -> NameGate:
    """Turns that cannot hold a listed place, told apart before :func:`_pattern` runs (most turns)."""
    return NameGate(world_places())


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


_TRIP_BEFORE = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:like|than|visit|visits|visited|visiting|via)|(?:went|go|goes|going|gone|been|flew|fly|"
    r"flying|flown|drove|driving|travelled|traveled|travelling|sailed|trip|trips|holiday|holidays|cruise|flight|"
    r"flights|honeymoon|off|over)\s+(?:back\s+|out\s+|over\s+|down\s+)?to|(?:took|take|takes|taking|brought|"
    r"bring)\s+(?:[a-z]+\s+){1,3}?to|(?:holiday|holidays|week|fortnight|weekend|night|nights|days|break|honeymoon|"
    r"cruise|trip|stag|hen\s+do|hen\s+party|fortnight['’]s\s+holiday)\s+(?:away\s+)?(?:in|to|at|on|round|around))"
    r"\s+(?:the\s+)?$")
"""Before a city or a resort said as a trip or a comparison: "went to", "a week in", "it's like", "visited"."""
_TRIP_AFTER = re.compile(r"(?i)\s*(?:holiday|holidays|trip|trips|flight|flights|break|weekend|for\s+(?:a|the|our|"
                         r"my|her|his|their)?\s*(?:week|fortnight|weekend|holiday|holidays|honeymoon|wedding|"
                         r"conference|hen|stag|break|day|night|few\s+days)|on\s+holiday|last\s+(?:year|summer|"
                         r"week|month|spring|winter|christmas|easter)|at\s+easter|in\s+the\s+summer)\b")
_HOME_IN_CLAUSE = re.compile(r"(?i)\b(?:lives?|living|lived|moved|grew\s+up|born|originally|settled|emigrated|"
                             r"works?|working|stays|staying|retired|most\s+of\s+the\s+year|for\s+good|"
                             r"family\s+(?:are|is)|back\s+home|from)\b")
"""Where someone lives, works or comes from: a city or island then narrows down who they are."""
_HOME_CUES = register_cues("world_places.home", {
    "live", "lives", "living", "lived", "moved", "grew", "born", "originally", "settled", "emigrated", "work", "works",
    "working", "stays", "staying", "retired", "most", "for", "family", "back", "from"})
"""The first word of each way of :data:`_HOME_IN_CLAUSE` (:mod:`.cue_scan`)."""


_HOME_OF_A_LIFE = re.compile(r"(?i)\b(?:lives?|living|lived|moved|grew\s+up|brought\s+up|born|originally|"
                             r"settled|emigrated|emigrating|relocated|retired|family\s+(?:are|is)|back\s+home)\b")
"""Where a person's life is, for a country or region: a stricter cue than :data:`_HOME_IN_CLAUSE` ("working in
Germany", "from Spain" on a parcel or a flight stay public)."""
_FROM_ORIGIN = re.compile(r"(?i)(?:(?:['’]s|['’]re|\bis|\bare|\bwas|\bwere|\bam|['’]m|\bcome|\bcomes|\bcame|"
                          r"\boriginally)\s+(?:originally\s+)?|(?:\bcome|\bcomes|\bcame|\bcoming|\bfled|\bescaped)"
                          r"\s+(?:over\s+|here\s+|across\s+|out\s+)?)from\s+(?:the\s+)?$")
"""Someone being or coming from a place ("she's from South Africa", "they came from Somalia", "my nan came over from
Jamaica", "they fled from Syria"): where a life began. A migration's every form is one origin: "came over from" said
what "came from" says, and was kept while "came from" went."""


def _life_there(text: str, start: int, end: int, said_from: int) -> bool:
    """A country or region said as where someone lives, grew up, settled or comes from; ``said_from``: where the
    phrase begins ("the" included), for the words before it."""
    return _home_clause(text, start, end, _HOME_OF_A_LIFE) or bool(
        _FROM_ORIGIN.search(text, max(0, said_from - 40), said_from))


def _as_trip(text: str, start: int, end: int) -> bool:
    """A city or resort said as a trip or a comparison, nothing in its clause saying someone lives there."""
    clause_start = max(text.rfind(c, 0, start) for c in ".?!;\n")
    clause_end = min([i for i in (text.find(c, end) for c in ".?!;\n") if i >= 0] or [len(text)])
    if _HOME_IN_CLAUSE.search(text, clause_start + 1, clause_end):
        return False
    return bool(_TRIP_BEFORE.search(text[max(0, start - 40) : start]) or _TRIP_AFTER.match(text, end))


def caseless(text: str) -> bool:
    """Captions: no capital letter anywhere, so a capital after a name says nothing."""
    return not has_capital(text)


def _sentence_ends(text: str, end: int) -> bool:
    return bool(re.match(r"\s*[.?!;:,]", text[end : end + 3]))


def world_place_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of world places said as places in ``text`` (module doc), "the" included where said."""
    low = text.lower()
    if not low.strip() or not _gate().may_hold(text):
        return []
    places = world_places()
    people = _people_names()
    trips = trip_only()
    out: list[tuple[int, int]] = []
    for m in _pattern().finditer(text):
        name = _norm(m.group("name"))
        name = " ".join(name.replace("-", " ").split())
        needs_the = places.get(name)
        if needs_the is None:
            continue
        if needs_the and not m.group("the"):
            continue
        if m.group("the") and not needs_the and name not in _said_with_the():
            continue  # "the Dubai grill", "the Lagos Centre": the place names a local one
        if _HEAD_AFTER.match(text, m.end()) or (not caseless(text) and _NAME_AFTER.match(text, m.end())
                                                 and not _sentence_ends(text, m.end())):
            continue  # "Florida Road", "Malta Ward", "Kenya Road depot": a local place's name
        start = m.start() if m.group("the") else m.start("name")
        if " " not in name and name in people and not needs_the:  # "the States" is no one
            before = text[max(0, m.start() - 40) : m.start()]
            if _PERSON_AFTER.match(text, m.end()):
                continue
            if not (_AS_PLACE_BEFORE.search(before + (m.group("the") or ""))
                    or _AS_PLACE_AFTER.match(text, m.end())):
                continue
        if name in trips and not _as_trip(text, start, m.end()):
            continue  # "she's in Tenerife most of the year", "he's from Lagos": where someone lives goes
        if name not in trips and _life_there(text, start, m.end(), m.start()):
            continue  # "her son emigrated to New Zealand": proposed whole by home_city_spans
        out.append((start, m.end()))
    return out


HOME_CITY_REASON = "a world city, island or country said as where someone lives, works or comes from"


def home_city_spans(text: str) -> list[tuple[int, int, str]]:
    """Cities, islands and resorts of the list said where someone lives, works or comes from ("she's in Tenerife
    most of the year", "he's from Zambia originally, Lusaka"): proposed as a town, since in captions no other
    layer reads a city abroad (a word the dictionary holds, or said after a comma, is in no place's slot)."""
    trips = trip_only()
    if not trips or not cued_search(_HOME_IN_CLAUSE, text, _HOME_CUES) or not _gate().may_hold(text):
        return []
    places = world_places()
    people = _people_names()
    out: list[tuple[int, int, str]] = []
    for m in _pattern().finditer(text):
        name = " ".join(_norm(m.group("name")).replace("-", " ").split())
        if name not in places or _PERSON_AFTER.match(text, m.end()) or _HEAD_AFTER.match(text, m.end()):
            continue
        start = m.start("name")
        if name in trips:
            if not _as_trip(text, start, m.end()) and _home_clause(text, start, m.end()):
                out.append((start, m.end(), "city"))
        elif ((" " in name or name not in people or _AS_PLACE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]))
              and (not places[name] or m.group("the")) and _life_there(text, start, m.end(), m.start())):
            out.append((m.start() if m.group("the") else start, m.end(), "place"))
    return out


def _home_clause(text: str, start: int, end: int, cue: re.Pattern[str] = _HOME_IN_CLAUSE) -> bool:
    clause_start = max(text.rfind(c, 0, start) for c in ".?!;\n")
    clause_end = min([i for i in (text.find(c, end) for c in ".?!;\n") if i >= 0] or [len(text)])
    return bool(cue.search(text, clause_start + 1, clause_end))
