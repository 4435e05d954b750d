"""OpenDocument text (``.odt``): a transcript typed in LibreOffice, or saved from Word as ODF.

Researchers who type their own transcripts in LibreOffice save them as ODT, and the import sent every zip to the
Word reader, which refused it as "not a Word document (no word/document.xml)". An ODT is a zip whose first member,
``mimetype``, says what it holds; its text is in ``content.xml``. Paragraphs and headings (``text:p``,
``text:h``) are read in document order as the plain reader's lines, as a Word document's are, so ``Name:`` labels
(bold or not, before a tab or a space) open the turns; a table row is one line, its cells joined by ": ".

What is no speech is left out, and the import says how much, never what (a warning is stored outside the secure
folder): comments (``office:annotation``), footnotes and endnotes (``text:note``), text boxes and frames
(``draw:frame``), the record of tracked changes (deleted text: the transcript is the text as the changes would be
accepted, so inserted text is read where it stands and the import counts the changes by kind), and the page header
and footer (in ``styles.xml``). A transcriber's "Check spelling: Mindaugas?" or a header with the interviewee's name
would otherwise have been joined into someone's speech, or read as a turn of its own.

The same guards as the Word reader's hold: the number of parts is checked before the archive is opened, the one
part read is unpacked through a byte budget (a forged size in the zip header does not get past it), and lxml parses
it with entities, DTDs and the network off; a document that declares a DOCTYPE is refused.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from . import plain
from .docx_reader import MAX_DOCUMENT_XML, ZIP_ERRORS, Capped, check_entries, checked_part
from .limits import MAX_LINES, check_lines
from .utterance import ParseError, Utterance

MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT_PART = "content.xml"
STYLES_PART = "styles.xml"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#: Elements whose text is no speech: a comment, a footnote or endnote, a frame (text box, image caption), the
#: record of tracked changes (deleted text), a generated index (a table of contents repeats the headings).
_NOT_SPEECH = {"annotation": "comment(s)", "note": "footnote(s) or endnote(s)", "frame": "text box(es) or frame(s)",
               "tracked-changes": "", "table-of-content": "", "alphabetical-index": "", "illustration-index": "",
               "table-index": "", "bibliography": ""}
#: A tracked change's kind, as the import reports it: the text is read as the changes would be accepted (an
#: insertion stands in the text, between its change marks; a deletion's text is only in the record).
_CHANGES = {"deletion": "tracked deletion(s), left out", "insertion": "tracked insertion(s), kept",
            "format-change": "tracked format change(s)"}
#: At most this many spaces stand for one ``text:s`` (its ``text:c`` count): a hostile count is no memory bomb.
_MAX_SPACES = 200
#: The most of ``styles.xml`` read to tell whether a page header or footer holds text.
_MAX_STYLES = 8 * 1024 * 1024


def odf_kind(data: bytes) -> str | None:
    """The OpenDocument type a zip's first member, ``mimetype``, names ("text", "spreadsheet"), or None for a zip
    that is no OpenDocument file. The format stores that member first and uncompressed, so it is read from the
    local header without opening the archive."""
    if not data.startswith(b"PK\x03\x04") or len(data) < 30:
        return None
    size = int.from_bytes(data[18:22], "little")
    name_len = int.from_bytes(data[26:28], "little")
    extra_len = int.from_bytes(data[28:30], "little")
    if data[30:30 + name_len] != b"mimetype" or not 0 < size <= 100:
        return None
    start = 30 + name_len + extra_len
    value = data[start:start + size].strip()
    prefix = b"application/vnd.oasis.opendocument."
    if not value.startswith(prefix):
        return None
    return value[len(prefix):].decode("ascii", "replace")


def is_odt(data: bytes) -> bool:
    """An OpenDocument text (not a spreadsheet, a presentation or a template of one)."""
    return odf_kind(data) == "text"


def paragraphs(data: bytes, source: str) -> tuple[list[str], list[str]]:
    """The document's paragraphs as lines (a table row as one line), in order, and the import's notes on what
    was left out (counts only)."""
    check_entries(data, source, "an ODT document")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = checked_part(zf, CONTENT_PART, source, "an ODT document",
                                f"an OpenDocument file with no {CONTENT_PART}; not a text document")
            with zf.open(info) as member:
                lines, left_out = _read_content(Capped(member, MAX_DOCUMENT_XML, source, CONTENT_PART), source)
            if _header_or_footer(zf, source):
                left_out["page header or footer"] = 1
            left_out = {what: n for what, n in left_out.items() if what}
    except ParseError:
        raise
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        raise ParseError(f"{source}: {CONTENT_PART}: {line}not well-formed XML") from None
    except etree.LxmlError:
        raise ParseError(f"{source}: {CONTENT_PART}: unreadable XML") from None
    except ZIP_ERRORS as exc:
        raise ParseError(f"{source}: corrupt .odt: {type(exc).__name__}") from None
    changes = [f"{n} {what}" for what, n in left_out.items() if what in _CHANGES.values()]
    said = [f"{n} {what}" if what != "page header or footer" else f"the {what}" for what, n in left_out.items()
            if what not in _CHANGES.values()]
    notes = [f"left out as no speech: {', '.join(said)} (check them in "
             "the original for anything the transcript needs)"] if said else []
    if changes:
        notes.append(f"tracked changes read as accepted: {', '.join(changes)}")
    return lines, notes


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _header_or_footer(zf: zipfile.ZipFile, source: str) -> bool:
    """Whether ``styles.xml`` gives a page header or footer any text (read through the same byte budget)."""
    try:
        info = zf.getinfo(STYLES_PART)
    except KeyError:
        return False
    with zf.open(info) as member:
        head = Capped(member, _MAX_STYLES, source, STYLES_PART).read(_MAX_STYLES)
    for tag in (b"<style:header>", b"<style:header ", b"<style:footer>", b"<style:footer "):
        at = head.find(tag)
        if at >= 0 and b"<text:p" in head[at:at + 4096]:
            return True
    return False


def _read_content(stream: Capped, source: str) -> tuple[list[str], dict[str, int]]:
    events = etree.iterparse(
        stream, events=("end",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
        tag=(f"{{{_TEXT_NS}}}p", f"{{{_TEXT_NS}}}h", "{*}table-row", f"{{{_OFFICE_NS}}}annotation",
             f"{{{_TEXT_NS}}}note", "{*}frame", f"{{{_OFFICE_NS}}}body", f"{{{_TEXT_NS}}}changed-region"),
    )
    lines: list[str] = []
    left_out: dict[str, int] = {}
    checked = False
    body_seen = False
    for _, el in events:
        if not checked:
            tree = el.getroottree()
            if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
                raise ParseError(f"{source}: {CONTENT_PART} declares a DOCTYPE (entities); refusing")
            if _local(tree.getroot().tag) != "document-content":
                raise ParseError(f"{source}: {CONTENT_PART}: the root element is not office:document-content")
            checked = True
        name = _local(el.tag)
        if name == "body":
            body_seen = True
            continue
        if name == "changed-region":  # the record of one change: counted by kind, its deleted text never read
            kind = next((_CHANGES[_local(c.tag)] for c in el if _local(c.tag) in _CHANGES), None)
            if kind:
                left_out[kind] = left_out.get(kind, 0) + 1
            continue
        outer = _skipped_ancestor(el)
        if name in ("annotation", "note", "frame"):
            if outer is None:  # counted once, where it stands in the speech
                what = _NOT_SPEECH[name]
                left_out[what] = left_out.get(what, 0) + 1
            continue
        if outer is not None or (name != "table-row" and _in_table(el)) or not _in_body(el):
            continue  # read with its table row, or no speech at all
        if name == "table-row":
            cells = [" ".join("".join(_text(cell)).split("\n")).strip() for cell in el
                     if _local(cell.tag) == "table-cell"]
            lines.append(": ".join(c for c in cells if c) if len(cells) > 1 else "".join(cells))
        else:
            lines.append("".join(_text(el)))
        if len(lines) > MAX_LINES:
            check_lines(len(lines), source)
        parent = el.getparent()
        el.clear(keep_tail=True)
        if parent is not None and _local(parent.tag) == "text":
            while el.getprevious() is not None:  # what is read is dropped
                del parent[0]
    if not checked or not body_seen:
        raise ParseError(f"{source}: {CONTENT_PART} has no office:body; not a text document")
    return lines, left_out


def _skipped_ancestor(el: etree._Element) -> str | None:
    node = el.getparent()
    while node is not None:
        if _local(node.tag) in _NOT_SPEECH:
            return _local(node.tag)
        node = node.getparent()
    return None


def _in_table(el: etree._Element) -> bool:
    node = el.getparent()
    while node is not None:
        if _local(node.tag) == "table-cell":
            return True
        node = node.getparent()
    return False


def _in_body(el: etree._Element) -> bool:
    node = el.getparent()
    while node is not None:
        if _local(node.tag) == "body":
            return True
        node = node.getparent()
    return False


def _text(el: etree._Element) -> list[str]:
    """The shown text of a paragraph (or a table cell's paragraphs, a line each): ``text:s`` as its spaces,
    ``text:tab`` as a tab, ``text:line-break`` as a line break; comments, notes and frames left out (their tails,
    the speech after them, kept). Depth is bounded by the parser (no ``huge_tree``)."""
    out: list[str] = []
    if el.text:
        out.append(el.text)
    for child in el:
        name = _local(child.tag)
        if name in _NOT_SPEECH:
            pass
        elif name == "s":
            try:
                count = int(child.get(f"{{{_TEXT_NS}}}c") or 1)
            except ValueError:
                count = 1
            out.append(" " * max(1, min(count, _MAX_SPACES)))
        elif name == "tab":
            out.append("\t")
        elif name == "line-break":
            out.append("\n")
        elif name in ("p", "h") and _local(el.tag) == "table-cell":
            if out and not out[-1].endswith("\n"):
                out.append("\n")
            out.extend(_text(child))
        else:
            out.extend(_text(child))
        if child.tail:
            out.append(child.tail)
    return out


def read(data: bytes, source: str) -> tuple[list[Utterance], list[str]]:
    """The utterances of an ODT transcript, and the import's notes on what was left out as no speech."""
    paras, notes = paragraphs(data, source)
    check_lines(len(paras) + sum(p.count("\n") for p in paras), source)
    if not any(p.strip() for p in paras):
        raise ParseError(f"{source}: the document has no text")
    lines: list[tuple[str, str]] = []
    for i, p in enumerate(paras, 1):
        lines.extend((line, f"paragraph {i}") for line in p.split("\n"))
        lines.append(("", f"paragraph {i}"))
    return plain.read_lines(lines, source), notes
