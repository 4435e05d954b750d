"""Word documents: Teams transcripts, Otter exports and generic ``Name: text``.

A Teams DOCX turn is ONE paragraph: first line ``Name   M:SS``, speech on the further
lines (``w:br`` line breaks, read as ``\\n``). Title, date and duration
lines come first, and ``X started/stopped transcription`` markers are dropped; the
marker patterns are a parameter so other interface languages can be added.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import IO

from lxml import etree

from . import docx_hidden, docx_table, otter, plain
from .limits import MAX_LINES, check_lines
from .normalise import clean
from .utterance import ParseError, Utterance

#: ``Jane Adams started transcription`` and the like; extend for other languages.
TRANSCRIPTION_MARKERS: tuple[str, ...] = (
    r"^.{1,80}\s(?:started|stopped) transcription$",
    r"^.{1,80}\s(?:hat die Transkription gestartet|hat die Transkription beendet)$",
    r"^.{1,80}\sa (?:démarré|arrêté) la transcription$",
)


#: At most this many bytes of ``word/document.xml`` are unpacked, counted while streaming (the
#: sizes a ZIP header claims are not trusted): a transcript of a whole day's meeting is a few MB.
MAX_DOCUMENT_XML = 64 * 1024 * 1024
#: A Word document has tens of parts (hundreds with many images); a central directory listing
#: far more is hostile, and every entry costs memory before anything is unpacked.
MAX_ENTRIES = 10_000
DOCUMENT_PART = "word/document.xml"
_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  # transitional (what Word writes)
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # strict
)
#: What a damaged archive or deflate stream raises while it is read.
#: What a damaged archive raises as it is read. ValueError too: an end record whose central directory's offset was
#: changed makes zipfile seek to a negative place ("negative seek value -19"), which escaped as an internal error.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError, ValueError)


class Capped(io.RawIOBase):
    """A member of the archive read through a byte budget: the zip-bomb guard works on what is
    actually decompressed, so a forged size in the header cannot get past it."""

    def __init__(self, member: IO[bytes], limit: int, source: str, part: str = DOCUMENT_PART) -> None:
        super().__init__()
        self.member = member
        self.limit = limit
        self.source = source
        self.part = part
        self.seen = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.member.read(min(size, 1 << 20) if size and size > 0 else 1 << 20)
        self.seen += len(chunk)
        if self.seen > self.limit:
            raise ParseError(
                f"{self.source}: {self.part} unpacks to more than {self.limit // (1024 * 1024)} MB; "
                "refusing a zip bomb (a transcript's document part is a few MB)"
            )
        return chunk


def entry_count(data: bytes) -> int | None:
    """Entries announced by the end-of-central-directory record, before zipfile reads them all."""
    pos = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if pos < 0 or pos + 12 > len(data):
        return None
    return int.from_bytes(data[pos + 10 : pos + 12], "little")


def check_entries(data: bytes, source: str, kind: str) -> None:
    """Refuse an archive that announces more parts than a document has, before zipfile reads its directory.
    ``kind``: what the file is not, said in the error ("a Word document")."""
    entries = entry_count(data)
    if entries is not None and entries > MAX_ENTRIES:
        raise ParseError(f"{source}: the archive lists {entries} parts (over {MAX_ENTRIES}); not {kind}")


def checked_part(zf: zipfile.ZipFile, part: str, source: str, kind: str, missing: str) -> zipfile.ZipInfo:
    """The archive's ``part``, after the checks every office reader makes (the parts counted, the part present,
    its declared size under :data:`MAX_DOCUMENT_XML`); the part is still read through :class:`Capped`, since a
    declared size may lie. ``missing``: the error's words when the part is absent."""
    if len(zf.infolist()) > MAX_ENTRIES:
        raise ParseError(f"{source}: the archive lists over {MAX_ENTRIES} parts; not {kind}")
    try:
        info = zf.getinfo(part)
    except KeyError:
        raise ParseError(f"{source}: {missing}") from None
    if info.file_size > MAX_DOCUMENT_XML:
        raise ParseError(
            f"{source}: {part} would unpack to {info.file_size} bytes "
            f"(over {MAX_DOCUMENT_XML // (1024 * 1024)} MB); refusing a zip bomb"
        )
    return info


def paragraphs_of(data: bytes, source: str, tables: list[list[str]] | None = None,
                  speakers: set[str] | None = None) -> list[str]:
    """Body paragraphs (and table cells, row by row) in document order; a table whose header row names a
    speaker and a text column (:mod:`.docx_table`) is also put in ``tables`` as the plain reader's lines,
    and the names of its speaker column in ``speakers``.

    Only ``word/document.xml`` is unpacked, streamed through :class:`Capped` into lxml's
    incremental parser with entities, DTDs and network access off; each body paragraph is
    read and then dropped, so memory follows the text, not the XML.
    """
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ParseError(f"{source}: not a valid .docx (a .docx is a zip archive; this file is not one)")
    check_entries(data, source, "a Word document")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = checked_part(zf, DOCUMENT_PART, source, "a Word document",
                                f"not a Word document (no {DOCUMENT_PART} in the archive)")
            styles = _styles(zf, source)
            with zf.open(info) as member:
                return _body_paragraphs(Capped(member, MAX_DOCUMENT_XML, source), source, tables, speakers, styles)
    except ParseError:
        raise
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        raise ParseError(f"{source}: {DOCUMENT_PART}: {line}not well-formed XML ({_short(str(exc.msg))})") from None
    except etree.LxmlError as exc:
        raise ParseError(f"{source}: {DOCUMENT_PART}: unreadable XML ({_short(str(exc))})") from None
    except ZIP_ERRORS as exc:
        raise ParseError(f"{source}: corrupt .docx: {type(exc).__name__}: {_short(str(exc))}") from None


STYLES_PART = "word/styles.xml"


def _styles(zf: zipfile.ZipFile, source: str) -> docx_hidden.StyleHiding:
    """Which styles hide their text (:func:`.docx_hidden.style_hiding`); none where the part is absent."""
    try:
        info = zf.getinfo(STYLES_PART)
    except KeyError:
        return docx_hidden.NO_STYLES
    with zf.open(info) as member:
        capped = Capped(member, _MAX_SIDE_PART, source, STYLES_PART)
        data = b"".join(iter(lambda: capped.read(1 << 20), b""))
    return docx_hidden.style_hiding(data, source)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _local(tag: object) -> str | None:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else None


def _check_root(tree: etree._ElementTree, source: str) -> etree._Element:
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ParseError(f"{source}: {DOCUMENT_PART} declares a DOCTYPE (entities); Word never writes one, refusing")
    root = tree.getroot()
    ns, _, name = str(root.tag).rpartition("}")
    if name != "document" or ns.lstrip("{") not in _MAIN_NAMESPACES:
        raise ParseError(
            f"{source}: {DOCUMENT_PART}: the root element is <{_short(name, 40)}>, not a Word w:document; "
            "not a Word document"
        )
    return root


def _body_paragraphs(stream: Capped, source: str, tables: list[list[str]] | None = None,
                     speakers: set[str] | None = None,
                     styles: docx_hidden.StyleHiding = docx_hidden.NO_STYLES) -> list[str]:
    # Only body, paragraph and table elements reach Python (runs and text nodes stay in C):
    # a Word document has several elements per paragraph, and a hostile one millions.
    events = etree.iterparse(
        stream, events=("end",), tag=("{*}body", "{*}p", "{*}tbl"), resolve_entities=False, no_network=True,
        load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True,
    )
    out: list[str] = []
    root = None
    body_seen = False
    join_next = False  # the last paragraph's mark was deleted: accepted, this paragraph goes on it
    for _, el in events:
        if root is None:
            root = _check_root(el.getroottree(), source)
        parent = el.getparent()
        if parent is None or _in_body(el, root) is None:
            if _local(el.tag) == "body" and parent is root:
                body_seen = True
            continue  # a paragraph inside a table cell: read with its table
        if _local(el.tag) == "p":
            text = "".join(_para_text(el, styles))
            if join_next and out:
                out[-1] += text
            else:
                out.append(text)
            join_next = docx_hidden.mark_deleted(el)
        else:
            join_next = False
            columns: tuple[int, int, int | None] | None = None
            lines: list[str] = []
            for n, row in enumerate(el.iter("{*}tr")):
                # each cell's paragraphs, read once: flat for the row's line, per cell for a table of turns
                by_cell = [["".join(_para_text(p, styles)) for p in tc.iter("{*}p")] for tc in row.iter("{*}tc")]
                cells = [c for paras in by_cell for c in paras]
                out.append(": ".join(c for c in cells if c.strip()) if len(cells) > 1 else "".join(cells))
                if tables is None:
                    continue
                if n == 0:
                    columns = docx_table.header_columns(cells)
                elif columns is not None:  # a row is a paragraph of its own: a blank line after it
                    row_cells = ["\n".join(paras) for paras in by_cell]
                    said = docx_table.row_lines(row_cells, columns)
                    lines.extend([*said, ""] if said else [])
                    if said and speakers is not None and (who := docx_table.speaker_of(row_cells, columns)):
                        speakers.add(who)
            if columns is not None and tables is not None:
                tables.append(lines)
        if len(out) > MAX_LINES:
            check_lines(len(out), source)
        el.clear()
        while el.getprevious() is not None:  # what is read is dropped
            del parent[0]
    if root is None:  # no body, paragraph or table anywhere: still say what the document is
        _check_root(events.root.getroottree(), source)
    if not body_seen:
        raise ParseError(f"{source}: {DOCUMENT_PART} has no w:body; not a Word document with text")
    return out


def _para_text(p: etree._Element, styles: docx_hidden.StyleHiding = docx_hidden.NO_STYLES) -> list[str]:
    """Text of a ``w:p`` as a transcript reads it (:func:`.docx_hidden.para_text`): the changes accepted, field
    codes, text boxes, placeholders and the other branch of alternate content left out. A text box anchored in the
    paragraph (``w:txbxContent``, which Word writes twice: the drawing and its VML fallback) is no speech: its
    text (a researcher's note, a label) was joined into the turn, twice, with no space before it."""
    return docx_hidden.para_text(p, styles)


def _in_body(el: etree._Element, root: etree._Element) -> etree._Element | None:
    """The ``w:body`` a paragraph or table stands in, through content controls and custom XML around it (a
    transcript typed into a template's content control is body text), or None (a table cell's paragraph, or one
    in a content control that shows its placeholder)."""
    node = el.getparent()
    while node is not None and _local(node.tag) in docx_hidden.BLOCK_WRAPPERS:
        if _local(node.tag) == "sdt" and docx_hidden.placeholder(node):
            return None
        node = node.getparent()
    if node is None or _local(node.tag) != "body" or node.getparent() is not root:
        return None
    return node


#: Parts of a Word document that hold text but no speech: read only to say they were left out.
_NOT_SPEECH_PARTS = (("word/header", "the page header"), ("word/footer", "the page footer"),
                     ("word/comments", "comments"), ("word/footnotes", "footnotes"), ("word/endnotes", "endnotes"))
_MAX_SIDE_PART = 8 * 1024 * 1024
_TEXT_RUN = re.compile(rb"<w:t(?:\s[^>]*)?>[^<]*[^\s<][^<]*</w:t>")


def left_out(data: bytes, source: str) -> list[str]:
    """The import's note on text a Word document holds outside its speech (a page header with the interviewee's
    name, a transcriber's comment, a footnote, a text box): never read into a turn, and said to be there (by kind
    and count, never by content: a warning is stored outside the secure folder), so the team can check it."""
    found: list[str] = []
    hidden: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()[:MAX_ENTRIES]
            for prefix, what in _NOT_SPEECH_PARTS:
                for name in names:
                    if name.startswith(prefix) and name.endswith(".xml") and "/_rels/" not in name:
                        with zf.open(name) as member:
                            body = Capped(member, _MAX_SIDE_PART, source, name).read(_MAX_SIDE_PART)
                        if _TEXT_RUN.search(body) and what not in found:
                            found.append(what)
            if DOCUMENT_PART in names:
                with zf.open(DOCUMENT_PART) as member:
                    body = Capped(member, MAX_DOCUMENT_XML, source).read(MAX_DOCUMENT_XML)
                boxes = max(body.count(b"<wps:txbx"), body.count(b"<v:textbox"))
                if boxes:
                    found.append(f"{boxes} text box(es)")
                hidden = docx_hidden.notes(body, _styles(zf, source))
    except (ParseError, *ZIP_ERRORS):
        return []
    said = [f"left out as no speech: {', '.join(found)} (check them in the original for anything the transcript "
            "needs)"] if found else []
    return said + hidden


def kind(paras: list[str]) -> str:
    """``teams_docx``, ``otter_docx`` or ``plain_docx`` from the paragraphs' shape.

    Newer Teams downloads put the ``Name   M:SS`` line in a paragraph of its own above the turn's paragraph, as
    Otter does; their ``… started transcription`` line tells them apart (Otter writes none)."""
    teams = sum(1 for p in paras if "\n" in p and otter.is_header(p.split("\n", 1)[0]))
    headers = sum(1 for p in paras if otter.is_header(p))
    if headers and otter.outnumbered([clean(p) for p in paras], max(teams, headers)):
        return "plain_docx"  # Trint's or Sonix's headers: the plain reader's (:mod:`.time_marks`)
    if teams and teams >= headers:
        return "teams_docx"
    if headers and _has_marker(paras):
        return "teams_docx"
    if headers or any("otter.ai" in p.lower() for p in paras):
        return "otter_docx"
    # headers of one space (``Speaker 1 00:00:03``), a speaker's recurring: read as Otter's, whose reader takes
    # them; read plain, the file was one turn of no speaker with every header, names and all, in its text
    cleaned = [clean(p) for p in paras]
    loose = otter.loose_headers(cleaned)
    if loose >= 2 and not otter.outnumbered(cleaned, loose):
        return "otter_docx"
    return "plain_docx"


def _has_marker(paras: list[str], markers: tuple[str, ...] = TRANSCRIPTION_MARKERS) -> bool:
    pats = [re.compile(m, re.IGNORECASE) for m in markers]
    return any(pt.match(clean(p).strip()) for p in paras[:50] for pt in pats)


def _drop_markers(paras: list[str], markers: tuple[str, ...]) -> list[tuple[str, int]]:
    pats = [re.compile(m, re.IGNORECASE) for m in markers]
    return [(p, i) for i, p in enumerate(paras, 1) if not any(pt.match(clean(p).strip()) for pt in pats)]


def _from_first_header(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    first = next((i for i, (line, _) in enumerate(lines) if otter.is_header(line)), None)
    return lines[first:] if first is not None else lines


def read(data: bytes, source: str, markers: tuple[str, ...] = TRANSCRIPTION_MARKERS,
         fmt: str | None = None) -> tuple[str, list[Utterance]]:
    tables: list[list[str]] = []
    speakers: set[str] = set()
    paras = paragraphs_of(data, source, tables, speakers)
    check_lines(len(paras) + sum(p.count("\n") for p in paras), source)
    fmt = fmt or kind(paras)
    if fmt == "plain_docx" and any(tables):
        # A transcription service's table of turns: its rows are the transcript; the title and the table of
        # interview details around it are cover matter, not speech (:mod:`.docx_table`).
        rows: list[tuple[str, str]] = []
        for t, table in enumerate(tables, 1):
            row = 1
            for line in table:
                rows.append((line, f"table {t} row {row}"))
                row += not line  # a blank line ends a row
        # The speaker column says who speaks: its names are labels even where a ``Name:`` line alone would not
        # look like one ("dr okafor" said once, "Dr. Okafor"), as a Teams or Otter header is.
        return fmt, plain.read_lines(rows, source, known=frozenset(speakers))
    kept = _drop_markers(paras, markers)
    if fmt in ("teams_docx", "otter_docx"):
        lines: list[tuple[str, str]] = []
        for p, i in kept:
            for line in p.split("\n"):
                lines.append((line, f"paragraph {i}"))
            lines.append(("", f"paragraph {i}"))
        # Title, date and duration lines precede the first speaker header.
        return fmt, otter.read_lines(_from_first_header(lines), source)
    if not any(p.strip() for p in paras):
        raise ParseError(f"{source}: the document has no text")
    lines = []
    for p, i in kept:
        for line in p.split("\n"):
            lines.append((line, f"paragraph {i}"))
        lines.append(("", f"paragraph {i}"))
    return fmt, plain.read_lines(lines, source)
