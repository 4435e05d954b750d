"""The anonymizer half: accepted spans become placeholders, turns are remapped exactly.

Replacing text shifts every later offset. The remap is computed once as a sorted list of
(original end, cumulative shift) and every turn boundary is pushed through it; then the
result is checked turn by turn against redacting that turn alone, so an offset error can
never reach the project.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..errors import CmoError
from ..model import Transcript, Turn

Span = tuple[int, int, str]  # start, end, replacement


class OffsetMap:
    """Maps a boundary offset in the original text to the same boundary in the redacted text."""

    def __init__(self, spans: list[Span]) -> None:
        self.starts = [s for s, _, _ in spans]
        self.ends = [e for _, e, _ in spans]
        self.shift: list[int] = []
        total = 0
        for s, e, rep in spans:
            total += len(rep) - (e - s)
            self.shift.append(total)

    def __call__(self, offset: int) -> int:
        i = bisect_right(self.ends, offset)  # spans wholly before (end <= offset)
        if i < len(self.starts) and self.starts[i] < offset:
            raise ValueError(f"offset {offset} falls inside a redaction ({self.starts[i]}-{self.ends[i]})")
        return offset + (self.shift[i - 1] if i else 0)


def _check(text: str, spans: list[Span]) -> None:
    previous = 0
    for s, e, _ in spans:
        if not (previous <= s < e <= len(text)):
            raise ValueError(f"redaction {s}-{e} overlaps another or lies outside the text ({len(text)} characters)")
        previous = e


def apply_spans(text: str, spans: list[Span]) -> tuple[str, OffsetMap]:
    spans = sorted(spans)
    _check(text, spans)
    parts: list[str] = []
    pos = 0
    for s, e, rep in spans:
        parts.append(text[pos:s])
        parts.append(rep)
        pos = e
    parts.append(text[pos:])
    return "".join(parts), OffsetMap(spans)


def apply_to_transcript(raw: Transcript, spans: list[Span]) -> Transcript:
    """The anonymised transcript: placeholders in, speaker labels kept, speaker names dropped."""
    spans = sorted(spans)
    _check_within_turns(raw, spans)
    new_text, remap = apply_spans(raw.text, spans)
    turns = [
        Turn(speaker=t.speaker, start=remap(t.start), end=remap(t.end), start_time=t.start_time,
             end_time=t.end_time, flags=list(t.flags))
        for t in raw.turns
    ]
    starts = [s for s, _, _ in spans]
    for old, new in zip(raw.turns, turns, strict=True):
        # the spans starting inside the turn, found by bisection: a focus group of 2,000 turns and 1,000 spans
        # looked at every span for every turn
        near = spans[bisect_left(starts, old.start):bisect_left(starts, old.end)]
        inside = [(s - old.start, e - old.start, r) for s, e, r in near if e <= old.end]
        expected, _ = apply_spans(raw.text[old.start : old.end], inside)
        assert new_text[new.start : new.end] == expected, f"turn remap broke at {old.start}-{old.end}"
    return raw.model_copy(update={"text": new_text, "turns": turns})


def _check_within_turns(raw: Transcript, spans: list[Span]) -> None:
    """Refuse a span that crosses a turn's edge (overlaps a turn without lying inside it).

    Turns in order and apart, as every reader writes them, are searched by bisection (the spans near each one);
    any other turns are each compared with every span, as they always were."""
    turns = raw.turns
    ordered = all(a.end <= b.start for a, b in zip(turns, turns[1:], strict=False)) and all(
        t.start <= t.end for t in turns)
    ends = [t.end for t in turns]
    for s, e, _ in spans:
        near = turns[bisect_right(ends, s):] if ordered else turns
        for t in near:
            if ordered and t.start >= e:
                break
            if s < t.end and t.start < e and not (t.start <= s and e <= t.end):
                raise CmoError(f"transcript {raw.id}: redaction {s}-{e} crosses a speaker turn boundary")
