"""The anonymise → review → sign-off path through the CLI, leak checks, and the offset remap."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from anon_support import KEY, add_pending, secure_folder
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.anonymise.apply import apply_spans, apply_to_transcript
from cmo_coder.anonymise.leakcheck import scan_paths, scan_project
from cmo_coder.cli.main import cli
from cmo_coder.model import Transcript, Turn
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

TURNS_A = [
    ("SP1", "Margaret Okafor", "Thanks for coming in. How has it been since Daniel started at Hillside?"),
    ("P2", "Liz Harrow", "Hard. My son Daniel was on Ward 7 at Pinderfields General Hospital, and Maggie was brilliant."
                         " Keith Brannigan from the council rang me too."),
]
TURNS_B = [
    ("SP1", "Maggie", "Last time you mentioned Keith Brannigan."),
    ("P1", "Will", "Yes, Keith Brannigan helped me. I will always remember that."),
]


@pytest.fixture
def study(tmp_path: Path, project: Project):
    sf = secure_folder(tmp_path)
    reg = tmp_path / "register.csv"
    reg.write_text("surface,category,placeholder\nDaniel Harrow,person,\nWard 7,ward,\nHillside,service,"
                   "[name of substance use service]\n", encoding="utf-8")
    add_pending(project, sf, "int-a", TURNS_A)
    return project, sf, reg


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)
    return result


def test_full_path_signs_off_and_project_holds_no_names(study, tmp_path: Path) -> None:
    project, sf, reg = study
    p, s = project.path, sf.path
    r = run("anonymise", p, "--secure", s, "--register", reg, "--json")
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary[0]["transcript"] == "int-a" and summary[0]["registered"] >= 4
    r = run("review", p, "--secure", s, "--json")
    groups = json.loads(r.stdout)["groups"]
    undecided = {g["surface"] for g in groups if g["decision"] is None}
    assert "Keith Brannigan" in undecided
    r = run("review", p, "--secure", s, "--sign-off")
    assert r.exit_code == 1 and "undecided" in r.output
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    project2 = Project.open(p)
    t = project2.transcript("int-a")
    assert "My son [son's name] was on [ward name] at [hospital name]" in t.text
    assert "[name of substance use service]" in t.text
    for i in range(len(t.turns)):
        assert t.turn_text(i).strip()
    assert all(turn.speaker_name is None for turn in t.turns)
    assert {pp.label for pp in project2.participants()} >= {"SP1", "P2"}
    assert scan_project(project2, sf) == []
    db = (p / "project.sqlite").read_bytes()
    for name in ("Okafor", "Harrow", "Daniel", "Maggie", "Liz", "Brannigan", "Hillside", "Pinderfields"):
        assert name.encode() not in db
    log = (s / "anonymisation-log.jsonl").read_text()
    assert "Okafor" not in log and "Brannigan" not in log and "sign_off" in log
    assert any(a["action"] == "anonymise" for a in project2.audit_log())
    assert "Brannigan" in (s / "redaction-key.json").read_text()
    project2.close()


def test_decisions_are_reused_for_later_transcripts(study) -> None:
    project, sf, reg = study
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s, "--register", reg)
    assert run("review", p, "--secure", s, "--accept-all", "--sign-off").exit_code == 0
    add_pending(project, sf, "int-b", TURNS_B)
    assert run("anonymise", p, "--secure", s).exit_code == 0  # the register is remembered
    r = run("review", p, "--secure", s, "--json")
    groups = {g["surface"]: g for g in json.loads(r.stdout)["groups"]}
    assert groups["Keith Brannigan"]["decision"] == "accept"
    # "I will" is the registered name "Will" perhaps used as a word: its own undecided item
    r = run("review", p, "--secure", s, "--sign-off")
    assert r.exit_code == 1 and "undecided" in r.output
    r = run("review", p, "--secure", s, "--undecided", "--json")
    (will,) = json.loads(r.stdout)["occurrences"]
    assert will["surface"] == "will" and "I ⟦will⟧ always" in will["context"]
    assert run("review", p, "--secure", s, "--reject", will["id"], "--sign-off").exit_code == 0
    text = Project.open(p).transcript("int-b").text
    assert "Brannigan" not in text and "I will always remember" in text


def test_reject_and_edit_decisions(study) -> None:
    project, sf, reg = study
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s, "--register", reg)
    r = run("review", p, "--secure", s, "--reject", "Okafor")
    assert r.exit_code == 1 and "registered name" in r.output
    r = run("review", p, "--secure", s, "--edit", "Keith Brannigan=[council officer]", "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    assert "[council officer] from the council" in Project.open(p).transcript("int-a").text


def test_sign_off_refused_for_provisional_speaker(tmp_path: Path, project: Project) -> None:
    entries = [*KEY, KeyEntry(label="P9", name="Unknown Speaker 3", provisional=True)]
    sf = secure_folder(tmp_path, entries)
    add_pending(project, sf, "int-c", [("P9", "Unknown Speaker 3", "It was fine really.")])
    run("anonymise", project.path, "--secure", sf.path)
    r = run("review", project.path, "--secure", sf.path, "--accept-all", "--sign-off")
    assert r.exit_code == 1
    assert "P9" in r.output and "provisional" in r.output and "manifest line" in r.output
    assert project.transcript_status("int-c") == "pending"


def test_bad_inputs_change_nothing(study, tmp_path: Path) -> None:
    project, sf, reg = study
    p, s = project.path, sf.path
    r = run("anonymise", p, "--secure", tmp_path / "nowhere")
    assert r.exit_code == 1 and "does not exist" in r.output
    r = run("anonymise", p, "--secure", s, "--model", "en_core_web_nope")
    assert r.exit_code == 1 and "unknown spaCy model" in r.output
    bad = tmp_path / "bad.csv"
    bad.write_text("surface,category\nNICE,other\n", encoding="utf-8")
    r = run("anonymise", p, "--secure", s, "--register", bad)
    assert r.exit_code == 1 and "allow-list" in r.output
    bad.write_text("surface,category\nBob,spaceship\n", encoding="utf-8")
    r = run("anonymise", p, "--secure", s, "--register", bad)
    assert r.exit_code == 1 and "bad.csv:2" in r.output and "unknown category" in r.output
    assert not (s / "proposals").exists() and not (s / "register.csv").exists()
    r = run("anonymise", p, "--secure", s, "--rules-only")
    assert r.exit_code == 0 and "RULES ONLY" in r.output


def test_numbered_placeholders_are_stable(study) -> None:
    project, sf, reg = study
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s, "--register", reg, "--numbered")
    run("review", p, "--secure", s, "--accept-all", "--sign-off")
    add_pending(project, sf, "int-b", TURNS_B)
    run("anonymise", p, "--secure", s, "--numbered")
    run("review", p, "--secure", s, "--accept-all", "--sign-off")
    pr = Project.open(p)
    a, b = pr.transcript("int-a").text, pr.transcript("int-b").text
    import re

    keith_a = re.search(r"(\[name \d+\]) from the council", a)
    keith_b = re.search(r"mentioned (\[name \d+\])", b)
    assert keith_a and keith_b and keith_a.group(1) == keith_b.group(1)


def test_leakcheck_finds_names_inside_a_zip(study, tmp_path: Path) -> None:
    project, sf, reg = study
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s, "--register", reg)
    run("review", p, "--secure", s, "--accept-all", "--sign-off")
    export = tmp_path / "export.qdpx"
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("project.qde", '<?xml version="1.0"?><Project><Sources><TextSource name="a">'
                                   '<PlainTextContent>Hello\nand then Mrs Okafor arrived</PlainTextContent>'
                                   "</TextSource></Sources></Project>")
        zf.writestr("sources/x.txt", "clean text only")
    hits = scan_paths([export], sf)
    assert [(h.member, h.line, h.surface) for h in hits][0] == ("project.qde", 2, "Mrs Okafor")
    r = run("leakcheck", p, export, "--secure", s)
    assert r.exit_code == 1 and "export.qdpx!project.qde:2:" in r.output
    clean = tmp_path / "clean.qdpx"
    with zipfile.ZipFile(clean, "w") as zf:
        zf.writestr("project.qde", "<Project>[name removed] arrived. I shall go.</Project>")
    assert run("leakcheck", p, clean, "--secure", s).exit_code == 0
    # the registered "Will" in lower case, kept by nobody, is reported with its context
    unreviewed = tmp_path / "unreviewed.qdpx"
    with zipfile.ZipFile(unreviewed, "w") as zf:
        zf.writestr("project.qde", "<Project>[name removed] arrived. I will go.</Project>")
    r = run("leakcheck", p, unreviewed, "--secure", s)
    assert r.exit_code == 1 and "I ⟦will⟧ go" in r.output
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 not really")
    r = run("leakcheck", p, broken, "--secure", s)
    assert r.exit_code == 1 and "not a readable ZIP" in r.output


# -- offset remap -----------------------------------------------------------------------------------
@st.composite
def transcripts_with_spans(draw):
    turns_text = draw(st.lists(st.text(alphabet="ab cdé\n’", min_size=0, max_size=30), min_size=1, max_size=5))
    text, turns, offset = "", [], 0
    for i, said in enumerate(turns_text):
        sep = "\n\n" if i else ""
        text += sep + said
        offset += len(sep)
        turns.append(Turn(speaker=f"P{i + 1}", start=offset, end=offset + len(said)))
        offset += len(said)
    spans = []
    for turn in turns:
        cuts = sorted(draw(st.lists(st.integers(turn.start, turn.end), max_size=6, unique=True)))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            if a < b:
                spans.append((a, b, draw(st.sampled_from(["[name removed]", "", "[x]", "[son's name]"]))))
    t = Transcript(id="t1", title="t", source_format="plain_txt", text=text, turns=turns,
                   source_sha256="0" * 64, normaliser_version="test")
    return t, spans


@settings(max_examples=300, deadline=None)
@given(transcripts_with_spans())
def test_remap_keeps_every_turn_consistent(case) -> None:
    raw, spans = case
    out = apply_to_transcript(raw, spans)
    assert len(out.turns) == len(raw.turns)
    for old, new in zip(raw.turns, out.turns, strict=True):
        inside = [(s - old.start, e - old.start, r) for s, e, r in spans if old.start <= s and e <= old.end]
        assert out.text[new.start:new.end] == apply_spans(raw.text[old.start:old.end], inside)[0]
        assert new.speaker == old.speaker
    # untouched text between turns is preserved exactly
    for a, b in zip(out.turns, out.turns[1:], strict=False):
        assert out.text[a.end:b.start] == "\n\n"


def test_scan_project_reports_a_name_in_the_database(tmp_path: Path, project: Project, add_transcript) -> None:
    sf = secure_folder(tmp_path)
    add_transcript("t-leak", [("P1", "service_user", "A", "It was fine.\nThen Maggie Okafor came in.")])
    hits = scan_project(project, sf)
    assert {(h.member.split("#")[0], h.line, h.surface) for h in hits if h.member} >= {
        ("transcripts.text", 2, "Maggie Okafor")}


def test_residual_risk_lists_what_remains_suspicious(study) -> None:
    from cmo_coder.anonymise.review import load_proposals
    from cmo_coder.anonymise.workflow import anonymise

    project, sf, reg = study
    add_pending(project, sf, "int-r", [("P2", "Liz", "I was the only Polish woman on the ward. The code was 4471 2231."
                                                    " Okafer was kind.")])
    anonymise(project, sf, "tester", reg, transcript_ids=["int-r"])
    reasons = {(r.surface, r.reason) for r in load_proposals(sf, "int-r").residual}
    assert any(reason == "singles someone out" for _, reason in reasons)
    ps = load_proposals(sf, "int-r")
    assert ("4471 2231", "number") in reasons  # no phone cue before it ("call 4471 2231" is a phone number)
    # a misspelt registered name is either redacted by another layer or flagged for the reviewer
    assert any(p.surface == "Okafer" for p in ps.proposals) or ("Okafer", "close to a registered name") in reasons


def test_interactive_review_prompts_only_at_a_terminal(study, monkeypatch) -> None:
    import cmo_coder.cli.anonymise_cmds as cmds

    project, sf, reg = study
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s, "--register", reg)
    r = run("review", p, "--secure", s)  # not a terminal: lists, never prompts
    assert "UNDECIDED" in r.output and "[a]ccept" not in r.output
    monkeypatch.setattr(cmds, "stdin_is_tty", lambda: True)
    r = run("review", p, "--secure", s, input="e\n[council officer]\n" + "a\n" * 20)
    assert r.exit_code == 0, r.output
    assert "[a]ccept, [r]eject, [e]dit, [s]kip" in r.output
    decisions = json.loads((s / "decisions.json").read_text())["surfaces"]
    assert any(d["decision"] == "edit" and d["placeholder"] == "[council officer]" for d in decisions.values())
    assert run("review", p, "--secure", s, "--sign-off").exit_code == 0


def test_a_register_may_name_categories_as_study_teams_write_them(tmp_path: Path) -> None:
    """ "GP practice", "town", "Organisation": read as the categories they mean, each with its own placeholder."""
    from cmo_coder.anonymise.placeholders import BY_CATEGORY
    from cmo_coder.anonymise.register import CATEGORIES, load_register_csv

    assert set(CATEGORIES) <= set(BY_CATEGORY)
    reg = tmp_path / "register.csv"
    reg.write_text("surface,category\nPolgooth Surgery,GP practice\nSt Austell,town\nBright Horizons,Organisation\n"
                   "Penwithick Road,street\nKing's Head,pub\n", encoding="utf-8")
    items = load_register_csv(reg)
    assert [i.category for i in items] == ["practice", "place", "org", "street", "pub"]
    assert [BY_CATEGORY[i.category] for i in items[:2]] == ["[GP practice name]", "[place name]"]


def test_the_new_placeholder_kinds_are_categories_a_register_or_reviewer_may_name(tmp_path) -> None:
    """The review page's category menu and a register line offer every kind the rules give a placeholder
    of its own: a day centre found by rule is not shown as a "person"."""
    from cmo_coder.anonymise.register import CATEGORIES, load_register_csv

    assert {"day_centre", "care_home", "shop", "cafe", "handle"} <= set(CATEGORIES)
    f = tmp_path / "register.csv"
    f.write_text("surface,category\nSunflower Day Centre,day centre\nThe Willows,nursing home\nBean There,café\n")
    assert [i.category for i in load_register_csv(f)] == ["day_centre", "care_home", "cafe"]
