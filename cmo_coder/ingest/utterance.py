"""What every reader produces: raw utterances, before merging and speaker mapping."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import CmoError
from .group_speakers import is_collective


@dataclass
class Utterance:
    """One piece of speech as the source gives it.

    ``speaker`` is the name exactly as written (entities decoded) or None when the source
    names nobody. ``paragraph`` says whether, when merged into the previous utterance of
    the same speaker, it starts a new paragraph (``\\n``) or continues a wrapped line (space).
    ``where`` locates it in the source for error messages ("line 12", "paragraph 3").
    """

    speaker: str | None
    text: str
    start_time: float | None = None
    end_time: float | None = None
    flags: list[str] = field(default_factory=list)
    paragraph: bool = False
    where: str = ""


class ParseError(CmoError):
    """A source broke its format; the message names the place."""


#: Times are ASCII digits only: ``\\d`` would admit Arabic-Indic or fullwidth digits, and an
#: hour field is bounded so a run of thousands of digits is simply not a time.
_TS_RE = re.compile(r"^(?:([0-9]{1,6}):)?([0-9]{1,2}):([0-9]{2})(?:[.,]([0-9]{1,3}))?$", re.ASCII)


def parse_timestamp(text: str) -> float | None:
    """``HH:MM:SS.mmm``, ``MM:SS.mmm``, ``H:MM:SS,mmm`` (SRT) or ``M:SS`` → seconds; None if not a time."""
    t = text.strip()
    if len(t) > 16 or not t.isascii():  # the longest time is 999999:59:59.999
        return None
    if len(t) == 12 and t[2] == ":" and t[5] == ":" and t[8] in ".," and (
            t[0:2] + t[3:5] + t[6:8] + t[9:12]).isdigit():  # HH:MM:SS.mmm, by far the commonest: skip the regex
        sec, minute = int(t[6:8]), int(t[3:5])
        if sec >= 60 or minute >= 60:
            return None
        return round(int(t[0:2]) * 3600 + minute * 60 + sec + int(t[9:12]) / 1000, 3)
    m = _TS_RE.match(t)
    if not m:
        return None
    h, mnt, s, ms = m.groups()
    secs = int(h or 0) * 3600 + int(mnt) * 60 + int(s)
    if int(s) >= 60:
        return None
    return round(secs + (int(ms.ljust(3, "0")) / 1000 if ms else 0.0), 3)


def excerpt(text: str, limit: int = 60) -> str:
    """A piece of the source quoted in an error message, cut short: a hostile line may be megabytes long."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


#: Words that name a role, not a person: never treated as a name token or a global identity.
GENERIC_SPEAKERS = re.compile(
    r"^(?:interviewer|interviewee|respondent|participant|facilitator|moderator|researcher|int|resp|"
    r"i|r|p|q|a|iv|ie|speaker(?:\s*\d+)?|speaker\s+[a-z]|spk_[0-9]{1,2}|unknown(?:\s+speaker)?|guest|host|co-host|interpreter|translator|"
    r"b[0-9]{1,2}|s[0-9]{2}|speaker_[0-9]{2})$",  # noScribe's "S00", pyannote's and WhisperX's "SPEAKER_00"
    re.IGNORECASE,
)

#: The last word of a role a team writes as a speaker's alias, with a word before it, to match a file's label
#: ("BSL Interpreter", "Arabic interpreter", "Lead Researcher").
_ROLE_HEADS = frozenset({"interpreter", "translator", "observer", "note-taker", "notetaker", "interviewer",
                         "facilitator", "moderator", "researcher"})


#: The last word of a manifest row that names a group speaking together, not a person ("Caernarfon self-advocacy
#: group", "Group members", "Several speakers"): captions of a group meeting name nobody, and such a row is how a
#: team gives their cues a speaker that can be signed off.
_GROUP_HEADS = frozenset({"group", "groups", "members", "speakers", "voices", "panel", "forum", "audience"})


#: A transcriber's code for a voice ("F1", "M2", "P12", "FG3"): capitals and a number, as focus groups are typed up
#: when the voices are known by seat or sex and number rather than by name.
_VOICE_CODE_RE = re.compile(r"[A-Z]{1,2}[0-9]{1,2}")


def is_voice_code(name: str) -> bool:
    """Whether a speaker name is a transcriber's code for a voice ("F1", "M2"): it names nobody, so it is no name
    to look for in speech (registered, "F1" clashed with the racing series on the allow-list and stopped the run,
    and "M2" would take a motorway)."""
    return _VOICE_CODE_RE.fullmatch(name.strip()) is not None


def role_label(name: str) -> bool:
    """Whether ``name`` is a role with a word before it ("BSL Interpreter") or a group speaking together
    ("Caernarfon self-advocacy group"), not anybody's name: written as a manifest name or alias, its words ("BSL",
    "dads", "group") must not become name forms nor make a file's name look like a participant's."""
    words = name.casefold().split()
    if 0 < len(words) <= 6 and words[-1] in _GROUP_HEADS:
        return True
    return 1 < len(words) <= 3 and words[-1] in _ROLE_HEADS

_SENTENCE_PUNCT = re.compile(r"[.?!;\"“”…]")
#: A title's abbreviating dot (``Dr. Kaur``, ``Mrs. Okafor``), as Rev.com and American-style typists write a speaker:
#: no sentence's end, so it does not stop the line being a label.
_TITLE_DOT = re.compile(r"\b(Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Revd|Fr|Sr|Capt|Sgt|Cllr)\.(?=\s+[A-Z])")
_TIME_TAIL = re.compile(r"(?:^|\s)\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?$")


def ends_in_time(name: str) -> bool:
    """Whether a would-be speaker name ends in a time stamp (``BSR01 00:32``): never a name."""
    return _TIME_TAIL.search(name.strip()) is not None


def colon_in_time(line: str, colon: int) -> bool:
    """Whether the colon at ``colon`` sits between digits (``00:32``): a time, never a label's colon."""
    return 0 < colon < len(line) - 1 and line[colon - 1].isdigit() and line[colon + 1].isdigit()


#: A telephone number as a meeting shows a dial-in caller ("+44 7700 900462", "07700 900462", "(0116) 496 0123").
_DIAL_IN = re.compile(r"\+?[0-9][0-9 ()-]{7,19}[0-9]")


def label_key(name: str) -> str:
    """A speaker label as the file's recurrence count knows it: case, spacing and the apostrophe's shape
    folded, since one person is written "Zoë Müller" on one line and "zoë  müller" on another (a typist's
    caps, a caption tool's lower case), and a label said once in one spelling recurs in the other."""
    return " ".join(name.casefold().replace("\u2019", "'").split())


def speakerish(prefix: str, recurs: bool) -> bool:
    """Whether a ``Prefix:`` before speech looks like a speaker rather than the start of a sentence.

    Short, no sentence punctuation, and either recurring in the file or capitalised like a
    name (``Dr Jane Adams``, ``R``, ``iPhone 12`` when it recurs); or a label of the group, of members together
    or of a voice nobody placed (:mod:`.group_speakers`), said once or more.
    """
    p = prefix.strip()
    if _DIAL_IN.fullmatch(p) and sum(c.isdigit() for c in p) >= 9:
        return True  # Zoom and Teams name a caller who joined by telephone by the number
    if len(p) <= 48 and is_collective(p):
        return True  # a focus group's "ALL:", "P2 & P4:", "?:": said once, still no sentence's opening
    if (not p or len(p) > 48 or _SENTENCE_PUNCT.search(_TITLE_DOT.sub(r"\1", p)) or "http" in p.lower()
            or ends_in_time(p)):
        return False
    words = p.replace(",", " ").split()
    if not words or len(words) > 6:
        return False
    if recurs:
        return True
    if GENERIC_SPEAKERS.match(p) or p.casefold() in _ROLE_HEADS:
        return True  # a role said once: the focus group's note-taker or observer speaks once as often as not
    # Said once: only a name-like run of two or more capitalised words ("Dr Jane Adams"), so a
    # sentence opening "Note: ..." or "Anyway: ..." keeps its first word.
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() or w[0] == "(" or _device_word(w) for w in words)


def _device_word(word: str) -> bool:
    """A product name written with a small first letter and a capital after it (``iPhone``, ``iPad``): Zoom and
    Teams name a guest by their device ("Rahima's iPhone"), and that line must start the guest's turn."""
    return len(word) > 2 and word[0].islower() and word[1].isupper() and word[2:].isalpha()
