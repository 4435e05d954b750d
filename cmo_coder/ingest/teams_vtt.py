"""Microsoft Teams WebVTT: ``<v Name>…</v>`` on every cue, ids ``GUID/N-M``.

Teams splits one utterance over cues ``GUID/18-0``, ``GUID/18-1``…; those are merged
back into one utterance. Cues may overlap and appear out of id order, so utterances
are ordered by their first start time (ties keep file order).
"""

from __future__ import annotations

import re

from .cues import parse_cues
from .normalise import clean_name, squash
from .utterance import Utterance

#: Bounded runs: unbounded ones rescanned the rest of the cue from every unclosed ``<v`` (quadratic).
_V_RE = re.compile(r"<v(?:\.[^\s<>]{0,100})?\s{1,20}([^<>]{0,200})>")
_ID_RE = re.compile(r"^(.*?)-([0-9]{1,9})$")


def read(text: str, source: str) -> list[Utterance]:
    cues = parse_cues(text, source, webvtt=True)
    groups: dict[str, list[tuple[int, int, Utterance]]] = {}
    order: list[str] = []
    for pos, cue in enumerate(cues):
        raw = "\n".join(cue.lines)
        m = _V_RE.search(raw)
        speaker = clean_name(m.group(1)) if m else None
        body = squash(raw)
        part = 0
        key = f"#{pos}"
        if cue.id and "/" in cue.id:  # only Teams' GUID/N-M ids say which cues form one utterance
            mid = _ID_RE.match(cue.id)
            if mid:
                key, part = mid.group(1), int(mid.group(2))
            else:
                key = cue.id
        if key in groups and groups[key][0][2].speaker != speaker:
            key = f"{key}#{pos}"  # an id reused by another speaker is another utterance
        utt = Utterance(speaker=speaker or None, text=body, start_time=cue.start, end_time=cue.end,
                        where=f"line {cue.line_no}")
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((part, pos, utt))
    merged: list[tuple[float, int, Utterance]] = []
    for first, key in enumerate(order):
        parts = sorted(groups[key], key=lambda t: (t[0], t[1]))
        texts = [u.text for _, _, u in parts if u.text]
        head = parts[0][2]
        u = Utterance(
            speaker=head.speaker, text=" ".join(texts),
            start_time=min(p[2].start_time or 0.0 for p in parts),
            end_time=max(p[2].end_time or 0.0 for p in parts), where=head.where,
            flags=[] if head.speaker else ["no_speaker"],
        )
        merged.append((u.start_time or 0.0, first, u))
    merged.sort(key=lambda t: (t[0], t[1]))
    return [u for _, _, u in merged]
