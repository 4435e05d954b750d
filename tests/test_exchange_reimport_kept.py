"""A study's own export comes back (from NVivo, from a colleague) into a new project with the same
secure folder: what its review kept ("in June last year" of a participant called June) passes the
import's leak check as it passed the export's; a name it never kept is still refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPT = """Megan Lloyd: So June, you collected a kit for your son?
June Barraclough: I did, in June last year, after his second overdose. Nobody mentioned naloxone once.
"""
MANIFEST = """name,aliases,role,site,label,team
Megan Lloyd,,facilitator,,,research team
June Barraclough,,carer,A,,
"""


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("profile", ["refi", "nvivo"])
def test_an_exported_study_imports_back_with_what_its_review_kept(tmp_path: Path, profile: str) -> None:
    (tmp_path / "carer.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "participants.csv").write_text(MANIFEST, encoding="utf-8")
    p, s, out = tmp_path / "study", tmp_path / "secure", tmp_path / "study.qdpx"
    assert run("init", p, "--codebook", ROOT / "codebooks" / "reco.yaml").exit_code == 0
    assert run("import", p, tmp_path / "carer.txt", "--secure", s, "--manifest",
               tmp_path / "participants.csv").exit_code == 0
    assert run("anonymise", p, "--secure", s).exit_code == 0
    r = run("review", p, "--secure", s, "--keep-word-readings", "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    assert run("code", "add", p, "carer", "--quote", "Nobody mentioned naloxone once", "--pt", "PT1",
               "--component", "O", "--stance", "refutes").exit_code == 0
    r = run("export", p, "--qdpx", out, "--profile", profile, "--secure", s)
    assert r.exit_code == 0, r.output

    back = tmp_path / "back"
    assert run("init", back, "--codebook", ROOT / "codebooks" / "reco.yaml").exit_code == 0
    r = run("import-qdpx", back, out, "--secure", s)
    assert r.exit_code == 0, r.output
    assert "1 coding(s) added" in r.output

    # the same archive with the carer's name written into its source: refused, nothing written
    planted = tmp_path / "planted.qdpx"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(planted, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("sources/") and info.filename.endswith(".txt"):
                text = data.decode("utf-8")
                text = text.replace("after his second", "after June Barraclough's second")
                data = text.encode("utf-8")
            zout.writestr(info, data)
    again = tmp_path / "again"
    assert run("init", again, "--codebook", ROOT / "codebooks" / "reco.yaml").exit_code == 0
    r = run("import-qdpx", again, planted, "--secure", s)
    assert r.exit_code == 1 and "June Barraclough" in r.output
    assert "0 coding(s)" in run("code", "list", again).output or not run("code", "list", again).output.strip()
