"""What a new user tripped over: PT and element ids, quotes copied from the original, CMOC order, matrix pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.coding import service
from cmo_coder.coding.locate import locate_quote, snippet
from cmo_coder.errors import CmoError, ValidationFailed
from cmo_coder.model import Component, Transcript
from cmo_coder.query.index import QuoteIndex
from cmo_coder.query.matrix import matrix
from cmo_coder.query.matrix_render import format_for, to_html, to_markdown
from cmo_coder.query.which_pt import which_pt
from cmo_coder.textmatch import MIN_LITERAL, MIN_LITERAL_SHARE, MatchKind, locate, placeholder_spans
from tests.fuzzing import fuzz_settings

ANON = ("I've been a consultant with [trust name] for about twelve years, and before that I trained in "
        "[city name]. [name removed] ran the clinic with me.")
ORIGINAL_QUOTE = "a consultant with Elmfield and District NHS Foundation Trust for about twelve years"


@pytest.fixture
def study(project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("int01", [("SP10", "staff", "C", ANON), ("P36", "carer", "B", "Nobody listened to us, ever.")])
    return project


# -- PT and element ids ---------------------------------------------------------------------------

def test_element_implies_its_pt_and_ids_ignore_case(study) -> None:  # type: ignore[no-untyped-def]
    c = service.add_coding(study, "int01", quote="ran the clinic with me", pt=None, element="pt1.mp1", coder="a")
    assert (c.pt, c.element, c.component) == ("PT1", "PT1.MP1", Component.mechanism_response)
    c = service.add_coding(study, "int01", quote="Nobody listened", pt="Pt2", coder="a")
    assert c.pt == "PT2"
    c = service.add_coding(study, "int01", quote="Nobody listened to us", pt="pt2", element="o1", coder="a")
    assert c.element == "PT2.O1"  # a bare code within --pt
    c = service.add_coding(study, "int01", quote="ever", pt=None, element="C1", coder="a")
    assert c.element == "PT1.C1"  # only PT1 has a C1


@pytest.mark.parametrize(("pt", "element", "message"), [
    (None, None, "give a programme theory"),
    ("PT2", "PT1.MP1", "belongs to PT1, not PT2"),
    (None, "O1", "ambiguous"),
    ("PT2", "MP1", "belongs to PT1, not PT2"),
    (None, "PT9.C1", "unknown element"),
    ("pt7", None, "unknown programme theory"),
])
def test_code_id_errors(study, pt: str | None, element: str | None, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CmoError, match=message):
        service.add_coding(study, "int01", quote="Nobody listened", pt=pt, element=element, coder="a")
    assert study.codings() == []


def test_cli_element_without_pt(study) -> None:  # type: ignore[no-untyped-def]
    res = CliRunner().invoke(cli, ["code", "add", str(study.path), "int01", "--quote", "Nobody listened",
                                   "--element", "PT2.O1", "--coder", "a"])
    assert res.exit_code == 0, res.output
    assert "PT2 O [PT2.O1]" in res.output


# -- quotes copied from the original ------------------------------------------------------------------

def test_quote_with_names_is_found_in_anonymised_text(study) -> None:  # type: ignore[no-untyped-def]
    t = study.transcript("int01")
    span = locate_quote(t, ORIGINAL_QUOTE)
    assert span.kind is MatchKind.placeholders
    assert span.text == "a consultant with [trust name] for about twelve years"
    assert locate_quote(t, "trained in Sheffield. Dr Ann Lowe ran the clinic").text == (
        "trained in [city name]. [name removed] ran the clinic")
    c = service.add_coding(study, "int01", quote=ORIGINAL_QUOTE, pt="PT1", coder="a")
    assert study.text("int01")[c.start:c.end] == c.text


def test_a_quote_that_is_mostly_names_does_not_match(study) -> None:  # type: ignore[no-untyped-def]
    assert locate(study.text("int01"), "Elmfield and District NHS Foundation Trust Sheffield") == []


def test_which_pt_finds_the_original_quote(study) -> None:  # type: ignore[no-untyped-def]
    service.add_coding(study, "int01", quote="I've been a consultant with [trust name] for about twelve years",
                       pt="PT2", coder="a")
    answer = which_pt(QuoteIndex.build(study), ORIGINAL_QUOTE)
    assert answer.coded and [p.pt for p in answer.pts] == ["PT2"]
    assert answer.matches[0].kind == "placeholders"


def test_code_import_shows_closest_passage_without_nested_brackets(study, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "rows.csv"
    table.write_text('transcript,quote,pt\nint01,"a consultent with Elmfeld NHS for abuot twelve yeers",pt1\n',
                     encoding="utf-8")
    res = CliRunner().invoke(cli, ["code", "import", str(study.path), str(table)])
    assert res.exit_code == 1
    assert "closest passage" in res.output
    hint = res.output.split("closest passage", 1)[1]
    assert "[trust name]" in hint and "«" in hint  # the placeholder whole, the match marked apart from it
    for start, end in placeholder_spans(hint):
        assert "«" not in hint[start:end] and "»" not in hint[start:end]


def test_snippet_never_cuts_a_placeholder() -> None:
    text = "we went to [hospital name] and then [name removed] came"
    s = snippet(text, text.index("pital"), text.index("then") + 4, width=5)
    assert "[hospital name]" in s and "«" in s


_WORDS = st.lists(st.sampled_from(["the", "ward", "was", "quiet", "and", "we", "talked", "for", "hours", "then",
                                   "left", "so", "it", "felt", "calm"]), min_size=3, max_size=12)
_NAME = st.sampled_from(["Ann Lowe", "Elmfield and District NHS Foundation Trust", "Jo", "St Mary's", "Ward 7"])
_PLACEHOLDER = st.sampled_from(["[name removed]", "[trust name]", "[hospital name]", "[ward name]"])


@pytest.mark.fuzz
@fuzz_settings(80)
@given(pieces=st.lists(st.tuples(_WORDS, _NAME, _PLACEHOLDER), min_size=1, max_size=4), tail=_WORDS,
       lo=st.integers(0, 3), hi=st.integers(0, 3))
def test_generated_original_quotes_map_to_exact_anonymised_spans(
        pieces: list[tuple[list[str], str, str]], tail: list[str], lo: int, hi: int) -> None:
    """Anonymise a generated text, quote a stretch of the original: the anonymised stretch is found exactly."""
    original, anon = [], []
    for words, name, placeholder in pieces:
        original += [*words, name]
        anon += [*words, placeholder]
    original += tail
    anon += tail
    n = len(original)
    a, b = min(lo, n - 1), max(min(lo, n - 1) + 1, n - hi)
    quote = " ".join(original[a:b])
    text = " ".join(anon)
    expected = " ".join(anon[a:b])
    t = Transcript(id="t", title="t", source_format="plain_txt", text=text, turns=[], source_sha256="0" * 64,
                   normaliser_version="test")
    found = locate(text, quote)
    names = {p[1] for p in pieces}
    literal = len(quote) - sum(len(w) for w in original[a:b] if w in names)
    if not found:  # only when too little of the quote is the text's own words
        assert literal < max(MIN_LITERAL, int(len(quote) * MIN_LITERAL_SHARE)), quote
        return
    assert any(text[m.start:m.end] == expected for m in found), (quote, [text[m.start:m.end] for m in found])
    for m in found:
        start, end = m.start, m.end
        assert not any(ps < start < pe or ps < end < pe for ps, pe in placeholder_spans(text))
    if len(found) == 1:
        assert locate_quote(t, quote).text == expected


# -- CMOC order and the matrix page ---------------------------------------------------------------------

def test_cmoc_members_in_chain_order(study) -> None:  # type: ignore[no-untyped-def]
    o = service.add_coding(study, "int01", quote="Nobody listened", pt="PT1", component="O", coder="a")
    c = service.add_coding(study, "int01", quote="ran the clinic with me", pt="PT1", component="C", coder="a")
    m = service.add_coding(study, "int01", quote="trained in [city name]", pt="PT1", component="Mres", coder="a")
    service.add_configuration(study, pt="pt1", members=[(o.id, "O"), (m.id, "Mres"), (c.id, "C")], name="x")
    res = CliRunner().invoke(cli, ["cmoc", "list", str(study.path), "--pt", "PT1"])
    assert "[C → Mres → O]" in res.output, res.output
    res = CliRunner().invoke(cli, ["cmoc", "show", str(study.path), "x"])
    roles = [line.split()[0] for line in res.output.splitlines()[1:]]
    assert roles == ["context", "mechanism_resource", "outcome"]


def test_matrix_html_and_markdown_escaped_and_deterministic(study, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    service.add_coding(study, "int01", quote="Nobody listened", pt="PT1", component="O", coder="a")
    m = matrix(study, "role")
    m = m.model_copy(update={"rows": [m.rows[0].model_copy(update={"title": "<script>x</script> & | y"}),
                                      *m.rows[1:]]})
    html = to_html(m)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; | y" in html
    assert "http" not in html and "<link" not in html  # self-contained
    md = to_markdown(m)
    assert "<script" not in md and "&lt;script" in md and "\\|" in md
    assert md.count("\n|") == len(m.rows) + 3  # header, rule, a row per PT and the total
    runner = CliRunner()
    out1, out2 = tmp_path / "m.html", tmp_path / "again.html"
    assert runner.invoke(cli, ["matrix", str(study.path), "--by", "role", "--out", str(out1)]).exit_code == 0
    assert runner.invoke(cli, ["matrix", str(study.path), "--by", "role", "--out", str(out2)]).exit_code == 0
    assert out1.read_bytes() == out2.read_bytes() and out1.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = runner.invoke(cli, ["matrix", str(study.path), "--by", "site", "--format", "md"])
    assert res.output.startswith("# Framework matrix")
    assert format_for(".HTM", None) == "html" and format_for(".csv", "md") == "md" and format_for(None, None) == "csv"


def test_suggest_review_accept_with_element_and_memo(study) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest import queue
    from cmo_coder.suggest.records import Suggestion

    text = study.text("int01")
    start = text.index("Nobody")
    end = start + len("Nobody listened to us")
    s = Suggestion(id="sug-1", transcript="int01", start=start, end=end, text=text[start:end],
                   component=Component.outcome, pt="PT2", confidence=0.7, reasons=[])
    with study.transaction("a") as tx:
        queue.add(tx, [s])
    res = CliRunner().invoke(cli, ["suggest", "review", str(study.path), "--accept", "sug-1", "--element", "pt1.mp1",
                                   "--memo", "felt unheard", "--coder", "b"])
    assert res.exit_code == 0, res.output
    (c,) = study.codings()
    assert (c.pt, c.element, c.component) == ("PT1", "PT1.MP1", Component.mechanism_response)
    assert c.memo is not None and c.memo.startswith("felt unheard") and "sug-1" in c.memo
    with pytest.raises(ValidationFailed):
        service.add_coding(study, "int01", quote="Nobody", pt="PT2", element="PT1.MP1", coder="z")


def test_pt_filters_read_any_case_and_refuse_unknown_ids(study) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.coding.agreement import compare
    from cmo_coder.coding.table import export_rows
    from cmo_coder.query.evidence import evidence

    service.add_coding(study, "int01", quote="Nobody listened", pt="PT1", element="PT1.MP1", coder="a")
    service.add_coding(study, "int01", quote="Nobody listened to us", pt="PT1", element="PT1.MP1", coder="b")
    assert [r.element for r in evidence(study, "pt1", element="mp1")] == ["PT1.MP1", "PT1.MP1"]
    with pytest.raises(CmoError, match="unknown element"):
        evidence(study, "PT1", element="O7")
    assert [r["pt"] for r in export_rows(study, pt="pt1")] == ["PT1", "PT1"]
    with pytest.raises(CmoError, match="unknown programme theory"):
        list(export_rows(study, pt="PT9"))
    assert compare(study, ["a", "b"], pts=["pt1"]).overall is not None
    with pytest.raises(CmoError, match="unknown programme theory PT9"):
        compare(study, ["a", "b"], pts=["PT9"])
