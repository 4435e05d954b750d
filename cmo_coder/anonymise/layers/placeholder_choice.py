"""Which of several registered people sharing a name is meant, by the relation or role said with it.

A register often holds two people with one given name: "Mark Okafor" ([worker's name]) and "Mark Hocking"
([brother's name]), or "Hope" ([daughter's name]) and "Hope Angwin" ([manager's name]). Said alone, the name
took the first registered person's placeholder, so "my brother mark" read "[worker's name]" and "Hope, my
manager, Hope Angwin" read "[daughter's name]". People say who they mean: a relation or role right before the
name ("my brother Mark", "her manager Hope") or right after it, set off ("Hope, my manager,"). Where one of the
people's placeholders names that word ("[brother's name]"), that person is meant; otherwise the first, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from ..register import RegisterItem

_OWNER = re.compile(r"^\[(?:the )?([a-z][a-z -]*?)['’]s name\]$")
"""A placeholder that says whose name it is: "[brother's name]" → "brother"."""
_POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your", "me"})


def _role(item: RegisterItem) -> str | None:
    m = _OWNER.match((item.placeholder or "").lower())
    return m.group(1).split()[-1] if m else None


def _said_with(span: Span) -> set[str]:
    """Relation or role words said with the mention: the word before it, and after a comma "my/our X"."""
    doc = span.doc
    words: set[str] = set()
    if span.start > 0:
        words.add(doc[span.start - 1].lower_)
    k = span.end
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ in _POSSESSIVES:
        words.add(doc[k + 1].lower_)
    return words


def choose(items: Sequence[RegisterItem], span: Span) -> RegisterItem | None:
    """The one of ``items`` whose placeholder names a relation or role said with ``span``, or None."""
    if len(items) < 2:
        return None
    said = _said_with(span)
    if not said:
        return None
    meant = [i for i in items if (_role(i) or "") in said]
    return meant[0] if len({i.key for i in meant}) == 1 else None
