"""Words a team writes before a name in a register alias ("our Declan", "Big Mags", "wee Shug", "auld Tam"):
they say how a family or a team speaks of the person, and are no part of the name. Taken as name forms they
would make "our", "big" or "wee" a registered person everywhere ("did our training" → "did [son's name]
training"), so the name's forms are made from what follows them; the whole alias stays a form of its own.

The list is written for the project, from how people in Scotland, Ireland and the north of England speak of
family and friends; a possessive or a size or age word only, never a title (titles are handled apart).
"""

from __future__ import annotations

NAME_LEADS = frozenset({"our", "oor", "wor", "my", "ma", "the", "wee", "big", "auld", "old", "young", "little",
                        "lil", "aul", "ould"})
"""Lower-case words said before a given name or nickname that are no part of it (written for the project)."""


def drop_name_leads(tokens: list[str]) -> list[str]:
    """``tokens`` without the words before the name proper; at least one token is always left, so a name that
    is only such a word ("Big") stays as written."""
    start = 0
    while start < len(tokens) - 1 and tokens[start].lower() in NAME_LEADS:
        start += 1
    return tokens[start:]
