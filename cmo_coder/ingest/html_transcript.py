"""A transcript saved as an HTML page: noScribe's own format, and any page of ``Name: text`` paragraphs.

noScribe (a local Whisper-based transcriber for qualitative research) saves its transcripts as HTML: a paragraph
per turn opening with the speaker's label (``S00:``, ``S01:``, or the name the researcher gave in its editor), and
time marks ``[00:01:15]`` at the start of a paragraph and inside long ones. Every HTML file was refused as "markup,
not a transcript", so a team using noScribe had to copy the text out by hand. The page's block elements are read
as lines (a paragraph break between them) and handed to the plain reader, which finds the labels; noScribe's time
marks (``[hh:mm:ss]``, three parts) are taken out of the speech wherever they stand, the first one of a paragraph
giving that turn's time, but only in a page that has two of them or more, so "[10:30]" said once stays speech.
A page with no speaker label anywhere is still refused as markup.

What is read and what is left out, as a browser shows the page: the text of every element in ``<body>`` is speech,
hidden ones too (``hidden``, ``display:none``, ``<noscript>``, ``<textarea>``: kept, since a reader that guesses at
styles can drop speech); entity references are decoded once, so "&lt;b&gt;" in speech stays "<b>"; an inline tag
inside a name or a word (``Zo<b>ë</b>``) joins its text, a ``<br>`` breaks the line there. Left out: comments,
attributes (an ``alt`` or ``title``), processing instructions, CDATA sections, and the text of ``<script>``,
``<style>``, ``<template>`` and ``<title>``, none of which a browser shows as the page's text. Stray text in
``<head>`` and a ``<head>`` opened again inside the body are shown by a browser, so they are read. A ``<script>``,
``<style>``, ``<template>`` or ``<title>`` never closed would hide everything after it: the page is refused,
naming its line, rather than read short.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from . import plain
from .utterance import ParseError, Utterance, parse_timestamp

#: Elements that end a line of the page; everything else (spans, bold) is inline.
_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "blockquote"})
#: Elements whose text is never shown: no speech is in them. ``<head>`` is not one: text put in it is shown.
_HIDDEN = frozenset({"script", "style", "template", "title"})
#: noScribe's time mark, with the space that follows it.
_MARK_RE = re.compile(r"\[([0-9]{2}:[0-9]{2}:[0-9]{2})\][ \t]*+")
#: A first line of an HTML page, as detection sees it.
HTML_HEADS = ("<!DOCTYPE html", "<!doctype html", "<html", "<HTML", "<!DOCTYPE HTML")


class _Lines(HTMLParser):
    """The shown text of a page, a line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        #: The hidden elements open now, with the line each opened on.
        self.hidden: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden.append((tag, self.getpos()[0]))
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:  # "<br/>", "<p/>": an element with no content, never an open hidden one
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            # the innermost open element of that name closes, with any opened inside it and left open
            for i in range(len(self.hidden) - 1, -1, -1):
                if self.hidden[i][0] == tag:
                    del self.hidden[i:]
                    break
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.lines[-1] += data.replace("\n", " ")


def page_lines(text: str, source: str = "page") -> list[str]:
    """The shown lines of an HTML page, blank lines dropped (each line is a paragraph of its own)."""
    parser = _Lines()
    parser.feed(text)
    parser.close()
    if parser.hidden:
        tag, line = parser.hidden[0]
        raise ParseError(f"{source}: line {line}: <{tag}> is never closed, so the rest of the page would be "
                         "hidden; close it or remove it")
    return [line for line in (" ".join(ln.split()) for ln in parser.lines) if line]


def read(text: str, source: str) -> list[Utterance]:
    """Utterances of an HTML transcript; refused where no paragraph opens with a speaker's label."""
    lines = page_lines(text, source)
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
