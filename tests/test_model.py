"""Invariants of the domain model: they are what every later stage relies on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from cmo_coder.model import (
    Codebook,
    Coding,
    Component,
    Configuration,
    Participant,
    Role,
    Stance,
    Transcript,
    Turn,
)

SHA = "0" * 64


def coding(**kw):
    base = dict(id="c1", transcript_id="t1", start=0, end=5, text="hello", pt="PT1", coder="ann")
    base.update(kw)
    return Coding(**base)


def test_span_must_match_text_length():
    with pytest.raises(ValidationError, match="has 4 characters but its text has 5"):
        coding(end=4)


def test_empty_or_reversed_span_refused():
    with pytest.raises(ValidationError, match="empty or reversed"):
        coding(start=5, end=5, text="")


def test_element_must_belong_to_the_coding_pt():
    with pytest.raises(ValidationError, match="belongs to PT2, not PT1"):
        coding(element="PT2.C1")


def test_element_fixes_the_component_and_contradiction_is_refused():
    assert coding(element="PT1.MR1").component is Component.mechanism_resource
    with pytest.raises(ValidationError, match="is a mechanism_resource, but the coding says outcome"):
        coding(element="PT1.MR1", component="outcome")


def test_offsets_are_not_coerced_from_strings():
    with pytest.raises(ValidationError):
        coding(start="0")


@given(st.text(min_size=1, max_size=200), st.data())
def test_a_span_cut_from_a_text_always_checks_against_it(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    c = coding(start=start, end=end, text=text[start:end])
    c.check_against(text)
    shifted = text[start + 1 : end + 1]
    if end + 1 <= len(text) and shifted != c.text:
        with pytest.raises(ValueError, match="reads"):
            coding(start=start + 1, end=end + 1, text=c.text).check_against(text)


def test_span_beyond_text_is_reported():
    with pytest.raises(ValueError, match="beyond the transcript's 3 characters"):
        coding().check_against("abc")


def transcript(text, turns):
    return Transcript(id="t1", title="t", source_format="plain_txt", text=text, turns=turns,
                      source_sha256=SHA, normaliser_version="1")


def test_turns_must_be_inside_the_text_and_in_order():
    with pytest.raises(ValidationError, match="beyond the text"):
        transcript("abc", [Turn(speaker="P1", start=0, end=4)])
    with pytest.raises(ValidationError, match="inside the previous turn"):
        transcript("abcdef", [Turn(speaker="P1", start=0, end=4), Turn(speaker="P2", start=3, end=6)])


@given(st.lists(st.tuples(st.sampled_from(["SP1", "P2", "F1"]), st.text(min_size=1, max_size=30)), min_size=1))
def test_turn_at_finds_the_turn_holding_every_offset(parts):
    text, turns, pos = "", [], 0
    for label, said in parts:
        if text:
            text += "\n\n"
            pos += 2
        turns.append(Turn(speaker=label, start=pos, end=pos + len(said)))
        text += said
        pos += len(said)
    t = transcript(text, turns)
    for i, turn in enumerate(t.turns):
        assert t.turn_text(i) == parts[i][1]
        assert t.turn_at(turn.start) == i
        assert t.turn_at(turn.end - 1) == i
    for gap in range(1, len(turns)):
        assert t.turn_at(turns[gap].start - 1) is None


def test_codebook_refuses_duplicate_pts_and_misfiled_elements():
    pt = {"id": "PT1", "title": "t", "statement": "s", "elements": []}
    with pytest.raises(ValidationError, match="PT1 appears twice"):
        Codebook(name="x", programme_theories=[pt, pt])
    bad = dict(pt, elements=[{"id": "PT2.C1", "component": "context", "statement": "s"}])
    with pytest.raises(ValidationError, match="listed under PT1 but its id names PT2"):
        Codebook(name="x", programme_theories=[bad])
    wrong_code = dict(pt, elements=[{"id": "PT1.O1", "component": "context", "statement": "s"}])
    with pytest.raises(ValidationError, match="has code O but component context"):
        Codebook(name="x", programme_theories=[wrong_code])


def test_configuration_needs_two_roles_and_distinct_codings():
    members = [{"coding_id": "a", "role": "context"}, {"coding_id": "b", "role": "outcome"}]
    Configuration(id="x", pt="PT1", name="dyad", members=members, coder="ann")
    with pytest.raises(ValidationError, match="at least two different roles"):
        Configuration(id="x", pt="PT1", name="d", coder="ann",
                      members=[{"coding_id": "a", "role": "context"}, {"coding_id": "b", "role": "context"}])
    with pytest.raises(ValidationError, match="same coding twice"):
        Configuration(id="x", pt="PT1", name="d", coder="ann",
                      members=[{"coding_id": "a", "role": "context"}, {"coding_id": "a", "role": "outcome"}])


@pytest.mark.parametrize(
    "written, expected",
    [("C", Component.context), ("Mres", Component.mechanism_resource), ("mechanism – response",
     Component.mechanism_response), ("Outcomes", Component.outcome), ("MR", Component.mechanism_resource)],
)
def test_component_names_analysts_type(written, expected):
    assert Component.parse(written) is expected


def test_unknown_component_and_stance_are_named():
    with pytest.raises(ValueError, match="unknown component 'mechanisms'"):
        Component.parse("mechanisms")
    with pytest.raises(ValueError, match="unknown stance 'suports'"):
        Stance.parse("suports")
    assert Stance.parse("Refute") is Stance.refutes


def test_attribution_reads_like_a_realist_report():
    assert Participant(label="SP10", role=Role.staff, site="C").attribution == "SP10, Case Study C"
    assert Participant(label="P36", role=Role.carer, site="B").attribution == "P36, (Carer) Case Study B"
    assert Participant(label="P7", role=Role.service_user).attribution == "P7"
    with pytest.raises(ValidationError, match="study label"):
        Participant(label="Jane Smith", role=Role.staff)
