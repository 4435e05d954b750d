"""``review --decisions FILE`` refuses a sheet that would overwrite a decision made since it was exported, as the
review pages refuse one uploaded: the whole sheet, each row named with the decision standing now, who made it and
when. A row deciding what was decided the same way meanwhile, or what is still undecided, is read."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.review import load_decisions
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder

REPO = Path(__file__).resolve().parent.parent
SAID = "I met Dr Quennell at the Larkfield Unit, and Will Tarrant came along with me to see him."


def _exported(root: Path) -> tuple[Path, Path, Path]:
    key = [KeyEntry(label="P1", name="Will Tarrant", role="service_user", site="A")]
    project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
    sf = secure_folder(root, key)
    add_pending(project, sf, "t1", [("P1", "Will Tarrant", SAID)])
    project.close()
    study, secure = root / "study", sf.path
    runner = CliRunner()
    assert runner.invoke(cli, ["anonymise", str(study), "--secure", str(secure)]).exit_code == 0
    sheet = root / "decisions.csv"
    r = runner.invoke(cli, ["review", str(study), "--secure", str(secure), "--export-decisions", str(sheet)])
    assert r.exit_code == 0, r.output
    return study, secure, sheet


def _decide(sheet: Path, surface: str, decision: str, drop: str = "") -> Path:
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    col, at = rows[0].index("decision"), rows[0].index("surface")
    for row in rows[1:]:
        if row[at] == surface and not row[0]:
            row[col] = decision
    if drop:
        gone = rows[0].index(drop)
        rows = [row[:gone] + row[gone + 1:] for row in rows]
    out = sheet.with_name(f"filled-{decision}-{drop or 'whole'}.csv")
    with out.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return out


def _review(study: Path, secure: Path, *args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["review", str(study), "--secure", str(secure), "--coder", "rita", *args])
    return r.exit_code, r.output


def test_a_sheet_exported_before_another_decision_is_refused_whole_naming_who_decided_what_and_when(
        tmp_path: Path) -> None:
    study, secure, sheet = _exported(tmp_path)
    code, out = _review(study, secure, "--accept", "Quennell")  # another reviewer, after the export
    assert code == 0, out
    before = load_decisions(SecureFolder.open(secure))
    kept = _decide(sheet, "Quennell", "keep")
    r = CliRunner().invoke(cli, ["review", str(study), "--secure", str(secure), "--coder", "lena",
                                 "--decisions", str(kept)])
    assert r.exit_code == 1
    line = next(n for n, row in enumerate(csv.reader(kept.open(encoding="utf-8")), start=1) if row[2] == "Quennell")
    assert f"{kept}:{line}: column 'decision': decided since the sheet was written (now redacted by rita at " \
        in r.output
    assert "nothing was saved" in r.output
    assert load_decisions(SecureFolder.open(secure)) == before


def test_a_sheet_agreeing_with_what_was_decided_since_or_deciding_the_undecided_is_read(tmp_path: Path) -> None:
    study, secure, sheet = _exported(tmp_path)
    assert _review(study, secure, "--accept", "Quennell")[0] == 0
    code, out = _review(study, secure, "--decisions", str(_decide(sheet, "Quennell", "Redact ")))
    assert code == 0, out
    code, out = _review(study, secure, "--decisions", str(_decide(sheet, "Larkfield Unit", "keep")))
    assert code == 0, out
    assert load_decisions(SecureFolder.open(secure)).surfaces["larkfield unit"].decision == "reject"


def test_a_sheet_without_the_version_column_is_refused_saying_what_could_not_be_checked(tmp_path: Path) -> None:
    """As the browser refuses it: a sheet that cannot say what it saw could put an older 'keep' over a newer
    redaction, so it is refused naming the missing column and what it would have checked."""
    study, secure, sheet = _exported(tmp_path)
    assert _review(study, secure, "--accept", "Quennell")[0] == 0
    before = load_decisions(SecureFolder.open(secure))
    code, out = _review(study, secure, "--decisions", str(_decide(sheet, "Quennell", "keep", drop="version")))
    assert code == 1
    assert ":1: header lacks the 'version' column, so nothing can check that none of its rows overwrites a " \
        "decision made since it was written; nothing was read" in " ".join(out.split())
    assert load_decisions(SecureFolder.open(secure)) == before
