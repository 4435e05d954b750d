"""The twenty-fourth study's whole path through the CLI, as a new user runs it (``tests/data/twenty_fourth_study``):
import with the manifest and register as the team wrote them (revised once, as the import's advice asked),
anonymise with the default model, accept every proposal and sign off, then read the signed text against the study's
``expected.tsv``, search the project and its QDPX export with ``leakcheck``, and ask what carers say.

Files named after a person, a site or a town are given neutral ids on import, so the test reads each file's id
from the secure folder's ``sources.json``. The counts asserted are the ones this code reached, so a regression
fails."""

from __future__ import annotations

import json
from pathlib import Path

from anon_support import StudyLeakChecks, StudyPath, run_cli, study_path_fixture

STUDY = Path(__file__).parent / "data" / "twenty_fourth_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"

path = study_path_fixture(STUDY, CODEBOOK)


class TestStudyPath(StudyLeakChecks):
    STUDY = STUDY
    FILES = 8
    """Eight files in eight shapes, Word for the web's Transcribe among them (a paragraph `00:00:09 Speaker 2`
    above each turn)."""
    NOT_NAMES = r"(?i)(P\d|INTERVIEWER|FAC|Facilitator|Interpreter|Participant|DEAN|Speaker 2)"
    """Labels and roles the manifest writes as aliases so a file's labels find their speakers."""
    LEFT = sorted([
        ("Veteran carers interview FOL-P04 interpreted", "Guildhall"),
    ])
    """Must-go items this code leaves (1 of 134): see ``docs/benchmarks.md``, the twenty-fourth study's section."""
    MOST_REMOVED = 15
    """Must-stay items this code removes (of 75): see the same section."""
    KEPT = ("WAYMARK", "Friends, Families and Travellers", "Traveller Movement", "Royal British Legion",
            "TB Alert", "UKHSA", "Crisis", "Shelter", "Terrence Higgins Trust", "NHS app", "PrEP",
            "doxycycline", "rifampicin", "TB skin test", "chavvies", "gavvers", "kushti", "innit", "bruv",
            "Dashain", "Tigrinya", "Amazon", "Tesco", "Grindr")


_said = TestStudyPath.said


def test_word_transcribes_speakers_are_read(path: StudyPath) -> None:
    """The time and the speaker's name above each turn are no speech, and each turn is its speaker's."""
    text = path[2]["Sexual health clinic interview 21 Nov"]
    assert "00:00" not in text and "Speaker 2" not in text
    assert "for my PrEP" in text


def test_hospitals_said_as_letters_or_in_full_are_gone(path: StudyPath) -> None:
    """"the K and C", "the L and D" and a caption's "the l and d" were left in three files, and "Queen Elizabeth
    the Queen Mother" beside the removed "QEQM"; "A and E" stays."""
    signed = path[2]
    for stem, said in (("GMT20261126-101500_Recording.transcript", "K and C"),
                       ("Traveller mums FG Barrows Lane v2", "K and C"),
                       ("TB screening Bury Park (otter)", "L and D"), ("luton_outreach_captions", "l and d"),
                       ("Interview with Dean Cotter", "Queen Mother")):
        assert not _said(said, signed[stem]), (stem, said)
    assert _said("A and E", signed["School nursing huddle 02-12"])


def test_a_query_of_what_carers_say_finds_the_carer(path: StudyPath) -> None:
    """"What do carers say": a coded quote of the focus group's carer (P4) is found by the carers' filter."""
    project, secure, _ = path
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    tid = next(t for t, s in sources.items() if s["stem"] == "Traveller mums FG Barrows Lane v2")
    result = run_cli("code", "add", project, tid, "--quote", "she had her sugar done in the van", "--pt", "PT1",
                     "--coder", "ann")
    assert result.exit_code == 0, result.output
    result = run_cli("code", "list", project, "--role", "carer", "--json")
    assert result.exit_code == 0, result.output
    assert [(c["label"], c["role"]) for c in json.loads(result.stdout)] == [("EK-F04", "carer")]
