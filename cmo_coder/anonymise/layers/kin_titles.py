"""A grandparent's title before a name stays; only the name goes ("Grandma [name removed]").

"Grandma Jean", "Nan Pearl", "me and Grandad Tomasz": the statistical model and the title rules read the kin word
and the name as one person, so an unchecked pass removes "Grandma" too, and a study loses who the person was to
the speaker. A kin word is never a name, and it says no more than "my grandma" does, which every pass keeps. So a
proposal that begins with a grandparent's word and goes on to a given name is cut to the name ("Grandma Okafor"
stays whole: a surname after the word may make the word part of how the person is known). Only grandparent words
are cut, and never "Nana", also a given name and a title of Akan families ("Nana Mensah"). "Auntie", "Uncle",
"Mama" and "Papa" are also said of elders who are no kin ("the pastor's wife, Mama Folasade"), where the title
is part of what the person is called, and go with the name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..candidates import Candidate
from .titles import GRANDPARENT_TITLES
from .words import name_lexicon

KIN_TITLES = GRANDPARENT_TITLES | {"nanny", "grandpa", "granda", "grampa", "grandmother",
                                   "grandfather", "gramps", "nain", "taid"}
"""Grandparent words in every casing (the titles' own, and the Welsh "Nain" and "Taid"); written for the project.
No word here is a given name of the name lists (a test checks)."""
_LEAD = re.compile(r"([^\W\d_]+)[ \t]+(?=[^\W\d_])")
_WORD = re.compile(r"[^\W\d_]+")


def cut_kin_title(c: Candidate, text: str) -> Candidate:
    """``c`` without a grandparent's word at its start, if a word follows inside it; ``c`` itself otherwise.

    Offsets stay exact: the cut starts at the first character of the next word, which is still in ``c``."""
    m = _LEAD.match(text, c.start, c.end)
    if m is None or m.group(1).lower() not in KIN_TITLES or m.end() >= c.end:
        return c
    name = _WORD.match(text, m.end(), c.end)
    if name is None or name.group(0).lower() not in name_lexicon("first"):
        return c
    return replace(c, start=m.end())
