"""Output helpers shared by every command: JSON for scripts, plain lines for people."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def emit_json(data: Any) -> None:
    """Stable JSON (sorted keys, UTF-8) so scripts and tests can diff outputs."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def info(message: str) -> None:
    """Progress and notes go to stderr, keeping stdout clean for data."""
    click.echo(message, err=True)


def is_tty() -> bool:
    return sys.stderr.isatty()
