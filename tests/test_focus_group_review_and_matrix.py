"""A focus group's joint turns in the pages and the matrix: the review page and the transcript page name each
member of a joint turn and say they spoke together (the group's line, "the whole group"; a voice nobody placed,
so), and the coding matrix counts a joint turn under each member, as the query and the QDPX export do, never as a
speaker column of its own."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.web.turn_speakers import voices
from tests.test_anonymise_group_lines import GROUP, MANIFEST
from tests.web_support import client_for, workbench_at

REPO = Path(__file__).resolve().parent.parent


def _run(*args: object) -> str:
    r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


@pytest.fixture
def group(tmp_path: Path) -> tuple[Path, Path]:
    """The carers' cafe focus group imported and anonymised, waiting for review."""
    study, secure = tmp_path / "study", tmp_path / "secure"
    src = tmp_path / "carers_cafe_group.txt"
    # a registered name and an everyday place said in the speech, so the review has stretches to decide
    said = GROUP.replace("Somebody who gets it", "Somebody like Mary who gets it")
    said = said.replace("They were the best part.", "They were the best part, down at Cedar Lodge.")
    src.write_text(said, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    _run("init", study, "--codebook", REPO / "codebooks" / "tiny.yaml")
    _run("import", study, "--secure", secure, "--manifest", manifest, src)
    _run("anonymise", study, "--secure", secure)
    return study, secure


def _who(page: str) -> list[str]:
    """Each turn's speaker block, tags dropped and spacing folded."""
    blocks = re.findall(r'<div class="who"[^>]*>(.*?)</div>', page, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", b)).split()) for b in blocks]


def test_the_review_page_names_joint_group_and_unplaced_speakers(group: tuple[Path, Path]) -> None:
    study, secure = group
    client = client_for(workbench_at(study, "ann", secure))
    index = client.get("/secure/review").text
    tid = re.search(r'href="/secure/review/([^"/?]+)"', index)
    assert tid is not None, index
    page = client.get(f"/secure/review/{tid[1]}").text
    who = _who(page)
    assert "CAR-01 & CAR-02 speaking together" in who, who
    assert "ALL the whole group" in who, who
    assert "UNPLACED a voice the transcriber could not place" in who, who
    assert '<span class="member">CAR-01</span><span class="joint-and"> &amp; </span><span class="member">CAR-02' \
        in page


def test_the_transcript_page_and_the_matrix_count_a_joint_turn_under_each_member(group: tuple[Path, Path]) -> None:
    study, secure = group
    _run("review", study, "--secure", secure, "--accept-all", "--sign-off")
    bench = workbench_at(study, "ann", secure)
    with bench.project() as p:
        tid = p.transcript_ids()[0]
    for quote in ("The biscuits!", "Two hours off", "we never planned the biscuits"):
        _run("code", "add", study, tid, "--quote", quote, "--pt", "PT1", "--coder", "ann")
    page = client_for(bench).get(f"/transcripts/{tid}").text
    who = _who(page)
    assert "CAR-01 & CAR-02 speaking together · carer, site A; carer, site A" in who, who
    assert "CAR-01 & CAR-02 & STF-01 the whole group · carer, site A; carer, site A; staff, site A" in who, who
    assert any(w.startswith("CAR-01 & CAR-02 & STF-01 one of these, a voice not placed ·") for w in who), who
    assert "Mary" not in page

    def matrix(by: str, count: str = "codings") -> dict[str, dict[str, str]]:
        rows = list(csv.DictReader(io.StringIO(_run("matrix", study, "--by", by, "--count", count))))
        return {r["pt"]: r for r in rows}

    by_participant = matrix("participant")
    assert "CAR-01 & CAR-02" not in by_participant["PT1"]  # no column of its own
    assert by_participant["PT1"]["CAR-01"] == "2" and by_participant["PT1"]["CAR-02"] == "1"
    assert by_participant["PT1"]["STF-01"] == "1" and by_participant["PT1"]["total"] == "3"
    by_role = matrix("role")
    assert by_role["PT1"]["carer"] == "2" and by_role["PT1"]["staff"] == "1" and by_role["PT1"]["total"] == "3"
    people = matrix("participant", "participants")
    assert people["PT1"]["CAR-02"] == "1" and people["total"]["CAR-02"] == "1" and people["PT1"]["total"] == "3"


@pytest.mark.parametrize(("label", "kind", "said"), [
    ("P1", "one", "P1"), ("ALL", "group", "the whole group"), ("UNPLACED", "unplaced", "a voice the transcriber "
                                                               "could not place"),
    ("CAR-01 & CAR-02 & STF-01", "joint", "CAR-01, CAR-02 and STF-01, speaking together")])
def test_a_speaker_label_read_as_the_pages_say_it(label: str, kind: str, said: str) -> None:
    v = voices(label)
    assert v is not None and v.kind == kind and v.said == said
    assert voices("") is None
