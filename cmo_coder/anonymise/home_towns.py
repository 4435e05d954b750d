"""A town that names a hospital is the town where people live there: "we moved to Wishaw when I was ten" with a
Wishaw General registered.

A register of "Wishaw General" makes "Wishaw" alone a form of the hospital, so every "Wishaw" reads
"[hospital name]", and "she grew up in [hospital name]" tells a reader something false (and that a hospital is
near her home). Where the words before it say where someone lives, was born, grew up, moved or comes from
("lives in", "moved to", "grew up in", "born in", "she's from", "our house in"), the one word is the town
and takes a place's placeholder; it is removed all the same. "He was in Wishaw for his leg" and "they took
him to Wishaw" stay the hospital. The word lists were written for the project.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_HOME = re.compile(
    r"\b(?:(?:live|lives|lived|living|stay|stays|stayed|staying|settled|grew\s+up|brought\s+up|raised|born|"
    r"bred|reared|moved|move|moves|moving|flitted|relocated|house|home|flat|family|folks|people)"
    r"(?:\s+(?:out|back|over|down|up|here|there|all))?\s+(?:in|to|from|at)"
    r"|(?:i'm|i\s+am|she's|he's|she\s+is|he\s+is|they're|we're|is|are|was|were|originally|all)\s+from)\s+$",
    re.IGNORECASE)


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with a one-word hospital reading said where people live made the town (module doc)."""
    out: list[Candidate] = []
    for c in found:
        surface = text[c.start:c.end]
        if (c.category == "hospital" and " " not in surface.strip() and surface[:1].isalpha()
                and _HOME.search(text[max(0, c.start - 40):c.start]) is not None
                and not surface.lower().startswith("the")):
            c = Candidate(c.start, c.end, "place", c.layer, c.score, "a town said where people live",
                          c.item_key, None, c.per_occurrence, c.word_reading)
        out.append(c)
    return out
