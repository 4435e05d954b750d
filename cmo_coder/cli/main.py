"""The ``cmo-coder`` command line: one group, one module of commands per stage.

Expected failures (``CmoError``) become one line on stderr and exit code 1; anything
else is a bug, reported in one line too unless ``--debug`` asks for the traceback.
A command line click cannot parse is an expected failure like any other: one line naming
the problem and the ``--help`` to read, exit code 1 (click's own style prints a usage block
and exits 2). An operating-system refusal on a path the user named (permission denied, a
folder under a regular file, a full disk) is reported as such, not as a bug.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click
from pydantic import ValidationError

from .. import __version__
from ..errors import CmoError
from ..store.project import is_busy
from . import hardening, options
from .lazy import COMMAND_MODULES, LazyCommands


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except CmoError as exc:
            if debug:
                raise
            click.echo(f"error: {hardening.error_text(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except ValidationError as exc:
            if debug:
                raise
            lines = [f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()]
            click.echo("error: invalid input\n" + "\n".join(f"  - {line}" for line in lines), err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            raise
        except OSError as exc:
            if debug or not exc.filename:
                if debug:
                    raise
                click.echo(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)", err=True)
                ctx.exit(2)
            click.echo(f"error: {hardening.os_error_line(exc)}", err=True)
            ctx.exit(1)
        except Exception as exc:  # a bug: say so in one line
            if debug:
                raise
            if is_busy(exc):  # another program's lock met outside a change (SQLite recovering after a crash)
                click.echo("error: the project is busy: another program is writing to it; nothing was changed, "
                           "try again in a moment", err=True)
                ctx.exit(1)
            click.echo(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)", err=True)
            ctx.exit(2)
        return None

    def main(
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:
        """Run click without its standalone error display, so usage errors are one line and exit 1."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # a bare group: its help is what was asked for
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.ClickException as exc:
            click.echo(f"error: {hardening.click_error_line(exc)}", err=True)
            sys.exit(1)
        except click.exceptions.Abort:
            click.echo("aborted", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cmo-coder")
@click.option("--debug", is_flag=True, help="Show a full traceback on errors.")
def cli(debug: bool) -> None:
    """Realist-evaluation coding of qualitative transcripts.

    Load transcripts, anonymise them, tag context–mechanism–outcome evidence against
    programme theories, query and graph it, and exchange it with NVivo, ATLAS.ti,
    MAXQDA and QualCoder (REFI-QDA).
    """


def _prepare(command: click.Command) -> None:
    """What every command gets as its stage's module is imported: tightened parameters and ``--db``."""
    hardening.harden(command)
    options.enable_db_option(command)


hardening.harden(cli)  # the group's own options (``--debug``): it holds no command yet
# each stage's commands are imported on first use (see .lazy): ``anonymise`` need not import the workbench
cli.commands = LazyCommands(__package__ or "cmo_coder.cli", COMMAND_MODULES, _prepare)


def main() -> None:
    try:
        cli(prog_name="cmo-coder")
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
