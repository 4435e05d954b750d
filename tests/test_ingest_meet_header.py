"""Google Meet's transcript as Google Docs downloads it: its header (title, attendees, "Transcript") is the file's
header, not a turn of an unknown speaker; the attendees are the file's speakers."""

from __future__ import annotations

import pytest

from cmo_coder.ingest import plain
from cmo_coder.ingest.meet_header import meet_header

STUDY = ("\ufeffHospice at home team (2026-05-13 13:02 GMT+1) - Transcript\r\nAttendees\r\n"
         "Hamish Ure, Ishbel Cowan, Morag Dalgleish\r\nTranscript\r\n00:00:00\r\n\r\n"
         "Morag Dalgleish: Right, shall we start?\r\nHamish Ure: Aye.\r\n00:05:00\r\nIshbel Cowan: I saw them.\r\n")


def test_the_header_is_no_turn_and_its_times_are_kept() -> None:
    utts = plain.read(STUDY, "meet.txt")
    assert [u.speaker for u in utts] == ["Morag Dalgleish", "Hamish Ure", "Ishbel Cowan"]
    assert not any("Attendees" in u.text or "Transcript" in u.text for u in utts)
    assert utts[0].start_time == 0.0 and utts[2].start_time == 300.0


@pytest.mark.parametrize(("text", "names"), [
    (STUDY, ["Hamish Ure", "Ishbel Cowan", "Morag Dalgleish"]),
    # held back: shapes written before the reader
    ("Weekly MDT - Transcript\nAttendees\nAmy Lo, Ben Craig\nTranscript\n00:00:00\nAmy Lo: Hi.\n",
     ["Amy Lo", "Ben Craig"]),
    ("Team catch-up (2025-01-07 10:00 GMT) – Transcript\n\nAttendees\n\nAnn Bell, Tom O'Neill,\nSiân Pryce\n\n"
     "Transcript\n\nAnn Bell: Morning.\n", ["Ann Bell", "Tom O'Neill", "Siân Pryce"]),
    ("Review — Transcript\nAttendees\nJo\nTranscript\nJo: Just me today.\n", ["Jo"]),
])
def test_meets_header_is_found_with_its_attendees(text: str, names: list[str]) -> None:
    found = meet_header(text.split("\n"))
    assert found is not None and found[1] == names


@pytest.mark.parametrize("text", [
    # the other way: files that only look like it
    "Interview - Transcript\nI: Hello.\nR: Hi.\n",
    "Attendees\nAmy Lo, Ben Craig\nTranscript\nAmy Lo: Hi.\n",
    "Focus group - Transcript\nAttendees\nP1, P2 and 3 others (see sheet 2)\nTranscript\nP1: Hi.\n",
    "Focus group - Transcript\nAttendees\nAmy Lo, Ben Craig\nAmy Lo: Hi, shall we start?\nBen Craig: Yes.\n",
])
def test_other_files_are_no_meet_header(text: str) -> None:
    assert meet_header(text.split("\n")) is None


def test_meets_notice_under_the_header_is_the_headers() -> None:
    text = ("Clinic huddle - Transcript\nAttendees\nAmy Lo, Ben Craig\nTranscript\nThis editable transcript was "
            "computer generated and might contain errors.\n00:00:00\nAmy Lo: Hi.\nBen Craig: Hello.\n")
    utts = plain.read(text, "huddle.txt")
    assert [u.speaker for u in utts] == ["Amy Lo", "Ben Craig"]


def test_an_attendee_who_speaks_once_is_a_speaker() -> None:
    text = ("Clinic huddle - Transcript\nAttendees\nDr Ravi Menon, Kath Lowe\nTranscript\n00:00:00\n"
            "Kath Lowe: Morning all, the list is long today and the phones are off.\nDr Ravi Menon: Fine.\n")
    assert [u.speaker for u in plain.read(text, "huddle.txt")] == ["Kath Lowe", "Dr Ravi Menon"]
