"""Who spoke a turn, as a page shows it: one person, members of a focus group together, the whole group, or a voice
nobody placed.

Why: a focus group's joint turn (``CAR-01 & CAR-02``), the group's (``ALL``) and an unplaced voice's
(``UNPLACED``) were drawn as one more speaker label, so a reviewer read "CAR-01 & CAR-02" as a participant of that
name and "ALL" as a person's code. The pages now name each member of a joint turn on its own and say that they
spoke together, and say in words what the group's and the unplaced labels stand for; the label itself stays in the
page as stored (a search of the page, or a copy, finds it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..ingest.group_speakers import GROUP_LABEL, JOINT_SEPARATOR, UNPLACED_LABEL

Kind = Literal["one", "joint", "group", "unplaced"]


@dataclass(frozen=True)
class Voices:
    """A turn's speaker label read: its kind, its members (the label itself for one person) and a sentence that
    says it (the accessible name of the label on the page)."""

    kind: Kind
    members: tuple[str, ...]
    said: str


def voices(label: str | None) -> Voices | None:
    """The speaker label of a turn as the pages read it; None for no label."""
    if not label:
        return None
    if label == GROUP_LABEL:
        return Voices("group", (), "the whole group")
    if label == UNPLACED_LABEL:
        return Voices("unplaced", (), "a voice the transcriber could not place")
    if JOINT_SEPARATOR in label:
        members = tuple(m for m in label.split(JOINT_SEPARATOR) if m)
        listed = ", ".join(members[:-1]) + " and " + members[-1] if len(members) > 1 else label
        return Voices("joint", members, f"{listed}, speaking together")
    return Voices("one", (label,), label)
