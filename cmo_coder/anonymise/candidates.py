"""A candidate redaction as the analyzer layers report it, before any decision."""

from __future__ import annotations

from dataclasses import dataclass

# Lower number wins when layers disagree about one stretch of text. "transcript": the type the same
# transcript gives a name in full ("Beech Ward" for a bare "Beech"), over the model's guess. "sound_alike"
# ties a stretch to a registered person (it never overlaps the register's own): its reason is the one to show.
LAYER_RANK = {"register": 0, "sound_alike": 0, "rules": 1, "transcript": 1, "ner": 2, "caseless": 3, "places": 3,
              "slot": 3, "lexicon": 4, "consistency": 5}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    category: str
    layer: str
    score: float
    reason: str
    item_key: str | None = None  # register identity, for stable numbering and leak checks
    placeholder: str | None = None  # fixed placeholder from the register
    # A registered name that is here perhaps an everyday word ("I will"): a person decides this
    # one occurrence; it is never silently kept.
    per_occurrence: bool = False
    # Why such an occurrence reads as the everyday word ("modal verb before a verb"), for a reviewer
    # who keeps those readings in bulk (review --keep-word-readings); None where only a person can tell.
    word_reading: str | None = None

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Suspicion:
    """Something the layers did not redact but a reviewer should look at."""

    start: int
    end: int
    reason: str


def shifted(c: Candidate, by: int) -> Candidate:
    """``c`` moved ``by`` characters: ``dataclasses.replace(c, start=c.start + by, end=c.end + by)``.

    Why not ``replace``: every candidate of every turn is moved to transcript offsets, and ``replace``
    looks at each field of the class and validates its arguments per call, several times the cost of a
    copy. ``Candidate`` has no ``__post_init__`` (a test holds that), so copying its fields is all
    ``replace`` would do; copying the instance dict keeps any field added later.
    """
    moved = object.__new__(Candidate)
    moved.__dict__.update(c.__dict__)
    moved.__dict__["start"] = c.start + by
    moved.__dict__["end"] = c.end + by
    return moved
