"""A transcript as a table of rows: the CSV that Descript, Sonix and other editors export, or a researcher's sheet.

Editors export a transcript as one row per segment (``start,end,speaker,text``), and a team that keeps its
transcripts in a spreadsheet saves the sheet as CSV. Every such file was refused as "no speaker labels", though its
header says plainly which column is who and which is what was said. The header row is read as the Word reader reads
a transcript table's (:mod:`.docx_table`): a speaker column and a text column are needed, a start column gives each
turn its time (seconds, ``hh:mm:ss.mmm`` or ``mm:ss``), an end column its end. Rows of one speaker in a row are one
turn, joined by a space as caption cues are (an editor cuts a turn into sentences).

Nothing is dropped or invented silently: a row with text and no speaker goes on with the turn above it, as an
unlabelled paragraph does; a row with another number of cells than the header, or a start that is no time, is
refused with its line; a column the reader does not take (a confidence, a note) is named in a warning (its name
only, never a cell: a warning is stored outside the secure folder), since a note column may hold what a
transcriber wrote about a person. Commas, semicolons and tabs are taken as the separator, as the header row shows.
"""

from __future__ import annotations

import csv
import html
import io
import re

from .docx_table import SPEAKER_HEADERS, TEXT_HEADERS, TIME_HEADERS
from .limits import check_turns
from .normalise import clean_name, squash
from .utterance import ParseError, Utterance, parse_timestamp

#: Header cells that name the column where a segment ends.
END_HEADERS = frozenset({"end", "end time", "stop", "stop time", "out", "end timestamp"})
_START_HEADERS = TIME_HEADERS | {"start timestamp", "in", "begin", "start (s)", "start seconds"}
_SEPARATORS = (",", ";", "\t")
_HEADER_CELL = re.compile(r"^[A-Za-z][A-Za-z0-9 _()#.-]{0,29}$")
_SECONDS = re.compile(r"^[0-9]{1,7}(?:[.,][0-9]{1,6})?$")


def _norm(cell: str) -> str:
    return " ".join(cell.replace("_", " ").replace(":", " ").split()).casefold()


def _columns(cells: list[str]) -> tuple[int, int, int | None, int | None] | None:
    """The speaker, text, start and end columns a header row names, or None for a row that is no such header."""
    names = [_norm(c) for c in cells]
    if len(names) < 2 or len(names) > 12 or not all(_HEADER_CELL.match(c.strip()) for c in cells):
        return None
    speaker = next((i for i, n in enumerate(names) if n in SPEAKER_HEADERS), None)
    text = next((i for i, n in enumerate(names) if n in TEXT_HEADERS), None)
    if speaker is None or text is None or speaker == text:
        return None
    start = next((i for i, n in enumerate(names) if n in _START_HEADERS), None)
    end = next((i for i, n in enumerate(names) if n in END_HEADERS), None)
    return speaker, text, start, end


def _header(first_line: str) -> tuple[str, tuple[int, int, int | None, int | None]] | None:
    for sep in _SEPARATORS:
        if sep not in first_line:
            continue
        cells = next(csv.reader([first_line], delimiter=sep), [])
        columns = _columns(cells)
        if columns is not None:
            return sep, columns
    return None


def looks_like_csv(first_line: str) -> bool:
    """Whether the file's first line is a transcript table's header row (a speaker and a text column)."""
    return _header(first_line.lstrip("\ufeff")) is not None


def _seconds(cell: str) -> float | None:
    cell = cell.strip()
    if _SECONDS.match(cell):
        return float(cell.replace(",", "."))
    return parse_timestamp(cell)


def _cell_text(cell: str) -> str:
    """A text cell's speech, spaces folded. A cell is text, not markup: a "<" typed in it ("email me <jo@x.org>")
    is kept, and an "&amp;" stays as written (the cleaning every reader shares strips tags and decodes entities,
    so it is given the cell escaped)."""
    return squash(html.escape(cell, quote=False))


def read(text: str, source: str) -> tuple[list[Utterance], list[str]]:
    """The rows as utterances, and a warning naming any column left unread."""
    first = text.split("\n", 1)[0]
    found = _header(first)
    if found is None:
        raise ParseError(f"{source}: line 1: not a transcript table's header (a speaker and a text column)")
    sep, (speaker_col, text_col, start_col, end_col) = found
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        header = next(reader)
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ParseError(f"{source}: line {reader.line_num}: not a readable CSV row ({exc})") from None
    used = {speaker_col, text_col, start_col, end_col}
    unread = [h.strip() for i, h in enumerate(header) if i not in used and h.strip()]
    out: list[Utterance] = []
    for line, row in rows:
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise ParseError(f"{source}: line {line}: {len(row)} cells where the header has {len(header)} "
                             "(a separator inside a cell must be quoted)")
        said = _cell_text(row[text_col])
        who = clean_name(html.escape(row[speaker_col], quote=False)).rstrip(":").rstrip() or None
        start = end = None
        for col, name in ((start_col, "start"), (end_col, "end")):
            if col is None or not row[col].strip():
                continue
            value = _seconds(row[col])
            if value is None:
                raise ParseError(f"{source}: line {line}: the {name} {row[col].strip()[:20]!r} is no time "
                                 "(seconds, hh:mm:ss or mm:ss)")
            if name == "start":
                start = value
            else:
                end = value
        if not said:
            continue  # a row with no speech is no turn (a speaker's empty row, an editor's blank segment)
        if who is None and out:
            who = out[-1].speaker  # a row with no speaker goes on with the turn above it
            flags: list[str] = []
        else:
            flags = [] if who else ["no_speaker"]
        out.append(Utterance(speaker=who, text=said, start_time=start, end_time=end, flags=flags,
                             where=f"line {line}"))
        check_turns(len(out), source, f"line {line}")
    if not out:
        raise ParseError(f"{source}: no speech found (every row's text cell is empty)")
    warnings = [f"column(s) not read as speech: {', '.join(repr(u[:30]) for u in unread[:5])}"] if unread else []
    return out, warnings
