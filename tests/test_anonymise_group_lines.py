"""A focus group's group, joint and unplaced lines from import to sign-off, query and QDPX: at import the group's
line is ``ALL`` and a voice nobody placed ``UNPLACED`` (neither asks the manifest for a person), a joint line its
members' study labels ("Mary and Jo:" → ``CAR-01 & CAR-02``, never the names written); signed off, the group's
and the unplaced lines are the members' joint line, flagged; "what do carers say" holds the joint line, and the
export puts it in each member's case (:mod:`cmo_coder.ingest.group_speakers`, :mod:`.anonymise.joint_turns`)."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from cmo_coder.cli.main import cli
from cmo_coder.ingest.speakers import SpeakerMap, relabel, uncovered_speakers
from cmo_coder.model import SourceFormat, Transcript, Turn
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
MANIFEST = ("name,aliases,role,site,label\nRuth Alderson,Facilitator,facilitator,,F1\n"
            "Mary Dunne,Mary,carer,Wearside,CAR-01\nJo Kirwan,Jo,carer,Wearside,CAR-02\n"
            "Sam Okafor,Sam,staff,Wearside,STF-01\n")
GROUP = """Facilitator: What did the carers' cafe give you?

Mary Dunne: Two hours off, and tea somebody else made.

Jo Kirwan: Somebody who gets it without asking.

Mary and Jo: The biscuits!

ALL: [laughter]

Sam Okafor: We never planned the biscuits, they just happened.

Unknown: They were the best part.

Facilitator: Thank you all.
"""


def _run(*args: object) -> tuple[int, str]:
    r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return r.exit_code, r.output


def test_a_focus_group_is_imported_signed_off_queried_and_exported(tmp_path: Path) -> None:
    study, secure = tmp_path / "study", tmp_path / "secure"
    src = tmp_path / "carers_cafe_group.txt"
    src.write_text(GROUP, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    assert _run("init", study, "--codebook", REPO / "codebooks" / "tiny.yaml")[0] == 0
    code, out = _run("import", study, "--secure", secure, "--manifest", manifest, src)
    assert code == 0 and "8 turns" in out, out
    assert "speakers: F1, CAR-01, CAR-02, CAR-01 & CAR-02, ALL, STF-01, UNPLACED" in out, out
    assert "provisional" not in out.lower(), out
    assert _run("anonymise", study, "--secure", secure)[0] == 0
    code, out = _run("review", study, "--secure", secure, "--accept-all", "--sign-off")
    assert code == 0, out
    project = Project.open(study)
    try:
        t = project.transcript(project.transcript_ids()[0])
        said = [(turn.speaker, t.text[turn.start:turn.end]) for turn in t.turns]
        assert ("CAR-01 & CAR-02", "The biscuits!") in said, said
        # the group's line is its members' (the facilitator is none), and says it was the group's
        group = next(turn for turn in t.turns if t.text[turn.start:turn.end] == "[laughter]")
        assert group.speaker == "CAR-01 & CAR-02 & STF-01" and "group_speaker" in group.flags
        unplaced = next(turn for turn in t.turns if t.text[turn.start:turn.end] == "They were the best part.")
        assert unplaced.speaker == "CAR-01 & CAR-02 & STF-01" and "unplaced_speaker" in unplaced.flags
        assert sorted(p.label for p in project.participants()) == ["CAR-01", "CAR-02", "F1", "STF-01"]
        assert not any(n in turn.speaker for turn in t.turns for n in ("Mary", "Jo", "Sam", "Ruth", "Unknown"))
        tid = t.id
    finally:
        project.close()
    for quote in ("The biscuits!", "Two hours off", "we never planned the biscuits"):
        code, out = _run("code", "add", study, tid, "--quote", quote, "--pt", "PT1", "--coder", "ann")
        assert code == 0, out
    code, out = _run("evidence", study, "PT1", "--role", "carer", "--json")
    assert code == 0, out
    rows = json.loads(out)
    quotes = sorted(r["quote"] for r in (rows if isinstance(rows, list) else rows["rows"]))
    assert quotes == ["The biscuits!", "Two hours off"], quotes  # the joint line is carers' speech; staff's is not
    joint = next(r for r in (rows if isinstance(rows, list) else rows["rows"]) if r["quote"] == "The biscuits!")
    assert joint["speaker"] == "CAR-01 & CAR-02" and joint["role"] == "carer", joint
    out_dir = tmp_path / "out"
    code, out = _run("export", study, "--qdpx", out_dir / "s.qdpx", "--secure", secure)
    assert code == 0, out
    with zipfile.ZipFile(out_dir / "s.qdpx") as zf:
        root = etree.fromstring(zf.read("project.qde"))
    ns = {"q": root.nsmap[None]}
    selections = {s.get("guid"): s.get("name") for s in root.iterfind(".//q:PlainTextSelection", ns)}
    cases = {c.get("name"): [selections.get(r.get("targetGUID")) for r in c.iterfind("q:SelectionRef", ns)]
             for c in root.iterfind(".//q:Case", ns)}
    assert any(n and n.startswith("CAR-01 & CAR-02 turn") for n in cases["CAR-01"]), cases
    assert any(n and n.startswith("CAR-01 & CAR-02 turn") for n in cases["CAR-02"]), cases
    assert not any(n and n.startswith("CAR-01 & CAR-02 turn") for n in cases["STF-01"]), cases
    assert "CAR-01 & CAR-02" not in cases and "ALL" not in cases  # a case is a person


KEY = ParticipantKey(entries=[
    KeyEntry(label="CAR-01", name="Mary Dunne", aliases=["Mary"], role="carer"),
    KeyEntry(label="CAR-02", name="Jo Kirwan", aliases=["P4@fg"], role="carer"),
])


def test_a_joint_line_with_a_member_nobody_registered_asks_for_that_member_only() -> None:
    smap = SpeakerMap(KEY)
    assert smap.label_of("Mary & P4", "fg") == "CAR-01 & CAR-02"
    label = smap.label_of("Mary and Dave", "fg")
    assert label.startswith("CAR-01 & U") and "Dave" not in label
    assert uncovered_speakers(["Mary and Dave", "ALL", "?", "Mary & P4"], KEY, "fg") == ["Dave"]


def test_what_is_no_joint_line() -> None:
    """Teams' "Surname, Firstname" is one person; "Q and A", "A&E" and words are no members; a member beside the
    group is no pair."""
    from cmo_coder.ingest.group_speakers import joint_members
    assert joint_members("SP3, SP5") == ("SP3", "SP5") and joint_members("Mary and Jo") == ("Mary", "Jo")
    for written in ("Adams, Jennifer", "Q and A", "A&E", "Fish and chips", "P1 & All", "P2 & P2", "Mary"):
        assert joint_members(written) is None, written


def test_relabel_gives_a_joint_line_its_members_labels_once_the_key_covers_them() -> None:
    turns = [Turn(speaker="U1 & U2", start=0, end=4, speaker_name="Mary & P4"),
             Turn(speaker="U3", start=6, end=9, speaker_name="Everyone")]
    raw = Transcript(id="fg", title="fg", source_format=SourceFormat.plain_txt, text="Yes.\n\nNo.",
                     source_sha256="0" * 64, normaliser_version="1", turns=turns)
    assert [t.speaker for t in relabel(raw, KEY, "fg").turns] == ["CAR-01 & CAR-02", "ALL"]
