"""The top-level group's commands, each stage's module imported when one of its commands is first asked for.

Why: a run of ``cmo-coder anonymise`` imported every stage's module at start (coding, graphs, exchange, the
workbench, suggestions), about a fifth of the command line's import, for commands it never runs. The group still
knows every command's name without importing anything, so ``name in cli.commands`` and the usage errors answer as
before; listing the commands (``--help``) or walking them (``cli.commands.items()``, as the tests and the
documentation checks do) imports every module, in the order the group always registered them.

Each module's commands are hardened and given ``--db`` as they arrive (:func:`.hardening.harden`,
:func:`.options.enable_db_option`), exactly as the whole group was once at start, so a command looks the same
whichever way it was reached.

A module that fails to import (a dependency missing or broken in the user's environment, an install cut short) no
longer takes the whole command line with it: its commands become :class:`Unavailable` stand-ins that say which
module failed and why, in one ``error:`` line with exit code 1, while every other command, ``--help`` and click's
"No such command" work as before. With the import done at start, such a failure was a traceback before any command
ran; done lazily, it was a traceback from ``--help`` and an "internal error" from everything else.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, MutableMapping

import click

COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "project_cmds": ("init", "status", "config"),
    "ingest_cmds": ("import", "transcripts", "show"),
    "anonymise_cmds": ("anonymise", "review", "leakcheck"),
    "coding_cmds": ("code", "cmoc", "markup", "agreement"),
    "graph_cmds": ("graph", "report", "which-pt", "evidence", "matrix"),
    "exchange_cmds": ("export", "import-qdpx"),
    "suggest_cmds": ("suggest",),
    "serve_cmds": ("serve",),
    "theory_cmds": ("theory",),
    "memo_cmds": ("memo",),
    "db_cmds": ("db",),
    "users_cmds": ("users",),
}
"""Each stage's module of ``cmo_coder.cli`` and the commands its ``register`` adds, in the order they are
registered (``tests/test_cli_lazy.py`` checks this table against what each module registers)."""


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's ``commands``: the names of :data:`COMMAND_MODULES` at once, a command when first asked for.

    ``prepare`` is applied to each command as its module is imported (the hardening and ``--db`` passes).
    Iterating, or asking the length, imports every module, so the order is the registration order."""

    def __init__(self, package: str, modules: dict[str, tuple[str, ...]],
                 prepare: Callable[[click.Command], None]) -> None:
        self._package = package
        self._pending = dict(modules)
        self._module_of = {name: module for module, names in modules.items() for name in names}
        self._order = [name for names in modules.values() for name in names]
        self._loaded: dict[str, click.Command] = {}
        self._prepare = prepare

    def _load(self, module: str) -> None:
        names = self._pending.pop(module, None)
        if names is None:
            return
        staging = click.Group()
        try:
            importlib.import_module(f"{self._package}.{module}").register(staging)
        except Exception as exc:  # noqa: BLE001 (whatever broke the import, the other commands must still run)
            for name in names:
                self._loaded[name] = Unavailable(name, f"{self._package}.{module}", exc)
            return
        for name, command in staging.commands.items():
            self._prepare(command)
            self._loaded[name] = command

    def _load_all(self) -> None:
        for module in list(self._pending):
            self._load(module)

    def __getitem__(self, name: str) -> click.Command:
        module = self._module_of.get(name)
        if module is not None:
            self._load(module)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        module = self._module_of.get(name)
        if module is not None:
            self._load(module)  # a command added later wins over its module's, as in a plain dict
        elif name not in self._order:
            self._order.append(name)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self[name]  # noqa: B018 (loads its module first, so the module cannot bring it back)
        del self._loaded[name]
        self._order.remove(name)

    def __contains__(self, name: object) -> bool:
        if name in self._loaded:
            return True
        return isinstance(name, str) and self._module_of.get(name) in self._pending

    def __iter__(self) -> Iterator[str]:
        self._load_all()
        return iter([name for name in self._order if name in self._loaded])

    def __len__(self) -> int:
        self._load_all()
        return len(self._loaded)


class Unavailable(click.Command):
    """A command whose module could not be imported: listed, with the reason, and refused in one line when run.

    Asking for its ``--help`` is refused too, since the help text is in the module that failed. ``--debug`` on the
    group shows the import's own traceback."""

    def __init__(self, name: str, module: str, error: Exception) -> None:
        reason = " ".join(f"{type(error).__name__}: {error}".split())
        super().__init__(name, help=f"Unavailable: {module} could not be loaded ({reason}).",
                         short_help=f"(unavailable: {reason})", add_help_option=False,
                         context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
        self.module = module
        self.error = error
        self.message = (f"the command {name!r} cannot run: its part of cmo-coder ({module}) failed to load ({reason}); "
                        "reinstall cmo-coder or its dependencies (rerun with --debug for the traceback)")

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.find_root().params.get("debug"):
            raise self.error
        raise click.ClickException(self.message)
