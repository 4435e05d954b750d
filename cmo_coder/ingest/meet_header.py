"""The header of a Google Meet transcript as Google Docs downloads it as plain text.

Meet saves its transcript as a Google Doc; downloaded as text it opens with the meeting's title (``Hospice team
(2026-05-13 13:02 GMT+1) - Transcript``), a line ``Attendees``, the attendees' names on a line, separated by
commas (a long list wraps), a line ``Transcript`` and, in recent files, Meet's notice that the text was computer
generated and may be edited; then come ``00:00:00`` time lines and ``Name: text`` turns.
Read as plain text, the header was one turn of an unknown speaker, listed among the file's speakers as UNKNOWN.
It is the file's header, as an Otter export's title and SPEAKERS block are, and it is dropped as they are; the
attendees are the names the turns are labelled with, so each is a known speaker of the file (a name said once is
a label all the same) and is listed for the manifest like any other speaker, to be registered and removed.
"""

from __future__ import annotations

import re

from .normalise import clean

_TITLE_RE = re.compile(r"^.{1,200}?[ \t]+[-–—][ \t]+Transcript$")
#: Lines of attendees' names the header may take: Google Docs wraps a long list, and a meeting of a hundred people
#: takes a dozen lines. Six before: a seventh line made the whole header no header, and its attendees people
#: nobody was told about (the header then stood as the file's heading, the names in it for the anonymiser alone).
_MAX_NAME_LINES = 40
_NOTICE_RE = re.compile(r"^This editable transcript was computer generated\b", re.IGNORECASE)
#: An attendee's name as Meet writes it: a letter, then letters, digits, spaces and a name's marks, and at most its
#: organisation in brackets at the end. No length limit: the header is already Meet's by its title, "Attendees"
#: and "Transcript" lines, and a name over a set length (81 characters before, a bound that guarded nothing the
#: structure does not) made the whole header no header, so that attendee and every other one was a person nobody
#: was told about. "Amy Lo (NHS Fife)" and "R&D / Audit" are attendees too (before, they failed the header the same
#: way); a bracket holding a number ("P2 and 3 others (see sheet 2)") is a note, not a name.
_NAME_RE = re.compile(r"^[^\W\d_][\w'’. &/-]*(?:\([^()\d:]*\))?$")


def meet_header(lines: list[str]) -> tuple[int, list[str]] | None:
    """``(lines the header takes, the attendees' names)`` when ``lines`` open with Meet's header, else None."""
    def bare(i: int) -> str:
        # cleaned as a speaker's name is (bidi and zero-width marks out): a mark before one attendee's name made
        # the whole header one turn of no speaker, the attendees' names its speech
        return clean(lines[i].replace("\ufeff", "")).strip()

    rows = [i for i in range(min(len(lines), 4 + _MAX_NAME_LINES + 8)) if bare(i)]
    if len(rows) < 4 or not _TITLE_RE.match(bare(rows[0])) or bare(rows[1]).casefold() != "attendees":
        return None
    names: list[str] = []
    for k, i in enumerate(rows[2:], 2):
        if bare(i).casefold() == "transcript":
            if not names:
                return None
            after = next((j for j in range(i + 1, min(len(lines), i + 4)) if bare(j)), None)
            if after is not None and _NOTICE_RE.match(bare(after)):
                return after + 1, names  # Meet's notice that the text was machine-made: the header's too
            return i + 1, names
        if k - 2 >= _MAX_NAME_LINES:
            return None
        parts = [p.strip() for p in bare(i).split(",") if p.strip()]
        if not parts or not all(_NAME_RE.match(p) for p in parts):
            return None
        names.extend(parts)
    return None
