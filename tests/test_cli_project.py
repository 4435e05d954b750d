"""`cmo-coder init` and `status` as a user runs them: one-line errors, nothing left behind."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cmo_coder.cli.main import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_init_then_status(tmp_path):
    result = run("init", tmp_path / "study", "--codebook", "reco")
    assert result.exit_code == 0, result.output
    assert "11 programme theories" in result.output
    status = run("status", tmp_path / "study", "--json")
    data = json.loads(status.output)
    assert data["codebook"]["programme_theories"] == 11
    assert set(data["per_pt"]) == {f"PT{i}" for i in range(1, 12)}
    human = run("status", tmp_path / "study")
    assert "PT11" in human.output and "awaiting anonymisation" in human.output


def test_init_on_non_empty_folder(tmp_path):
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "mine.docx").write_bytes(b"x")
    result = run("init", tmp_path / "study", "--codebook", "reco")
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "not an empty folder" in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in (tmp_path / "study").iterdir()] == ["mine.docx"]


def test_init_missing_or_malformed_codebook_leaves_nothing(tmp_path):
    result = run("init", tmp_path / "a", "--codebook", tmp_path / "missing.yaml")
    assert result.exit_code == 1 and "file not found" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nprogramme_theories:\n- id: PT1\n  title: [unclosed\n")
    result = run("init", tmp_path / "b", "--codebook", bad)
    assert result.exit_code == 1 and "malformed YAML" in result.output and "bad.yaml:" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_status_of_a_missing_project(tmp_path):
    result = run("status", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "not a cmo-coder project" in result.output
