"""Times that transcription tools write around the speech of a plain transcript, never speech themselves.

Three tools' marks were read as words of the speech, or hid a label:

* f4transkript / f5 close each paragraph with a time mark ``#00:01:23-4#`` (hours, minutes, seconds, and a
  tenth after a dash). Left in the text, every turn of an interview ends with a number the anonymiser reads
  and a coder quotes; the mark is the time the next paragraph starts. MAXQDA writes the same mark at a
  paragraph's start, where it is that paragraph's time.
* Google Meet's transcript, exported from Google Docs, puts a line of only a time (``00:05:00``) between the
  turns every few minutes. Left alone, the time joined the speech of the turn above it.
* Trint and Sonix write the speaker and the time on a line of their own above the paragraph
  (``Mairi MacLeod  [00:01:07]``). Without a colon that line was no label, and the whole interview was one
  turn of no speaker.

Word's "Transcribe" (``00:00:03 Speaker 1`` above the speech) and Rev (``Name (00:01:02):``) write the time beside
the speaker too; their patterns live here with the others, so the plain reader reads them and Otter's reader knows
a file of them is not its own (:func:`labels_a_time`).

Each helper works on one line and only ever removes a time: the words of a line are never touched.
"""

from __future__ import annotations

import re

from .normalise import clean_name
from .utterance import parse_timestamp, speakerish

#: f4's end-of-paragraph mark: ``#00:01:23-4#`` (a tenth after a dash; f5 writes it the same way). Only this
#: shape counts: "#1" or "#MeToo" are speech.
_F4_MARK_RE = re.compile(r"[ \t]*+#([0-9]{1,2}:[0-9]{2}:[0-9]{2})(?:[-.,]([0-9]{1,3}))?#")

#: A line of only a time, as Google Meet writes one between turns.
_TIME_LINE_RE = re.compile(r"^[ \t]*+([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)[ \t]*+$")

#: A speaker and a bracketed time alone on a line, the speech below (Trint, Sonix): ``Name  [00:01:02]``,
#: ``Speaker 2 (01:02)``. A name has no colon or bracket and does not start with a digit.
_NAME_TIME_RE = re.compile(r"^[ \t]*+([^\s:0-9\[\]()][^:\n\[\]()]{0,47}?)[ \t]++"
                           r"[\[(]([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?)[\])][ \t]*+$")

#: A label with its time after the name, before the colon, as Rev.com and similar services write it on a line of
#: its own above the speech (``Tom Penhaligon (00:01:02):``, ``Speaker 1 [01:02]:``): the colons of the time hid
#: the label's own colon, so the whole file was refused as having no speakers.
TIMED_LABEL_RE = re.compile(r"^\s*+([^:\n()\[\]]{1,60}?)[ \t]*+[(\[]"
                             r"([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?)[)\]][ \t]*+:[ \t]*+")

#: A line that is only a time and a speaker, the speech in the paragraph below, as Word's "Transcribe" and NVivo
#: Transcription write a recording into a document (``00:00:03 Speaker 1``, ``00:01:15 Summer Plymouth``) and Happy
#: Scribe into a TXT (``[00:00:05.21] - Niamh Wall``: the time bracketed, with hundredths, and a dash before the
#: name); read as a ``Name:`` label only where the file has two such lines or more, so "10:30 Monday" in speech
#: stays speech.
_TIME_HEADER_RE = re.compile(r"^\s*+(?:\[([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?)\]|"
                             r"([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?))[ \t]++(?:[-–—][ \t]++)?"
                             r"([^\s:0-9\-–—\[][^:\n]{0,47}?)[ \t]*+$")


def without_f4_marks(line: str) -> tuple[str, float | None]:
    """``line`` without its f4 time marks, and the time of the last one (None where it has none)."""
    if "#" not in line:
        return line, None
    at: float | None = None
    for m in _F4_MARK_RE.finditer(line):
        seconds = parse_timestamp(m.group(1))
        if seconds is not None:
            at = round(seconds + (int(m.group(2)) / 10 ** len(m.group(2)) if m.group(2) else 0.0), 3)
    if at is None:
        return line, None
    return _F4_MARK_RE.sub(lambda m: "" if parse_timestamp(m.group(1)) is not None else m.group(0), line), at


def opens_with_f4_mark(line: str) -> bool:
    """Whether ``line`` starts with f4's mark and holds no other: MAXQDA's transcription mode writes the mark at
    a paragraph's start (``#00:01:02-5# B: text``), where it is when that paragraph starts, not the next one."""
    m = _F4_MARK_RE.match(line)
    return m is not None and m.start(1) - 1 == len(line) - len(line.lstrip(" \t")) and len(
        _F4_MARK_RE.findall(line)) == 1


def time_line(line: str) -> float | None:
    """The time of a line that is only a time, or None."""
    m = _TIME_LINE_RE.match(line)
    return parse_timestamp(m.group(1)) if m else None


def name_time_header(line: str) -> tuple[str, float] | None:
    """The speaker and time of a ``Name  [00:01:02]`` line, or None where the line is not one (a capital
    letter starts a speaker's name; "see you at [10:30]" is speech)."""
    m = _NAME_TIME_RE.match(line)
    if not m:
        return None
    at = parse_timestamp(m.group(2))
    name = clean_name(m.group(1))
    if at is None or not name or not name[0].isupper() or not speakerish(name, True):
        return None
    return name, at


def time_header(line: str) -> tuple[str, float] | None:
    """A time-and-speaker line's speaker and time (Word's "Transcribe" ``00:00:03 Speaker 1``, or Trint's and
    Sonix's ``Name  [00:01:02]``), or None where the line is not one."""
    m = _TIME_HEADER_RE.match(line)
    if not m:
        return name_time_header(line)
    at = parse_timestamp(m.group(1) or m.group(2))
    name = clean_name(m.group(3))
    if at is None or not speakerish(name, True) or not name[0].isupper():
        return None
    return name, at


def labels_a_time(line: str) -> bool:
    """Whether ``line`` is a speaker's line of one of the formats that write a time beside the name: a Word, Trint
    or Sonix header, or a Rev-style ``Name (00:01:02):``. Otter's reader counts these against its own headers."""
    if time_header(line) is not None:
        return True
    m = TIMED_LABEL_RE.match(line)
    return m is not None and parse_timestamp(m.group(2)) is not None
