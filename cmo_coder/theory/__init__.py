"""Refining programme theories: versions, the changes that make them, diffs and their report.

The codebook a project starts from is a first draft. Each change to a programme theory
(a reworded statement, an element added, edited, retired, a PT added, split or merged)
makes a new version of every PT it touches, carrying its author, time, rationale and
the codings or configurations that motivated it. Nothing is overwritten: every version
stays readable, and the audit log holds each change so the versions can be rebuilt.
"""

from __future__ import annotations

from .model import ChangeKind, PTVersion, TheoryChange
from .versions import apply_change, replay

__all__ = ["ChangeKind", "PTVersion", "TheoryChange", "apply_change", "replay"]
