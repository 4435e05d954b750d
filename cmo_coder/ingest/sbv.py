"""YouTube's SubViewer captions (``.sbv``): ``H:MM:SS.mmm,H:MM:SS.mmm`` on a line of its own, the cue's text on
the lines after it, cues parted by a blank line.

It is what YouTube Studio gives for "download captions" beside SRT and VTT, so a recorded webinar or a community
meeting may arrive as one. Its cues are SubRip's in another dress: they are read into the same cues and given
speakers by the SubRip reader's rules (:func:`.srt.utterances`), so a file and its SRT make the same turns
(``>> Name:`` and ``Name:`` name a speaker; a bare ``>>`` is taken away and the speech goes on).
"""

from __future__ import annotations

import re

from .cues import Cue
from .limits import check_turns
from .srt import utterances
from .utterance import ParseError, Utterance, excerpt, parse_timestamp

#: Bounded fields, so a line of digits megabytes long is simply not a timing line.
TIMING_RE = re.compile(r"^\s*([0-9]{1,6}:[0-9]{1,2}:[0-9]{1,2}\.[0-9]{1,3}),([0-9]{1,6}:[0-9]{1,2}:[0-9]{1,2}"
                       r"\.[0-9]{1,3})\s*$", re.ASCII)
#: What a timing line looks like when it is broken (truncated, a field missing): refused, never read as speech.
_BROKEN_RE = re.compile(r"^\s*[0-9]{1,6}:[0-9]{1,2}[:.,0-9]*\s*$", re.ASCII)


def looks_like_sbv(first_line: str) -> bool:
    """Whether the first non-blank line of a file is an SBV timing line (no other format starts so)."""
    return TIMING_RE.match(first_line) is not None


def read(text: str, source: str) -> list[Utterance]:
    """The utterances of an SBV file; a timing line that is not two times is refused, naming its line."""
    cues: list[Cue] = []
    current: Cue | None = None
    for no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            current = None
            continue
        m = TIMING_RE.match(line) if current is None else None
        if current is None:
            if m is None:
                what = "malformed cue timing" if _BROKEN_RE.match(line) else "expected a cue timing line"
                raise ParseError(f"{source}: line {no}: {what} {excerpt(line.strip())} "
                                 "(an SBV cue opens with 'H:MM:SS.mmm,H:MM:SS.mmm')")
            start, end = parse_timestamp(m.group(1)), parse_timestamp(m.group(2))
            if start is None or end is None:
                raise ParseError(f"{source}: line {no}: malformed cue timing {excerpt(line.strip())}")
            current = Cue(id=None, start=start, end=end, lines=[], line_no=no)
            cues.append(current)
            check_turns(len(cues), source, f"line {no}")
            continue
        current.lines.append(line)
    if not cues:
        raise ParseError(f"{source}: no cues found")
    return utterances(cues)
