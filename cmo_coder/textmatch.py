"""Find an analyst's quote in a transcript, exactly or tolerantly, and return exact offsets.

Analysts paste quotes from reports and notes: curly quotes become straight, line breaks
become spaces, case changes at a sentence start, and ``…`` or ``...`` joins the fragments
they kept. Matching happens on a *normalised* copy of both texts that keeps a map from
every normalised character back to the original, so whatever matches is always reported
as a span of the original text: offsets never drift.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

from .anonymise.placeholders import placeholder_spans

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
    placeholders = "placeholders"


#: how many characters of the original a placeholder may stand for (a long organisation name)
MAX_REPLACED = 80
#: a placeholder-tolerant match must still agree with the text on a good part of the quote
MIN_LITERAL_SHARE = 0.3
MIN_LITERAL = 8


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
        found = [Match(*norm.span(i, i + len(needle)), MatchKind.normalised) for i in _find_all(norm.text, needle)]
        return found or locate_with_placeholders(text, quote, norm)
    needles = [normalise(f).text for f in fragments]
    matches: list[Match] = []
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


def snap_to_placeholders(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that it never cuts a placeholder in two."""
    for p_start, p_end in placeholder_spans(text):
        if p_start < start < p_end:
            start = p_start
        if p_start < end < p_end:
            end = p_end
    return start, end


def locate_with_placeholders(text: str, quote: str, normalised_text: Normalised | None = None) -> list[Match]:
    """Where a quote copied from the *original* transcript stands in the anonymised one.

    The analyst's copy still has the names the anonymiser replaced; in the text each is a
    placeholder. Here a placeholder matches any run of up to :data:`MAX_REPLACED` characters
    of the quote (holding a letter or digit), the rest must agree as in normalised matching,
    and at least 30% of the quote (and 8 characters) must match the text itself, so that a
    quote made mostly of names cannot match anywhere. Tried only when the plain strategies
    find nothing.
    """
    if "[" not in text:
        return []
    norm = normalised_text or normalise(text)
    return [Match(*norm.span(s, e), MatchKind.placeholders)
            for s, e in find_with_placeholders(norm.text, normalise(quote).text)]


def find_with_placeholders(t: str, q: str) -> list[tuple[int, int]]:
    """:func:`locate_with_placeholders` on texts already normalised: spans of ``t``, in order.

    Only the neighbourhoods of the quote's own word runs (three words, else two) found in
    the text are tried, so a long project is searched at the speed of ``str.find`` rather
    than placeholder by placeholder.
    """
    if len(q) < MIN_LITERAL or "[" not in t:
        return []
    holes = dict(placeholder_spans(t))
    hole_starts = sorted(holes)
    starts: set[int] = set()
    for lo, hi in _anchor_windows(t, q):
        starts.update(_find_all(t, q[: min(6, len(q))], lo, hi))
        for h in hole_starts[bisect.bisect_left(hole_starts, lo) : bisect.bisect_left(hole_starts, hi)]:
            # the quote may open with words before a name ("and Jo said" / "and [name removed] said")
            i = t.find(q[0], max(lo, h - min(len(q), MAX_REPLACED)), h)
            while i != -1:  # the longest stretch before the placeholder that the quote opens with
                if q.startswith(t[i:h]):
                    starts.add(i)
                    break
                i = t.find(q[0], i + 1, h)
            starts.add(h)
    found: list[tuple[int, int]] = []
    last_end = -1
    for start in sorted(starts):
        if start < last_end:
            continue  # inside the previous match
        end = _match_holes(t, q, start, holes)
        if end is not None:
            found.append((start, end))
            last_end = end
    return found


_MAX_ANCHOR_HITS = 500


def _anchor_windows(t: str, q: str) -> list[tuple[int, int]]:
    """Stretches of ``t`` that could hold a match: around each place a run of the quote's words occurs."""
    words = q.split(" ")
    offsets = [0]
    for w in words[:-1]:
        offsets.append(offsets[-1] + len(w) + 1)
    slack = 4 * MAX_REPLACED
    for n in (3, 2):
        windows = []
        for i in range(max(0, len(words) - n + 1)):
            gram = " ".join(words[i : i + n])
            if len(gram) < 6:
                continue
            for p in _find_all(t, gram)[:_MAX_ANCHOR_HITS]:
                windows.append((max(0, p - offsets[i] - slack), min(len(t), p + len(q) + slack)))
        if windows:
            windows.sort()
            merged = [windows[0]]
            for lo, hi in windows[1:]:
                if lo <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
                else:
                    merged.append((lo, hi))
            return merged
    return []


def _match_holes(t: str, q: str, start: int, holes: dict[int, int]) -> int | None:
    """End in ``t`` of a match of all of ``q`` from ``start``, placeholders standing for names; None if none."""
    need = max(MIN_LITERAL, int(len(q) * MIN_LITERAL_SHARE))
    stack = [(0, start, 0, False)]  # position in q, position in t, characters matched literally, hole used
    seen: set[tuple[int, int]] = set()
    while stack:
        qi, ti, lit, used = stack.pop()
        if (qi, ti) in seen:
            continue
        seen.add((qi, ti))
        if qi == len(q):
            if used and lit >= need:
                return ti
            continue
        hole_end = holes.get(ti)
        if hole_end is not None:
            for qj in range(min(len(q), qi + MAX_REPLACED), qi, -1):
                # the next character after the name must be the text's next one (or the quote ends)
                if (qj == len(q) or (hole_end < len(t) and t[hole_end] == q[qj])) and any(
                        c.isalnum() for c in q[qi:qj]):
                    stack.append((qj, hole_end, lit, True))
        if ti < len(t) and t[ti] == q[qi]:
            stack.append((qi + 1, ti + 1, lit + 1, used))
    return None
