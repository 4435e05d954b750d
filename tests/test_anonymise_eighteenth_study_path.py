"""The eighteenth study's whole path through the CLI, as a new user runs it (``tests/data/eighteenth_study``):
import with the manifest and register as the team wrote them, anonymise with the default model, accept every
proposal and sign off, then read the signed text against the study's ``expected.tsv``.

The focus group's file is named after the town it met in ("Pulm rehab group Gorleston FINAL.txt") and the
interview after its interviewee: the import gives both neutral ids (``transcript-<n>``), so the test reads each
file's id from the secure folder's ``sources.json``, as a team finds it.
The counts asserted are the ones this code reached, so a regression fails."""

from __future__ import annotations

from pathlib import Path

from anon_support import StudyPathChecks, study_path_fixture

STUDY = Path(__file__).parent / "data" / "eighteenth_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"

path = study_path_fixture(STUDY, CODEBOOK)


class TestStudyPath(StudyPathChecks):
    STUDY = STUDY
    NOT_NAMES = r"(?i)(P\d|Interviewer|TB)"
    CURLY_AS_STRAIGHT = False
    LEFT = [("COPD interview GRA-P02 (otter)", "Kirsteen"), ("foodbank_volunteers_captions", "storm")]
    """Must-go items this code leaves: a Scottish given name said once, opening a sentence ("Kirsteen ran it, a
    physio"), and a child named by a word in lower-cased captions ("wee storm is helping her granny")."""
    MOST_REMOVED = 9
    """Must-stay items this code removes (of 71): see ``docs/benchmarks.md``, the eighteenth study's section."""
    KEPT = ("COPD", "Healthcare Improvement Scotland", "SAMH", "Asthma + Lung UK", "Change Grow Live",
            "Alcohol and Drugs Action", "Social Security Scotland", "Trelegy", "SKERRY")
