"""The manifest's names, known to the readers while one import reads its files.

A label said once with one name ("Sharon: The lady gave me the leaflet", a focus group's "Dave: yeah, same") looks
like speech to a reader that knows only the file: a one-word label must recur, or be a voice code, to open a turn,
so the line was read into the turn before it, the speaker's name in the text and the words given to someone else.
The team's manifest says who spoke. While :func:`speakers_named` is in force (the importer sets it around reading
each file), the line readers take a label that is a manifest name or alias as a speaker wherever it opens a line,
as they take a table's speaker column. It is a context, not a parameter, so the dozen readers built on the plain
reader need not each carry it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .normalise import clean_name

_NAMED: ContextVar[frozenset[str]] = ContextVar("manifest_speakers", default=frozenset())


@contextmanager
def speakers_named(names: Iterable[str]) -> Iterator[None]:
    """Readers inside the block know ``names`` (a manifest's names and aliases; scoped aliases ``X@file`` are left
    to the speaker map) as speakers."""
    token = _NAMED.set(frozenset(clean_name(n) for n in names if n.strip() and "@" not in n))
    try:
        yield
    finally:
        _NAMED.reset(token)


def named_speakers() -> frozenset[str]:
    """The names in force (empty outside an import)."""
    return _NAMED.get()
