"""The argument layer's guard rails: every value click accepts is one a command can use.

Click checks a number's type and a path's kind, but lets through values no command can
act on: ``nan`` and ``inf`` (and ``1e308``, which overflows once scaled to bytes), paths
holding a NUL character, which the operating system cannot name, and empty paths, which
silently mean the current folder. Rather than remembering this on each option, the whole
command tree is walked once and each number and path type is tightened in place, so an
option added later is covered too. The helpers here also turn click's and the operating
system's failures into the one-line errors the CLI promises.
"""

from __future__ import annotations

import math
from typing import Any

import click

#: Beyond this, a float option is not a count, a size or a confidence anyone means.
MAX_FLOAT = 1e12
#: Integer options are counts and positions; SQLite stores 64-bit integers.
MAX_INT = 2**62


def _printable(text: str) -> str:
    """One line whatever the user typed: control characters shown as escapes."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


def error_text(message: str) -> str:
    """A project error as printed: its first line, then only its indented list of problems.

    Messages quote what the user gave (a path, an id), which may hold a line break or other
    control characters; those are shown escaped so the error stays one line (plus the
    "  - problem" lines a ``ValidationFailed`` lists on purpose).
    """
    lines: list[str] = []
    for part in message.split("\n"):
        if lines and not part.startswith("  "):
            lines[-1] += "\\n" + _printable(part)
        else:
            lines.append(_printable(part))
    return "\n".join(lines)


def click_error_line(exc: click.ClickException) -> str:
    """Click's error as one line, pointing at the help of the command it concerns."""
    message = " ".join(_printable(part) for part in exc.format_message().split("\n") if part.strip())
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        return f"{message} (see {ctx.command_path} --help)"
    return message


def os_error_line(exc: OSError) -> str:
    """``path: reason`` for a refusal by the operating system on a path the user named."""
    names = [str(n) for n in (exc.filename, exc.filename2) if n is not None]
    reason = exc.strerror or type(exc).__name__
    hint = ""
    if isinstance(exc, NotADirectoryError):
        hint = " (a part of the path is a file, not a folder)"
    elif isinstance(exc, IsADirectoryError):
        hint = " (a folder, where a file is needed)"
    elif isinstance(exc, PermissionError):
        hint = " (check the folder's permissions)"
    return f"{_printable(' -> '.join(names))}: {reason}{hint}"


class _Checked(click.ParamType):
    """A number type that converts with the option's own type, then checks what that type lets through;
    help text, metavar and info stay the inner type's."""

    def __init__(self, inner: click.ParamType) -> None:
        self.inner = inner
        self.name = inner.name

    def check(self, result: Any) -> str | None:
        """Why ``result`` is refused, or None."""
        raise NotImplementedError

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        result = self.inner.convert(value, param, ctx)
        problem = self.check(result) if result is not None else None
        if problem:
            self.fail(f"{value!r} {problem}", param, ctx)
        return result

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return self.inner.get_metavar(param, ctx)

    def to_info_dict(self) -> Any:
        return self.inner.to_info_dict()

    def __repr__(self) -> str:
        return repr(self.inner)


class FiniteFloat(_Checked):
    """A float that is a real number within the option's range (no nan, no infinities)."""

    name = "float"

    def check(self, result: Any) -> str | None:
        if not math.isfinite(result) or abs(result) > MAX_FLOAT:
            return f"is not a usable number (finite, at most {MAX_FLOAT:g})"
        return None


class BoundedInt(_Checked):
    """An integer SQLite and Python's sequences can hold."""

    name = "integer"

    def check(self, result: Any) -> str | None:
        return "is out of range" if abs(result) > MAX_INT else None


class NamedPath(click.Path):
    """A ``click.Path`` that refuses values no file can have: empty, or holding a NUL."""

    def __init__(self, inner: click.Path) -> None:
        super().__init__(
            exists=inner.exists, file_okay=inner.file_okay, dir_okay=inner.dir_okay, writable=inner.writable,
            readable=inner.readable, resolve_path=inner.resolve_path, allow_dash=inner.allow_dash,
            path_type=inner.type, executable=inner.executable,
        )

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value) if not isinstance(value, bytes) else value.decode("utf-8", "replace")
        if text == "":
            self.fail("an empty path names nothing", param, ctx)
        if "\x00" in text:
            self.fail(f"{_printable(text)!r} holds a NUL character; no file can be named so", param, ctx)
        return super().convert(value, param, ctx)


class PlainText(click.types.StringParamType):
    """Text that names something (a codebook, a transcript, a surface): never a NUL, which no file,
    id or word can hold and which the operating system refuses deep inside a command."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = super().convert(value, param, ctx)
        if isinstance(text, str) and "\x00" in text:
            self.fail(f"{_printable(text)!r} holds a NUL character", param, ctx)
        return text


def _tighten(param: click.Parameter) -> None:
    kind = param.type
    if isinstance(kind, click.Path) and not isinstance(kind, NamedPath):
        param.type = NamedPath(kind)
    elif isinstance(kind, (click.types.FloatParamType, click.FloatRange)):
        param.type = FiniteFloat(kind)
    elif isinstance(kind, (click.types.IntParamType, click.IntRange)):
        param.type = BoundedInt(kind)
    elif type(kind) is click.types.StringParamType:
        param.type = PlainText()


def harden(command: click.Command) -> None:
    """Tighten every parameter of ``command`` and, for a group, of every command under it."""
    for param in command.params:
        _tighten(param)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            harden(sub)
