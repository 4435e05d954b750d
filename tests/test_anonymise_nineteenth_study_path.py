"""The nineteenth study's whole path through the CLI, as a new user runs it (``tests/data/nineteenth_study``):
import with the manifest and register as the team wrote them, anonymise with the default model, accept every
proposal and sign off, then read the signed text against the study's ``expected.tsv``, and search the project
and its QDPX export with ``leakcheck``.

Files named after a person or a town are given neutral ids (``transcript-<n>``) on import, so the test reads each
file's id from the secure folder's ``sources.json``, as a team finds it. A curly apostrophe in the signed text
("Alzheimer’s Society", as the RTF writes it) is read as a straight one when the gold is counted.
The counts asserted are the ones this code reached, so a regression fails."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from anon_support import registered_left, run_cli, said_count, signed_text, study_rows

from cmo_coder.store import Project

STUDY = Path(__file__).parent / "data" / "nineteenth_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"


def _said(surface: str, text: str) -> int:
    return said_count(surface, text.replace("’", "'"))


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """The project, its secure folder and file stem → signed-off text, after the whole CLI path."""
    root = tmp_path_factory.mktemp("nineteenth")
    files = root / "transcripts"
    files.mkdir()
    for f in sorted((STUDY / "transcripts").iterdir()):
        shutil.copy(f, files / f.name)
    manifest = STUDY / "secure" / "participants.csv"
    project, secure, register = root / "study", root / "secure", STUDY / "secure" / "register.csv"
    steps = [
        ("init", project, "--codebook", CODEBOOK),
        ("import", project, *sorted(files.iterdir()), "--secure", secure, "--manifest", manifest,
         "--register", register, "--infer-speakers"),
        ("anonymise", project, "--secure", secure, "--register", register),
        ("review", project, "--secure", secure, "--accept-all", "--sign-off"),
    ]
    for step in steps:
        result = run_cli(*step)
        assert result.exit_code == 0, (step[0], result.output)
    p = Project.open(project)
    try:
        ids = p.transcript_ids()
        assert all(p.transcript_status(t) == "signed_off" for t in ids)
    finally:
        p.close()
    sources = json.loads((secure / "sources.json").read_text(encoding="utf-8"))
    return project, secure, {sources[t]["stem"]: signed_text(Project.open(project), t) for t in ids}


def _rows() -> list[dict[str, str]]:
    return study_rows(STUDY)


def test_the_studys_lists_are_whole() -> None:
    rows = _rows()
    assert {r["must"] for r in rows} == {"go", "stay"}
    assert {r["transcript"] for r in rows} == {p.stem for p in (STUDY / "transcripts").iterdir()}
    assert len(list(csv.DictReader((STUDY / "heldout.tsv").open(encoding="utf-8"), delimiter="\t"))) >= 12


def test_every_file_is_read_and_signed_off(path: tuple[Path, Path, dict[str, str]]) -> None:
    assert len(path[2]) == 8


def test_nothing_registered_is_left(path: tuple[Path, Path, dict[str, str]]) -> None:
    assert registered_left(STUDY, path[2], r"(?i)(P\d|INTERVIEWER|RESPONDENT|Interviewer|CM|Speaker \d)") == []


def test_the_golds_must_go_items_are_gone(path: tuple[Path, Path, dict[str, str]]) -> None:
    left = sorted((r["transcript"], r["surface"]) for r in _rows()
                  if r["must"] == "go" and _said(r["surface"], path[2][r["transcript"]]))
    assert left == LEFT


def test_must_stay_words_removed_do_not_grow(path: tuple[Path, Path, dict[str, str]]) -> None:
    removed = [(r["transcript"], r["surface"]) for r in _rows()
               if r["must"] == "stay" and not _said(r["surface"], path[2][r["transcript"]])]
    assert len(removed) <= MOST_REMOVED, removed
    for kept in ("LLINYN", "Public Health Wales", "Welsh Government", "Stroke Association", "Shelter Cymru",
                 "Alcoholics Anonymous", "Mind Cymru", "Department of Health", "Dementia NI", "Carers NI",
                 "Aware NI", "clopidogrel", "Buvidal"):
        assert any(_said(kept, text) for text in path[2].values()), kept


def test_leakcheck_finds_nothing_in_the_project_or_its_export(
        path: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    project, secure, _ = path
    out = tmp_path / "study.qdpx"
    result = run_cli("export", project, "--qdpx", out)
    assert result.exit_code == 0, result.output
    result = run_cli("leakcheck", project, "--secure", secure, out)
    assert result.exit_code == 0, result.output


LEFT = sorted([
    ("Interview with Gareth Tudor", "Queen Street"), ("Interview with Gareth Tudor", "Tiny"),
    ("NI-C01 carer interview (transcriber)", "the Ulster"),
    ("outreach_van_captions", "falls"), ("outreach_van_captions", "mater"), ("outreach_van_captions", "new lodge"),
    ("outreach_van_captions", "ninth of april"), ("outreach_van_captions", "sparrow"),
    ("stroke_interview_NI-P02_rev", "sixth of January"),
])
"""Must-go items this code leaves: see ``docs/benchmarks.md``, the nineteenth study's section."""
MOST_REMOVED = 15
"""Must-stay items this code removes (of 92): the territorial boards and trusts (seven, removed as `[trust name]`
by the privacy notes' decision), two clubs, a ground, a university, two services and a transcription company."""
