"""Focus groups as teams type them up: a line said by the group (``ALL:``, ``Group:``, ``[All]``), by two members
together (``P2 & P4:``, ``Mary and Jo:``) or by a voice nobody knew (``?:``, ``Female voice:``) is a turn of its
own, never joined to the turn before, and a label said once in lower case or misspelt is still a speaker
(:mod:`cmo_coder.ingest.group_speakers`). The cases are ``tests/data/focus_group_lines``: ``tuning/`` was written
against, ``heldout/`` was written with it, before any rule, and never tuned on."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from cmo_coder.ingest.source import read_source

DATA = Path(__file__).resolve().parent / "data" / "focus_group_lines"
CASES = sorted(p for p in DATA.glob("*/*") if p.suffix != ".turns" and p.name != "README.md")


def _expected(path: Path) -> list[tuple[str | None, str]]:
    rows = [line.split("\t", 1) for line in Path(f"{path}.turns").read_text(encoding="utf-8").splitlines()]
    return [(None if who == "-" else who, start) for who, start in rows]


def _turns(data: bytes, name: str) -> list[tuple[str | None, str]]:
    canon = read_source(data, name).canon
    return [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]


def _check(got: list[tuple[str | None, str]], want: list[tuple[str | None, str]]) -> None:
    assert [(who, text[:len(start)]) for (who, text), (_, start) in zip(got, want, strict=False)] == want
    assert len(got) == len(want)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_group_joint_and_unknown_line_is_a_turn_of_its_own(path: Path) -> None:
    _check(_turns(path.read_bytes(), path.name), _expected(path))


def _plain_cases() -> list[Path]:
    return [p for p in CASES if p.suffix == ".txt" and not p.name.startswith("otter")]


@pytest.mark.parametrize("path", _plain_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_same_lines_in_word_paragraphs(path: Path, tmp_path: Path) -> None:
    doc = Document()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc.add_paragraph(line)
    doc.save(tmp_path / "g.docx")
    _check(_turns((tmp_path / "g.docx").read_bytes(), "g.docx"), _expected(path))


@pytest.mark.parametrize("path", _plain_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_same_lines_in_a_word_table(path: Path, tmp_path: Path) -> None:
    """A transcription service's table: the speaker column says who, so a group's row is the group's turn."""
    want = [(who, start) for who, start in _expected(path) if who is not None]
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Speaker", "Text"
    canon = read_source(path.read_bytes(), path.name).canon
    for t in canon.turns:
        if t.speaker_name is None:
            continue
        row = table.add_row()
        row.cells[0].text, row.cells[1].text = t.speaker_name, canon.text[t.start:t.end]
    doc.save(tmp_path / "t.docx")
    _check(_turns((tmp_path / "t.docx").read_bytes(), "t.docx"), want)


def test_two_capitalised_words_joined_are_members_only_where_each_speaks() -> None:
    """"Mary and Jo:" beside "Mary Dunne:" and "Jo Kirwan:" is the pair; "Aims and Objectives:" above an interview is
    no speaker the manifest would have to cover, and stays text."""
    text = (b"Aims and Objectives: to learn what helped\n\nInterviewer: Hello.\n\nRespondent: Hi.\n\n"
            b"Interviewer: So.\n\nRespondent: Yes.\n")
    assert _turns(text, "a.txt")[0] == (None, "Aims and Objectives: to learn what helped")
    pair = b"Mary Dunne: Yes.\n\nJo Kirwan: No.\n\nMary and Jo: Maybe!\n\nFacilitator: Thanks.\n"
    assert ("Mary and Jo", "Maybe!") in _turns(pair, "p.txt")


@pytest.mark.parametrize(("text", "want"), [
    ("Speaker 1: OK, so this is Tom.\nSpeaker 2: Hi.\nSpeaker 1: Lovely.\n", ["Speaker 1", "Speaker 2", "Speaker 1"]),
    ("P1: Yes.\nP2: No.\nP1: Maybe.\nP2: Right.\nP1: So.\n", ["P1", "P2", "P1", "P2", "P1"]),
    ("Interviewer 1: Hello.\nInterviewer 2: Hi.\nInterviewer 1: So.\n",
     ["Interviewer 1", "Interviewer 2", "Interviewer 1"]),
])
def test_a_numbered_label_said_once_is_another_speaker_not_a_typo(text: str, want: list[str]) -> None:
    """A role's misspelling said once is the role ("Facilitaor:"); a label one digit from another is another
    person's number ("Speaker 2" beside "Speaker 1" said twice), never a typo of it."""
    assert [who for who, _ in _turns(text.encode(), "t.txt")] == want
