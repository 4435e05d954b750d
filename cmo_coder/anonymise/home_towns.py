"""A town that names a hospital is the town where people live there: "we moved to Wishaw when I was ten" with a
Wishaw General registered.

A register of "Wishaw General" makes "Wishaw" alone a form of the hospital, so every "Wishaw" reads
"[hospital name]", and "she grew up in [hospital name]" tells a reader something false (and that a hospital is
near her home). Where the words before it say where someone lives, was born, grew up, moved or comes from
("lives in", "moved to", "grew up in", "born in", "she's from", "our house in"), the one word is the town
and takes a place's placeholder; it is removed all the same. "He was in Wishaw for his leg" and "they took
him to Wishaw" stay the hospital. The word lists were written for the project.

The same holds for a registered place nobody stays in: a practice, a pharmacy, a place of worship, a pub, a
club, a shop, a café, a workplace ("Crieff Medical Centre" registered; "Dad's in Crieff, in the same house").
Nobody is "in" a surgery or a church for a stretch of their life, so there a form of "be" before "in" says the
town too ("he's in Crieff", "they're all in Alnwick", "my mum's still in Brixham"). "I rang Crieff", "she's
at Brixham for her bloods" stay the practice. A school is left out of that reading: a pupil is "in" a school
("she's in Oakwood now, year three"), so only the words of living and moving make its word the town.
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


_BE_IN = re.compile(
    r"(?:'s|\bis|'re|\bare|'m|\bam|\bwas|\bwere|\bbeen|\bbe)(?:\s+(?:still|all|now|both|back|out|up|down|"
    r"living|staying|based))*\s+in\s+$",
    re.IGNORECASE)

#: Registered kinds nobody stays in: a form of "be" before "in" says the town (module doc).
NO_STAY = frozenset({"practice", "pharmacy", "church", "mosque", "gurdwara", "temple", "synagogue", "pub", "club",
                     "shop", "cafe", "workplace"})

#: Kinds whose one word is the town after the words of living and moving (``_HOME``).
HOME_KINDS = NO_STAY | {"hospital", "school"}


def _said_as_home(text: str, c: Candidate) -> bool:
    before = text[max(0, c.start - 40):c.start]
    if _HOME.search(before) is not None:
        return True
    return c.category in NO_STAY and _BE_IN.search(before) is not None


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with a one-word hospital, practice, church, pub (…) reading said where people live made the
    town (module doc)."""
    out: list[Candidate] = []
    for c in found:
        surface = text[c.start:c.end]
        if (c.category in HOME_KINDS and " " not in surface.strip() and surface[:1].isalpha()
                and _said_as_home(text, c)
                and not surface.lower().startswith("the")):
            c = Candidate(c.start, c.end, "place", c.layer, c.score, "a town said where people live",
                          c.item_key, None, c.per_occurrence, c.word_reading)
        out.append(c)
    return out
