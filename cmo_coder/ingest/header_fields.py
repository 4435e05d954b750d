"""A transcript's header of fields ("Interviewer: ST   Date: 12/03/2025") above its first turn: a heading, no turn.

Typists and transcription services head a transcript with fields, one a line or several on one line set apart by
a run of spaces or a tab: ``Interviewer: ST``, ``Interviewee: P04``, ``Date of interview: 12/03``, ``Location:
Bulwell``, ``Duration: 45 min``, ``Transcriber: JB``. Read as ``Name: text`` labels, ``Interviewer: ST   Date:
14/10`` became a turn of a speaker "Interviewer" saying "ST Date: 14/10", and sign-off refused the transcript until
the manifest named that speaker. Read as a heading, the line stays in the text (anonymised like every other line,
so the initials or the name in it go as the register and the manifest say) but belongs to no turn, as the other
lines of a heading already do (:mod:`cmo_coder.anonymise.headings`).

Only the labelled lines before the file's first turn are looked at, and only where a turn follows them; a line is
a field when its label names a field of a header and either a second field follows on the same line after a gap,
or the label is said only once in the file and its value is short and no sentence ("Interviewer: Hello, thanks
for coming." is a turn; a role that labels turns elsewhere in the file is a speaker).
"""

from __future__ import annotations

import re

#: Field names of a transcript's header, as typists and transcription services write them (case-insensitive).
HEADER_FIELDS: frozenset[str] = frozenset({
    "interviewer", "interviewers", "interviewee", "interviewees", "participant", "participants", "participant id",
    "participant no", "participant number", "respondent", "respondent id", "facilitator", "facilitators",
    "moderator", "note taker", "notetaker", "observer", "present", "attendees", "date", "date of interview",
    "interview date", "date of recording", "recording date", "date recorded", "time", "start time", "end time",
    "location", "venue", "place", "setting", "duration", "length", "recording length", "project", "project name",
    "study", "study id", "site", "transcriber", "transcribed by", "transcription", "file", "file name", "filename",
    "audio file", "recording", "interview", "interview no", "interview number", "interview id", "session",
    "group", "focus group", "mode", "format", "language", "case", "case id", "code", "id", "ref", "reference",
})

#: A gap between two fields on one line: a tab, two spaces or more, or a bar or semicolon set apart by spaces.
_GAP_RE = re.compile(r"\t|[ ]{2,}|\s[|;]\s")
#: A field's label at the start of a segment of the line.
_FIELD_RE = re.compile(r"^\s*+([^:\n]{1,30}?)\s*+:")


def is_field_name(label: str) -> bool:
    """Whether ``label`` names a header's field (``Date of interview``, ``Interviewer``), whatever its case."""
    # "Note-taker" as "note taker": a focus group's header names its note-taker so as often as not
    return " ".join(label.replace("_", " ").replace("-", " ").split()).casefold().rstrip(".") in HEADER_FIELDS


def _second_field(line: str) -> bool:
    """Whether a field of a header follows the first one after a gap (``Interviewer: ST   Date: 14/10``)."""
    parts = _GAP_RE.split(line.strip())
    return any((m := _FIELD_RE.match(p)) is not None and is_field_name(m.group(1)) for p in parts[1:])


def _short_value(value: str) -> bool:
    """A field's value rather than speech: at most six words, no sentence's end, no question."""
    v = value.strip()
    return bool(v) and len(v.split()) <= 6 and not re.search(r"[.?!…]\s*$", v)


def opens_with_field(line: str) -> bool:
    """Whether ``line`` opens with a header's field (``Date: 12/02``, ``Location:``)."""
    m = _FIELD_RE.match(line)
    return m is not None and is_field_name(m.group(1))


def is_header_field(line: str, label: str, value: str, said_once: bool, field_below: bool = False) -> bool:
    """Whether the labelled ``line`` (label ``label``, text ``value``) above the first turn is a header's field.

    ``said_once``: the label starts no other line of the file (a role that labels turns is a speaker).
    ``field_below``: the next line that is not blank opens with a field. A field left blank (``Interviewer:``
    typed in a template and never filled in) is one only so: a label alone on its line above speech is the
    speaker of the lines below it, as Rev and many typists write."""
    if not is_field_name(label):
        return False
    if _second_field(line):
        return True
    return said_once and (_short_value(value) or (not value.strip() and field_below))
