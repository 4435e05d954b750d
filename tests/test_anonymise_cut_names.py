"""A registered name cut off mid-word ("I'm with Dev-", "Marg— sorry") is an occurrence of that name.

The review proposes it and sign-off redacts it, so the transcript can be signed off with nothing of
the name left; a false start of another word ("Mar- market") stays. Dashes of every kind count.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.candidates import Candidate
from cmo_coder.anonymise.fragments import false_starts
from cmo_coder.anonymise.occurrences import cut_prefixes
from cmo_coder.anonymise.register import RegisterItem, person_variants
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
ITEM = RegisterItem(key="key:P1", surface="Devinder Sandhu", category="person",
                    variants=person_variants("Devinder Sandhu"))


def _cuts(text: str) -> list[str]:
    return [text[o.start : o.end] for o in cut_prefixes(text, [(0, len(text))], [ITEM])]


@pytest.mark.parametrize(("text", "cuts"), [
    ("I'm with Dev-", ["Dev"]),
    ("i'm with dev— sorry, go on", ["dev"]),
    ("Then Sand– no, Devinder said", ["Sand"]),
    ("we went to the Dev- devon coast", []),  # the start of the next word, not of the name
    ("a well-known place", []),
    ("Devinder said it", []),  # the whole name is no cut prefix
])
def test_cut_prefixes_of_a_registered_name(text: str, cuts: list[str]) -> None:
    assert _cuts(text) == cuts


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_false_start_takes_any_dash(dash: str) -> None:
    text = f"and Car{dash} Carlotta said"
    found = false_starts(text, [Candidate(text.index("Carlotta"), text.index(" said"), "person", "ner", 0.9, "")])
    assert [text[c.start : c.end] for c in found] == [f"Car{dash} Carlotta"]


@pytest.mark.parametrize("said", [
    "Well I'm with Dev- on that one.",
    "i asked dev- and then dev— devinder said no",
    "Sand— sorry. Devinder's mum came too.",
])
def test_a_cut_name_is_redacted_and_the_transcript_signs_off(said: str) -> None:
    key = [KeyEntry(label="P1", name="Devinder Sandhu", role="service_user", site="A")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
        sf = secure_folder(root, key)
        add_pending(project, sf, "t1", [("P1", "Devinder Sandhu", said)])
        project.close()
        runner = CliRunner()
        r = runner.invoke(cli, ["anonymise", str(root / "study"), "--secure", str(sf.path)])
        assert r.exit_code == 0, r.output
        r = runner.invoke(cli, ["review", str(root / "study"), "--secure", str(sf.path), "--accept-all", "--sign-off"])
        assert r.exit_code == 0, r.output
        project = Project.open(root / "study")
        try:
            text = project.transcript("t1").text
        finally:
            project.close()
        assert "dev" not in text.lower() and "sand" not in text.lower(), text


def test_an_item_passed_once_per_form_finds_what_it_finds_passed_once() -> None:
    """registered_occurrences passes each item once per registered form; the cuts found, and whose
    they are, are those of the distinct items in first-seen order (the second item shares "Dev")."""
    other = RegisterItem(key="key:P2", surface="Devon Clarke", category="person",
                         variants=person_variants("Devon Clarke"))
    text = "I'm with Dev- and Cla- and Sand— sorry"
    once = cut_prefixes(text, [(0, len(text))], [ITEM, other])
    repeated = cut_prefixes(text, [(0, len(text))], [ITEM] * len(ITEM.variants) + [other, ITEM, other])
    assert [(o.start, o.end, o.form, o.item.key if o.item else None) for o in repeated] == \
        [(o.start, o.end, o.form, o.item.key if o.item else None) for o in once]
    assert [text[o.start : o.end] for o in once] == ["Dev", "Cla", "Sand"]
