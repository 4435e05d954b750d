"""A decisions sheet read after some of its transcripts were signed off: the signed-off transcripts' occurrence
rows are not read, with a warning naming each transcript and why; every other row is read, and a row that names
an occurrence found nowhere is still refused with nothing saved."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.models import Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.sheet import COLUMNS, read_sheet
from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
SAID = "I will say this, the midwife was lovely and I will always remember her."


def _study(root: Path) -> tuple[Path, Path]:
    key = [KeyEntry(label="P1", name="Will Tarrant", role="service_user", site="A")]
    project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
    sf = secure_folder(root, key)
    for tid in ("t1", "t2"):
        add_pending(project, sf, tid, [("P1", "Will Tarrant", SAID + (" Thanks." if tid == "t1" else ""))])
    project.close()
    return root / "study", sf.path


def _filled(sheet: Path, decision: str) -> None:
    rows = list(csv.reader(sheet.open(encoding="utf-8")))
    col = rows[0].index("decision")
    for row in rows[1:]:
        if row[0]:  # an occurrence row
            row[col] = decision
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    sheet.write_text(buf.getvalue(), encoding="utf-8")


def test_a_sheet_read_after_a_sign_off_skips_that_transcripts_rows_and_says_why(tmp_path: Path) -> None:
    study, secure = _study(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["anonymise", str(study), "--secure", str(secure)]).exit_code == 0
    sheet = tmp_path / "decisions.csv"
    r = runner.invoke(cli, ["review", str(study), "--secure", str(secure), "--export-decisions", str(sheet)])
    assert r.exit_code == 0, r.output
    _filled(sheet, "keep")
    ids = [row[0] for row in csv.reader(sheet.open(encoding="utf-8")) if row[0].startswith("red-")]
    assert len(ids) == 4  # two "will" in each transcript
    r = runner.invoke(cli, ["review", str(study), "--secure", str(secure), "--accept-all", "--sign-off", "t1"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["review", str(study), "--secure", str(secure), "--decisions", str(sheet), "--sign-off"])
    assert r.exit_code == 0, r.output
    assert "t1 is signed off: its 2 occurrence row(s) in decisions.csv were not read" in r.output
    assert "2 decision(s) read" in r.output
    project = Project.open(study)
    try:
        assert project.transcript("t2").text == SAID  # the sheet's "keep" was read for the transcript under review
        assert "I will say" not in project.transcript("t1").text  # accepted at its own sign-off, untouched
    finally:
        project.close()


SET = ProposalSet(transcript_id="t2", source_sha256="x", model=None, caseless=False, numbered=False, proposals=[
    Proposal(id="red-0000000002", start=2, end=6, surface="will", category="person", layers=["register"],
             score=0.5, reason="r", placeholder="[name removed]", per_occurrence=True),
])


def _sheet(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "decisions.csv"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([COLUMNS, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def _row(pid: str, tid: str) -> list[str]:
    return [pid, tid, "will", "1", "person", "[name removed]", "yes", "keep", "I will say"]


def test_only_rows_of_a_signed_off_transcript_are_skipped(tmp_path: Path) -> None:
    path = _sheet(tmp_path, [_row("red-0000000001", "t1"), _row("red-0000000002", "t2")])
    skipped: dict[str, int] = {}
    decisions, used = read_sheet(path, [SET], Decisions(), {"will"}, "tester", {"t1"}, skipped)
    assert used == 1 and skipped == {"t1": 1} and set(decisions.occurrences) == {"red-0000000002"}


@pytest.mark.parametrize("tid", ["t3", ""])
def test_an_unknown_occurrence_elsewhere_is_still_refused_whole(tmp_path: Path, tid: str) -> None:
    path = _sheet(tmp_path, [_row("red-0000000002", "t2"), _row("red-0000000009", tid)])
    with pytest.raises(CmoError, match="nothing was saved"):
        read_sheet(path, [SET], Decisions(), {"will"}, "tester", {"t1"}, {})
