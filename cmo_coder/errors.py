"""One exception family, so the CLI can turn any expected failure into one clear line.

Anything that is the user's input being wrong (a bad file, an unknown code, an
out-of-range span) raises a ``CmoError`` subclass whose message names the file and the
place. Anything else is a bug and is reported as such.
"""

from __future__ import annotations


class CmoError(Exception):
    """An expected failure caused by input, with a message fit to show a user."""

    exit_code = 1


class ValidationFailed(CmoError):
    """Input broke a rule of the domain model; the message lists every broken rule."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or []
        full = message if not self.problems else message + "\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(full)


class NotFound(CmoError):
    """A named transcript, code, coding or project does not exist."""


class PrivacyError(CmoError):
    """An operation would put identifying data where it must never be."""


class ProjectBusy(CmoError):
    """Another writer held the project's write lock longer than we wait: try again in a moment.

    Not the input's fault, so the workbench answers it with 503 and Retry-After, not 400 or 500.
    """
