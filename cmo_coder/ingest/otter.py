"""Otter.ai exports (and the shared "header line, then speech" shape of Teams DOCX).

Otter text: an optional ``SUMMARY KEYWORDS`` / ``SPEAKERS`` block on top, then
``Name  MM:SS`` header lines each followed by speech, and a ``Transcribed by
https://otter.ai`` footer. Headers and footer are stripped; speech under one header is
one utterance whose blank-line paragraphs are kept.
"""

from __future__ import annotations

import re

from .limits import check_turns
from .normalise import clean, clean_name, squash
from .utterance import ParseError, Utterance, parse_timestamp

#: ``Jane Adams  0:03``, ``Speaker 1  1:02:45``; Teams uses ``Name   0:03``. Two+ spaces or a tab.
HEADER_RE = re.compile(r"^(\S[^\t\n]{0,79}?)(?:\s{2,}|\t)(\d{1,2}:\d{2}(?::\d{2})?)\s*$")
FOOTER_RE = re.compile(r"^\s*transcribed by\s+https?://otter\.ai\s*$", re.IGNORECASE)
_TOP_BLOCK = ("SUMMARY KEYWORDS", "SPEAKERS", "KEYWORDS", "SUMMARY")


def is_header(line: str) -> bool:
    if "  " not in line and "\t" not in line:  # a header always has a run of spaces or a tab
        return False
    return HEADER_RE.match(clean(line).strip()) is not None


def strip_top_block(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop everything before the first header if it opens with Otter's keywords/speakers block."""
    first = next((i for i, (line, _) in enumerate(lines) if is_header(line)), None)
    if first is None:
        return lines
    top = [line.strip().upper() for line, _ in lines[:first] if line.strip()]
    if top and top[0] in _TOP_BLOCK:
        return lines[first:]
    return lines


def read_lines(lines: list[tuple[str, str]], source: str, break_lines: bool = False) -> list[Utterance]:
    """``lines`` are (text, where) pairs. ``break_lines``: every line is its own paragraph
    (DOCX paragraphs); otherwise lines wrap and blank lines separate paragraphs."""
    lines = strip_top_block(lines)
    result: list[Utterance] = []
    cur: Utterance | None = None
    paras: list[list[str]] = []

    def flush() -> None:
        if cur is not None:
            cur.text = "\n".join(s for s in (squash(" ".join(p)) for p in paras) if s)
            result.append(cur)
            check_turns(len(result), source, cur.where)

    for raw, where in lines:
        line = clean(raw)
        if FOOTER_RE.match(line):
            continue
        m = HEADER_RE.match(line.strip()) if "  " in line or "\t" in line else None
        if m:
            flush()
            cur = Utterance(speaker=clean_name(m.group(1)), text="", start_time=parse_timestamp(m.group(2)),
                            where=where)
            paras = [[]]
            continue
        if not line.strip():
            if paras and paras[-1]:
                paras.append([])
            continue
        if cur is None:
            raise ParseError(f"{source}: {where}: speech before the first 'Name  M:SS' header")
        paras[-1].append(line)
        if break_lines:
            paras.append([])
    flush()
    if not result:
        raise ParseError(f"{source}: no 'Name  M:SS' speaker headers found")
    for a, b in zip(result, result[1:], strict=False):
        a.end_time = b.start_time
    return result


def read(text: str, source: str) -> list[Utterance]:
    return read_lines([(line, f"line {i}") for i, line in enumerate(text.split("\n"), 1)], source)
