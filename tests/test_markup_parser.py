"""The inline-markup parser: tags and attributions become exact spans of one clean text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.coding.markup import QuoteKind, census, parse_attribution, parse_component_tag, parse_markup
from cmo_coder.model import Component, Role

ISSUE_EXAMPLE = (
    "When the context was present, staff felt empowered to address clients’ needs (mechanism – resource) "
    "leading to reduced exclusion (outcome)."
)


def _check_spans(doc) -> None:  # type: ignore[no-untyped-def]
    for item in [*doc.clauses, *doc.quotes, *doc.headings]:
        assert doc.text[item.start : item.end] == item.text


def test_issue_example_clauses_and_clean_text() -> None:
    doc = parse_markup(ISSUE_EXAMPLE, default_pt="PT1")
    assert doc.text == (
        "When the context was present, staff felt empowered to address clients’ needs "
        "leading to reduced exclusion."
    )
    assert [(c.text, c.component, c.pt) for c in doc.clauses] == [
        ("When the context was present, staff felt empowered to address clients’ needs",
         Component.mechanism_resource, "PT1"),
        ("leading to reduced exclusion", Component.outcome, "PT1"),
    ]
    assert doc.clauses[0].tag == "mechanism – resource"
    assert doc.restore() == ISSUE_EXAMPLE
    _check_spans(doc)


def test_tag_variants() -> None:
    assert parse_component_tag("mechanism response")[:2] == (Component.mechanism_response, None)  # type: ignore[index]
    assert parse_component_tag("outcomes")[0] is Component.outcome  # type: ignore[index]
    assert parse_component_tag("proximal outcomes") == (Component.outcome, None, "proximal", None)
    assert parse_component_tag("mechanism – resource 2") == (Component.mechanism_resource, 2, None, None)
    assert parse_component_tag("mechanism – resource; as described above") == (
        Component.mechanism_resource, None, None, "as described above")
    assert parse_component_tag("mechanism–resource")[0] is Component.mechanism_resource  # type: ignore[index]
    assert parse_component_tag("Mresp")[0] is Component.mechanism_response  # type: ignore[index]
    for not_a_tag in ("Figure 2", "e.g. A&E or the police", "engagement", "MDT", "o", "c", "mechanism", "A"):
        assert parse_component_tag(not_a_tag) is None, not_a_tag


def test_non_tags_are_left_in_the_text() -> None:
    text = "[I]t said (see Figure 4) that services (e.g. A&E) helped. [O]ur team (MDT) agreed (context)."
    doc = parse_markup(text)
    assert doc.text == "[I]t said (see Figure 4) that services (e.g. A&E) helped. [O]ur team (MDT) agreed."
    assert [c.text for c in doc.clauses] == ["[O]ur team (MDT) agreed"]


def test_sentence_start_is_a_boundary_but_not_eg() -> None:
    doc = parse_markup("It was hard. First services (e.g. A&E or the police) were the only way in a crisis (context).")
    assert doc.clauses[0].text == "First services (e.g. A&E or the police) were the only way in a crisis"


def test_block_quotes_with_attribution_lines() -> None:
    text = (
        "Refined programme theory 2: attitudes\n"
        "Staff spoke of support (mechanism – resource).\n"
        "We’ve had great support from the team throughout.\n"
        "SP92, Case Study B\n"
        "It was really hard to get any help.\n"
        "P36, (Carer) Case Study B\n"
        "Nobody listened.\n"
        "P6, male, Case Study C\n"
    )
    doc = parse_markup(text, default_pt="PT1")
    assert doc.text == (
        "Refined programme theory 2: attitudes\n"
        "Staff spoke of support.\n"
        "We’ve had great support from the team throughout.\n"
        "It was really hard to get any help.\n"
        "Nobody listened.\n"
    )
    assert [(q.text, q.label, q.role, q.site, q.kind, q.pt) for q in doc.quotes] == [
        ("We’ve had great support from the team throughout.", "SP92", Role.staff, "B", QuoteKind.block, "PT2"),
        ("It was really hard to get any help.", "P36", Role.carer, "B", QuoteKind.block, "PT2"),
        ("Nobody listened.", "P6", Role.service_user, "C", QuoteKind.block, "PT2"),
    ]
    assert doc.clauses[0].pt == "PT2"
    assert [h.pt for h in doc.headings] == ["PT2"]
    assert doc.restore() == text
    _check_spans(doc)


def test_inline_attributions_single_and_shared() -> None:
    text = (
        "Staff emphasised ‘responsiveness and flexibility’ (SP22, Case Study C) and it’s ‘chicken and egg’ "
        "[P29, (Carer) Case Study B; P6, Case Study C], and ‘keep somebody well’ (SP92, Case Study B) (context)."
    )
    doc = parse_markup(text, default_pt="PT3")
    got = [(q.text, q.label, q.role, q.site) for q in doc.quotes]
    assert got == [
        ("responsiveness and flexibility", "SP22", Role.staff, "C"),
        ("chicken and egg", "P29", Role.carer, "B"),
        ("chicken and egg", "P6", Role.service_user, "C"),
        ("keep somebody well", "SP92", Role.staff, "B"),
    ]
    # a tag straight after an attribution labels the clause before the attribution
    assert [(c.text, c.component) for c in doc.clauses] == [("and ‘keep somebody well’", Component.context)]
    assert doc.restore() == text
    _check_spans(doc)


def test_two_tags_on_one_clause_and_square_tags_in_quotes() -> None:
    text = (
        "When staff worked together (mechanism – response) (mechanism – resource), people stayed (outcome). "
        "Adams describes how ‘ambivalence towards comorbidity [context] … may influence interactions "
        "[mechanism–resource]’ (p. 102)."
    )
    doc = parse_markup(text)
    got = [(c.text, c.component) for c in doc.clauses]
    assert got == [
        ("When staff worked together", Component.mechanism_response),
        ("When staff worked together", Component.mechanism_resource),
        ("people stayed", Component.outcome),
        ("ambivalence towards comorbidity", Component.context),
        ("may influence interactions", Component.mechanism_resource),
    ]
    assert all(c.pt is None for c in doc.clauses)
    _check_spans(doc)


def test_headings_switch_pt_and_default_applies_before_them() -> None:
    text = (
        "Intro claim (context).\nRefined programme theory 3: case management\nA claim (outcome).\n"
        "PT4: education\nB (O)."
    )
    doc = parse_markup(text, default_pt="PT9")
    assert [(c.text, c.pt) for c in doc.clauses] == [("Intro claim", "PT9"), ("A claim", "PT3"), ("B", "PT4")]


def test_attribution_parsing() -> None:
    assert parse_attribution("P36, (Carer) Case Study B") == [("P36", Role.carer, "B", "P36, (Carer) Case Study B")]
    assert parse_attribution("SP10, Case Study C")[0][:3] == ("SP10", Role.staff, "C")
    assert parse_attribution("P3, (Carer) Case Study 3")[0][:3] == ("P3", Role.carer, "3")
    assert parse_attribution("SP38") == [("SP38", Role.staff, None, "SP38")]
    assert parse_attribution("see Figure 4") == []
    assert parse_attribution("P6, Case Study C; Figure 2") == []


def test_problems_name_the_line() -> None:
    doc = parse_markup("Heading\n(context)\nSP10, Case Study C\n")
    assert any(p.startswith("line 2") for p in doc.problems)


def test_crlf_and_bom_are_normalised() -> None:
    doc = parse_markup("\ufeffStaff helped (context).\r\nIt worked.\r\nSP1, Case Study A\r\n")
    assert doc.text == "Staff helped.\nIt worked.\n"
    assert doc.quotes[0].text == "It worked."


def test_development_chapter_recovers_every_tag_and_attribution_line(shared_dir: Path) -> None:
    text = (shared_dir / "reco" / "chapter4_pt1-5.txt").read_text(encoding="utf-8")
    doc = parse_markup(text)
    counts = census(text)
    assert len(doc.clauses) == counts["tags"]
    assert sum(q.kind is QuoteKind.block for q in doc.quotes) == counts["attribution_lines"]
    assert sum(q.kind is QuoteKind.inline for q in doc.quotes) >= 0.9 * counts["inline_attributions"]
    assert {c.pt for c in doc.clauses} == {"PT1", "PT2", "PT3", "PT4", "PT5"}
    assert doc.restore() == text
    _check_spans(doc)
    # no tag or attribution survives in the clean text
    assert not re.search(r"\((?:context|outcomes?|mechanism[^)]*)\)", doc.text)
    assert not re.search(r"(?m)^(?:SP|P)\d+, ", doc.text)


_WORDS = st.text(alphabet="abcdefghij ’‘,", min_size=1, max_size=30).filter(lambda s: s.strip(" ,’‘") != "")
_TAGS = st.sampled_from(
    ["context", "mechanism – resource", "mechanism response", "outcomes", "proximal outcomes", "mechanism – resource 2"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_WORDS, _TAGS), min_size=1, max_size=6), st.sampled_from([" ", ". ", "; "]))
def test_generated_markup_round_trips(pairs: list[tuple[str, str]], joiner: str) -> None:
    text = joiner.join(f"{words.strip()} ({tag})" for words, tag in pairs) + "."
    doc = parse_markup(text, default_pt="PT1")
    _check_spans(doc)
    assert doc.restore() == text
    assert [c.component for c in doc.clauses] == [parse_component_tag(t)[0] for _, t in pairs]  # type: ignore[index]
    assert "(" not in doc.text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab (),;.\n’‘[]PS1C\r", "context", "SP1, Case Study A", "(outcome)", "…"]), max_size=40
    ).map("".join)
)
def test_arbitrary_text_never_breaks_offsets(text: str) -> None:
    doc = parse_markup(text)
    _check_spans(doc)
    source = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    assert doc.restore() == source
    for item in [*doc.clauses, *doc.quotes]:
        assert source[item.source_start] == item.text[0]


def test_source_offsets_point_at_the_same_characters() -> None:
    text = "A (context). B [mechanism–resource] and ‘quoted words’ (SP1, Case Study A) then C (outcome).\nIt was.\nP2\n"
    doc = parse_markup(text)
    source = text
    for item in [*doc.clauses, *doc.quotes]:
        head = item.text[:3]
        assert source[item.source_start : item.source_start + len(head)] == head
    assert [q.text for q in doc.quotes] == ["quoted words", "It was."]


def test_qualified_tags_and_prose_that_only_mentions_a_component() -> None:
    assert parse_component_tag("intermediary outcome")[:3] == (Component.outcome, None, "intermediary")  # type: ignore[index]
    assert parse_component_tag("service outcomes")[0] is Component.outcome  # type: ignore[index]
    for prose in ("see outcome", "the context", "health and social outcomes", "context of care"):
        assert parse_component_tag(prose) is None, prose


def test_combined_tags_label_one_clause_twice() -> None:
    doc = parse_markup("Shared records (context and mechanism – resource) helped; staff stayed (Mres/outcome).")
    assert [(c.text, c.component) for c in doc.clauses] == [
        ("Shared records", Component.context), ("Shared records", Component.mechanism_resource),
        ("staff stayed", Component.mechanism_resource), ("staff stayed", Component.outcome),
    ]
    assert parse_markup("Words (context and more) here.").clauses == []
