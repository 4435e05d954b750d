"""Lines above the first speaker of a plain ``Name: text`` file: a heading, signed off as text of no turn.

A team's own files often begin with a title, a date, "Transcript" or a note ("Interview with a bereaved carer, site
B", "12 March, Newry") before the first ``Name:`` label. The reader keeps such lines as turns with no speaker, so
that they are anonymised like every other line (a heading names sites and people as often as speech does).
Sign-off then refused the whole transcript, and a team had to edit the file by hand to get past it.

Those lines are nobody's speech: signed off, they stay in the text, anonymised and shown, but belong to no turn,
so no speaker (and no participant) is made for them. Only the speakerless turns before the first labelled one
count, and only in a plain file: a line with no label after the first speaker may be the previous speaker's
words cut off by a stray line break, and a caption cue with no name is speech whose speaker the team must give
(both still refused, with advice).
"""

from __future__ import annotations

from ..model import Transcript
from ..model.transcript import NO_SPEAKER


def heading_turns(raw: Transcript) -> int:
    """How many turns at the start of ``raw`` are a heading: speakerless turns of a plain file before its first
    labelled turn (0 for other formats, and where no labelled turn follows)."""
    if "plain" not in str(raw.source_format):
        return 0
    for n, t in enumerate(raw.turns):
        if t.speaker != NO_SPEAKER:
            return n
    return 0


def without_heading_turns(signed: Transcript, n: int) -> Transcript:
    """``signed`` with its first ``n`` turns (the heading) no longer turns; their text stays where it is."""
    if n == 0:
        return signed
    return signed.model_copy(update={"turns": signed.turns[n:]})
