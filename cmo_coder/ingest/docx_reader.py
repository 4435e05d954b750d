"""Word documents via python-docx: Teams transcripts, Otter exports and generic ``Name: text``.

A Teams DOCX turn is ONE paragraph: first line ``Name   M:SS``, speech on the further
lines (line breaks, which python-docx returns as ``\\n``). Title, date and duration
lines come first, and ``X started/stopped transcription`` markers are dropped; the
marker patterns are a parameter so other interface languages can be added.
"""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document

from . import otter, plain
from .normalise import clean
from .utterance import ParseError, Utterance

#: ``Jane Adams started transcription`` and the like; extend for other languages.
TRANSCRIPTION_MARKERS: tuple[str, ...] = (
    r"^.{1,80}\s(?:started|stopped) transcription$",
    r"^.{1,80}\s(?:hat die Transkription gestartet|hat die Transkription beendet)$",
    r"^.{1,80}\sa (?:démarré|arrêté) la transcription$",
)


#: Refuse archives that unpack to more than this (a 50 MB transcript DOCX unpacks to far less).
MAX_UNPACKED = 512 * 1024 * 1024


def paragraphs_of(data: bytes, source: str) -> list[str]:
    """Body paragraphs (and table cells, row by row) in document order."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ParseError(f"{source}: not a valid .docx (a .docx is a zip archive; this file is not one)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zf.getinfo("word/document.xml")
            unpacked = sum(i.file_size for i in zf.infolist())
            if unpacked > MAX_UNPACKED:
                raise ParseError(
                    f"{source}: the archive unpacks to {unpacked} bytes (over {MAX_UNPACKED}); refusing a zip bomb"
                )
        doc = Document(io.BytesIO(data))
    except KeyError:
        raise ParseError(f"{source}: not a Word document (no word/document.xml in the archive)") from None
    except ParseError:
        raise
    except Exception as exc:  # python-docx raises many types for broken packages
        raise ParseError(f"{source}: corrupt .docx: {type(exc).__name__}: {exc}") from None
    if doc.element.getroottree().docinfo.internalDTD is not None:
        raise ParseError(f"{source}: word/document.xml declares a DOCTYPE (entities); Word never writes one, refusing")
    out: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        if not isinstance(child.tag, str):  # comments, processing instructions
            continue
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append("".join(_para_text(child)))
        elif tag == "tbl":
            for row in child.iter("{*}tr"):
                cells = ["".join(_para_text(p)) for tc in row.iter("{*}tc") for p in tc.iter("{*}p")]
                out.append(": ".join(c for c in cells if c.strip()) if len(cells) > 1 else "".join(cells))
    return out


def _para_text(p: object) -> list[str]:
    """Text of a ``w:p`` with ``w:br`` and ``w:cr`` as ``\\n`` and tabs as ``\\t`` (as python-docx does)."""
    parts: list[str] = []
    for el in p.iter():  # type: ignore[attr-defined]
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "t" and el.text:
            parts.append(el.text)
        elif tag in ("br", "cr"):
            parts.append("\n")
        elif tag == "tab":
            parts.append("\t")
    return parts


def kind(paras: list[str]) -> str:
    """``teams_docx``, ``otter_docx`` or ``plain_docx`` from the paragraphs' shape."""
    teams = sum(1 for p in paras if "\n" in p and otter.is_header(p.split("\n", 1)[0]))
    headers = sum(1 for p in paras if otter.is_header(p))
    if teams and teams >= headers:
        return "teams_docx"
    if headers or any("otter.ai" in p.lower() for p in paras):
        return "otter_docx"
    return "plain_docx"


def _drop_markers(paras: list[str], markers: tuple[str, ...]) -> list[tuple[str, int]]:
    pats = [re.compile(m, re.IGNORECASE) for m in markers]
    return [(p, i) for i, p in enumerate(paras, 1) if not any(pt.match(clean(p).strip()) for pt in pats)]


def _from_first_header(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    first = next((i for i, (line, _) in enumerate(lines) if otter.is_header(line)), None)
    return lines[first:] if first is not None else lines


def read(data: bytes, source: str, markers: tuple[str, ...] = TRANSCRIPTION_MARKERS,
         fmt: str | None = None) -> tuple[str, list[Utterance]]:
    paras = paragraphs_of(data, source)
    fmt = fmt or kind(paras)
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
