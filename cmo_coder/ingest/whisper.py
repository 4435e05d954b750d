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

from .limits import check_turns
from .normalise import clean_name, squash
from .utterance import ParseError, Utterance, excerpt

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


#: The latest time any reader takes (``999999:59:59.999``, the longest time :func:`parse_timestamp` reads).
MAX_SECONDS = 999_999 * 3600 + 3599.999


def _seconds(value: Any, where: str, source: str) -> float | None:
    """A segment's time; JSON's NaN and Infinity (Python writes and reads them) and numbers past any recording are
    refused, since a NaN compares false with every time and would sort a turn anywhere."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_SECONDS:
        raise ParseError(f"{source}: {where}: a segment's time is not a number of seconds ({excerpt(str(value))})")
    return round(float(value), 3)


def _text(seg: dict[str, Any], key: str, where: str, source: str) -> str:
    """A segment's text or speaker, refused where JSON's ``\\ud800`` escapes left half a character that no file can
    store (the import failed later, naming no segment)."""
    value: str = seg[key]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ParseError(f"{source}: {where}: the '{key}' holds half a character (an unpaired surrogate "
                         "escape such as \\ud800)") from None
    return value


def parsed_json(text: str, source: str) -> Any:
    """The JSON a speech service wrote, or the error naming the file (a hostile file nests past the stack, or writes
    a number of more than 4,300 digits, which Python refuses to read with a ``ValueError`` that is no
    ``JSONDecodeError``)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as e:
        raise ParseError(f"{source}: unknown format (JSON that does not parse: {excerpt(str(e))})") from None


def read_json(text: str, source: str) -> list[Utterance]:
    """The segments of Whisper's (or WhisperX's) JSON, one utterance each."""
    data = parsed_json(text, source)
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
        check_turns(i, source, where)
        said = squash(_text(seg, "text", where, source))
        speaker = seg.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            raise ParseError(f"{source}: {where}: the 'speaker' is not text ({type(speaker).__name__})")
        name = clean_name(_text(seg, "speaker", where, source)) if speaker and speaker.strip() else None
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
