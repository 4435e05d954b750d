"""Fuzz target: the command line, argv drawn from the real click command tree with hostile values.

The tree is walked at run time, so a command or option added later is fuzzed too. Each value
is drawn by the parameter's type: paths among a real project, a secure folder, a regular
file, a path under that file, a missing one, an empty or NUL-holding one; numbers among nan,
infinities, huge, negative and ordinary; choices among the real ones and a wrong one; free
text with control characters. Whatever the argv, the CLI must exit 0 or 1 (never click's 2,
never an internal error), print no traceback, and when it fails say so in one line starting
``error:`` (a list of problems may follow it, indented).
"""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from exchange_helpers import build_rich
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.store import Project
from cmo_coder.store.secure import SecureFolder
from tests.fuzzing import fuzz_settings
from tests.study import add_signed_off

# Commands that load the language model take seconds per call; the short run leaves them to
# the long one (CMO_FUZZ_SCALE > 1) so `make test` stays quick.
SLOW = {("anonymise",), ("suggest", "run"), ("which-pt",)}
# `serve` runs until interrupted; its own fuzz target (tests/test_web_serve.py) replaces the server.
BLOCKING = {("serve",)}


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    out: list[tuple[tuple[str, ...], click.Command]] = [(prefix, group)] if prefix else []
    for name, cmd in sorted(group.commands.items()):
        path = (*prefix, name)
        if isinstance(cmd, click.Group):
            out += _commands(cmd, path)
        else:
            out.append((path, cmd))
    return out


COMMANDS = _commands(cli)


def _long_run() -> bool:
    return os.environ.get("CMO_FUZZ_SCALE", "1") not in ("", "1")


def _places(base: Path) -> dict[str, str]:
    return {
        "project": str(base / "study"), "secure": str(base / "secure"), "file": str(base / "notes.txt"),
        "under_file": str(base / "notes.txt" / "out.csv"), "missing": str(base / "missing" / "x.csv"),
        "folder": str(base / "empty"), "new": str(base / "new-out.csv"), "dash": "-",
        "long": str(base / ("n" * 300)), "sample": str(base / "study" / "project.sqlite"),
        "codebook": "tiny", "dotdot": str(base / "empty" / ".." / "notes.txt"),
    }


TEXT = st.one_of(
    st.sampled_from(["", "PT1", "PT2", "PT1.C1", "PT1.MR1", "T01", "T02", "P3", "SP1", "cod-0", "cmoc-1",
                     "supports", "refutes", "context", "outcome", "Mres", "alice,bob", "alice", "x" * 500,
                     "0:5", "5:2", "-1:3", "0:99999", "a\nb", "\x00", "--help", "-", "Ω😊", "PT1/MR1", "nan",
                     "We assess everyone together now", "I kept coming back", "role", "site"]),
    st.text(max_size=12),
)


def _value(param: click.Parameter, places: dict[str, str]) -> st.SearchStrategy[str]:
    kind = param.type
    inner = getattr(kind, "inner", kind)
    if isinstance(kind, click.Path):
        return st.one_of(st.sampled_from(sorted(places.values())), st.sampled_from(["", "a\x00b", "\n"]))
    if isinstance(inner, click.Choice):
        return st.one_of(st.sampled_from([str(c) for c in inner.choices]), st.sampled_from(["bogus", ""]))
    if isinstance(inner, (click.types.FloatParamType, click.types.IntParamType)):
        return st.one_of(
            st.sampled_from(["nan", "inf", "-inf", "1e308", "-1", "0", "1", "0.5", "3", "abc", "",
                             "99999999999999999999999", "-0"]),
            st.integers(-10, 10).map(str),
        )
    if param.name in ("project",):
        return st.just(places["project"])
    return TEXT


@st.composite
def argv(draw: st.DrawFn, places: dict[str, str]) -> list[str]:
    choices = [c for c in COMMANDS if (_long_run() or c[0] not in SLOW) and c[0] not in BLOCKING]
    path, cmd = draw(st.sampled_from(choices))
    args = list(path)
    for param in cmd.params:
        if isinstance(param, click.Argument):
            if param.name == "project" and draw(st.integers(0, 4)):
                args.append(places["project"])
                continue
            n = 1 if param.nargs == 1 else draw(st.integers(0 if not param.required else 1, 3))
            if not param.required and draw(st.booleans()):
                n = 0
            args += [draw(_value(param, places)) for _ in range(n)]
        elif isinstance(param, click.Option) and (param.required or draw(st.integers(0, 3)) == 0):
            name = param.opts[-1]
            if param.is_flag or param.count:
                args.append(name)
            else:
                args += [name, draw(_value(param, places))]
    if draw(st.integers(0, 9)) == 0:  # a stray token
        args.insert(draw(st.integers(0, len(args))), draw(st.sampled_from(["--bogus", "extra", "-x", "--"])))
    return args


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    base = tmp_path_factory.mktemp("cli")
    where = _places(base)
    runner = CliRunner()
    assert runner.invoke(cli, ["init", where["project"], "--codebook", "tiny"]).exit_code == 0
    with Project.open(where["project"]) as project:  # two transcripts, codings, a CMOC: commands go deep
        build_rich(project, lambda tid, turns, title=None: add_signed_off(project, tid, turns, title=title))
    SecureFolder.open(where["secure"], project_path=where["project"], create=True)
    Path(where["file"]).write_text("P1: hello there\nP2: we met every week\n", encoding="utf-8")
    Path(where["folder"]).mkdir()
    return where


def _check(result, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    shown = f"argv={args!r}\nstdout={result.stdout[-800:]!r}\nstderr={result.stderr[-800:]!r}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {type(result.exception).__name__}: {result.exception}\n{shown}")
    assert result.exit_code in (0, 1), shown
    assert "Traceback" not in result.output and "internal error" not in result.output, shown
    if result.exit_code == 1:
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        errors = [i for i, ln in enumerate(lines) if ln.startswith("error: ")]
        if errors:
            assert len(errors) == 1, shown
            assert all(ln.startswith("  ") for ln in lines[errors[0] + 1:]), shown
        else:  # a failure without an error line must at least say it stopped (e.g. an aborted prompt)
            assert lines, shown


@pytest.mark.fuzz
@fuzz_settings(60)
@given(data=st.data())
def test_fuzz_cli_argv(places, data):  # type: ignore[no-untyped-def]
    args = data.draw(argv(places))
    cwd = Path(places["folder"])
    old = Path.cwd()
    os.chdir(cwd)  # relative paths land in the scratch folder
    try:
        result = CliRunner().invoke(cli, args, input="")
    finally:
        os.chdir(old)
    _check(result, args)


def test_every_command_is_reachable_by_the_fuzzer():
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"init", "status", "export", "import-qdpx", "code import", "code list"} <= names
