"""SubRip: numbered cues; a speaker label (``Name:``, ``[Name]``, ``>> Name:``) usually only
where the speaker changes, so an unlabelled cue continues the previous speaker. A bracket that names a sound
(``[crosstalk]``, ``[laughter]``) is no label: it stays in the speech (:mod:`.sound_events`)."""

from __future__ import annotations

import re

from .cues import Cue, parse_cues
from .normalise import clean_name, squash
from .sound_events import is_sound_event
from .utterance import Utterance
from .zoom_vtt import split_prefixes

_BRACKET_RE = re.compile(r"^(?:>>\s*)?\[([^\]]{1,60})\]\s*")
_CHEVRON_RE = re.compile(r"^>>\s*")


def read(text: str, source: str) -> list[Utterance]:
    return utterances(parse_cues(text, source, webvtt=False))


def utterances(cues: list[Cue]) -> list[Utterance]:
    """The utterances of caption cues by SubRip's speaker conventions: shared by every reader of plain cues
    (SubRip, YouTube's SBV and rolling WebVTT, TTML), so the same captions give the same turns in each format."""
    bodies: list[str] = []
    bracketed: list[str | None] = []
    for c in cues:
        body = squash("\n".join(c.lines))
        m = _BRACKET_RE.match(body)
        if m and is_sound_event(m.group(1)):  # "[crosstalk]", "[laughter]": a sound, kept as speech
            m = None
        if m:
            bracketed.append(clean_name(m.group(1)))
            body = body[m.end():]
        else:
            bracketed.append(None)
            body = _CHEVRON_RE.sub("", body)
        bodies.append(body)
    result: list[Utterance] = []
    current: str | None = None
    for cue, b, (speaker, speech) in zip(cues, bracketed, split_prefixes(bodies), strict=True):
        if b is not None:
            speaker = b
        flags: list[str] = []
        if speaker is not None:
            current = speaker
        elif current is None:
            flags = ["no_speaker"]
        result.append(Utterance(speaker=current, text=speech, start_time=cue.start, end_time=cue.end,
                                flags=flags, where=f"line {cue.line_no}"))
    return result
