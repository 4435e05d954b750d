"""How the review pages name a transcript and quote a proposal's context.

A transcript whose file name held a name or a place is imported under a number ("transcript-3"), and its
title is that number too: the pages showed "transcript-3 · transcript-3". A title is shown only where it
says more than the id, and a renamed transcript says why it has a number, so a reviewer does not go looking
for a file of that name. A proposal's context is cut a fixed number of characters either side of it (see
:func:`cmo_coder.anonymise.pipeline.context_of`), mostly mid-word ("…ound on the Tuesday"): the pages drop
the cut word, and the ellipsis where the context reached the transcript's start or end.
"""

from __future__ import annotations

from ..anonymise.pipeline import CONTEXT_WIDTH
from ..ingest.importer import NUMBERED_FILE_WARNINGS
from ..model import Transcript

ELLIPSIS = "…"


def shown_title(raw: Transcript) -> str | None:
    """The title where it is not the id again (nor empty)."""
    title = raw.title.strip()
    return title if title and title != raw.id else None


def renamed_for_a_name(raw: Transcript) -> bool:
    """Imported under a number because its file name held a name or a place (a participant's, a registered one, or
    one the anonymiser's lists read)."""
    return any(w.startswith(NUMBERED_FILE_WARNINGS) for w in raw.warnings)


def whole_words(before: str, after: str) -> tuple[str, str]:
    """``before`` and ``after`` a marked stretch (each with the anonymiser's ellipsis) without a cut word at
    their outer ends; no ellipsis where the context is all there was (shorter than the cut)."""
    if before.startswith(ELLIPSIS):
        left = before[len(ELLIPSIS):]
        if len(left) < CONTEXT_WIDTH:
            before = left
        else:  # a cut word goes; so does the space the cut left after the ellipsis
            cut = 0 if left[:1].isspace() or " " not in left.rstrip() else left.index(" ")
            before = ELLIPSIS + left[cut:].lstrip()
    if after.endswith(ELLIPSIS):
        right = after[:-len(ELLIPSIS)]
        if len(right) < CONTEXT_WIDTH:
            after = right
        else:
            cut = len(right) if right[-1:].isspace() or " " not in right.lstrip() else right.rindex(" ")
            after = right[:cut].rstrip() + ELLIPSIS
    return before, after
