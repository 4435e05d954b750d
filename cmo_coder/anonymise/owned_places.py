"""A registered person's possessive before a place's head is the person's, and the head an ordinary noun.

"Kayden's school said Young Minds", "Tanvir's GP", "Mum's care home": the facility rules read a name word
with "'s" before a head as a facility named before its head (as "St Aidan's school" is), and the redaction
took the head with it: "[school name] said Young Minds" tells an analyst that a school was named, where a
mother spoke of her son's school. Where the name word is one the register holds as a person, the person is
what the words name: the name is removed as the person ("[name removed]'s school"), and the head stays.

A saint's name ("St Aidan's school"), an article before the name ("the Kayden's school" is no English) and a
name the register does not hold as a person are left to the facility rules as before.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_NOT_OWNED_BEFORE = re.compile(r"(?i)(?:\b(?:st|st\.|saint|ss|the|a|an)|[’'])\s*$")
_POSSESSIVE = re.compile(r"['’]s\s+\S")


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` less the facility readings that begin with a registered person's possessive (module doc)."""
    people = {(c.start, c.end) for c in found if c.layer == "register" and c.category == "person"
              and not c.per_occurrence}
    if not people:
        return found
    owners: dict[int, int] = {}
    for s, e in people:
        owners[s] = max(e, owners.get(s, e))
    out: list[Candidate] = []
    for c in found:
        end = owners.get(c.start)
        if (end is not None and c.category != "person" and c.layer in {"rules", "ner", "caseless"}
                and c.end > end + 3 and _POSSESSIVE.match(text, end)
                and not _NOT_OWNED_BEFORE.search(text[max(0, c.start - 8):c.start])):
            continue  # "Kayden's school": the person's school, not a school named Kayden's
        out.append(c)
    return out
