"""A family word that name lists also hold, said after a possessive: "my Dadi", "our Oma", "me Granda".

The kin list (``data/public_names/kin.txt``) keeps the words UK households say for relatives, but leaves out
those some name list holds as a given name ("dadi", "bibi", "oma", "baba", "masi"), so that a person of that
name is never excused by the list. The statistical model then reads a capitalised "my Dadi" at the end of a
clause as a person, and the study loses who the speaker turned to.

A possessive right before the word settles it: "my Dadi" is said of a grandmother as "my nan" is, and a person
called Dadi is not said "my Dadi". So a proposal that is only such a word (with a possessive "'s" or not), right
after a possessive, is dropped, unless a name follows it ("my Dadi Kaur": the word is then part of how the
person is known, and goes with the name) or the register holds it (the register's entry always stands).

The words are those of the one list of words for relatives (:func:`.kin_words.kin_also_names`) that some name list
holds: a word the UK given-name list holds ("Lola", "Saba") or a common English given name ("Anne", Turkish for
mother) is not one, since "my Lola" or "my Anne" is as often a daughter or a wife.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .kin_words import kin_also_names
from .layers.words import listed_names
from .namelists import uk_given

POSSESSIVES = frozenset({"my", "me", "mi", "ma", "our", "your", "yer", "ur", "his", "her", "their"})
"""Possessives before a relative's word, as UK speakers say them ("me nan", "ma granda", "our kid")."""
_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+$")
_AFTER = re.compile(r"(?:['’]s)?[^\S\n]+([^\W\d_]+)")
_WORD = re.compile(r"^([^\W\d_]+)(?:['’]s)?$")


def kin_word(word: str) -> bool:
    """A listed kin word that is no given name of the UK list."""
    low = word.lower()
    return low in kin_also_names() and low not in uk_given()


def said_as_kin(text: str, c: Candidate) -> bool:
    """``c`` is one listed kin word, right after a possessive, and no name follows it."""
    m = _WORD.match(text[c.start:c.end])
    if m is None or not kin_word(m.group(1)):
        return False
    before = _BEFORE.search(text, max(0, c.start - 12), c.start)
    if before is None or before.group(1).lower() not in POSSESSIVES:
        return False
    after = _AFTER.match(text, c.end)
    if after is None:
        return True
    nxt = after.group(1)
    caseless = m.group(1).islower()
    return not (nxt[:1].isupper() if not caseless else nxt.lower() in listed_names())


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without a relative's word said after a possessive (module doc); the register's own entry and
    anything tied to a registered person stand."""
    return [c for c in found if c.layer == "register" or c.item_key is not None or not said_as_kin(text, c)]
