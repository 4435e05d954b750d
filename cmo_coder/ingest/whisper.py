"""Whisper's own outputs that no other reader takes: the ``.json`` (``text`` and ``segments``) and the ``.tsv``
(``start``, ``end``, ``text`` in milliseconds).

Whisper (and the tools built on it: whisper.cpp, faster-whisper, WhisperX) writes one recording as segments of
a few seconds each. The ``.srt`` and ``.vtt`` it writes are read as captions already; the ``.json`` and ``.tsv``
were refused as "markup or JSON" and "no speaker labels", so a team that kept only those had no way in. Their
segments are read here as caption cues: each segment is one utterance with its times, joined to the next by a
space as caption lines are. Whisper names no speaker; WhisperX writes a ``speaker`` (``SPEAKER_00``) on each
diarised segment, and that is read as the label. The plain ``.txt`` Whisper writes has no structure that tells it
from any prose, so it stays refused, with advice to import one of its siblings instead.

A segment's text is taken whole (only the space Whisper puts before it and caption wraps are folded): a reader
that drops or invents words is a leak or a loss.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .normalise import clean_name, squash
from .utterance import ParseError, Utterance

#: The header line of Whisper's TSV, exactly as it writes it.
TSV_HEADER = "start\tend\ttext"
_TSV_ROW_RE = re.compile(r"^([0-9]{1,9})\t([0-9]{1,9})\t(.*)$")
#: A JSON object opening with a key Whisper writes, so "{" alone is not taken as Whisper's.
_JSON_HEAD_RE = re.compile(r'^\{\s*"(?:text|segments|language)"\s*:')


def looks_like_json(text: str) -> bool:
    """Whether the text opens as Whisper's JSON, on one line or pretty-printed (the reader parses it to be
    sure)."""
    return bool(_JSON_HEAD_RE.match(text[:200].lstrip()))


def looks_like_tsv(first_line: str) -> bool:
    """Whether the first line is Whisper's TSV header."""
    return first_line.strip() == TSV_HEADER


def _seconds(value: Any, where: str, source: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ParseError(f"{source}: {where}: a segment's time is not a number of seconds")
    return round(float(value), 3)


def read_json(text: str, source: str) -> list[Utterance]:
    """The segments of Whisper's (or WhisperX's) JSON, one utterance each."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as e:
        raise ParseError(f"{source}: unknown format (JSON that does not parse: {e})") from None
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list) or not all(isinstance(s, dict) and isinstance(s.get("text"), str)
                                                 for s in segments):
        raise ParseError(f"{source}: unknown format (JSON, but not Whisper's: no list of 'segments' with 'text')")
    if not segments and isinstance(data.get("text"), str) and data["text"].strip():
        raise ParseError(f"{source}: Whisper's JSON has a 'text' but no 'segments'; import the .srt or .vtt it "
                         "wrote beside it")
    out: list[Utterance] = []
    for i, seg in enumerate(segments, 1):
        where = f"segment {i}"
        said = squash(seg["text"])
        speaker = seg.get("speaker")
        name = clean_name(speaker) if isinstance(speaker, str) and speaker.strip() else None
        out.append(Utterance(speaker=name, text=said, start_time=_seconds(seg.get("start"), where, source),
                             end_time=_seconds(seg.get("end"), where, source),
                             flags=[] if name else ["no_speaker"], where=where))
    return out


def read_tsv(text: str, source: str) -> list[Utterance]:
    """The rows of Whisper's TSV (times in milliseconds), one utterance each; a row of another shape is refused
    with its line, never skipped."""
    lines = text.split("\n")
    if not looks_like_tsv(lines[0]):
        raise ParseError(f"{source}: line 1: not Whisper's TSV header ('start', 'end', 'text')")
    out: list[Utterance] = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        m = _TSV_ROW_RE.match(line)
        if not m:
            raise ParseError(f"{source}: line {n}: not a Whisper TSV row (start and end in milliseconds, a tab, "
                             "the text)")
        out.append(Utterance(speaker=None, text=squash(m.group(3)), start_time=int(m.group(1)) / 1000,
                             end_time=int(m.group(2)) / 1000, flags=["no_speaker"], where=f"line {n}"))
    return out
