"""A place a frame of speech named, said again elsewhere in the transcript with a weaker frame or none.

:mod:`.layers.place_frames` reads a place named with ordinary words only where a strong frame says it is
one ("admitted to the foxglove", "lives up gorse brow"). People then say it again more loosely: "she
hated it at the foxglove", "back up gorse brow", "the bus from heron bank". The spreading passes repeat a
one-word place only when no dictionary holds it, and a hospital only when it was named with its head, so
these later mentions stayed. Here each name a strong frame proposed (its head kept, and for a head's name
also the words before the head) is looked for again in the same turns: a name with a word no dictionary
holds wherever it is said; one of everyday words only where the words around it say a place
(:func:`.layers.naming.said_as_place`: "back at the foxglove for", not "a foxglove in the garden").
The weak frames (a rare word after "the", an uncommon word where someone lives) seed nothing: what they
propose goes to review on its own evidence and is not multiplied.
"""

from __future__ import annotations

from .candidates import Candidate
from .layers.place_frames import CARE_REASON, HEAD_REASON, HEADS, ONE_REASON
from .occurrences import norm, places_said_again

_SEEDS = frozenset({CARE_REASON, HEAD_REASON, ONE_REASON})
REASON = "a place a frame of speech named in this transcript, said again"


def _forms(text: str, found: list[Candidate]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for c in found:
        if c.reason not in _SEEDS:
            continue
        surface = norm(text[c.start : c.end])
        forms.setdefault(surface, c.category)
        words = surface.split()
        if c.reason == HEAD_REASON and len(words) >= 2 and words[-1] in HEADS:
            bare = " ".join(words[:-1])
            if len(bare) >= 4:
                forms.setdefault(bare, c.category)  # "heron bank" … "the bus from heron"
    return forms


def frames_again(text: str, segments: list[tuple[int, int]], found: list[Candidate], caseless: bool,
                 protected: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates where a name a strong frame proposed is said again in ``segments`` (module doc)."""
    forms = _forms(text, found)
    if not forms:
        return []
    taken = [(c.start, c.end) for c in found] + protected
    return places_said_again(forms, text, segments, caseless, taken, REASON)
