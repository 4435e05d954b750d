"""A time alone on a line at a turn's end is speech, unless the file writes times between its turns.

A PDF's wrapped lines put "10:30" on a line of its own before the next speaker's label, and the reader took it for
Google Meet's time line between turns: the speech lost its time. Meet writes such a line between turns throughout,
or at least above the first turn; one alone at a turn's end is a line that happened to break there.
"""

from __future__ import annotations

from cmo_coder.ingest import detect


def _said(text: str) -> list[tuple[str | None, str]]:
    return [(u.speaker, u.text) for u in detect.parse(text.encode(), "t.txt").utterances]


def test_one_time_alone_at_a_turns_end_stays_speech() -> None:
    text = "Ann Lowe: We met at the clinic at\n10:30\nTom Reid: And then?\nAnn Lowe: Home.\nTom Reid: Right.\n"
    assert _said(text)[0] == ("Ann Lowe", "We met at the clinic at 10:30")


def test_meets_times_between_turns_are_still_taken_out() -> None:
    text = ("00:00:00\n\nAnn Lowe: Hello.\nTom Reid: Hi.\n00:05:00\n\nAnn Lowe: Later on.\nTom Reid: Yes.\n")
    said = _said(text)
    assert not any("00:0" in s for _, s in said), said


def test_one_time_above_the_first_turn_is_meets() -> None:
    said = _said("Transcript\n00:00:00\n\nAnn Lowe: Hello.\nTom Reid: Hi.\nAnn Lowe: Bye.\n")
    assert not any("00:00:00" in s for _, s in said), said
