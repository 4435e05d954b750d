"""Cased text: a town whose name is also an everyday word, said where someone lives or comes from.

The place list drops every town that is also a word ("Reading", "Bath", "Wells", "Street", "March", "Hope",
"Scone", "Deal"), because a list matches wherever its words stand. Yet a participant's town is one of the
things that narrows down who they are, and "She lives in Reading now" left it. Cased text gives two pieces of
evidence together: the word has its capital away from a sentence's start, and the words before it are a
frame of residence or origin: "lives in", "moved to", "grew up in", "born in", "is from", "comes from", "been in"
("I've been in Felling ever since").
Both are asked, so "lives in hope", "moved to tears" and "from March" (a month, on no town list) stay.
Captions have no capital, and the same frames take everyday words there ("lives in fear"), so they are left
to the review's residual list.
"""

from __future__ import annotations

import re
from functools import cache

from .words import CALENDAR, town_lines, uk_towns

REASON = "a town named with an everyday word, capitalised where someone lives or comes from"
_FRAME = re.compile(
    r"(?:\b(?:lives?|living|lived|moved|moving|grew\s+up|brought\s+up|born|raised|settled|retired|based|been)\s+"
    r"(?:in|to|at|near|over\s+in|down\s+in|up\s+in|out\s+in|down\s+to|up\s+to|over\s+to|out\s+to)"
    r"|(?:['’](?:s|re|m)|\bis|\bare|\bwas|\bwere|['’]m|\bam|\bcomes?|\bcame|\boriginally)\s+(?:originally\s+)?from"
    r"|\b(?:lad|lass|man|woman|bloke|fella|girl|boy|family|chap|lady|folk|people)\s+from"
    r"|(?<![.?!]\s)\b(?!(?:Apart|Aside|Away|Far|Different|Free|Straight|Back|Up|Down|Out|Off|On)\b)[A-Z][a-z]+\s+from)"
    r"\s+$")
"""Words right before a town that say someone lives there or comes from it ("lives in", "she's from", "Mr Dewar
from")."""


@cache
def word_towns() -> frozenset[str]:
    """One-word UK towns and districts (:func:`.words.town_lines`) that :func:`.words.uk_towns` drops as words or
    names."""
    kept = uk_towns()
    out = set()
    for name in town_lines():
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


CAPTION_REASON = "a town named with an everyday word, said where someone lives or comes from, its phrase ended"
_CAPTION_FRAME = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:lives?|living|lived|moved|moving|grew\s+up|brought\s+up|born|raised|settled|retired|"
    r"based|been)\s+(?:(?:out|up|down|over)\s+)?(?:in|to|at|near)"
    r"|(?:['’](?:s|re|m)|(?<![\w'’-])(?:is|are|was|were|am|comes?|came|originally))\s+(?:originally\s+)?from"
    r"|(?<![\w'’-])(?:lad|lass|bloke|fella|family|folk|people)\s+from"
    r"|(?<![\w'’-])(?:mr|mrs|ms|miss|dr|nurse)\s+[^\W\d_]+\s+from)\s+$")
"""Frames of residence or origin as captions write them, with no capital to lean on ("lives out at", "she's from",
"mr dewar from")."""
_READ_AS_WORDS = frozenset({"hope", "over", "church", "bridge", "hill", "valley", "pool", "school", "street", "wall",
                            "moss", "grove", "dale", "croft", "rock", "stone", "stock", "sale", "send", "settle",
                            "deal", "sway", "wing", "tumble", "battle", "healing", "cooling", "locking", "grain",
                            "wool", "beer", "bath", "cove", "hook", "mold", "diss", "rake", "ware", "mere", "fleet",
                            "forth", "crook", "plains", "banks", "washington"})
"""Towns whose word fits the same frames as a word ("lives in hope", "moved to settle", "from over there",
"goes to church", "came from the hill") unless the phrase ends right after: these need a word that ends the
phrase and no verb's reading after "to" (written for the project)."""
_ENDS_AFTER = frozenset({"", "now", "originally", "and", "but", "so", "when", "where", "then", "since", "before",
                         "after", "because", "cos", "near", "way", "area", "i", "he", "she", "we", "they", "you",
                         "it", "his", "her", "their", "my", "our", "yeah", "like", "um", "er", "erm", "for", "years",
                         "came", "come", "comes", "rang", "said", "says", "was", "is", "were", "used", "has", "had",
                         "these", "those", "anyway", "actually", "mind", "though", "as", "all", "with", "ever"})
"""Words that may follow a town said in a frame of residence or origin: the phrase has ended."""
_AFTER_TO = frozenset({"with", "his", "her", "their", "my", "our", "it", "them", "him", "up", "out", "for", "the",
                       "a", "an", "what", "that", "this"})
"""After "moved to X", words that make X a verb ("moved to deal with", "moved to settle his debts")."""


def caption_word_town_spans(text: str) -> list[tuple[int, int]]:
    """Captions: an everyday-word town (:func:`word_towns`) after a frame of residence or origin whose phrase ends
    right after it ("she lives out at scone now", "mr dewar from scone came"). A word that reads as the word
    in the frame ("lives in hope", "moved to deal with it") needs the phrase's end and no object after "to"."""
    towns = word_towns()
    out = []
    for m in re.finditer(r"[^\W\d_]{4,}", text):
        low = m.group(0).lower()
        if low not in towns:
            continue
        frame = _CAPTION_FRAME.search(text[max(0, m.start() - 40) : m.start()])
        if frame is None:
            continue
        nxt = re.match(r"\s*([\w'’]+)", text[m.end() : m.end() + 30])
        after = nxt.group(1).lower() if nxt else ""
        if after not in _ENDS_AFTER:
            continue  # "moved to reading glasses", "from bath road": the phrase goes on
        to_frame = frame.group(0).rstrip().lower().endswith("to")
        if to_frame and (after in _AFTER_TO or low in _READ_AS_WORDS and after not in {"", "now", "when", "and"}):
            continue  # "moved to deal with her things", "moved to settle his debts"
        if low in _READ_AS_WORDS and not (after in {"", "now", "originally", "when", "and", "near"} or "from" in
                                          frame.group(0).lower()):
            continue
        if low == "hope" and re.search(r"(?i)lives?\s+in\s+$|living\s+in\s+$", frame.group(0)):
            continue  # "she lives in hope": said far more often than the village
        out.append(m.span())
    return out
