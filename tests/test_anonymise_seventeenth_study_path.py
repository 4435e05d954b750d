"""The seventeenth study's whole path through the CLI, as a new user runs it (``tests/data/seventeenth_study``):
import with the manifest and register as the team wrote them, anonymise with the default model, accept every
proposal and sign off, then read the signed text against the study's ``expected.tsv``.

The one change a user makes on the way is the one sign-off asks for: Word's Transcribe file is named after its town
("Newcastle physio interview (Transcribed).docx"), and sign-off refuses a transcript whose id holds a surface the
review removed, advising to import it under another name; the test imports it as "SOT-P03 (Transcribed).docx" and
scopes the manifest's aliases to that name. The counts asserted are the ones this code reached, so a regression
fails: nothing registered left, at most one must-go item left ("The Heights", a leisure centre said once), and at
most seven must-stay items removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from anon_support import StudyPath, StudyPathChecks, run_study_path, signed_text

from cmo_coder.ingest.importer import safe_stem
from cmo_coder.store import Project

STUDY = Path(__file__).parent / "data" / "seventeenth_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"

# the files' names hold a city and a town, which the import now turns to transcript-<n>; the path is read by id
RENAMED = {"Newcastle physio interview (Transcribed)": "SOT-P03 (Transcribed)",
           "Long covid group Cowes FINAL": "Long covid group IOW-G01 FINAL"}


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> StudyPath:
    """The project, its secure folder and transcript id → signed-off text, after the whole CLI path."""
    root = tmp_path_factory.mktemp("seventeenth")
    files = root / "transcripts"
    files.mkdir()
    for f in sorted((STUDY / "transcripts").iterdir()):
        shutil.copy(f, files / (RENAMED.get(f.stem, f.stem) + f.suffix))
    manifest = root / "participants.csv"
    text = (STUDY / "secure" / "participants.csv").read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        text = text.replace(f"@{old}", f"@{new}")
    manifest.write_text(text, encoding="utf-8")
    project, secure, ids = run_study_path(root, sorted(files.iterdir()), manifest,
                                          STUDY / "secure" / "register.csv", CODEBOOK, no_provisional=True)
    return project, secure, {t: signed_text(Project.open(project), t) for t in ids}


class TestStudyPath(StudyPathChecks):
    STUDY = STUDY
    NOT_NAMES = r"(?i)(P\d|Speaker \d|I|P|Interviewer|LF)"
    CURLY_AS_STRAIGHT = False
    LEFT = [("Long covid group Cowes FINAL", "The Heights")]
    MOST_REMOVED = 7
    KEPT = ("Long Covid SOS", "Michelin", "Urdu", "ivabradine", "Stroke Association", "caulkhead", "KILN")

    @classmethod
    def signed_for(cls, signed: dict[str, str], transcript: str) -> str:
        return signed[safe_stem(RENAMED.get(transcript, transcript))]
