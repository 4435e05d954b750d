"""oTranscribe's ``.otr`` files: the free browser transcriber many qualitative researchers type interviews in.

An ``.otr`` is JSON: ``text`` holds the transcript as the editor's HTML, ``media`` the name of the recording it was
typed against, ``media-time`` where the player stood. In the HTML a time stamp the typist inserted is a
``<span class="timestamp" data-timestamp="SECONDS">MM:SS</span>``; the typist writes speakers as ``Name:`` (often in
bold) at the start of a paragraph, as in a plain transcript. Import used to refuse the file as JSON that is not
Whisper's.

Read: the HTML's paragraphs (``<p>``, ``<div>``, ``<br>``) as lines handed to the plain reader, which finds the
labels; a time stamp's shown text (``01:09``) is no speech and is left out, and the first stamp of a paragraph gives
the turn opening there its time (the ``data-timestamp`` seconds, exact where the shown text is rounded). The media's
name and the player's position are not speech and are never read into the text (a recording is often named after
its participant). A file with no speaker labels is read as speech of no speaker, which ``import --speaker NAME``
gives to one person.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from typing import Any

from . import plain
from .utterance import ParseError, Utterance, excerpt

#: Keys only oTranscribe writes beside ``text``; one of them with a ``text`` string is the file's signature.
_KEYS = ("media", "media-time", "media-source")
#: Elements that end a line of the editor's HTML.
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})
_HIDDEN = frozenset({"script", "style", "template", "title"})
#: The marker put in a line where a time stamp stood: a private-use character no speech holds, taken out after.
_MARK = "\ue000"
_SECONDS_RE = re.compile(r"^\s*([0-9]{1,9}(?:\.[0-9]{1,9})?)\s*$", re.ASCII)


def looks_like_otr(text: str) -> bool:
    """Whether the text is oTranscribe's JSON: an object with a ``text`` string and a key only it writes."""
    head = text.lstrip("\ufeff \t\r\n")
    if not head.startswith("{") or '"text"' not in head or not any(f'"{k}"' in head for k in _KEYS):
        return False
    try:
        data = json.loads(head)
    except (ValueError, RecursionError):  # ValueError: JSONDecodeError, and a number of more than 4,300 digits
        return False
    return isinstance(data, dict) and isinstance(data.get("text"), str) and any(k in data for k in _KEYS)


class _Lines(HTMLParser):
    """The editor's shown text a line per block, with the time of each stamp put in as a marker."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.lines: list[str] = [""]
        self.times: list[float] = []
        #: Depth inside a time stamp's span (its shown text is left out), and inside hidden elements.
        self.stamp = 0
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.stamp:
            self.stamp += tag == "span"
            return
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.lines.append("")
        elif tag == "span" and "timestamp" in (dict(attrs).get("class") or "").split():
            self.stamp = 1
            raw = dict(attrs).get("data-timestamp")
            m = _SECONDS_RE.match(raw or "")
            if raw is not None and m is None:
                raise ParseError(f"{self.source}: a time stamp's data-timestamp={excerpt(raw)} is not a number "
                                 "of seconds")
            if m is not None:
                self.times.append(float(m.group(1)))
                self.lines[-1] += f" {_MARK}{len(self.times) - 1}{_MARK} "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.stamp and tag in _BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.stamp:
            self.stamp -= tag == "span"
        elif tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self.stamp and not self.hidden:
            self.lines[-1] += data.replace("\n", " ").replace(_MARK, "")


_MARK_RE = re.compile(f"{_MARK}([0-9]+){_MARK}")


def _payload(text: str, source: str) -> str:
    try:
        data: Any = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError) as exc:  # a number of more than 4,300 digits raises a plain ValueError
        raise ParseError(f"{source}: an oTranscribe file that is not valid JSON ({excerpt(str(exc), 80)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ParseError(f"{source}: an oTranscribe file needs a 'text' string holding the transcript")
    return str(data["text"])


def read(text: str, source: str) -> list[Utterance]:
    """The utterances of an oTranscribe ``.otr`` file; broken JSON or a stamp that is no time is refused."""
    parser = _Lines(source)
    parser.feed(_payload(text, source))
    parser.close()
    rows: list[tuple[str, str]] = []
    times: dict[str, float] = {}
    lines = [" ".join(line.split()) for line in parser.lines]
    for i, line in enumerate(ln for ln in lines if ln and _MARK_RE.sub("", ln).strip()):
        where = f"paragraph {i + 1}"
        first = _MARK_RE.search(line)
        if first is not None:
            times[where] = round(parser.times[int(first.group(1))], 3)
        line = " ".join(_MARK_RE.sub(" ", line).split())
        if rows:
            rows.append(("", where))  # a paragraph break, kept inside a turn
        # the parser decoded the entities; escaped again, the plain reader's cleaning gives them back as written
        rows.append((html.escape(line, quote=False), where))
    if not rows:
        raise ParseError(f"{source}: an oTranscribe file with no transcript text")
    utts = plain.read_lines(rows, source)
    for u in utts:
        if u.start_time is None and u.where in times:
            u.start_time = times[u.where]
    return utts

