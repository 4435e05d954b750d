"""A removed place right before an area body's head is that body's area: "the black country icb" in captions.

The area-body layer (:func:`.layers.health_boards.area_body_spans`) reads an ICB's, a CCG's or a health board's
area in captions only from listed places, compass words and "-shire", so a site the team registered ("Black
Country") or a place another layer removed is cut off from its body: "the [city name] icb", where cased text read
"the [ICB name]". The privacy notes remove such a body whole, in both casings: wherever a place is removed and the
next words are the head of a body named for its area, the body's whole name is proposed too, typed as a body of
the place (its placeholder then says which kind, :func:`.placeholders.area_body_placeholder`).
"""

from __future__ import annotations

import re

from .candidates import Candidate

_PLACES = frozenset({"city", "place"})
_HEAD = re.compile(r"\s+(?:ic[bs]|ccg|integrated\s+care\s+(?:board|system|partnership)|"
                   r"clinical\s+commissioning\s+group|(?:university\s+)?health\s+board)(?![\w-])", re.IGNORECASE)
REASON = "a body named for the area it covers, after a removed place"


def bodies_after_places(text: str, found: list[Candidate]) -> list[Candidate]:
    """A body's candidate from each removed place straight before an area body's head (module doc); the place's
    own candidate stays, so nothing it covered is ever left."""
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for c in found:
        if c.category not in _PLACES:
            continue
        m = _HEAD.match(text, c.end)
        if m is None or (c.start, m.end()) in seen:
            continue
        seen.add((c.start, m.end()))
        out.append(Candidate(c.start, m.end(), "trust", "rules", 0.85, REASON))
    return out
