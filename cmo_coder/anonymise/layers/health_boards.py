"""Territorial health boards and trusts of Scotland, Wales and Northern Ireland, said by name: "NHS Tayside",
"Cwm Taf Morgannwg were good about it", "the Hywel Dda health board", "the Southern Trust".

Each covers one region, so its name says where a participant lives or works, as an English trust's does; the
model reads some as people ("Cwm Taf Morgannwg") and none in captions. They are removed as a trust is
("[trust name]"). Names come from ``data/health_boards.txt`` (its header gives the sources); each is said the way
its nation says it: a Scottish board after "NHS", a Welsh board before "health board" or "UHB" (a few distinctive
ones alone: "Betsi Cadwaladr", "Hywel Dda"), a Northern Irish trust before "Trust". National boards (NHS 24, NHS
Inform) are public bodies the allow-list keeps.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

REASON = "a territorial health board or trust, said by name"
_WELSH_TAIL = r"(?:\s+(?:university\s+|teaching\s+)?health\s+board|\s+uhb|\s+lhb)"
_SCOTTISH_TAIL = r"(?:\s+(?:health\s+)?board)?"
_IRISH_TAIL = r"\s+(?:health\s+and\s+social\s+care\s+|hsc\s+)?trust"


@cache
def _boards() -> list[tuple[str, str, bool]]:
    text = resources.files("cmo_coder.data").joinpath("health_boards.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [(r["nation"], r["name"], r["alone"] == "yes") for r in csv.DictReader(io.StringIO("\n".join(rows)))]


def welsh_board_alone(words: str) -> bool:
    """Whether ``words`` (an article before it allowed) are a Welsh board said by its name alone ("Betsi
    Cadwaladr", "the Hywel Dda"): a health board, where a Northern Irish "… Trust" is a trust."""
    low = " ".join(words.lower().split())
    low = low[4:] if low.startswith("the ") else low
    return any(nation == "wales" and " ".join(name.lower().split()) == low for nation, name, _ in _boards())


def _name(name: str) -> str:
    return r"\s+".join(re.escape(w) for w in name.split())


@cache
def _pattern() -> re.Pattern[str]:
    parts = []
    for nation, name, alone in sorted(_boards(), key=lambda b: -len(b[1])):
        if nation == "scotland":
            parts.append(r"nhs\s+" + _name(name) + _SCOTTISH_TAIL)
        elif nation == "wales":
            parts.append(_name(name) + (r"(?:" + _WELSH_TAIL + r")?" if alone else _WELSH_TAIL))
        else:
            parts.append(_name(name) + _IRISH_TAIL)
    # a possessive after the board is the board's ("NHS Fife's palliative team"), not a longer word
    return re.compile(r"(?i)(?<![\w'’-])(?:" + "|".join(parts) + r")(?=['’]s\b|(?![\w'’-]))")


def health_board_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Where a territorial board or trust is named; in cased text its name is written with capitals."""
    out = []
    for m in _pattern().finditer(text):
        words = [w for w in m.group(0).split() if w.lower() not in {"and", "bro"}]
        if not caseless and not all(w[:1].isupper() or w.lower() in {"health", "board", "trust", "university",
                                                                      "teaching", "social", "care"} for w in words):
            continue
        out.append(m.span())
    return out


_AREA_BODY_HEAD = re.compile(r"(?i)(?<![\w'’-])(?:ICB|ICS|CCG|integrated\s+care\s+(?:board|system|partnership)|"
                             r"clinical\s+commissioning\s+group)(?![\w-])")
_AREA_JOINS = frozenset({"and", "&"})
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "mid", "greater", "north-east", "north-west", "south-east", "south-west", "north east",
                      "inner", "outer"})
_NOT_AREA = frozenset({"the", "our", "my", "your", "their", "his", "her", "local", "new", "old", "nhs", "a", "an",
                       "this", "that", "each", "every", "england", "uk"})
_AREA_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def area_body_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """English bodies named after the area they cover: "the Lancashire and South Cumbria ICB", "Kent and Medway
    Integrated Care Board", "North Yorkshire CCG". Each covers one region, as a territorial board does, so the
    privacy notes' decision for boards holds (removed whole as "[trust name]"); read word by word, the model
    took each county for a town and left "[city name] and South [city name] ICB". The area's words run back
    from the head: in cased text capitalised words joined by "and"; in captions only listed places, compass
    words and counties' "-shire" (a caption's "the local icb" or "our icb" names no area)."""
    from .words import place_names

    places = place_names()
    out = []
    for m in _AREA_BODY_HEAD.finditer(text):
        base = max(0, m.start() - 80)
        words = list(_AREA_WORD.finditer(text, base, m.start()))
        first = None  # the start of the area's first word
        edge = m.start()  # where the words taken so far begin
        for w in reversed(words):
            if text[w.end() : edge].strip():
                break  # punctuation between: the area's name has ended
            low = w.group(0).lower()
            if low in _NOT_AREA or low in STOP_WORDS and low not in _AREA_JOINS:
                break  # "Then ICB said no": a sentence's first word, no area
            if low not in _AREA_JOINS:
                area = (w.group(0)[:1].isupper() if not caseless
                        else low in places or low in _COMPASS or low.endswith("shire"))
                if not area:
                    break
                first = w.start()
            edge = w.start()
        if first is not None:
            out.append((first, m.end()))
    return out
