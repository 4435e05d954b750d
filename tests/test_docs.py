"""The documentation stays true to the command line.

Every ``cmo-coder …`` line in a code block of ``docs/`` or README.md is parsed with the
click app itself: the sub-command path must exist, every option must belong to that
command, choices must be valid and required arguments present. The parse never touches
the file system, so examples may name files that do not exist here. A failure names the
page and line. The site itself is built with ``mkdocs build --strict`` by ``make test``.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cmo_coder.cli.hardening import BoundedInt, FiniteFloat
from cmo_coder.cli.main import cli
from cmo_coder.cli.options import DB_ENV, pop_db

ROOT = Path(__file__).resolve().parent.parent
PROG = "cmo-coder"
_FENCE = re.compile(r"^\s*(```|~~~)")
_SEPARATORS = {";", "&&", "||", "|"}


@dataclass(frozen=True)
class Example:
    """One command line as shown in a page, with where it was shown."""

    page: str
    line: int
    args: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def _pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _code_lines(text: str) -> list[tuple[int, str]]:
    """Logical lines inside fenced code blocks (backslash continuations joined), with their first line number."""
    out: list[tuple[int, str]] = []
    inside = False
    pending: tuple[int, str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            continue
        start, sofar = pending if pending else (number, "")
        joined = sofar + line
        if joined.rstrip().endswith("\\"):
            pending = (start, joined.rstrip()[:-1] + " ")
            continue
        pending = None
        out.append((start, joined))
    return out


def _commands(line: str) -> list[list[str]]:
    """The simple commands of a shell line: comments, redirections and pipes taken apart."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|<>")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    commands: list[list[str]] = [[]]
    skip_next = False
    for token in lexer:
        if skip_next:
            skip_next = False
            continue
        if token in _SEPARATORS:
            commands.append([])
        elif token in {">", ">>", "<", "2>", "&>"} or re.fullmatch(r"[0-9]?[<>]+&?", token):
            skip_next = True
        else:
            commands[-1].append(token)
    return [c for c in commands if c]


def collect_examples() -> list[Example]:
    examples: list[Example] = []
    for page in _pages():
        rel = page.relative_to(ROOT).as_posix()
        for number, line in _code_lines(page.read_text(encoding="utf-8")):
            if PROG not in line:
                continue
            try:
                commands = _commands(line)
            except ValueError as exc:  # unbalanced quotes
                raise AssertionError(f"{rel}:{number}: cannot split the shell line: {exc}") from exc
            for words in commands:
                if words[:1] == ["$"]:  # a shell prompt before the command, in a block that shows output
                    words = words[1:]
                if words and Path(words[0]).name == PROG:
                    examples.append(Example(rel, number, tuple(words[1:])))
    return examples


def check(example: Example) -> tuple[str, ...]:
    """Parse one example with the click app; return its command path, or raise naming page and line."""
    args = list(example.args)
    command: click.Command = cli
    ctx = click.Context(cli, info_name=PROG)
    path: list[str] = []
    while isinstance(command, click.Group):
        parser = command.make_parser(ctx)
        parser.allow_interspersed_args = False
        try:
            _opts, rest, _order = parser.parse_args(args=list(args))
        except click.UsageError as exc:
            raise AssertionError(f"{example.where}: {' '.join([PROG, *path])}: {exc.format_message()}") from exc
        if not rest:
            raise AssertionError(f"{example.where}: {' '.join([PROG, *path])} needs a sub-command")
        rest = _default_subcommand(command, ctx, rest)
        name, sub = rest[0], command.get_command(ctx, rest[0])
        if sub is None:
            raise AssertionError(f"{example.where}: no command '{' '.join([PROG, *path, name])}'")
        path.append(name)
        command, args = sub, rest[1:]
        ctx = click.Context(command, info_name=name, parent=ctx)
    _check_leaf(example, command, ctx, args, path)
    return tuple(path)


def _default_subcommand(group: click.Group, ctx: click.Context, rest: list[str]) -> list[str]:
    """Apply a group's own default sub-command (``suggest PROJECT`` means ``suggest run PROJECT``)."""
    probe = list(rest)
    rewritten = type(group).parse_args is not click.Group.parse_args
    if rewritten and rest[0] not in group.commands:
        scratch = click.Context(group, info_name=ctx.info_name, resilient_parsing=True)
        group.parse_args(scratch, probe)
        return [*scratch._protected_args, *scratch.args]
    return rest


def _db_named(example: Example) -> bool:
    """Whether the page sets ``CMO_CODER_DB`` above the example (then PROJECT may be left out)."""
    page = ROOT / example.page
    if not page.is_file():
        return False
    lines = page.read_text(encoding="utf-8").splitlines()[: example.line]
    return any(line.lstrip().startswith(f"export {DB_ENV}=") for line in lines)


def _check_leaf(example: Example, command: click.Command, ctx: click.Context, args: list[str],
                path: list[str]) -> None:
    where = f"{example.where}: {' '.join([PROG, *path])}"
    if any(p.name == "db" for p in command.params):  # --db URL stands where PROJECT goes, as the CLI does it
        db, args = pop_db(args)
        if db is None and _db_named(example):
            db = "postgresql://example/db"
        if db is not None:
            args = [db, *args]
    parser = command.make_parser(ctx)
    try:
        opts, extra, _order = parser.parse_args(args=list(args))
    except click.UsageError as exc:
        raise AssertionError(f"{where}: {exc.format_message()}") from exc
    if extra and not ctx.allow_extra_args:
        raise AssertionError(f"{where}: unexpected extra arguments {extra}")
    if "help" in opts:
        return
    for param in command.params:
        value = opts.get(param.name) if param.name else None
        if value is None or type(value).__name__ == "Sentinel":  # click 8.2+ marks unset values
            value = None
        if isinstance(param, click.Argument) and param.required and value in (None, ()):
            raise AssertionError(f"{where}: missing argument {param.human_readable_name}")
        if isinstance(param.type, click.Choice) and value is not None:
            values = value if isinstance(value, list | tuple) else [value]
            for v in values:
                try:
                    param.type.convert(v, param, ctx)
                except click.BadParameter as exc:
                    raise AssertionError(f"{where}: {param.opts[0]}: {exc.format_message()}") from exc
        if isinstance(param.type, click.types.FloatParamType | click.types.IntParamType | FiniteFloat | BoundedInt) \
                and value is not None:
            try:
                param.type.convert(value, param, ctx)
            except click.BadParameter as exc:
                raise AssertionError(f"{where}: {param.opts[0]}: {exc.format_message()}") from exc


EXAMPLES = collect_examples()


def _leaf_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths.extend(_leaf_paths(command, (*prefix, name)))
        else:
            paths.append((*prefix, name))
    return paths


def test_the_pages_show_command_examples() -> None:
    pages = {e.page for e in EXAMPLES}
    assert len(EXAMPLES) >= 60, len(EXAMPLES)
    assert "README.md" in pages and any(p.startswith("docs/guide/") for p in pages)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.where)
def test_every_command_example_parses_with_the_current_cli(example: Example) -> None:
    check(example)


def test_the_guide_shows_every_command() -> None:
    """A command nobody shows in the guide is a command a team cannot find."""
    shown = {check(e) for e in EXAMPLES if e.page.startswith("docs/guide/")}
    missing = [" ".join(p) for p in _leaf_paths(cli) if p not in shown]
    assert not missing, f"commands with no example in docs/guide/: {missing}"


def test_help_of_every_command_shown() -> None:
    runner = CliRunner()
    for path in sorted({check(e) for e in EXAMPLES}):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)


@pytest.mark.parametrize("line", [
    "cmo-coder export out/study --qdpx x.qdpx --no-such-option",
    "cmo-coder code frobnicate out/study",
    "cmo-coder graph out/study --pt PT3 --format pdf",
    "cmo-coder which-pt",
    "cmo-coder suggest out/study --min-confidence high",
])
def test_the_checker_rejects_a_wrong_example(line: str) -> None:
    words = _commands(line)[0]
    with pytest.raises(AssertionError, match=r"^page\.md:7: "):
        check(Example("page.md", 7, tuple(words[1:])))


def test_shell_lines_are_taken_apart() -> None:
    lines = _code_lines("```sh\ncmo-coder a \\\n  --b c  # note\nx\n```\ncmo-coder outside\n")
    assert lines == [(2, "cmo-coder a    --b c  # note"), (4, "x")]
    assert _commands("$ cmo-coder x") == [["$", "cmo-coder", "x"]]
    assert _commands("cmo-coder a --b 'c d' > out.txt; cmo-coder e | tail -n 1") == [
        ["cmo-coder", "a", "--b", "c d"], ["cmo-coder", "e"], ["tail", "-n", "1"]]


def test_readme_is_short_and_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_bytes()
    assert len(readme) < 8 * 1024, f"README.md is {len(readme)} bytes; the limit is 8 KB"
    text = readme.decode("utf-8")
    assert "make demo" in text and "make test" in text


def test_every_page_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    assert pages
    assert [p for p in pages if p not in nav] == []


# Options of other programs that the pages name, with the program: anything else must be ours.
_FOREIGN_OPTIONS = {"--help": "every command", "--split": "benchmarks/anonymise.py", "--set": "benchmarks/anonymise.py",
                    "--files": "benchmarks/anonymise.py", "--no-presidio": "benchmarks/anonymise.py",
                    "--keep": "benchmarks/anonymise.py", "--one-project": "benchmarks/anonymise.py",
                    "--strict": "mkdocs build",
                    "--index-url": "pip install (torch's CPU build)", "--seconds": "benchmarks/team_load.py",
                    "--kill": "benchmarks/team_load.py", "--engine": "benchmarks/team_load.py",
                    "--rounds": "benchmarks/anon_speed.py", "--sets": "benchmarks/anon_speed.py",
                    "--casings": "benchmarks/anon_speed.py", "--compare": "benchmarks/anon_speed.py",
                    "--work": "benchmarks/anon_speed.py", "--cpu": "benchmarks/anon_speed.py",
                    "--top": "benchmarks/anon_layers.py", "--functions": "benchmarks/anon_replay.py",
                    "--words": "benchmarks/anon_long_turns.py", "--runs": "benchmarks/review_page.py",
                    "--detach": "git worktree add", "--list": "benchmarks/public_shapes.py",
                    "--check": "benchmarks/public_coverage.py", "--misses": "benchmarks/public_coverage.py",
                    "--held-only": "benchmarks/public_coverage.py", "--diff": "benchmarks/anon_profile_diff.py",
                    "--reuse": "benchmarks/anon_profile_diff.py", "--by": "benchmarks/anon_profile_diff.py"}
_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def _all_options(group: click.Group) -> set[str]:
    found = {o for p in group.params for o in (*p.opts, *p.secondary_opts)}
    for command in group.commands.values():
        if isinstance(command, click.Group):
            found |= _all_options(command)
        found |= {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
    return found


def test_every_option_named_in_prose_exists() -> None:
    """Prose names options too ("`--skip-invalid`"): a renamed or removed option must not linger there."""
    known = _all_options(cli) | set(_FOREIGN_OPTIONS)
    stale = [f"{page.relative_to(ROOT).as_posix()}:{number}: {m.group()}"
             for page in _pages()
             for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1)
             for m in _OPTION.finditer(line) if m.group() not in known]
    assert not stale, f"options no cmo-coder command has: {stale}"


def test_every_schema_is_listed_in_the_reference() -> None:
    listed = (ROOT / "docs" / "reference" / "json.md").read_text(encoding="utf-8")
    schemas = sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))
    assert schemas
    assert [s for s in schemas if f"schemas/{s}" not in listed] == []
