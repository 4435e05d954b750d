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
