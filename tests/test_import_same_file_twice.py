"""A file named twice in one import is one transcript, and its speakers are listed once."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cmo_coder.cli.main import cli


def test_provisional_speakers_name_each_transcript_once(tmp_path: Path) -> None:
    source = tmp_path / "interview.txt"
    source.write_text("Alex Moran: Hello, thanks for coming.\nSam Pike: Happy to help.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "p"), "--codebook", "tiny"]).exit_code == 0
    r = runner.invoke(cli, ["import", str(tmp_path / "p"), str(source), str(source), "--secure",
                            str(tmp_path / "secure"), "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    for speaker in report["provisional_speakers"]:
        assert len(speaker["transcripts"]) == len(set(speaker["transcripts"])) == 1
