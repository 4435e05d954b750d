"""Bracketed notes of what was heard that no one said: ``[crosstalk]``, ``[laughter]``, ``[inaudible 00:12]``.

Captions and transcribers put the name of a speaker in square brackets (``[Sam]``, ``[SPEAKER 2]``) and put the
sounds of the room in square brackets too. A caption reader that takes every bracket at the start of a cue for a
speaker made "crosstalk" and "laughter" speakers of a drop-in group's captions: the import then asked for a
manifest row naming "crosstalk" as a participant, and sign-off was refused until a person was invented for it. A
bracket is a sound, not a speaker, when every word in it is a word for a sound, a pause or speech not made out
(with a time or a number beside it, as transcribers mark an inaudible stretch); the note then stays in the speech
where it was written, as the source shows it.
"""

from __future__ import annotations

import re

#: Words that describe what was heard rather than who spoke, and the words that qualify them.
SOUND_WORDS = frozenset({
    "crosstalk", "cross-talk", "cross", "talk", "talking", "overlapping", "overlap", "overtalk", "speech",
    "speaking", "voices", "voice", "chatter", "laughter", "laughing", "laughs", "laugh", "giggles", "giggling",
    "inaudible", "unintelligible", "indistinct", "unclear", "muffled", "garbled", "music", "applause", "clapping",
    "silence", "pause", "long", "short", "noise", "noises", "background", "static", "playing", "coughs", "coughing",
    "cough", "sighs", "sigh", "sighing", "crying", "cries", "sobbing", "sniffs", "phone", "ringing", "rings", "door",
    "knock", "knocking", "baby", "dog", "barking", "barks", "beep", "beeps", "bell", "interruption", "interrupted",
    "recording", "paused", "resumed", "stopped", "audio", "no", "break", "foreign", "language", "other",
    "several", "people", "all", "both", "group", "multiple", "speakers", "and", "in", "of", "the", "a",
    "redacted", "blank", "sound", "sounds",
})
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def is_sound_event(label: str) -> bool:
    """Whether a bracket's text names a sound or speech not made out, never a person: each of its words is a
    word for a sound (times and numbers may stand beside them), and one word at least is a sound itself, not a filler, a
    count ("[all]" or "[group]" alone names who spoke, as a label does)."""
    words = [w.lower() for w in _WORD_RE.findall(label)]
    if not words or any(w not in SOUND_WORDS for w in words):
        return False
    return any(w not in _NOT_ALONE for w in words)


#: Words of the list that alone name who spoke ("[all]", "[both]", "[group]") or what made a sound ("[dog]",
#: "[baby]" may be what a family calls someone), not the sound: a bracket of these alone stays a label.
_NOT_ALONE = frozenset({"all", "both", "group", "several", "people", "multiple", "speakers", "other", "and", "in",
                        "of", "the", "a", "no", "long", "short", "baby", "dog", "door", "phone", "bell", "voice",
                        "voices", "background", "foreign", "language", "audio", "recording", "sound"})
