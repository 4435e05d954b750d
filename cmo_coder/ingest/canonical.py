"""Utterances → one canonical text and turns whose offsets slice back to them exactly.

The text holds speech only: speaker names live in the turns, so that the project copy
of a transcript never carries a name outside the anonymiser's reach. Turns are joined
by a blank line; consecutive utterances of one speaker merge into one turn (caption
cues with a space, paragraphs with a line break); a turn's flags are the union of its
utterances' flags (``inferred_speaker`` marks a turn part of which had no speaker
label). The text is built once, and every turn is checked against it at the end.

A speaker's label whose speech is empty after cleaning (``Name:`` alone, a cue holding only a
soft hyphen or a tag) is no turn in any format: it is left out, and where it stood is kept in
``Canonical.empty`` so the import can say so, since the label's speaker may then be nowhere in
the transcript.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import SourceFormat
from .utterance import Utterance

TURN_SEPARATOR = "\n\n"
_CAPTION_FORMATS = {SourceFormat.teams_vtt, SourceFormat.zoom_vtt, SourceFormat.zoom_captions, SourceFormat.srt,
                    SourceFormat.sbv, SourceFormat.youtube_vtt, SourceFormat.ttml, SourceFormat.elan_eaf,
                    SourceFormat.whisper_json, SourceFormat.whisper_tsv, SourceFormat.csv_table}
"""Formats whose utterances are pieces of one paragraph (cues, segments, an editor's rows): joined by a space."""


@dataclass
class RawTurn:
    speaker_name: str | None
    start: int
    end: int
    start_time: float | None
    end_time: float | None
    flags: list[str] = field(default_factory=list)


@dataclass
class Canonical:
    text: str
    turns: list[RawTurn]
    #: Where (``line 12``, ``paragraph 3``) a labelled utterance with no speech was left out.
    empty: list[str] = field(default_factory=list)


def joiner_for(fmt: SourceFormat) -> str:
    return " " if fmt in _CAPTION_FORMATS else "\n"


def build(utterances: list[Utterance], joiner: str = " ") -> Canonical:
    groups: list[tuple[Utterance, list[str]]] = []
    empty: list[str] = []
    for u in utterances:
        # An empty paragraph at either end would put a turn separator inside a merged turn.
        u.text = u.text.strip("\n")
        if not u.text:
            if u.speaker is not None:
                empty.append(u.where)
            continue
        if "\n\n" in u.text:
            raise AssertionError(f"utterance at {u.where} contains a turn separator")
        if groups and groups[-1][0].speaker == u.speaker:
            # An inferred continuation joins its speaker's turn, and the turn says so in its flags.
            head, texts = groups[-1]
            texts.append(u.text)
            head.flags.extend(f for f in u.flags if f not in head.flags)
            if u.end_time is not None:
                head.end_time = u.end_time if head.end_time is None else max(head.end_time, u.end_time)
            continue
        groups.append((Utterance(speaker=u.speaker, text="", start_time=u.start_time, end_time=u.end_time,
                                 flags=list(u.flags), where=u.where), [u.text]))
    pieces: list[str] = []
    turns: list[RawTurn] = []
    expected: list[str] = []
    offset = 0
    for i, (head, texts) in enumerate(groups):
        if i:
            pieces.append(TURN_SEPARATOR)
            offset += len(TURN_SEPARATOR)
        said = joiner.join(texts)
        turns.append(RawTurn(head.speaker, offset, offset + len(said), head.start_time, head.end_time, head.flags))
        expected.append(said)
        pieces.append(said)
        offset += len(said)
    text = "".join(pieces)
    for turn, said in zip(turns, expected, strict=True):
        if text[turn.start : turn.end] != said:  # the offset invariant every later stage relies on
            raise AssertionError(f"turn at {turn.start}-{turn.end} does not slice back to its text")
    return Canonical(text=text, turns=turns, empty=empty)
