"""Notes and memos: about the study as a whole, or attached to a transcript, coding, PT or CMOC.

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


class MemoTarget(StrEnum):
    """What a memo is about; a note with no target is about the study as a whole."""

    transcript = "transcript"
    coding = "coding"
    pt = "pt"
    cmoc = "cmoc"


class ProjectNote(Frozen):
    id: StrictStr
    title: StrictStr = Field(min_length=1)
    description: StrictStr | None = None
    body: StrictStr
    author: StrictStr | None = None
    origin: NoteOrigin = NoteOrigin.manual
    created_at: datetime | None = None
    updated_at: datetime | None = None
    target_kind: MemoTarget | None = None
    target_id: StrictStr | None = None
