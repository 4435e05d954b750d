"""Attribution forms realist reports use, beyond 'P16, Case Study C', and what happens to the ones no form fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.coding.attribution import looks_like_attribution, parse_attribution
from cmo_coder.coding.markup import QuoteKind, parse_markup
from cmo_coder.model import Role
from tests.fuzzing import fuzz_settings


@pytest.mark.parametrize(("written", "expected"), [
    ("P16 Case Study C", [("P16", Role.service_user, "C")]),
    ("P16, Case Study C", [("P16", Role.service_user, "C")]),
    ("(P16, Case Study C)", []),  # brackets are the caller's: a line or an inline group strips them
    ("SP3, site A", [("SP3", Role.staff, "A")]),
    ("P3; P7, Case Study B", [("P3", Role.service_user, "B"), ("P7", Role.service_user, "B")]),
    ("P3, Case Study A; P7, Case Study B", [("P3", Role.service_user, "A"), ("P7", Role.service_user, "B")]),
    ("Carer, P36, Case Study B", [("P36", Role.carer, "B")]),
    ("P36 (Carer) Case Study B", [("P36", Role.carer, "B")]),
    ("SP12, Staff, Site A", [("SP12", Role.staff, "A")]),
    ("— P16, Case Study C", [("P16", Role.service_user, "C")]),
    ("– SP5", [("SP5", Role.staff, None)]),
    ("P9 female, aged 40, Case Study A", [("P9", Role.service_user, "A")]),
    ("P16, focus group 2", [("P16", Role.service_user, None)]),
])
def test_attribution_forms(written: str, expected: list[tuple[str, Role, str | None]]) -> None:
    assert [a[:3] for a in parse_attribution(written)] == expected


@pytest.mark.parametrize("prose", ["P16 said she was tired", "P16 described the ward", "see Figure 4",
                                   "P6, Case Study C; Figure 2", "P1 P2 Case Study A"])
def test_prose_is_not_an_attribution(prose: str) -> None:
    assert parse_attribution(prose) == []


def test_every_form_attributes_its_quote_in_a_report() -> None:
    text = ("PT3: joint working\n"
            "I think you need both.\nP16 Case Study C\n"
            "You need the protocol.\n[SP3, site A]\n"
            "It was one meeting.\nP3; P7, Case Study B\n"
            "Being asked mattered.\nCarer, P36, Case Study B\n"
            "They listened.\nP37 (Carer) Case Study B\n"
            "Once they knew me.\n— P18, Case Study C\n"
            "She called it ‘the first time anyone asked’ — P19, Case Study A\n"
            "The forms were never read. – SP20, Site B\n")
    doc = parse_markup(text)
    got = [(q.label, q.role, q.site, q.text, q.kind) for q in doc.quotes]
    assert got == [
        ("P16", Role.service_user, "C", "I think you need both.", QuoteKind.block),
        ("SP3", Role.staff, "A", "You need the protocol.", QuoteKind.block),
        ("P3", Role.service_user, "B", "It was one meeting.", QuoteKind.block),
        ("P7", Role.service_user, "B", "It was one meeting.", QuoteKind.block),
        ("P36", Role.carer, "B", "Being asked mattered.", QuoteKind.block),
        ("P37", Role.carer, "B", "They listened.", QuoteKind.block),
        ("P18", Role.service_user, "C", "Once they knew me.", QuoteKind.block),
        ("P19", Role.service_user, "A", "the first time anyone asked", QuoteKind.inline),
        ("SP20", Role.staff, "B", "The forms were never read.", QuoteKind.inline),
    ]
    assert all(q.pt == "PT3" for q in doc.quotes) and not doc.problems
    assert doc.restore() == text
    assert "P16" not in doc.text and "SP20" not in doc.text


def test_unread_attributions_are_reported_with_their_line() -> None:
    doc = parse_markup("It was hard.\nP21 the focus group on Tuesday\nA ‘quote’ (P22 from the ward)\n")
    assert doc.quotes == []
    assert [p.split(":")[0] for p in doc.problems] == ["line 2", "line 3"]
    assert "P21 the focus group" in doc.text  # left in the text, never dropped
    assert looks_like_attribution("P21 the focus group") and not looks_like_attribution("P21 said so.")
    assert not looks_like_attribution("SP15’s") and not looks_like_attribution("P3-based work")


def test_markup_import_names_file_and_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cmo_coder.cli.main import cli
    runner = CliRunner()
    proj = tmp_path / "p"
    assert runner.invoke(cli, ["init", str(proj), "--codebook", "codebooks/reco.yaml"]).exit_code == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("PT3: x\nI think you need both.\nP16 Case Study C\nIt was hard.\nP21 the focus group\n",
                     encoding="utf-8")
    res = runner.invoke(cli, ["markup", "import", str(proj), str(notes)])
    assert res.exit_code == 0, res.output
    assert f"{notes}: line 5:" in res.output
    assert "1 attributed quotes recovered" in res.output


_LABEL = st.builds(lambda p, n: f"{p}{n}", st.sampled_from(["P", "SP"]), st.integers(1, 999))
_SITE = st.sampled_from(["Case Study A", "Case Study 3", "site B", "Site C", "ward 2"])
_ROLE = st.sampled_from([("Carer", Role.carer), ("Staff", Role.staff), ("service user", Role.service_user), None])


@pytest.mark.fuzz
@fuzz_settings(80)
@given(label=_LABEL, site=st.one_of(st.none(), _SITE), role=_ROLE, role_first=st.booleans(),
       comma=st.booleans(), paren_role=st.booleans(), dash=st.sampled_from(["", "— ", "– "]),
       bracket=st.sampled_from(["", "()", "[]"]), inline=st.booleans())
def test_generated_attributions_attribute_their_quote(label: str, site: str | None, role: tuple[str, Role] | None,
                                                      role_first: bool, comma: bool, paren_role: bool, dash: str,
                                                      bracket: str, inline: bool) -> None:
    sep = ", " if comma else " "
    pieces = [label]
    if role is not None:
        word = f"({role[0]})" if paren_role and not role_first else role[0]
        pieces = [word, label] if role_first else [label, word]
    if site is not None:
        pieces.append(site)
    written = pieces[0] + "".join((", " if role_first and i == 1 else sep) + p for i, p in enumerate(pieces[1:], 1))
    attribution = f"{bracket[:1]}{written}{bracket[1:]}" if bracket else written
    if inline:
        text = f"Intro.\nShe said ‘it was the first time’ {dash.strip() + ' ' if dash else ''}" + (
            attribution if dash or bracket else f"({written})") + "\n"
    else:
        text = f"Intro.\nIt was the first time.\n{dash}{attribution}\n"
    doc = parse_markup(text, default_pt="PT1")
    assert doc.restore() == text
    assert [(q.label, q.site[-1] if q.site else None) for q in doc.quotes] == [
        (label, site.split()[-1].upper() if site else None)], (text, doc.problems)
    expected_role = role[1] if role else (Role.staff if label.startswith("SP") else Role.service_user)
    assert doc.quotes[0].role is expected_role
    q = doc.quotes[0]
    assert doc.text[q.start:q.end] == q.text == "it was the first time" if inline else "It was the first time."
