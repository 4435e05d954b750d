"""Turn an analyst's quote (or an explicit span) into one exact span of a signed-off transcript.

Matching itself lives in :mod:`cmo_coder.textmatch` (shared with the query stage); this
module adds the coder's rules: exactly one candidate or an error that shows every
candidate in context, so the coder can pick one with ``--occurrence``; and no span
across speaker turns unless asked, because a quote belongs to one speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..errors import CmoError
from ..model import Transcript
from ..textmatch import Match, MatchKind, locate, normalise, snap_to_placeholders

CONTEXT_CHARS = 30


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    kind: MatchKind | None = None  # None when given as offsets

    def __post_init__(self) -> None:
        assert len(self.text) == self.end - self.start, "a span's text must be its slice"


def snippet(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """``…before [matched] after…`` on one line, for showing candidates.

    Neither the match nor its context cuts a placeholder in two, and when the shown text
    has square brackets of its own (``[name removed]``) the match is marked ``«…»``
    instead, so the hint never nests brackets in placeholders.
    """
    start, end = snap_to_placeholders(text, start, end)  # shown whole: a mark never lands inside one
    lo, _ = snap_to_placeholders(text, max(0, start - width), max(0, start - width))
    _, hi = snap_to_placeholders(text, min(len(text), end + width), min(len(text), end + width))
    before, after, body = text[lo:start], text[end:hi], text[start:end]
    if len(body) > 80:
        body = body[:38] + " … " + body[-38:]
    mark = "«»" if any(b in text[lo:hi] for b in "[]") else "[]"
    out = f"{'…' if lo > 0 else ''}{before}{mark[0]}{body}{mark[1]}{after}{'…' if hi < len(text) else ''}"
    return " ".join(out.split())


def crosses_turns(transcript: Transcript, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is not inside a single turn (documents without turns never cross)."""
    if not transcript.turns:
        return False
    first = transcript.turn_at(start)
    last = transcript.turn_at(end - 1)
    return first is None or last is None or first != last


def _describe(transcript: Transcript, m: Match, i: int) -> str:
    turn = transcript.turn_at(m.start)
    who = f" {transcript.turns[turn].speaker}" if turn is not None else ""
    return f"#{i} [{m.start}:{m.end}]{who}: {snippet(transcript.text, m.start, m.end)}"


def span_from_offsets(transcript: Transcript, start: int, end: int, allow_cross_turn: bool = False) -> Span:
    n = len(transcript.text)
    if not (0 <= start < end <= n):
        raise CmoError(f"transcript {transcript.id}: span {start}:{end} is outside its text (0:{n}) or empty")
    if not allow_cross_turn and crosses_turns(transcript, start, end):
        raise CmoError(
            f"transcript {transcript.id}: span {start}:{end} crosses speaker turns "
            f"({snippet(transcript.text, start, end)}); pass --allow-cross-turn if that is intended"
        )
    return Span(start, end, transcript.text[start:end])


def parse_span(value: str) -> tuple[int, int]:
    """``"120:168"`` → (120, 168)."""
    left, sep, right = value.partition(":")
    try:
        if not sep:
            raise ValueError
        return int(left), int(right)
    except ValueError:
        raise CmoError(f"span {value!r} must be START:END, two whole numbers (e.g. 120:168)") from None


def locate_quote(
    transcript: Transcript, quote: str, *, occurrence: int | None = None, allow_cross_turn: bool = False,
) -> Span:
    """The one span ``quote`` refers to; an error listing candidates when it is missing or ambiguous."""
    if not quote.strip():
        raise CmoError(f"transcript {transcript.id}: the quote is empty")
    matches = locate(transcript.text, quote)
    if not allow_cross_turn:
        crossing = [m for m in matches if crosses_turns(transcript, m.start, m.end)]
        matches = [m for m in matches if not crosses_turns(transcript, m.start, m.end)]
        if not matches and crossing:
            shown = "\n".join(_describe(transcript, m, i + 1) for i, m in enumerate(crossing[:5]))
            raise CmoError(
                f"transcript {transcript.id}: the quote is only found across speaker turns; "
                f"pass --allow-cross-turn if that is intended:\n{shown}"
            )
    if not matches:
        raise CmoError(f"transcript {transcript.id}: quote not found: {quote[:80]!r}{_near_miss(transcript, quote)}")
    if occurrence is not None:
        if not 1 <= occurrence <= len(matches):
            raise CmoError(
                f"transcript {transcript.id}: --occurrence {occurrence} asked, but the quote occurs "
                f"{len(matches)} time(s)"
            )
        m = matches[occurrence - 1]
    elif len(matches) > 1:
        shown = "\n".join(_describe(transcript, m, i + 1) for i, m in enumerate(matches[:10]))
        more = f"\n… and {len(matches) - 10} more" if len(matches) > 10 else ""
        raise CmoError(
            f"transcript {transcript.id}: the quote occurs {len(matches)} times; make it longer, give --span, "
            f"or pick one with --occurrence N:\n{shown}{more}"
        )
    else:
        m = matches[0]
    return Span(m.start, m.end, transcript.text[m.start : m.end], m.kind)


def _near_miss(transcript: Transcript, quote: str) -> str:
    """A 'closest passage' hint, so a one-word typo does not send the coder hunting."""
    needle = normalise(quote).text
    if len(needle) < 8:
        return ""
    norm = normalise(transcript.text)
    best = fuzz.partial_ratio_alignment(needle, norm.text, score_cutoff=75)
    if best is None or best.dest_end <= best.dest_start:
        return ""
    text = transcript.text
    start, end = norm.span(best.dest_start, best.dest_end)
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():  # whole words only
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    start, end = snap_to_placeholders(text, start, end)
    return f"; closest passage ({best.score:.0f}% similar) at {start}:{end}: {snippet(transcript.text, start, end)}"
