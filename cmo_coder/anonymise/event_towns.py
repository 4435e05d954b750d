"""An event named after a town that goes is removed whole, as "[event]".

"We went to Brighton Pride last summer" where the team registered Brighton (or it is a site): the event is public,
but its first word is the registered town, and the register always wins, so what was left read "[city name] Pride":
a reader learns the speaker's town holds an event of that name, which with a site's region narrows it to a few
towns, as "[town] FC" did for a football club (``club_towns``). A reader of the quote needs to know an event was
named, not which town held it.

So where a place that goes (a registered town, city or district, or a place a layer read) opens the name of an
event (``layers.place_events``: "Brighton Pride", "the Great Yorkshire Show", "Durham Miners' Gala"), the proposal
takes the whole event's name and the placeholder "[event]". It keeps the place's category, layer, score and
register key, so
a registered town is still removed without a decision, and the sign-off proof still finds nothing of it. An event
no place that goes is inside ("Manchester Pride" where Manchester is not registered) is public and stays, unless the
same town is removed elsewhere in the transcript ("we moved to Brighton" ... "we did the Brighton Marathon"): the
event would give back the town removed, so it goes whole as "[event]" too. A dish
named after a registered town keeps its own word ("[town name] pudding" says nothing more than the town's
placeholder does).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import Candidate
from .layers.place_events import EVENT_HEADS, event_around, named_after_place

PLACEHOLDER = "[event]"
REASON = "an event named after a town removed elsewhere in this transcript"
_PLACES = frozenset({"place", "city", "district"})


def _events(text: str) -> list[tuple[int, int]]:
    """Every event named after a place in ``text``, read line by line (a caption line is read as captions)."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        out += [(a + line.start(), b + line.start()) for a, b, head in named_after_place(line.group(0))
                if head in EVENT_HEADS]
    return out


def _said_again(text: str, found: list[Candidate]) -> list[Candidate]:
    """Events that hold, as whole words, a town proposed elsewhere in ``text`` and that nothing covers yet."""
    towns = {" ".join(text[c.start:c.end].lower().split()) for c in found
             if c.category in _PLACES and not c.per_occurrence}
    if not towns or not any(h in text.lower() for h in EVENT_HEADS):
        return []
    out: list[Candidate] = []
    for a, b in _events(text):
        if any(c.start < b and a < c.end for c in found):
            continue
        words = " " + " ".join(re.findall(r"[\w'’-]+", text[a:b].lower())) + " "
        if any(f" {t} " in words for t in towns):
            out.append(Candidate(a, b, "place", "consistency", 0.6, REASON, placeholder=PLACEHOLDER))
    return out


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with each place that opens an event's name widened to the event (module doc)."""
    out: list[Candidate] = []
    for c in found:
        if c.category in _PLACES and not c.per_occurrence:
            span = event_around(text, c.start, c.end)
            if span is not None:
                c = replace(c, start=min(c.start, span[0]), end=max(c.end, span[1]), placeholder=PLACEHOLDER)
        out.append(c)
    return out + _said_again(text, out)
