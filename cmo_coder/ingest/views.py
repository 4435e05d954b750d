"""JSON shapes of the ingest commands (documented in ``schemas/``; scripts rely on them)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..model.base import Frozen


class ProvisionalSpeaker(Frozen):
    label: str = Field(description="Provisional label (U<n>) until a manifest line covers the speaker.")
    name: str = Field(description="The name as the source wrote it (`Name@filestem` for role words like 'R').")
    suggested_manifest_line: str = Field(description="CSV line to complete (ROLE, SITE) and add to the manifest.")
    transcripts: list[str] = Field(default_factory=list)
    never_speaks: bool = Field(False, description="An attendee a Google Meet header names who speaks no turn: in "
                                                  "the key so their name is removed wherever said.")


class FileResult(Frozen):
    path: str
    status: Literal["imported", "replaced", "unchanged", "failed"]
    transcript_id: str | None = None
    source_format: str | None = None
    source_sha256: str | None = None
    turns: int | None = None
    characters: int | None = None
    speakers: list[str] = Field(default_factory=list, description="Study labels, in order of first turn.")
    warnings: list[str] = Field(default_factory=list)
    error: str | None = Field(default=None, description="Why the file failed, naming the file and place.")


class ImportReport(Frozen):
    """Output of ``cmo-coder import --json``."""

    files: list[FileResult]
    provisional_speakers: list[ProvisionalSpeaker] = Field(default_factory=list)
    normaliser_version: str

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]


class TranscriptListItem(Frozen):
    id: str
    title: str
    source_format: str
    kind: str
    status: Literal["pending", "signed_off"] | str
    source_sha256: str
    normaliser_version: str
    characters: int | None
    turns: int = Field(description="Turns of the project copy; for a pending transcript, of its import.")
    codings: int
    source_file: str | None = Field(default=None, description="Only with --secure: the file it was imported from.")


class TranscriptList(Frozen):
    """Output of ``cmo-coder transcripts --json``."""

    transcripts: list[TranscriptListItem]


class TurnView(Frozen):
    speaker: str = Field(description="Study label (provisional U<n> or UNKNOWN in the secure view).")
    role: str | None = None
    site: str | None = None
    start: int = Field(description="Start character offset (inclusive).")
    end: int = Field(description="End character offset (exclusive).")
    start_time: float | None = None
    end_time: float | None = None
    flags: list[str] = Field(default_factory=list)
    speaker_name: str | None = Field(default=None, description="Only with --secure: the name as the source wrote it.")


class TranscriptView(Frozen):
    """Output of ``cmo-coder show --json``: without --secure, the project's anonymised text;
    a pending transcript has no text or turns there. With --secure, the raw identifiable copy."""

    id: str
    title: str
    source_format: str
    kind: str
    status: str
    secure: bool = Field(description="True when this is the raw identifiable copy from the secure folder.")
    source_file: str | None = Field(default=None, description="Only with --secure: the file it was imported from.")
    source_sha256: str
    normaliser_version: str
    text: str | None = None
    turns: list[TurnView] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class TranscriptRemoval(Frozen):
    """Output of ``cmo-coder transcripts remove --json``."""

    transcript: str
    status: str = Field(description="Its status when removed ('removed earlier': only secure copies were left).")
    codings: int = Field(description="Codings removed with it (only with --force).")
    suggestions: int = Field(description="Suggestions for it that were removed.")
    secure_files: list[str] = Field(default_factory=list, description="Files removed from the secure folder.")
    secure_left: bool = Field(description="True when no --secure was given: its secure copies are still there.")
