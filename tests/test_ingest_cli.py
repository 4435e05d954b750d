"""``import``, ``transcripts`` and ``show`` through the command line, JSON shapes included."""

from __future__ import annotations

import json
from pathlib import Path

import ingest_fixtures as fx
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.ingest.views import ImportReport, TranscriptList, TranscriptView
from cmo_coder.store import Project


def _setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    proj = tmp_path / "study"
    res = CliRunner().invoke(cli, ["init", str(proj), "--codebook", "tiny"])
    assert res.exit_code == 0, res.output
    d = tmp_path / "in"
    d.mkdir()
    (d / "teams_meeting.vtt").write_text(fx.TEAMS_VTT, encoding="utf-8")
    (d / "otter.txt").write_text(fx.OTTER_TXT, encoding="utf-8")
    (d / "chat.txt").write_text(fx.ZOOM_CHAT, encoding="utf-8")
    m = tmp_path / "participants.csv"
    m.write_text("name,aliases,role,site,label\nJennifer Adams,,facilitator,,\nLucía Farías,,service_user,B,\n",
                 encoding="utf-8")
    return proj, d, m


def test_import_json_and_exit_code(tmp_path: Path) -> None:
    proj, d, m = _setup(tmp_path)
    runner = CliRunner()
    res = runner.invoke(cli, ["import", str(proj), str(d / "teams_meeting.vtt"), str(d / "chat.txt"),
                              str(d / "otter.txt"), "--secure", str(tmp_path / "secure"), "--manifest", str(m),
                              "--json"])
    assert res.exit_code == 1  # one file failed, the others were imported
    report = ImportReport.model_validate_json(res.stdout)
    assert [f.status for f in report.files] == ["imported", "failed", "imported"]
    assert "chat log" in (report.files[1].error or "")
    assert [p.name for p in report.provisional_speakers] == ["Tom Baker", "Priya Shah"]
    assert report.provisional_speakers[0].suggested_manifest_line == '"Tom Baker",,ROLE,SITE,'

    res = runner.invoke(cli, ["transcripts", str(proj), "--json"])
    assert res.exit_code == 0
    listing = TranscriptList.model_validate_json(res.stdout)
    assert [(t.id, t.status) for t in listing.transcripts] == [("teams_meeting", "pending"), ("otter", "pending")]

    res = runner.invoke(cli, ["show", str(proj), "teams_meeting", "--json"])
    view = TranscriptView.model_validate_json(res.stdout)
    assert view.status == "pending" and view.text is None and view.turns == [] and not view.secure

    res = runner.invoke(cli, ["show", str(proj), "teams_meeting", "--json", "--secure", str(tmp_path / "secure")])
    view = TranscriptView.model_validate_json(res.stdout)
    assert view.secure and view.text is not None
    assert [(t.speaker, t.role, t.site, t.speaker_name) for t in view.turns] == [
        ("F1", "facilitator", None, "Adams, Jennifer (She/Her)"),
        ("P1", "service_user", "B", "Lucía Farías (Guest)"),
        ("F1", "facilitator", None, "Adams, Jennifer (She/Her)"),
    ]
    for t in view.turns:
        assert view.text[t.start : t.end]
    assert view.turns[0].start_time == 3.12

    # re-running is a no-op with exit code 0 for good files
    res = runner.invoke(cli, ["import", str(proj), str(d / "teams_meeting.vtt"), "--secure",
                              str(tmp_path / "secure")])
    assert res.exit_code == 0 and "unchanged" in res.stdout


def test_show_signed_off_has_labels_not_names(tmp_path: Path) -> None:
    proj, d, m = _setup(tmp_path)
    runner = CliRunner()
    res = runner.invoke(cli, ["import", str(proj), str(d / "teams_meeting.vtt"), "--secure",
                              str(tmp_path / "secure"), "--manifest", str(m)])
    assert res.exit_code == 0, res.output
    from cmo_coder.model import Transcript

    raw = Transcript.model_validate_json((tmp_path / "secure" / "raw" / "teams_meeting.json").read_text())
    with Project.open(proj) as p, p.transaction("tester") as tx:
        tx.sign_off_transcript(raw.model_copy(
            update={"turns": [t.model_copy(update={"speaker_name": None}) for t in raw.turns]}))
    res = runner.invoke(cli, ["show", str(proj), "teams_meeting", "--json"])
    data = json.loads(res.stdout)
    assert data["status"] == "signed_off" and data["turns"][1]["speaker"] == "P1"
    assert all(t["speaker_name"] is None for t in data["turns"])
    res = runner.invoke(cli, ["show", str(proj), "teams_meeting"])
    assert res.exit_code == 0 and "P1:" in res.stdout and "Lucía" not in res.stdout


def test_errors_are_one_line(tmp_path: Path) -> None:
    proj, d, _ = _setup(tmp_path)
    runner = CliRunner()
    res = runner.invoke(cli, ["show", str(proj), "nope"])
    assert res.exit_code == 1 and "no transcript 'nope'" in res.stderr
    res = runner.invoke(cli, ["import", str(proj), str(d / "otter.txt"), "--secure", str(proj / "inside")])
    assert res.exit_code == 1 and "must not be inside" in res.stderr
    big = d / "big.txt"
    big.write_text("R: " + "word " * 400_000, encoding="utf-8")
    res = runner.invoke(cli, ["import", str(proj), str(big), "--secure", str(tmp_path / "s"), "--max-mb", "1"])
    assert res.exit_code == 1 and "limit" in res.stderr and "big.txt" in res.stderr


def test_role_letter_advice_offers_an_alias_on_an_existing_line(tmp_path: Path) -> None:
    """A researcher's file labels its speakers "I:" and "R:", who are other people in every file: the import's
    advice is a file-scoped alias, and says it may go on the line of a person the manifest already has."""
    proj = tmp_path / "study"
    assert CliRunner().invoke(cli, ["init", str(proj), "--codebook", "tiny"]).exit_code == 0
    src = tmp_path / "carer_interview.txt"
    src.write_text("I: How is your mum?\nR: Better since the new tablets.\n", encoding="utf-8")
    m = tmp_path / "participants.csv"
    m.write_text("name,aliases,role,site,label\nRazia Begum,,carer,Keighley,\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(proj), str(src), "--secure", str(tmp_path / "secure"),
                                   "--manifest", str(m)])
    assert res.exit_code == 0, res.output
    line = next(x for x in res.output.splitlines() if "R@carer_interview" in x)
    assert '"REAL NAME","R@carer_interview",ROLE,SITE,' in line
    assert "R@carer_interview names one person in this file only: or add it to that person's aliases" in line
