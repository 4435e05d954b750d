"""review --accept-all in captions redacts an everyday word where the layers proposed it, not everywhere.

The model may type one everyday word a person in one caption sentence ("we met frank at the door");
accepting that surface used to reach every "frank" in every transcript ("he was frank with me").
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.models import Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.review import accept_all, decision_for
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent


def _set(caseless: bool, surface: str) -> ProposalSet:
    p = Proposal(id="red-1", start=0, end=len(surface), surface=surface, category="person", layers=["caseless"],
                 score=0.8, reason="statistical NER PERSON", placeholder="[name removed]")
    return ProposalSet(transcript_id="t1", source_sha256="x", model=None, caseless=caseless, numbered=False,
                       proposals=[p])


def test_an_everyday_word_in_captions_is_accepted_by_occurrence() -> None:
    ps = _set(True, "frank")
    d = accept_all([ps], Decisions(), "tester")
    assert "frank" not in d.surfaces and d.occurrences["red-1"].decision == "accept"
    assert decision_for(ps.proposals[0], d) is not None


def test_a_name_that_is_no_word_and_cased_text_keep_surface_decisions() -> None:
    assert "okonjo" in accept_all([_set(True, "okonjo")], Decisions(), "tester").surfaces
    assert "frank" in accept_all([_set(False, "Frank")], Decisions(), "tester").surfaces


def test_accept_all_leaves_the_word_elsewhere_in_captions() -> None:
    said = ("we went to see frank and he sorted the forms out for us and then we had a long chat "
            "about it all and to be honest he was frank with me about the waiting list and it was fine")
    key = [KeyEntry(label="P1", name="Ottoline Brisk", role="service_user", site="A")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
        sf = secure_folder(root, key)
        add_pending(project, sf, "t1", [("P1", "Ottoline Brisk", said)])
        project.close()
        runner = CliRunner()
        assert runner.invoke(cli, ["anonymise", str(root / "study"), "--secure", str(sf.path)]).exit_code == 0
        r = runner.invoke(cli, ["review", str(root / "study"), "--secure", str(sf.path), "--accept-all", "--sign-off"])
        assert r.exit_code == 0, r.output
        project = Project.open(root / "study")
        try:
            text = project.transcript("t1").text
        finally:
            project.close()
        assert "see frank" not in text, text  # proposed there by the model, and redacted
        assert "he was frank with me" in text, text


def test_an_accepted_stretch_replaces_a_word_accepted_inside_it() -> None:
    """Captions: "lane" proposed alone (accepted by occurrence) inside a second "brindleby lane" whose
    surface was accepted from the first: the stretch is redacted whole, and sign-off finds no survivor."""
    from cmo_coder.anonymise.review import complete, redaction_spans, survivors
    from cmo_coder.model import Transcript, Turn

    text = "she lives on brindleby lane now and brindleby lane floods"
    first, second = text.index("brindleby lane"), text.rindex("brindleby lane")
    lane = second + len("brindleby ")
    raw = Transcript(id="t1", title="t1", source_format="plain_txt", text=text,
                     turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(text))],
                     source_sha256="0" * 64, normaliser_version="test")
    props = [
        Proposal(id="red-a", start=first, end=first + 14, surface="brindleby lane", category="street",
                 layers=["rules"], score=0.8, reason="street", placeholder="[street name]"),
        Proposal(id="red-b", start=lane, end=lane + 4, surface="lane", category="person", layers=["caseless"],
                 score=0.8, reason="statistical NER PERSON", placeholder="[name removed]"),
    ]
    ps = ProposalSet(transcript_id="t1", source_sha256="x", model=None, caseless=True, numbered=False,
                     proposals=props)
    d = accept_all([ps], Decisions(), "tester")
    sets = complete([ps], {"t1": raw}, d, [])
    d = accept_all(sets, d, "tester")
    spans = [span for _, _, span in redaction_spans(sets[0], d)]
    assert survivors(raw, sets[0], d, [], spans) == []
    assert any(s <= second and second + 14 <= e for s, e, _ in spans)
