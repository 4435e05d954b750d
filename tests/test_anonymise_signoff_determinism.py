"""Sign-off after ``review --accept-all`` alone never refuses, and the same input gives the same bytes.

A decision reaches every occurrence of its surface, but the layers' proposals may overlap an
occurrence without matching it: in captions "back to the fellgate royal for the clinic" held a
layer's "royal for the clinic" while "fellgate royal" was accepted from another transcript, and
the accepted stretch was skipped there. Sign-off then refused the transcript ("a rejected or
edited decision overlapping them let them through") though nobody had rejected or edited
anything. Invented hospitals, towns and people only.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.apply import apply_spans
from cmo_coder.anonymise.models import Decision, Decisions, Proposal, ProposalSet
from cmo_coder.anonymise.occurrences import norm
from cmo_coder.anonymise.register import RegisterItem, plain_variants
from cmo_coder.anonymise.review import (
    accept_all,
    complete,
    decide,
    redaction_spans,
    save_decisions,
    survivors,
    undecided,
)
from cmo_coder.cli.main import cli
from cmo_coder.ids import stable_id
from cmo_coder.model import Transcript, Turn
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent


def _raw(text: str, tid: str = "t1") -> Transcript:
    return Transcript(id=tid, title=tid, source_format="plain_txt", text=text,
                      turns=[Turn(speaker="P1", speaker_name="x", start=0, end=len(text))],
                      source_sha256="0" * 64, normaliser_version="test")


def _proposal(raw: Transcript, surface: str, category: str, nth: int = 0, layer: str = "caseless") -> Proposal:
    start = [m.start() for m in re.finditer(re.escape(surface), raw.text)][nth]
    return Proposal(id=stable_id("red", raw.id, start, start + len(surface)), start=start, end=start + len(surface),
                    surface=surface, category=category, layers=[layer], score=0.8, reason="test",
                    placeholder=f"[{category}]")


def _set(raw: Transcript, proposals: list[Proposal], caseless: bool = True) -> ProposalSet:
    return ProposalSet(transcript_id=raw.id, source_sha256=raw.source_sha256, model=None, caseless=caseless,
                       numbered=False, proposals=sorted(proposals, key=lambda p: p.start))


def _review_accept_all(sets: list[ProposalSet], raws: dict[str, Transcript], decisions: Decisions,
                       items: list[RegisterItem]) -> tuple[list[ProposalSet], Decisions]:
    """What ``review --accept-all`` does, then what sign-off re-reads."""
    sets = complete(sets, raws, decisions, items)
    decisions = accept_all(sets, decisions, "tester")
    sets = complete(sets, raws, decisions, items)
    decisions = accept_all(sets, decisions, "tester")
    return complete(sets, raws, decisions, items), decisions


def _signed_off(raw: Transcript, ps: ProposalSet, decisions: Decisions, items: list[RegisterItem]) -> str:
    assert not undecided(ps, decisions)
    spans = [span for _, _, span in redaction_spans(ps, decisions)]
    assert survivors(raw, ps, decisions, items, spans) == []
    return apply_spans(raw.text, spans)[0]  # raises if two redactions overlap


def _place(surface: str, category: str = "hospital") -> RegisterItem:
    return RegisterItem(key=f"register:{category}:{surface.lower()}", surface=surface, category=category,
                        variants=plain_variants(surface))


# -- the class: an occurrence meets a proposal reaching beyond it ----------------------------------------------
def test_an_accepted_hospital_inside_a_longer_service_proposal_is_redacted_and_signed_off() -> None:
    cased = _raw("I went to the Fellgate Royal in May.", "a")
    captions = _raw("then back to the fellgate royal for the clinic, and the fellgate royal again", "b")
    sets = [_set(cased, [_proposal(cased, "Fellgate Royal", "org", layer="ner")], caseless=False),
            _set(captions, [_proposal(captions, "royal for the clinic", "service"),
                            _proposal(captions, "fellgate royal", "org", nth=1)])]
    raws = {"a": cased, "b": captions}
    sets, decisions = _review_accept_all(sets, raws, Decisions(), [])
    text = _signed_off(captions, sets[1], decisions, [])
    assert "fellgate" not in text and "royal" not in text, text
    assert "[org] [service]" in text  # both stretches gone, the space between them kept


def test_a_registered_name_inside_an_accepted_longer_surface_that_meets_another_proposal() -> None:
    raw = _raw("we saw siobhan doyle at brackenmoor royal infirmary wing and brackenmoor royal")
    items = [_place("Brackenmoor"), RegisterItem(key="label:P9", surface="Siobhan Doyle", category="person",
                                                 variants=("Siobhan Doyle", "Siobhan", "Doyle"), label="P9")]
    ps = _set(raw, [_proposal(raw, "royal infirmary wing", "service"), _proposal(raw, "brackenmoor royal", "org", 1)])
    decisions = decide(Decisions(), set(), "brackenmoor royal", "accept", "tester")
    sets, decisions = _review_accept_all([ps], {"t1": raw}, decisions, items)
    text = _signed_off(raw, sets[0], decisions, items)
    assert "brackenmoor" not in text and "siobhan" not in text and "doyle" not in text, text


def test_a_proposal_starting_before_the_occurrence_and_ending_inside_it() -> None:
    raw = _raw("the old kettleby royal site and kettleby royal")
    ps = _set(raw, [_proposal(raw, "old kettleby", "place"), _proposal(raw, "kettleby royal", "hospital", 1)])
    decisions = decide(Decisions(), set(), "kettleby royal", "accept", "tester")
    sets, decisions = _review_accept_all([ps], {"t1": raw}, decisions, [])
    text = _signed_off(raw, sets[0], decisions, [])
    assert "kettleby" not in text and "royal" not in text and text.endswith("site and [hospital]"), text


def test_a_rejected_longer_stretch_keeps_its_words_but_not_the_registered_name_in_it() -> None:
    """A reviewer keeps "thornsby lodge garden" as a whole; the registered "Thornsby" in it still goes."""
    raw = _raw("we sat in thornsby lodge garden all day")
    items = [_place("Thornsby", "place")]
    ps = _set(raw, [_proposal(raw, "thornsby lodge garden", "place")])
    decisions = decide(Decisions(), set(), "thornsby lodge garden", "reject", "tester")
    sets, decisions = _review_accept_all([ps], {"t1": raw}, decisions, items)
    text = _signed_off(raw, sets[0], decisions, items)
    assert "thornsby" not in text and "lodge garden all day" in text, text


def test_an_edited_occurrence_keeps_its_placeholder_and_the_rest_of_the_surface_goes() -> None:
    raw = _raw("at fellgate royal today")
    fell = _proposal(raw, "fellgate", "place")
    decisions = Decisions(occurrences={fell.id: Decision(decision="edit", placeholder="[the town]", by="t", at="")})
    decisions = decide(decisions, set(), "fellgate royal", "accept", "tester")
    sets, decisions = _review_accept_all([_set(raw, [fell])], {"t1": raw}, decisions, [])
    text = _signed_off(raw, sets[0], decisions, [])
    assert text.startswith("at [the town] [") and "royal" not in text, text


def test_review_is_idempotent_once_decided() -> None:
    raw = _raw("then back to the fellgate royal for the clinic")
    ps = _set(raw, [_proposal(raw, "royal for the clinic", "service")])
    decisions = decide(Decisions(), set(), "fellgate royal", "accept", "tester")
    sets, decisions = _review_accept_all([ps], {"t1": raw}, decisions, [])
    again = complete(sets, {"t1": raw}, decisions, [])
    assert again[0].model_dump() == sets[0].model_dump()
    part = next(p for p in sets[0].proposals if p.surface == "fellgate")
    assert part.part_of == "fellgate royal"


def test_rejecting_the_reaching_proposal_afterwards_redacts_the_occurrence_whole() -> None:
    """The reviewer can still undo the overlap: reject "royal for the clinic", and "fellgate royal" is
    redacted as one stretch while "for the clinic" stays."""
    raw = _raw("then back to the fellgate royal for the clinic")
    ps = _set(raw, [_proposal(raw, "royal for the clinic", "service")])
    decisions = decide(Decisions(), set(), "fellgate royal", "accept", "tester")
    sets, decisions = _review_accept_all([ps], {"t1": raw}, decisions, [])
    decisions = decide(decisions, set(), "royal for the clinic", "reject", "tester")
    sets = complete(sets, {"t1": raw}, decisions, [])
    text = _signed_off(raw, sets[0], decisions, [])
    assert text.endswith("the [other] for the clinic") or text.endswith("for the clinic"), text
    assert "fellgate" not in text and "royal" not in text, text


# -- property: any overlap, any order, accept-all alone always signs off ---------------------------------------
WORDS = ["fellgate", "royal", "brackenmoor", "clinic", "for", "the", "kettleby", "lodge", "unit", "and", "went", "to"]


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], list[str], list[str], int]:
    words = [draw(st.sampled_from(WORDS)) for _ in range(draw(st.integers(3, 14)))]
    text = " ".join(words)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    # the layers' proposals never overlap each other (the pipeline merges overlapping candidates)
    spans, i = [], 0
    while i < len(words):
        n = draw(st.integers(0, 3))
        if n and i + n <= len(words):
            spans.append((starts[i], ends[i + n - 1]))
            i += n
        else:
            i += 1
    accepted = draw(st.lists(st.sampled_from(["fellgate royal", "kettleby", "royal for", "lodge unit", "clinic"]),
                             max_size=3, unique=True))
    registered = draw(st.lists(st.sampled_from(["Brackenmoor", "Kettleby Lodge", "Fellgate"]), max_size=2, unique=True))
    return text, spans, accepted, registered, draw(st.integers(0, 2**16))


@pytest.mark.fuzz
@fuzz_settings(120)
@given(cases())
def test_accept_all_always_signs_off_with_every_surface_removed(case: tuple) -> None:
    text, spans, accepted, registered, seed = case
    raw = _raw(text)
    proposals = [Proposal(id=stable_id("red", "t1", s, e), start=s, end=e, surface=text[s:e], category="place",
                          layers=["caseless"], score=0.8, reason="test", placeholder="[place]") for s, e in spans]
    items = [_place(r) for r in registered]
    decisions = Decisions()
    for a in accepted:
        decisions = decide(decisions, set(), a, "accept", "tester")
    shuffled = list(proposals)
    random.Random(seed).shuffle(shuffled)  # the order proposals come in never matters
    results = []
    for order in (proposals, shuffled):
        sets, d = _review_accept_all([_set(raw, order)], {"t1": raw}, decisions, items)
        results.append((sets[0].model_dump(), d.model_dump(exclude={"surfaces": {"__all__": {"at"}},
                                                                 "occurrences": {"__all__": {"at"}}})))
        out = _signed_off(raw, sets[0], d, items)
        for form in [*accepted, *(norm(v) for i in items for v in i.variants)]:
            assert re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", out) is None, (form, out)
    assert results[0] == results[1]


# -- the real path, cased and captions, twice with different hash seeds ----------------------------------------
SAID = [
    ("SP1", "Interviewer", "Can you tell me where you were treated after the fall?"),
    ("P1", "Ruth Calloway", "I was sent up to the Fellgate Royal first, and Fellgate is where my sister lives. "
                            "Then the Brackenmoor Royal had a bed on Larch ward."),
    ("SP1", "Interviewer", "And the follow up?"),
    ("P1", "Ruth Calloway", "Back to the Fellgate Royal for the clinic, and Siobhan from the ward rang me. "
                            "The Brackenmoor Royal wrote as well, and Siobhan Doyle came out to the house."),
]
PATH_SCRIPT = """
import json, sys
from pathlib import Path
from click.testing import CliRunner
from cmo_coder.cli.main import cli
from cmo_coder.store import Project

root = Path(sys.argv[1])
run = CliRunner()
for args in (["init", str(root / "study"), "--codebook", "tiny"],
             ["import", str(root / "study"), "--secure", str(root / "secure"), "--manifest",
              str(root / "manifest.csv"), *sorted(str(p) for p in (root / "in").iterdir())],
             ["anonymise", str(root / "study"), "--secure", str(root / "secure"), "--register",
              str(root / "register.csv")],
             ["review", str(root / "study"), "--secure", str(root / "secure"), "--accept-all", "--sign-off"]):
    r = run.invoke(cli, args)
    if r.exit_code:
        print(json.dumps({"failed": args[0], "output": r.output}))
        sys.exit(0)
project = Project.open(root / "study")
texts = {t: project.transcript(t).text for t in project.transcript_ids()}
project.close()
secure = root / "secure"
print(json.dumps({"texts": texts,
                  "proposals": {p.name: p.read_text() for p in sorted((secure / "proposals").iterdir())},
                  "decisions": (secure / "decisions.json").read_text(),
                  "key": (secure / "redaction-key.json").read_text()}))
"""


def _write_study(root: Path) -> None:
    (root / "in").mkdir(parents=True)
    body = "\n".join(f"{name}: {said}" for _, name, said in SAID) + "\n"
    (root / "in" / "ward_interview.txt").write_text(body, encoding="utf-8")
    captions = "\n".join(f"{name}: {said.lower()}" for _, name, said in SAID) + "\n"
    (root / "in" / "ward_captions.txt").write_text(captions, encoding="utf-8")
    (root / "manifest.csv").write_text("name,aliases,role,site,label\nInterviewer,,staff,A,SP1\n"
                                       "Ruth Calloway,,service_user,A,P1\n", encoding="utf-8")
    (root / "register.csv").write_text("surface,category\nSiobhan Doyle,person\n", encoding="utf-8")


def _run_path(root: Path, seed: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.Popen([sys.executable, "-c", PATH_SCRIPT, str(root)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def test_the_cli_path_signs_off_and_gives_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    runs = []
    for seed in ("1", "2718"):
        _write_study(tmp_path / seed)
        runs.append(_run_path(tmp_path / seed, seed))
    outs = []
    for proc in runs:
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr
        outs.append(json.loads(stdout.strip().splitlines()[-1]))
    assert "failed" not in outs[0], outs[0]
    texts = outs[0]["texts"]
    assert set(texts) == {"ward_interview", "ward_captions"}
    for text in texts.values():
        low = text.lower()
        for gone in ("siobhan", "doyle", "fellgate", "brackenmoor", "calloway"):
            assert gone not in low, (gone, text)
    assert outs[0] == outs[1]  # same input, same proposals, decisions and signed-off bytes


def test_a_kept_occurrence_that_lets_a_name_through_is_named_with_its_fix() -> None:
    """The one refusal left after --accept-all: an occurrence the reviewer kept by id. The message names
    the id and the command that undoes it, and that command lets the transcript be signed off."""
    key = [KeyEntry(label="P1", name="Ottoline Brisk", role="service_user", site="A"),
           KeyEntry(label="P2", name="Will Renshaw", role="carer", site="A")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
        sf = secure_folder(root, key)
        add_pending(project, sf, "t1", [("P1", "Ottoline Brisk", "i think will renshaw will come round later")])
        project.close()
        raw_text = "i think will renshaw will come round later"
        will = raw_text.index("will")
        ps = ProposalSet(transcript_id="t1", source_sha256=hashlib.sha256(raw_text.encode()).hexdigest(),
                         model=None, caseless=True, numbered=False, proposals=[
                             Proposal(id="red-keepme", start=will, end=will + 4, surface="will", category="person",
                                      layers=["register"], score=0.5, reason="registered", placeholder="[name]",
                                      per_occurrence=True)])
        (sf.path / "proposals").mkdir(exist_ok=True)
        (sf.path / "proposals" / "t1.json").write_text(ps.model_dump_json(), encoding="utf-8")
        runner = CliRunner()
        base = ["review", str(root / "study"), "--secure", str(sf.path)]
        # kept before "Will Renshaw" was known (the key grew later): the decision stands at that occurrence
        save_decisions(sf, Decisions(occurrences={"red-keepme": Decision(decision="reject", by="t", at="")}))
        r = runner.invoke(cli, [*base, "--accept-all", "--sign-off"])
        assert r.exit_code == 1 and "--accept red-keepme" in r.output, r.output
        r = runner.invoke(cli, [*base, "--accept", "red-keepme", "--accept-all", "--sign-off"])
        assert r.exit_code == 0, r.output
        project = Project.open(root / "study")
        try:
            assert "renshaw" not in project.transcript("t1").text
        finally:
            project.close()
