"""The decisions sheet as text: cells made safe for a spreadsheet, and a sheet read back as a spreadsheet saved it.

A team decides in Excel or LibreOffice, so the sheet meets two hazards. Going out, a cell is a transcript's words,
and one opening like a formula would run there (CSV injection): :func:`formula_safe`. Coming back, the same rows
arrive as the spreadsheet saved them: with a byte order mark, with ``;`` (or a tab) between cells where the
locale's decimal mark is a comma, with CRLF or CR line ends, with columns moved. :func:`parse` reads every such
sheet to the same rows, one at a time (a sheet of tens of thousands of rows is never held twice as rows and text).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator

from ..errors import CmoError

#: What a spreadsheet takes for the start of a formula (or, tab and CR, for the edge of a cell), with the
#: full-width forms some locales' spreadsheets also read as operators: a cell opening with one of them is written
#: behind an apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

#: The separators a spreadsheet saves a CSV file with: a comma, a semicolon (locales whose decimal mark is a comma)
#: or a tab ("Unicode text").
DELIMITERS = (",", ";", "\t")


def formula_safe(cell: str) -> str:
    """A cell as the sheet writes it: behind an apostrophe where a spreadsheet would read it as a formula.

    Why: a transcript's words reach the sheet as surfaces and contexts, and a team opens the sheet in Excel or
    LibreOffice. A context such as ``=HYPERLINK("http://…", "click")`` or ``=cmd|' /c calc'!A0`` said or pasted
    into a chat export would run there (CSV injection); "+44 7700 900123" and "-- she said" would be misread as
    sums. The apostrophe is the spreadsheets' own mark for "text as written". A cell whose apostrophes are
    followed by one of these characters gets one more, so :func:`as_written` gives every cell back as it was."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def as_written(cell: str) -> str:
    """A cell as read back: the apostrophe :func:`formula_safe` put before a formula's first character taken off
    (a spreadsheet that dropped it on saving leaves the cell as the transcript had it, which reads the same)."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


_QUOTE_OR_LF = re.compile(r'["\n]')


def _row_end(text: str) -> str:
    """The character that ends the sheet's rows: LF where one stands outside a quoted cell, else CR.

    Why not "LF anywhere means LF": a sheet saved with CR line ends (an old Mac, Excel's "CSV (Macintosh)") whose
    cells hold LF (a context of two lines) was split at the cells' LFs only, so its rows ran together and the
    sheet was refused. A doubled quote inside a cell toggles twice, so counting quotes finds the cell's edge; the
    scan stops at the first LF outside a cell (the header's end in a CRLF or LF sheet) and runs whole only in a
    sheet that has both ends and no LF between rows."""
    if "\n" not in text or "\r" not in text:
        return "\n" if "\n" in text else "\r"
    quoted = False
    for m in _QUOTE_OR_LF.finditer(text):
        if m.group() == '"':
            quoted = not quoted
        elif not quoted:
            return "\n"
    return "\r"


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their ends, sliced one at a time (CR alone ends a line where no LF stands between
    cells, as a spreadsheet on an old Mac saves it; inside a quoted cell the csv reader joins them again)."""
    end = _row_end(text)
    start = 1 if text.startswith("\ufeff") else 0
    while start < len(text):
        stop = text.find(end, start)
        stop = len(text) if stop < 0 else stop + 1
        yield text[start:stop]
        start = stop


def _delimiter(first_line: str, known: Iterable[str]) -> str:
    """The separator under which the header names the most known columns (a comma when none names any)."""
    names = set(known)

    def score(d: str) -> int:
        try:
            cells = next(csv.reader([first_line], delimiter=d), [])
        except csv.Error:  # a header no separator reads (a CR inside it): refused where the header is read
            return 0
        return sum(1 for c in cells if c.strip().lower() in names)

    return max(DELIMITERS, key=lambda d: (score(d), d == ","))


def parse(text: str, path: str, known: Iterable[str]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header (names stripped and lower-cased) and an iterator of ``(row number, cells)`` for the rows after
    it, each cell :func:`as_written`; the row number is the spreadsheet's (the header is row 1), whatever line
    ends a cell holds. A file that is no CSV is refused naming ``path`` and the row."""
    lines = _lines(text)
    first = next(lines, "")
    if not first.strip():
        raise CmoError(f"{path}: empty decisions file (download or export the sheet first)")
    delimiter = _delimiter(first, known)
    try:
        header = [h.strip().lower() for h in next(csv.reader([first], delimiter=delimiter))]
    except csv.Error as exc:
        raise CmoError(f"{path}:1: not a readable CSV file ({exc})") from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(lines, delimiter=delimiter)
        number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise CmoError(f"{path}:{number + 1}: not a readable CSV file ({exc})") from None
            number += 1
            yield number, [as_written(cell) for cell in row]

    return header, rows()
