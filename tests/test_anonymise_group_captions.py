"""A group recorded without speaker labels (a focus group's captions): a manifest row of role ``group`` stands for
the whole group by its label, ``import --speaker LABEL`` gives it every unnamed turn, and the row's name is never a
person's name (not registered, not read in file names), so import, anonymisation, review and sign-off work end to
end. A file whose turns name no speaker gets the import's advice."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.anonymise.register import from_key
from cmo_coder.cli.main import cli
from cmo_coder.ingest.speakers import group_role, load_manifest
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.model.manifest import GROUP_ATTRIBUTE, is_group
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
MANIFEST = "name,aliases,role,site,label\nRuth Alderson,,facilitator,,F1\nLiam Fisher,,parent,Wearside,SUN-D01\n"
CUES = [
    "right lads this is the dads group for the study everyone alright",
    "aye canny aye",
    "i'm liam our little one is four month now and the baby bank sorted us a cot",
    "the group has been a lifeline honestly the dads group is what kept me going",
]


def _srt() -> str:
    return "".join(f"{i}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 4:02d},000\n{cue}\n\n"
                   for i, cue in enumerate(CUES, start=1))


@pytest.mark.parametrize(("written", "role", "group"), [
    ("group", "service_user", True),
    ("focus group", "service_user", True),
    ("Focus-Group", "service_user", True),
    ("staff group", "staff", True),
    ("carers' group", "carer", True),
    ("dads group", "dad", True),
    ("parents_group", "parent", True),
    ("staff", "staff", False),
    ("service user", "service user", False),
])
def test_a_group_role_is_its_members_role_and_a_mark(written: str, role: str, group: bool) -> None:
    assert group_role(written) == (role, group)


def test_a_group_row_is_read_with_its_mark(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(MANIFEST + "Sunderland dads group,,group,Wearside,SUN-FG1\nStaff group,,staff group,,TEE-FG2\n",
                    encoding="utf-8")
    rows = {r.entry.label: r.entry for r in load_manifest(path)}
    assert is_group(rows["SUN-FG1"].attributes) and rows["SUN-FG1"].role.value == "service_user"
    assert is_group(rows["TEE-FG2"].attributes) and rows["TEE-FG2"].role.value == "staff"
    assert not is_group(rows["SUN-D01"].attributes)


def test_a_groups_name_is_never_a_persons_name() -> None:
    key = ParticipantKey(entries=[
        KeyEntry(label="SUN-D01", name="Liam Fisher", role="service_user", site="Wearside"),
        KeyEntry(label="SUN-FG1", name="Sunderland dads group", role="service_user", site="Wearside",
                 attributes=dict([GROUP_ATTRIBUTE])),
    ])
    surfaces = {i.surface for i in from_key(key)}
    assert "Liam Fisher" in surfaces and not any("dads" in s.lower() or "group" in s.lower() for s in surfaces)


def _run(*args: object) -> tuple[int, str]:
    r = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return r.exit_code, r.output


def test_a_groups_captions_are_imported_anonymised_and_signed_off(tmp_path: Path) -> None:
    study, secure = tmp_path / "study", tmp_path / "secure"
    srt = tmp_path / "wearside_dads_group.srt"
    srt.write_text(_srt(), encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    assert _run("init", study, "--codebook", REPO / "codebooks" / "tiny.yaml")[0] == 0
    code, out = _run("import", study, "--secure", secure, "--manifest", manifest, srt)
    assert code == 0 and "some turns name no speaker" in out and "group,SITE,FG1" in out, out
    manifest.write_text(MANIFEST + "Wearside dads group,,group,Wearside,SUN-FG1\n", encoding="utf-8")
    code, out = _run("import", study, "--secure", secure, "--manifest", manifest, "--replace", "--speaker", "SUN-FG1",
                     srt)
    assert code == 0 and "speakers: SUN-FG1" in out, out
    assert "file name contains a participant's name" not in out  # the group's words are no one's name
    assert _run("anonymise", study, "--secure", secure)[0] == 0
    code, out = _run("review", study, "--secure", secure, "--undecided")
    assert code == 0 and "'dads'" not in out and "'group'" not in out, out
    code, out = _run("review", study, "--secure", secure, "--accept-all", "--sign-off")
    assert code == 0, out
    project = Project.open(study)
    try:
        tid = project.transcript_ids()[0]
        t = project.transcript(tid)
        assert {turn.speaker for turn in t.turns} == {"SUN-FG1"}
        assert "the dads group for the study" in t.text and "the baby bank" in t.text, t.text
        assert "liam" not in t.text.lower()
    finally:
        project.close()


def test_a_name_of_the_manifest_is_still_a_name_in_a_groups_file(tmp_path: Path) -> None:
    study, secure = tmp_path / "study", tmp_path / "secure"
    srt = tmp_path / "liam_fisher_group.srt"
    srt.write_text(_srt(), encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(MANIFEST + "Wearside dads group,,group,Wearside,SUN-FG1\n", encoding="utf-8")
    assert _run("init", study, "--codebook", REPO / "codebooks" / "tiny.yaml")[0] == 0
    code, out = _run("import", study, "--secure", secure, "--manifest", manifest, "--speaker", "SUN-FG1", srt)
    assert code == 0 and "file name contains a participant's name" in out, out


PAIR = [
    "hiya are you alright love do you want a cup of tea",
    "yeah go on then i've been sleeping out by the station since tuesday",
    "okay well the van's here till ten so get warm",
]


def test_a_pairs_captions_go_to_a_row_for_the_pair_as_the_advice_says(tmp_path: Path) -> None:
    """A conversation of two recorded without speaker labels (an outreach worker and the person met): the advice
    says that one participant's name would be given the other's words, and a row of role 'group' for the pair takes
    every turn, its words no names."""
    study, secure = tmp_path / "study", tmp_path / "secure"
    srt = tmp_path / "outreach_night.srt"
    srt.write_text("".join(f"{i}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 4:02d},000\n{cue}\n\n"
                           for i, cue in enumerate(PAIR, start=1)), encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    assert _run("init", study, "--codebook", REPO / "codebooks" / "tiny.yaml")[0] == 0
    code, out = _run("import", study, "--secure", secure, "--manifest", manifest, srt)
    assert code == 0 and "a conversation of two" in out and "the pair's label" in out, out
    manifest.write_text(MANIFEST + "Outreach conversation,,group,Brighton,OUT-P1\n", encoding="utf-8")
    code, out = _run("import", study, "--secure", secure, "--manifest", manifest, "--replace", "--speaker", "OUT-P1",
                     srt)
    assert code == 0 and "speakers: OUT-P1" in out, out
    assert _run("anonymise", study, "--secure", secure)[0] == 0
    code, out = _run("review", study, "--secure", secure, "--undecided")
    assert code == 0 and "'outreach'" not in out and "'conversation'" not in out, out


def test_sign_offs_refusal_names_the_pair_too() -> None:
    from cmo_coder.anonymise.review import _no_speaker_problem

    said = _no_speaker_problem(3, "srt")
    assert "a conversation of two" in said and "where one person speaks" in said
    assert "a conversation of two" not in _no_speaker_problem(3, "plain_txt")
