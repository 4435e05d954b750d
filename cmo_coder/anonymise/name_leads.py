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


#: Words that join a name to the trade or place it is known by in a byname ("Jones the Post", "Dai the Milk",
#: "Wil o'r Felin", "Mary of the Glen"): Welsh and Irish villages name people so where surnames are shared.
BYNAME_JOINS = frozenset({"the", "o'r", "o’r", "of", "yr"})


def byname_head(tokens: list[str]) -> list[str]:
    """The name of a byname without its joined trade or place ("Jones the Post" → "Jones"): "the" and "Post"
    alone are no name, and taken as forms they made every "the" of every transcript a registered person. The
    whole byname stays a form of its own; a name with no join comes back as it is."""
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower() in BYNAME_JOINS:
            return tokens[:i]
    return tokens
