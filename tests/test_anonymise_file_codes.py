"""A file's own speaker codes that are also the project's labels: a focus group typed "F1", "F2", "M1" in a project
that labels its facilitators F1 and F2. The file's codes are scoped to the file (as an alias ``F1@file`` is), so
the file's F1 never becomes the project's F1, and the import says so, naming the label the turns took. Every
person and file here is invented."""

from __future__ import annotations

from pathlib import Path

from anon_support import run_cli

from cmo_coder.ingest.speakers import SpeakerMap, label_clashes
from cmo_coder.model import Role
from cmo_coder.model.key import KeyEntry, ParticipantKey

GROUP = ("F1: I'll start. I was at the pit twenty years.\n\nM1: Same here, Bestwood.\n\n"
         "F2: My dad was.\n\nF1: And the welfare shut.\n\nM1: Aye.\n\nFacilitator: Thank you all.\n")


def _import(tmp_path: Path, manifest_rows: str) -> tuple[str, Path]:
    src = tmp_path / "coalfield_group.txt"
    src.write_text(GROUP, encoding="utf-8")
    manifest = tmp_path / "people.csv"
    manifest.write_text("name,aliases,role,site,label,team\n" + manifest_rows, encoding="utf-8")
    project, secure = tmp_path / "study", tmp_path / "secure"
    run_cli("init", project, "--codebook", Path(__file__).parent.parent / "codebooks" / "tiny.yaml")
    done = run_cli("import", project, src, "--secure", secure, "--manifest", manifest)
    assert done.exit_code == 0, done.output
    return done.output, secure


FACILITATORS = ("Ffion Rees,Facilitator@coalfield_group,facilitator,,F1,research team\n"
                "Gwyn Lloyd,,facilitator,,F2,research team\n")


def test_the_import_says_the_files_f1_is_not_the_projects(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, FACILITATORS)
    said = " ".join(out.split())
    assert "the file's speaker code 'F1' is the file's own, not the project's F1 (facilitator)" in said
    assert "the file's speaker code 'F2' is the file's own, not the project's F2 (facilitator)" in said
    assert "'M1'" not in said  # no project label M1: nothing to say
    assert "Ffion" not in said and "Gwyn" not in said  # the warning names labels, never people


def test_a_file_code_given_a_manifest_line_is_named_with_its_label(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, FACILITATORS + "Dawn Hibbert,F1@coalfield_group,service_user,,,\n")
    said = " ".join(out.split())
    assert "not the project's F1 (facilitator): its turns are labelled" in said
    f2 = said.split("'F2'")[1]
    assert "not the project's F2 (facilitator): its turns are labelled U" in f2 and "(provisional" in f2  # no line


def test_no_clash_no_word(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, "Ffion Rees,Facilitator@coalfield_group,facilitator,,T1,research team\n")
    assert "file's own" not in out


def test_label_clashes_unit() -> None:
    key = ParticipantKey(entries=[
        KeyEntry(label="F1", name="Ffion Rees", role=Role.facilitator),
        KeyEntry(label="P4", name="Dawn Hibbert", aliases=["F1@grp"], role=Role.service_user),
    ])
    smap = SpeakerMap(key)
    said = label_clashes(["F1", "F1", "M1"], smap, "grp")
    assert len(said) == 1 and "labelled P4" in said[0] and "provisional" not in said[0]
    assert label_clashes(["F1"], smap, "other") == []  # unknown elsewhere: no entry yet, nothing to say
    assert label_clashes(["Ffion Rees"], smap, "grp") == []  # the project's own F1 speaking: no clash


def test_a_voice_codes_advised_line_is_scoped_to_its_files() -> None:
    from cmo_coder.ingest.speakers import suggested_line

    said = KeyEntry(label="U3", name="F2", provisional=True)
    assert suggested_line(said, [], ["coalfield_group", "coalfield_group_pt2"]) == (
        '"REAL NAME","F2@coalfield_group;F2@coalfield_group_pt2",ROLE,SITE,')
    assert suggested_line(said, [], []) == '"F2",,ROLE,SITE,'  # no file to scope it to: the code as said
    person = KeyEntry(label="U4", name="Farai", provisional=True)
    assert suggested_line(person, [], ["coalfield_group"]) == '"Farai",,ROLE,SITE,'  # a name is no code


def test_the_import_advises_a_scoped_line_for_an_unmatched_code(tmp_path: Path) -> None:
    output, _ = _import(tmp_path, "Dai Price,,facilitator,A,,research\n")
    assert "F2@coalfield_group" in output, output
