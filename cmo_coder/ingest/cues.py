"""Cue blocks shared by WebVTT and SRT: ``[id]`` / ``start --> end [settings]`` / text lines.

Hand-written rather than webvtt-py or srt: we need the source line of every cue for
error messages, must accept Teams' ``GUID/N-M`` ids and Zoom's CRLF files as they are,
and must fail loudly on a truncated timing line instead of skipping it. It is also
faster (see ``benchmarks/ingest.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .limits import check_turns
from .utterance import ParseError, excerpt, parse_timestamp

_ARROW_RE = re.compile(r"^\s*(\S+)\s+-->\s+(\S+)(?:\s+.*)?$")


@dataclass
class Cue:
    id: str | None
    start: float
    end: float
    lines: list[str]
    line_no: int  # 1-based line of the timing line


_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank blocks with the 0-based line number of their first line."""
    out: list[tuple[int, list[str]]] = []
    line = 0
    pos = 0
    for m in _BLANK_RUN.finditer(text):
        chunk = text[pos : m.start()]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip("\n"))
            out.append((line + lead, chunk.strip("\n").split("\n")))
        line += chunk.count("\n") + m.group().count("\n")
        pos = m.end()
    chunk = text[pos:]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip("\n"))
        out.append((line + lead, chunk.strip("\n").split("\n")))
    return out


def parse_cues(text: str, source: str, webvtt: bool) -> list[Cue]:
    blocks = _blocks(text)
    if webvtt:
        if not blocks or blocks[0][0] != 0 or not blocks[0][1][0].lstrip("\ufeff").startswith("WEBVTT"):
            raise ParseError(f"{source}: line 1: a WebVTT file must start with 'WEBVTT'")
        if any("-->" in line for line in blocks[0][1]):
            raise ParseError(f"{source}: line 2: a blank line must follow the WEBVTT header before the first cue")
        blocks = blocks[1:]  # the header block runs to the first blank line
    cues: list[Cue] = []
    for block_start, block in blocks:
        if webvtt and block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        if "-->" in block[0]:
            cue_id, timing, body, tline = None, block[0], block[1:], block_start
        elif len(block) > 1 and "-->" in block[1]:
            cue_id, timing, body, tline = block[0].strip(), block[1], block[2:], block_start + 1
        elif len(block) > 1 and block[1][:1].isdigit():
            raise ParseError(
                f"{source}: line {block_start + 2}: malformed cue timing {excerpt(block[1].strip())} (truncated file?)"
            )
        else:
            raise ParseError(f"{source}: line {block_start + 1}: expected a cue timing line 'start --> end'")
        m = _ARROW_RE.match(timing)
        start = parse_timestamp(m.group(1)) if m else None
        end = parse_timestamp(m.group(2)) if m else None
        if start is None or end is None:
            raise ParseError(
                f"{source}: line {tline + 1}: malformed cue timing {excerpt(timing.strip())} (truncated file?)"
            )
        cues.append(Cue(id=cue_id, start=start, end=end, lines=body, line_no=tline + 1))
        check_turns(len(cues), source, f"line {tline + 1}")
    if not cues:
        raise ParseError(f"{source}: no cues found")
    return cues
