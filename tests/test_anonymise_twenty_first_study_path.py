"""The twenty-first study's whole path through the CLI, as a new user runs it (``tests/data/twenty_first_study``):
import with the manifest and register as the team wrote them (revised once, as the import advised), anonymise with
the default model, accept every proposal and sign off, then read the signed text against the study's
``expected.tsv``, and search the project and its QDPX export with ``leakcheck``.

Files named after a person or a town are given neutral ids on import, so the test reads each file's id from the
secure folder's ``sources.json``, as a team finds it. The counts asserted are the ones this code reached, so a
regression fails."""

from __future__ import annotations

from pathlib import Path

from anon_support import StudyLeakChecks, StudyPath, study_path_fixture

STUDY = Path(__file__).parent / "data" / "twenty_first_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"
SPEECHMATICS = "hcv_tayside_TAY-P03_speechmatics"

path = study_path_fixture(STUDY, CODEBOOK)


class TestStudyPath(StudyLeakChecks):
    STUDY = STUDY
    NOT_NAMES = r"(?i)(P\d|NR|MS|RS|S\d|Interviewer)"
    """Labels and roles the manifest writes as aliases so a file's labels find their speakers."""
    LEFT = sorted([
        ("GMT20260604-141000_Recording.transcript", "fourteenth of February"),
        ("Falls frailty Taunton SOM-S02 (otter)", "second of March"),
        ("HCV NSP outreach huddle 03-06", "ninth of May"),
        ("Interview with Ruaridh Stewart", "third of March"),
        ("Lorna Fraser PRI falls interview", "twelfth of January"),
        (SPEECHMATICS, "eleventh of June"),
        ("mens_group_dundee_captions", "michelin"),
    ])
    """Must-go items this code leaves (7 of 141): six dates said aloud (of a crisis, a fall, a release, a cure; no rule
    removes a date without a year, the privacy notes' decision) and a workplace said in captions ("the michelin")."""
    MOST_REMOVED = 18
    """Must-stay items this code removes (of 94): see ``docs/benchmarks.md``, the twenty-first study's section (a
    territorial board and a trust, grounds and landmarks, Bristolian "gert", Scots "ken" and "the Dee", the device
    "Alexa", a demonym)."""
    KEPT = ("AVTAY", "Hepatitis C Trust", "Sickle Cell Society", "Age UK", "Care Inspectorate",
            "Public Health Scotland", "Probation Service", "Samaritans", "Andy's Man Club", "Turning Point",
            "NHS England", "Epclusa", "Maviret", "hydroxycarbamide", "Espranor", "Buvidal", "WhatsApp", "TikTok",
            "Marcus Rashford", "Robins", "Gas", "scaffy", "peh", "Proper job", "Ark at ee", "Cheers drive")
    LEAKCHECK_QUIET = True

    def test_every_file_is_read_and_signed_off(self, path: StudyPath) -> None:
        """The Speechmatics JSON was refused before this study's round, and its voices, scoped by the id the import
        gave the file as its advice said ("S1@transcript-5"), stayed provisional."""
        super().test_every_file_is_read_and_signed_off(path)
        assert SPEECHMATICS in path[2]


_said = TestStudyPath.said


def test_no_word_of_a_street_is_left_beside_its_placeholder(path: StudyPath) -> None:
    """"on Filwood Broadway" left "Filwood" before this study's round; "at the Constitution Road bit" was left
    whole."""
    assert not _said("Filwood", path[2]["HCV NSP outreach huddle 03-06"])
    assert not _said("Constitution", path[2][SPEECHMATICS])


def test_a_teams_organisation_is_no_name(path: StudyPath) -> None:
    """"PRICE, Lorraine (Bristol Drugs Project)" made "Drugs" hers: "the Scottish Drugs Forum" lost it twice."""
    assert _said("Scottish Drugs Forum", path[2]["Interview with Ruaridh Stewart"]) == 1
    assert _said("Scottish Drugs Forum", path[2][SPEECHMATICS]) == 1
