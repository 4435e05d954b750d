"""A speaker shown by one name alone ("Bunny", a Zoom member's nickname) is often someone the manifest names in
full: import's advice was a new manifest line only, and a team that followed it made her two people."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cmo_coder.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]


def _import(tmp_path: Path, transcript: str) -> str:
    (tmp_path / "g.txt").write_text(transcript, encoding="utf-8")
    (tmp_path / "m.csv").write_text("name,aliases,role,site,label\nAnna Kowalski,,facilitator,,F1\n"
                                    "Bernadette Price,,service_user,,P1\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "p"), "--codebook", str(ROOT / "codebooks" / "reco.yaml")]
                         ).exit_code == 0
    result = runner.invoke(cli, ["import", str(tmp_path / "p"), str(tmp_path / "g.txt"), "--secure",
                                 str(tmp_path / "s"), "--manifest", str(tmp_path / "m.csv")])
    assert result.exit_code == 0, result.output
    return result.output + (result.stderr if result.stderr_bytes is not None else "")


def test_one_name_alone_is_advised_as_an_alias_too(tmp_path: Path) -> None:
    out = _import(tmp_path, "Anna Kowalski: Hello all.\nBunny: Hiya, thanks.\nAnna Kowalski: Lovely.\nBunny: Ta.\n")
    line = next(x for x in out.splitlines() if '"Bunny",,ROLE,SITE,' in x)
    assert "add Bunny to that line's aliases" in line


def test_a_full_name_is_advised_as_a_line(tmp_path: Path) -> None:
    out = _import(tmp_path, "Anna Kowalski: Hello.\nJoan Tate: Hiya.\nAnna Kowalski: Lovely.\nJoan Tate: Ta.\n")
    line = next(x for x in out.splitlines() if '"Joan Tate",,ROLE,SITE,' in x)
    assert "aliases" not in line
