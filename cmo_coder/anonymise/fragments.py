"""False starts before a name: "Car- Carlos", "ci- ciciarelli", "R-Rebecca", "Nei- Nei- Neil".

Speech transcribed verbatim keeps a speaker's false start, and a false start on a name is
the first letters of that name: leaving "Car-" before "[name removed]" leaks part of it. Any
fragment that begins the name it precedes is taken into the name's redaction.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_A_LETTER = re.compile(r"[^\W\d_]")

_FRAGMENT = re.compile(r"([^\W\d_]{1,15})[-–—][ \t]*$")


def begins_word(fragment: str, text: str, pos: int) -> bool:
    """Whether ``fragment`` is how the word at ``pos`` begins ("ci-" before "ciciarelli")."""
    return text[pos : pos + len(fragment)].lower() == fragment.lower()


def false_starts(text: str, found: list[Candidate]) -> list[Candidate]:
    """A candidate from each run of name fragments to the end of the name it precedes."""
    out = []
    for c in found:
        if c.category != "person" or _A_LETTER.match(text[c.start : c.end]) is None:
            continue
        start = c.start
        while (m := _FRAGMENT.search(text, max(0, start - 40), start)) is not None:
            if not begins_word(m.group(1), text, c.start):
                break
            if m.start(1) > 0 and (text[m.start(1) - 1].isalnum() or text[m.start(1) - 1] in "-–—'’"):
                break  # part of a longer word ("jean-marc" is one name, not a false start)
            start = m.start(1)
        if start < c.start:
            assert text[start:c.end].lower().endswith(text[c.start : c.end].lower())
            out.append(Candidate(start, c.end, c.category, c.layer, c.score, "false start of a name",
                                 c.item_key, c.placeholder))
    return out
