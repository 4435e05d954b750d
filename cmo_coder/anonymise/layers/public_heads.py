"""A facility's head after a kept public name is that body's own thing: "the Mind Cymru group", "the Mencap NI
office", "the Autism NI helpline centre".

The facility layer reads "name words + a head" as a place named before its head ("the Sunflower day centre"), but
it walks back over name words only, so where a public body's name ends in a word that looks like a name ("Cymru",
"NI", "Pride") it read that word and the head as a facility ("Cymru group": an organisation), cutting the kept
public name in two and removing half of it. A group, office or centre of a named public body says which body, as
the body's name does, not which place: the head reading yields where its name words are the end of a kept public
name that begins before it.

What still goes: a head reading whose name begins before or at the public name's start ("the Hartside Mind
group" reads as before: the public name is inside a longer, local one), or whose name words run past the public
name's end; a registered name, always.
"""

from __future__ import annotations

HEAD_READING = "named before its head"
"""The end of the facility layer's reason for a place named before its head (``layers.facilities``)."""


def public_then_head(start: int, end: int, reason: str, public: list[tuple[int, int]], text: str) -> bool:
    """A head reading ``text[start:end]`` whose name words close a kept public name that begins before it, the rest
    being the head alone (one or two words)."""
    if not reason.endswith(HEAD_READING):
        return False
    return any(a < start < b < end and 0 < len(text[b:end].split()) <= 2 for a, b in public)
