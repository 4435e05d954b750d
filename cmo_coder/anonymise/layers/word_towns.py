"""Cased text: a town whose name is also an everyday word, said where someone lives or comes from.

The place list drops every town that is also a word ("Reading", "Bath", "Wells", "Street", "March", "Hope",
"Scone", "Deal"), because a list matches wherever its words stand. Yet a participant's town is one of the
things that narrows down who they are, and "She lives in Reading now" left it. Cased text gives two pieces of
evidence together: the word has its capital away from a sentence's start, and the words before it are a
frame of residence or origin: "lives in", "moved to", "grew up in", "born in", "is from", "comes from".
Both are asked, so "lives in hope", "moved to tears" and "from March" (a month, on no town list) stay.
Captions have no capital, and the same frames take everyday words there ("lives in fear"), so they are left
to the review's residual list.
"""

from __future__ import annotations

import re
from functools import cache

from .words import CALENDAR, _data_lines, uk_towns

REASON = "a town named with an everyday word, capitalised where someone lives or comes from"
_FRAME = re.compile(
    r"(?:\b(?:lives?|living|lived|moved|moving|grew\s+up|brought\s+up|born|raised|settled|retired|based)\s+"
    r"(?:in|to|at|near|over\s+in|down\s+in|up\s+in|out\s+in|down\s+to|up\s+to|over\s+to|out\s+to)"
    r"|(?:['’]s|\bis|\bare|\bwas|\bwere|['’]m|\bam|\bcomes?|\bcame|\boriginally)\s+(?:originally\s+)?from"
    r"|\b(?:lad|lass|man|woman|bloke|fella|girl|boy|family|chap|lady|folk|people)\s+from"
    r"|(?<![.?!]\s)\b(?!(?:Apart|Aside|Away|Far|Different|Free|Straight|Back|Up|Down|Out|Off|On)\b)[A-Z][a-z]+\s+from)"
    r"\s+$")
"""Words right before a town that say someone lives there or comes from it ("lives in", "she's from", "Mr Dewar
from")."""


@cache
def word_towns() -> frozenset[str]:
    """One-word UK towns (``data/uk_towns.txt``) that :func:`.words.uk_towns` drops as words or names."""
    kept = uk_towns()
    out = set()
    for name in _data_lines("uk_towns.txt"):
        low = name.lower()
        if " " in low or not low.isalpha() or len(low) < 4 or low in kept or low in CALENDAR:
            continue
        out.add(low)
    return frozenset(out)


_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def word_town_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of capitalised everyday-word towns said in a frame of residence or origin."""
    towns = word_towns()
    out = []
    for m in _WORD.finditer(text):
        if m.group(0).lower() not in towns:
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if _FRAME.search(before) and not re.search(r"[.?!]\s*$", before):
            out.append(m.span())
    return out
