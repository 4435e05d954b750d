"""The top-level group imports each stage's module on first use (cmo_coder/cli/lazy.py), and answers as the group
that imported and walked every module at start."""

from __future__ import annotations

import json
import subprocess
import sys

import click
from click.testing import CliRunner

from cmo_coder.cli import hardening, options
from cmo_coder.cli.lazy import COMMAND_MODULES, LazyCommands
from cmo_coder.cli.main import cli


def _eager_group() -> click.Group:
    """The plain group: every module registered in the table's order, then hardened and given ``--db``."""
    import importlib

    group = click.Group("eager")
    for module in COMMAND_MODULES:
        importlib.import_module(f"cmo_coder.cli.{module}").register(group)
    hardening.harden(group)
    options.enable_db_option(group)
    return group


def _shape(command: click.Command) -> object:
    """What a command looks like to a user: its parameters' names, types, options and help, its subcommands."""
    params = [(p.name, type(p.type).__name__, tuple(getattr(p, "opts", ())), getattr(p, "help", None),
               p.required, p.nargs) for p in command.params]
    subs = ({name: _shape(sub) for name, sub in command.commands.items()}
            if isinstance(command, click.Group) else None)
    return command.name, command.help, params, subs


def test_each_module_registers_exactly_its_table_row() -> None:
    import importlib

    for module, names in COMMAND_MODULES.items():
        staging = click.Group()
        importlib.import_module(f"cmo_coder.cli.{module}").register(staging)
        assert tuple(staging.commands) == names, module


def test_the_lazy_group_lists_the_same_commands_in_the_same_order_and_shape() -> None:
    eager = _eager_group()
    assert list(cli.commands) == list(eager.commands)
    assert len(cli.commands) == len(eager.commands)
    for name in eager.commands:
        assert _shape(cli.commands[name]) == _shape(eager.commands[name]), name
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(eager.commands)


def _fresh(prepared: list[str]) -> LazyCommands:
    return LazyCommands("cmo_coder.cli", COMMAND_MODULES, lambda c: prepared.append(str(c.name)))


def test_asking_for_one_command_imports_only_its_module() -> None:
    prepared: list[str] = []
    commands = _fresh(prepared)
    assert "anonymise" in commands and "users" in commands and "import-qdpx" in commands
    assert "nonsense" not in commands and 3 not in commands
    assert prepared == []  # knowing the names imports nothing
    assert commands["review"].name == "review"
    assert prepared == ["anonymise", "review", "leakcheck"]  # the module's commands, each prepared once
    assert commands.get("anonymise") is commands["anonymise"]
    assert commands.get("nonsense") is None
    assert prepared == ["anonymise", "review", "leakcheck"]
    assert list(commands) == [n for names in COMMAND_MODULES.values() for n in names]
    assert sorted(prepared) == sorted(n for names in COMMAND_MODULES.values() for n in names)


def test_a_command_added_or_removed_by_hand_behaves_as_in_a_plain_dict() -> None:
    prepared: list[str] = []
    commands = _fresh(prepared)
    mine = click.Command("review")
    commands["review"] = mine  # replaces the module's command, which its later import cannot bring back
    assert commands["review"] is mine and commands["anonymise"].name == "anonymise"
    extra = click.Command("extra")
    commands["extra"] = extra
    assert "extra" in commands and list(commands)[-1] == "extra"
    del commands["extra"]
    del commands["users"]
    assert "extra" not in commands and "users" not in commands
    assert "users" not in list(commands)


def test_the_cli_starts_without_importing_other_stages() -> None:
    code = ("import json, sys; from cmo_coder.cli.main import cli; cli.commands['anonymise']; "
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('cmo_coder.cli.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert "cmo_coder.cli.anonymise_cmds" in loaded
    for module in COMMAND_MODULES:
        if module != "anonymise_cmds":
            assert f"cmo_coder.cli.{module}" not in loaded, module


def test_usage_errors_and_help_read_as_before() -> None:
    runner = CliRunner()
    eager = _eager_group()
    wrong = runner.invoke(cli, ["anonymse"])
    assert wrong.exit_code != 0 and "anonymse" in (wrong.output + str(wrong.exception))
    helped = runner.invoke(cli, ["--help"])
    assert helped.exit_code == 0
    for name in eager.commands:
        assert name in helped.output
    sub = runner.invoke(cli, ["anonymise", "--help"])
    assert sub.exit_code == 0 and "--db URL" in sub.output and "--secure" in sub.output
