"""What one running workbench knows: the project, who is coding, and the sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..store import Project
from .changes import GuardedProject
from .security import Sessions


@dataclass
class Workbench:
    project_path: Path
    coder: str
    secure_path: Path | None = None
    sessions: Sessions = field(default_factory=Sessions)

    @contextmanager
    def project(self) -> Iterator[Project]:
        """The project, opened for this request only (SQLite connections stay in one thread), with
        changes re-checked inside the write lock (:class:`GuardedProject`)."""
        project = GuardedProject.open(self.project_path)
        try:
            yield project
        finally:
            project.close()
