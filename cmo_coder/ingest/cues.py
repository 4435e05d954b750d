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


#: Header lines that are settings a captioning tool writes (YouTube's ``Kind: captions``, ``Language: en``), not words.
_SETTING_RE = re.compile(r"^\s*(?:Kind|Language|X-TIMESTAMP-MAP|Region|Style)\s*[:=]", re.IGNORECASE)


def webvtt_left_out(text: str) -> list[str]:
    """The import's note on text a WebVTT file holds outside its cues: the words after ``WEBVTT`` and the header's
    lines ("WEBVTT - Interview with …"), and ``NOTE`` comments ("NOTE Meeting: …, Ryde"). Neither is speech, so
    neither is read into a turn, but a title or a comment often names the interviewee and the place, and they were
    dropped without a word. Said by kind and count, never by content (a warning is stored outside the secure
    folder), so the team can check the original, as the Word reader says of a page header."""
    found: list[str] = []
    blocks = _blocks(text)
    if blocks and blocks[0][0] == 0:
        head = blocks[0][1]
        title = head[0].lstrip("\ufeff")[len("WEBVTT"):].strip(" \t-") if head[0].lstrip("\ufeff").startswith(
            "WEBVTT") else ""
        extra = [line for line in head[1:] if line.strip() and "-->" not in line and not _SETTING_RE.match(line)]
        if title or extra:
            found.append("the words of the WebVTT header")
    notes = sum(1 for _, block in blocks
                if block[0].startswith("NOTE") and "-->" not in block[0]
                and (block[0][len("NOTE"):].strip() or any(line.strip() for line in block[1:])))
    if notes:
        found.append(f"{notes} NOTE comment(s)")
    return [f"left out as no speech: {', '.join(found)} (check them in the original for anything the transcript "
            "needs)"] if found else []
