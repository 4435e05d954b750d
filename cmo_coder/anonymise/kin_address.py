"""Relatives named by relation in British Asian, Somali, Polish and Irish families: "Ba has no English", "by Papa
ji's bed", "Hooyo asked for her sister", "Dadi-ji was ninety". Several layers read such a word where a name
stands (a speech verb's subject, before "ji", a word on a given-name list, a sound like a name's familiar form),
and removing it takes from the analyst who the speaker means (a grandmother, a father) while naming no one.

A proposal that is only kin words and honorifics (:data:`.kin_words.KIN_OF_ADDRESS`) is dropped, but for an
exact registered form (a team that registers "Ba" as someone's alias has it removed) and an occurrence already
put to the reviewer as possibly a registered name (:attr:`.candidates.Candidate.per_occurrence`).
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .kin_said import POSSESSIVES
from .kin_words import KIN_OF_ADDRESS
from .layers.words import listed_names
from .name_titles import only_words_of_address

_TAIL = re.compile(r"(?:-|[^\S\n]+)(?:ji|jee|sahib|saheb)\b", re.IGNORECASE)
_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+$")


def by_relation_only(surface: str, text: str = "", start: int = 0, end: int = 0) -> bool:
    """``surface`` (at ``text[start:end]`` when given) names a relative by relation only: kin words and
    honorifics, and, if it is one word, a word for a relative (not a tail said after a name: "ben", "bhai",
    "sahib", "kaka" alone is a name as often) that no name list holds ("Ba", "Hooyo"). One word a name list also
    holds ("Dadi", "Masi", "Papa", "Nanny") is someone's name as often as a relation when said alone, so the
    name layers decide it; said with an honorific after it ("Dadi-ji", "Papa ji") or a possessive before it
    ("my Masi") it is the relation."""
    core = surface.removesuffix("'s").removesuffix("’s")
    if not only_words_of_address(core):
        return False
    words = core.replace("-", " ").split()
    if len(words) > 1:
        return True
    if words[0].lower() not in KIN_OF_ADDRESS:
        return False  # a tail alone ("ben", "bhai", "sahib", "kaka") is said after a name, not for a relative
    if words[0].lower() not in listed_names():
        return True
    if not text:
        return False
    before = _BEFORE.search(text, max(0, start - 12), start)
    return bool(_TAIL.match(text, end)) or (before is not None and before.group(1).lower() in POSSESSIVES)


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the proposals that name a relative by relation only."""
    return [c for c in found if c.layer == "register" or c.per_occurrence
            or not by_relation_only(text[c.start:c.end], text, c.start, c.end)]
