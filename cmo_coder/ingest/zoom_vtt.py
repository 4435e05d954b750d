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
from .group_speakers import joint_members, joint_of, speakers_said
from .manifest_labels import named_speakers
from .normalise import clean_name, squash
from .utterance import Utterance, is_voice_code, label_key, speakerish

#: ``Name: speech``, or ``Name:`` alone: a cue whose speech cleaned away to nothing (a soft hyphen, a tag)
#: is still that speaker's label, as in every other reader, and an empty turn is left out later.
_PREFIX_RE = re.compile(r"^([^:\n]{1,60}?):(?:\s++(?=\S)|$)")


#: A one-word name's shape (``Bunny``, ``Wojtek``, ``O'Neill``), and the words that open a sentence before a colon.
_ONE_NAME_RE = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)?")
_LOWER_NAME_RE = re.compile(r"[a-z]+(?:['’-][a-z]+)?|[a-z]{1,3}[0-9]{1,2}")
_OPENERS = frozenset({"so", "note", "anyway", "update", "yes", "no", "well", "right", "ok", "okay", "also", "and",
                      "but", "question", "answer", "summary", "agenda", "action", "actions", "reminder", "next"})
#: Where this share of a file's cues (of five or more) names its speaker, Zoom knew every voice it could.
_LABELLED_SHARE = 0.8


def split_prefixes(bodies: list[str]) -> list[tuple[str | None, str]]:
    """(speaker, speech) for each body, accepting only prefixes that look like speakers.

    A one-word name said once ("Bunny: Can I say something?") counts where nearly every other cue names its
    speaker: Zoom writes a prefix on every cue of a voice it knows, so there the word before the colon is a member
    shown by a nickname, not a sentence's opening. Before, the cue was speech of nobody, with the nickname in it,
    and ``--infer-speakers`` gave her words to the member before her."""
    found = [_PREFIX_RE.match(b) for b in bodies]
    prefixes = [clean_name(m.group(1)) for m in found if m]
    # a member said alone once and again in a joint line ("P3:", "P3 and P5:") is a speaker said twice
    counts = Counter(label_key(p) for name in prefixes for p in [name, *(joint_members(name) or [])])
    known = named_speakers()
    accepted = [m is not None and (speakerish(name := clean_name(m.group(1)), counts[label_key(name)] > 1)
                                   or name in known) for m in found]
    speaking = speakers_said([clean_name(m.group(1)) for m, ok in zip(found, accepted, strict=True) if m and ok]
                             + sorted(known))
    accepted = [ok or (m is not None and joint_of(clean_name(m.group(1)), speaking))
                for m, ok in zip(found, accepted, strict=True)]  # "Mary and Jo:" beside "Mary Dunne:", "Jo Kirwan:"
    labelled = len(bodies) >= 5 and sum(accepted) >= _LABELLED_SHARE * (len(bodies) - 1)
    said = [clean_name(m.group(1)) for m, ok in zip(found, accepted, strict=True) if m and ok]
    lower = labelled and sum(p == p.casefold() for p in said) >= _LABELLED_SHARE * len(said)
    out: list[tuple[str | None, str]] = []
    for body, m, ok in zip(bodies, found, accepted, strict=True):
        if m and (ok or (labelled and _one_name(clean_name(m.group(1)), lower))):
            out.append((clean_name(m.group(1)), body[m.end():]))
            continue
        out.append((None, body))
    return out


def _one_name(prefix: str, lower: bool = False) -> bool:
    """A single capitalised word that is no sentence opener ("Bunny", not "Note" or "So"), or a voice code ("P3");
    where the file writes every label in lower case (``lower``: captions, "lorraine:", "eilidh:"), a lower-case
    word or code too ("stevie", "sp5"), since there a name's capital is never written."""
    if prefix.casefold() in _OPENERS:
        return False
    if lower and _LOWER_NAME_RE.fullmatch(prefix) is not None:
        return True
    return _ONE_NAME_RE.fullmatch(prefix) is not None or is_voice_code(prefix)


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
