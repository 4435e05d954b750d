"""A speaker scoped to a file by the id the import gave it (issue 13, the twenty-first study).

A file whose name holds a participant's name is imported under a neutral id (``transcript-1``), and the import's
advice for its per-file voices names that id ("S1@transcript-1"), never the name-holding file name. Scopes were
read by the file's name only, so a team that pasted the advice into the manifest still had the voices provisional
and sign-off refused the file. Both the id and the file's name now scope a voice."""

from __future__ import annotations

from pathlib import Path

from anon_support import run_cli

from cmo_coder.store import Project

CODEBOOK = Path(__file__).parent.parent / "codebooks" / "reco.yaml"
TEXT = "S1: Thanks for coming in.\nS2: No bother, glad to help.\nS1: Shall we start?\n"
FIRST = "name,aliases,role,site,label\nJo Bloggs,Jo,service user,Leeds,LDS-P01\nAmy Fox,Amy,facilitator,,\n"


def _import(tmp_path: Path, manifest: str, project: Path | None = None) -> tuple[Path, str]:
    files = tmp_path / "files"
    files.mkdir(exist_ok=True)
    (files / "Interview with Jo Bloggs.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "participants.csv").write_text(manifest, encoding="utf-8")
    if project is None:
        project = tmp_path / "study"
        assert run_cli("init", project, "--codebook", CODEBOOK).exit_code == 0
    result = run_cli("import", project, files / "Interview with Jo Bloggs.txt", "--secure", tmp_path / "secure",
                     "--manifest", tmp_path / "participants.csv")
    assert result.exit_code == 0, result.output
    return project, result.output


def _speakers(project: Path) -> set[str]:
    p = Project.open(project)
    try:
        return {t.speaker for tid in p.transcript_ids() for t in p.raw_or_pending(tid).turns}
    finally:
        p.close()


def _advised(tmp_path: Path) -> str:
    _, said = _import(tmp_path / "first", FIRST)
    advice = [line for line in said.splitlines() if "REAL NAME" in line]
    assert advice and "S1@transcript-1" in advice[0] and "Jo Bloggs" not in "".join(advice), said
    return FIRST.replace("Jo Bloggs,Jo,", "Jo Bloggs,Jo;S2@transcript-1,").replace(
        "Amy Fox,Amy,", "Amy Fox,Amy;S1@transcript-1,")


def test_the_advised_scope_names_the_voices_on_a_fresh_import(tmp_path: Path) -> None:
    (tmp_path / "first").mkdir()
    _, said = _import(tmp_path, _advised(tmp_path))
    assert "provisional" not in said, said


def test_the_advised_scope_names_the_voices_when_the_same_file_is_imported_again(tmp_path: Path) -> None:
    (tmp_path / "first").mkdir()
    advised = _advised(tmp_path)
    project, _ = _import(tmp_path, FIRST)
    _, said = _import(tmp_path, advised, project)
    assert "provisional" not in said, said


def test_the_files_own_name_still_scopes_its_voices(tmp_path: Path) -> None:
    named = FIRST.replace("Jo Bloggs,Jo,", "Jo Bloggs,Jo;S2@Interview with Jo Bloggs,").replace(
        "Amy Fox,Amy,", "Amy Fox,Amy;S1@Interview with Jo Bloggs,")
    _, said = _import(tmp_path, named)
    assert "provisional" not in said, said


def test_sign_off_advises_the_same_scope_as_the_import(tmp_path: Path) -> None:
    """Sign-off advised "add S1 to that line's aliases", unscoped, where the import advised "S1@transcript-1": a
    voice code is someone else in every file, so unscoped it would name that person in every file."""
    project, _ = _import(tmp_path, FIRST)
    assert run_cli("anonymise", project, "--secure", tmp_path / "secure").exit_code == 0
    result = run_cli("review", project, "--secure", tmp_path / "secure", "--accept-all", "--sign-off")
    assert result.exit_code == 1
    assert "'S1@transcript-1'" in result.output and "add S1 to that line's aliases" not in result.output, \
        result.output
