"""Otter.ai exports (and the shared "header line, then speech" shape of Teams DOCX).

Otter text, as Otter writes it: the meeting title (and sometimes a date/duration line),
an optional ``SUMMARY KEYWORDS`` block, a ``SPEAKERS`` block listing every speaker, then
``Name  MM:SS`` header lines (name, two spaces, time; ``H:MM:SS`` past the hour) each
followed by speech, and a ``Transcribed by https://otter.ai`` footer. Title, blocks and
footer are stripped; speech under one header is one utterance whose blank-line
paragraphs are kept.

Headers are found by their structure, not by where the file starts: the title line
means the first line is not a header, and copies made by hand sometimes fold the two
spaces to one. A single-space ``Name M:SS`` line is taken as a header only when the
name is one the file itself vouches for (in its ``SPEAKERS`` list, or recurring as a
standalone header), so a sentence ending in a time never becomes a speaker.
"""

from __future__ import annotations

import re

from .limits import check_turns
from .normalise import clean
from .time_marks import labels_a_time
from .utterance import ParseError, Utterance, ends_in_time, parse_timestamp, speakerish

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
#: ``Jane Adams  0:03``, ``Speaker 1  1:02:45``; Teams uses ``Name   0:03``. Two+ spaces or a tab.
HEADER_RE = re.compile(rf"^(\S[^\t\n]{{0,79}}?)(?:\s{{2,}}|\t)({_TIME})\s*$")
#: The same with any whitespace: a header only for a name the file vouches for.
_LOOSE_HEADER_RE = re.compile(rf"^(\S[^\t\n]{{0,79}}?)\s+({_TIME})\s*$")
_LABEL_LINE_RE = re.compile(r"^\s*[^:\n\d]{1,40}:\s")
FOOTER_RE = re.compile(r"^\s*transcribed by\s+https?://otter\.ai\s*$", re.IGNORECASE)
_BLOCK_MARKERS = ("SUMMARY KEYWORDS", "KEYWORDS", "SUMMARY", "SPEAKERS")
#: Lines of title, date or duration that may precede the first header with no marker block.
_MAX_PREAMBLE_LINES = 3
_MAX_PREAMBLE_CHARS = 160


def clean_line(line: str) -> str:
    """:func:`clean` without tag stripping: Otter writes no markup, and an angle-bracketed
    ``<interviewer's name>`` or ``<Interviewer Name>`` is a redacted speaker, not a tag."""
    return clean(line.replace("<", "&lt;")) if "<" in line else clean(line)


def _words(text: str) -> str:
    return " ".join(text.split())


def is_header(line: str) -> bool:
    if "  " not in line and "\t" not in line:  # a header always has a run of spaces or a tab
        return False
    m = HEADER_RE.match(clean(line).strip())
    return m is not None and not labelled(m.group(1))


def labelled(name: str) -> bool:
    """Whether a header's would-be name is a ``Name:`` label and speech: a colon with a space after it, which no
    speaker's name holds (a time's colons have digits after them). Why: a plain transcript in which someone said
    the same words ending in a time twice ("Zoë Müller: see you at 10:30") vouched for "Zoë Müller: see you at"
    as a recurring speaker, and the whole file was read as Otter's, its speech made into speakers' names."""
    return ": " in name or name.rstrip().endswith(":")


def outnumbered(lines: list[str], headers: int) -> bool:
    """Whether the speaker lines of a format that writes a time beside the name (Trint's and Sonix's ``Name
    [00:01:02]``, Word's ``00:00:03 Speaker 1``, Rev's ``Name (00:01:02):``) are at least as many as the lines taken
    for Otter's headers (and two or more). Why: in such a file a short line of speech ending in a time ("so we meet
    at 10:30"), said twice, has the shape of an Otter header whose name the file vouches for, and it made the whole
    file Otter's: every speaker's line became speech and the words before the time a speaker. Otter writes none of
    these lines."""
    timed = sum(1 for line in lines if labels_a_time(line))
    return timed >= 2 and timed >= headers


def _is_marker(line: str) -> bool:
    return line.strip().upper().rstrip(":") in _BLOCK_MARKERS


def _fold(name: str) -> str:
    return _words(name.casefold())


def speakers_block(lines: list[str]) -> list[str]:
    """Names under a ``SPEAKERS`` line: comma-separated, until a blank line or another marker.

    ``lines`` are already cleaned."""
    names: list[str] = []
    for i, line in enumerate(lines):
        if line.strip().upper().rstrip(":") != "SPEAKERS":
            continue
        for follow in lines[i + 1:]:
            if not follow.strip() or _is_marker(follow):
                break
            names.extend(n.strip() for n in follow.split(",") if n.strip())
        break
    return names


def recurring_names(lines: list[str]) -> set[str]:
    """Folded names of standalone ``Name M:SS`` lines that recur at two or more times: headers even with one space.

    A speaker's headers recur at different times; a short line of speech ending in a time and said twice ("well so
    so 10:30") recurs with the same one, and vouched for as a header it emptied the turns it was said in: their
    speaker's header was left as a label with no speech and the words were lost. ``lines`` are already cleaned."""
    times: dict[str, set[str]] = {}
    for line in lines:
        m = _LOOSE_HEADER_RE.match(line.strip())
        if m and len(m.group(1).split()) <= 6 and not labelled(m.group(1)):
            times.setdefault(_fold(m.group(1)), set()).add(m.group(2))
    return {name for name, seen in times.items() if len(seen) >= 2}


def loose_headers(lines: list[str]) -> int:
    """How many lines are one-space ``Name 00:00:03`` headers of a name that recurs as one and looks like a
    speaker's (``Speaker 1``, ``Anna Kowalski``; never "see you at" before "10:30"). ``lines`` are cleaned."""
    vouched = recurring_names(lines)
    count = 0
    for line in lines:
        m = _LOOSE_HEADER_RE.match(line.strip())
        if m and _fold(m.group(1)) in vouched and speakerish(m.group(1), False) and not ends_in_time(m.group(1)):
            count += 1
    return count


class HeaderMatcher:
    """Tells header lines from speech, given the names the file vouches for."""

    def __init__(self, vouched: set[str] | None = None) -> None:
        self.vouched = vouched or set()

    def match(self, line: str) -> tuple[str, str] | None:
        """(name, time) of a header line, or None."""
        text = line.strip()
        if not text or not text[-1].isdigit():
            return None
        m = HEADER_RE.match(text) if "  " in text or "\t" in text else None
        if m is None and self.vouched:
            m = _LOOSE_HEADER_RE.match(text)
            if m is not None and _fold(m.group(1)) not in self.vouched:
                m = None
        if m is None or parse_timestamp(m.group(2)) is None or ends_in_time(m.group(1)) or labelled(m.group(1)):
            return None
        return m.group(1), m.group(2)

    def once(self, line: str, after: float | None) -> tuple[str, str] | None:
        """(name, time) of a one-space header whose name the file does not vouch for, in a file of one-space
        headers: a speaker who speaks once. Only a line after a blank one (the caller's check) whose name looks like
        a speaker's said once (two capitalised words, or "Speaker 2") and whose time is not before the header above
        it (every DOCX paragraph stands alone). Why: such a header was read as speech, and the speaker's name went
        into the text of the turn above."""
        if not self.vouched:
            return None
        m = _LOOSE_HEADER_RE.match(line.strip())
        if m is None or ends_in_time(m.group(1)) or labelled(m.group(1)) or not speakerish(m.group(1), False):
            return None
        at = parse_timestamp(m.group(2))
        if at is None or (after is not None and at < after):
            return None
        return m.group(1), m.group(2)


def first_header(lines: list[str], matcher: HeaderMatcher, source: str) -> int:
    """Where the first header sits, after the title/keywords/speakers block if there is one.

    Without a marker block, only a few short lines (title, date, duration) may come first:
    anything longer is speech before the first header, an error rather than a silent loss.
    """
    first = next((i for i, line in enumerate(lines) if matcher.match(line)), None)
    if first is None:
        return 0
    before = [line.strip() for line in lines[:first] if line.strip()]
    marked = any(_is_marker(line) for line in before)
    if not marked and before and (
        len(before) > _MAX_PREAMBLE_LINES or any(len(line) > _MAX_PREAMBLE_CHARS for line in before)
    ):
        where = next(i for i, line in enumerate(lines) if line.strip()) + 1
        raise ParseError(f"{source}: line {where}: speech before the first 'Name  M:SS' header")
    return first


def looks_like_otter(text: str) -> bool:
    """Otter's structure anywhere near the top: a marker block followed by headers, the footer,
    or standalone ``Name  M:SS`` headers after at most a short title block."""
    lines = text.split("\n")
    if any(FOOTER_RE.match(clean(line)) for line in lines[-4:] if line.strip()):
        return True
    head = [clean_line(line) for line in lines[:400]]
    matcher = HeaderMatcher(recurring_names(head) | {_fold(n) for n in speakers_block(head[:60])})
    headers = [i for i, line in enumerate(head) if matcher.match(line)]
    if not headers or outnumbered(head, len(headers)):
        return False
    nonblank_before = [line for line in head[:headers[0]] if line.strip()]
    if any(_is_marker(line) for line in nonblank_before[:12]):
        return True
    if len(nonblank_before) > _MAX_PREAMBLE_LINES:
        return False
    # one header alone is Otter only if nothing reads as a 'Name: text' transcript instead
    return len(headers) >= 2 or not any(_LABEL_LINE_RE.match(line) for line in head)


def read_lines(lines: list[tuple[str, str]], source: str, break_lines: bool = False,
               notes: list[str] | None = None) -> list[Utterance]:
    """``lines`` are (text, where) pairs. ``break_lines``: every line is its own paragraph
    (DOCX paragraphs); otherwise lines wrap and blank lines separate paragraphs."""
    texts = [clean_line(line) for line, _ in lines]
    listed = speakers_block(texts[:200])
    matcher = HeaderMatcher(recurring_names(texts) | {_fold(n) for n in listed})
    start = first_header(texts, matcher, source)
    above = sum(1 for line in texts[:start] if line.strip())
    if above and notes is not None:  # the export's title, keywords and speakers: said by count, never by content
        notes.append(f"left out as no speech: {above} line(s) above the first speaker (the export's title, summary, "
                     "keywords or speakers; check them in the original for anything the transcript needs)")
    result: list[Utterance] = []
    cur: Utterance | None = None
    paras: list[list[str]] = []

    def flush() -> None:
        if cur is not None:
            cur.text = "\n".join(s for s in (_words(" ".join(p)) for p in paras) if s)
            result.append(cur)
            check_turns(len(result), source, cur.where)

    blank_before = True
    for line, (_, where) in zip(texts[start:], lines[start:], strict=True):
        if FOOTER_RE.match(line):
            continue
        header = matcher.match(line)
        if header is None and blank_before and cur is not None:
            header = matcher.once(line, cur.start_time)
        blank_before = break_lines or not line.strip()  # a DOCX paragraph stands alone as a line after a blank
        if header:
            flush()
            cur = Utterance(speaker=_words(header[0]), text="", start_time=parse_timestamp(header[1]),
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


def read(text: str, source: str, notes: list[str] | None = None) -> list[Utterance]:
    """The export's turns; ``notes`` (when given) gets the import's note on the lines above the first speaker, a
    title or keywords that may name the interviewee and were dropped without a word before."""
    return read_lines([(line, f"line {i}") for i, line in enumerate(text.split("\n"), 1)], source, notes=notes)
