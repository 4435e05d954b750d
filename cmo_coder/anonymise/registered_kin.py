"""A kin word written with a registered name stays; only the name goes: "Auntie [aunt's name]", "[aunt's name]
Masi".

A team registers a person as the family speaks of her ("Pushpa Chauhan" with the aliases "Auntie Pushpa" and
"Pushpa Masi"), so the whole alias is a registered form and was removed whole: "[aunt's name] brought the food"
no longer says that the speaker spoke of an aunt, and "Auntie" or "Masi" names nobody, any more than "my aunt"
does. Where a registered form of the person covers the rest of a proposal, a kin word at its start or its end
(:data:`.kin_words.KIN_LEADS`, :data:`.kin_words.KIN_TAILS`) is cut off every proposal of that stretch, and a
proposal that is only that kin word beside the registered name is dropped. The name keeps its register identity.

An unregistered "Auntie Yevgenia" is not cut: without the register's word that the rest is the name, the kin word
may be part of what an elder is called ("Mama Folasade"), and goes with the name (:mod:`.layers.kin_titles` cuts
only grandparents' words there).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import Candidate
from .kin_words import KIN_LEADS, KIN_TAILS
from .name_titles import TAIL_LOWER_ONLY

_LEAD = re.compile(r"([^\W\d_]+)[^\S\n]+")
_TAIL = re.compile(r"[^\S\n]+([^\W\d_]+)$")
_GAP = re.compile(r"[^\S\n]+")
"""Spaces between a kin word and a name on one line."""


_GUESSES = frozenset({"ner", "caseless", "lexicon"})
"""Layers that guess a kind from the words: the model read "Pani Zofia" as an organisation, and the guess is cut as
a person's would be."""


def _registered(found: list[Candidate], text: str = "") -> set[tuple[int, int]]:
    """Stretches the register calls a person; for a registered form written with a kin word ("Pani Zofia" as the
    team wrote it), the name inside it too, since the register made the form from that name."""
    out = set()
    for c in found:
        if c.layer == "register" and c.category == "person":
            out.add((c.start, c.end))
            lead = _LEAD.match(text, c.start, c.end) if text else None
            if lead and lead.group(1).lower() in KIN_LEADS and lead.end() < c.end:
                out.add((lead.end(), c.end))
            tail = _TAIL.search(text, c.start, c.end) if text else None
            if tail and _tail(tail.group(1)) and tail.start() > c.start:
                out.add((c.start, tail.start()))
    return out


def _cut(text: str, c: Candidate, names: set[tuple[int, int]]) -> Candidate | None:
    """``c`` without a kin word beside a registered name inside it; None where ``c`` is only that word."""
    start, end = c.start, c.end
    lead = _LEAD.match(text, start, end)
    if lead and lead.group(1).lower() in KIN_LEADS and any(s == lead.end() and e <= end for s, e in names):
        start = lead.end()
    tail = _TAIL.search(text, start, end)
    if tail and _tail(tail.group(1)) and any(e == tail.start() and s >= start for s, e in names):
        end = tail.start()
    if (start, end) == (c.start, c.end):
        return c
    return replace(c, start=start, end=end)


def _beside_name(text: str, c: Candidate, names: set[tuple[int, int]]) -> bool:
    """``c`` is one kin word right after a registered name ("Pushpa | Masi") or right before one."""
    word = text[c.start:c.end].lower()
    # each side is read only for a word that can stand on it: most candidates are no kin word, and walking
    # every registered name for each of them was the most of this pass (the answer is the same)
    if _tail(text[c.start:c.end]) and any((m := _GAP.match(text, e)) is not None and m.end() == c.start
                                          for _, e in names):
        return True
    return word in KIN_LEADS and any((m := _GAP.match(text, c.end)) is not None and m.end() == s for s, _ in names)


def _tail(word: str) -> bool:
    """A kin word said after a given name: "Masi", "Ba", and the Gujarati "ben" and "bhai" in lower case ("Kokila
    ben", "Nitin bhai"; "Ben" is a given name)."""
    return word.lower() in KIN_TAILS or (word.islower() and word in TAIL_LOWER_ONLY)


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with kin words beside registered names left to the text (module doc)."""
    names = _registered(found, text)
    if not names:
        return found
    out = []
    for c in found:
        if c.category != "person" and c.layer not in _GUESSES:
            out.append(c)
            continue
        if _beside_name(text, c, names):
            continue
        cut = _cut(text, c, names)
        if cut is not None and cut.end > cut.start:
            out.append(cut)
    return out
