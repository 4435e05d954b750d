"""A nation's name or abbreviation after a public body's name is that body's branch: "Mencap NI", "Mind Cymru",
"Action Mental Health NI", "Autism NI".

UK charities and bodies name their branches in the four nations by adding the nation to the name ("Age NI",
"Alzheimer Scotland", "Mencap Cymru"), and speakers do the same for a body whose branch the lists do not hold. The
lists hold the body's own name ("Mencap", "Action Mental Health"), so the allow-list kept the body and left the
nation's word outside it; and a nation's abbreviation is often a name's short form too: "NI" is what the register
makes of a registered Niamh or Nia ("Ni"), and captions write it "ni". So "she works for Mencap NI now" lost "NI"
as a registered person's familiar form, and "Niamh from Autism NI did the Easy Read" lost it too, read as a name
addressed before a new clause, though the listed name held it whole.

Two rules, both about the word at the end of a kept public name:

* :func:`with_nation` widens a kept public name over a nation's word right after it, so "Mencap NI" is kept whole
  like "Mencap";
* :func:`nation_end_of_public` tells the allow-list that a familiar form the register made by rule (not a form the
  team wrote, nor the registered name itself) is the nation's word closing a kept public name, so the public name
  wins over that form, whatever cue read it as a name.

What still goes: a registered person's written name or alias ("Ni" where the team wrote it), anywhere; a nation's
word after a name that is no kept public name ("Niamh NI"); and the person said beside the body ("Niamh from
Autism NI": "Niamh" is outside the public name).
"""

from __future__ import annotations

import re

NATION_WORDS = ("ni", "n.i.", "cymru", "wales", "scotland", "uk", "england", "northern ireland", "gb")
"""Names and abbreviations of the nations that close a branch's name ("Age NI", "Mind Cymru", "Alzheimer
Scotland")."""

_AFTER = re.compile(r"[ \t]+(" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in
                                         sorted(NATION_WORDS, key=len, reverse=True)) + r")(?![\w'’-])", re.IGNORECASE)
_NATION = frozenset(NATION_WORDS)


def with_nation(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (kept public names in ``text``), each widened over a nation's word right after it (module doc)."""
    out = []
    for a, b in spans:
        m = _AFTER.match(text, b)
        out.append((a, m.end()) if m else (a, b))
    return out


def nation_end_of_public(text: str, start: int, end: int, public: list[tuple[int, int]]) -> bool:
    """``text[start:end]`` is a nation's word that closes a kept public name longer than it ("NI" of "Autism
    NI")."""
    if " ".join(text[start:end].lower().split()) not in _NATION:
        return False
    return any(a < start and end == b and text[a:start].strip() for a, b in public)
