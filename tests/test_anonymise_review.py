"""Review, sign-off and leak check: nothing registered or accepted passes unseen, in any casing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from anon_support import add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder.anonymise.leakcheck import scan_paths, scan_project
from cmo_coder.anonymise.models import Residual
from cmo_coder.anonymise.review import worth_a_look
from cmo_coder.cli.main import cli
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project

KEY = [
    KeyEntry(label="SP1", name="Margaret Okafor", role="staff", site="A"),
    KeyEntry(label="P1", name="Will Jenkins", role="service_user", site="A"),
    KeyEntry(label="P2", name="Dawn Foster", role="carer", site="B"),
]


def run(*args: object, input: str | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def signed_text(project_path: Path, tid: str) -> str:
    p = Project.open(project_path)
    try:
        return p.transcript(tid).text
    finally:
        p.close()


@pytest.fixture
def study(tmp_path: Path, project: Project):
    sf = secure_folder(tmp_path, KEY)
    return project, sf


# -- 1. registered names that are also words --------------------------------------------------------
EVERYDAY = [
    ("SP1", "Margaret Okafor", "Thanks Will. How was the week? I hope it went well."),
    ("P1", "Will Jenkins", "It was fine. I will say the dawn walks helped, and Dawn said so too."),
    ("P2", "Dawn Foster", "We went with Will to the park. Will's mum came. The forecast says rain, we will see."),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_registered_everyday_names_are_decided_one_by_one(study, lower: bool) -> None:
    project, sf = study
    turns = [(a, b, c.lower() if lower else c) for a, b, c in EVERYDAY]
    add_pending(project, sf, "ev", turns)
    p, s = project.path, sf.path
    assert run("anonymise", p, "--secure", s).exit_code == 0
    r = run("review", p, "--secure", s, "--json")
    occurrences = json.loads(r.stdout)["occurrences"]
    contexts = {o["context"].replace("i ⟦", "I ⟦") for o in occurrences}
    # every "will" / "dawn" the context does not settle is its own undecided item, with context
    assert any("I ⟦will⟧ say" in c for c in contexts)
    assert any("we ⟦will⟧ see" in c for c in contexts)
    assert any("the ⟦dawn⟧ walks" in c for c in contexts)
    assert all(o["decision"] is None and o["surface"].lower() in {"will", "dawn"} for o in occurrences)
    # sign-off refuses while any is undecided
    r = run("review", p, "--secure", s, "--sign-off")
    assert r.exit_code == 1 and "undecided" in r.output
    # keep two by id (a person read them), redact the rest with --accept-all
    keep = [o["id"] for o in occurrences if "⟦will⟧ say" in o["context"] or "the ⟦dawn⟧" in o["context"]]
    r = run("review", p, "--secure", s, *(x for k in keep for x in ("--reject", k)), "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    text = signed_text(p, "ev")
    low = text.lower()
    # the clear cases (addressed, speech verb, "with", possessive) and the undecided rest are redacted
    assert "i will say the dawn walks" in low
    assert low.count("will") == 1 and low.count("dawn") == 1
    assert "we [name removed] see" in low  # --accept-all redacts an undecided occurrence: a leak costs more
    assert "foster" not in low and "okafor" not in low


def test_a_registered_name_cannot_be_kept_by_surface(study) -> None:
    project, sf = study
    add_pending(project, sf, "ev", EVERYDAY)
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    r = run("review", p, "--secure", s, "--reject", "will")
    assert r.exit_code == 1 and "registered name" in r.output
    # --reject-rest keeps unregistered forms but never a registered name's occurrences
    r = run("review", p, "--secure", s, "--reject-rest", "--json")
    assert r.exit_code == 0
    assert any(o["decision"] is None for o in json.loads(r.stdout)["occurrences"])
    assert run("review", p, "--secure", s, "--sign-off").exit_code == 1


def test_a_clear_name_occurrence_cannot_be_kept_by_id(study) -> None:
    project, sf = study
    add_pending(project, sf, "ev", EVERYDAY)
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    from cmo_coder.anonymise.review import load_proposals

    thanks = next(x for x in load_proposals(sf, "ev").proposals if "Thanks ⟦Will⟧" in x.context)
    assert thanks.auto and not thanks.per_occurrence
    r = run("review", p, "--secure", s, "--reject", thanks.id)
    assert r.exit_code == 1 and "always redacted" in r.output


# -- 2. an accepted surface goes everywhere ---------------------------------------------------------
TARLETON = [
    ("SP1", "Margaret Okafor", "You said Tarleton runs the group. Is Tarleton still there?"),
    ("P1", "Will Jenkins", "Well, it's his business and… Tarleton. Tarleton's brother too, and Mr\nTarleton senior."),
]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_an_accepted_surface_reaches_every_occurrence_in_every_transcript(study, lower: bool) -> None:
    project, sf = study
    add_pending(project, sf, "t1", [(a, b, c.lower() if lower else c) for a, b, c in TARLETON])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    assert run("review", p, "--secure", s, "--accept", "Tarleton", "--accept-all", "--sign-off").exit_code == 0
    text = signed_text(p, "t1")
    assert "tarleton" not in text.lower()
    # a later transcript: the decision applies there too, whatever surrounds the surface
    add_pending(project, sf, "t2", [("P2", "Dawn Foster", "(TARLETON) rang; …tarleton's van; 'Tarleton'!")])
    run("anonymise", p, "--secure", s)
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    assert "tarleton" not in signed_text(p, "t2").lower()
    r = run("leakcheck", p, "--secure", s)
    assert r.exit_code == 0, r.output


def test_a_kept_longer_surface_cannot_smuggle_an_accepted_surface_through(study) -> None:
    """A longer form kept as a surface that contains an accepted surface cannot smuggle it through: the
    accepted surface is redacted inside it (a refusal here could not be fixed from the review)."""
    project, sf = study
    add_pending(project, sf, "t1", [("P1", "Will Jenkins", "Tarleton Motors did the van. Tarleton was kind.")])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    from cmo_coder.anonymise.models import Decisions, Proposal
    from cmo_coder.anonymise.review import decide, load_proposals, save_decisions

    ps = load_proposals(sf, "t1")
    # a reviewer kept the two-word stretch as a surface and accepted the surname
    long = Proposal(id="red-manual0001", start=0, end=len("Tarleton Motors"), surface="Tarleton Motors",
                    category="other", layers=["ner"], score=0.5, reason="test", placeholder="[organisation]")
    ps = ps.model_copy(update={"proposals": [long] + [x for x in ps.proposals if x.start >= long.end]})
    from cmo_coder.anonymise.review import save_proposals

    save_proposals(sf, ps)
    # kept as a surface: the accepted surname inside it still goes, the rest of the stretch stays
    d = decide(decide(Decisions(), set(), "Tarleton Motors", "reject", "tester"), set(), "Tarleton", "accept", "t")
    save_decisions(sf, d)
    r = run("review", p, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    text = signed_text(p, "t1")
    assert "tarleton" not in text.lower() and "Motors did the van" in text, text


# -- 3. every placeholder a surface received --------------------------------------------------------
def test_review_lists_every_placeholder_of_a_surface(study, tmp_path: Path) -> None:
    project, sf = study
    reg = tmp_path / "register.csv"
    reg.write_text("surface,category\nDaniel,person\n", encoding="utf-8")
    add_pending(project, sf, "t1", [("P2", "Dawn Foster", "My son Daniel came. Then Daniel left with my sister.")])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s, "--register", reg)
    groups = {g["surface"]: g for g in json.loads(run("review", p, "--secure", s, "--json").stdout)["groups"]}
    assert set(groups["Daniel"]["placeholders"]) == {"[son's name]", "[name removed]"}
    assert "'Daniel' → [name removed] / [son's name]" in run("review", p, "--secure", s).output


# -- 5. a review a team can finish -------------------------------------------------------------------
def test_redact_adds_what_the_tool_missed_everywhere(study) -> None:
    project, sf = study
    add_pending(project, sf, "t1", [("P1", "Will Jenkins", "We lived on Attercliffe Road. attercliffe road, near"
                                                           "\nthe\tpark… Attercliffe  Road's shops.")])
    add_pending(project, sf, "t2", [("P2", "Dawn Foster", "Attercliffe Road again.")])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    r = run("review", p, "--secure", s, "--redact", "Attercliffe Road")
    assert r.exit_code == 1 and "--category" in r.output
    r = run("review", p, "--secure", s, "--redact", "Attercliffe Road", "--category", "place", "--accept-all",
            "--sign-off")
    assert r.exit_code == 0, r.output
    for tid in ("t1", "t2"):
        assert "attercliffe" not in signed_text(p, tid).lower()
    assert signed_text(p, "t2") == "[place name] again."
    log = [json.loads(line) for line in (s / "anonymisation-log.jsonl").read_text().splitlines()]
    added = [e for e in log if e["action"] == "add_redaction"]
    assert added and added[0]["category"] == "place" and added[0]["count"] == 4
    assert "Attercliffe" not in (s / "anonymisation-log.jsonl").read_text()


def test_preview_shows_the_text_before_sign_off(study) -> None:
    project, sf = study
    add_pending(project, sf, "t1", [("P1", "Will Jenkins", "Margaret Okafor helped. I will try.")])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    r = run("show", p, "t1", "--secure", s, "--preview")
    assert r.exit_code == 0, r.output
    assert "PREVIEW" in r.output and "Okafor" not in r.output and "⟦?will⟧" in r.output
    assert run("show", p, "t1", "--preview").exit_code == 1
    run("review", p, "--secure", s, "--accept-all")
    r = run("show", p, "t1", "--secure", s, "--preview", "--json")
    view = json.loads(r.stdout)
    assert "⟦?" not in view["text"] and "every item is decided" in view["warnings"][0]
    run("review", p, "--secure", s, "--sign-off")
    assert signed_text(p, "t1") == view["text"]


def test_decisions_round_trip_through_a_spreadsheet(study, tmp_path: Path) -> None:
    project, sf = study
    add_pending(project, sf, "t1", EVERYDAY)
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    sheet = tmp_path / "decisions.csv"
    assert run("review", p, "--secure", s, "--export-decisions", p / "d.csv").exit_code == 1  # never in the project
    r = run("review", p, "--secure", s, "--export-decisions", sheet)
    assert r.exit_code == 0, r.output
    lines = sheet.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,transcript,surface,count,category,placeholder,registered,decision,context,version,project"
    rows = [line.split(",") for line in lines[1:]]
    assert any(r[0].startswith("red-") for r in rows)  # occurrence rows carry their id
    # a bad sheet: every problem named by file and line, nothing saved
    import csv
    import io

    table = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    bad = [row[:] for row in table]
    occ = next(i for i, row in enumerate(bad) if row[0].startswith("red-"))
    bad[occ][7] = "maybe"
    bad.append(["red-doesnotexist", "t1", "x", "1", "person", "[x]", "", "accept", "", "", ""])
    bad_path = tmp_path / "bad.csv"
    with bad_path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(bad)
    before = (s / "decisions.json").read_text() if (s / "decisions.json").exists() else ""
    r = run("review", p, "--secure", s, "--decisions", bad_path)
    assert r.exit_code == 1
    assert f"{bad_path}:{occ + 1}: column 'decision': unknown decision 'maybe'" in r.output
    assert f"{bad_path}:{len(bad)}: column 'id': no occurrence red-doesnotexist" in r.output
    assert ((s / "decisions.json").read_text() if (s / "decisions.json").exists() else "") == before
    # fill every blank decision: keep the occurrences, accept the surfaces
    for row in table[1:]:
        if not row[7]:
            row[7] = "keep" if row[0] else "accept"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(table)
    r = run("review", p, "--secure", s, "--decisions", sheet, "--undecided", "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["groups"] == [] and out["occurrences"] == []
    assert run("review", p, "--secure", s, "--sign-off").exit_code == 0
    assert "I will say the dawn walks" in signed_text(p, "t1")
    header_only = tmp_path / "wrong.csv"
    header_only.write_text("surface,decision\n", encoding="utf-8")
    r = run("review", p, "--secure", s, "--decisions", header_only)
    assert r.exit_code == 1 and f"{header_only}:1: header lacks" in r.output


def test_a_placeholder_changed_in_the_spreadsheet_is_used_when_the_row_says_accept(study, tmp_path: Path) -> None:
    """A team types the right placeholder over a wrongly typed one and writes "accept": the new one is used,
    not silently dropped; a changed cell naming several placeholders is refused with its line."""
    import csv

    project, sf = study
    add_pending(project, sf, "t1", [("P1", "Will Jenkins", "Margaret Okafor rang from Thornbury Lodge. "
                                                          "Margaret Okafor was kind.")])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    sheet = tmp_path / "decisions.csv"
    assert run("review", p, "--secure", s, "--export-decisions", sheet).exit_code == 0
    table = list(csv.reader(sheet.open(encoding="utf-8")))
    row = next(r for r in table[1:] if r[2] == "Margaret Okafor")
    row[5], row[7] = "[her friend's name]", "accept"
    for other in table[1:]:
        other[7] = other[7] or "accept"
    bad = [r[:] for r in table]
    next(r for r in bad[1:] if r[2] == "Margaret Okafor")[5] = "[a];[b]"
    bad_path = tmp_path / "bad.csv"
    with bad_path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(bad)
    r = run("review", p, "--secure", s, "--decisions", bad_path)
    assert r.exit_code == 1 and "names several" in r.output
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(table)
    r = run("review", p, "--secure", s, "--decisions", sheet, "--sign-off")
    assert r.exit_code == 0, r.output
    assert signed_text(p, "t1").count("[her friend's name]") == 2


def test_residual_list_keeps_what_is_worth_a_look() -> None:
    from cmo_coder.anonymise.models import Decision, Decisions

    def r(surface: str, reason: str = "capitalised word nobody redacted") -> Residual:
        return Residual(surface=surface, reason=reason, count=1, context="")

    decided = Decisions(surfaces={"rotherham": Decision(decision="reject", by="x", at="")})
    kept = worth_a_look([r("Pinderfields"), r("March"), r("Tuesday"), r("Tuesdays"), r("Dr"), r("Mrs."), r("J"),
                         r("Okafer", "close to a registered name"), r("Rotherham"), r("Jenkins"),
                         r("4471 2231", "number")], decided, {"jenkins"})
    assert [x.surface for x in kept] == ["Pinderfields", "4471 2231"]


# -- 4. the leak check can be trusted ---------------------------------------------------------------
def test_leakcheck_is_quiet_on_the_codebook_and_loud_on_a_planted_name(tmp_path: Path, reco_codebook) -> None:
    project = Project.create(tmp_path / "study", reco_codebook, actor="tester")
    sf = secure_folder(tmp_path, KEY)
    p, s = project.path, sf.path
    add_pending(project, sf, "t1", [("P2", "Dawn Foster", "Dawn Foster here. Mrs Foster, yes. We foster dogs.")])
    assert any("foster" in pt.statement for pt in reco_codebook.programme_theories)
    run("anonymise", p, "--secure", s)
    assert run("review", p, "--secure", s, "--accept-all", "--sign-off").exit_code == 0
    project.close()
    out = tmp_path / "out"
    assert run("export", p, "--qdpx", out / "study.qdpx", "--qdc", out / "codebook.qdc", "--secure", s).exit_code == 0
    assert run("report", p, "--out", out / "report").exit_code == 0
    r = run("leakcheck", p, out / "study.qdpx", out / "codebook.qdc", out / "report", "--secure", s)
    assert r.exit_code == 0, r.output  # "foster communication" in the theory statements is no leak

    # planted: a lower-cased surname in a report, a name in a CSV, JSON, a QDPX source and the project db
    (out / "report" / "planted.md").write_text("as dawn foster put it\n", encoding="utf-8")
    (out / "rows.csv").write_text("quote\n\"i told will jenkins\"\n", encoding="utf-8")
    (out / "rows.json").write_text(json.dumps({"memo": "OKAFOR again"}), encoding="utf-8")
    with zipfile.ZipFile(out / "planted.qdpx", "w") as zf:
        zf.writestr("project.qde", '<?xml version="1.0"?><Project><CodeBook><Codes><Code name="foster ties"/>'
                                   "</Codes></CodeBook><Sources><TextSource><PlainTextContent>we foster trust"
                                   " with Mrs\nFoster</PlainTextContent></TextSource></Sources></Project>")
    for target, surface in ((out / "report", "dawn foster"), (out / "rows.csv", "will jenkins"),
                            (out / "rows.json", "OKAFOR"), (out / "planted.qdpx", "Mrs\nFoster")):
        hits = scan_paths([target], sf)
        assert surface in {h.surface for h in hits}, (target, hits)
    qdpx_hits = scan_paths([out / "planted.qdpx"], sf)
    assert {h.surface for h in qdpx_hits} == {"foster", "Mrs\nFoster"}  # the source's "foster", never the code's
    r = run("leakcheck", p, out / "report", "--secure", s)
    assert r.exit_code == 1 and "as ⟦dawn foster⟧ put it" in r.output

    project = Project.open(p)
    with project.transaction("tester") as tx:
        tx.conn.execute("UPDATE transcripts SET title = 'with dawn' WHERE id = 't1'")
    hits = scan_project(project, sf)
    assert [(h.member, h.surface) for h in hits] == [("transcripts.title#1", "dawn")]
    project.close()


def test_leakcheck_checks_accepted_surfaces_and_honours_kept_words(study, tmp_path: Path) -> None:
    project, sf = study
    add_pending(project, sf, "t1", [("P1", "Will Jenkins", "Ask Tarleton. I will try, and will see.")])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    r = run("review", p, "--secure", s, "--json")
    occ = {o["context"]: o["id"] for o in json.loads(r.stdout)["occurrences"]}
    keep = [i for c, i in occ.items() if "I ⟦will⟧ try" in c]
    assert keep
    r = run("review", p, "--secure", s, "--accept", "Tarleton", "--reject", keep[0], "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    assert "I will try" in signed_text(p, "t1")
    assert run("leakcheck", p, "--secure", s).exit_code == 0  # the kept "will" is recognised
    planted = tmp_path / "notes.txt"
    planted.write_text("tarleton said so. I will try again. They will go.\n", encoding="utf-8")
    hits = scan_paths([planted], sf)
    # the accepted surface in any casing, and a "will" nobody kept; the kept one (same words around) passes
    assert [h.surface for h in hits] == ["tarleton", "will"]
    assert "They ⟦will⟧ go" in hits[1].context


def test_an_accepted_stretch_replaces_the_proposals_inside_it(study) -> None:
    """A longer accepted surface ("chantelle rings", from captions) over a shorter proposal ("Chantelle")."""
    project, sf = study
    add_pending(project, sf, "t1", [("P1", "Will Jenkins", "Then Chantelle rings me. Chantelle Okoro was there.")])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    from cmo_coder.anonymise.review import load_proposals

    assert (5, 14) in {(x.start, x.end) for x in load_proposals(sf, "t1").proposals}  # "Chantelle" alone
    r = run("review", p, "--secure", s, "--accept", "chantelle rings", "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    spans = {(x.start, x.end) for x in load_proposals(sf, "t1").proposals}
    assert (5, 20) in spans and (5, 14) not in spans
    text = signed_text(p, "t1")
    assert "chantelle" not in text.lower() and "rings" not in text


def test_leakcheck_reads_the_manifest_as_reference_text(study) -> None:
    from cmo_coder.model import Participant

    project, sf = study
    with project.transaction("tester") as tx:
        tx.upsert_participant(Participant(label="P9", role="carer", attributes={"team": "foster and kinship team"}))
    assert scan_project(project, sf) == []  # the everyday word in a manifest column is no leak
    with project.transaction("tester") as tx:
        tx.upsert_participant(Participant(label="P8", role="carer", attributes={"team": "Dawn Foster's team"}))
    assert {h.surface for h in scan_project(project, sf)} == {"Dawn Foster"}  # a full name always is


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower-cased"])
def test_addressing_a_registered_everyday_name_is_a_clear_case(study, lower: bool) -> None:
    project, sf = study
    said = "Will, what do you think? And what about you, Dawn? So Will, tell me. Yes I will, of course."
    add_pending(project, sf, "t1", [("SP1", "Margaret Okafor", said.lower() if lower else said)])
    p, s = project.path, sf.path
    run("anonymise", p, "--secure", s)
    occurrences = json.loads(run("review", p, "--secure", s, "--json").stdout)["occurrences"]
    # only the verb is left for a person to decide; the three addressed names are redacted as registered
    assert [o["context"].split("⟦")[0].strip()[-5:] for o in occurrences] == ["Yes I" if not lower else "yes i"]


def test_leakcheck_finds_a_registered_name_however_it_was_typed(tmp_path: Path) -> None:
    """A coder's memo or an export typed without the accent or the apostrophe is no safer than the transcript:
    the leak check reads every rendering the sign-off proof reads; words merely near one stay quiet."""
    sf = secure_folder(tmp_path, [KeyEntry(label="P3", name="Zoë O'Neill", role="carer", site="A"),
                                  KeyEntry(label="SP2", name="Grace Smith-Jones", role="staff", site="B")])
    planted = tmp_path / "memo.txt"
    text = ("Zoe said the visits helped. Later oneill rang back, and o neill's sister came.\n"
            "Thanks to Grace smithjones. By grace of the timing, it will do.\n")
    planted.write_text(text, encoding="utf-8")
    hits = scan_paths([planted], sf)
    assert [h.surface for h in hits] == ["o neill", "Zoe", "oneill", "Grace smithjones", "grace"]
    for h in hits:  # each hit names the place where it stands
        line = text.splitlines()[h.line - 1]
        assert line[h.column - 1 : h.column - 1 + len(h.surface)] == h.surface
    clean = tmp_path / "clean.txt"
    clean.write_text("Zone two, a neil of the piece, zo's crisps and one ill day. It will do.\n", encoding="utf-8")
    assert scan_paths([clean], sf) == []
