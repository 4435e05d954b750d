"""A line of speech that opens with a hash is no Markdown heading when it names nobody or follows a speaker's label.

A Happy Scribe transcript whose speech said "# 0" twice was read as a Markdown file with a speaker "0": the
real speakers' header lines became speech of nobody, and the turns were lost. A heading names a speaker only
if it holds a letter and does not stand where another format's label has just given the speech its speaker.
"""

from __future__ import annotations

import pytest

from cmo_coder.ingest import detect
from cmo_coder.model import SourceFormat


def _turns(text: str) -> tuple[SourceFormat, list[tuple[str | None, str]]]:
    parsed = detect.parse(text.encode(), "t.txt")
    return parsed.format, [(u.speaker, u.text) for u in parsed.utterances]


@pytest.mark.parametrize("said", ["# 0", "# A", "# a b", "## Jo"])
def test_happy_scribe_speech_opening_with_a_hash_stays_speech(said: str) -> None:
    text = "".join(f"[00:00:0{i}.00] - {name}\n{words}\n\n" for i, (name, words) in enumerate(
        [("Niamh Wall", said), ("Tomás Breen", "Right."), ("Niamh Wall", said), ("Tomás Breen", "Aye.")]))
    fmt, turns = _turns(text)
    assert fmt is not SourceFormat.plain_md
    assert [who for who, _ in turns] == ["Niamh Wall", "Tomás Breen", "Niamh Wall", "Tomás Breen"]
    assert turns[0][1] == said and turns[2][1] == said


def test_a_bare_labels_speech_opening_with_a_hash_stays_speech() -> None:
    text = "Jo:\n# A\n\nSam:\nYes.\n\nJo:\n# A\n\nSam:\nNo.\n"
    fmt, turns = _turns(text)
    assert fmt is not SourceFormat.plain_md
    assert [who for who, _ in turns] == ["Jo", "Sam", "Jo", "Sam"], turns


def test_a_number_heading_twice_names_no_speaker() -> None:
    text = "Jo: We counted.\n# 1\nSam: And then?\n# 1\nJo: Done.\nSam: Good.\n"
    fmt, turns = _turns(text)
    assert fmt is not SourceFormat.plain_md
    assert {who for who, _ in turns} == {"Jo", "Sam"}


def test_headings_as_speakers_are_still_read() -> None:
    text = ("# Interview 4\n\n### Morwenna\nWe went down the harbour.\n\n### Jago\nDreckly.\n\n"
            "### Morwenna\nProper job.\n")
    fmt, turns = _turns(text)
    assert fmt is SourceFormat.plain_md
    assert [who for who, _ in turns if who] == ["Morwenna", "Jago", "Morwenna"]
    assert any("Interview 4" in said for _, said in turns)  # a title stays text, never dropped
