"""The project store (SQLite + audit log) and the secure folder for identifying data."""

from .project import Project, TranscriptSummary, Tx, current_actor
from .secure import SecureFolder

__all__ = ["Project", "SecureFolder", "TranscriptSummary", "Tx", "current_actor"]
