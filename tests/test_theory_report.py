"""The report's "Initial → refined programme theories" page, its RAMESES II section, and memos per PT page."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from cmo_coder.graph.report import write_report
from cmo_coder.memo import service as memos
from cmo_coder.store import Project
from cmo_coder.theory import service
from tests.study import Study, build_study


@pytest.fixture
def report(project: Project, add_transcript, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    study: Study = build_study(project, add_transcript)
    p = study.project
    service.revise(p, "PT1", statement="Joint assessment that staff trust keeps people in treatment.",
                   because="Carers at site B contradicted the assessment step.", evidence=["c5", "K2", "c10"],
                   actor="lead")
    service.add_pt(p, "PT12", title="waiting", statement="Long waits lose people.", because="raised unprompted",
                   actor="lead")
    memos.add_memo(p, "Trust, not forms.", pt="PT1", actor="ann")
    memos.add_memo(p, "Only staff voices here.", cmoc="K1", actor="ann")
    memos.add_memo(p, "Strongest refutation <b>so far</b>.", coding="c5", actor="bob")
    memos.add_memo(p, "About PT2 only.", pt="PT2", actor="ann")
    out = tmp_path / "report"
    write_report(p, out, figure="svg")
    return out


def test_refined_page_sets_initial_beside_refined_with_rationale_and_evidence(report: Path) -> None:
    doc = lxml.html.parse(str(report / "refined.html")).getroot()
    rows = doc.xpath("//table[1]/tbody/tr")
    cells = {r[0].text_content().strip(): [c.text_content().strip() for c in r] for r in rows}
    assert set(cells) == {"PT1", "PT2", "PT12"}
    assert cells["PT1"][1].startswith("shared ownershipWhen every service accepts")
    assert cells["PT1"][2] == "shared ownershipJoint assessment that staff trust keeps people in treatment."
    assert "v2 statement revised by lead" in cells["PT1"][3]
    assert "Carers at site B contradicted the assessment step." in cells["PT1"][3]
    assert cells["PT2"][3] == "no change"
    links = {a.text: a.get("href") for a in rows[0].xpath(".//li/a")}
    assert links == {"c5": "PT1.html", "K2": "PT1.html", "c10": "PT1.html"}
    assert not doc.xpath("//script")  # c10's quote holds <script>: text, never markup
    text = doc.text_content()
    assert "Item 4, programme theory" in text and "Item 13, data analysis" in text and "Item 15, main findings" in text
    findings = {r[0].text_content().strip(): r[3].text_content().strip() for r in doc.xpath("//table[2]/tbody/tr")}
    assert findings == {"PT1": "refined (1 change)", "PT2": "tested, not changed",
                        "PT12": "new: added from the evidence"}
    assert ("2 initial programme theories; 2 tested against coded evidence, 1 refined, 0 merged away and 1 added or "
            "split off; 2 recorded change(s) cite 3 coding(s) and CMOC(s).") in text
    assert cells["PT12"][1] == "none: added in v1"
    md = (report / "refined.md").read_text()
    assert "[c5](PT1.md)" in md and "## Reporting against RAMESES II" in md
    assert "refined.html" in (report / "index.html").read_text() and "(refined.md)" in (report / "index.md").read_text()


def test_pt_pages_show_memos_on_the_pt_its_cmocs_and_its_codings(report: Path) -> None:
    doc = lxml.html.parse(str(report / "PT1.html")).getroot()
    h2 = [h.text_content() for h in doc.xpath("//h2")]
    assert h2[-1] == "Memos"
    text = doc.text_content()
    for expected in ("Trust, not forms.", "Only staff voices here.", "CMOC ", "(K1)", "coding c5 — bob",
                     "Strongest refutation <b>so far</b>."):
        assert expected in text
    assert "About PT2 only." not in text and not doc.xpath("//b")
    assert "About PT2 only." in (report / "PT2.md").read_text()
    assert "## Memos" in (report / "PT1.md").read_text()


def test_refined_column_lists_element_changes_when_the_statement_stays(
        project: Project, add_transcript, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """add-element / edit-element / retire-element leave the headline statement alone; the refined
    column must still show what changed, or it reads as if nothing had."""
    study: Study = build_study(project, add_transcript)
    p = study.project
    first = p.codebook.pt("PT2").elements
    added = service.add_element(p, "PT2", component="mechanism_resource",
                                statement="Protected time for joint reviews", because="reviews lapse without it",
                                actor="lead")[-1]
    added = next(e for e in added.elements if e.statement == "Protected time for joint reviews")
    service.retire_element(p, first[0].id, move_to=added.id, because="not borne out", actor="lead")
    out = tmp_path / "report"
    write_report(p, out, figure="svg")
    doc = lxml.html.parse(str(out / "refined.html")).getroot()
    row = next(r for r in doc.xpath("//table[1]/tbody/tr") if r[0].text_content().strip() == "PT2")
    lines = [li.text_content() for li in row[2].xpath(".//li")]
    assert "Mres added: Protected time for joint reviews" in lines
    assert f"{first[0].component.short} retired: {first[0].statement}" in lines
    md = (out / "refined.md").read_text()
    assert "<br>Mres added: Protected time for joint reviews" in md


def test_memos_on_transcripts_appear_on_the_index_page(project: Project, add_transcript,
                                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    study: Study = build_study(project, add_transcript)
    p = study.project
    tid = p.transcript_summaries()[0].id
    memos.add_memo(p, "Field note: the <i>interview</i> ran short.", transcript=tid, actor="ann")
    out = tmp_path / "report"
    write_report(p, out, figure="svg")
    doc = lxml.html.parse(str(out / "index.html")).getroot()
    assert doc.xpath("//h2")[-1].text_content() == "Memos on transcripts"
    text = doc.text_content()
    assert "Field note: the <i>interview</i> ran short." in text and f"transcript {tid} — ann" in text
    assert not doc.xpath("//i")
    assert "## Memos on transcripts" in (out / "index.md").read_text()
    assert "Field note" not in (out / "PT1.html").read_text()
