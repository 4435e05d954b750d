"""One scan of a turn for the layers' cue words, and each layer's pattern tried only where its cues stand.

Why: many layers run a case-blind pattern over the whole of every turn (``pattern.finditer(text)``), and the
regular-expression engine tries the pattern at every character of the turn, although every match of such a
pattern begins with one of a few words (its *cues*: "festival", "carnival" for events named after a town;
"pint", "beer", "landlord" for pub talk). Each of those passes costs a few microseconds a turn, some sixty of
them a turn; what they find is at a handful of words.

The turn's runs of letters are read once (:func:`.turn_view.text_words`, the same set every trigger-word gate
of the layers already asks) and, for the cue words a turn holds, where each stands (found in the turn's
lower-cased text and kept with it in the turn's shared text, :class:`..turn_text.TurnText`, so the layers of one
turn share them). A layer then hands its pattern and
its cues to :func:`cued_finditer` or :func:`cued_search`, which try the pattern only at those positions, in
order, skipping those inside a match already found: the same matches ``finditer`` and ``search`` give,
provided every match begins at a cue.

**How a layer joins the scan.** It names its cues once, at import, with :func:`register_cues` (a name and the
lower-cased first run of letters of every way its pattern can begin; :func:`first_runs` makes them from a list
of literal phrases), and calls ``cued_finditer(PATTERN, text, CUES)`` where it called ``PATTERN.finditer(text)``.
Its pattern must begin every match at the start of a whole run of letters that is one of its cues: the pattern
opens with a look-behind that no letter passes (``(?<![\\w'’-])``, ``\\b``, ``(?<=\\s)``) and each of its ways
begins with a literal word ended by a non-letter (a space, a hyphen, the pattern's closing boundary). Each
moved layer has a test (``tests/test_anonymise_cue_scan.py``) that its cued search finds what its whole-turn
search finds on turns of its own: cues at a turn's start and end, cues inside longer words, overlapping
matches, both casings, text outside ASCII.

Outside ASCII the whole-turn search is made as before: a case-blind match reaches letters no lower-casing of
the turn gives ("ſ" matches "s", the Kelvin sign "k"), and a lower-cased character may change length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..turn_text import turn_text
from .turn_view import text_words

CUE_SETS: dict[str, frozenset[str]] = {}
"""Every layer's cue words by the layer's name: what the shared scan is asked for (tests read it)."""

_FIRST_RUN = re.compile(r"[^\W\d_]+")


def first_runs(phrases: Iterable[str]) -> frozenset[str]:
    """The first run of letters of each phrase, lower-cased: the cue each literal way of a pattern begins with
    ("day centre" → "day", "drop-in" → "drop", "st john's" → "st"). A phrase that begins with no letter has no
    cue, and a pattern with such a way cannot join the scan (:func:`register_cues` refuses it)."""
    out = set()
    for phrase in phrases:
        m = _FIRST_RUN.match(phrase.lower())
        if m is None:
            raise ValueError(f"{phrase!r} begins with no letter: a pattern that may match it has no cue word")
        out.add(m.group(0))
    return frozenset(out)


def register_cues(name: str, words: Iterable[str]) -> frozenset[str]:
    """Name a layer's cue words (lower-cased whole runs of letters) once, at import, and return them as the set
    the layer hands to :func:`cued_finditer`. A name is registered once, so two layers cannot share one by
    mistake."""
    cues = frozenset(words)
    bad = sorted(w for w in cues if not w or w != w.lower() or _FIRST_RUN.fullmatch(w) is None)
    if bad:
        raise ValueError(f"cue words of {name!r} must be lower-cased runs of letters: {bad[:5]}")
    if name in CUE_SETS and CUE_SETS[name] != cues:
        raise ValueError(f"cue words of {name!r} registered twice")
    CUE_SETS[name] = cues
    return cues


def cue_starts(text: str, cues: frozenset[str]) -> list[int] | None:
    """The start of every run of letters of ``text`` that is one of ``cues``, in order; None outside ASCII, where
    the caller searches the whole turn (module doc)."""
    if not text.isascii():
        return None
    hits = text_words(text) & cues
    if not hits:
        return []
    turn = turn_text(text)
    if len(hits) == 1:
        return turn.starts_of(next(iter(hits)))
    return sorted(i for word in hits for i in turn.starts_of(word))


def cued_finditer(pattern: re.Pattern[str], text: str, cues: frozenset[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` where every match of ``pattern`` begins at one of ``cues`` (module doc): the
    pattern is tried at each cue in turn, and a cue inside the last match is passed by, as ``finditer`` does."""
    starts = cue_starts(text, cues)
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    match = pattern.match
    for i in starts:
        if i < end:
            continue
        m = match(text, i)
        if m is not None:
            yield m
            end = m.end()


def cued_search(pattern: re.Pattern[str], text: str, cues: frozenset[str]) -> re.Match[str] | None:
    """``pattern.search(text)`` where every match begins at one of ``cues``: the first cue where it matches."""
    starts = cue_starts(text, cues)
    if starts is None:
        return pattern.search(text)
    match = pattern.match
    for i in starts:
        m = match(text, i)
        if m is not None:
            return m
    return None
