"""Someone brought into the story as new is nobody the team registered: "I met a guy called Chidi there".

A name said after "a guy called", "a woman named", "this lassie called" is introduced to the listener, so the
speaker does not take it as known; when it only sounds like a registered name (Chidi like a registered
Chaudhry) it is that stranger's name, not the registered person's, and giving it the registered person's
placeholder ("a guy called [GP's name]") tells a reader something false. The name still goes: the sound-alike
is kept as a plain person, without the registered identity and placeholder. A name spelt as registered is left
to the register ("a guy called Ciaran" with a Ciaran registered is decided there).
"""

from __future__ import annotations

import re

from .candidates import Candidate

_NEWCOMER = re.compile(
    r"(?i)\b(?:a|an|this|some|one|another|other)\s+(?:(?:wee|young|old|auld|big|nice|lovely|new)\s+)?"
    r"(?:guy|man|woman|lady|lad|lass|lassie|fella|fellow|bloke|boy|girl|wee\s+guy|gentleman|chap|person|"
    r"pal|friend|mate|worker|doctor|nurse|pastor|priest|volunteer|girl|wumman|wifie|felly|boy|one)\s+"
    r"(?:(?:that\s+was|that's|who\s+was|who's)\s+)?(?:called|named|cawed|by\s+the\s+name\s+of)\s+$"
    r"|\b(?:someone|somebody|anybody|anyone)\s+(?:called|named)\s+$"
    r"|\b(?:a|another)\s+(?:pal|friend|mate|neighbour)\s+(?:o[f']|o)\s+(?:mine|ours|hers|his)\s*,?\s+$")
"""A new person brought in ("a guy called", "this woman named", "someone called", "a pal of mine"): written for
the project."""


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with sound-alikes of registered names after a newcomer's introduction made plain people."""
    spelt = {(c.start, c.end) for c in found if c.layer == "register"}
    out: list[Candidate] = []
    for c in found:
        if (c.layer == "sound_alike" and (c.start, c.end) not in spelt
                and _NEWCOMER.search(text, max(0, c.start - 60), c.start) is not None):
            c = Candidate(c.start, c.end, "person", "rules", c.score, "a new person introduced by name")
        out.append(c)
    return out
