"""Workplaces named after their owners or places: "worked at brannigans", "hendersons factory",
"mcgregor's depot", "the elswick plant".

A participant's employer, in a town of one big firm or on a small trading estate, says who they
are. Local firms are named after a family or a place, and captions write them as they sound:

* a name of proper-name kind and a workplace's head: "hendersons factory", "mcgregor's depot",
  "the elswick plant", "thornley colliery" (not a kind: "the car factory", "the power plant",
  "the gas works");
* a family firm after work is said: "worked at brannigans", "got a job at mcgregor's", "works
  for pattersons" (a possessive, or a plural of a listed surname), not a person ("worked for
  john"), a company named otherwise ("working at nvidia": the model's), a town ("worked in
  leeds"), or a brand every town has ("worked at tesco": public names stay).
"""

from __future__ import annotations

import re

from .naming import norm_word, proper_word, public_words, said_words
from .words import listed_names, name_lexicon, place_names

_WORD = r"[^\W\d_][\w'’]*"
WORKPLACE_HEADS = ("factory", "factories", "warehouse", "mill", "mills", "depot", "garage", "yard", "works", "plant",
                   "foundry", "bakery", "dairy", "brewery", "quarry", "pit", "colliery", "abattoir", "haulage",
                   "builders", "scrapyard", "joinery", "laundry", "printworks", "sawmill", "distillery", "tannery",
                   "shipyard", "dockyard", "cannery", "mine", "steelworks", "ironworks", "gasworks", "brickworks",
                   "haulier", "hauliers", "logistics", "engineering", "fabrications", "packaging", "transport",
                   "motors", "coaches", "removals", "construction", "contractors", "plumbing", "roofing", "joinery")
_HEAD_SET = frozenset(WORKPLACE_HEADS)
_WORK_WORDS = frozenset({"work", "worked", "works", "working", "job", "jobs", "employed", "apprenticeship",
                         "apprentice", "started", "labouring", "off", "sacked", "redundant", "finished", "packing",
                         "shift", "shifts"})
_HEAD = re.compile(r"(?i)\b(the\s+)?(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+(" + "|".join(sorted(set(WORKPLACE_HEADS)))
                   + r")\b")
_WORKED = re.compile(r"(?i)\b(?:work(?:ed|s|ing)?|job|jobs|employed|apprenticeship|apprentice|started|labouring|"
                     r"laid\s+off|sacked|redundant|finished|packing|shifts?)\s+(?:at|for|down)\s+("
                     + _WORD + r")")
_NOT_EMPLOYERS = frozenset({"home", "night", "nights", "days", "weekends", "first", "last", "least", "all", "once",
                            "times", "length", "work", "school", "college", "uni", "university", "hospital",
                            "council", "parents", "mums", "dads", "nans", "home's", "homes", "pubs", "clubs",
                            "shops", "factories", "mills"})


def workplace_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of named workplaces (module doc), the head included and the article left out."""
    out: list[tuple[int, int]] = []
    said = said_words(text)
    for m in _HEAD.finditer(text) if said & _HEAD_SET else ():
        words = m.group(2).split()
        last = words[-1]
        low = norm_word(last).removesuffix("'s")
        if not proper_word(last, caseless) or low in _NOT_EMPLOYERS:
            continue
        if m.group(1) is None and not norm_word(last).endswith(("'s", "s")) and low not in place_names() \
                and m.group(3).lower() not in {"colliery", "pit", "mill", "mills", "works", "quarry", "plant"}:
            continue  # "hendersons factory", "mcgregor's depot"; a bare "kevin garage" is nothing
        if low in name_lexicon("first") and not norm_word(last).endswith(("'s", "s")):
            continue
        start = m.start(2) + m.group(2).rfind(last)
        if len(words) == 2 and proper_word(words[0], caseless) and not norm_word(words[0]).endswith("'s"):
            start = m.start(2)
        out.append((start, m.end(3)))
    for m in _WORKED.finditer(text) if said & _WORK_WORDS else ():
        word = m.group(1)
        low = norm_word(word)
        bare = low.removesuffix("'s")
        if (low in _NOT_EMPLOYERS or bare in place_names() or bare in public_words() or not proper_word(word, caseless)
                or text[m.end(1) : m.end(1) + 12].lower().lstrip().startswith(WORKPLACE_HEADS)):
            continue  # the head form above has "brannigans warehouse"
        plural = low.endswith("'s") or (low.endswith("s") and not low.endswith("ss")
                                        and (low[:-1] in listed_names() or proper_word(low[:-1], True)))
        if not plural:
            continue  # "worked for john", "working at nvidia": a person or a company, the other layers' to decide
        out.append(m.span(1))
    return sorted(set(out))
