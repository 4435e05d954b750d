"""A transcript written as a table: a transcription service's DOCX where each row is one turn.

Transcription services often deliver a Word table whose header row names the columns (``Speaker | Text``,
``Name | Transcript``, ``Time | Speaker | Speech``), and put a second table of interview details (project,
interviewer, date, site) or a title above it. Read row by row as ``Name: text`` lines, the details table made
speakers of "Interviewer" and "Date" and put the interviewee's name and the site into the transcript, so sign-off
refused it. This module finds the transcript table by its header row and turns its rows into the plain reader's
``Name: text`` lines (a time column as a ``[hh:mm:ss]`` stamp before the name, which the plain reader reads as
the turn's start); what lies outside that table is the service's cover matter, not speech.
"""

from __future__ import annotations

import re

#: Header cells that name the column of who speaks.
SPEAKER_HEADERS = frozenset({"speaker", "speakers", "name", "who", "participant", "person", "speaker name"})
#: Header cells that name the column of what is said.
TEXT_HEADERS = frozenset({"text", "transcript", "transcription", "speech", "dialogue", "utterance", "content",
                          "what was said", "verbatim", "said"})
#: Header cells that name a time column.
TIME_HEADERS = frozenset({"time", "timestamp", "time stamp", "time code", "timecode", "start", "start time", "tc"})
_TIME = re.compile(r"^\[?\(?\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\s*\)?\]?$")


def _norm(cell: str) -> str:
    return " ".join(cell.replace(":", " ").split()).casefold()


def header_columns(cells: list[str]) -> tuple[int, int, int | None] | None:
    """The speaker, text and (if any) time columns of a transcript table's header row, or None for a row that
    is no such header (a details table's "Interviewer | Jane Smith", a table of speech)."""
    names = [_norm(c) for c in cells]
    speaker = next((i for i, n in enumerate(names) if n in SPEAKER_HEADERS), None)
    text = next((i for i, n in enumerate(names) if n in TEXT_HEADERS), None)
    if speaker is None or text is None or text == speaker:
        return None
    time = next((i for i, n in enumerate(names) if n in TIME_HEADERS), None)
    if any(n and i not in (speaker, text, time) for i, n in enumerate(names)):
        return None  # a column nobody named as a transcript's: not this layout
    return speaker, text, time


def speaker_of(cells: list[str], columns: tuple[int, int, int | None]) -> str:
    """The row's speaker as its line writes it (spacing folded, a trailing colon dropped), or ``""``."""
    i = columns[0]
    return " ".join(cells[i].split()).rstrip(":") if i < len(cells) else ""


def row_lines(cells: list[str], columns: tuple[int, int, int | None]) -> list[str]:
    """One row as the plain reader's lines: ``[time] Speaker: text`` (the text's own line breaks kept as
    further lines of the turn); a row with no speaker goes on with the turn above it, and an empty row is
    nothing."""
    speaker_col, text_col, time_col = columns

    def get(i: int | None) -> str:
        return cells[i].strip() if i is not None and i < len(cells) else ""

    who, said, at = speaker_of(cells, columns), get(text_col), get(time_col)
    if not said:
        # A speaker with nothing said is that speaker's empty turn, as a ``Name:`` line alone is in every
        # reader: the rows with no speaker after it are still theirs, and the empty turn is left out later.
        return [f"{who}:"] if who else []
    first, *rest = said.split("\n")
    if who:
        stamp = f"[{at.strip('[]() ')}] " if at and _TIME.match(at) else ""
        first = f"{stamp}{who}: {first}"
    return [first, *rest]
