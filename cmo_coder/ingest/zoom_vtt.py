"""Zoom WebVTT: the speaker is a ``Name: `` prefix inside the cue text, when Zoom knows it.

A prefix counts as a speaker only when it looks like one (see :func:`speakerish`):
otherwise "Note: the clinic…" would lose its first word to a phantom speaker. Cues with
no speaker are kept as such, flagged ``no_speaker``; with ``infer_speakers`` they take
the previous speaker and are flagged ``inferred_speaker`` instead.
"""

from __future__ import annotations

import re
from collections import Counter

from .cues import parse_cues
from .normalise import clean_name, squash
from .utterance import Utterance, label_key, speakerish

#: ``Name: speech``, or ``Name:`` alone: a cue whose speech cleaned away to nothing (a soft hyphen, a tag)
#: is still that speaker's label, as in every other reader, and an empty turn is left out later.
_PREFIX_RE = re.compile(r"^([^:\n]{1,60}?):(?:\s++(?=\S)|$)")


def split_prefixes(bodies: list[str]) -> list[tuple[str | None, str]]:
    """(speaker, speech) for each body, accepting only prefixes that look like speakers."""
    found = [_PREFIX_RE.match(b) for b in bodies]
    counts = Counter(label_key(clean_name(m.group(1))) for m in found if m)
    out: list[tuple[str | None, str]] = []
    for body, m in zip(bodies, found, strict=True):
        if m:
            name = clean_name(m.group(1))
            if speakerish(name, counts[label_key(name)] > 1):
                out.append((name, body[m.end():]))
                continue
        out.append((None, body))
    return out


def read(text: str, source: str, infer_speakers: bool = False) -> list[Utterance]:
    cues = parse_cues(text, source, webvtt=True)
    bodies = [squash("\n".join(c.lines)) for c in cues]
    result: list[Utterance] = []
    previous: str | None = None
    for cue, (speaker, speech) in zip(cues, split_prefixes(bodies), strict=True):
        flags: list[str] = []
        if speaker is None:
            if infer_speakers and previous is not None:
                speaker, flags = previous, ["inferred_speaker"]
            else:
                flags = ["no_speaker"]
        previous = speaker if speaker is not None else previous
        result.append(Utterance(speaker=speaker, text=speech, start_time=cue.start, end_time=cue.end,
                                flags=flags, where=f"line {cue.line_no}"))
    return result
