"""Sign-off decides each transcript on its own, and its advice for a provisional speaker agrees with the import's.

A refused file (a provisional speaker, an undecided item) used to stop ``review --sign-off`` there, leaving every
file after it pending with no word about them. A one-word speaker label ("Shug") was advised a manifest line of
its own, which makes a second participant of a person the manifest names otherwise (Hugh).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from anon_support import KEY, add_pending, secure_folder
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.ingest.speakers import alias_owner
from cmo_coder.model.key import KeyEntry
from cmo_coder.store import Project


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _three(tmp_path: Path, project: Project, bad: str) -> Path:
    entries = [*KEY, KeyEntry(label="P9", name="Shug", provisional=True)]
    sf = secure_folder(tmp_path, entries)
    files = {"int-a": "SP1", "int-b": "P1", "int-c": "P2"}
    for tid, label in files.items():
        who = "P9" if tid == bad else label
        add_pending(project, sf, tid, [(who, "x", f"It was fine really, thanks for asking ({tid}).")])
    assert run("anonymise", project.path, "--secure", sf.path).exit_code == 0
    return sf.path


@pytest.mark.parametrize("bad", ["int-a", "int-b", "int-c"])
def test_a_refused_file_holds_back_no_other(tmp_path: Path, project: Project, bad: str) -> None:
    s = _three(tmp_path, project, bad)
    r = run("review", project.path, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 1
    assert project.transcript_status(bad) == "pending"
    for tid in {"int-a", "int-b", "int-c"} - {bad}:
        assert project.transcript_status(tid) == "signed_off", r.output
    assert f"transcript {bad}" in r.output and "provisional" in r.output
    assert "1 of 3 transcript(s) not signed off" in r.output


def test_every_refusal_is_listed_with_its_file(tmp_path: Path, project: Project) -> None:
    entries = [*KEY, KeyEntry(label="P9", name="Unknown Speaker 3", provisional=True)]
    sf = secure_folder(tmp_path, entries)
    add_pending(project, sf, "int-a", [("P9", "x", "It was fine.")])
    add_pending(project, sf, "int-b", [("P1", "x", "Keith Brannigan rang me.")])
    add_pending(project, sf, "int-c", [("P2", "x", "It was fine too.")])
    assert run("anonymise", project.path, "--secure", sf.path).exit_code == 0
    r = run("review", project.path, "--secure", sf.path, "--sign-off", "--json")
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert out["signed_off"] == ["int-c"]
    refused = {x["transcript"]: x["reason"] for x in out["refused"]}
    assert set(refused) == {"int-a", "int-b"}
    assert "provisional" in refused["int-a"] and "undecided" in refused["int-b"]
    assert "2 of 3 transcript(s) not signed off (int-a, int-b)" in r.output


def test_all_signed_off_exits_zero(tmp_path: Path, project: Project) -> None:
    s = _three(tmp_path, project, "none")
    r = run("review", project.path, "--secure", s, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    assert "not signed off" not in r.output


MANIFEST = [
    KeyEntry(label="U1", name="Hugh Kinnaird", role="service_user", site="A"),
    KeyEntry(label="U2", name="Robert Lees", role="carer", site="A"),
    KeyEntry(label="U3", name="Margaret Doyle", role="staff", site="B"),
    KeyEntry(label="U4", name="Elizabeth Ward", role="carer", site="B"),
]


@pytest.mark.parametrize("said,owner", [
    ("Shug", "Hugh Kinnaird"), ("Rab", "Robert Lees"), ("Hugh", "Hugh Kinnaird"),
    # held back: written before the rule, never tuned on
    ("Rabbie", "Robert Lees"), ("Shuggie", "Hugh Kinnaird"), ("Bob", "Robert Lees"), ("Maggie", "Margaret Doyle"),
    ("Betty", "Elizabeth Ward"), ("Peggy", "Margaret Doyle"), ("Lizzie", "Elizabeth Ward"),
])
def test_a_short_form_of_one_manifest_person_is_their_alias(said: str, owner: str) -> None:
    found = alias_owner(said, MANIFEST)
    assert found is not None and found.name == owner


@pytest.mark.parametrize("said", [
    "Bunny", "Kirsty", "Tez", "Dolly", "Storm", "Jock",
    # held back: names that are nobody's short form here, or two people's
    "Sky", "Eck",
])
def test_a_name_that_is_no_manifest_persons_form_names_nobody(said: str) -> None:
    assert alias_owner(said, MANIFEST) is None


def test_a_form_of_two_manifest_people_names_nobody() -> None:
    two = [*MANIFEST, KeyEntry(label="U5", name="Roberta Hale", role="staff", site="A"),
           KeyEntry(label="U6", name="Robert Kerr", role="staff", site="A")]
    assert alias_owner("Rab", two) is None
    assert alias_owner("Hugh", [*MANIFEST, KeyEntry(label="U7", name="Hugh Dunn", role="staff")]) is None


def test_sign_off_advice_for_a_short_form_names_the_person(tmp_path: Path, project: Project) -> None:
    entries = [*MANIFEST, KeyEntry(label="P9", name="Shug", provisional=True)]
    sf = secure_folder(tmp_path, entries)
    add_pending(project, sf, "zoom-a", [("P9", "Shug", "It was fine really.")])
    run("anonymise", project.path, "--secure", sf.path)
    r = run("review", project.path, "--secure", sf.path, "--accept-all", "--sign-off")
    assert r.exit_code == 1
    assert "add 'Shug@zoom-a' to the aliases of Hugh Kinnaird's manifest line" in r.output
    assert "Shug,,service_user" not in r.output


def test_sign_off_advice_for_one_unknown_word_puts_the_alias_first(tmp_path: Path, project: Project) -> None:
    entries = [*MANIFEST, KeyEntry(label="P9", name="Bunny", provisional=True)]
    sf = secure_folder(tmp_path, entries)
    add_pending(project, sf, "zoom-b", [("P9", "Bunny", "It was fine really.")])
    run("anonymise", project.path, "--secure", sf.path)
    r = run("review", project.path, "--secure", sf.path, "--accept-all", "--sign-off")
    assert r.exit_code == 1
    advice = r.output[r.output.index("Bunny"):]
    assert advice.index("aliases") < advice.index("Bunny,,service_user")


def test_a_key_that_cannot_be_written_leaves_the_transcript_pending(tmp_path: Path, project: Project,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The redaction key is written before the project's commit: a disk failure there must not leave a signed-off
    transcript that ``show --secure`` cannot map back to what was said."""
    from cmo_coder.anonymise import review
    from cmo_coder.store.secure import SecureFolder

    sf = secure_folder(tmp_path, list(KEY))
    add_pending(project, sf, "int-a", [("P1", "x", "Keith Brannigan rang me.")])
    assert run("anonymise", project.path, "--secure", sf.path).exit_code == 0
    real = SecureFolder.write_json

    def failing(self: SecureFolder, name: str, data: object) -> None:
        if name == review.REDACTION_KEY:
            raise OSError("disk full")
        real(self, name, data)

    monkeypatch.setattr(SecureFolder, "write_json", failing)
    r = CliRunner().invoke(cli, ["review", str(project.path), "--secure", str(sf.path), "--accept-all",
                                 "--sign-off"])
    assert r.exit_code != 0
    assert project.transcript_status("int-a") == "pending"
    monkeypatch.setattr(SecureFolder, "write_json", real)
    r = run("review", project.path, "--secure", sf.path, "--accept-all", "--sign-off")
    assert r.exit_code == 0, r.output
    key = json.loads((sf.path / review.REDACTION_KEY).read_text(encoding="utf-8"))
    assert [e["original"] for e in key["int-a"]] == ["Keith Brannigan"]
