"""Someone said to be from a place by its kind: "chidi fae the church", "a lad frae the pub", "Gary from the club".

Two readers take a name and a kind of place after it as one place: the rules that read a place named beside its
kind ("called chidi fae the pub" → a pub "chidi fae") and the step that keeps a church said by whose it is ("chidi
fae the church" → a church "chidi fae"). In both the word before "the" says where the person is from, so the
name before it is a person's, and it is never part of the place's name. Both read that word here.

Written for the project from how people in the UK say where someone is from, with the Scots "fae" and "frae".
"""

from __future__ import annotations

import re

from ..origins import SCOTS_FROM

FROM_WORDS = frozenset({"from", "fae", "frae", "at", "in", "o'", "of"})
"""Words that make "X from the church" a person from a church, not a church called "X from the"."""


def said_from(word: str) -> bool:
    """``word`` says where someone is from or belongs, before "the" and a kind of place ("fae", "from")."""
    return word.lower().replace("’", "'") in FROM_WORDS


_BEFORE_A_PLACE = frozenset({"the", "a", "an", "our", "my", "his", "her", "their", "your", "that", "this", "yon",
                             "t'"})
"""Words that begin what someone is from ("fae the church", "frae oor bit" is not read): articles and possessives."""


def scots_from_before(word: str, next_word: str | None) -> bool:
    """``word`` is the Scots "fae" or "frae" and ``next_word`` begins where someone is from ("a man fae the
    church"), so ``word`` says where a person is from and is no part of a name, though "Fae" is a given name."""
    if next_word is None or word.lower() not in SCOTS_FROM:
        return False
    return next_word.lower().replace("’", "'") in _BEFORE_A_PLACE


def from_the(text: str, end: int, heads: re.Pattern[str]) -> bool:
    """``text`` at ``end`` goes on with "the" and a head ``heads`` matches ("… | the church")."""
    m = re.compile(r"(?i)\s+the\s+").match(text, end)
    return m is not None and heads.match(text, m.end()) is not None
