"""Stated limits that keep memory and time bounded on hostile input, and their refusals.

Every reader keeps a few Python objects per line and per turn (about 300 bytes a line and
a kilobyte a turn through import). Ordinary transcripts stay far below these limits (a
three-hour focus group has a few thousand turns and lines); a file built to exhaust memory
(a million one-word turns) is refused with a message that names it, before it costs gigabytes.
"""

from __future__ import annotations

from .utterance import ParseError

#: Lines of decoded text (or DOCX paragraphs and line breaks) in one source.
MAX_LINES = 500_000
#: Utterances (cues, speaker blocks) in one source, hence turns in one transcript.
MAX_TURNS = 100_000


def check_lines(count: int, source: str) -> None:
    if count > MAX_LINES:
        raise ParseError(
            f"{source}: {count} lines, over the limit of {MAX_LINES} lines per transcript; "
            "split the file (is it really one transcript?)"
        )


def check_turns(count: int, source: str, where: str = "") -> None:
    """Called as utterances are produced, so a hostile file is refused before it is read whole."""
    if count > MAX_TURNS:
        at = f" (reached at {where})" if where else ""
        raise ParseError(
            f"{source}: over {MAX_TURNS} utterances{at}, the limit of turns per transcript; split the file"
        )
