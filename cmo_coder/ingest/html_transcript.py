"""A transcript saved as an HTML page: noScribe's own format, and any page of ``Name: text`` paragraphs.

noScribe (a local Whisper-based transcriber for qualitative research) saves its transcripts as HTML: a paragraph
per turn opening with the speaker's label (``S00:``, ``S01:``, or the name the researcher gave in its editor), and
time marks ``[00:01:15]`` at the start of a paragraph and inside long ones. Every HTML file was refused as "markup,
not a transcript", so a team using noScribe had to copy the text out by hand. The page's block elements are read
as lines (a paragraph break between them) and handed to the plain reader, which finds the labels; noScribe's time
marks (``[hh:mm:ss]``, three parts) are taken out of the speech wherever they stand, the first one of a paragraph
giving that turn's time, but only in a page that has two of them or more, so "[10:30]" said once stays speech.
A page with no speaker label anywhere is still refused as markup.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from . import plain
from .utterance import ParseError, Utterance, parse_timestamp

#: Elements that end a line of the page; everything else (spans, bold) is inline.
_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "title", "blockquote"})
#: Elements whose text is never shown: no speech is in them.
_HIDDEN = frozenset({"head", "script", "style", "template"})
#: noScribe's time mark, with the space that follows it.
_MARK_RE = re.compile(r"\[([0-9]{2}:[0-9]{2}:[0-9]{2})\][ \t]*+")
#: A first line of an HTML page, as detection sees it.
HTML_HEADS = ("<!DOCTYPE html", "<!doctype html", "<html", "<HTML", "<!DOCTYPE HTML")


class _Lines(HTMLParser):
    """The shown text of a page, a line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.lines[-1] += data.replace("\n", " ")


def page_lines(text: str) -> list[str]:
    """The shown lines of an HTML page, blank lines dropped (each line is a paragraph of its own)."""
    parser = _Lines()
    parser.feed(text)
    parser.close()
    return [line for line in (" ".join(ln.split()) for ln in parser.lines) if line]


def read(text: str, source: str) -> list[Utterance]:
    """Utterances of an HTML transcript; refused where no paragraph opens with a speaker's label."""
    lines = page_lines(text)
    marked = sum(len(_MARK_RE.findall(line)) for line in lines) >= 2
    rows: list[tuple[str, str]] = []
    times: dict[str, float] = {}
    for i, line in enumerate(lines, 1):
        where = f"paragraph {i}"
        if marked:
            first = _MARK_RE.search(line)
            if first is not None and (at := parse_timestamp(first.group(1))) is not None:
                times[where] = at
            line = _MARK_RE.sub("", line).rstrip()
        if rows:
            rows.append(("", where))  # a paragraph break: the plain reader keeps it inside a turn
        # the parser decoded the page's entities; escaped again, the plain reader's cleaning gives them back
        # as written and never takes "<b>" said in speech for a tag
        rows.append((html.escape(line, quote=False), where))
    try:
        utts = plain.read_lines(rows, source)
    except ParseError:
        utts = []
    if not any(u.speaker for u in utts):
        raise ParseError(f"{source}: unknown format (markup, not a transcript: no paragraph opens with a "
                         "speaker's label such as 'S00:' or 'Name:')")
    for u in utts:
        if u.start_time is None and u.where in times:
            u.start_time = times[u.where]
    return utts
