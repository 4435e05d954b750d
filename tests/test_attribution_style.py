"""The attribution format is a project setting: printed and parsed the same way everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.coding import service
from cmo_coder.coding.attribution import parse_attribution
from cmo_coder.coding.attribution_style import AttributionStyle, set_style, style_of
from cmo_coder.coding.markup_import import import_markup
from cmo_coder.errors import CmoError
from cmo_coder.graph import build
from cmo_coder.model import Participant, Role
from cmo_coder.query.evidence import evidence
from cmo_coder.store import Project
from tests.fuzzing import fuzz_settings

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL

STAFF = "Everyone here accepts that people who drink are our job too."
CARER = "He still felt judged at every appointment."


@pytest.fixture
def study(project: Project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("t", [("SP1", "staff", "A", STAFF), ("P2", "carer", "B", CARER)])
    service.add_coding(project, "t", pt=None, quote="He still felt judged", element="PT1.MP1", stance="refutes",
                       coder="ann")
    return project


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_default_is_reco(study: Project) -> None:
    assert style_of(study).site_format == "Case Study {site}"
    assert evidence(study, "PT1")[0].attribution == "P2, (Carer) Case Study B"


@pytest.mark.parametrize(("fmt", "expected"), [
    ("Site {site}", "P2, (Carer) Site B"), ("Trust {site}", "P2, (Carer) Trust B"),
    ("{site} Trust", "P2, (Carer) B Trust"), ("", "P2, (Carer)"), ("none", "P2, (Carer)"),
])
def test_format_used_wherever_attributions_are_printed(study: Project, fmt: str, expected: str) -> None:
    set_style(study, fmt, actor="lead")
    assert evidence(study, "PT1")[0].attribution == expected
    assert service.list_codings(study)[0].attribution == expected
    g = build(study, "PT1")
    assert g.nodes["participant:P2"]["attribution"] == expected
    coding = next(n for n, d in g.nodes(data=True) if d["kind"] == "coding")
    assert g.nodes[coding]["attribution"] == expected
    assert study.audit_log("setting")[-1]["detail"] == {"site_format": style_of(study).site_format}
    rc, out, _ = run("code", "list", study.ref)
    # the attribution closes the quote's part of the line (a PT version mark may follow it)
    assert re.search("\u201d — " + re.escape(expected) + r"(\s+\[PT1 v\d+\])?$", out.rstrip()), out
    rc, out, _ = run("which-pt", study.ref, "He still felt judged", "--json")
    assert json.loads(out)["matches"][0]["attribution"] == expected


def test_site_filters_read_the_projects_form(study: Project) -> None:
    set_style(study, "Trust {site}")
    assert [r.coding_id for r in evidence(study, "PT1", site="Trust B")] == [evidence(study, "PT1")[0].coding_id]
    assert len(service.list_codings(study, site="Trust B")) == 1
    assert len(evidence(study, "PT1", site="Case Study B")) == 1  # the RECO form still works


def test_markup_in_the_projects_form_is_read_back(study: Project, tmp_path: Path) -> None:
    set_style(study, "Trust {site}")
    report = tmp_path / "findings.md"
    report.write_text("Refined programme theory 1:\n\n\u2018We were never asked what we thought.\u2019\n"
                      "SP7, Trust C\n", encoding="utf-8")
    import_markup(study, report, coder="ann")
    who = study.participant("SP7")
    assert who is not None and who.site == "C"


@pytest.mark.parametrize("bad", ["{site}", "Site", "Site {site} {site}", "Site, {site}", "Site; {site}",
                                 "(Site) {site}", "Site {region}", "Staff {site}", "Site {site}x", "Trust B{site}",
                                 "S" * 41 + " {site}"])
def test_bad_formats_refused_one_line_nothing_changed(study: Project, bad: str) -> None:
    with pytest.raises(CmoError):
        AttributionStyle.parse(bad)
    before = study.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    rc, out, err = run("config", study.ref, "attribution", bad)
    assert rc == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert study.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before
    assert style_of(study).site_format == "Case Study {site}"


def test_config_command(study: Project) -> None:
    path = study.ref
    rc, out, _ = run("config", path)
    assert rc == 0 and "'Case Study {site}'" in out and "P36, (Carer) Case Study B" in out
    rc, out, _ = run("config", path, "attribution", "Site {site}")
    assert rc == 0 and "P36, (Carer) Site B" in out
    rc, out, _ = run("config", path, "attribution", "--json")
    assert json.loads(out) == {"attribution": "Site {site}", "example": "P36, (Carer) Site B"}
    rc, out, err = run("config", path, "colour", "red")
    assert rc == 1 and "unknown setting 'colour'" in err


_word = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(_word, min_size=1, max_size=2), st.booleans(), st.sampled_from(["A", "B", "2", "12"]),
       st.sampled_from([Role.staff, Role.carer, Role.service_user]), st.integers(1, 99))
def test_printed_attributions_parse_back(words: list[str], before: bool, site: str, role: Role, n: int) -> None:
    fmt = (" ".join(words) + " {site}") if before else ("{site} " + " ".join(words))
    style = AttributionStyle.parse(fmt)
    label = f"{'SP' if role is Role.staff else 'P'}{n}"
    written = style.attribution(Participant(label=label, role=role, site=site))
    parsed = parse_attribution(written, style.site_pattern())
    assert [(p[0], p[1], p[2]) for p in parsed] == [(label, role, site)]


@pytest.mark.fuzz
@fuzz_settings(200)
@given(st.text(max_size=50), st.sampled_from(["A", "B", "7"]))
def test_fuzz_any_format_is_refused_or_reads_back(text: str, site: str) -> None:
    try:
        style = AttributionStyle.parse(text)
    except CmoError as exc:
        assert "\n" not in str(exc)
        return
    written = style.attribution(Participant(label="SP4", role=Role.staff, site=site))
    parsed = parse_attribution(written, style.site_pattern())
    assert [(p[0], p[1]) for p in parsed] == [("SP4", Role.staff)]
    if style.site_format:
        assert parsed[0][2] == site


@pytest.mark.parametrize(("site", "fmt", "expected"), [
    ("Case Study B", "Case Study {site}", "P4, (Carer) Case Study B"),
    ("case study b", "Case Study {site}", "P4, (Carer) case study b"),
    ("B", "Case Study {site}", "P4, (Carer) Case Study B"),
    ("Site 2", "Site {site}", "P4, (Carer) Site 2"),
    ("Case Study", "Case Study {site}", "P4, (Carer) Case Study Case Study"),  # no letter: nothing to keep
    ("Bradford", "{site}", "P4, (Carer) Bradford"),
])
def test_a_manifest_that_writes_the_site_in_full_is_not_named_twice(site: str, fmt: str, expected: str) -> None:
    assert Participant(label="P4", role="carer", site=site).attribution_in(fmt) == expected


def test_a_site_written_in_full_is_found_by_its_letter_and_in_full(project: Project) -> None:
    from cmo_coder.query.filters import resolve_site

    with project.transaction("tester") as tx:
        tx.upsert_participant(Participant(label="P4", role="carer", site="Case Study B"))
        tx.upsert_participant(Participant(label="SP1", role="staff", site="C"))
    for asked in ("B", "b", "Case Study B", "case study b"):
        assert resolve_site(project, asked) == "Case Study B"
    assert resolve_site(project, "Case Study C") == "C"
    with pytest.raises(CmoError, match="no site 'D'"):
        resolve_site(project, "D")
