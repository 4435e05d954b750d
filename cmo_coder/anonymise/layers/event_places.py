"""A place that names its event or its scene, said as the event: "we go to Appleby for the horses", "a bet on at
Cheltenham", "Canal Street was our whole life, the bars and that".

A few places are said for what happens there more often than for the place: a horse fair ("Appleby", "Stow"), a
race meeting ("Cheltenham", "Aintree", "Ascot"), a festival ("Glastonbury", "Boomtown"), a tournament
("Wimbledon") or a city's gay scene ("Canal Street", "the Village"). People say the place and mean the event:
"going to Appleby" in June is the fair, and "out on Canal Street" is a night out. The place lists read the
place, so the analyst lost the event, and the event is public: thousands go each year, and a Pride or a fair
says no more of where the speaker lives than a trip does.

Kept only where the sentence says the event: a word of that event's kind in the same sentence ("horses", "fair",
"a bet", "the bars", "tickets") and no word of a life there anywhere in it ("live", "born", "grew up", "moved",
"from", "house"). "I live in Appleby" and "he was born in Cheltenham" are places; "we go to Cheltenham every
year" without a word of racing is a place too, as it may be family. A registered or site place always goes, as
every allow-listed phrase does. In cased text the place is written with its capitals.

The places and their words were written for the project from how the events are spoken of (the events' own
sites: the Appleby and Stow horse fairs, the Jockey Club's courses, the festivals' sites, the All England Club;
the Manchester, Birmingham and Newcastle gay villages as their cities' guides name them).
"""

from __future__ import annotations

import re
from functools import cache

_RACES = frozenset({"horse", "horses", "racing", "races", "race", "raced", "bet", "bets", "betting", "flutter",
                    "bookies", "bookie", "jockey", "jockeys", "festival", "national", "cup", "punters",
                    "odds", "winner", "tipster", "racecourse", "derby"})
_FAIR = frozenset({"fair", "fairs", "horse", "horses", "trotting", "wagon", "wagons", "vardo", "vardos", "cob",
                   "cobs", "flashing", "travellers", "traveller", "gypsies", "gypsy", "sulky", "sulkies"})
_FESTIVAL = frozenset({"festival", "festivals", "tickets", "ticket", "tent", "tents", "lineup", "line-up",
                       "headliner", "headliners", "headlining", "gig", "gigs", "band", "bands", "stage", "stages",
                       "wristband", "camping", "mud", "rave", "raving"})
_TENNIS = frozenset({"tennis", "final", "finals", "strawberries", "seeded", "fortnight"})
_SCENE = frozenset({"bars", "bar", "clubs", "clubbing", "scene", "gay", "queer", "pride", "drag", "queens", "lgbt",
                    "lgbtq", "night", "nights", "out"})
_MOTOR = frozenset({"racing", "race", "races", "grand", "prix", "f1", "formula", "cars", "track", "laps"})

EVENT_PLACES: dict[str, frozenset[str]] = {
    "appleby": _FAIR, "stow": _FAIR, "ballinasloe": _FAIR,
    "cheltenham": _RACES, "aintree": _RACES, "ascot": _RACES, "goodwood": _RACES, "epsom": _RACES,
    "glastonbury": _FESTIVAL, "boomtown": _FESTIVAL, "glasto": _FESTIVAL,
    "wimbledon": _TENNIS,
    "silverstone": _MOTOR,
    "canal street": _SCENE, "hurst street": _SCENE, "old compton street": _SCENE,
}
"""Places said for their event or scene, each with the words that say that event."""

LIFE = frozenset({"live", "lives", "living", "lived", "born", "grew", "raised", "moved", "move", "moving", "from",
                  "house", "flat", "home", "stay", "stays", "staying", "stayed", "school", "work", "works",
                  "worked", "working", "address", "rent", "rented", "estate"})
"""Words in the place's sentence that make it where someone lives, works or comes from ("Cheltenham, where my
mum lives, has the races"): the place is then removed, whatever else the sentence says."""

_SENTENCE = re.compile(r"[.!?;\n]")
_REACH = 90
"""Characters read each side of the place for its sentence: about fifteen words, a caption's sentence too."""


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(EVENT_PLACES, key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w'’-])(" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
                      + r")(?![\w'’-])")


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'’-]*", s.lower())


def event_place_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of a place said as its event or scene (module doc)."""
    if not _pattern().search(text):
        return []
    out = []
    for m in _pattern().finditer(text):
        name = " ".join(m.group(1).lower().split())
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if any(ch.isupper() for ch in line) and not all(w[:1].isupper() for w in m.group(1).split()):
            continue  # cased text writes the event's place with its capitals
        lo = max(line_start, m.start() - _REACH)
        before = text[lo:m.start()]
        stops = list(_SENTENCE.finditer(before))
        before = before[stops[-1].end():] if stops else before
        hi = min(len(text), m.end() + _REACH)
        after = text[m.end():hi]
        stop = _SENTENCE.search(after)
        after = after[:stop.start()] if stop else after
        said_before, said_after = _words(before), _words(after)
        if LIFE & (set(said_before) | set(said_after)):
            continue
        if EVENT_PLACES[name] & (set(said_before) | set(said_after)):
            out.append((m.start(), m.end()))
    return out
