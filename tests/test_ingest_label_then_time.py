"""A bracketed time just after a speaker's label (``Name: [00:00:03] text``), as some editors' text exports write
each turn: the time is the turn's, never a word of its speech."""

from __future__ import annotations

import pytest

from cmo_coder.ingest import canonical, detect


def _read(text: str) -> list[tuple[str | None, float | None, str]]:
    parsed = detect.parse(text.encode(), "t.txt")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, t.start_time, canon.text[t.start:t.end]) for t in canon.turns]


def test_the_time_after_a_label_is_the_turns_time() -> None:
    text = ("Interviewer: [00:00:03] So tell me about the clinic.\n\n"
            "Anna Kowalski: [00:00:10] Well, my GP sent me.\n\nInterviewer: [00:00:15.5] And then?\n")
    assert _read(text) == [("Interviewer", 3.0, "So tell me about the clinic."),
                           ("Anna Kowalski", 10.0, "Well, my GP sent me."),
                           ("Interviewer", 15.5, "And then?")]


def test_a_label_and_its_time_alone_on_a_line_take_the_speech_below() -> None:
    text = "Interviewer: [00:00:03]\nSo tell me.\n\nAnna Kowalski: [00:01:10]\nWell.\n"
    assert _read(text) == [("Interviewer", 3.0, "So tell me."), ("Anna Kowalski", 70.0, "Well.")]


@pytest.mark.parametrize("said", ["[laughs] yes", "[10 mins] later", "[00:99] odd", "[unclear] 00:10"])
def test_a_bracket_that_is_no_time_stays_speech(said: str) -> None:
    text = f"Interviewer: So.\n\nAnna Kowalski: {said}\n\nInterviewer: ok\n"
    assert _read(text)[1] == ("Anna Kowalski", None, said)


def test_a_time_later_in_the_speech_stays_speech() -> None:
    text = "Interviewer: we met at [10:30] then\n\nAnna Kowalski: yes\n\nInterviewer: ok\n"
    assert _read(text)[0] == ("Interviewer", None, "we met at [10:30] then")


def test_one_bracketed_time_after_a_label_is_a_time_said() -> None:
    """A file that writes no turn's time so says the one it has: "[10:30] See you then" stays speech, as the twelfth
    study's noScribe page of one mark showed when every such time became a turn's time."""
    text = "Anna: [10:30] See you then, at the hub.\nBen: Grand.\nAnna: Bye now.\nBen: Bye.\n"
    said = [u.text for u in detect.parse(text.encode(), "t.txt").utterances]
    assert said[0] == "[10:30] See you then, at the hub."
