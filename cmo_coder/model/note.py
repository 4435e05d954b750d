"""Project-level notes: memos about the study as a whole rather than about one coding.

QDA tools keep research diaries and analytic memos beside the codes; a REFI-QDA import
brings them along, and an export gives them back, so they get a home of their own.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field, StrictStr

from .base import Frozen


class NoteOrigin(StrEnum):
    manual = "manual"
    refi_qda = "refi_qda"


class ProjectNote(Frozen):
    id: StrictStr
    title: StrictStr = Field(min_length=1)
    description: StrictStr | None = None
    body: StrictStr
    author: StrictStr | None = None
    origin: NoteOrigin = NoteOrigin.manual
    created_at: datetime | None = None
    updated_at: datetime | None = None
