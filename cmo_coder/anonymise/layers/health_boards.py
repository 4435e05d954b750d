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

REASON = "a territorial health board or trust, said by name"
_WELSH_TAIL = r"(?:\s+(?:university\s+|teaching\s+)?health\s+board|\s+uhb|\s+lhb)"
_SCOTTISH_TAIL = r"(?:\s+(?:health\s+)?board)?"
_IRISH_TAIL = r"\s+(?:health\s+and\s+social\s+care\s+|hsc\s+)?trust"


@cache
def _boards() -> list[tuple[str, str, bool]]:
    text = resources.files("cmo_coder.data").joinpath("health_boards.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [(r["nation"], r["name"], r["alone"] == "yes") for r in csv.DictReader(io.StringIO("\n".join(rows)))]


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
    return re.compile(r"(?i)(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w'’-])")


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
