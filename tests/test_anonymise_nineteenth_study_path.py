"""The nineteenth study's whole path through the CLI, as a new user runs it (``tests/data/nineteenth_study``):
import with the manifest and register as the team wrote them, anonymise with the default model, accept every
proposal and sign off, then read the signed text against the study's ``expected.tsv``, and search the project
and its QDPX export with ``leakcheck``.

Files named after a person or a town are given neutral ids (``transcript-<n>``) on import, so the test reads each
file's id from the secure folder's ``sources.json``, as a team finds it. A curly apostrophe in the signed text
("Alzheimer’s Society", as the RTF writes it) is read as a straight one when the gold is counted.
The counts asserted are the ones this code reached, so a regression fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from anon_support import StudyLeakChecks, StudyPath, run_cli, study_path_fixture

STUDY = Path(__file__).parent / "data" / "nineteenth_study"
CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"

path = study_path_fixture(STUDY, CODEBOOK)


class TestStudyPath(StudyLeakChecks):
    STUDY = STUDY
    NOT_NAMES = r"(?i)(P\d|INTERVIEWER|RESPONDENT|Interviewer|CM|Speaker \d)"
    LEFT = sorted([
        ("Interview with Gareth Tudor", "Tiny"),
        ("NI-C01 carer interview (transcriber)", "the Ulster"),
        ("outreach_van_captions", "falls"), ("outreach_van_captions", "mater"), ("outreach_van_captions", "new lodge"),
        ("outreach_van_captions", "ninth of april"), ("outreach_van_captions", "sparrow"),
        ("stroke_interview_NI-P02_rev", "sixth of January"),
    ])
    """Must-go items this code leaves: see ``docs/benchmarks.md``, the nineteenth study's section."""
    MOST_REMOVED = 15
    """Must-stay items this code removes (of 92): the territorial boards and trusts (seven, removed as `[trust
    name]` by the privacy notes' decision), two clubs, a ground, a university, two services and a transcription
    company."""
    KEPT = ("LLINYN", "Public Health Wales", "Welsh Government", "Stroke Association", "Shelter Cymru",
            "Alcoholics Anonymous", "Mind Cymru", "Department of Health", "Dementia NI", "Carers NI", "Aware NI",
            "clopidogrel", "Buvidal")


def test_leakcheck_warns_of_no_word_nobody_can_act_on(path: StudyPath) -> None:
    """The study's own label ("LLINYN", six times: "sounds like Lian", a short form made of a registered
    Gwenllian), "on the fridge" (Fergie, made of a registered Fergal) and the charity Cruse (Carys) were the leak
    check's only warnings on this study, and no reviewer could act on any of them."""
    project, secure, _ = path
    result = run_cli("leakcheck", project, "--secure", secure)
    assert result.exit_code == 0, result.output
    assert "sound like a registered name" not in result.stderr, result.stderr


@pytest.mark.parametrize("planted", ["Gwenllian", "gwenllian", "GWENLLIAN PARRY", "Fergal McLaughlin"])
def test_a_planted_registered_name_still_fails_everywhere(path: StudyPath, tmp_path: Path,
                                                          planted: str) -> None:
    """However the sound-alike warnings are read, a registered name planted in the project, its QDPX or a report
    folder, in any casing, is a leak: exit status 1, and its place named."""
    import zipfile

    project, secure, _ = path
    copy = tmp_path / "study"
    shutil.copytree(project, copy)
    out = tmp_path / "study.qdpx"
    assert run_cli("export", copy, "--qdpx", out).exit_code == 0
    clean = run_cli("leakcheck", copy, "--secure", secure, out)
    assert clean.exit_code == 0, clean.output
    # a QDPX one of whose sources a coder edited by hand
    planted_qdpx = tmp_path / "planted.qdpx"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(planted_qdpx, "w") as dst:
        edited = False
        for info in src.infolist():
            data = src.read(info)
            if not edited and info.filename.endswith(".txt"):
                data, edited = f"Met {planted} today. ".encode() + data, True
            dst.writestr(info, data)
    assert edited
    result = run_cli("leakcheck", copy, "--secure", secure, planted_qdpx)
    assert result.exit_code == 1 and planted in result.output, result.output
    # a report folder
    report = tmp_path / "report"
    report.mkdir()
    (report / "index.html").write_text(f"<p>The carer said {planted} was there.</p>", encoding="utf-8")
    result = run_cli("leakcheck", copy, "--secure", secure, report)
    assert result.exit_code == 1 and planted in result.output, result.output
    # the project itself: a memo a coder wrote
    (copy / "memo.txt").write_text(f"Follow up with {planted} next week.\n", encoding="utf-8")
    result = run_cli("leakcheck", copy, "--secure", secure)
    assert result.exit_code == 1 and planted in result.output, result.output
