"""A transcript kept in an Excel workbook (.xlsx): the first sheet read as the CSV reader reads a table of turns.

Teams that transcribe by hand, and editors that export segments, keep a transcript as a sheet of rows (``Start``,
``End``, ``Speaker``, ``Text``). Every workbook was refused with the advice to save the sheet as CSV; a team that
did so by hand met Excel's own traps (a CSV in the machine's code page, not UTF-8, so "Siobhán" came back as
"SiobhÃ¡n" and no longer matched the register). The sheet's cells are what a CSV would hold, so they are read here
and handed to :mod:`.csv_transcript`, which takes the header row, the columns and the rows exactly as for a CSV
file. No dependency is needed: a workbook is a zip of small XML parts, read with the archive checks every office
reader makes (:func:`.docx_reader.check_entries`, :func:`.docx_reader.checked_part`, :class:`.docx_reader.Capped`)
and lxml with entities, DTDs and the network off.

What is read: the first sheet in the workbook's order, every row of it (hidden rows and columns too: a reader that
guessed at what is shown could drop speech), each cell's text: a shared string (a rich one's runs joined; the
phonetic guide of East Asian text left out, being a reading aid and not the text), an inline string, a formula's
stored result, or a number as written (a number below one in a time column is the day's fraction Excel stores for a
time, and is turned back into ``hh:mm:ss.mmm``). What is not: the other sheets (the import names how many, never
what they hold, so a team can check the first is the transcript), comments and charts. A row with a cell beyond
the header's last column is refused, naming its row: that text would belong to no column.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from lxml import etree

from . import csv_transcript
from .docx_reader import MAX_DOCUMENT_XML, ZIP_ERRORS, Capped, check_entries, checked_part
from .limits import MAX_LINES, check_lines
from .utterance import ParseError, Utterance

_KIND = "an Excel workbook"
_WORKBOOK = "xl/workbook.xml"
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
#: The widest sheet read: a transcript has a handful of columns; a hostile cell reference "XFD1" would pad every
#: row to sixteen thousand cells.
MAX_COLUMNS = 64


def is_workbook(data: bytes) -> bool:
    """An Office Open XML workbook (.xlsx): its parts live under ``xl/``; a Word document's under ``word/``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()[:10_000]
    except ZIP_ERRORS:
        return False
    return _WORKBOOK in names and "word/document.xml" not in names


def _parse(zf: zipfile.ZipFile, part: str, source: str) -> etree._Element:
    """One part of the workbook as a tree, read through the byte budget, with no entities, DTD or network."""
    info = checked_part(zf, part, source, _KIND, f"not a readable workbook (no {part} in the archive)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    with zf.open(info) as member:
        tree = etree.parse(Capped(member, MAX_DOCUMENT_XML, source, part), parser)
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ParseError(f"{source}: {part} declares a DOCTYPE (entities); Excel never writes one, refusing")
    return tree.getroot()


def _text_of(si: etree._Element) -> str:
    """A string item's text: its ``t`` elements in order, a phonetic guide's (``rPh``) left out."""
    return "".join(t.text or "" for t in si.iter("{*}t") if etree.QName(t.getparent()).localname != "rPh")


def _first_sheet(zf: zipfile.ZipFile, source: str) -> tuple[str, int]:
    """The part of the workbook's first sheet and how many sheets the workbook has."""
    book = _parse(zf, _WORKBOOK, source)
    sheets = [s for s in book.iter("{*}sheet")]
    if not sheets:
        raise ParseError(f"{source}: the workbook has no sheet")
    rid = next((v for k, v in sheets[0].attrib.items() if etree.QName(k).localname == "id"), None)
    target = None
    if rid is not None and "xl/_rels/workbook.xml.rels" in zf.namelist():
        rels = _parse(zf, "xl/_rels/workbook.xml.rels", source)
        target = next((r.get("Target") for r in rels.iter("{*}Relationship") if r.get("Id") == rid), None)
    if not target:
        target = "worksheets/sheet1.xml"
    part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return part, len(sheets)


def _column(ref: str | None, fallback: int) -> int:
    m = _CELL_REF.match(ref or "")
    if not m:
        return fallback
    n = 0
    for ch in m.group(1):
        n = n * 26 + ord(ch) - 64
    return n - 1


def _day_fraction(value: str) -> str:
    """A number as the sheet holds it; a fraction of a day (how Excel stores a time) as ``hh:mm:ss.mmm``."""
    try:
        number = float(value)
    except ValueError:
        return value
    if not 0 < number < 1:
        return value
    ms = round(number * 86_400_000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _one_line(message: str) -> str:
    """A library's message as one short line: libxml2's end in a line break ("Char 0x0 out of allowed range\n,
    line 1"), and a refusal is one line."""
    return " ".join(message.split())[:120]


def rows_of(data: bytes, source: str) -> tuple[list[list[str]], int]:
    """The first sheet's rows as lists of cell texts (empty rows left out), and the workbook's number of sheets."""
    check_entries(data, source, _KIND)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            part, count = _first_sheet(zf, source)
            shared: list[str] = []
            if "xl/sharedStrings.xml" in zf.namelist():
                shared = [_text_of(si) for si in _parse(zf, "xl/sharedStrings.xml", source).iter("{*}si")]
            sheet = _parse(zf, part, source)
    except ParseError:
        raise
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{source}: not well-formed XML in the workbook ({_one_line(str(exc.msg))})") from None
    except etree.LxmlError as exc:
        raise ParseError(f"{source}: unreadable XML in the workbook ({_one_line(str(exc))})") from None
    except ZIP_ERRORS as exc:
        raise ParseError(f"{source}: corrupt .xlsx: {type(exc).__name__}: {_one_line(str(exc))}") from None
    rows: list[list[str]] = []
    for row in sheet.iter("{*}row"):
        cells: dict[int, str] = {}
        for k, c in enumerate(row.iter("{*}c")):
            col = _column(c.get("r"), k)
            if col >= MAX_COLUMNS:
                raise ParseError(f"{source}: row {row.get('r') or len(rows) + 1}: a cell beyond column "
                                 f"{MAX_COLUMNS}; not a transcript's sheet")
            kind = c.get("t")
            v = c.find("{*}v")
            if kind == "inlineStr":
                inline = c.find("{*}is")
                cells[col] = _text_of(inline) if inline is not None else ""
            elif kind == "s" and v is not None and (v.text or "").strip().isdigit():
                i = int((v.text or "").strip())
                if i >= len(shared):
                    raise ParseError(f"{source}: row {row.get('r') or len(rows) + 1}: a cell names shared "
                                     f"string {i}, which the workbook does not hold")
                cells[col] = shared[i]
            elif v is not None:
                cells[col] = v.text or "" if kind in ("str", "e", "b") else _day_fraction(v.text or "")
        if any(t.strip() for t in cells.values()):
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)])
            if len(rows) > MAX_LINES:
                check_lines(len(rows), source)
    return rows, count


def read(data: bytes, source: str) -> tuple[list[Utterance], list[str]]:
    """The first sheet's turns (as :func:`.csv_transcript.read` reads a table), and warnings: the columns left
    unread and the sheets not read, by count."""
    rows, count = rows_of(data, source)
    if not rows:
        raise ParseError(f"{source}: the workbook's first sheet is empty")
    width = len(rows[0])
    for n, row in enumerate(rows[1:], 2):
        if len(row) > width and any(c.strip() for c in row[width:]):
            raise ParseError(f"{source}: row {n} of the first sheet has a cell beyond the header's last column; "
                             "give that column a header (or move the text) and import again")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow((row + [""] * width)[:width])
    try:
        utts, notes = csv_transcript.read(buf.getvalue(), source)
    except ParseError as exc:
        raise ParseError(str(exc).replace(": line ", ": row ", 1)) from None
    if count > 1:
        notes = [*notes, f"{source}: only the first of the workbook's {count} sheets was read as the transcript; "
                 "import another sheet by moving it first (or saving it as CSV)"]
    return utts, notes
