"""YouTube's automatic captions as WebVTT: word timings inside the cue and *rolling* lines.

A recorded webinar or a community meeting downloaded with its automatic captions gives cues such as::

    00:00:02.080 --> 00:00:05.329 align:start position:0%
    hi everyone welcome
    to<00:00:02.360><c> the</c><00:00:02.600><c> channel</c>

Each cue shows the line before it again above its new words (the caption "rolls up"), and a cue of a hundredth of
a second between them shows the finished line alone. Read cue by cue, every sentence appears twice: a coder codes
it twice and a name's count doubles. Here each line is read once, where it is first said: the lines at the top of a
cue that repeat the last lines already read are left out. A line that carries word timings is new by construction
(YouTube writes them only on the line being said), so a person saying the same words twice, on two lines, keeps
both; a line of one word has no timings, and the same single word said on two lines running is read once. A
cue's settings (``align:``, ``position:``) are on its timing line and never text; the line of a single
space YouTube writes above the first words of a cue is no cue break. What remains is read into the same cues and
speakers as SubRip's (:func:`.srt.utterances`).

Only a file with word timings (``<00:00:01.500>``) or YouTube's line of spaces is read so: a WebVTT without
them (YouTube's uploaded captions, Zoom's) never rolls and is read by the ordinary readers, where two cues alike
are two things said.
"""

from __future__ import annotations

import re

from .cues import Cue
from .limits import check_turns
from .normalise import squash
from .srt import utterances
from .utterance import ParseError, Utterance, excerpt, parse_timestamp

#: A word's time inside a cue, as YouTube writes it before every word but a line's first.
WORD_TIME_RE = re.compile(r"<(?:[0-9]{1,6}:)?[0-9]{2}:[0-9]{2}\.[0-9]{3}>", re.ASCII)
_TIMING_RE = re.compile(r"^\s*(\S{1,20})\s+-->\s+(\S{1,20})(?:\s.*)?$")


#: A cue whose first line is spaces alone: YouTube writes one above the first words; no other tool does.
_SPACE_LINE_RE = re.compile(r"-->[^\n]{0,200}\n[ \t]+\n")


def looks_like_youtube(text: str) -> bool:
    """A WebVTT file (with no ``<v>`` speaker tags: Teams' files have those) with word timings, or with a cue
    opening on a line of spaces (a file whose lines are all single words has no word timings)."""
    return (WORD_TIME_RE.search(text) is not None and "<c>" in text) or _SPACE_LINE_RE.search(text) is not None


def _cues(text: str, source: str) -> list[tuple[Cue, list[bool]]]:
    """Cues with, for each of their lines, whether it carries word timings.

    A cue runs from its timing line to the next truly empty line; a line of spaces inside it is part of it
    (YouTube writes one). The header (``WEBVTT``, ``Kind:``, ``Language:``) and ``NOTE``/``STYLE``/``REGION``
    blocks are no cues."""
    out: list[tuple[Cue, list[bool]]] = []
    current: tuple[Cue, list[bool]] | None = None
    skipping = header = True  # the header block
    previous_empty = False
    lines = text.split("\n")
    for no, line in enumerate(lines, start=1):
        if line == "":
            current, skipping, header, previous_empty = None, False, False, True
            continue
        opens_block = previous_empty
        previous_empty = False
        if skipping:
            if header and "-->" in line:
                raise ParseError(f"{source}: line {no}: a blank line must follow the WEBVTT header before the "
                                 "first cue")
            continue
        if current is None:
            if opens_block and line.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in line:
                skipping = True
                continue
            if "-->" not in line:
                if no < len(lines) and "-->" in lines[no]:
                    continue  # a cue's id: the timing line follows it
                raise ParseError(f"{source}: line {no}: expected a cue timing line 'start --> end' before "
                                 f"{excerpt(line.strip())}")
            m = _TIMING_RE.match(line)
            start = parse_timestamp(m.group(1)) if m else None
            end = parse_timestamp(m.group(2)) if m else None
            if start is None or end is None:
                raise ParseError(f"{source}: line {no}: malformed cue timing {excerpt(line.strip())} "
                                 "(truncated file?)")
            current = (Cue(id=None, start=start, end=end, lines=[], line_no=no), [])
            out.append(current)
            check_turns(len(out), source, f"line {no}")
            continue
        current[0].lines.append(line)
        current[1].append(WORD_TIME_RE.search(line) is not None)
    if not out:
        raise ParseError(f"{source}: no cues found")
    return out


def _new_lines(lines: list[str], timed: list[bool], said: list[str]) -> tuple[list[str], list[str]]:
    """The lines of a cue not yet read, as written and as cleaned: the longest run at its top that repeats the end
    of ``said`` (cleaned lines) is left out, never a line with word timings. The written lines go on to the
    SubRip reader, which cleans them once (cleaning twice would decode an escaped ``&amp;lt;`` twice)."""
    kept = [(raw, squash(raw), t) for raw, t in zip(lines, timed, strict=True)]
    kept = [k for k in kept if k[1]]
    limit = next((i for i, k in enumerate(kept) if k[2]), len(kept))
    texts = [k[1] for k in kept]
    for n in range(min(limit, len(said)), 0, -1):
        if texts[:n] == said[len(said) - n:]:
            kept = kept[n:]
            break
    return [k[0] for k in kept], [k[1] for k in kept]


def read(text: str, source: str) -> list[Utterance]:
    """The utterances of a rolling WebVTT file, each line of speech once, in the order said."""
    said: list[str] = []
    cues: list[Cue] = []
    for cue, timed in _cues(text, source):
        new, cleaned = _new_lines(cue.lines, timed, said)
        if not new:
            continue
        said.extend(cleaned)
        del said[:-4]  # a cue repeats at most the two lines above it
        cues.append(Cue(id=cue.id, start=cue.start, end=cue.end, lines=new, line_no=cue.line_no))
    return utterances(cues)
