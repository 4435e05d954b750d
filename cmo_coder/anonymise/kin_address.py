"""Relatives named by relation in British Asian, Somali, Polish and Irish families: "Ba has no English", "by Papa
ji's bed", "Hooyo asked for her sister", "Dadi-ji was ninety". Several layers read such a word where a name
stands (a speech verb's subject, before "ji", a word on a given-name list, a sound like a name's familiar form),
and removing it takes from the analyst who the speaker means (a grandmother, a father) while naming no one.

A proposal that is only kin words and honorifics (:data:`.name_titles.KIN_OF_ADDRESS`) is dropped, but for an
exact registered form (a team that registers "Ba" as someone's alias has it removed) and an occurrence already
put to the reviewer as possibly a registered name (:attr:`.candidates.Candidate.per_occurrence`).
"""

from __future__ import annotations

from .candidates import Candidate
from .name_titles import only_words_of_address


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the proposals that name a relative by relation only."""
    return [c for c in found if c.layer == "register" or c.per_occurrence
            or not only_words_of_address(text[c.start:c.end].removesuffix("'s").removesuffix("’s"))]
