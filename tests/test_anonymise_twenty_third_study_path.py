"""The twenty-third study's whole path through the CLI, as a new user runs it (``tests/data/twenty_third_study``):
import with the manifest and register as the team wrote them (revised once, as the import's advice asked),
anonymise with the default model, accept every proposal and sign off, then read the signed text against the
study's ``expected.tsv``, search the project and its QDPX export with ``leakcheck``, and ask what carers say.

Files named after a person or a town are given neutral ids on import, so the test reads each file's id from the
secure folder's ``sources.json``. The counts asserted are the ones this code reached, so a regression fails."""

from __future__ import annotations

import json
import re
from pathlib import Path

from anon_support import StudyLeakChecks, StudyPath, run_cli, said_count, study_path_fixture

STUDY = Path(__file__).parent / "data" / "twenty_third_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"

path = study_path_fixture(STUDY, CODEBOOK)


class TestStudyPath(StudyLeakChecks):
    STUDY = STUDY
    FILES = 8
    """Eight files in seven formats, the f4transkript RTF among them."""
    NOT_NAMES = r"(?i)(P\d|TH|RO|GP|I|B|SUPPORTER|RESEARCHER)"
    """Labels, initials and roles the manifest writes as aliases so a file's labels find their speakers."""
    LEFT = sorted([
        ("GMT20260611-093000_Recording.transcript", "Intake"),
        ("GMT20260611-093000_Recording.transcript", "Storm"),
        ("Annual health check Hereford HER-P09 typed by support worker", "County"),
        ("OH huddle Scunthorpe works 14-05", "twenty-eighth of May"),
        ("fish_docks_oh_captions", "storm"), ("fish_docks_oh_captions", "west marsh"),
    ])
    """Must-go items this code leaves (6 of 149): see ``docs/benchmarks.md``, the twenty-third study's section."""
    MOST_REMOVED = 9
    """Must-stay items this code removes (of 77): FEV1, RIDDOR, the Iron (twice), the Mariners, Gamban (the model's
    lone proposals), Wye Valley NHS Trust, and the Wrekin and the Shropshire, Telford and Wrekin ICB (a site's name,
    by the privacy notes' decision)."""
    KEPT = ("TALVEX", "GambleAware", "GamCare", "Gamblers Anonymous", "Long Covid Support", "Mencap",
            "Men's Sheds Association", "Fishermen's Mission", "Citizens Advice", "Health and Safety Executive",
            "Social Prescribing Network", "NHS 111", "Jobcentre", "spirometry", "naltrexone", "amitriptyline",
            "lateral flow", "Bet365", "Rovers", "Shrews", "Bulls", "Old Market Hall", "Quarry", "parkrun",
            "nowt", "owt", "summat", "mardy", "Ow bist", "cob", "our lass", "me mam")

    @classmethod
    def said(cls, surface: str, text: str) -> int:
        """How often ``surface`` is said, placeholders left out ("[GP's name]" holds no "GP" said)."""
        return said_count(surface, re.sub(r"\[[^\]\n]*\]", " ", text.replace("’", "'")))


_said = TestStudyPath.said


def test_no_word_is_cut_and_no_kept_abbreviation_goes_as_a_name(path: StudyPath) -> None:
    """"he won't" lost "he wo" as a registered surname's familiar form ("[name removed]n't"); "my GP" went as the
    link worker's initials; "works" and "oh" were forms of a nurse's name from her display name's "(Works OH)"."""
    signed = path[2]
    for text in signed.values():
        assert "]n't" not in text
    assert _said("GP", signed["GMT20260611-093000_Recording.transcript"]) == 1
    assert _said("GP", signed["Gambling harm Grimsby GRM-P04 (otter)"]) == 1
    assert _said("works", signed["OH huddle Scunthorpe works 14-05"]) == 3
    assert _said("Oh", signed["carer_SHR-C01_f4transkript"]) == 1


def test_the_typists_word_file_is_read_turn_by_turn(path: StudyPath) -> None:
    """Bold initials before a tab with no colon: read before as one turn of the header's "Interviewer"."""
    project, secure, _ = path
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    tid = next(t for t, s in sources.items() if s["stem"] == "Interview with Gethin Pryce")
    result = run_cli("show", project, tid, "--json")
    assert result.exit_code == 0, result.output
    turns = json.loads(result.stdout)["turns"]
    assert len([t for t in turns if t.get("speaker") in ("F2", "TEL-S03")]) >= 12


def test_a_query_of_what_carers_say_finds_the_farming_carer(path: StudyPath) -> None:
    project, secure, _ = path
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    tid = next(t for t, s in sources.items() if s["stem"] == "carer_SHR-C01_f4transkript")
    result = run_cli("code", "add", project, tid, "--quote", "Oh, I don't go. I don't.", "--pt", "PT1",
                     "--coder", "ann")
    assert result.exit_code == 0, result.output
    result = run_cli("code", "list", project, "--role", "carer", "--json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [(c["label"], c["role"]) for c in listed] == [("SHR-C01", "carer")], listed
