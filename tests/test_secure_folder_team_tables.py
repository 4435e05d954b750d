"""A secure folder that already holds the team's own tables (issue 13, review that a team can finish): a team keeps
the manifest and the register in the folder that will hold the key, and the first import refused it as "not
empty". A folder holding only tables becomes the secure folder, the tables untouched; a folder holding anything else
(a subfolder, a document, a link) is still refused, without naming what is in it. Every name here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import run_cli

from cmo_coder.errors import CmoError
from cmo_coder.store.secure import SecureFolder

MANIFEST = "name,aliases,role,site,label,team\nNia Pryce,,carer,Plymouth,P1,\nOwen Tallis,,staff,Plymouth,SP1,\n"
REGISTER = "surface,category,placeholder,aliases\nDerriford,hospital,[hospital name],\n"


def test_a_folder_of_the_teams_tables_becomes_the_secure_folder(tmp_path: Path) -> None:
    secure = tmp_path / "secure"
    secure.mkdir()
    (secure / "participants.csv").write_text(MANIFEST, encoding="utf-8")
    (secure / "register.csv").write_text(REGISTER, encoding="utf-8")
    (secure / ".DS_Store").write_bytes(b"\0")
    before = {p.name: p.read_bytes() for p in secure.iterdir()}
    source = tmp_path / "talk.txt"
    source.write_text("Owen Tallis: How was it?\nNia Pryce: Fine, they sent me to Derriford.\n", encoding="utf-8")
    project = tmp_path / "p"
    run_cli("init", project, "--codebook", Path(__file__).parent.parent / "codebooks" / "tiny.yaml")
    done = run_cli("import", project, source, "--secure", secure, "--manifest", secure / "participants.csv")
    assert done.exit_code == 0, done.output
    assert all((secure / name).read_bytes() == data for name, data in before.items())
    assert (secure / "raw").is_dir()
    ran = run_cli("anonymise", project, "--secure", secure, "--register", secure / "register.csv")
    assert ran.exit_code == 0, ran.output


@pytest.mark.parametrize("other", ["sub/", "Nia Pryce interview.docx", "notes.json"])
def test_a_folder_holding_anything_else_is_refused_without_naming_it(tmp_path: Path, other: str) -> None:
    secure = tmp_path / "secure"
    secure.mkdir()
    (secure / "participants.csv").write_text(MANIFEST, encoding="utf-8")
    if other.endswith("/"):
        (secure / other.rstrip("/")).mkdir()
    else:
        (secure / other).write_bytes(b"x")
    with pytest.raises(CmoError) as err:
        SecureFolder.open(secure, create=True)
    assert "not empty" in str(err.value) and other.rstrip("/") not in str(err.value)
    assert not (secure / "raw").exists()
