"""Speaker labels of a focus group that name no one person: the group (``ALL:``), members together (``P2 & P4:``,
``Mary and Jo:``) and a voice the transcriber could not place (``?:``, ``Female voice:``).

Why: read as any label, such a line said once looked like speech ("ALL" is one word, "P2 & P4" has a word that is
no name), so the group's words joined the turn before and were given to the last person who spoke; coding "what
do carers say" then quoted one carer for the whole room. Each is a speaker label wherever it opens a line, said
once or more; the speaker map gives the group and the unplaced voice fixed study labels (:data:`GROUP_LABEL`,
:data:`UNPLACED_LABEL`), which name nobody, and a joint line the study labels of its members joined by
:data:`JOINT_SEPARATOR`, so a name written in the label ("Mary and Jo") never reaches the project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model.participant import JOINT_SEPARATOR
from .normalise import clean_name

#: The study label of a line said by the group, whatever word the file used for it.
GROUP_LABEL = "ALL"
#: The study label of a voice the transcriber could not place.
UNPLACED_LABEL = "UNPLACED"

#: Labels that say the group spoke, as typists and caption tools write them (compared case-folded, spacing folded).
_GROUP_NAMES = frozenset({
    "all", "everyone", "everybody", "group", "the group", "whole group", "group members", "all participants",
    "several", "several voices", "several speakers", "many", "many voices", "multiple voices", "multiple speakers",
    "various", "various speakers", "voices", "both", "all together", "together", "in unison", "audience",
})

#: Labels of a voice nobody placed: ``?``, ``Speaker ?``, ``Unknown``, ``Unidentified speaker``, ``Female voice``.
_UNPLACED_RE = re.compile(
    r"\?{1,3}|speaker\s*\?{1,3}|unknown|unknown (?:speaker|voice|person|participant)|"
    r"unidentified(?: (?:speaker|voice|person|participant|male|female|man|woman))?|"
    r"(?:female|male|man's|woman's|child's|another|other|new) (?:voice|speaker)|inaudible speaker|unclear speaker",
    re.IGNORECASE)

#: Between the members of a joint label: ``&``, ``+``, ``/``, a comma, or ``and``.
_JOINT_SPLIT_RE = re.compile(r"\s*(?:&|\+|/|,)\s*|\s+and\s+")
#: A member's name as a label writes it: one to three capitalised words (``Mary``, ``Jo Kirwan``, ``O'Neill``).
_MEMBER_NAME_RE = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")

#: A line that is only a bracketed sound the group made: ``(laughter from group)``, ``[all laugh]``.
_GROUP_SOUND_RE = re.compile(
    r"^\s*+([(\[])\s*+(?=[^)\]]{0,40}\b(?:group|all|everyone|everybody|several|many|voices)\b)"
    r"(?=[^)\]]{0,40}\b(?:laugh\w*|cheer\w*|applau\w*|murmur\w*|agree\w*|nod\w*|clap\w*|overlapping|crosstalk|"
    r"cross-talk|talking|groan\w*|sigh\w*|yes)\b)[^)\]\n]{1,60}[)\]]\s*+$", re.IGNORECASE)
#: A bracketed group label opening a line before speech: ``[All] Yeah.``, ``[Group] No.``
_BRACKET_LABEL_RE = re.compile(r"^\s*+\[([^\]\n]{1,30})\][ \t]++(?=\S)")


def _key(name: str) -> str:
    return " ".join(clean_name(name).casefold().split())


def is_group_label(name: str) -> bool:
    """Whether a speaker label says the group spoke (``ALL``, ``Everyone``, ``Many voices``)."""
    return _key(name) in _GROUP_NAMES


def is_unplaced(name: str) -> bool:
    """Whether a speaker label is a voice the transcriber could not place (``?``, ``Female voice``), not a
    numbered one ("Unknown Speaker 3" is one voice throughout a file, and the manifest may say whose)."""
    return _UNPLACED_RE.fullmatch(" ".join(clean_name(name).split())) is not None


def fixed_label(name: str) -> str | None:
    """The study label a label of the group (``ALL``) or of a voice nobody placed (``UNPLACED``) always gets, or
    None for any other label: neither names a person, so neither needs a manifest row."""
    if is_group_label(name):
        return GROUP_LABEL
    return UNPLACED_LABEL if is_unplaced(name) else None


def _member(part: str, names: bool) -> bool:
    """A voice code or a role word, or where ``names`` a capitalised name; two letters or more either way, so
    "Q and A" and "A&E" are no members."""
    from .utterance import GENERIC_SPEAKERS, is_voice_code  # it asks this module whether a label is a group's

    p = part.strip()
    if len(p) < 2:
        return False
    return is_voice_code(p) or GENERIC_SPEAKERS.match(p) is not None or (
        names and _MEMBER_NAME_RE.fullmatch(p) is not None)


@lru_cache(maxsize=4096)  # a file's labels repeat on every line: read each once (the readers ask per line)
def joint_members(name: str) -> tuple[str, ...] | None:
    """The members of a joint label (``P2 & P4`` → ``[P2, P4]``, ``Mary and Jo``, ``SP3, SP5``, ``P2/P4``), or
    None where the label is no joint one: two to six parts, each a voice code, a role word or a capitalised
    name, so "Fish and chips" and "Tea, coffee" are not. Parts set apart by commas alone must be codes or role
    words: "Adams, Jennifer" is one person as Teams writes her."""
    written = clean_name(name).strip()
    parts = _JOINT_SPLIT_RE.split(written)
    names = bool(re.search(r"&|\+|/|\sand\s", written))
    if not 2 <= len(parts) <= 6 or not all(_member(p, names) for p in parts):
        return None
    if len({p.casefold() for p in parts}) != len(parts) or any(is_group_label(p) or is_unplaced(p) for p in parts):
        return None  # "P1 & All" names the group and a member of it: no pair of members
    return tuple(p.strip() for p in parts)


@lru_cache(maxsize=4096)
def is_collective(name: str) -> bool:
    """Whether a label names the group, members together by codes or roles (``P2 & P4``) or an unplaced voice: a
    speaker said once or more. Members named (``Mary and Jo``) only with the file's speakers: see :func:`joint_of`."""
    members = joint_members(name)
    return is_group_label(name) or is_unplaced(name) or (
        members is not None and all(_member(m, False) for m in members))


def speakers_said(speakers: Iterable[str]) -> frozenset[str]:
    """The file's speakers as :func:`joint_of` matches members against them: each label and its first word,
    case-folded (built once per file, not once per line)."""
    said: set[str] = set()
    for s in speakers:
        words = s.casefold().split()
        if words:
            said.update((" ".join(words), words[0]))
    return frozenset(said)


def joint_of(name: str, said: frozenset[str]) -> bool:
    """Whether ``name`` is members named together who each speak in the file (``Mary and Jo:`` beside ``Mary Dunne:``
    and ``Jo Kirwan:``, a member matching a label or its first word: ``said``, from :func:`speakers_said`) or whom
    the manifest names. Why not any two capitalised words: "Aims and Objectives:" heading a transcript would be a
    speaker the manifest must cover."""
    members = joint_members(name)
    return members is not None and all(m.casefold() in said or _member(m, False) for m in members)


def bracketed_label(line: str) -> tuple[str, str] | None:
    """A line the group spoke written with its label in brackets, or a line that is only the group's sound:
    (label, speech). ``[All] Yeah.`` → ("All", "Yeah."); ``(laughter from group)`` → ("Group", the line as
    written, since the sound is what the transcript says the group did). None for any other line: "[laughter]"
    alone is the current speaker's."""
    m = _BRACKET_LABEL_RE.match(line)
    if m is not None and (is_group_label(m.group(1)) or is_unplaced(m.group(1))):
        return clean_name(m.group(1)), line[m.end():]
    if _GROUP_SOUND_RE.match(line):
        return "Group", line.strip()
    return None


def label_parts(label: str) -> list[str]:
    """The study labels a turn's label stands for: a joint label's members (``NOR-G02 & NOR-G04``), none for the
    group's or an unplaced voice's, the label itself otherwise. Sign-off, a query by role and an export's cases
    read a joint turn as each member's."""
    if label in (GROUP_LABEL, UNPLACED_LABEL):
        return []
    return label.split(JOINT_SEPARATOR) if JOINT_SEPARATOR in label else [label]
