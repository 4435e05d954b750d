"""CLAN's CHAT transcripts (``.cha``): the TalkBank format used for conversation and aphasia, child language and
clinical interaction research.

A CHAT file opens with ``@UTF8`` and ``@Begin`` and closes with ``@End``. ``@Participants:`` declares each speaker
as a code, an optional name (words joined by ``_``) and a role (``PAR Anna_Kowalski Participant, INV
Investigator``). A main tier ``*PAR:<tab>speech`` is one utterance; a line opening with a tab goes on with the line
above; a dependent tier (``%mor:``, ``%com:``, ``%gpx:``) describes the utterance above it and is no speech, so it is
left out, with its own continuation lines. A time bullet (``NAK start_end NAK``, milliseconds, NAK being U+0015) at
an utterance's end gives its times, and is taken out of the speech; the older ``%snd:"file"_start_end`` bullet
likewise. Headers inside the body (``@Comment:``, ``@G:``, ``@Bg:``) are not speech.

The speaker of ``*PAR:`` is the name ``@Participants`` gives the code (``Anna Kowalski``), else the code itself: the
name goes to the key, never into the text. The speech is kept as transcribed, CHAT's own codes (``&-um``,
``[/]``, ``xxx``) included: coders read them, and the anonymiser treats them as words. Imported plain, the file's
``@Participants`` line was read as speech, a participant's name with it.

Refused, naming the line: a main tier whose code ``@Participants`` does not declare, a ``*`` line with no code and
colon, a bullet whose times are not numbers, speech after ``@End``, and a file with no ``@End`` (cut short).
"""

from __future__ import annotations

import html
import re

from .limits import check_turns
from .normalise import clean_name, squash
from .utterance import ParseError, Utterance, excerpt

_MAIN_RE = re.compile(r"^\*([\w+'-]{1,12}):(?:[ \t]+|$)")
_DEPENDENT_RE = re.compile(r"^%[A-Za-z0-9_-]{1,20}:")
_HEADER_RE = re.compile(r"^@[A-Za-z][A-Za-z0-9 _-]{0,40}(?::|$)")
#: A media bullet: ``NAK 1200_3400 NAK``, or the older ``NAK %snd:"file"_1200_3400 NAK``.
_BULLET_RE = re.compile(r"\x15(?:%(?:snd|mov):\"[^\"\x15\n]{0,200}\"_)?([^\x15\n]{0,60})\x15")
_TIMES_RE = re.compile(r"^([0-9]{1,13})_([0-9]{1,13})$", re.ASCII)
_MAX_MS = 999_999 * 3_600_000


def looks_like_chat(head: list[str]) -> bool:
    """Whether a file's first non-blank lines open as CHAT: ``@UTF8`` or ``@Begin``, with ``@Begin`` among the
    first three (no other transcript opens so)."""
    return bool(head) and head[0] in ("@UTF8", "@Begin") and "@Begin" in head[:3]


def participants(value: str, where: str, source: str) -> dict[str, str]:
    """Code → the speaker's name as the file writes it (underscores as spaces), or the code where none is given."""
    out: dict[str, str] = {}
    for entry in value.split(","):
        words = entry.split()
        if not words:
            continue
        if len(words) > 3:
            raise ParseError(f"{source}: {where}: the @Participants entry {excerpt(entry.strip())} is not 'CODE "
                             "Name Role' (words of a name are joined by '_')")
        out[words[0]] = words[1].replace("_", " ") if len(words) == 3 else words[0]
    return out


def _times(said: str, where: str, source: str) -> tuple[str, float | None, float | None]:
    """The speech without its bullets, and the first bullet's start and the last one's end in seconds."""
    start: float | None = None
    end: float | None = None
    for m in _BULLET_RE.finditer(said):
        t = _TIMES_RE.match(m.group(1).strip())
        if t is None or int(t.group(1)) > _MAX_MS or int(t.group(2)) > _MAX_MS:
            raise ParseError(f"{source}: {where}: the time bullet {excerpt(m.group(1))} is not 'start_end' in "
                             "milliseconds")
        if start is None:
            start = int(t.group(1)) / 1000
        end = int(t.group(2)) / 1000
    return _BULLET_RE.sub(" ", said), start, end


def read(text: str, source: str) -> list[Utterance]:
    """The utterances of a CHAT file."""
    speakers: dict[str, str] = {}
    out: list[Utterance] = []
    #: The main tier being read: its code, the line it opened on, and its lines so far.
    current: tuple[str, int, list[str]] | None = None
    in_main = False
    ended = 0

    def flush() -> None:
        if current is None:
            return
        code, no, parts = current
        where = f"line {no}"
        said, start, end = _times(" ".join(parts), where, source)
        said = squash(html.escape(said, quote=False))  # entities are no CHAT: "&amp;" said is kept as written
        if said:
            name = clean_name(html.escape(speakers[code], quote=False))
            out.append(Utterance(speaker=name, text=said, start_time=start, end_time=end, where=where))
            check_turns(len(out), source, where)

    for no, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if ended:
            raise ParseError(f"{source}: line {no}: text after @End (line {ended}) {excerpt(line.strip())}")
        if line[0] in " \t":
            if in_main and current is not None:
                current[2].append(line.strip())
            continue
        in_main = False
        if line.startswith("*"):
            m = _MAIN_RE.match(line)
            if m is None:
                raise ParseError(f"{source}: line {no}: a main tier must open '*CODE:' {excerpt(line.strip())}")
            if m.group(1) not in speakers:
                raise ParseError(f"{source}: line {no}: speaker *{excerpt(m.group(1))} is not declared on the "
                                 "@Participants line")
            flush()
            current = (m.group(1), no, [line[m.end():].strip()])
            in_main = True
        elif _DEPENDENT_RE.match(line):
            continue
        elif _HEADER_RE.match(line):
            name, _, value = line.partition(":")
            if name.strip() == "@Participants":
                speakers.update(participants(value, f"line {no}", source))
            elif name.strip() == "@End":
                ended = no
        else:
            raise ParseError(f"{source}: line {no}: a CHAT line opens with '@', '*', '%' or a tab, not "
                             f"{excerpt(line.strip()[:20])}")
    flush()
    if not ended:
        raise ParseError(f"{source}: no @End line: the file seems cut short; save it again from CLAN")
    if not out:
        raise ParseError(f"{source}: a CHAT file with no main tier ('*CODE:') holding speech")
    return out
