"""A local branch of a national charity named after its town: "Rotherham Mind", "the Keswick Foodbank", "Age UK
Leeds", "Mind in Harrogate".

Many national charities work through local branches or independent local charities that take the national name
with their town's ("Barnsley Mind", "Kendal Citizens Advice", "Age UK Wakefield"), and food banks are named by
their town ("the Penrith Foodbank"). The name is a public body's, listed in the charity registers and on the
body's own site; the town in it says where the body works. This module only reads the shape: a UK place the
place lists hold (one or two words) right before a charity's name that local branches carry, or right after one
that puts the town last. Whether the town in it goes is decided with every other public name holding a town, in
:mod:`..town_names`.

Not read as a branch:

* a place word no list holds ("the Elmbury foodbank"): it may be a village, an estate or a surname nobody
  listed, and the other layers decide it as before;
* a branch followed by a word that makes the phrase a place again ("the Leeds Foodbank warehouse",
  :data:`.place_events.PLACE_AFTER`): the speaker says where something is;
* in captions, "mind" followed by a word that makes it the verb ("back in leeds mind you").

A council, an NHS trust or a police force named after its town is a local body of the place a participant lives
in and is not read here (``public_bodies``, ``health_boards``). The name lists below were written for the project
from how UK charities' local branches name themselves.
"""

from __future__ import annotations

import re
from functools import cache

from .place_events import PLACE_AFTER
from .state import has_capital
from .words import place_names

AFTER_TOWN = ("mind", "foodbank", "food bank", "carers centre", "carers' centre", "carers’ centre", "young carers",
              "women's aid", "women’s aid", "rape crisis", "citizens advice", "samaritans", "mencap")
"""A charity's name that a local branch carries after its town ("Barnsley Mind", "the Keswick Foodbank")."""

BEFORE_TOWN = ("age uk", "mind in", "citizens advice", "carers trust")
"""A charity's name that a local branch carries before its town ("Age UK Leeds", "Mind in Harrogate")."""

_VERB_MIND = frozenset({"you", "your", "yours", "yourself", "ya", "ye", "out", "me"})
"""Words after "mind" that make it the verb in captions ("leeds mind you", "mind out")."""

_GOING_TO = frozenset({"to", "at", "from", "with", "the", "rang", "ring", "called", "via", "by", "through", "for",
                       "joined", "into", "see", "sees", "saw"})
"""Words before a town and "mind" in captions that make it the charity one goes to or hears from ("went to leeds
mind"), where "mind" after a place may otherwise be a tag of speech ("it was cold in leeds mind")."""

_TOWN = r"[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?"


def _alternation(names: tuple[str, ...]) -> str:
    return "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))


_AFTER = re.compile(r"(?<![\w'’-])(" + _TOWN + r")[ \t]+(" + _alternation(AFTER_TOWN) + r")(?![\w'’-])",
                    re.IGNORECASE)
_BEFORE = re.compile(r"(?<![\w'’-])(" + _alternation(BEFORE_TOWN) + r")[ \t]+(" + _TOWN + r")(?![\w'’-])",
                     re.IGNORECASE)
_GATE = re.compile(r"(?i)mind|food|carers|aid|crisis|advice|samaritans|mencap|age uk")


@cache
def _places() -> frozenset[str]:
    return place_names()


def _town_part(words: str, start: int, last: bool) -> tuple[int, int] | None:
    """The listed place among one or two ``words`` (which begin at ``start``), nearest the charity's name: the
    one or two words next to it (``last``: the place ends ``words``), or None."""
    parts = [(m.start() + start, m.end() + start, m.group(0)) for m in re.finditer(r"\S+", words)]
    for opt in (parts, parts[-1:] if last else parts[:1]):
        name = " ".join(w for _, _, w in opt).lower().replace("’", "'")
        if name in _places():
            return opt[0][0], opt[-1][1]
    return None


def _word_before(line: str, at: int) -> str:
    m = re.search(r"([\w'’-]+)[ \t]*$", line[:at])
    return m.group(1).lower() if m else ""


def _cased_name(text: str, a: int, b: int) -> bool:
    """Every word of ``text[a:b]`` but "in" written with a capital."""
    return all(w[:1].isupper() for w in text[a:b].split() if w.lower() != "in")


def branch_names(text: str) -> list[tuple[int, int, int, int]]:
    """Each local branch named after a listed place in ``text``: (start, end) of the whole name and (start, end) of
    its place, read line by line (a line without a capital is read as captions)."""
    if not _GATE.search(text):
        return []
    out: list[tuple[int, int, int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        s = line.group(0)
        cased = has_capital(s)
        for m in _AFTER.finditer(s):
            town = _town_part(m.group(1), m.start(1), last=True)
            if town is None:
                continue
            after = re.match(r"[ \t]*([\w'’-]+)", s[m.end():])
            nxt = after.group(1).lower() if after else ""
            if nxt in PLACE_AFTER or (m.group(2).lower() == "mind" and nxt in _VERB_MIND):
                continue
            if cased and not _cased_name(s, town[0], m.end()):
                continue
            if not cased and m.group(2).lower() == "mind" and _word_before(s, town[0]) not in _GOING_TO:
                continue  # "we lived in leeds mind": a tag of speech, unless said as a place one goes to
            out.append((town[0] + line.start(), m.end() + line.start(), town[0] + line.start(),
                        town[1] + line.start()))
        for m in _BEFORE.finditer(s):
            town = _town_part(m.group(2), m.start(2), last=False)
            if town is None:
                continue
            after = re.match(r"[ \t]*([\w'’-]+)", s[town[1]:])
            if after and after.group(1).lower() in PLACE_AFTER:
                continue
            if cased and not _cased_name(s, m.start(), town[1]):
                continue
            out.append((m.start() + line.start(), town[1] + line.start(), town[0] + line.start(),
                        town[1] + line.start()))
    return out
