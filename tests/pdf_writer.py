"""A small PDF writer for the tests: transcripts laid out on pages as a word processor's "Save as PDF" does.

The tests need PDFs of known text and known hostile shapes (a compression bomb, deep nesting, an encryption
dictionary, pages with no text layer), and committed binaries could not be regenerated or reviewed. This writer
makes each from a few lines of Python: one Helvetica font (WinAnsi encoding, with ``fi`` and ``fl`` ligature glyphs
in its differences), a content stream per page, a cross-reference table with true offsets.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

#: Byte codes the font maps to ligature glyphs (``/fi``, ``/fl``), as a typesetting program's font does.
LIGATURES = {"\ufb01": b"\x80", "\ufb02": b"\x81"}
LINE_HEIGHT = 14
TOP = 800


@dataclass
class Page:
    """One page: its body lines from the top, and optional running header and footer lines."""

    lines: list[str]
    header: str | None = None
    footer: str | None = None
    #: write each word with a position of its own and no space character (as some typesetters do)
    words_apart: bool = False
    #: write the lines into the content stream bottom first (the positions still say the order)
    reversed_stream: bool = False
    #: a filled rectangle and no text, as a scanned page's image is to a text reader
    image_only: bool = False
    extra: list[str] = field(default_factory=list)
    #: lines of a second column, beside the first (a newsletter's or a report's two-column page)
    right_column: list[str] = field(default_factory=list)


def _literal(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        if ch in LIGATURES:
            out += LIGATURES[ch]
            continue
        raw = ch.encode("cp1252", "replace")
        for b in raw:
            if b in b"()\\":
                out += b"\\" + bytes([b])
            else:
                out.append(b)
    return b"(" + bytes(out) + b")"


def _hex(text: str) -> bytes:
    """A string in the Unicode font: each character's code point as its two-byte code (Identity-H)."""
    return b"<" + "".join(f"{ord(ch):04X}" for ch in text if ord(ch) <= 0xFFFF).encode() + b">"


def _to_unicode(chars: set[str]) -> bytes:
    """The font's ToUnicode CMap: each code to the character it is (what a text reader reads)."""
    pairs = sorted(ord(ch) for ch in chars if ord(ch) <= 0xFFFF)
    body = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Uni def /CMapType 2 def",
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    for i in range(0, len(pairs), 100):
        chunk = pairs[i:i + 100]
        body.append(b"%d beginbfchar" % len(chunk))
        body.extend(b"<%04X> <%04X>" % (c, c) for c in chunk)
        body.append(b"endbfchar")
    body.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(body)


def _content(page: Page, unicode: bool = False) -> bytes:
    if page.image_only:
        return b"q 0.8 g 50 50 500 700 re f Q\n"
    placed: list[tuple[float, float, str]] = []
    if page.header is not None:
        placed.append((50, 820, page.header))
    y = TOP
    for line in page.lines:
        placed.append((50, y, line))
        y -= LINE_HEIGHT
    for n, line in enumerate(page.right_column):
        placed.append((310, TOP - n * LINE_HEIGHT, line))
    if page.footer is not None:
        placed.append((280, 30, page.footer))
    if page.reversed_stream:
        placed.reverse()
    ops = [b"BT /F1 10 Tf"]
    for x, yy, text in placed:
        if page.words_apart:
            at = x
            for word in text.split(" "):
                if word:
                    ops.append(b"1 0 0 1 %.2f %.2f Tm " % (at, yy) + (_hex if unicode else _literal)(word) + b" Tj")
                at += 5.6 * (len(word) + 1)
        else:
            ops.append(b"1 0 0 1 %.2f %.2f Tm " % (x, yy) + (_hex if unicode else _literal)(text) + b" Tj")
    ops.append(b"ET")
    ops.extend(s.encode("latin-1") for s in page.extra)
    return b"\n".join(ops) + b"\n"


def make_pdf(pages: list[Page], *, compress: bool = True, encrypt: bool = False, unicode: bool = False,
             extra_objects: list[bytes] | None = None, content_override: bytes | None = None) -> bytes:
    """The bytes of a PDF of ``pages``. ``encrypt`` adds a standard security handler's dictionary (the text
    itself is left plain: a reader must refuse on the dictionary alone); ``extra_objects`` are written as
    further numbered objects (hostile shapes); ``content_override`` replaces the first page's content stream
    bytes as they are stored (already compressed, or not). ``unicode`` writes the text in a Type0 font with
    a ToUnicode map (any character of the Basic Multilingual Plane, as a word processor's embedded fonts give)
    instead of Helvetica's WinAnsi encoding."""
    objs: list[bytes] = []
    n_pages = len(pages)
    font_id = 3
    first_page = 4
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    if unicode:
        objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H /DescendantFonts "
                    b"[%d 0 R] /ToUnicode %d 0 R >>" % (first_page + 2 * n_pages, first_page + 2 * n_pages + 1))
    else:
        objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
                    b"/BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl] >> >>")
    for i, page in enumerate(pages):
        raw = _content(page, unicode)
        if content_override is not None and i == 0:
            body = content_override
            filt = b" /Filter /FlateDecode" if compress else b""
        elif compress:
            body = zlib.compress(raw)
            filt = b" /Filter /FlateDecode"
        else:
            body = raw
            filt = b""
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} "
                    f"0 R >> >> /Contents {first_page + 2 * i + 1} 0 R >>".encode())
        objs.append(b"<< /Length %d%s >>\nstream\n" % (len(body), filt) + body + b"\nendstream")
    if unicode:
        chars = {ch for page in pages for line in [*page.lines, page.header or "", page.footer or ""] for ch in line}
        cmap = _to_unicode(chars)
        objs.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /CIDSystemInfo << /Registry "
                    b"(Adobe) /Ordering (Identity) /Supplement 0 >> /DW 560 >>")
        objs.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    objs.extend(extra_objects or [])
    encrypt_id = None
    if encrypt:
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
        encrypt_id = len(objs)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objs) + 1)
    if encrypt_id is not None:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt_id, b"ab" * 16, b"ab" * 16)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def wrap(text: str, width: int = 88) -> list[str]:
    """A paragraph broken into lines of at most ``width`` characters at spaces, as a page's margin breaks it."""
    lines: list[str] = []
    cur = ""
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return lines


def transcript_pdf(text: str, *, per_page: int = 50, header: str | None = None, page_numbers: bool = False,
                   blank_between: bool = True, unicode: bool = False, **page_options: bool) -> bytes:
    """A plain-text transcript laid out as a word processor prints it: each line wrapped at the margin,
    ``per_page`` lines a page, an optional running header and ``Page N of M`` footer."""
    lines: list[str] = []
    for para in text.split("\n"):
        if not para.strip():
            if blank_between:
                lines.append("")
            continue
        lines.extend(wrap(para))
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    total = len(chunks)
    pages = [Page(chunk, header=header, footer=f"Page {n} of {total}" if page_numbers else None, **page_options)
             for n, chunk in enumerate(chunks, 1)]
    return make_pdf(pages, unicode=unicode)
