"""A short line of speech ending in a time, said twice in an Otter file ("well so so 10:30"), recurred as a
one-space header would, was vouched for as one, and emptied the turns it was said in: their speaker's header was
left as a label with no speech and the words were lost. A speaker's headers recur at different times."""
from __future__ import annotations

from cmo_coder.ingest import detect
from cmo_coder.ingest.otter import recurring_names

OTTER = ("Anna Kowalski  0:03\nSo when do we meet?\n\nBen Okafor  0:09\nwell so so 10:30\n\n"
         "Anna Kowalski  0:15\nRight, and the week after?\n\nBen Okafor  0:20\nwell so so 10:30\n\n"
         "Anna Kowalski  0:25\nGood, thanks.\n")


def test_speech_said_twice_at_one_time_is_no_header() -> None:
    assert recurring_names(["well so so 10:30", "Hi", "well so so 10:30"]) == set()


def test_a_speakers_one_space_headers_at_two_times_are_headers() -> None:
    assert recurring_names(["Speaker 1 00:00:03", "hello", "Speaker 1 00:00:09", "bye"]) == {"speaker 1"}


def test_the_speech_is_kept_with_its_speaker() -> None:
    said = [(u.speaker, u.text) for u in detect.parse(OTTER.encode(), "meeting.txt").utterances]
    assert said.count(("Ben Okafor", "well so so 10:30")) == 2
    assert all(text.strip() for _, text in said)
