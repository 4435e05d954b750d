"""The lazy command table (cmo_coder/cli/lazy.py) with every command's help, unknown commands and a stage's module that
fails to import.

A module that cannot be imported (a dependency missing from the user's environment) gave a traceback from
``cmo-coder --help`` and "internal error: ImportError" from every other command, unknown ones included (click's
"did you mean" lists every command, so it imports every module). Its commands are now listed as unavailable with
the reason and refused in one ``error:`` line with exit code 1; the other commands are untouched.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cmo_coder.cli.lazy import COMMAND_MODULES, LazyCommands, Unavailable
from cmo_coder.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent


def _paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in group.commands.items():
        out.append((*prefix, name))
        if isinstance(command, click.Group):
            out += _paths(command, (*prefix, name))
    return out


def test_every_commands_help_works() -> None:
    runner = CliRunner()
    paths = _paths(cli)
    assert len(paths) > 40
    for path in paths:
        done = runner.invoke(cli, [*path, "--help"])
        assert done.exit_code == 0, (path, done.output)
        assert "Usage:" in done.output and "Traceback" not in done.output, path


@pytest.mark.parametrize("argv", [["anonymse"], ["no-such-command", "x"], ["code", "no-such-sub"], ["\u202ereview"]])
def test_an_unknown_command_gets_clicks_message(argv: list[str]) -> None:
    done = CliRunner().invoke(cli, argv)
    assert done.exit_code == 1
    assert "No such command" in done.output and "Traceback" not in done.output


_BROKEN = """
import importlib, sys
real = importlib.import_module
broken = "cmo_coder.cli." + sys.argv[1]
def refuse(name, *args, **kwargs):
    if name == broken:
        raise {error}
    return real(name, *args, **kwargs)
importlib.import_module = refuse
from cmo_coder.cli.main import main
sys.argv = ["cmo-coder", *sys.argv[2:]]
main()
"""


def _run(module: str, *argv: str, error: str = "ImportError(\"No module named 'networkx'\")") -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-c", _BROKEN.format(error=error), module, *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def test_a_module_that_fails_to_import_gives_one_clear_line_for_its_commands() -> None:
    for argv in (["report", "--help"], ["report", "/nowhere"], ["which-pt", "proj", "a quote"]):
        code, out, err = _run("graph_cmds", *argv)
        assert code == 1, argv
        assert err.count("\n") == 1 and err.startswith("error: the command ") and "Traceback" not in err, err
        assert "cmo_coder.cli.graph_cmds" in err and "No module named 'networkx'" in err and "reinstall" in err
    code, _, err = _run("graph_cmds", "report", error="RuntimeError('numpy was built for another Python')")
    assert code == 1 and "RuntimeError: numpy was built for another Python" in err and "Traceback" not in err


def test_the_other_commands_help_and_unknown_commands_still_work() -> None:
    code, out, err = _run("graph_cmds", "--help")
    assert code == 0 and "Traceback" not in err
    assert "(unavailable: ImportError: No module named 'networkx')" in out
    assert "anonymise" in out and "import" in out
    code, out, err = _run("graph_cmds", "anonymise", "--help")
    assert code == 0 and "--register" in out
    code, _, err = _run("graph_cmds", "status", "/nowhere/project")
    assert code == 1 and "not a cmo-coder project" in err
    code, _, err = _run("graph_cmds", "repor")
    assert code == 1 and "No such command 'repor'" in err and "Traceback" not in err


def test_debug_shows_the_imports_own_traceback() -> None:
    code, _, err = _run("graph_cmds", "--debug", "report", "x")
    assert code != 0 and "Traceback" in err and "No module named 'networkx'" in err


def test_a_broken_module_is_tried_once_and_its_stand_ins_cover_its_row() -> None:
    tries: list[str] = []

    def prepare(command: click.Command) -> None:
        pass

    table = LazyCommands("cmo_coder.cli.no_such_package", {"graph_cmds": COMMAND_MODULES["graph_cmds"]}, prepare)
    real = __import__("importlib").import_module

    def counting(name: str) -> object:
        tries.append(name)
        return real(name)

    import cmo_coder.cli.lazy as lazy

    lazy.importlib.import_module, saved = counting, lazy.importlib.import_module  # type: ignore[assignment]
    try:
        assert "report" in table
        first = table["report"]
        assert isinstance(first, Unavailable) and "ModuleNotFoundError" in first.message
        assert list(table) == list(COMMAND_MODULES["graph_cmds"])
        assert all(isinstance(table[name], Unavailable) for name in COMMAND_MODULES["graph_cmds"])
        assert tries == ["cmo_coder.cli.no_such_package.graph_cmds"]
    finally:
        lazy.importlib.import_module = saved  # type: ignore[assignment]
