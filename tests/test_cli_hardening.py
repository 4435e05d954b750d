"""Hostile command lines and hostile project folders: one-line errors, exit 1, nothing written."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.store import Project
from cmo_coder.store import project as project_mod
from cmo_coder.store.schema import migrate
from cmo_coder.store.secure import PROJECT_DB


def run(*args: object) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def study(tmp_path: Path) -> Path:
    assert run("init", tmp_path / "study", "--codebook", "tiny").exit_code == 0
    return tmp_path / "study"


@pytest.mark.parametrize("argv", [
    ["status"], ["--no-such-option"], ["no-such-command"], ["status", "a", "b"],
    ["export", "p", "--profile", "excel"], ["code", "list"],
])
def test_usage_errors_are_one_line_and_exit_1(argv):
    line = one_line_error(run(*argv))
    assert "--help)" in line


def test_help_and_version_still_exit_0():
    for argv in (["--help"], ["status", "--help"], ["code", "import", "-h"], ["--version"], ["code"]):
        result = run(*argv)
        assert result.exit_code == 0, (argv, result.output)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", "-1", "0"])
def test_max_mb_must_be_a_finite_positive_size(tmp_path, study, value):
    f = tmp_path / "a.txt"
    f.write_text("P1: hello\n", encoding="utf-8")
    before = digest(study / PROJECT_DB)
    line = one_line_error(run("import", study, f, "--secure", tmp_path / "sec", "--max-mb", value))
    assert "--max-mb" in line
    assert digest(study / PROJECT_DB) == before
    assert not (tmp_path / "sec").exists()


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "1e300"])
def test_float_options_refuse_non_finite_values(study, value):
    for option in ("--min-confidence", "--accept-above"):
        cmd = "run" if option == "--min-confidence" else "review"
        line = one_line_error(run("suggest", cmd, study, option, value))
        assert option in line


def test_paths_with_nul_or_empty_are_refused(tmp_path):
    assert "NUL" in one_line_error(run("init", f"{tmp_path}/a\x00b", "--codebook", "tiny"))
    assert "empty path" in one_line_error(run("init", "", "--codebook", "tiny"))


def test_text_values_with_nul_are_refused(tmp_path, study):
    assert "NUL" in one_line_error(run("init", tmp_path / "p", "--codebook", "\x00"))
    assert "NUL" in one_line_error(run("which-pt", study, "a quote\x00"))


def test_output_path_under_a_regular_file(tmp_path, study):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    line = one_line_error(run("code", "export", study, "--out", blocker / "codings.csv"))
    assert "file.txt" in line
    line = one_line_error(run("export", study, "--qdpx", blocker / "out.qdpx"))
    assert "file.txt" in line
    assert blocker.read_text(encoding="utf-8") == "x"


def test_init_under_a_regular_file_and_with_a_folder_as_codebook(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    assert "a part of the path is a file" in one_line_error(run("init", blocker / "study", "--codebook", "tiny"))
    folder = tmp_path / "books"
    folder.mkdir()
    line = one_line_error(run("init", tmp_path / "s2", "--codebook", folder))
    assert "books" in line and "folder" in line
    assert not (tmp_path / "s2").exists()


def test_init_in_a_read_only_folder(tmp_path, monkeypatch):
    def refuse(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    line = one_line_error(run("init", tmp_path / "study", "--codebook", "tiny"))
    assert "Permission denied" in line and "writable" in line
    assert not (tmp_path / "study").exists()


# -- what counts as a project ---------------------------------------------------------------------

def test_zero_byte_database_is_refused_and_left_alone(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / PROJECT_DB).write_bytes(b"")
    for argv in (["status", tmp_path / "p"], ["code", "list", tmp_path / "p"]):
        assert "empty file" in one_line_error(run(*argv))
    assert (tmp_path / "p" / PROJECT_DB).stat().st_size == 0
    assert sorted(x.name for x in (tmp_path / "p").iterdir()) == [PROJECT_DB]


def test_non_sqlite_and_foreign_sqlite_files_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / PROJECT_DB).write_bytes(b"PK\x03\x04 not a database")
    assert "not a SQLite file" in one_line_error(run("status", tmp_path / "a"))
    (tmp_path / "b").mkdir()
    conn = sqlite3.connect(tmp_path / "b" / PROJECT_DB)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = digest(tmp_path / "b" / PROJECT_DB)
    assert "not a cmo-coder project" in one_line_error(run("status", tmp_path / "b"))
    assert digest(tmp_path / "b" / PROJECT_DB) == before
    (tmp_path / "c").mkdir()
    assert "not a cmo-coder project" in one_line_error(run("status", tmp_path / "c"))
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / PROJECT_DB).mkdir()
    assert "not a file" in one_line_error(run("status", tmp_path / "d"))


def test_read_only_open_reads_and_refuses_writes(study):
    before = digest(study / PROJECT_DB)
    with Project.open(study, read_only=True) as p:
        assert p.status()["codebook"]["programme_theories"] == 2
        with pytest.raises(CmoError, match="opened read-only"), p.transaction() as tx:
            tx.set_meta("x", "y")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            p.conn.execute("INSERT INTO meta VALUES ('a', 'b')")
    assert digest(study / PROJECT_DB) == before


def test_cli_on_a_project_it_cannot_write(tmp_path, study, monkeypatch):
    monkeypatch.setattr(project_mod, "is_writable", lambda path: False)
    before = digest(study / PROJECT_DB)
    for argv in (["status", study], ["code", "list", study], ["transcripts", study]):
        result = run(*argv)
        assert result.exit_code == 0, (argv, result.output)
    table = tmp_path / "t.csv"
    table.write_text("transcript,quote,pt,stance\nT1,hello,PT1,supports\n", encoding="utf-8")
    line = one_line_error(run("code", "import", study, table))
    assert "changes the project" in line and "cannot be written" in line
    assert digest(study / PROJECT_DB) == before


def test_old_schema_read_only_asks_for_write_access(tmp_path, tiny_codebook):
    db = tmp_path / "old" / PROJECT_DB
    db.parent.mkdir()
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=1)
    conn.execute("INSERT INTO meta VALUES ('codebook', ?)", (tiny_codebook.model_dump_json(),))
    conn.close()
    before = digest(db)
    with pytest.raises(CmoError, match="schema version 1 .* needs write access"):
        Project.open(db.parent, read_only=True)
    assert digest(db) == before
    with Project.open(db.parent) as p:
        assert p.schema_version >= 3


def test_every_number_and_path_parameter_of_every_command_is_tightened():
    """An option added later is covered too: the whole tree is walked when the CLI is built."""
    import click

    from cmo_coder.cli.hardening import BoundedInt, FiniteFloat, NamedPath

    def walk(cmd: click.Command, path: str) -> list[str]:
        loose = []
        for p in cmd.params:
            t = p.type
            if isinstance(t, click.Path) and not isinstance(t, NamedPath):
                loose.append(f"{path} {p.name}")
            if isinstance(t, (click.types.FloatParamType, click.types.IntParamType)):
                loose.append(f"{path} {p.name}")
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                loose += walk(sub, f"{path} {name}")
        return loose

    assert walk(cli, "cmo-coder") == []
    kinds = {type(p.type) for c in cli.commands.values() for p in c.params}
    assert NamedPath in kinds
    assert FiniteFloat in {type(p.type) for c in cli.commands["suggest"].commands.values() for p in c.params}
    assert BoundedInt in {type(p.type) for c in cli.commands.values() for p in c.params}


def test_reading_commands_open_the_project_read_only(study, monkeypatch):
    import click

    from cmo_coder.cli.options import READ_ONLY_COMMANDS

    names = set()

    def walk(cmd: click.Command, prefix: str) -> None:
        for name, sub in cmd.commands.items() if isinstance(cmd, click.Group) else []:
            path = f"{prefix} {name}".strip()
            names.add(path)
            walk(sub, path)

    walk(cli, "")
    assert names >= READ_ONLY_COMMANDS
    seen: list[bool | None] = []
    real_open = Project.open.__func__  # type: ignore[attr-defined]

    def spy(cls, path, read_only=None):  # type: ignore[no-untyped-def]
        seen.append(read_only)
        return real_open(cls, path, read_only=read_only)

    monkeypatch.setattr(Project, "open", classmethod(spy))
    assert run("code", "list", study).exit_code == 0
    assert run("status", study).exit_code == 0
    assert seen == [True, True]
    run("code", "add", study, "T1", "--quote", "x", "--pt", "PT1", "--stance", "supports")
    assert seen[2] is None


def test_help_of_every_command_exits_0():
    import click

    def paths(cmd: click.Command, prefix: list[str]) -> list[list[str]]:
        out = [prefix]
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                out += paths(sub, [*prefix, name])
        return out

    for argv in paths(cli, []):
        result = run(*argv, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output, argv


def test_errors_quoting_a_line_break_stay_one_line(tmp_path):
    line = one_line_error(run("status", tmp_path / "a\nb"))
    assert "a\\nb" in line
