"""Commands of the suggest stage."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Add this stage's commands to the top-level group."""
