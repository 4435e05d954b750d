"""A church said by whose it is, not by its name: "the Ghanaian church in Govan", "the Polish church".

A people's or a faith's word before a place of worship ("the Nigerian church", "the Polish chapel", "the
Catholic church") says which community worships there, as "the Irish club" does: it is no church's own name,
and removing it removed what the study needs to read (who the speaker turns to). The place that follows
("in Govan") is still a place, and so is someone said to be from the church ("chidi fae the church" is a
man, not a church's name). A church named by its own words ("the Redeemed church", "St Columba's") is left
to the layers that propose it.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.words import PEOPLES

_WORSHIP = frozenset({"church", "churches", "chapel", "mosque", "gurdwara", "temple", "synagogue", "mission",
                      "fellowship", "congregation", "parish", "kirk", "mandir", "masjid"})
"""Heads of a place of worship said after a people's or faith's word (written for the project)."""
_FROM = frozenset({"from", "fae", "frae", "at", "in", "o'", "of"})
"""Words that make "X from the church" a person from a church, not a church called "X from the"."""
_THE_HEAD = re.compile(r"(?i)\s+the\s+(?:" + "|".join(sorted(_WORSHIP)) + r")\b")
_ARTICLE = re.compile(r"(?i)\b(?:the|a|an|their|our|his|her|my|your)\s+$")


def _kind_only(text: str, c: Candidate) -> bool:
    words = text[c.start:c.end].lower().replace("’", "'").split()
    if words and words[-1] in _FROM and _THE_HEAD.match(text, c.end):
        return True  # "chidi fae | the church": the name and "fae" read as the church's name
    if len(words) < 2 or words[-1] not in _WORSHIP:
        return False
    if len(words) >= 3 and words[-2] == "the" and words[-3] in _FROM:
        return True  # "a guy called chidi fae the church": someone from a church, not its name
    people = " ".join(words[:-1]).removeprefix("the ")
    return people in PEOPLES and _ARTICLE.search(text, max(0, c.start - 12), c.start) is not None


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without places of worship said only by a people's or faith's word (module doc)."""
    return [c for c in found if c.category == "person" or not _kind_only(text, c)]
