"""The shipped RECO codebook and the errors a hand-edited codebook gets."""

from __future__ import annotations

import re

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.errors import ValidationFailed
from cmo_coder.model import Component


def test_reco_has_the_eleven_programme_theories(reco_codebook):
    assert reco_codebook.pt_ids == [f"PT{i}" for i in range(1, 12)]
    for pt in reco_codebook.programme_theories:
        components = {e.component for e in pt.elements}
        assert components == set(Component), f"{pt.id} lacks a component"


def test_reco_elements_are_the_statement_split_at_the_authors_tags(reco_codebook):
    for pt in reco_codebook.programme_theories:
        position = 0
        for el in pt.elements:
            found = pt.statement.find(el.statement, position)
            assert found >= 0, f"{el.id} is not verbatim in order in {pt.id}"
            after = pt.statement[found + len(el.statement):]
            assert re.match(r"\s*\(", after), f"{el.id} is not followed by its inline tag"
            position = found + len(el.statement)
    pt11 = reco_codebook.pt("PT11")
    assert [e.id for e in pt11.elements_of(Component.mechanism_resource)] == ["PT11.MR1", "PT11.MR2"]


def test_reco_matches_the_published_table(shared_dir, reco_codebook):
    source = (shared_dir / "reco" / "programme_theories.md").read_text(encoding="utf-8")
    for pt in reco_codebook.programme_theories:
        assert f"{pt.title} | {pt.statement} |" in source


def test_reco_cites_its_source(reco_codebook):
    assert "10.3310/JTNT0476" in reco_codebook.citation
    assert "CC BY 4.0" in reco_codebook.licence


def test_round_trip_through_yaml(reco_codebook):
    assert codebook_io.loads(codebook_io.dumps(reco_codebook)) == reco_codebook


def test_malformed_yaml_names_the_line():
    with pytest.raises(ValidationFailed, match=r"cb.yaml:2:\d+: malformed YAML: mapping values"):
        codebook_io.loads("name: x\n  title: y: z\n", name="cb.yaml")


def test_invalid_fields_name_line_and_path():
    source = """name: x
programme_theories:
- id: PT1
  title: first
  statement: s
  elements:
  - id: PT1.C1
    component: contxt
    statement: s
- id: theory2
  title: second
  statement: s
"""
    with pytest.raises(ValidationFailed) as info:
        codebook_io.loads(source, name="cb.yaml")
    message = str(info.value)
    assert "cb.yaml:8: programme_theories[0].elements[0].component" in message
    assert "cb.yaml:10: programme_theories[1].id" in message


def test_empty_and_missing_files(tmp_path):
    with pytest.raises(ValidationFailed, match="empty"):
        codebook_io.loads("", name="e.yaml")
    with pytest.raises(ValidationFailed, match="file not found"):
        codebook_io.load(tmp_path / "nope.yaml")
