"""A manifest's free columns that hold a registered name: refused before anything is proposed.

The participants manifest's columns past ``name, aliases, role, site, label`` are attributes for analysis (a team,
an age band), and they reach the project, its audit log and every export as written: no layer reads them. A team
that describes a row in its own words writes what it knows ("walking group on the front at Gorleston", "practice
nurse, Cleator Moor"), and the town went into the project; only the leak check after sign-off found it. So when the
register is read, every attribute is searched for every registered form (the register holds the manifest's people
too), as sign-off searches speech, and a hit stops the run with the label and the column, never the value (an error
is shown and may be logged outside the secure folder).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import ValidationFailed
from ..model import Participant
from ..model.manifest import GROUP_ATTRIBUTE
from .occurrences import registered_occurrences
from .register import RegisterItem


def named_attributes(participants: Iterable[Participant], items: list[RegisterItem]) -> list[str]:
    """``label 'column'`` for every attribute that holds a registered name or place: a form that is no everyday
    word, or an everyday one written with a capital ("Heather" of a registered Heather; "heather moor" is the
    word)."""
    found: list[str] = []
    for p in participants:
        for column, value in sorted(p.attributes.items()):
            if (column, value) == GROUP_ATTRIBUTE or not value.strip():
                continue
            hits = registered_occurrences(value, [(0, len(value))], items)
            if any(not o.everyday or value[o.start:o.end][:1].isupper() for o in hits):
                found.append(f"participant {p.label}: column {column!r}")
    return found


def refuse_named_attributes(participants: Iterable[Participant], items: list[RegisterItem]) -> None:
    """Stop the run where an attribute names a registered person or place (see the module's docstring)."""
    found = named_attributes(participants, items)
    if found:
        raise ValidationFailed(
            "the manifest's extra columns hold a registered name or place; they reach the project and every "
            "export as written, so write a kind there ('walking group', 'practice nurse'), not a place or a "
            "person, then import again with the corrected --manifest (with --replace for files already "
            "imported)", found)
