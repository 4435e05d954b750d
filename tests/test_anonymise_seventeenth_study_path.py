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
from anon_support import assert_study_lists_whole, registered_left, run_study_path, said_count, signed_text, study_rows

from cmo_coder.ingest.importer import safe_stem
from cmo_coder.store import Project

STUDY = Path(__file__).parent / "data" / "seventeenth_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"
# the files' names hold a city and a town, which the import now turns to transcript-<n>; the path is read by id
RENAMED = {"Newcastle physio interview (Transcribed)": "SOT-P03 (Transcribed)",
           "Long covid group Cowes FINAL": "Long covid group IOW-G01 FINAL"}


def _said(surface: str, text: str) -> int:
    return said_count(surface, text)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Transcript id → signed-off text, after the whole CLI path."""
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
    project, _, ids = run_study_path(root, sorted(files.iterdir()), manifest, STUDY / "secure" / "register.csv",
                                     CODEBOOK, no_provisional=True)
    return {t: signed_text(Project.open(project), t) for t in ids}


def _rows() -> list[dict[str, str]]:
    return study_rows(STUDY)


def test_the_studys_lists_are_whole() -> None:
    assert_study_lists_whole(STUDY, sized=False)


def test_every_file_is_read_and_signed_off(signed: dict[str, str]) -> None:
    assert len(signed) == 8


def test_nothing_registered_is_left(signed: dict[str, str]) -> None:
    assert registered_left(STUDY, signed, r"(?i)(P\d|Speaker \d|I|P|Interviewer|LF)") == []


def test_the_golds_must_go_items_are_gone(signed: dict[str, str]) -> None:
    left = [(r["transcript"], r["surface"]) for r in _rows() if r["must"] == "go"
            and _said(r["surface"], signed[safe_stem(RENAMED.get(r["transcript"], r["transcript"]))])]
    assert left == [("Long covid group Cowes FINAL", "The Heights")]


def test_must_stay_words_removed_do_not_grow(signed: dict[str, str]) -> None:
    removed = [(r["transcript"], r["surface"]) for r in _rows() if r["must"] == "stay"
               and not _said(r["surface"], signed[safe_stem(RENAMED.get(r["transcript"], r["transcript"]))])]
    assert len(removed) <= 7, removed
    for kept in ("Long Covid SOS", "Michelin", "Urdu", "ivabradine", "Stroke Association", "caulkhead", "KILN"):
        assert any(_said(kept, text) for text in signed.values()), kept
