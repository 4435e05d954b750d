"""Zoom saved closed captions: ``[Name] HH:MM:SS`` then the caption text.

The times are wall-clock times of the meeting, not offsets; they are turned into
seconds since the first caption (allowing for a meeting that runs past midnight).
"""

from __future__ import annotations

import re

from .limits import check_turns
from .normalise import clean_name, squash
from .utterance import ParseError, Utterance, parse_timestamp

HEADER_RE = re.compile(r"^\[([^\]\n]{1,80})\]\s+(\d{1,2}:\d{2}:\d{2})\s*$")


def read(text: str, source: str) -> list[Utterance]:
    lines = text.split("\n")
    result: list[Utterance] = []
    first: float | None = None
    day = 0.0
    last_clock = 0.0
    cur: tuple[str, float, int] | None = None
    body: list[str] = []

    def flush() -> None:
        if cur is not None:
            name, t, ln = cur
            result.append(Utterance(speaker=name, text=squash("\n".join(body)), start_time=t, where=f"line {ln}"))
            check_turns(len(result), source, f"line {ln}")

    for ln, line in enumerate(lines, 1):
        m = HEADER_RE.match(line.strip())
        if m:
            flush()
            clock = parse_timestamp(m.group(2))
            if clock is None:
                raise ParseError(f"{source}: line {ln}: bad time {m.group(2)!r}")
            if clock < last_clock - 12 * 3600:  # past midnight
                day += 24 * 3600
            last_clock = clock
            if first is None:
                first = clock
            cur = (clean_name(m.group(1)), round(clock + day - first, 3), ln)
            body = []
        elif line.strip():
            if cur is None:
                raise ParseError(f"{source}: line {ln}: text before the first '[Name] HH:MM:SS' caption header")
            body.append(line)
    flush()
    if not result:
        raise ParseError(f"{source}: no '[Name] HH:MM:SS' caption blocks found")
    for a, b in zip(result, result[1:], strict=False):
        a.end_time = b.start_time
    return result
