"""A file's name holding a registered name or a site's town never becomes a transcript's id.

The id reaches the project, the QDPX export's source names and reports; a file named after the village
of an interview ("maerdy_miners.txt") would carry the village out in the id alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import ingest_fixtures as fx
import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.ingest import import_files
from cmo_coder.ingest.importer import REGISTERED_FILE_WARNING
from cmo_coder.ingest.stem_register import stem_names
from cmo_coder.model.key import ParticipantKey
from cmo_coder.store import Project
from cmo_coder.store.secure import REGISTER_COPY

REGISTER = """surface,category,placeholder,aliases
Maerdy,place,,
Tiger Bay,place,,the Bay
"PROSSER, Gareth",person,,Gaz
Jones the Milk,person,,
Red Lion,pub,,
"""

MANIFEST = """name,aliases,role,site,label
Rhian Evans,,staff,Merthyr Tydfil,
Dai Price,,service_user,B,
"""


@pytest.fixture
def register(tmp_path: Path) -> Path:
    p = tmp_path / "register.csv"
    p.write_text(REGISTER, encoding="utf-8")
    return p


def _names(register: Path | None, manifest: str | None = None, tmp: Path | None = None) -> object:
    key = ParticipantKey()
    if manifest is not None and tmp is not None:
        from cmo_coder.ingest.speakers import SpeakerMap, load_manifest

        p = tmp / "m.csv"
        p.write_text(manifest, encoding="utf-8")
        smap = SpeakerMap(key)
        smap.apply_manifest(load_manifest(p), str(p))
        key = smap.key
    return stem_names(register, key)


@pytest.mark.parametrize("stem", [
    "maerdy_miners_descript", "Maerdy-interview", "tiger_bay_fg", "TigerBay2024", "interview_the_bay",
    "prosser_followup", "gareth-int-3", "gaz_chat", "red_lion_regulars", "jones_the_milk",
])
def test_a_registered_name_in_a_stem_is_found(register: Path, stem: str) -> None:
    assert _names(register).held_by(stem)  # type: ignore[attr-defined]


@pytest.mark.parametrize("stem", [
    "interview_03", "staff_fg_site_b", "bay_leaf_notes", "tiger_team", "lion_king", "milk_round",
    "redact_test", "dr_visit", "the_interview", "pit_stop",
])
def test_words_beside_registered_names_are_not_names(register: Path, stem: str) -> None:
    # parts of a registered place's name, alone, are not the place; a title alone names nobody
    assert not _names(register).held_by(stem)  # type: ignore[attr-defined]


def test_a_site_named_by_its_town_is_held_but_a_site_letter_is_not(tmp_path: Path) -> None:
    names = _names(None, MANIFEST, tmp_path)
    assert names.held_by("merthyr_tydfil_staff_1")  # type: ignore[attr-defined]
    assert names.held_by("MerthyrTydfil")  # type: ignore[attr-defined]
    assert not names.held_by("site_b_users")  # type: ignore[attr-defined]


def test_import_gives_a_neutral_id_and_says_why(project: Project, register: Path, tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "maerdy_miners_descript.txt").write_text(fx.PLAIN, encoding="utf-8")
    (d / "notes.txt").write_text(fx.PLAIN + "R: Another day.\n", encoding="utf-8")
    report = import_files(project, sorted(d.iterdir()), tmp_path / "secure", register=register)
    assert [f.transcript_id for f in report.files] == ["transcript-1", "notes"], report
    assert REGISTERED_FILE_WARNING in report.files[0].warnings[-1]
    rows = project.conn.execute("SELECT id, title FROM transcripts").fetchall()
    assert not any("maerdy" in (r[0] + r[1]).lower() for r in rows)


def test_without_a_register_the_stem_is_the_id(project: Project, tmp_path: Path) -> None:
    src = tmp_path / "miners_descript.txt"
    src.write_text(fx.PLAIN, encoding="utf-8")
    assert import_files(project, [src], tmp_path / "secure").files[0].transcript_id == "miners_descript"
    # a village the place lists hold is held without a register (test_ingest_unregistered_file_names.py)
    village = tmp_path / "maerdy_miners.txt"
    village.write_text(fx.PLAIN + "R: Later.\n", encoding="utf-8")
    assert import_files(project, [village], tmp_path / "secure").files[0].transcript_id == "transcript-1"


def test_the_register_an_anonymise_run_kept_is_used(project: Project, register: Path, tmp_path: Path) -> None:
    secure = tmp_path / "secure"
    first = tmp_path / "notes.txt"
    first.write_text(fx.PLAIN, encoding="utf-8")
    import_files(project, [first], secure)
    shutil.copyfile(register, secure / REGISTER_COPY)  # what `anonymise --register` leaves
    later = tmp_path / "tiger_bay_followup.txt"
    later.write_text(fx.PLAIN + "R: Later.\n", encoding="utf-8")
    assert import_files(project, [later], secure).files[0].transcript_id == "transcript-1"


def test_a_bad_register_is_refused_naming_its_line(project: Project, tmp_path: Path) -> None:
    bad = tmp_path / "register.csv"
    bad.write_text("surface,category\nMaerdy\n", encoding="utf-8")
    src = tmp_path / "notes.txt"
    src.write_text(fx.PLAIN, encoding="utf-8")
    with pytest.raises(CmoError, match=r"register\.csv:2"):
        import_files(project, [src], tmp_path / "secure", register=bad)
    assert project.transcript_ids() == []


def test_the_cli_takes_the_register(tmp_path: Path, register: Path) -> None:
    runner = CliRunner()
    proj = tmp_path / "proj"
    assert runner.invoke(cli, ["init", str(proj), "--codebook", "tiny"]).exit_code == 0
    src = tmp_path / "Tiger_Bay_carers.txt"
    src.write_text(fx.PLAIN, encoding="utf-8")
    res = runner.invoke(cli, ["import", str(proj), str(src), "--secure", str(tmp_path / "secure"),
                              "--register", str(register), "--json"])
    assert res.exit_code == 0, res.output
    assert '"transcript_id": "transcript-1"' in res.output
    # the report printed on the user's machine names the file; nothing in the project does
    for f in proj.rglob("*"):
        if f.is_file():
            assert b"tiger" not in f.read_bytes().lower(), f
