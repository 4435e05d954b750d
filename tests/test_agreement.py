"""Inter-coder agreement: NVivo's character-unit kappa checked by hand, Krippendorff's alpha by brute force."""

from __future__ import annotations

from collections import Counter
from itertools import permutations

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.coding import service
from cmo_coder.coding.agreement import (
    cohen_kappa,
    compare,
    krippendorff_alpha_binary,
    methods_paragraph,
    segments,
)
from cmo_coder.coding.outputs import AgreementReport
from cmo_coder.errors import CmoError

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL

HUNDRED = "abcdefghi-" * 10  # N = 100 character units, in words of nine letters (disagreements hold whole words)


def test_worked_example_by_hand() -> None:
    # A codes [0, 40), B codes [20, 50) of a 100-character source.
    # both = 20, A only = 20, B only = 10, neither = 50
    # Po = (20 + 50) / 100 = 0.70
    # Pe = (40/100 × 30/100) + (60/100 × 70/100) = 0.12 + 0.42 = 0.54     (added, as Cohen and NVivo do)
    # kappa = (0.70 − 0.54) / (1 − 0.54) = 0.16 / 0.46 = 0.347826…
    assert cohen_kappa(100, 40, 30, 20) == pytest.approx(0.16 / 0.46)
    # QualCoder's multiplied chance term, (0.12 × 0.42) = 0.0504, would give 0.684: not what we compute
    assert cohen_kappa(100, 40, 30, 20) != pytest.approx((0.70 - 0.0504) / (1 - 0.0504))
    # alpha: n = 200 values, n1 = 70, n0 = 130, o01 = 30 units × 1 × 1 / (2 − 1) = 30
    # alpha = 1 − 199 × 30 / (130 × 70) = 1 − 5970 / 9100 = 0.343956…
    assert krippendorff_alpha_binary({2: 20, 1: 30, 0: 50}, 2) == pytest.approx(1 - 5970 / 9100)


def test_degenerate_cases() -> None:
    assert cohen_kappa(50, 50, 50, 50) == 1.0  # both coded everything: complete agreement
    assert cohen_kappa(50, 0, 0, 0) == 1.0
    assert cohen_kappa(100, 50, 50, 0) == pytest.approx(-1.0)  # perfectly opposite halves
    assert krippendorff_alpha_binary({0: 10}, 2) is None


def _brute_alpha(values: list[list[int]]) -> float | None:
    """Krippendorff's nominal alpha from its coincidence matrix, unit by unit (values[coder][unit])."""
    m = len(values)
    o: Counter[tuple[int, int]] = Counter()
    for u in range(len(values[0])):
        vals = [values[c][u] for c in range(m)]
        for i, j in permutations(range(m), 2):
            o[(vals[i], vals[j])] += 1 / (m - 1)
    n_c = Counter[int]()
    for (c, _k), w in o.items():
        n_c[c] += w
    n = sum(n_c.values())
    if len([c for c in n_c if n_c[c] > 0]) < 2:
        return None
    d_o = sum(w for (c, k), w in o.items() if c != k)
    d_e = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    return 1 - (n - 1) * d_o / d_e


_intervals = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15)).map(lambda t: (t[0], min(40, t[0] + t[1]))),
                      max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.lists(_intervals, min_size=2, max_size=4))
def test_interval_alpha_and_kappa_match_unit_by_unit(coders: list[list[tuple[int, int]]]) -> None:
    n = 40
    by = {f"c{i}": iv for i, iv in enumerate(coders)}
    segs = segments(by, n)
    assert sum(e - s for s, e, _ in segs) == n
    hist: Counter[int] = Counter()
    for s, e, cover in segs:
        hist[len(cover)] += e - s
    values = [[int(any(s <= u < e for s, e in iv)) for u in range(n)] for iv in coders]
    expected = _brute_alpha(values)
    got = krippendorff_alpha_binary(dict(hist), len(coders))
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)
    a, b = values[0], values[1]
    both = sum(x and y for x, y in zip(a, b, strict=True))
    kappa = cohen_kappa(n, sum(a), sum(b), both)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    assert kappa == pytest.approx(1.0 if pe == 1 else (po - pe) / (1 - pe))


@pytest.fixture
def two_coders(project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("t1", [("SP1", "staff", "A", HUNDRED)])
    add_transcript("t2", [("P2", "service_user", "B", HUNDRED.upper())])
    service.add_coding(project, "t1", span=(0, 40), pt="PT1", component="context", coder="ann")
    service.add_coding(project, "t1", span=(20, 50), pt="PT1", component="context", coder="bob")
    service.add_coding(project, "t2", span=(10, 30), pt="PT2", component="outcome", coder="ann")
    service.add_coding(project, "t2", span=(10, 30), pt="PT2", component="outcome", coder="bob", stance="refutes")
    service.add_coding(project, "t2", span=(60, 70), pt="PT1", coder="bob")
    return project


def test_compare_per_code_and_source(two_coders) -> None:  # type: ignore[no-untyped-def]
    cmp = compare(two_coders, ["ann", "bob"], by="pt")
    rows = {(r.transcript, r.code): r for r in cmp.rows}
    assert set(rows) == {("t1", "PT1.C"), ("t2", "PT2.O"), ("t2", "PT1")}
    pair = rows[("t1", "PT1.C")].pairs[("ann", "bob")]
    assert (pair.both, pair.a_only, pair.b_only, pair.neither) == (20, 20, 10, 50)
    assert pair.kappa == pytest.approx(0.16 / 0.46)
    assert rows[("t2", "PT2.O")].pairs[("ann", "bob")].kappa == 1.0  # stance is not part of the code
    assert [(d.transcript, d.code, d.start, d.end, d.coded_by) for d in cmp.disagreements] == [
        ("t1", "PT1.C", 0, 20, ("ann",)), ("t1", "PT1.C", 40, 50, ("bob",)), ("t2", "PT1", 60, 70, ("bob",)),
    ]
    groups = {g.group: g for g in cmp.groups}
    # PT1 pools t1/PT1.C and t2/PT1: both 20, a_only 20, b_only 20, N 200
    assert groups["PT1"].agreement == pytest.approx(160 / 200)
    assert groups["PT1"].kappa == pytest.approx(cohen_kappa(200, 40, 40, 20))
    text = methods_paragraph(cmp)
    assert "NVivo" in text and "Krippendorff" in text and "ann and bob" in text


def test_cli_agreement_and_errors(two_coders) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    path = two_coders.ref
    r = runner.invoke(cli, ["agreement", path, "--coders", "ann", "bob", "--by", "component"])
    assert r.exit_code == 0, r.output
    assert "kappa" in r.output and "disagreements (3" in r.output and "Cohen's kappa" in r.output
    r = runner.invoke(cli, ["agreement", path, "--coders", "ann", "bob", "--json"])
    assert r.exit_code == 0
    report = AgreementReport.model_validate_json(r.stdout)  # the documented shape
    assert report.overall.pairs["ann~bob"].kappa == pytest.approx(report.overall.kappa)
    assert len(report.disagreements) == 3 and "NVivo" in report.methods
    r = runner.invoke(cli, ["agreement", path, "--coders", "ann", "zed"])
    assert r.exit_code == 1 and "coder 'zed' has no codings" in r.output
    with pytest.raises(CmoError, match="two or more different coders"):
        compare(two_coders, ["ann"])


def test_with_stance_opposite_stances_disagree(two_coders) -> None:  # type: ignore[no-untyped-def]
    # t2 [10, 30): ann PT2.O supports, bob PT2.O refutes — agreement without stance, disagreement with it
    plain = compare(two_coders, ["ann", "bob"])
    assert not [d for d in plain.disagreements if d.code.startswith("PT2")]
    staged = compare(two_coders, ["ann", "bob"], with_stance=True, by="component")
    pt2 = [(d.code, d.start, d.end, d.coded_by) for d in staged.disagreements if d.code.startswith("PT2")]
    assert pt2 == [("PT2.O refutes", 10, 30, ("bob",)), ("PT2.O supports", 10, 30, ("ann",))]
    assert {r.code for r in staged.rows} >= {"PT2.O supports", "PT2.O refutes"}
    assert {g.group for g in staged.groups} == {"C", "O", "PT-level"}  # stance never leaks into the groups
    assert staged.overall.kappa < plain.overall.kappa
    assert "opposite stances" in methods_paragraph(staged)
    r = CliRunner().invoke(cli, ["agreement", two_coders.ref, "--coders", "ann", "bob", "--with-stance",
                                 "--json"])
    assert r.exit_code == 0 and AgreementReport.model_validate_json(r.stdout).with_stance is True


def test_slivers_left_out_of_the_list_and_cut_lists_say_so(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    said = "They are not going to feel judged, are they? Nobody listened to us at all, not once."
    add_transcript("t", [("SP1", "staff", "A", said)])

    def span(quote: str) -> tuple[int, int]:
        return said.index(quote), said.index(quote) + len(quote)

    service.add_coding(project, "t", span=span("not going to feel judged"), pt="PT1", component="context",
                       coder="ann")
    service.add_coding(project, "t", span=span("not going to feel judged,"), pt="PT1", component="context",
                       coder="bob")  # one comma more: a sliver
    service.add_coding(project, "t", span=span("Nobody listened to us"), pt="PT1", component="outcome", coder="ann")
    service.add_coding(project, "t", span=span("Nobody listened"), pt="PT1", component="outcome",
                       coder="bob")  # " to us": two whole words, listed
    service.add_coding(project, "t", span=span("at all, not once"), pt="PT1", component="outcome", coder="ann")
    cmp = compare(project, ["ann", "bob"])
    assert cmp.slivers == 1
    assert [d.text for d in cmp.disagreements] == ["to us", "at all, not once"]
    assert all(d.text.strip(" ,") for d in cmp.disagreements)
    assert "1 sliver(s)" in methods_paragraph(cmp)
    r = CliRunner().invoke(cli, ["agreement", project.ref, "--coders", "ann", "bob", "--disagreements", "1"])
    assert r.exit_code == 0
    assert "disagreements (first 1 of 2; coded by one coder only; 1 sliver(s) shorter than a word left out)" \
        in r.output
    r = CliRunner().invoke(cli, ["agreement", project.ref, "--coders", "ann", "bob"])
    assert "disagreements (2; coded by one coder only;" in r.output


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab ,.", min_size=1, max_size=30), st.data())
def test_has_whole_word_matches_a_word_by_word_check(text: str, data: st.DataObject) -> None:
    from cmo_coder.coding.agreement import has_whole_word

    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w+", text)]
    assert has_whole_word(text, start, end) == any(start <= s and e <= end for s, e in words)
