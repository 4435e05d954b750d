"""Find an analyst's quote in a transcript, exactly or tolerantly, and return exact offsets.

Analysts paste quotes from reports and notes: curly quotes become straight, line breaks
become spaces, case changes at a sentence start, and ``…`` or ``...`` joins the fragments
they kept. Matching happens on a *normalised* copy of both texts that keeps a map from
every normalised character back to the original, so whatever matches is always reported
as a span of the original text: offsets never drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_QUOTE_FOLD = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)
_ELLIPSIS_RE = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|…|\.\s?\.\s?\.)\s*")
#: how far apart two fragments of one elided quote may be, in original characters
MAX_GAP = 3000


class MatchKind(StrEnum):
    exact = "exact"
    normalised = "normalised"
    fragments = "fragments"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: MatchKind

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True)
class Normalised:
    """A folded copy of a text and, for each of its characters, the original index."""

    text: str
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering normalised ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    """Fold case, quote marks, dashes and runs of white space; remember where each character came from."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = False
    for i, ch in enumerate(text.translate(_QUOTE_FOLD)):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            origin.append(i - 1)
            pending_space = False
        folded = ch.casefold()
        for f in folded:  # casefold() of a few characters (ß) yields two
            out.append(f)
            origin.append(i)
    return Normalised("".join(out), origin)


def _find_all(haystack: str, needle: str, start: int = 0, stop: int | None = None) -> list[int]:
    hits = []
    stop = len(haystack) if stop is None else stop
    i = haystack.find(needle, start, stop)
    while i != -1:
        hits.append(i)
        i = haystack.find(needle, i + 1, stop)
    return hits


def split_fragments(quote: str) -> list[str]:
    """The pieces of a quote joined by ellipses (``…``, ``...``, ``[...]``), empty pieces dropped."""
    return [f.strip() for f in _ELLIPSIS_RE.split(quote) if f.strip()]


def locate(text: str, quote: str, normalised_text: Normalised | None = None) -> list[Match]:
    """Every place ``quote`` occurs in ``text``, trying exact, then normalised, then elided fragments.

    Returns all candidates of the first strategy that finds any, so a caller can refuse an
    ambiguous quote and show the candidates. ``normalised_text`` may be passed in when
    many quotes are located in one text.
    """
    if not quote.strip():
        return []
    exact = _find_all(text, quote)
    if exact:
        return [Match(i, i + len(quote), MatchKind.exact) for i in exact]
    norm = normalised_text or normalise(text)
    fragments = split_fragments(quote)
    if len(fragments) <= 1:
        needle = normalise(fragments[0] if fragments else quote).text
        if not needle:
            return []
        return [Match(*norm.span(i, i + len(needle)), MatchKind.normalised) for i in _find_all(norm.text, needle)]
    needles = [normalise(f).text for f in fragments]
    matches = []
    for first in _find_all(norm.text, needles[0]):
        end = first + len(needles[0])
        for needle in needles[1:]:
            window_end = min(len(norm.text), end + MAX_GAP)
            nxt = norm.text.find(needle, end, window_end)
            if nxt == -1:
                break
            end = nxt + len(needle)
        else:
            matches.append(Match(*norm.span(first, end), MatchKind.fragments))
    return matches
