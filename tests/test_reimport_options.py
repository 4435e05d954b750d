"""Re-importing an unchanged, still pending file with other options, and what sign-off then demands."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cmo_coder.cli.main import cli

ZOOM = (
    "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:04.000\r\nHannah Okafor: How did the first assessment go?\r\n\r\n"
    "2\r\n00:00:04.500 --> 00:00:09.000\r\nSandra Pryce: They asked about his drinking straight away.\r\n\r\n"
    "3\r\n00:00:09.500 --> 00:00:12.000\r\nAnd that was the first time anyone had.\r\n\r\n"
    "4\r\n00:00:12.500 --> 00:00:15.000\r\nHannah Okafor: Thank you, Sandra.\r\n"
)
MANIFEST = "name,aliases,role,site,label\nHannah Okafor,,facilitator,,\nSandra Pryce,,carer,C,\n"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_replace_reparses_a_pending_file_and_stale_proposals_block_sign_off(tmp_path):
    (tmp_path / "carer.vtt").write_bytes(ZOOM.encode())
    (tmp_path / "manifest.csv").write_text(MANIFEST)
    project, secure = tmp_path / "study", tmp_path / "secure"
    common = ["--secure", secure, "--manifest", tmp_path / "manifest.csv"]
    assert run("init", project, "--codebook", "tiny").exit_code == 0
    assert run("import", project, tmp_path / "carer.vtt", *common).exit_code == 0
    assert run("anonymise", project, "--secure", secure, "--rules-only").exit_code == 0

    refused = run("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert refused.exit_code == 1
    assert "1 turn(s) have no speaker" in refused.output and "--infer-speakers" in refused.output

    unchanged = run("import", project, tmp_path / "carer.vtt", *common, "--infer-speakers", "--json")
    assert json.loads(unchanged.output)["files"][0]["status"] == "unchanged"
    replaced = run("import", project, tmp_path / "carer.vtt", *common, "--infer-speakers", "--replace", "--json")
    assert replaced.exit_code == 0, replaced.output
    assert json.loads(replaced.output)["files"][0]["status"] == "replaced"

    stale = run("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert stale.exit_code == 1 and "changed since its proposals were made" in stale.output

    assert run("anonymise", project, "--secure", secure, "--rules-only").exit_code == 0
    signed = run("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert signed.exit_code == 0, signed.output
    shown = json.loads(run("show", project, "carer", "--json").output)
    assert [t["speaker"] for t in shown["turns"]] == ["F1", "P1", "F1"]
    assert "Sandra" not in shown["text"]


SRT = (
    "1\n00:00:00,500 --> 00:00:04,000\nso my son is called dylan\nhe's thirty one now\n\n"
    "2\n00:00:04,300 --> 00:00:09,800\nand me and gareth my husband\ndid everything\n"
)


def test_speaker_gives_caption_turns_without_a_name_to_one_participant(tmp_path):
    """SRT captions name nobody: sign-off refuses them until --speaker gives them to a participant."""
    (tmp_path / "carer.srt").write_bytes(SRT.encode())
    (tmp_path / "manifest.csv").write_text(MANIFEST)
    project, secure = tmp_path / "study", tmp_path / "secure"
    common = ["--secure", secure, "--manifest", tmp_path / "manifest.csv"]
    assert run("init", project, "--codebook", "tiny").exit_code == 0
    assert run("import", project, tmp_path / "carer.srt", *common).exit_code == 0
    assert run("anonymise", project, "--secure", secure, "--rules-only").exit_code == 0
    refused = run("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert refused.exit_code == 1 and "--speaker NAME" in refused.output

    replaced = run("import", project, tmp_path / "carer.srt", *common, "--replace", "--speaker", "sandra pryce",
                   "--json")
    assert replaced.exit_code == 0, replaced.output
    assert json.loads(replaced.output)["files"][0]["speakers"] == ["P1"]
    raw = json.loads(run("show", project, "carer", "--secure", secure, "--json").output)
    assert {tuple(t["flags"]) for t in raw["turns"]} == {("assigned_speaker",)}

    assert run("anonymise", project, "--secure", secure, "--rules-only").exit_code == 0
    signed = run("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert signed.exit_code == 0, signed.output
    shown = json.loads(run("show", project, "carer", "--json").output)
    assert {t["speaker"] for t in shown["turns"]} == {"P1"}


def test_speaker_must_not_be_empty(tmp_path):
    (tmp_path / "carer.srt").write_bytes(SRT.encode())
    project, secure = tmp_path / "study", tmp_path / "secure"
    assert run("init", project, "--codebook", "tiny").exit_code == 0
    out = run("import", project, tmp_path / "carer.srt", "--secure", secure, "--speaker", "  ")
    assert out.exit_code == 1 and "--speaker" in out.output
