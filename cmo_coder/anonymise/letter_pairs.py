"""Hospitals said as two letters joined by "and": "the X-ray at the K and C", "up the L and D", a caption's
"from the l and d".

Staff and patients call a hospital of two names by their initials with "and" between them, the way they say "A
and E": a trust's hospital named after two towns or a town and a county, or a pair of saints. No list or model
reads the pair as a place (each letter alone is no name, and "and" splits them), so a study's hospital stayed
in every transcript that said it this way, and a hospital names the town a person lives in as surely as the town
does. A pair is a place here where it is said as one: after a word of going, being or coming from and "the"
("at", "to", "up", "down", "from", "in", "into", "out of", "round", "outside", "near", "by", "behind",
"over"). The pairs that every town has or that name public things are kept: "A and E" (every hospital's), shops
and firms ("M and S", "B and Q", "H and M", "B and M", "C and A", "P and O"), "B and B", "Q and A", "R and D",
"T and C", "D and T", "R and B", "G and T", "A and R", and "x and y". In cased text both letters must be
capitals; in a turn with no capitals (captions) both must be lower case, since a caption writes every name so.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_PAIR = re.compile(r"(?i)\b(?:at|to|up|down|from|in|into|out\s+of|round|outside|near|by|behind|over)\s+the\s+"
                   r"(([a-z])(?:\s+(?:and|n|'n')\s+|\s*&\s*)([a-z]))(?![\w&'’])")
PUBLIC_PAIRS = frozenset({"ae", "ms", "bq", "hm", "bm", "ca", "po", "bb", "qa", "rd", "tc", "dt", "rb", "gt", "ar",
                          "xy"})
"""Letter pairs said with "and" that name no place of anyone's: the emergency department every hospital has,
shops and firms, a bed and breakfast, a question session, subjects and the like (written for the project)."""
_REASON = "a hospital said as two letters joined by 'and'"


def _caseless_turn(text: str, start: int) -> bool:
    """Whether the turn holding ``start`` (turns are parted by a blank line) has no capital letter."""
    begin = text.rfind("\n\n", 0, start)
    end = text.find("\n\n", start)
    turn = text[begin + 2 if begin >= 0 else 0:end if end >= 0 else len(text)]
    return not any(ch.isupper() for ch in turn)


def candidates(text: str) -> list[Candidate]:
    """New candidates for hospitals said as two letters joined by "and" (module doc)."""
    out: list[Candidate] = []
    if " the " not in text:
        return out
    for m in _PAIR.finditer(text):
        first, second = m.group(2), m.group(3)
        if (first + second).lower() in PUBLIC_PAIRS:
            continue
        if first.isupper() and second.isupper():
            pass
        elif not (first.islower() and second.islower() and _caseless_turn(text, m.start(1))):
            continue
        out.append(Candidate(m.start(1), m.end(1), "hospital", "rules", 0.8, _REASON))
    return out
