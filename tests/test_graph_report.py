"""Reports: files exist, numbers match the summary, quotes are escaped, output is reproducible."""

from __future__ import annotations

import base64

import lxml.html
import pytest

from cmo_coder.graph import build, summarise
from cmo_coder.graph.draw import draw, render
from cmo_coder.graph.report import md, write_report
from tests.study import make_study

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture(scope="module")
def study(tmp_path_factory, tiny_codebook):
    s = make_study(tmp_path_factory.mktemp("report") / "study", tiny_codebook)
    yield s
    s.project.close()


@pytest.fixture(scope="module")
def report(study, tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        out = tmp_path_factory.mktemp("out") / "report"
        write_report(study.project, out)
    return out


def test_files(report):
    names = sorted(p.name for p in report.iterdir())
    assert names == ["PT1.html", "PT1.md", "PT1.png", "PT2.html", "PT2.md", "PT2.png", "index.html", "index.md",
                     "refined.html", "refined.md"]
    assert (report / "PT1.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def _table(doc, heading):
    h2 = next(h for h in doc.iter("h2") if h.text_content() == heading)
    table = h2.getnext()
    while table.tag != "table":
        table = table.getnext()
    return [[c.text_content().strip() for c in tr.iter("th", "td")] for tr in table.iter("tr")]


def test_numbers_match_the_summary(study, report):
    s = summarise(build(study.project, "PT1"))
    doc = lxml.html.parse(str(report / "PT1.html")).getroot()
    head, values = _table(doc, "Summary")
    got = dict(zip(head, values, strict=True))
    assert got == {"Quotes": str(s.quotes), "Codings": str(s.codings), "Double-coded": str(s.double_coded),
                   "Supporting": str(s.stances["supports"]),
                   "Refuting": str(s.stances["refutes"]), "Refining": str(s.stances["refines"]),
                   "Participants": str(s.participants), "Sites": str(s.sites), "CMOCs": str(s.configurations)}
    # and the summary itself is right (hand-worked)
    assert got["Codings"] == got["Quotes"] == "10" and got["Refuting"] == "2"
    elements = {row[0]: row for row in _table(doc, "Evidence per element")[1:]}
    assert elements["PT1.O1"][2] == "2 (1 case)" and elements["PT1.O1"][7] == "one role only"
    assert elements["PT1.MP1"][3] == "1 (1 case)" and elements["PT1.MP1"][7] == "contested"
    cmocs = _table(doc, "Configurations (CMOCs)")
    assert cmocs[0] == ["ID", "C", "Mres", "Mresp", "O", "Supporting quotes", "Refuting quotes", "Judgement"]
    k2 = next(r for r in cmocs if r[0].startswith("K2"))
    assert k2[2:4] == ["PT1.MR1", "PT1.MP1"] and "P2, (Carer) Case Study B" in k2[6] and k2[7] == "refute"
    assert "It felt like a proper plan" in k2[5] and "he still felt judged" in k2[6]
    index = lxml.html.parse(str(report / "index.html")).getroot()
    rows = [[c.text_content() for c in tr.iter("td")] for tr in index.iter("tr")]
    pt2 = next(r for r in rows if r and r[0] == "PT2")
    assert pt2[2] == "3" and pt2[9] == "2"  # codings; no-evidence items (PT2.O1 and its link)


def test_figure_is_inlined(report):
    doc = lxml.html.parse(str(report / "PT1.html")).getroot()
    (img,) = doc.iter("img")
    assert base64.b64decode(img.get("src").split(",", 1)[1]) == (report / "PT1.png").read_bytes()


def test_quotes_are_escaped(report):
    page = (report / "PT1.html").read_text(encoding="utf-8")
    assert SCRIPT not in page and "&lt;script&gt;" in page
    doc = lxml.html.fromstring(page)
    assert not [s for s in doc.iter("script")]
    assert any(SCRIPT in td.text_content() for td in doc.iter("td"))  # shown to the reader as written
    twin = (report / "PT1.md").read_text(encoding="utf-8")
    assert SCRIPT not in twin and "&lt;script>" in twin


def test_markdown_cells_cannot_break_tables():
    assert md("a | b\nc") == "a \\| b c"
    assert md("<b>*x*</b> & [l](u)") == "&lt;b>\\*x\\*&lt;/b> &amp; \\[l\\](u)"


def test_report_is_reproducible(study, report, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    again = tmp_path / "again"
    write_report(study.project, again)
    for p in report.iterdir():
        assert (again / p.name).read_bytes() == p.read_bytes(), p.name


def test_svg_report(study, tmp_path):
    write_report(study.project, tmp_path / "svg", figure="svg")
    assert (tmp_path / "svg" / "PT1.svg").is_file() and not (tmp_path / "svg" / "PT1.png").exists()
    doc = lxml.html.parse(str(tmp_path / "svg" / "PT1.html")).getroot()
    (img,) = doc.iter("img")
    assert img.get("src").startswith("data:image/svg+xml;base64,")
    assert "(PT1.svg)" in (tmp_path / "svg" / "PT1.md").read_text(encoding="utf-8")


def test_svg_and_png(study):
    g = build(study.project, "PT1")
    fig = draw(g, summarise(g))
    svg = render(fig, "svg").decode()
    assert svg.startswith("<?xml") and "PT1.MP1" in svg and "Mechanism response (Mresp)" in svg
    assert render(fig, "svg") == render(draw(g, summarise(g)), "svg")
