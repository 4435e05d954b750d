"""A transcript written in Markdown, as transcription apps export it and notes apps keep it.

MacWhisper, Aiko and other local transcribers export Markdown with a bold speaker and a time on a line of their own
(``**Speaker 1** [00:01:02]``) before each turn; a researcher typing notes in Obsidian, Bear or a wiki writes
``### Name`` headings, or ``**Name:** text`` in one line. Every such file was refused as having "no speaker labels",
since the plain reader looks for ``Name:`` and the asterisks and hashes hid it, so a team had to strip the markup by
hand or rename the file (and a renamed ``.txt`` with ``**Name**`` lines still failed).

What is read: a bold label alone on its line (with a time after it or not), a bold label opening a line with a colon
inside or after the bold, and headings used as labels. A heading is a label only at a level where some heading text
comes twice (speakers take turns; a document's title comes once) or names a speaker a bold label names, and every
heading of that level is then a label.
Other headings (a title, a section name) stay as text of their own paragraph, never dropped: a title often holds the
interviewee's name, and the anonymiser must see it. Markup that is only formatting is taken out: emphasis marks
around words (never an underscore inside a word, so ``Interview_Jo_Smith`` stays whole), list bullets, quote marks,
rules, code fences and the backslash of an escape. Everything else (links, HTML comments, numbers of numbered lists)
stays as written.
"""

from __future__ import annotations

import re
from collections import Counter

from .normalise import clean, clean_name
from .plain import TurnBuilder
from .time_marks import labels_a_time
from .utterance import ParseError, Utterance, parse_timestamp

#: A time as apps write it beside a label: ``[00:01:02]``, ``(1:02)``, ``00:01:02``, ``- 00:01:02``.
_TIME = r"(?:[-–—·,]\s*)?[\[(]?([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3})?)[\])]?"
#: ``**Name**`` alone, with a time or a colon after it, or with the colon inside the bold.
_BOLD_ALONE_RE = re.compile(rf"^(\*\*|__)([^*_\n:]{{1,60}}?)(?::)?\1[ \t]*(?::)?[ \t]*(?:{_TIME})?[ \t]*:?[ \t]*$")
#: ``**Name:** text`` or ``**Name**: text`` opening a line of speech.
_BOLD_INLINE_RE = re.compile(r"^(\*\*|__)([^*_\n:]{1,60}?)(?::\1|\1[ \t]*:)[ \t]+(?=\S)")
#: An ATX heading, its level and its text (a closing run of hashes is markup too).
_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
#: A heading's text that names a speaker, with a time after it or not.
_HEADING_LABEL_RE = re.compile(rf"^([^\n:?!]{{1,60}}?)(?:[ \t]+{_TIME})?[ \t]*:?$")
#: Emphasis around words: ``*a*``, ``**a**``, ``_a_``, ``***a***``; never inside a word (``snake_case``).
_EMPHASIS_RE = re.compile(r"(?<![\w\\*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_BULLET_RE = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)")
_QUOTE_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_RULE_RE = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE_RE = re.compile(r"^[ \t]*(?:```|~~~)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
#: A plain ``Name:`` alone on its line, the speech below it.
_BARE_LABEL_RE = re.compile(r"^[ \t]*[^\s#*_:][^:\n]{0,59}:[ \t]*$")


def _heading(line: str) -> tuple[int, str] | None:
    m = _HEADING_RE.match(line)
    return (len(m.group(1)), m.group(2).strip()) if m else None


def _label_levels(lines: list[str]) -> set[int]:
    """Heading levels used for speakers: those at which some heading's text comes twice or more, or names a
    speaker that a bold label names elsewhere in the file."""
    seen: Counter[tuple[int, str]] = Counter()
    bold: set[str] = set()
    before = ""  # the last line that held anything
    for line in lines:
        head = _heading(line)
        if head is None:
            if (label := _bold_label(line)) is not None:
                bold.add(label[0].casefold())
        elif (m := _HEADING_LABEL_RE.match(head[1])) is not None and _names_someone(m.group(1)) and not (
                _labels_speech(before)):
            seen[(head[0], m.group(1).strip().casefold())] += 1
        if line.strip():
            before = line
    return {level for (level, name), n in seen.items() if n >= 2 or name in bold}


def _names_someone(label: str) -> bool:
    """A heading's text can name a speaker only if it holds a letter: "# 0" twice is a number said, not a voice."""
    return any(c.isalpha() for c in label)


def _labels_speech(line: str) -> bool:
    """Whether ``line`` is a speaker's label of another format standing alone above its speech (Happy Scribe's
    ``[00:00:05.21] - Name``, Word's ``00:00:03 Speaker 1``, Rev's ``Name (00:01:02):``, a bare ``Name:``): a line
    opening with a hash after it is that speaker's speech, not a heading."""
    return labels_a_time(line) or _BARE_LABEL_RE.match(line) is not None


def _bold_label(line: str) -> tuple[str, float | None, str] | None:
    """``(name, time, rest of the line)`` of a bold speaker label, or None."""
    m = _BOLD_ALONE_RE.match(line)
    if m:
        return m.group(2).strip(), parse_timestamp(m.group(3)) if m.group(3) else None, ""
    m = _BOLD_INLINE_RE.match(line)
    if m:
        return m.group(2).strip(), None, line[m.end():]
    return None


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` is a Markdown transcript: two speaker labels or more written as bold labels, or headings
    at a level where a speaker's name comes twice."""
    lines = text.split("\n")
    if _label_levels(lines):
        return True
    return sum(1 for line in lines if _bold_label(line) is not None) >= 2


def _unmark(line: str, line_start: bool = True) -> str:
    """A line of speech without the marks that are only formatting (emphasis, bullets, quotes, escapes); a bullet
    and a quote mark only at a line's start (``line_start``), never after a label ("**Jo:** - so")."""
    if line_start:
        line = _BULLET_RE.sub("", _QUOTE_RE.sub("", line))
    if line.endswith("\\"):  # a hard line break
        line = line[:-1]
    for _ in range(3):  # nested emphasis ("**a *b* c**") is undone from the outside in
        undone = _EMPHASIS_RE.sub(r"\2", line)
        if undone == line:
            break
        line = undone
    return _ESCAPE_RE.sub(r"\1", line)


def read(text: str, source: str) -> list[Utterance]:
    """Utterances of a Markdown transcript; refused where no line is a speaker's label."""
    lines = text.split("\n")
    levels = _label_levels(lines)
    turns = TurnBuilder(source)
    new_para = False

    def start(name: str, at: float | None, rest: str, where: str) -> None:
        turns.start(Utterance(speaker=clean_name(name), text="", start_time=at, where=where),
                    clean(_unmark(rest, line_start=False)) if rest.strip() else "")

    for n, raw in enumerate(lines, 1):
        where = f"line {n}"
        if _FENCE_RE.match(raw) or _RULE_RE.match(raw):
            new_para = True
            continue
        head = _heading(raw)
        if head is not None and head[0] in levels and (m := _HEADING_LABEL_RE.match(head[1])):
            start(_unmark(m.group(1)), parse_timestamp(m.group(2)) if m.group(2) else None, "", where)
            new_para = False
            continue
        bold = _bold_label(raw) if head is None else None
        if bold is not None:
            start(bold[0], bold[1], bold[2], where)
            new_para = False
            continue
        line = clean(_unmark(head[1] if head is not None else raw))
        if not line.strip():
            new_para = True
            continue
        # a list's item is a line of its own, as the list shows it
        turns.add(line, where, new_para or head is not None or bool(_BULLET_RE.match(_QUOTE_RE.sub("", raw))))
        new_para = head is not None  # a heading that is no label is a paragraph of its own
    result = turns.finish()
    if not any(u.speaker for u in result):
        raise ParseError(f"{source}: unknown format (Markdown, but no line is a speaker's label such as "
                         "'**Name**', '**Name:** text' or a '### Name' heading used for each turn)")
    if not any(u.text for u in result):
        raise ParseError(f"{source}: no speech found")
    return result
