"""The interviewer who codes her own interviews: her login ("megan") is a form of a name in the
participants key, and it fills the coder fields of the project, its reports and its exports. Those
fields are the team's, never a transcript's text, so the leak check does not cry wolf on them; the
same name said in a memo, or a team name that is a full registered name, is still a leak."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPT = """Megan Lloyd-Jones: Thanks for joining. What made the difference for people picking kits up?
Callum Ferris: Trust really. If they already come in every day they know us, so they take a kit.
Megan Lloyd-Jones: And the ones who are not on a script?
Callum Ferris: We never see them, honestly, the outreach van does more than we do.
"""
MANIFEST = """name,aliases,role,site,label,team
Megan Lloyd-Jones,,facilitator,,,research team
Callum Ferris,,staff,A,,community pharmacist
"""


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def study(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "interview.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "participants.csv").write_text(MANIFEST, encoding="utf-8")
    p, s = tmp_path / "study", tmp_path / "secure"
    assert run("init", p, "--codebook", ROOT / "codebooks" / "reco.yaml").exit_code == 0
    r = run("import", p, tmp_path / "interview.txt", "--secure", s, "--manifest", tmp_path / "participants.csv")
    assert r.exit_code == 0, r.output
    assert run("anonymise", p, "--secure", s).exit_code == 0
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    r = run("code", "add", p, "interview", "--quote", "Trust really", "--pt", "PT1", "--component", "C",
            "--coder", "megan")
    assert r.exit_code == 0, r.output
    return p, s


def test_a_coders_login_that_is_a_registered_name_is_no_leak(study: tuple[Path, Path], tmp_path: Path) -> None:
    p, s = study
    r = run("leakcheck", p, "--secure", s)
    assert r.exit_code == 0, r.output
    out = tmp_path / "study.qdpx"
    r = run("export", p, "--qdpx", out, "--secure", s)
    assert r.exit_code == 0, r.output
    assert run("report", p, "--out", tmp_path / "report").exit_code == 0
    assert "megan" in (tmp_path / "report" / "PT1.md").read_text(encoding="utf-8")  # the coder's column
    r = run("leakcheck", p, out, tmp_path / "report", "--secure", s)
    assert r.exit_code == 0, r.output


def test_the_same_name_in_text_is_still_a_leak(study: tuple[Path, Path], tmp_path: Path) -> None:
    p, s = study
    planted = tmp_path / "notes.md"
    planted.write_text("| coder | note |\n|---|---|\n| megan | megan said the van works |\n", encoding="utf-8")
    r = run("leakcheck", p, planted, "--secure", s, "--json")
    assert r.exit_code == 1
    hits = json.loads(r.stdout)
    assert [h["line"] for h in hits] == [3] and "said the van" in hits[0]["context"]


def test_a_team_name_that_is_a_full_registered_name_is_a_leak(study: tuple[Path, Path]) -> None:
    p, s = study
    r = run("code", "add", p, "interview", "--quote", "We never see them", "--pt", "PT1", "--component", "O",
            "--coder", "Megan Lloyd-Jones")
    assert r.exit_code == 0, r.output
    r = run("leakcheck", p, "--secure", s, "--json")
    assert r.exit_code == 1
    assert any(h["surface"] == "Megan Lloyd-Jones" for h in json.loads(r.stdout))
